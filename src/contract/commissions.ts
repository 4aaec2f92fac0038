import { z } from 'zod';
import { currencySchema, dateOnlySchema, idSchema, moneySchema, nonNegativeMoneySchema } from './common.ts';
import { toScaled } from './money.ts';

export const payeeKinds = ['user', 'partner'] as const;
export const payeeKindSchema = z.enum(payeeKinds);
export type PayeeKind = z.infer<typeof payeeKindSchema>;
/** Whose statement is read: a user, a partner account, or an agent party (paid by its agency agreements). */
export const statementPayeeKinds = ['user', 'partner', 'agent'] as const;
export const statementPayeeKindSchema = z.enum(statementPayeeKinds);
export type StatementPayeeKind = z.infer<typeof statementPayeeKindSchema>;
export const commissionBases = ['amount', 'margin'] as const;
export const commissionLineKinds = [
  'commission',
  'partner',
  'agent',
  'override',
  'clawback',
  'bonus',
  'adjustment',
] as const;
export const disputeStatuses = ['open', 'accepted', 'rejected'] as const;

/** A rate in percent, 0 to 100, with up to 4 decimals ("7.5", "12.3456"). */
export const ratePercentSchema = z
  .string()
  .regex(/^(100(\.0{1,4})?|\d{1,2}(\.\d{1,4})?)$/, 'must be a percentage between 0 and 100 with at most 4 decimals');
/** A tier's multiplier of the rate: 1 as is, above 1 an accelerator, below 1 a decelerator (0 to 10). */
export const multiplierSchema = z
  .string()
  .regex(/^(10(\.0{1,4})?|\d(\.\d{1,4})?)$/, 'must be a number from 0 to 10 with at most 4 decimals');
