import { sql } from 'kysely';
import type {
  ProcessEdgeCount,
  ProcessEndpointCount,
  ProcessNodeCount,
  VariantCount,
} from '../../analytics/process-map.ts';
import type { DbExecutor } from '../../db/database.ts';
import { traceCte, type TraceScope } from './traces.repository.ts';

// Milliseconds as float8 (date_part: extract() goes through numeric, which costs more per row).
const ms = (from: string, to: string) => sql.raw(`(date_part('epoch', ${to} - ${from}) * 1000)`);

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
 * Everything the process map needs, in one statement over the cohort's traces (one row per deal):
 * - the events of each cohort deal in order (`seq`): its stage entries in visit order and, with
 *   `activities`, its activities that happened (occurred, met or completed), merged in by time, a
 *   stage entry first at equal times, each with the next event of the same deal;
 * - directly-follows pairs with counts, cases (deals in which the pair occurs) and P50/P90
 *   (continuous) of the time between the two events;
 * - per node: events, cases, deals starting and ending there (and of those ending, still open);
 * - variants: the deals grouped by their sequence of stages in the pipeline (visit order). A deal is
 *   won / lost when its last visit there is to a won / lost stage; its cycle time runs from its first
 *   entry to its last, and the variant's median is over its closed deals.
 * Without activities the steps come straight from each trace's arrays (the next entry is the next
 * element), so no visit is sorted; with them, the entries and activities of each deal are sorted by time.
 */
export async function processMapCounts(db: DbExecutor, s: TraceScope, activities: boolean): Promise<ProcessMapCounts> {
  const seq = activities
    ? sql`seq as materialized (
      select deal_id, node, status, rn = 1 as first_event, next_node is null as last_event, next_node, ${ms('at', 'next_at')} as next_ms,
             (count(*) over (partition by deal_id, node order by rn rows unbounded preceding)) = 1 as first_of_node,
             (count(*) over (partition by deal_id, node, next_node order by rn rows unbounded preceding)) = 1 as first_of_pair
      from (
        select deal_id, node, at, status, row_number() over w as rn, lead(node) over w as next_node, lead(at) over w as next_at
        from (
          select t.deal_id, u.stage_id::text as node, u.at, 0 as src, u.ord, t.status
          from traces t cross join lateral unnest(t.stage_ids, t.entered_ats) with ordinality as u(stage_id, at, ord)
          union all
          select a.deal_id, 'activity:' || a.type, coalesce(a.occurred_at, a.meeting_start, a.completed_at), 1, 0, t.status
          from activities a join traces t on t.deal_id = a.deal_id
          where a.org_id = ${s.orgId}::uuid and a.deleted_at is null and coalesce(a.occurred_at, a.meeting_start, a.completed_at) is not null
        ) ev
        window w as (partition by deal_id order by at, src, ord)
      ) ordered
    )`
    : sql`seq as (
      select t.deal_id, u.node, t.status, u.i = 1 as first_event, u.i = cardinality(t.stage_ids) as last_event,
             t.stage_ids[u.i + 1] as next_node, ${ms('t.entered_ats[u.i]', 't.entered_ats[u.i + 1]')} as next_ms,
             array_position(t.stage_ids, u.node) = u.i as first_of_node,
             -- The pair's first occurrence in the trace; only a repeated node needs the look back.
             array_position(t.stage_ids, u.node) = u.i or not exists (
               select from generate_series(1, u.i - 1) j where t.stage_ids[j] = u.node and t.stage_ids[j + 1] = t.stage_ids[u.i + 1]) as first_of_pair
      from traces t cross join lateral unnest(t.stage_ids) with ordinality as u(node, i)
    )`;
  const r = await sql<{
    edges: ProcessEdgeCount[];
    nodes: NodeRow[];
    variants: (Omit<VariantCount, 'sequence'> & { sequence: string })[];
  }>`
    with ${traceCte(s)},
    ${seq},
    edges as (
      select node as "from", next_node as "to", count(*)::int as count, (count(*) filter (where first_of_pair))::int as cases,
             percentile_cont(array[0.5, 0.9]::float8[]) within group (order by next_ms) as pc
      from seq where next_node is not null
      group by node, next_node
    ),
    nodes as (
      select node as key, count(*)::int as events, (count(*) filter (where first_of_node))::int as cases,
             count(*) filter (where first_event)::int as starts,
             count(*) filter (where last_event)::int as ends,
             count(*) filter (where last_event and status = 'open')::int as open
      from seq group by node
    ),
    variants as (
      select array_to_string(t.stage_ids, ',') as sequence, count(*)::int as count,
             count(*) filter (where st.kind = 'won')::int as won,
             count(*) filter (where st.kind = 'lost')::int as lost,
             (percentile_cont(0.5) within group (order by ${ms('t.first_at', 't.last_at')}::float8) filter (where st.kind <> 'open'))::float8 as "medianCycleMs"
      from traces t
      join stages st on st.org_id = ${s.orgId}::uuid and st.id = t.stage_ids[cardinality(t.stage_ids)]
      group by t.stage_ids
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
