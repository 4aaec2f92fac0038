import { z } from 'zod';
import { estimateMarkov } from '../../../analytics/markov.ts';
import { monteCarloForecast } from '../../../analytics/monte-carlo.ts';
import { currencySchema, moneySchema } from '../../../contract/common.ts';
import { invalid } from '../../../contract/errors.ts';
import { fromScaled, toScaled } from '../../../contract/money.ts';
import type { AnalysisDefinition } from '../analysis.ts';
import { resolvePipeline } from '../analytics.repository.ts';
import { openDeals, periodOffsets, stayPercentiles, transitionCounts } from '../markov.repository.ts';
import { heading, num, pct, textTable } from '../render.ts';
import { analysisContext, analysisContextSchema, chooseWindowEnd, windowChoiceShape, windowNote } from './common.ts';

const monteCarloParams = z.object({
  runs: z.coerce.number().int().min(10_000).max(100_000).default(10_000),
  seed: z.coerce.number().int().min(0).max(4_294_967_295).default(1),
  /** Revenue target in the report currency: the result gives the probability of reaching it. */
  target: moneySchema.optional(),
  currency: currencySchema.optional(),
  /** Length of the period when `to` is not given: from now, this many days. */
  horizonDays: z.coerce.number().int().min(1).max(3650).default(90),
  /**
   * Whose moves the chain and the stays are estimated from: the filtered deals (`filtered`, the
   * default), or every owner's deals the reader reads (`all_owners`: the owner and team filters
   * then select only the open deals simulated, as a rep's forecast on the team's chain).
   */
  chainFrom: z.enum(['filtered', 'all_owners']).default('filtered'),
});
export type MonteCarloParams = z.infer<typeof monteCarloParams>;

const monteCarloResult = z.object({
  ...analysisContextSchema,
  ...windowChoiceShape,
  /** The instant the period's days count from: now, or the data's end for `dataRange`. */
  asOf: z.string(),
  currency: z.string(),
  period: z.object({ startDays: z.number(), endDays: z.number() }),
  runs: z.number().int(),
  seed: z.number().int(),
  chainFrom: z.enum(['filtered', 'all_owners']),
  simulatedDeals: z.number().int(),
  skippedDeals: z.number().int(),
  mean: z.string(),
  p10: z.string(),
  p50: z.string(),
  p90: z.string(),
  meanWonDeals: z.number(),
  target: z.string().nullable(),
  probabilityOfTarget: z.number().nullable(),
  bucketDays: z.number().int(),
  bands: z.array(z.object({ dayEnd: z.number(), p10: z.string(), p50: z.string(), p90: z.string() })),
});
/** Nothing moved in this many days: the forecast starts at the data's end instead of now. */
const RECENT_DAYS = 90;
export type MonteCarloReport = z.infer<typeof monteCarloResult>;

const money = (cents: number): string => fromScaled(BigInt(Math.round(cents)), 2);

function render(r: MonteCarloReport): string {
  return [
    heading('Monte Carlo forecast', r),
    `${r.runs} runs (seed ${r.seed}) over ${r.simulatedDeals} open deals (${r.skippedDeals} in stages the chain cannot estimate), days ${num(r.period.startDays)} to ${num(r.period.endDays)} from ${r.windowBasis === 'dataRange' ? r.asOf : 'now'}`,
    windowNote(r) ?? '',
    `Revenue won in the period (${r.currency}): P10 ${r.p10}, P50 ${r.p50}, P90 ${r.p90}, mean ${r.mean}; ${num(r.meanWonDeals, 1)} deals won on average`,
    r.target === null ? '' : `P(revenue ≥ ${r.target}) = ${pct(r.probabilityOfTarget)}`,
    textTable(
      ['By day', 'P10', 'P50', 'P90'],
      r.bands.map((b) => [num(b.dayEnd, 0), b.p10, b.p50, b.p90]),
    ),
  ]
    .filter((l) => l !== '')
    .join('\n');
}

/**
 * 10. Monte Carlo forecast: see monteCarloForecast and docs/analytics.md. The date range is the
 * forecast period; the chain and the stays are estimated from all moves of the filtered deals.
 */
export const monteCarloAnalysis: AnalysisDefinition<MonteCarloParams, MonteCarloReport> = {
  name: 'monte-carlo',
  summary:
    'Monte Carlo forecast (seeded, ≥ 10,000 runs) of the revenue the open deals win in a period: P10 / P50 / P90, probability of a target, weekly bands',
  params: monteCarloParams,
  result: monteCarloResult,
  async run(deps, actor, filters, params) {
    const pipeline = await resolvePipeline(deps.db, actor.orgId, filters.pipelineId);
    const currency = params.currency ?? pipeline.baseCurrency;
    const choice = await chooseWindowEnd(deps, actor.orgId, pipeline, filters, RECENT_DAYS);
    const now = choice.now;
    const history = {
      ...filters,
      from: undefined,
      to: undefined,
      ...(params.chainFrom === 'all_owners' ? { ownerId: undefined, teamId: undefined } : {}),
    };
    const [period, counts, stays, deals] = await Promise.all([
      periodOffsets(deps.db, filters, pipeline.timezone, now, params.horizonDays),
      transitionCounts(deps.db, actor, history, pipeline),
      stayPercentiles(deps.db, actor, history, pipeline),
      openDeals(deps.db, actor, filters, pipeline, currency, now),
    ]);
    if (period.endDays <= period.startDays)
      throw invalid([{ field: 'to', message: 'the forecast period must end in the future' }]);
    const targetCents = params.target === undefined ? null : Number(toScaled(params.target, 2));
    const r = monteCarloForecast({
      model: estimateMarkov({ stages: pipeline.stages, transitions: counts }),
      stageTimes: stays,
      deals: deals.map((d) => ({ stageId: d.stageId, ageDays: d.ageDays, amountCents: Number(toScaled(d.amount, 2)) })),
      periodStartDays: period.startDays,
      periodEndDays: period.endDays,
      runs: params.runs,
      seed: params.seed,
      targetCents,
    });
    return {
      ...analysisContext(pipeline, filters),
      windowBasis: choice.windowBasis,
      dataEnd: choice.dataEnd,
      asOf: now.toISOString(),
      currency,
      period,
      runs: r.runs,
      seed: params.seed,
      chainFrom: params.chainFrom,
      simulatedDeals: r.simulatedDeals,
      skippedDeals: r.skippedDeals,
      mean: money(r.meanCents),
      p10: money(r.p10Cents),
      p50: money(r.p50Cents),
      p90: money(r.p90Cents),
      meanWonDeals: r.meanWonDeals,
      target: params.target ?? null,
      probabilityOfTarget: r.probabilityOfTarget,
      bucketDays: r.bucketDays,
      bands: r.bands.map((b) => ({
        dayEnd: b.dayEnd,
        p10: money(b.p10Cents),
        p50: money(b.p50Cents),
        p90: money(b.p90Cents),
      })),
    };
  },
  render,
};
