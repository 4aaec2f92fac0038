import { z } from 'zod';
import type { PipelineModel } from '../../../analytics/model.ts';
import type { AnalyticsFilters } from '../../../contract/analytics.ts';

/** What every result starts with: the pipeline analysed and the date range asked for. */
export const analysisContextSchema = {
  pipeline: z.object({ id: z.string(), name: z.string() }),
  from: z.string().nullable(),
  to: z.string().nullable(),
};

export function analysisContext(pipeline: PipelineModel, filters: AnalyticsFilters) {
  return { pipeline: { id: pipeline.id, name: pipeline.name }, from: filters.from ?? null, to: filters.to ?? null };
}

export const moneyOutcomeSchema = z.object({
  currency: z.string(),
  wonAmount: z.string(),
  lostAmount: z.string(),
  openAmount: z.string(),
  winRateByValue: z.number().nullable(),
});

export const outcomesShape = {
  deals: z.number().int(),
  open: z.number().int(),
  won: z.number().int(),
  lost: z.number().int(),
  /** Fraction 0..1 of closed deals won, by count; null when none closed. */
  winRate: z.number().nullable(),
  byCurrency: z.array(moneyOutcomeSchema),
};
