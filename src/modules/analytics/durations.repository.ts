import { sql } from 'kysely';
import type { SecondsAggregate, StageVisitAggregate } from '../../analytics/durations.ts';
import { openStages, type PipelineModel } from '../../analytics/model.ts';
import type { DbExecutor } from '../../db/database.ts';
import type { Actor } from '../../domain/access.ts';
import type { AnalyticsFilters } from '../../domain/analytics.ts';
import { dayRange, dealConditions } from './analytics.repository.ts';

const stats = (expr: string) => {
  const e = sql.raw(expr);
  return sql`percentile_cont(0.5) within group (order by ${e}) as p50,
    percentile_cont(0.75) within group (order by ${e}) as p75,
    percentile_cont(0.9) within group (order by ${e}) as p90,
    avg(${e}) as mean`;
};

/**
 * Per open stage of the pipeline: visits entered in the date range by the deals counted, with the
 * duration statistics (seconds) of the completed ones and the number still in progress.
 */
export async function stageVisitAggregates(db: DbExecutor, actor: Actor, filters: AnalyticsFilters, pipeline: PipelineModel): Promise<StageVisitAggregate[]> {
  const open = openStages(pipeline).map((s) => s.id);
  if (open.length === 0) return [];
  const r = await sql<{ stage_id: string; count: number; in_progress: number; p50: number | null; p75: number | null; p90: number | null; mean: number | null }>`
    select v.stage_id, count(v.left_at)::int as count, (count(*) - count(v.left_at))::int as in_progress,
      ${stats('extract(epoch from (v.left_at - v.entered_at))::float8')}
    from deal_stage_visits v
    join deals d on d.org_id = v.org_id and d.id = v.deal_id
    where v.org_id = ${actor.orgId}::uuid and v.pipeline_id = ${pipeline.id}::uuid
      and v.stage_id in (${sql.join(open.map((id) => sql`${id}::uuid`))})
      and ${dealConditions(actor, filters, 'd')} and ${dayRange(sql`v.entered_at`, filters, pipeline.timezone)}
    group by v.stage_id
  `.execute(db);
  return r.rows.map((x) => ({ stageId: x.stage_id, count: x.count, inProgress: x.in_progress, p50: x.p50, p75: x.p75, p90: x.p90, mean: x.mean }));
}

/**
 * Cycle times (seconds) of deals whose standing close (their current won/lost visit in the
 * pipeline) was entered in the date range: from the deal's first visit to that close.
 */
export async function cycleAggregates(db: DbExecutor, actor: Actor, filters: AnalyticsFilters, pipeline: PipelineModel): Promise<{ won?: SecondsAggregate; lost?: SecondsAggregate }> {
  const r = await sql<{ status: 'won' | 'lost'; count: number; p50: number | null; p75: number | null; p90: number | null; mean: number | null }>`
    with closed as (
      select d.status, extract(epoch from (c.entered_at - (select min(f.entered_at) from deal_stage_visits f where f.org_id = d.org_id and f.deal_id = d.id)))::float8 as secs
      from deals d
      join deal_stage_visits c on c.org_id = d.org_id and c.deal_id = d.id and c.left_at is null and c.pipeline_id = ${pipeline.id}::uuid
      where ${dealConditions(actor, filters, 'd')} and d.status in ('won', 'lost') and ${dayRange(sql`c.entered_at`, filters, pipeline.timezone)}
    )
    select status, count(*)::int as count, ${stats('secs')}
    from closed group by status
  `.execute(db);
  const out: { won?: SecondsAggregate; lost?: SecondsAggregate } = {};
  for (const x of r.rows) out[x.status] = { count: x.count, p50: x.p50, p75: x.p75, p90: x.p90, mean: x.mean };
  return out;
}
