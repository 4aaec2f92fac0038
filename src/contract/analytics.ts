import { z } from 'zod';
import { dateOnlySchema, idSchema, queryList } from './common.ts';
import { dealChannels } from './deals.ts';

export const segments = ['b2b', 'b2c'] as const;

/**
 * The filters every analysis accepts, as query-string fields (lists comma separated or repeated).
 * The date range is a range of calendar days in the organization's time zone: `from` inclusive,
 * `to` inclusive (internally `[from 00:00, to + 1 day 00:00)`); what it selects (deals created in
 * it, visits entered in it, …) is defined by each analysis. Unknown fields are refused.
 */
export const analyticsFilterFields = {
  /** Defaults to the organization's default pipeline; only visits to its stages count. */
  pipelineId: idSchema.optional(),
  from: dateOnlySchema.optional(),
  to: dateOnlySchema.optional(),
  ownerId: queryList(idSchema, 100).optional(),
  /** Deals owned by members of these teams. */
  teamId: queryList(idSchema, 100).optional(),
  channel: z.enum(dealChannels).optional(),
  /** Deals registered by this partner account. */
  partnerId: idSchema.optional(),
  /** Deals with a line item of this product. */
  productId: idSchema.optional(),
  /** b2b: deals with an account; b2c: deals without one. */
  segment: z.enum(segments).optional(),
  source: z.string().trim().min(1, 'must not be empty').max(200).optional(),
};

const rangeIsOrdered = (f: { from?: unknown; to?: unknown }) =>
  typeof f.from !== 'string' || typeof f.to !== 'string' || f.from <= f.to;
const rangeProblem = { message: 'must not be before from', path: ['to'] };

export const analyticsFiltersSchema = z.strictObject(analyticsFilterFields).refine(rangeIsOrdered, rangeProblem);
export type AnalyticsFilters = z.infer<typeof analyticsFiltersSchema>;

/**
 * The query string of one analysis: the shared filters plus the analysis' own parameters, refusing
 * unknown fields, so a typo is named instead of silently ignored.
 */
export function analysisQuerySchema<S extends z.ZodRawShape>(params: z.ZodObject<S>) {
  return z.strictObject({ ...analyticsFilterFields, ...params.shape }).refine(rangeIsOrdered, rangeProblem);
}

/** The filters part of a parsed analysis query. */
export function pickFilters(query: Record<string, unknown>): AnalyticsFilters {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(analyticsFilterFields)) if (query[key] !== undefined) out[key] = query[key];
  return out;
}

/** One analysis as `GET /api/v1/analytics` lists it. */
export const analysisInfoSchema = z.object({
  name: z.string(),
  summary: z.string(),
  path: z.string(),
  /** The analysis' own query parameters, beyond the shared filters. */
  params: z.array(z.string()),
});
export type AnalysisInfo = z.infer<typeof analysisInfoSchema>;
