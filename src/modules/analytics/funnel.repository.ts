import { sql, type RawBuilder } from 'kysely';
import type { FunnelGroup } from '../../analytics/funnel.ts';
import { openStages, type PipelineModel } from '../../analytics/model.ts';
import type { DbExecutor } from '../../db/database.ts';
import type { Actor } from '../../domain/access.ts';
import type { AnalyticsFilters } from '../../domain/analytics.ts';
import type { DealStatus } from '../../domain/deals.ts';
import { dayRange, dealConditions, monthOf } from './analytics.repository.ts';

/** Stage id → funnel rank (open stages 1..n in order, won stages n + 1) as a VALUES list `(stage_id, stage_rank)`. */
export function stageRanks(pipeline: PipelineModel): RawBuilder<unknown> {
  const open = openStages(pipeline);
  const won = pipeline.stages.filter((s) => s.kind === 'won');
  const pairs = [...open.map((s, i) => [s.id, i + 1] as const), ...won.map((s) => [s.id, open.length + 1] as const)];
  return sql`(values ${sql.join(pairs.map(([id, rank]) => sql`(${id}::uuid, ${rank}::int)`))})`;
}

/**
 * The funnel input aggregated in the database: deals created in the date range that have at least
 * one visit to the pipeline, grouped by (ranks reached, strict depth, status, creation month,
 * currency) with their count and exact amount sum. The strict depth is `strictDepth` of
 * src/analytics/funnel.ts computed set-based: per deal and rank the first visit number, then the
 * longest prefix of rows numbered 1..k whose rank is k and whose first visit follows the previous one.
 * Visits to lost stages have no rank (null, sorted last): they only make the deal part of the funnel.
 */
export async function funnelGroups(db: DbExecutor, actor: Actor, filters: AnalyticsFilters, pipeline: PipelineModel): Promise<FunnelGroup[]> {
    const result = await sql<{ reached: string; strict_depth: number; status: DealStatus; cohort: string; currency: string; deals: number; amount: string }>`
    with firsts as (
      select v.deal_id, r.stage_rank, min(v.visit_no) as first_visit
      from deals d
      join deal_stage_visits v on v.org_id = d.org_id and v.deal_id = d.id and v.pipeline_id = ${pipeline.id}::uuid
      left join ${stageRanks(pipeline)} as r(stage_id, stage_rank) on r.stage_id = v.stage_id
      where ${dealConditions(actor, filters, 'd')} and ${dayRange(sql`d.created_at`, filters, pipeline.timezone)}
      group by v.deal_id, r.stage_rank
    ),
    numbered as (
      select deal_id, stage_rank,
        stage_rank = row_number() over w
          and first_visit > coalesce(lag(first_visit) over w, 0) as ok,
        row_number() over w as rn
      from firsts
      window w as (partition by deal_id order by stage_rank)
    ),
    per_deal as (
      select deal_id,
        coalesce(array_to_string(array_agg(stage_rank order by stage_rank) filter (where stage_rank is not null), ','), '') as reached,
        coalesce(min(rn) filter (where not ok) - 1, count(stage_rank))::int as strict_depth
      from numbered group by deal_id
    )
    select p.reached, p.strict_depth, d.status, ${monthOf(sql`d.created_at`, pipeline.timezone)} as cohort, d.currency,
      count(*)::int as deals, coalesce(sum(d.amount), 0)::text as amount
    from per_deal p join deals d on d.org_id = ${actor.orgId}::uuid and d.id = p.deal_id
    group by 1, 2, 3, 4, 5
    order by 4, 1, 2, 3, 5
  `.execute(db);
  return result.rows.map((r) => ({
    reached: r.reached === '' ? [] : r.reached.split(',').map(Number),
    strictDepth: r.strict_depth,
    status: r.status,
    cohort: r.cohort,
    currency: r.currency,
    deals: r.deals,
    amount: r.amount,
  }));
}