/** A month, YYYY-MM: the period of a statement. */
export const periodSchema = z.string().regex(/^(19|20)\d\d-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM');

const familyRate = z.strictObject({
  family: z.string().trim().min(1).max(200).nullable(),
  ratePercent: ratePercentSchema,
});
const tier = z.strictObject({ from: nonNegativeMoneySchema, multiplier: multiplierSchema });

export const commissionPlanSchema = z.object({
  id: idSchema,
  name: z.string(),
  basis: z.enum(commissionBases),
  currency: z.string(),
  rates: z.array(z.object({ family: z.string().nullable(), ratePercent: z.string() })),
  tiers: z.array(z.object({ from: z.string(), multiplier: z.string() })),
  cap: z.string().nullable(),
  clawbackDays: z.number().int(),
  overridePercent: z.string().nullable(),
  overrideLevels: z.number().int(),
  createdAt: z.string(),
});
export type CommissionPlanDto = z.infer<typeof commissionPlanSchema>;

/**
 * A new plan. Rates per product family (one at most without a family: the rate of everything
 * else); tiers from ascending amounts, the first from 0.00 (none: one tier at ×1). Plans do not
 * change once made, so past statements stay as they were: assign a new plan for later days.
 */
export const createCommissionPlanSchema = z
  .strictObject({
    name: z.string().trim().min(1, 'must not be empty').max(200),
    basis: z.enum(commissionBases).default('amount'),
    currency: currencySchema.optional(),
    rates: z.array(familyRate).max(50).default([]),
    tiers: z.array(tier).max(10).default([]),
    cap: nonNegativeMoneySchema.nullable().default(null),
    clawbackDays: z.number().int().min(0).max(730).default(90),
    overridePercent: ratePercentSchema.nullable().default(null),
    overrideLevels: z.number().int().min(0).max(5).default(0),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<string | null>();
    v.rates.forEach((r, i) => {
      const key = r.family === null ? null : r.family.toLowerCase();
      if (seen.has(key))
        ctx.addIssue({ code: 'custom', path: ['rates', i, 'family'], message: 'has a rate already in this plan' });
      seen.add(key);
    });
    v.tiers.forEach((t, i) => {
      const prev = v.tiers[i - 1];
      if (i === 0 && toScaled(t.from, 2) !== 0n)
        ctx.addIssue({ code: 'custom', path: ['tiers', 0, 'from'], message: 'the first tier must start at 0.00' });
      if (prev && toScaled(t.from, 2) <= toScaled(prev.from, 2))
        ctx.addIssue({ code: 'custom', path: ['tiers', i, 'from'], message: 'must be above the tier before' });
    });
    if (v.rates.length === 0 && v.overridePercent === null)
      ctx.addIssue({ code: 'custom', path: ['rates'], message: 'a plan needs a rate or a manager override' });
    if (v.overridePercent !== null && v.overrideLevels === 0)
      ctx.addIssue({ code: 'custom', path: ['overrideLevels'], message: 'must be at least 1 with an override' });
  });
export type CreateCommissionPlanInput = z.infer<typeof createCommissionPlanSchema>;

export const planAssignmentSchema = z.object({
  id: idSchema,
  planId: idSchema,
  planName: z.string(),
  payeeKind: payeeKindSchema,
  payeeId: idSchema,
  payeeName: z.string(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  createdAt: z.string(),
});
export type PlanAssignmentDto = z.infer<typeof planAssignmentSchema>;

/** A plan for a person (a user) or a partner account, for the days from `startsOn` to `endsOn` (inclusive). */
export const createPlanAssignmentSchema = z
  .strictObject({
    planId: idSchema,
    payeeKind: payeeKindSchema.default('user'),
    payeeId: idSchema,
    startsOn: dateOnlySchema,
    endsOn: dateOnlySchema.nullable().default(null),
  })
  .refine((v) => v.endsOn === null || v.endsOn >= v.startsOn, {
    path: ['endsOn'],
    message: 'must not be before startsOn',
  });
export type CreatePlanAssignmentInput = z.infer<typeof createPlanAssignmentSchema>;

export const listAssignmentsQuery = z.object({
  payeeKind: payeeKindSchema.optional(),
  payeeId: idSchema.optional(),
});

const splitMember = z.strictObject({ userId: idSchema, percent: z.string() });
export const commissionSplitSchema = z.object({
  dealId: idSchema,
  members: z.array(z.object({ userId: idSchema, name: z.string(), percent: z.string() })),
  updatedAt: z.string().nullable(),
  version: z.number().int(),
});
export type CommissionSplitDto = z.infer<typeof commissionSplitSchema>;

/**
 * A zero amount or percentage, by its text: zod runs refinements even after the format check
 * failed, so they must not parse (a malformed value would throw instead of being named).
 */
const zero = /^-?0+(\.0+)?$/;

/** Who shares a deal's credit, in percent adding up to exactly 100; no members: the owner alone. */
export const setCommissionSplitSchema = z
  .strictObject({
    members: z
      .array(
        splitMember.extend({
          percent: z
            .string()
            .regex(/^(100(\.0{1,2})?|\d{1,2}(\.\d{1,2})?)$/, 'must be a percentage between 0 and 100')
            .refine((p) => !zero.test(p), 'must be above 0'),
        }),
      )
      .max(10),
  })
  .superRefine((v, ctx) => {
    const users = new Set<string>();
    v.members.forEach((m, i) => {
      if (users.has(m.userId))
        ctx.addIssue({ code: 'custom', path: ['members', i, 'userId'], message: 'is in the split already' });
      users.add(m.userId);
    });
    const valid = v.members.every((m) => /^\d{1,3}(\.\d{1,2})?$/.test(m.percent));
    if (valid && v.members.length > 0 && v.members.reduce((a, m) => a + toScaled(m.percent, 2), 0n) !== 10_000n)
      ctx.addIssue({ code: 'custom', path: ['members'], message: 'percentages must add up to 100' });
  });
export type SetCommissionSplitInput = z.infer<typeof setCommissionSplitSchema>;

export const commissionBonusSchema = z.object({
  id: idSchema,
  payeeKind: payeeKindSchema,
  payeeId: idSchema,
  amount: z.string(),
  currency: z.string(),
  reason: z.string(),
  grantedBy: idSchema.nullable(),
  grantedAt: z.string(),
});
export type CommissionBonusDto = z.infer<typeof commissionBonusSchema>;

/** A one-off bonus, a line of the payee's statement for the month it is granted in. */
export const createCommissionBonusSchema = z.strictObject({
  payeeKind: payeeKindSchema.default('user'),
  payeeId: idSchema,
  amount: moneySchema.refine((a) => !zero.test(a), 'must not be zero'),
  currency: currencySchema.optional(),
  reason: z.string().trim().min(1, 'must not be empty').max(500),
});
export type CreateCommissionBonusInput = z.infer<typeof createCommissionBonusSchema>;

export const commissionLineSchema = z.object({
  id: z.string(),
  period: z.string(),
  day: z.string(),
  kind: z.enum(commissionLineKinds),
  dealId: idSchema.nullable(),
  dealName: z.string().nullable(),
  family: z.string().nullable(),
  basis: z.string().nullable(),
  ratePercent: z.string().nullable(),
  multiplier: z.string().nullable(),
  amount: z.string(),
  currency: z.string(),
  capped: z.boolean(),
  note: z.string(),
  /** The ids of the events of the log that produced the line. */
  eventIds: z.array(z.string()),
});
export type CommissionLineDto = z.infer<typeof commissionLineSchema>;

export const payeeSchema = z.object({ kind: payeeKindSchema, id: idSchema, name: z.string() });
export const statementPayeeSchema = z.object({ kind: statementPayeeKindSchema, id: idSchema, name: z.string() });

export const commissionDisputeSchema = z.object({
  id: idSchema,
  payee: payeeSchema,
  period: z.string(),
  lineId: z.string(),
  reason: z.string(),
  status: z.enum(disputeStatuses),
  answerNote: z.string().nullable(),
  adjustment: z.string().nullable(),
  currency: z.string(),
  raisedBy: idSchema,
  raisedAt: z.string(),
  answeredBy: idSchema.nullable(),
  answeredAt: z.string().nullable(),
  version: z.number().int(),
});
export type CommissionDisputeDto = z.infer<typeof commissionDisputeSchema>;

export const statementSchema = z.object({
  payee: statementPayeeSchema,
  period: z.string(),
  /** The plan assigned on the first day of the month (null: none then). */
  plan: z.object({ id: idSchema, name: z.string() }).nullable(),
  lines: z.array(commissionLineSchema),
  totals: z.array(z.object({ currency: z.string(), amount: z.string() })),
  disputes: z.array(commissionDisputeSchema),
  /** The instant the month ends: the statement is computed from the events before it. */
  asOf: z.string(),
});
export type StatementDto = z.infer<typeof statementSchema>;

/** A statement: the caller's own by default, else a payee the caller may read (`payeeKind`, `payeeId`). */
export const statementQuery = z.object({
  period: periodSchema,
  payeeKind: statementPayeeKindSchema.optional(),
  payeeId: idSchema.optional(),
});
export type StatementQuery = z.infer<typeof statementQuery>;

export const statementSummarySchema = z.object({
  payee: statementPayeeSchema,
  lines: z.number().int(),
  totals: z.array(z.object({ currency: z.string(), amount: z.string() })),
  openDisputes: z.number().int(),
});
export const teamStatementsQuery = z.object({ period: periodSchema });

/** A payee disputes one line of a statement of theirs. */
export const raiseDisputeSchema = z.strictObject({
  period: periodSchema,
  lineId: z.string().trim().min(1, 'must not be empty').max(300),
  reason: z.string().trim().min(1, 'must not be empty').max(2000),
  payeeKind: payeeKindSchema.optional(),
  payeeId: idSchema.optional(),
});
export type RaiseDisputeInput = z.infer<typeof raiseDisputeSchema>;

/** A manager (or an admin, for finance) answers; an accepted dispute may add an adjustment line. */
export const answerDisputeSchema = z
  .strictObject({
    decision: z.enum(['accepted', 'rejected']),
    note: z.string().trim().min(1, 'must not be empty').max(2000),
    adjustment: moneySchema.nullable().default(null),
  })
  .refine((v) => v.decision === 'accepted' || v.adjustment === null, {
    path: ['adjustment'],
    message: 'only an accepted dispute adjusts the statement',
  });
export type AnswerDisputeInput = z.infer<typeof answerDisputeSchema>;

export const listDisputesQuery = z.object({
  status: z.enum(disputeStatuses).optional(),
  period: periodSchema.optional(),
});
export type ListDisputesQuery = z.infer<typeof listDisputesQuery>;
