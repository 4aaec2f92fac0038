import { z } from 'zod';
import { businessDateSchema, currencySchema, idSchema, moneySchema } from './common.ts';

// ---- Partner development funds: a budget per partner and period, requests, claims, payment ----

export const fundRequestStatuses = ['requested', 'approved', 'rejected', 'claimed', 'paid'] as const;
export const fundRequestStatusSchema = z.enum(fundRequestStatuses);
export type FundRequestStatus = z.infer<typeof fundRequestStatusSchema>;

const positiveMoney = moneySchema.refine((v) => /[1-9]/.test(v) && !v.startsWith('-'), 'must be more than 0');

export const fundBudgetSchema = z.object({
  id: idSchema,
  partnerAccountId: idSchema,
  partnerName: z.string(),
  periodStart: z.string(),
  /** Last day of the period (inclusive). */
  periodEnd: z.string(),
  amount: z.string(),
  currency: z.string(),
  /** Held by approved requests (their amount) and by claims (the claimed amount). */
  committed: z.string(),
  /** Asked for by requests still waiting for a decision. */
  pending: z.string(),
  /** amount − committed − pending: what a new request may still ask for. */
  remaining: z.string(),
  paid: z.string(),
  version: z.number().int(),
});
export type FundBudgetDto = z.infer<typeof fundBudgetSchema>;

export const setFundBudgetSchema = z
  .strictObject({
    partnerAccountId: idSchema,
    periodStart: businessDateSchema,
    periodEnd: businessDateSchema,
    /** Without it, the development funds of the partner's tier (in the tier's currency). */
    amount: moneySchema.refine((v) => !v.startsWith('-'), 'must not be negative').optional(),
    currency: currencySchema.optional(),
  })
  .refine((b) => typeof b.periodStart !== 'string' || typeof b.periodEnd !== 'string' || b.periodEnd >= b.periodStart, {
    path: ['periodEnd'],
    message: 'must not be before periodStart',
  });
export type SetFundBudgetInput = z.infer<typeof setFundBudgetSchema>;

export const changeFundBudgetSchema = z.strictObject({
  amount: moneySchema.refine((v) => !v.startsWith('-'), 'must not be negative'),
});
export type ChangeFundBudgetInput = z.infer<typeof changeFundBudgetSchema>;

export const listFundBudgetsQuery = z.object({
  partnerAccountId: idSchema.optional(),
  /** Budgets whose period includes this day. */
  on: z.iso.date({ message: 'must be a date YYYY-MM-DD' }).optional(),
});

export const fundRequestSchema = z.object({
  id: idSchema,
  budgetId: idSchema,
  partnerAccountId: idSchema,
  partnerName: z.string(),
  activity: z.string(),
  amount: z.string(),
  currency: z.string(),
  status: fundRequestStatusSchema,
  requestedBy: idSchema.nullable(),
  requestedAt: z.string(),
  decidedBy: idSchema.nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  claimedAmount: z.string().nullable(),
  claimProof: z.string().nullable(),
  claimedBy: idSchema.nullable(),
  claimedAt: z.string().nullable(),
  paidBy: idSchema.nullable(),
  paidAt: z.string().nullable(),
  paymentReference: z.string().nullable(),
  version: z.number().int(),
});
export type FundRequestDto = z.infer<typeof fundRequestSchema>;

export const requestFundsSchema = z.strictObject({
  budgetId: idSchema,
  /** What the money is for: the marketing activity (a trade show, a co-branded campaign). */
  activity: z.string().trim().min(1, 'must not be empty').max(2000),
  amount: positiveMoney,
});
export type RequestFundsInput = z.infer<typeof requestFundsSchema>;

export const decideFundRequestSchema = z
  .strictObject({
    decision: z.enum(['approve', 'reject']),
    note: z.string().trim().max(2000).nullable().optional(),
  })
  .refine((b) => b.decision !== 'reject' || (typeof b.note === 'string' && b.note !== ''), {
    path: ['note'],
    message: 'is required to reject: say why',
  });
export type DecideFundRequestInput = z.infer<typeof decideFundRequestSchema>;

export const claimFundsSchema = z.strictObject({
  /** What was spent, at most the approved amount. */
  amount: positiveMoney,
  /** The proof of the spending: an invoice number, a link to the receipts, what was done. */
  proof: z.string().trim().min(1, 'must not be empty: say what proves the spending').max(4000),
});
export type ClaimFundsInput = z.infer<typeof claimFundsSchema>;

export const payFundClaimSchema = z.strictObject({
  reference: z.string().trim().min(1, 'must not be empty').max(200),
});
export type PayFundClaimInput = z.infer<typeof payFundClaimSchema>;

export const listFundRequestsQuery = z.object({
  status: fundRequestStatusSchema.optional(),
  partnerAccountId: idSchema.optional(),
  budgetId: idSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type ListFundRequestsQuery = z.infer<typeof listFundRequestsQuery>;
