import { z } from 'zod';
import {
  currencySchema,
  businessDateSchema,
  dateOnlySchema,
  dateTimeSchema,
  idSchema,
  listQueryBase,
  nameSchema,
  nonNegativeMoneySchema,
  optionalText,
  percentSchema,
  quantitySchema,
} from './common.ts';
import { stageKinds } from './pipelines.ts';

/**
 * A deal's own forecast category, over its stage's: the rep says where a deal stands for the
 * forecast (a won stage's `closed` is not one to choose). Null: the stage's category.
 */
export const dealForecastCategories = ['pipeline', 'best_case', 'commit', 'omitted'] as const;

export const contactRoleKinds = ['decision_maker', 'economic_buyer', 'champion', 'influencer', 'user'] as const;
export const dealStatuses = stageKinds;
export type DealStatus = (typeof dealStatuses)[number];
export const dealChannels = ['direct', 'partner'] as const;

export const lineItemSchema = z.object({
  id: idSchema,
  productId: idSchema,
  position: z.number().int(),
  quantity: z.string(),
  unitPrice: z.string(),
  discountPercent: z.string(),
  /** quantity × unitPrice × (1 − discountPercent/100), rounded to cents. */
  netTotal: z.string(),
});
export type LineItemDto = z.infer<typeof lineItemSchema>;

export const contactRoleSchema = z.object({ contactId: idSchema, role: z.enum(contactRoleKinds) });

