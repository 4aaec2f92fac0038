import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { connectedDispositions } from '../../analytics/calling-funnel.ts';
import type { Actor } from '../../contract/access.ts';
import { scopeFor } from '../../contract/access.ts';
import type { AnalyticsFilters } from '../../contract/analytics.ts';
import type { DbExecutor } from '../../db/database.ts';
import { scopeCondition } from '../../db/scope.ts';
import { dayRange } from './analytics.repository.ts';

/**
 * The calls an analysis of calling reads (alias `a`, the caller's user `u`): live outbound calls
 * of the organization that the actor may read, in the date range (business time, in the
 * organization's time zone), by the callers and teams filtered on.
 */
function callConditions(actor: Actor, filters: AnalyticsFilters, timezone: string): RawBuilder<SqlBool> {
  const parts: RawBuilder<SqlBool>[] = [
    sql<SqlBool>`a.org_id = ${actor.orgId}::uuid`,
    sql<SqlBool>`a.type = 'call' and a.call_direction = 'outbound' and a.deleted_at is null and a.occurred_at is not null`,
    dayRange(sql`a.occurred_at`, filters, timezone),
  ];
  const scope = scopeCondition(scopeFor(actor, 'activity', 'read'), 'a.owner_id');
  if (scope) parts.push(scope);
  const ids = (list: readonly string[]) => sql.join(list.map((id) => sql`${id}::uuid`));
  if (filters.ownerId?.length) parts.push(sql<SqlBool>`a.owner_id in (${ids(filters.ownerId)})`);
  if (filters.teamId?.length) parts.push(sql<SqlBool>`u.team_id in (${ids(filters.teamId)})`);
  return sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
}

const connected = sql.join(connectedDispositions.map((d) => sql`${d}`));

export interface LeadCallDbRow {
  lead_id: string;
  caller_id: string | null;
  caller_name: string | null;
  team_id: string | null;
  team_name: string | null;
  script_id: string | null;
  script_version: number | null;
  script_name: string | null;
  occurred_at: Date;
  disposition: string;
  duration_seconds: number | null;
  objections: number;
}

/** Outbound calls to leads, with their caller and team, script version and the objections raised on each. */
export async function leadCalls(
  db: DbExecutor,
  actor: Actor,
  filters: AnalyticsFilters,
  timezone: string,
): Promise<LeadCallDbRow[]> {
  const r = await sql<LeadCallDbRow>`
    select a.lead_id, a.owner_id as caller_id, u.name as caller_name, u.team_id, t.name as team_name,
      a.script_id, a.script_version, p.name as script_name, a.occurred_at, a.call_disposition as disposition,
      a.duration_seconds,
      (select count(*)::int from raised_objections ro where ro.org_id = a.org_id and ro.activity_id = a.id) as objections
    from activities a
    left join users u on u.org_id = a.org_id and u.id = a.owner_id
    left join teams t on t.org_id = u.org_id and t.id = u.team_id
    left join pitch_scripts p on p.org_id = a.org_id and p.id = a.script_id
    where a.lead_id is not null and a.call_disposition is not null and ${callConditions(actor, filters, timezone)}`.execute(
    db,
  );
  return r.rows;
}

export interface LeadOutcomeDbRow {
  lead_id: string;
  meeting_booked_at: Date | null;
  opportunity_at: Date | null;
  won_at: Date | null;
}

/**
 * What became of the leads: the first meeting booked for the lead (not cancelled), its conversion
 * to a deal, and that deal's win.
 */
export async function leadOutcomes(
  db: DbExecutor,
  orgId: string,
  leadIds: readonly string[],
): Promise<LeadOutcomeDbRow[]> {
  if (leadIds.length === 0) return [];
  const r = await sql<LeadOutcomeDbRow>`
    select l.id as lead_id,
      (select min(b.created_at) from bookings b where b.org_id = l.org_id and b.lead_id = l.id and b.status <> 'cancelled') as meeting_booked_at,
      case when l.converted_deal_id is not null then l.converted_at end as opportunity_at,
      (select d.closed_at from deals d where d.org_id = l.org_id and d.id = l.converted_deal_id and d.status = 'won'
        and d.deleted_at is null) as won_at
    from leads l
    where l.org_id = ${orgId}::uuid and l.id in (${sql.join(leadIds.map((id) => sql`${id}::uuid`))})`.execute(db);
  return r.rows;
}

