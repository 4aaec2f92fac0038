import { sql } from 'kysely';
import type { SecondsAggregate, StageVisitAggregate } from '../../analytics/durations.ts';
import { openStages, type PipelineModel } from '../../analytics/model.ts';
import type { DbExecutor } from '../../db/database.ts';
import type { Actor } from '../../contract/access.ts';
import type { AnalyticsFilters } from '../../contract/analytics.ts';
import { dayRange, dealConditions } from './analytics.repository.ts';

/**
 * P50, P75, P90 (percentile_cont, one sort for the three) and mean of a seconds expression. The
 * seconds are date_part's float8: extract() gives numeric, whose conversion cost a fifth of the query.
 */
const stats = (expr: string) => {
  const e = sql.raw(expr);
  return sql`percentile_cont(array[0.5, 0.75, 0.9]::float8[]) within group (order by ${e}) as q, avg(${e}) as mean`;
};

interface StatsRow {
  count: number;
  q: number[] | null;
  mean: number | null;
}

const seconds = (x: StatsRow) => ({
  count: x.count,
  p50: x.q?.[0] ?? null,
  p75: x.q?.[1] ?? null,
  p90: x.q?.[2] ?? null,
  mean: x.mean,
});

/**
 * Per open stage of the pipeline: visits entered in the date range by the deals counted, with the
 * duration statistics (seconds) of the completed ones and the number still in progress.
 */
export async function stageVisitAggregates(
  db: DbExecutor,
  actor: Actor,
  filters: AnalyticsFilters,
  pipeline: PipelineModel,
): Promise<StageVisitAggregate[]> {
  const open = openStages(pipeline).map((s) => s.id);
  if (open.length === 0) return [];
  const r = await sql<StatsRow & { stage_id: string; in_progress: number }>`
    select v.stage_id, count(v.left_at)::int as count, (count(*) - count(v.left_at))::int as in_progress,
      ${stats("date_part('epoch', v.left_at - v.entered_at)")}
    from deal_stage_visits v
    join deals d on d.org_id = v.org_id and d.id = v.deal_id
    where v.org_id = ${actor.orgId}::uuid and v.pipeline_id = ${pipeline.id}::uuid
      and v.stage_id in (${sql.join(open.map((id) => sql`${id}::uuid`))})
      and ${dealConditions(actor, filters, 'd')} and ${dayRange(sql`v.entered_at`, filters, pipeline.timezone)}
    group by v.stage_id
  `.execute(db);
  return r.rows.map((x) => ({ stageId: x.stage_id, inProgress: x.in_progress, ...seconds(x) }));
}

/**
 * Cycle times (seconds) of deals whose standing close (their current won/lost visit in the
 * pipeline) was entered in the date range: from the deal's first visit (in any pipeline) to that
 * close. Read from the deals' traces: `current_at` is the entry of the deal's current visit when it
 * is in this pipeline, `deal_first_at` its first entry anywhere.
 */
export async function cycleAggregates(
  db: DbExecutor,
  actor: Actor,
  filters: AnalyticsFilters,
  pipeline: PipelineModel,
): Promise<{ won?: SecondsAggregate; lost?: SecondsAggregate }> {
  const r = await sql<StatsRow & { status: 'won' | 'lost' }>`
    select d.status, count(*)::int as count, ${stats("date_part('epoch', t.current_at - t.deal_first_at)")}
    from deal_traces t
    join deals d on d.org_id = t.org_id and d.id = t.deal_id
    where t.org_id = ${actor.orgId}::uuid and t.pipeline_id = ${pipeline.id}::uuid and t.current_at is not null
      and ${dealConditions(actor, filters, 'd')} and d.status in ('won', 'lost') and ${dayRange(sql`t.current_at`, filters, pipeline.timezone)}
    group by d.status
  `.execute(db);
  const out: { won?: SecondsAggregate; lost?: SecondsAggregate } = {};
  for (const x of r.rows) out[x.status] = seconds(x);
  return out;
}
