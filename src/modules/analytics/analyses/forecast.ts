import { z } from 'zod';
import { computeForecast } from '../../../analytics/forecast.ts';
import { forecastCategories } from '../../../contract/pipelines.ts';
import type { AnalysisDefinition } from '../analysis.ts';
import { resolvePipeline } from '../analytics.repository.ts';
import { forecastRows } from '../forecast.repository.ts';
import { heading, textTable } from '../render.ts';
import { analysisContext, analysisContextSchema } from './common.ts';

const params = z.object({
  /** Close periods: calendar months or calendar quarters. */
  period: z.enum(['month', 'quarter']).default('month'),
});
export type ForecastParams = z.infer<typeof params>;

const stageWeight = z.object({
  currency: z.string(),
  deals: z.number().int(),
  amount: z.string(),
  weighted: z.string(),
});
const result = z.object({
  ...analysisContextSchema,
  period: z.enum(['month', 'quarter']),
  weighted: z.object({
    stages: z.array(
      z.object({
        stageId: z.string(),
        name: z.string(),
        probability: z.number().int(),
        forecastCategory: z.enum(forecastCategories),
        byCurrency: z.array(stageWeight),
      }),
    ),
    totals: z.array(stageWeight),
  }),
  periods: z.array(
    z.object({
      period: z.string().nullable(),
      byCurrency: z.array(
        z.object({
          currency: z.string(),
          closed: z.string(),
          commit: z.string(),
          bestCase: z.string(),
          pipeline: z.string(),
          omitted: z.string(),
          rollup: z.object({ commit: z.string(), bestCase: z.string(), pipeline: z.string() }),
          weightedOpen: z.string(),
        }),
      ),
    }),
  ),
});
export type ForecastReport = z.infer<typeof result>;

function render(r: ForecastReport): string {
  const stageRows = r.weighted.stages.flatMap((s) =>
    s.byCurrency.map((c) => [s.name, `${s.probability}%`, c.currency, String(c.deals), c.amount, c.weighted]),
  );
  const totalRows = r.weighted.totals.map((c) => ['Total', '', c.currency, String(c.deals), c.amount, c.weighted]);
  const periodRows = r.periods.flatMap((p) =>
    p.byCurrency.map((c) => [
      p.period ?? 'unscheduled',
      c.currency,
      c.closed,
      c.rollup.commit,
      c.rollup.bestCase,
      c.rollup.pipeline,
      c.weightedOpen,
    ]),
  );
  return [
    heading('Weighted pipeline (open deals)', r),
    textTable(['Stage', 'Prob.', 'Currency', 'Deals', 'Amount', 'Weighted'], [...stageRows, ...totalRows]),
    '',
    `Forecast by ${r.period} (cumulative: commit includes closed, best case includes commit, pipeline includes best case)`,
    textTable(['Period', 'Currency', 'Closed', 'Commit', 'Best case', 'Pipeline', 'Weighted open'], periodRows),
  ].join('\n');
}

/** 4. Weighted pipeline and forecast: see computeForecast and docs/analytics.md. The range selects by (expected) close date. */
export const forecastAnalysis: AnalysisDefinition<ForecastParams, ForecastReport> = {
  name: 'forecast',
  summary:
    'Weighted pipeline (Σ amount × stage probability) and forecast by month or quarter per forecast category, with cumulative commit / best case / pipeline',
  params,
  result,
  async run(deps, actor, filters, p) {
    const pipeline = await resolvePipeline(deps.db, actor.orgId, filters.pipelineId);
    const rows = await forecastRows(deps.db, actor, filters, pipeline, p.period);
    return { ...analysisContext(pipeline, filters), period: p.period, ...computeForecast(pipeline, rows) };
  },
  render,
};
