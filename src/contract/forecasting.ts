import { z } from 'zod';
import { idSchema, nonNegativeMoneySchema } from './common.ts';

/** A fiscal quarter: `2026-Q1` is the first quarter of the fiscal year that starts in 2026. */
export const fiscalPeriodKeySchema = z
  .string()
  .regex(/^\d{4}-Q[1-4]$/, 'must be a fiscal quarter such as 2026-Q1 (the fiscal year that starts in 2026)');

export const forecastPeriodQuery = z.strictObject({ period: fiscalPeriodKeySchema });
export type ForecastPeriodQuery = z.infer<typeof forecastPeriodQuery>;

export const forecastFiguresSchema = z.object({
  commit: z.string(),
  bestCase: z.string(),
  pipeline: z.string(),
});
export type ForecastFiguresDto = z.infer<typeof forecastFiguresSchema>;

export const forecastDealSchema = z.object({
  dealId: z.string(),
  name: z.string(),
  amount: z.string(),
  category: z.enum(['pipeline', 'best_case', 'commit', 'omitted']),
  probability: z.number().int(),
  expectedCloseDate: z.string(),
});
export type ForecastDealDto = z.infer<typeof forecastDealSchema>;

const periodFields = {
  period: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  currency: z.string(),
};

/** What a rep's submission is pre-filled with, and the system's own figure beside it. */
export const forecastDraftSchema = z.object({
  ...periodFields,
  userId: z.string(),
  /** Deals of the user won in the period so far (close day in the organization's time zone). */
  won: z.string(),
  prefilled: forecastFiguresSchema,
  /** The open deals expected to close in the period, in the organization's currency. */
  deals: z.array(forecastDealSchema),
  /** Open deals expected in the period in another currency: not counted. */
  otherCurrencyDeals: z.number().int(),
  /** The system's forecast: won plus each open deal's amount × its stage's win probability. */
  system: z.object({ expected: z.string() }),
});
export type ForecastDraftDto = z.infer<typeof forecastDraftSchema>;

const optionalAmount = nonNegativeMoneySchema.optional();

/** A rep's submission; a figure left out is taken from the pre-filled ones. */
export const submitForecastSchema = z.strictObject({
  period: fiscalPeriodKeySchema,
  commit: optionalAmount,
  bestCase: optionalAmount,
  pipeline: optionalAmount,
  note: z.string().trim().max(2000).nullable().optional(),
});
export type SubmitForecastInput = z.infer<typeof submitForecastSchema>;

export const forecastOverrideSchema = z.strictObject({
  userId: idSchema,
  commit: optionalAmount,
  bestCase: optionalAmount,
  pipeline: optionalAmount,
});

/** A manager's roll-up: overrides of members' figures need a note saying why. */
export const rollUpForecastSchema = z
  .strictObject({
    period: fiscalPeriodKeySchema,
    overrides: z.array(forecastOverrideSchema).max(500).default([]),
    note: z.string().trim().max(2000).nullable().optional(),
  })
  .refine((v) => v.overrides.length === 0 || (v.note ?? '').length > 0, {
    path: ['note'],
    message: 'is required when figures are overridden',
  });
export type RollUpForecastInput = z.infer<typeof rollUpForecastSchema>;

export const rollUpMemberSchema = z.object({
  userId: z.string(),
  name: z.string(),
  /** The id of the member's submission the figures come from; null: not submitted, pre-filled figures. */
  submissionId: z.string().nullable(),
  figures: forecastFiguresSchema,
  override: z.object({
    commit: z.string().optional(),
    bestCase: z.string().optional(),
    pipeline: z.string().optional(),
  }),
  counted: forecastFiguresSchema,
});
export type RollUpMemberDto = z.infer<typeof rollUpMemberSchema>;

export const forecastSubmissionSchema = z.object({
  id: z.string(),
  ...periodFields,
  kind: z.enum(['rep', 'rollup']),
  userId: z.string(),
  userName: z.string(),
  figures: forecastFiguresSchema,
  prefilled: forecastFiguresSchema,
  won: z.string(),
  deals: z.array(forecastDealSchema),
  members: z.array(rollUpMemberSchema),
  note: z.string().nullable(),
  submittedAt: z.string(),
});
export type ForecastSubmissionDto = z.infer<typeof forecastSubmissionSchema>;

/** A manager's roll-up before it is submitted: the members' latest figures. */
export const rollUpDraftSchema = z.object({
  ...periodFields,
  members: z.array(rollUpMemberSchema),
  total: forecastFiguresSchema,
});
export type RollUpDraftDto = z.infer<typeof rollUpDraftSchema>;

export const listForecastSubmissionsQuery = z.strictObject({
  period: fiscalPeriodKeySchema,
  userId: idSchema.optional(),
});

/** Accuracy of each rep's last submission of a closed period. */
export const forecastAccuracySchema = z.object({
  ...periodFields,
  closed: z.boolean(),
  items: z.array(
    z.object({
      userId: z.string(),
      name: z.string(),
      submissionId: z.string(),
      commit: z.string(),
      actualWon: z.string(),
      error: z.string(),
      absolutePercentError: z.number().nullable(),
      brierScore: z.number().nullable(),
      deals: z.number().int(),
    }),
  ),
});
export type ForecastAccuracyDto = z.infer<typeof forecastAccuracySchema>;

export const setQuotaSchema = z
  .strictObject({
    period: fiscalPeriodKeySchema,
    userId: idSchema.optional(),
    teamId: idSchema.optional(),
    amount: nonNegativeMoneySchema,
  })
  .refine((v) => (v.userId === undefined) !== (v.teamId === undefined), {
    path: ['userId'],
    message: 'name either a userId or a teamId',
  });
export type SetQuotaInput = z.infer<typeof setQuotaSchema>;

export const quotaSchema = z.object({
  id: z.string(),
  ...periodFields,
  userId: z.string().nullable(),
  teamId: z.string().nullable(),
  name: z.string(),
  amount: z.string(),
  version: z.number().int(),
});
export type QuotaDto = z.infer<typeof quotaSchema>;

/** Quota vs forecast vs actual, with attainment and pacing (linear in calendar days). */
export const attainmentRowSchema = z.object({
  kind: z.enum(['rep', 'team']),
  id: z.string(),
  name: z.string(),
  quota: z.string(),
  /** The latest submitted commit (a rep's own; a team's roll-up by its manager), null if none. */
  forecastCommit: z.string().nullable(),
  actual: z.string(),
  attainment: z.number().nullable(),
  expectedByNow: z.string(),
  pacing: z.number().nullable(),
});
export const attainmentReportSchema = z.object({
  ...periodFields,
  today: z.string(),
  daysTotal: z.number().int(),
  daysElapsed: z.number().int(),
  items: z.array(attainmentRowSchema),
});
export type AttainmentReportDto = z.infer<typeof attainmentReportSchema>;
