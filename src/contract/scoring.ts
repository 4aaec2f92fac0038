import { z } from 'zod';
import { touchKinds } from './marketing.ts';

/**
 * Lead scoring: the settings an organization configures (fit rules on lead fields, engagement
 * points per touch kind with a half-life, grade bands, the MQL threshold) and the scores a lead
 * carries. The rules themselves are pure functions in `src/analytics/scoring.ts`.
 */

/** Lead fields a fit rule can test; `emailDomain` is the part of the email after the `@`. */
export const fitFields = ['industry', 'title', 'source', 'company', 'companyDomain', 'emailDomain'] as const;
export const fitFieldSchema = z.enum(fitFields);
export type FitField = z.infer<typeof fitFieldSchema>;

/** `in`: the field equals one of the values; `contains`: the field contains one of them (both ignore case). */
export const fitOperators = ['in', 'contains'] as const;

export const fitRuleSchema = z.strictObject({
  field: fitFieldSchema,
  op: z.enum(fitOperators),
  values: z.array(z.string().trim().min(1, 'must not be empty').max(200)).min(1).max(100),
  /** Points added to the fit score when the rule matches (negative to penalise). */
  points: z.number().int().min(-100).max(100),
});
export type FitRule = z.infer<typeof fitRuleSchema>;

export const grades = ['A', 'B', 'C', 'D'] as const;
export type Grade = (typeof grades)[number];

const touchPointsShape = Object.fromEntries(touchKinds.map((k) => [k, z.number().min(0).max(100)])) as Record<
  (typeof touchKinds)[number],
  z.ZodNumber
>;

export const scoringSettingsSchema = z.strictObject({
  fitRules: z.array(fitRuleSchema).max(50),
  /** Engagement points a touch of each kind is worth on the day it happens. */
  touchPoints: z.strictObject(touchPointsShape),
  /** Days after which a touch counts half as much (exponential decay). */
  halfLifeDays: z.number().positive().max(365),
  /** Lowest fit score of grades A, B and C (fit is 0–100; below C is D); A ≥ B ≥ C. */
  gradeThresholds: z.strictObject({
    a: z.number().int().min(0).max(100),
    b: z.number().int().min(0).max(100),
    c: z.number().int().min(0).max(100),
  }),
  /** A lead becomes MQL when its engagement reaches this and its grade is at least `mqlMinGrade`. */
  mqlEngagement: z.number().positive().max(10000),
  mqlMinGrade: z.enum(grades),
});
export type ScoringSettings = z.infer<typeof scoringSettingsSchema>;

/** The settings an organization starts with until marketing or an admin changes them. */
export const defaultScoringSettings: ScoringSettings = {
  fitRules: [],
  touchPoints: { responded: 10, attended: 15, clicked: 3, submitted_form: 20, visited: 1 },
  halfLifeDays: 30,
  gradeThresholds: { a: 75, b: 50, c: 25 },
  mqlEngagement: 40,
  mqlMinGrade: 'B',
};

export const scoringSettingsDtoSchema = scoringSettingsSchema.extend({
  version: z.number().int(),
  updatedAt: z.string().nullable(),
});
export type ScoringSettingsDto = z.infer<typeof scoringSettingsDtoSchema>;

/** One reason of a score: a matched fit rule, the engagement of a touch kind, or a model factor. */
export const scoreFactorSchema = z.object({
  label: z.string(),
  /** Points of the rule score, or the log-odds contribution of a model factor. */
  weight: z.number(),
});
export type ScoreFactor = z.infer<typeof scoreFactorSchema>;

export const leadScoreSchema = z.object({
  leadId: z.string(),
  fitScore: z.number(),
  engagementScore: z.number(),
  grade: z.enum(grades),
  /** Whether the scores reach the MQL threshold. */
  qualifies: z.boolean(),
  /** The fitted model's probability that the lead converts; null when no model is in use. */
  conversionProbability: z.number().nullable(),
  /** The largest reasons of the scores, largest first (rules, then the model's factors). */
  factors: z.array(scoreFactorSchema),
  computedAt: z.string(),
});
export type LeadScoreDto = z.infer<typeof leadScoreSchema>;

export const calibrationRowSchema = z.object({
  /** Lower and upper bound of the predicted probability of the bin. */
  from: z.number(),
  to: z.number(),
  leads: z.number().int(),
  meanPredicted: z.number().nullable(),
  observedRate: z.number().nullable(),
});
export type CalibrationRow = z.infer<typeof calibrationRowSchema>;

export const scoringModelSchema = z.object({
  /** `fitted`: in use; `insufficient_history`: too few closed leads, the rule scores alone are used. */
  status: z.enum(['fitted', 'insufficient_history', 'not_fitted']),
  fittedAt: z.string().nullable(),
  /** Closed leads (converted, or disqualified) the model learnt from and was tested on. */
  trainingLeads: z.number().int(),
  testLeads: z.number().int(),
  converted: z.number().int(),
  /** Held-out area under the ROC curve. */
  auc: z.number().nullable(),
  calibration: z.array(calibrationRowSchema),
  coefficients: z.array(z.object({ feature: z.string(), weight: z.number() })),
  /** Why the model is not used, in words the admin reads. */
  message: z.string().nullable(),
});
export type ScoringModelDto = z.infer<typeof scoringModelSchema>;

/** The lead inbox: open leads at a lifecycle stage (MQL by default), best engagement first. */
export const leadInboxQuery = z.object({
  stage: z.enum(['subscriber', 'lead', 'mql', 'sql']).default('mql'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type LeadInboxQuery = z.infer<typeof leadInboxQuery>;

export const leadInboxItemSchema = z.object({
  leadId: z.string(),
  name: z.string(),
  company: z.string().nullable(),
  ownerId: z.string().nullable(),
  lifecycleStage: z.string(),
  fitScore: z.number(),
  engagementScore: z.number(),
  grade: z.enum(grades),
  conversionProbability: z.number().nullable(),
  /** When the lead last became MQL (null if it never did). */
  mqlAt: z.string().nullable(),
  createdAt: z.string(),
});
export type LeadInboxItem = z.infer<typeof leadInboxItemSchema>;

export const refitRunSchema = z.object({ jobId: z.string() });
