import { z } from 'zod';
import {
  businessDateSchema,
  businessDateTimeSchema,
  currencySchema,
  idSchema,
  listQueryBase,
  nameSchema,
  nonNegativeMoneySchema,
  optionalText,
} from './common.ts';

export const campaignTypes = [
  'advertising',
  'sales_promotion',
  'publicity',
  'public_relations',
  'event',
  'email',
  'content',
  'partner_co_marketing',
  'product_launch',
  'new_channel',
] as const;
export const campaignTypeSchema = z.enum(campaignTypes);
export type CampaignType = z.infer<typeof campaignTypeSchema>;

export const campaignStatuses = ['planned', 'active', 'paused', 'completed', 'cancelled'] as const;
export const campaignStatusSchema = z.enum(campaignStatuses);

/** How a person interacted with a campaign. */
export const touchKinds = ['responded', 'attended', 'clicked', 'submitted_form', 'visited'] as const;
export const touchKindSchema = z.enum(touchKinds);
export type TouchKind = z.infer<typeof touchKindSchema>;

/**
 * Where a person stands in a campaign, in order: targeted (on the list), sent (reached), then a
 * response (responded, or attended for events). `unsubscribed` ends the membership.
 */
export const memberStatuses = ['targeted', 'sent', 'responded', 'attended', 'unsubscribed'] as const;
export const memberStatusSchema = z.enum(memberStatuses);
export type MemberStatus = z.infer<typeof memberStatusSchema>;

/** The membership status a touch of this kind implies (at least). */
export function memberStatusOfTouch(kind: TouchKind): MemberStatus {
  return kind === 'attended' ? 'attended' : 'responded';
}

/** Whether a membership moves forward to `next` (statuses only climb; unsubscribed is final). */
export function memberStatusAdvances(current: MemberStatus, next: MemberStatus): boolean {
  if (current === 'unsubscribed') return false;
  return memberStatuses.indexOf(next) > memberStatuses.indexOf(current);
}

const utmText = z.string().trim().min(1, 'must not be empty').max(200);
export const utmFields = {
  utmSource: utmText.nullable().optional(),
  utmMedium: utmText.nullable().optional(),
  utmCampaign: utmText.nullable().optional(),
  utmContent: utmText.nullable().optional(),
  utmTerm: utmText.nullable().optional(),
};
const utmOut = {
  utmSource: z.string().nullable(),
  utmMedium: z.string().nullable(),
  utmCampaign: z.string().nullable(),
  utmContent: z.string().nullable(),
  utmTerm: z.string().nullable(),
};

// ---- Campaigns ----