export interface ObjectionDbRow {
  category: string;
  outcome: string;
  response_used: string | null;
  stage_id: string | null;
  stage_name: string | null;
  products: { id: string; name: string }[];
  progressed: boolean;
}

/**
 * Objections raised in the date range on records the actor may read (the deal's scope when raised
 * on a deal, else the call's), with the deal's stage when it was raised, the products on its lines,
 * and whether a next step followed: a meeting booked (a booking or a call with that disposition)
 * for the lead or deal afterwards, or the deal entering a later stage or a won stage afterwards.
 */
export async function objectionFacts(
  db: DbExecutor,
  actor: Actor,
  filters: AnalyticsFilters,
  timezone: string,
): Promise<ObjectionDbRow[]> {
  const dealScope = scopeCondition(scopeFor(actor, 'deal', 'read'), 'd.owner_id', 'd.partner_account_id') ?? sql`true`;
  const callScope = scopeCondition(scopeFor(actor, 'activity', 'read'), 'a.owner_id') ?? sql`true`;
  const r = await sql<ObjectionDbRow>`
    select ro.category, ro.outcome, ro.response_used, at_raise.stage_id, at_raise.name as stage_name,
      (select coalesce(json_agg(json_build_object('id', pr.id, 'name', pr.name) order by pr.name), '[]')
        from products pr where pr.org_id = ro.org_id and pr.id in (select li.product_id from deal_line_items li
          where li.org_id = ro.org_id and li.deal_id = d.id)) as products,
      (exists (select 1 from bookings b where b.org_id = ro.org_id and b.status <> 'cancelled' and b.created_at >= ro.raised_at
          and (b.lead_id = a.lead_id or b.deal_id = d.id))
        or exists (select 1 from activities c where c.org_id = ro.org_id and c.type = 'call' and c.deleted_at is null
          and c.call_disposition = 'meeting_booked' and c.occurred_at >= ro.raised_at and (c.lead_id = a.lead_id or c.deal_id = d.id))
        or exists (select 1 from deal_stage_visits v join stages s on s.org_id = v.org_id and s.id = v.stage_id
          where v.org_id = ro.org_id and v.deal_id = d.id and v.entered_at > ro.raised_at
            and (s.kind = 'won' or s.position > coalesce(at_raise.position, -1)))) as progressed
    from raised_objections ro
    left join activities a on a.org_id = ro.org_id and a.id = ro.activity_id
    left join deals d on d.org_id = ro.org_id and d.id = coalesce(ro.deal_id, a.deal_id) and d.deleted_at is null
    left join lateral (select v.stage_id, s.name, s.position from deal_stage_visits v
        join stages s on s.org_id = v.org_id and s.id = v.stage_id
        where v.org_id = ro.org_id and v.deal_id = d.id and v.entered_at <= ro.raised_at
        order by v.entered_at desc, v.visit_no desc limit 1) at_raise on true
    where ro.org_id = ${actor.orgId}::uuid and ${dayRange(sql`ro.raised_at`, filters, timezone)}
      and (a.id is null or a.deleted_at is null)
      and ((d.id is not null and ${dealScope}) or (d.id is null and a.id is not null and ${callScope}))`.execute(db);
  return r.rows;
}

export interface ScriptCallDbRow {
  script_id: string;
  script_version: number;
  script_name: string;
  calls: number;
  booked: number;
}

/** Connected outbound calls made with a recorded script version, and how many of them booked a meeting, per version. */
export async function scriptCalls(
  db: DbExecutor,
  actor: Actor,
  filters: AnalyticsFilters,
  timezone: string,
): Promise<ScriptCallDbRow[]> {
  const r = await sql<ScriptCallDbRow>`
    select a.script_id, a.script_version, p.name as script_name, count(*)::int as calls,
      (count(*) filter (where a.call_disposition = 'meeting_booked'))::int as booked
    from activities a
    join pitch_scripts p on p.org_id = a.org_id and p.id = a.script_id
    left join users u on u.org_id = a.org_id and u.id = a.owner_id
    where a.script_id is not null and a.call_disposition in (${connected}) and ${callConditions(actor, filters, timezone)}
    group by a.script_id, a.script_version, p.name`.execute(db);
  return r.rows;
}
