import { sql, type RawBuilder } from 'kysely';
import type { StageTransitionCount } from '../../analytics/markov.ts';
import type { PipelineModel } from '../../analytics/model.ts';
import type { DbExecutor } from '../../db/database.ts';
import type { Actor } from '../../contract/access.ts';
import type { AnalyticsFilters } from '../../contract/analytics.ts';
import { dayRange, dealConditions } from './analytics.repository.ts';

/**
 * Consecutive visits (v, then n) of a deal within the pipeline, for the deals the filters select,
 * moving on inside the date range (by n.entered_at, the time of the move). Moves into or out of
 * another pipeline are not in it: leaving the pipeline censors a path. Only observed moves count:
 * a flat import's jump from the first stage to the closing one (`entry_unknown`) is left out, and
 * `unknownMoves` counts it.
 */
function moves(
  actor: Actor,
  filters: AnalyticsFilters,
  pipeline: PipelineModel,
  entryUnknown = false,
): RawBuilder<unknown> {
  return sql`deal_stage_visits v
    join deal_stage_visits n on n.org_id = v.org_id and n.deal_id = v.deal_id and n.visit_no = v.visit_no + 1
    join deals d on d.org_id = v.org_id and d.id = v.deal_id
    where v.org_id = ${actor.orgId}::uuid and v.pipeline_id = ${pipeline.id}::uuid and n.pipeline_id = ${pipeline.id}::uuid
      and n.entry_unknown = ${entryUnknown}
      and ${dealConditions(actor, filters, 'd')} and ${dayRange(sql`n.entered_at`, filters, pipeline.timezone)}`;
}

/** How many moves `moves` leaves out because nobody observed them (flat imports). */
export async function unknownMoves(
  db: DbExecutor,
  actor: Actor,
  filters: AnalyticsFilters,
  pipeline: PipelineModel,
): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from ${moves(actor, filters, pipeline, true)}`.execute(
    db,
  );
  return r.rows[0]?.n ?? 0;
}

const days = sql`extract(epoch from (v.left_at - v.entered_at)) / 86400`;

/** Per (stage, next stage): how many visits moved so, and the Σ days those visits lasted. */
export async function transitionCounts(
  db: DbExecutor,
  actor: Actor,
  filters: AnalyticsFilters,
  pipeline: PipelineModel,
): Promise<StageTransitionCount[]> {
  const r = await sql<StageTransitionCount>`
    select v.stage_id as "fromStageId", n.stage_id as "toStageId", count(*)::int as count, coalesce(sum(${days}), 0)::float8 as "totalDays"
    from ${moves(actor, filters, pipeline)}
    group by v.stage_id, n.stage_id`.execute(db);
  return r.rows;
}

/** Probabilities 0, 0.01, …, 1: the percentiles kept of each stage's stays. */
const PERCENTILES = sql.raw(
  `array[${Array.from({ length: 101 }, (_, k) => (k / 100).toFixed(2)).join(',')}]::float8[]`,
);

/** Per stage, the 101 percentiles (0..100) of the days its counted visits lasted. */
export async function stayPercentiles(
  db: DbExecutor,
  actor: Actor,
  filters: AnalyticsFilters,
  pipeline: PipelineModel,
): Promise<{ stageId: string; quantiles: number[] }[]> {
  const r = await sql<{ stageId: string; quantiles: number[] }>`
    select v.stage_id as "stageId", percentile_cont(${PERCENTILES}) within group (order by ${days}) as quantiles
    from ${moves(actor, filters, pipeline)}
    group by v.stage_id`.execute(db);
  return r.rows.map((x) => ({ stageId: x.stageId, quantiles: x.quantiles.map(Number) }));
}

/** The open deals of the pipeline now, per current stage: count and exact Σ amount in `currency`. */
export async function openLoad(
  db: DbExecutor,
  actor: Actor,
  filters: AnalyticsFilters,
  pipeline: PipelineModel,
  currency: string,
): Promise<{ stageId: string; deals: number; amount: string }[]> {
  const r = await sql<{ stageId: string; deals: number; amount: string }>`
    select d.stage_id as "stageId", count(*)::int as deals, coalesce(sum(d.amount) filter (where trim(d.currency) = ${currency}), 0)::text as amount
    from deals d
    where ${dealConditions(actor, filters, 'd')} and d.pipeline_id = ${pipeline.id}::uuid and d.status = 'open'
    group by d.stage_id`.execute(db);
  return r.rows;
}

/**
 * The open deals of the pipeline, one row each: current stage, days in it at `now` (from the
 * current visit's business time) and the amount when in `currency` (else "0.00").
 */
export async function openDeals(
  db: DbExecutor,
  actor: Actor,
  filters: AnalyticsFilters,
  pipeline: PipelineModel,
  currency: string,
  now: Date,
): Promise<{ stageId: string; ageDays: number; amount: string }[]> {
  const r = await sql<{ stageId: string; ageDays: number; amount: string }>`
    select d.stage_id as "stageId",
           (extract(epoch from (${now}::timestamptz - coalesce(cv.entered_at, d.stage_entered_at))) / 86400)::float8 as "ageDays",
           (case when trim(d.currency) = ${currency} then coalesce(d.amount, 0) else 0 end)::numeric(20,2)::text as amount
    from deals d
    left join deal_stage_visits cv on cv.org_id = d.org_id and cv.deal_id = d.id and cv.left_at is null
    where ${dealConditions(actor, filters, 'd')} and d.pipeline_id = ${pipeline.id}::uuid and d.status = 'open'`.execute(
    db,
  );
  return r.rows;
}

/**
 * The forecast period as days from `now`: from 00:00 of `from` (or now) to 00:00 of the day after
 * `to` (or `now` + `horizonDays`), calendar days in the organization's time zone.
 */
export async function periodOffsets(
  db: DbExecutor,
  filters: Pick<AnalyticsFilters, 'from' | 'to'>,
  timezone: string,
  now: Date,
  horizonDays: number,
): Promise<{ startDays: number; endDays: number }> {
  const start = filters.from
    ? sql`(cast(${filters.from} as date)::timestamp at time zone ${timezone})`
    : sql`${now}::timestamptz`;
  const end = filters.to
    ? sql`((cast(${filters.to} as date) + 1)::timestamp at time zone ${timezone})`
    : sql`${now}::timestamptz + make_interval(days => ${horizonDays}::int)`;
  const r = await sql<{ startDays: number; endDays: number }>`
    select (extract(epoch from (${start} - ${now}::timestamptz)) / 86400)::float8 as "startDays",
           (extract(epoch from (${end} - ${now}::timestamptz)) / 86400)::float8 as "endDays"`.execute(db);
  const row = r.rows[0];
  return { startDays: Math.max(row?.startDays ?? 0, 0), endDays: row?.endDays ?? horizonDays };
}
