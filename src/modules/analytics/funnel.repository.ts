import { sql } from 'kysely';
import { funnelGroupsFromPaths, type FunnelGroup } from '../../analytics/funnel.ts';
import type { PipelineModel } from '../../analytics/model.ts';
import type { DbExecutor } from '../../db/database.ts';
import type { Actor } from '../../contract/access.ts';
import type { AnalyticsFilters } from '../../contract/analytics.ts';
import type { DealStatus } from '../../contract/deals.ts';
import { dayRange, dealConditions, monthOf } from './analytics.repository.ts';

/**
 * The funnel input aggregated in the database: deals created in the date range that have at least
 * one visit to the pipeline, grouped by (path, status, creation month, currency) with their count
 * and exact amount sum, read from the deals' traces (one row per deal and pipeline, kept with the
 * visits). The path of a group is its stages in visit order; `funnelGroupsFromPaths` turns each
 * into ranks reached and strict depth, so the database groups a million deals by a few hundred
 * paths instead of sorting their visits.
 */
export async function funnelGroups(
  db: DbExecutor,
  actor: Actor,
  filters: AnalyticsFilters,
  pipeline: PipelineModel,
): Promise<FunnelGroup[]> {
  const result = await sql<{
    path: string;
    status: DealStatus;
    cohort: string;
    currency: string;
    deals: number;
    amount: string;
    pathUnknown: boolean;
  }>`
    select array_to_string(t.stage_ids, ',') as path, d.status, ${monthOf(sql`d.created_at`, pipeline.timezone)} as cohort, d.currency,
      count(*)::int as deals, coalesce(sum(d.amount), 0)::text as amount, d.path_unknown as "pathUnknown"
    from deal_traces t
    join deals d on d.org_id = t.org_id and d.id = t.deal_id
    where t.org_id = ${actor.orgId}::uuid and t.pipeline_id = ${pipeline.id}::uuid
      and ${dealConditions(actor, filters, 'd')} and ${dayRange(sql`d.created_at`, filters, pipeline.timezone)}
    group by t.stage_ids, d.status, 3, d.currency, d.path_unknown
  `.execute(db);
  return funnelGroupsFromPaths(
    pipeline,
    result.rows.map((r) => ({ ...r, path: r.path.split(',') })),
  );
}
