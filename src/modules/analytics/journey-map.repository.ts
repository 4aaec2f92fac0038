import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { ProcessEdgeCount, VariantCount } from '../../analytics/process-map.ts';
import { journeySalesScope, scopeFor, type Actor } from '../../contract/access.ts';
import type { AnalyticsFilters } from '../../contract/analytics.ts';
import type { DbExecutor } from '../../db/database.ts';
import { scopeCondition } from '../../db/scope.ts';
import { dayRange } from './analytics.repository.ts';
import type { ProcessMapCounts } from './process-map.repository.ts';

// Milliseconds as float8 (date_part: extract() goes through numeric, which costs more per row).
const ms = (from: string, to: string) => sql.raw(`(date_part('epoch', ${to} - ${from}) * 1000)`);

/** Which journeys the joint map covers. */
export interface JourneyScope {
  orgId: string;
  /** The pipeline whose stage entries the converted deals contribute. */
  pipelineId: string;
  /** WHERE condition on the leads table aliased `l` (organization, read scope, owner filters, creation dates). */
  leadWhere: RawBuilder<SqlBool>;
  /** Which converted deals (alias `d`), activities (alias `a`) and bookings (alias `b`) the journeys show. */
  dealWhere: RawBuilder<SqlBool>;
  activityWhere: RawBuilder<SqlBool>;
  bookingWhere: RawBuilder<SqlBool>;
  /** Touch nodes per touch kind and campaign type (`touch:<kind>:<type>`) instead of per kind. */
  byCampaignType: boolean;
}

/**
 * The journeys' leads: live leads of the organization created in the date range (in the pipeline's
 * time zone), whose owner is in the actor's read scope of leads, of the owners and teams filtered on.
 */
export function journeyLeadConditions(actor: Actor, filters: AnalyticsFilters, timezone: string): RawBuilder<SqlBool> {
  const parts: RawBuilder<SqlBool>[] = [
    sql<SqlBool>`l.org_id = ${actor.orgId}::uuid and l.deleted_at is null`,
    dayRange(sql`l.created_at`, filters, timezone),
  ];
  const scope = scopeCondition(scopeFor(actor, 'lead', 'read'), 'l.owner_id');
  if (scope) parts.push(scope);
  const ids = (list: readonly string[]) => sql.join(list.map((id) => sql`${id}::uuid`));
  if (filters.ownerId?.length) parts.push(sql<SqlBool>`l.owner_id in (${ids(filters.ownerId)})`);
  if (filters.teamId?.length) {
    parts.push(
      sql<SqlBool>`exists (select 1 from users tu where tu.org_id = l.org_id and tu.id = l.owner_id and tu.team_id in (${ids(filters.teamId)}))`,
    );
  }
  return sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
}

/** The sales part of the journeys the actor may see: see `journeySalesScope`. */
export function journeySalesConditions(
  actor: Actor,
): Pick<JourneyScope, 'dealWhere' | 'activityWhere' | 'bookingWhere'> {
  const scope = journeySalesScope(actor);
  const or = (c: RawBuilder<SqlBool> | null) => c ?? sql<SqlBool>`true`;
  return {
    dealWhere: or(scopeCondition(scope.deal, 'd.owner_id', 'd.partner_account_id')),
    activityWhere: or(scopeCondition(scope.activity, 'a.owner_id')),
    // A booking is not written for a side: an agent (who reads activities by side) reads none.
    bookingWhere:
      scope.activity.kind === 'agent' ? sql<SqlBool>`false` : or(scopeCondition(scope.activity, 'b.owner_id')),
  };
}

interface NodeRow {
  key: string;
  events: number;
  cases: number;
  starts: number;
  ends: number;
  open: number;
}