export const dealSchema = z.object({
  id: idSchema,
  externalId: z.string().nullable(),
  name: z.string(),
  accountId: idSchema.nullable(),
  primaryContactId: idSchema.nullable(),
  contactRoles: z.array(contactRoleSchema),
  pipelineId: idSchema,
  stageId: idSchema,
  status: z.enum(dealStatuses),
  amount: z.string().nullable(),
  currency: z.string(),
  expectedCloseDate: z.string().nullable(),
  closedAt: z.string().nullable(),
  ownerId: idSchema.nullable(),
  source: z.string().nullable(),
  channel: z.enum(dealChannels),
  /** A partner deal's partner: the reseller that registered it. */
  partnerAccountId: idSchema.nullable(),
  /** Two-tier: the distributor the reseller registered the deal through; null for a one-tier deal. */
  distributorAccountId: idSchema.nullable(),
  lostReason: z.string().nullable(),
  nextStep: z.string().nullable(),
  /** The deal's own forecast category; null: its stage's. */
  forecastCategory: z.enum(dealForecastCategories).nullable(),
  stageEnteredAt: z.string(),
  lineItems: z.array(lineItemSchema),
  /** Sum of the lines' net totals (independent of `amount`, which the seller sets). */
  lineItemsTotal: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type DealDto = z.infer<typeof dealSchema>;

export const lineItemInputSchema = z.strictObject({
  productId: idSchema,
  quantity: quantitySchema.refine((v) => /[1-9]/.test(v), 'must be greater than 0'),
  /** Defaults to the product's list price when the product is priced in the deal's currency. */
  unitPrice: nonNegativeMoneySchema.optional(),
  discountPercent: percentSchema.optional(),
});
export type LineItemInput = z.infer<typeof lineItemInputSchema>;

export const contactRoleInputSchema = z.strictObject({ contactId: idSchema, role: z.enum(contactRoleKinds) });
export type ContactRoleInput = z.infer<typeof contactRoleInputSchema>;

const dealFields = {
  name: nameSchema,
  externalId: z.string().max(200).nullable().optional(),
  accountId: idSchema.nullable().optional(),
  primaryContactId: idSchema.nullable().optional(),
  contactRoles: z.array(contactRoleInputSchema).max(50).optional(),
  amount: nonNegativeMoneySchema.nullable().optional(),
  /** Defaults to the organization's base currency. */
  currency: currencySchema.optional(),
  expectedCloseDate: businessDateSchema.nullable().optional(),
  ownerId: idSchema.nullable().optional(),
  source: optionalText(200),
  channel: z.enum(dealChannels).optional(),
  partnerAccountId: idSchema.nullable().optional(),
  nextStep: optionalText(1000),
  /** Replaces all lines of the deal. */
  lineItems: z.array(lineItemInputSchema).max(200).optional(),
};

export const createDealSchema = z.strictObject({
  ...dealFields,
  /** Defaults to the organization's default pipeline. */
  pipelineId: idSchema.optional(),
  /** Defaults to the first open stage of the pipeline. */
  stageId: idSchema.optional(),
});
export type CreateDealInput = z.infer<typeof createDealSchema>;

/** Stage, pipeline and status change only through POST /deals/:id/stage. */
export const updateDealSchema = z
  .strictObject({
    ...dealFields,
    lostReason: optionalText(500),
    /** The deal's own forecast category; null: back to its stage's. */
    forecastCategory: z.enum(dealForecastCategories).nullable(),
  })
  .partial();
export type UpdateDealInput = z.infer<typeof updateDealSchema>;

export const moveDealStageSchema = z.strictObject({
  stageId: idSchema,
  /** To move the deal into another pipeline; `stageId` must then be one of its stages. */
  pipelineId: idSchema.optional(),
  /** Required to enter a lost stage (unless the deal already has one). */
  lostReason: z.string().trim().min(1, 'must not be empty').max(500).optional(),
  /** Alternative to the If-Match header. */
  expectedVersion: z.number().int().min(1).optional(),
});
export type MoveDealStageInput = z.infer<typeof moveDealStageSchema>;

export const dealSortKeys = ['created_at', 'updated_at', 'name', 'amount', 'expected_close_date'] as const;
export type DealSortKey = (typeof dealSortKeys)[number];

export const listDealsQuery = listQueryBase.extend({
  /** Deals without an amount sort as below zero; without an expected close date as after every date. */
  sort: z.enum(dealSortKeys).default('created_at'),
  pipelineId: idSchema.optional(),
  stageId: idSchema.optional(),
  status: z.enum(dealStatuses).optional(),
  ownerId: idSchema.optional(),
  /** Deals owned by a member of this team (the board's team filter). */
  teamId: idSchema.optional(),
  accountId: idSchema.optional(),
  /** Deals the contact is on: as primary contact or with a buying role. */
  contactId: idSchema.optional(),
  channel: z.enum(dealChannels).optional(),
  partnerAccountId: idSchema.optional(),
  amountMin: nonNegativeMoneySchema.optional(),
  amountMax: nonNegativeMoneySchema.optional(),
  expectedCloseFrom: dateOnlySchema.optional(),
  expectedCloseTo: dateOnlySchema.optional(),
  createdFrom: dateTimeSchema.optional(),
  createdTo: dateTimeSchema.optional(),
  /** Open deals, and closed deals closed at or after this time (the board's closed period). */
  closedFrom: dateTimeSchema.optional(),
  /** Open deals, and closed deals closed before this time. */
  closedTo: dateTimeSchema.optional(),
});
export type ListDealsQuery = z.infer<typeof listDealsQuery>;

/**
 * How much of the closed columns the board shows: the current fiscal month, quarter or year in
 * the organization's time zone (counted from its fiscal year's first month), or every closed deal.
 */
export const closedPeriods = ['month', 'quarter', 'year', 'all'] as const;
export type ClosedPeriod = (typeof closedPeriods)[number];

/** The board's filters (the same as the list's), for the per-stage totals. */
export const boardSummaryQuery = z.strictObject({
  pipelineId: idSchema,
  closedPeriod: z.enum(closedPeriods).default('quarter'),
  ownerId: idSchema.optional(),
  teamId: idSchema.optional(),
  channel: z.enum(dealChannels).optional(),
  expectedCloseFrom: dateOnlySchema.optional(),
  expectedCloseTo: dateOnlySchema.optional(),
  q: z.string().trim().max(200).optional(),
});
export type BoardSummaryQuery = z.infer<typeof boardSummaryQuery>;

export const stageMoneyTotalSchema = z.object({
  currency: z.string(),
  /** Exact sum of the amounts, a decimal string. */
  sum: z.string(),
  /** The sum times the stage's probability, rounded half up to cents once. */
  weighted: z.string(),
});

export const boardSummarySchema = z.object({
  pipelineId: idSchema,
  closedPeriod: z.enum(closedPeriods),
  /** The closed period's bounds (start inclusive, end exclusive); null for `all`. Pass them to the list as closedFrom/closedTo. */
  closedFrom: z.string().nullable(),
  closedTo: z.string().nullable(),
  stages: z.array(
    z.object({
      stageId: idSchema,
      kind: z.enum(stageKinds),
      count: z.number().int(),
      totals: z.array(stageMoneyTotalSchema),
    }),
  ),
});
export type BoardSummaryDto = z.infer<typeof boardSummarySchema>;