export const campaignSchema = z.object({
  id: idSchema,
  name: z.string(),
  type: campaignTypeSchema,
  channel: z.string().nullable(),
  status: campaignStatusSchema,
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  ownerId: idSchema.nullable(),
  parentId: idSchema.nullable(),
  budget: z.string().nullable(),
  expectedRevenue: z.string().nullable(),
  currency: z.string(),
  /** Sum of the cost entries. Budget, expected revenue and cost are null for roles that do not see marketing figures. */
  actualCost: z.string().nullable(),
  ...utmOut,
  description: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type CampaignDto = z.infer<typeof campaignSchema>;

export const createCampaignSchema = z.strictObject({
  name: nameSchema,
  type: campaignTypeSchema,
  channel: z.string().trim().min(1, 'must not be empty').max(100).nullable().optional(),
  status: campaignStatusSchema.optional(),
  startDate: businessDateSchema.nullable().optional(),
  endDate: businessDateSchema.nullable().optional(),
  ownerId: idSchema.nullable().optional(),
  parentId: idSchema.nullable().optional(),
  budget: nonNegativeMoneySchema.nullable().optional(),
  expectedRevenue: nonNegativeMoneySchema.nullable().optional(),
  /** Defaults to the organization's base currency. */
  currency: currencySchema.optional(),
  ...utmFields,
  description: optionalText(5000),
});
export type CreateCampaignInput = z.infer<typeof createCampaignSchema>;

export const updateCampaignSchema = createCampaignSchema.omit({ currency: true }).partial();
export type UpdateCampaignInput = z.infer<typeof updateCampaignSchema>;

export const listCampaignsQuery = listQueryBase.extend({
  sort: z.enum(['name', 'created_at', 'start_date']).default('name'),
  type: campaignTypeSchema.optional(),
  status: campaignStatusSchema.optional(),
  /** Children of this campaign. */
  parentId: idSchema.optional(),
  /** `true`: only campaigns without a parent; `false`: only child campaigns. */
  topLevel: z.enum(['true', 'false']).optional(),
});
export type ListCampaignsQuery = z.infer<typeof listCampaignsQuery>;

// ---- Cost entries ----

export const campaignCostSchema = z.object({
  id: idSchema,
  campaignId: idSchema,
  incurredOn: z.string(),
  amount: z.string(),
  description: z.string().nullable(),
  createdBy: idSchema.nullable(),
  createdAt: z.string(),
});
export type CampaignCostDto = z.infer<typeof campaignCostSchema>;

export const addCampaignCostSchema = z.strictObject({
  incurredOn: businessDateSchema,
  amount: nonNegativeMoneySchema,
  description: optionalText(2000),
});
export type AddCampaignCostInput = z.infer<typeof addCampaignCostSchema>;

export const campaignCostParams = z.object({ id: idSchema, costId: idSchema });

// ---- Touches and members ----

export const touchSchema = z.object({
  id: idSchema,
  campaignId: idSchema,
  leadId: idSchema.nullable(),
  contactId: idSchema.nullable(),
  kind: touchKindSchema,
  touchedAt: z.string(),
  ...utmOut,
  recordedBy: idSchema.nullable(),
  createdAt: z.string(),
});
export type TouchDto = z.infer<typeof touchSchema>;

/** A touch names exactly one person: a lead or a contact. `touchedAt` is business time (default now). */
export const recordTouchSchema = z.strictObject({
  leadId: idSchema.optional(),
  contactId: idSchema.optional(),
  kind: touchKindSchema,
  touchedAt: businessDateTimeSchema.optional(),
  ...utmFields,
});
export type RecordTouchInput = z.infer<typeof recordTouchSchema>;

export const listTouchesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(100),
  cursor: z.string().max(500).optional(),
});
export type ListTouchesQuery = z.infer<typeof listTouchesQuery>;

export const memberSchema = z.object({
  campaignId: idSchema,
  personId: idSchema,
  personType: z.enum(['lead', 'contact']),
  /** The person's name as the list shows it. */
  name: z.string(),
  status: memberStatusSchema,
  touches: z.number().int(),
  firstTouchAt: z.string().nullable(),
  lastTouchAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type MemberDto = z.infer<typeof memberSchema>;

/** Adds a person to a campaign (or moves their status on) without a touch: targeted, sent, unsubscribed. */
export const setMemberSchema = z.strictObject({
  leadId: idSchema.optional(),
  contactId: idSchema.optional(),
  status: memberStatusSchema,
});
export type SetMemberInput = z.infer<typeof setMemberSchema>;

export const listMembersQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(100),
  cursor: z.string().max(500).optional(),
  status: memberStatusSchema.optional(),
});
export type ListMembersQuery = z.infer<typeof listMembersQuery>;

// ---- Lead lifecycle ----

export const lifecycleStages = ['subscriber', 'lead', 'mql', 'sql', 'opportunity', 'customer'] as const;
export const lifecycleStageSchema = z.enum(lifecycleStages);
export type LifecycleStage = z.infer<typeof lifecycleStageSchema>;

/**
 * Moving a lead through the lifecycle. Forward moves are free (a stage may be skipped); going back
 * is a recycle and needs `recycleReason`. `opportunity` and `customer` come from converting the lead
 * and winning its deal, not from this request.
 */
export const changeLifecycleSchema = z.strictObject({
  stage: z.enum(['subscriber', 'lead', 'mql', 'sql'], {
    message: 'must be subscriber, lead, mql or sql (opportunity and customer follow from the deal)',
  }),
  recycleReason: z.string().trim().min(1, 'must not be empty').max(2000).optional(),
});
export type ChangeLifecycleInput = z.infer<typeof changeLifecycleSchema>;