/**
 * The joint marketing and sales process map in one statement. A case is a journey: a live lead of
 * the cohort and, once converted, its deal. Its events, in time order (at equal times in the order
 * listed), each a node:
 * - `lead:created` at the lead's creation;
 * - `touch:<kind>` (or `touch:<kind>:<campaign type>`) for each campaign touch of the lead, and of
 *   the contact it became from its conversion on;
 * - `lifecycle:<stage>` for each lifecycle move (`lead.lifecycle_changed`, business time), a
 *   recycle being a move back;
 * - `handoff:opened`, `handoff:breached` (at the due time the SLA ran out, whenever the check
 *   noticed) and `handoff:<accepted|rejected|withdrawn>` for its hand-offs to sales;
 * - `lead:disqualified` for each move of its status to disqualified (`lead.status_changed`);
 * - `activity:call`, `activity:email`, `activity:meeting_booked` (a booking not cancelled, when it
 *   was made) and `activity:meeting_held` (a meeting held, at its start), of the lead or its deal;
 * - `lead:converted` at its conversion, then its deal's stage entries in the pipeline (`deal_traces`).
 * From these: directly-follows pairs (counts, cases, P50/P90 of the time between), per node events,
 * cases, journeys starting and ending there (and of those ending, still open: the deal is not won or
 * lost and the lead is not disqualified), and variants: journeys grouped by their sequence of nodes
 * with repeats in a row taken once. A journey is won / lost when its deal's last visit to the
 * pipeline is to a won / lost stage; its cycle time runs from its first event to that closing entry.
 */
