import { sql } from 'kysely';
import type { ProcessEdgeCount, ProcessEndpointCount, ProcessNodeCount, VariantCount } from '../../analytics/process-map.ts';
import type { DbExecutor } from '../../db/database.ts';
import { traceCtes, type TraceScope } from './traces.repository.ts';

const ms = (from: string, to: string) => sql.raw(`(extract(epoch from ${to} - ${from}) * 1000)`);

export interface ProcessMapCounts {
  edges: ProcessEdgeCount[];
  nodes: { counts: ProcessNodeCount[]; starts: ProcessEndpointCount[]; ends: ProcessEndpointCount[] };
  variants: VariantCount[];
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
 * Everything the process map needs, in one statement over the cohort's visits (read once):
 * - the events of each cohort deal in order (`seq`): its stage entries and, with `activities`, its
 *   activities that happened (occurred, met or completed), a stage entry first at equal times, each
 *   with the next event of the same deal;
 * - directly-follows pairs with counts and P50/P90 (continuous) of the time between the two events;
 * - per node: events, cases, deals starting and ending there (and of those ending, still open);
 * - variants: the deals grouped by their sequence of stages in the pipeline (visit order). A deal is
 *   won / lost when its last visit there is to a won / lost stage; its cycle time runs from its first
 *   entry to that closing entry, and the variant's median is over its closed deals.
 */
export async function processMapCounts(db: DbExecutor, s: TraceScope, activities: boolean): Promise<ProcessMapCounts> {
  const activityRows = activities
    ? sql`union all
      select a.deal_id, 'activity:' || a.type, coalesce(a.occurred_at, a.meeting_start, a.completed_at), 1, 0, c.status
      from activities a join (select distinct deal_id, status from cohort_visits) c on c.deal_id = a.deal_id
      where a.org_id = ${s.orgId}::uuid and a.deleted_at is null and coalesce(a.occurred_at, a.meeting_start, a.completed_at) is not null`
    : sql``;
  const r = await sql<{ edges: ProcessEdgeCount[]; nodes: NodeRow[]; variants: (Omit<VariantCount, 'sequence'> & { sequence: string })[] }>`
    with ${traceCtes(s)},
    seq as materialized (
      select deal_id, node, at, status,
             row_number() over w as rn,
             lead(node) over w as next_node,
             lead(at) over w as next_at
      from (
        select v.deal_id, v.stage_id::text as node, v.entered_at as at, 0 as src, v.visit_no as ord, v.status
        from cohort_visits v
        ${activityRows}
      ) ev
      window w as (partition by deal_id order by at, src, ord)
    ),
    edges as (
      select node as "from", next_node as "to", count(*)::int as count, count(distinct deal_id)::int as cases,
             percentile_cont(array[0.5, 0.9]::float8[]) within group (order by ${ms('at', 'next_at')}) as pc
      from seq where next_node is not null
      group by node, next_node
    ),
    nodes as (
      select node as key, count(*)::int as events, count(distinct deal_id)::int as cases,
             count(*) filter (where rn = 1)::int as starts,
             count(*) filter (where next_node is null)::int as ends,
             count(*) filter (where next_node is null and status = 'open')::int as open
      from seq group by node
    ),
    per_deal as (
      select deal_id, string_agg(stage_id::text, ',' order by visit_no) as sequence,
             (array_agg(kind order by visit_no desc))[1] as last_kind,
             ${ms('min(entered_at)', 'max(entered_at)')}::float8 as span_ms
      from cohort_visits
      group by deal_id
    ),
    variants as (
      select sequence, count(*)::int as count,
             count(*) filter (where last_kind = 'won')::int as won,
             count(*) filter (where last_kind = 'lost')::int as lost,
             (percentile_cont(0.5) within group (order by span_ms) filter (where last_kind <> 'open'))::float8 as "medianCycleMs"
      from per_deal group by sequence
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
