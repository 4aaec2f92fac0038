import { sql, type RawBuilder } from 'kysely';
import type { ProcessEdgeCount, ProcessEndpointCount, ProcessNodeCount, VariantCount } from '../../analytics/process-map.ts';
import type { DbExecutor } from '../../db/database.ts';
import { traceCtes, type TraceScope } from './traces.repository.ts';

/**
 * The events of each cohort deal in order: its stage entries and, with `activities`, its
 * activities that happened (occurred, met or completed), a stage entry first at equal times;
 * with the next event of the same deal (`next_node`, `next_at`).
 */
function sequenceCtes(s: TraceScope, activities: boolean): RawBuilder<unknown> {
  const activityRows = activities
    ? sql`union all
      select a.deal_id, 'activity:' || a.type, coalesce(a.occurred_at, a.meeting_start, a.completed_at), 1, 0, c.status
      from activities a join cohort c on c.deal_id = a.deal_id
      where a.org_id = ${s.orgId}::uuid and a.deleted_at is null and coalesce(a.occurred_at, a.meeting_start, a.completed_at) is not null`
    : sql``;
  return sql`
    ${traceCtes(s)},
    ev as (
      select v.deal_id, v.stage_id::text as node, v.entered_at as at, 0 as src, v.visit_no as ord, v.status
      from visits v join cohort c on c.deal_id = v.deal_id
      ${activityRows}
    ),
    seq as (
      select deal_id, node, at, status,
             row_number() over w as rn,
             lead(node) over w as next_node,
             lead(at) over w as next_at
      from ev
      window w as (partition by deal_id order by at, src, ord)
    )`;
}

const ms = (from: string, to: string) => sql.raw(`(extract(epoch from ${to} - ${from}) * 1000)`);

/** Directly-follows pairs with counts and P50/P90 of the time between the two events. */
export async function processEdges(db: DbExecutor, s: TraceScope, activities: boolean): Promise<ProcessEdgeCount[]> {
  const r = await sql<ProcessEdgeCount>`
    with ${sequenceCtes(s, activities)}
    select node as "from", next_node as "to", count(*)::int as count, count(distinct deal_id)::int as cases,
           percentile_cont(0.5) within group (order by ${ms('at', 'next_at')})::float8 as "p50Ms",
           percentile_cont(0.9) within group (order by ${ms('at', 'next_at')})::float8 as "p90Ms"
    from seq where next_node is not null
    group by node, next_node`.execute(db);
  return r.rows;
}

/** Per node: events, cases, deals starting and ending there (and of those ending, still open). */
export async function processNodes(db: DbExecutor, s: TraceScope, activities: boolean): Promise<{ counts: ProcessNodeCount[]; starts: ProcessEndpointCount[]; ends: ProcessEndpointCount[] }> {
  const r = await sql<{ key: string; events: number; cases: number; starts: number; ends: number; open: number }>`
    with ${sequenceCtes(s, activities)}
    select node as key, count(*)::int as events, count(distinct deal_id)::int as cases,
           count(*) filter (where rn = 1)::int as starts,
           count(*) filter (where next_node is null)::int as ends,
           count(*) filter (where next_node is null and status = 'open')::int as open
    from seq group by node`.execute(db);
  return {
    counts: r.rows.map(({ key, events, cases }) => ({ key, events, cases })),
    starts: r.rows.filter((x) => x.starts > 0).map((x) => ({ key: x.key, count: x.starts })),
    ends: r.rows.filter((x) => x.ends > 0).map((x) => ({ key: x.key, count: x.ends, open: x.open })),
  };
}

/**
 * Variants: the cohort's deals grouped by their sequence of stages in the pipeline. A deal is
 * won / lost when its last visit there is to a won / lost stage; its cycle time runs from its
 * first entry to that closing entry.
 */
export async function processVariants(db: DbExecutor, s: TraceScope): Promise<VariantCount[]> {
  const r = await sql<{ sequence: string; count: number; won: number; lost: number; medianCycleMs: number | null }>`
    with ${traceCtes(s)},
    per_deal as (
      select v.deal_id, string_agg(v.stage_id::text, ',' order by v.visit_no) as sequence,
             (array_agg(v.kind order by v.visit_no desc))[1] as last_kind,
             ${ms('min(v.entered_at)', 'max(v.entered_at)')} as span_ms
      from visits v join cohort c on c.deal_id = v.deal_id
      group by v.deal_id
    )
    select sequence, count(*)::int as count,
           count(*) filter (where last_kind = 'won')::int as won,
           count(*) filter (where last_kind = 'lost')::int as lost,
           (percentile_cont(0.5) within group (order by span_ms) filter (where last_kind <> 'open'))::float8 as "medianCycleMs"
    from per_deal group by sequence`.execute(db);
  return r.rows.map((v) => ({ ...v, sequence: v.sequence.split(',') }));
}