export async function journeyMapCounts(db: DbExecutor, s: JourneyScope): Promise<ProcessMapCounts> {
  const touchNode = s.byCampaignType ? sql`'touch:' || ct.kind || ':' || c.type` : sql`'touch:' || ct.kind`;
  const r = await sql<{
    edges: ProcessEdgeCount[];
    nodes: NodeRow[];
    variants: (Omit<VariantCount, 'sequence'> & { sequence: string })[];
  }>`
    with journeys as materialized (
      select l.id as lead_id, l.created_at, l.converted_at, l.converted_contact_id, l.converted_deal_id as deal_id,
             t.stage_ids, t.entered_ats, t.last_at as deal_last_at, coalesce(st.kind, 'open') as deal_kind,
             l.status = 'disqualified' as disqualified
      from leads l
      left join deal_traces t on t.org_id = l.org_id and t.deal_id = l.converted_deal_id and t.pipeline_id = ${s.pipelineId}::uuid
        and exists (select from deals d where d.org_id = l.org_id and d.id = l.converted_deal_id and d.deleted_at is null and ${s.dealWhere})
      left join stages st on st.org_id = l.org_id and st.id = t.stage_ids[cardinality(t.stage_ids)]
      where ${s.leadWhere}
    ),
    ev as (
      select j.lead_id, 'lead:created' as node, j.created_at as at, 0 as src, 0::bigint as ord from journeys j
      union all
      select j.lead_id, ${touchNode}, ct.touched_at, 1, 0 from journeys j
        join campaign_touches ct on ct.org_id = ${s.orgId}::uuid and ct.lead_id = j.lead_id
        join campaigns c on c.org_id = ct.org_id and c.id = ct.campaign_id
      union all
      select j.lead_id, ${touchNode}, ct.touched_at, 1, 0 from journeys j
        join campaign_touches ct on ct.org_id = ${s.orgId}::uuid and ct.contact_id = j.converted_contact_id and ct.touched_at >= j.converted_at
        join campaigns c on c.org_id = ct.org_id and c.id = ct.campaign_id
      union all
      select j.lead_id, case when e.type = 'lead.lifecycle_changed' then 'lifecycle:' || (e.data->>'to') else 'lead:disqualified' end,
             coalesce(e.business_time, e.occurred_at), 2, e.id
      from journeys j
      join events e on e.org_id = ${s.orgId}::uuid and e.entity_type = 'lead' and e.entity_id = j.lead_id
      where e.type = 'lead.lifecycle_changed' or (e.type = 'lead.status_changed' and e.data->>'to' = 'disqualified')
      union all
      select j.lead_id, x.node, x.at, 3, x.ord from journeys j
        join lead_handoffs h on h.org_id = ${s.orgId}::uuid and h.lead_id = j.lead_id
        cross join lateral (values ('handoff:opened', h.opened_at, 0), ('handoff:breached', case when h.breached_at is not null then h.due_at end, 1),
          ('handoff:' || h.status, case when h.status <> 'open' then h.decided_at end, 2)) as x(node, at, ord)
      where x.at is not null
      union all
      select j.lead_id, case when a.type = 'meeting' then 'activity:meeting_held' else 'activity:' || a.type end,
             case when a.type = 'meeting' then a.meeting_start else a.occurred_at end, 4, 0
      from journeys j
      join activities a on a.org_id = ${s.orgId}::uuid
        and (a.lead_id = j.lead_id or (a.deal_id = j.deal_id and a.lead_id is distinct from j.lead_id))
      where a.deleted_at is null and ${s.activityWhere}
        and ((a.type in ('call', 'email') and a.occurred_at is not null)
          or (a.type = 'meeting' and a.meeting_outcome = 'held' and a.meeting_start is not null))
      union all
      select j.lead_id, 'activity:meeting_booked', b.created_at, 4, 0 from journeys j
        join bookings b on b.org_id = ${s.orgId}::uuid
          and (b.lead_id = j.lead_id or (b.deal_id = j.deal_id and b.lead_id is distinct from j.lead_id))
      where b.status <> 'cancelled' and ${s.bookingWhere}
      union all
      select j.lead_id, 'lead:converted', j.converted_at, 5, 0 from journeys j where j.converted_at is not null
      union all
      select j.lead_id, u.stage_id::text, u.at, 6, u.ord from journeys j
        cross join lateral unnest(j.stage_ids, j.entered_ats) with ordinality as u(stage_id, at, ord)
      where j.stage_ids is not null
    ),
    seq as materialized (
      select lead_id, node, at, rn, rn = 1 as first_event, next_node is null as last_event, next_node, ${ms('at', 'next_at')} as next_ms,
             node is distinct from prev_node as new_run,
             (count(*) over (partition by lead_id, node order by rn rows unbounded preceding)) = 1 as first_of_node,
             (count(*) over (partition by lead_id, node, next_node order by rn rows unbounded preceding)) = 1 as first_of_pair
      from (
        select lead_id, node, at, row_number() over w as rn, lead(node) over w as next_node, lead(at) over w as next_at,
               lag(node) over w as prev_node
        from ev
        window w as (partition by lead_id order by at, src, ord, node)
      ) ordered
    ),
    edges as (
      select node as "from", next_node as "to", count(*)::int as count, (count(*) filter (where first_of_pair))::int as cases,
             percentile_cont(array[0.5, 0.9]::float8[]) within group (order by next_ms) as pc
      from seq where next_node is not null
      group by node, next_node
    ),
    nodes as (
      select q.node as key, count(*)::int as events, (count(*) filter (where q.first_of_node))::int as cases,
             count(*) filter (where q.first_event)::int as starts,
             count(*) filter (where q.last_event)::int as ends,
             count(*) filter (where q.last_event and j.deal_kind = 'open' and not j.disqualified)::int as open
      from seq q join journeys j on j.lead_id = q.lead_id
      group by q.node
    ),
    paths as (
      select q.lead_id, string_agg(q.node, ',' order by q.rn) filter (where q.new_run) as sequence, min(q.at) as first_at
      from seq q group by q.lead_id
    ),
    variants as (
      select p.sequence, count(*)::int as count,
             count(*) filter (where j.deal_kind = 'won')::int as won,
             count(*) filter (where j.deal_kind = 'lost')::int as lost,
             (percentile_cont(0.5) within group (order by ${ms('p.first_at', 'j.deal_last_at')}::float8)
               filter (where j.deal_kind <> 'open'))::float8 as "medianCycleMs"
      from paths p
      join journeys j on j.lead_id = p.lead_id
      group by p.sequence
    )
    select (select coalesce(json_agg(json_build_object('from', e."from", 'to', e."to", 'count', e.count, 'cases', e.cases, 'p50Ms', e.pc[1], 'p90Ms', e.pc[2])), '[]') from edges e) as edges,
           (select coalesce(json_agg(n), '[]') from nodes n) as nodes,
           (select coalesce(json_agg(v), '[]') from variants v) as variants`.execute(db);
  const row = r.rows[0];
  const nodes = row?.nodes ?? [];
  return {
    edges: row?.edges ?? [],
    nodes: {
      counts: nodes.map(({ key, events, cases }) => ({ key, events, cases })),
      starts: nodes.filter((x) => x.starts > 0).map((x) => ({ key: x.key, count: x.starts })),
      ends: nodes.filter((x) => x.ends > 0).map((x) => ({ key: x.key, count: x.ends, open: x.open })),
    },
    variants: (row?.variants ?? []).map((v) => ({ ...v, sequence: v.sequence.split(',') })),
  };
}
