import { z } from 'zod';
import { domainSchema } from './accounts.ts';
import {
  businessDateSchema,
  currencySchema,
  idSchema,
  nameSchema,
  nonNegativeMoneySchema,
  optionalText,
  percentSchema,
} from './common.ts';

// ---- Partner programme ----

export const partnerTypes = [
  'distributor',
  'reseller',
  'value_added_reseller',
  'referral',
  'managed_service_provider',
] as const;
export const partnerTypeSchema = z.enum(partnerTypes);
export type PartnerType = z.infer<typeof partnerTypeSchema>;

export const partnerTierSchema = z.object({
  id: idSchema,
  name: z.string(),
  rank: z.number().int(),
  discountPercent: z.string(),
  protectionDays: z.number().int(),
  developmentFunds: z.string(),
  currency: z.string(),
  /** How many leads a partner of this tier holds at once (offered or accepted); null: no limit. */
  leadCapacity: z.number().int().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type PartnerTierDto = z.infer<typeof partnerTierSchema>;

export const createPartnerTierSchema = z.strictObject({
  name: nameSchema,
  rank: z.number().int().min(0).max(1000).optional(),
  discountPercent: percentSchema.optional(),
  protectionDays: z.number().int().min(1).max(730),
  developmentFunds: nonNegativeMoneySchema.optional(),
  currency: currencySchema.optional(),
  leadCapacity: z.number().int().min(0).max(100_000).nullable().optional(),
});
export type CreatePartnerTierInput = z.infer<typeof createPartnerTierSchema>;
export const updatePartnerTierSchema = createPartnerTierSchema.partial();
export type UpdatePartnerTierInput = z.infer<typeof updatePartnerTierSchema>;

export const partnerSchema = z.object({
  accountId: idSchema,
  name: z.string(),
  domain: z.string().nullable(),
  partnerType: partnerTypeSchema,
  tierId: idSchema.nullable(),
  tierName: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type PartnerDto = z.infer<typeof partnerSchema>;

export const setPartnerSchema = z.strictObject({
  partnerType: partnerTypeSchema,
  tierId: idSchema.nullable().optional(),
});
export type SetPartnerInput = z.infer<typeof setPartnerSchema>;

export const conflictPolicies = ['first_to_register', 'evidence_based'] as const;
export const conflictPolicySchema = z.enum(conflictPolicies);
export type ConflictPolicy = z.infer<typeof conflictPolicySchema>;

export const channelSettingsSchema = z.object({
  conflictPolicy: conflictPolicySchema,
  approvalSlaDays: z.number().int(),
  version: z.number().int(),
});
export type ChannelSettingsDto = z.infer<typeof channelSettingsSchema>;
export const updateChannelSettingsSchema = z.strictObject({
  conflictPolicy: conflictPolicySchema.optional(),
  approvalSlaDays: z.number().int().min(1).max(60).optional(),
});
export type UpdateChannelSettingsInput = z.infer<typeof updateChannelSettingsSchema>;

// ---- Deal registration ----

export const registrationStatuses = ['pending', 'approved', 'rejected', 'expired'] as const;
export const registrationStatusSchema = z.enum(registrationStatuses);
export type RegistrationStatus = z.infer<typeof registrationStatusSchema>;

export const registrationSchema = z.object({
  id: idSchema,
  partnerAccountId: idSchema,
  partnerName: z.string(),
  registeredBy: idSchema.nullable(),
  customerName: z.string(),
  customerDomain: z.string().nullable(),
  productIds: z.array(idSchema),
  amount: z.string().nullable(),
  currency: z.string(),
  expectedCloseDate: z.string().nullable(),
  notes: z.string().nullable(),
  status: registrationStatusSchema,
  dealId: idSchema.nullable(),
  protectionDays: z.number().int().nullable(),
  protectedUntil: z.string().nullable(),
  decidedBy: idSchema.nullable(),
  decidedAt: z.string().nullable(),
  rejectionReason: z.string().nullable(),
  /** Two-tier: the distributor of the registering reseller on this deal, if any. */
  distributorAccountId: idSchema.nullable(),
  distributorName: z.string().nullable(),
  registeredAt: z.string(),
  /** Business days from registration to the decision (or to now while pending). */
  approvalBusinessDays: z.number().int(),
  /** Whether that exceeds the organisation's approval SLA. */
  slaBreached: z.boolean(),
  /** When the registration, still pending past the approval SLA, was escalated to the admins. */
  escalatedAt: z.string().nullable(),
  openConflicts: z.number().int(),
  version: z.number().int(),
});
export type RegistrationDto = z.infer<typeof registrationSchema>;

export const registerDealSchema = z.strictObject({
  customerName: nameSchema,
  customerDomain: domainSchema.nullable().optional(),
  productIds: z.array(idSchema).max(50, 'must name at most 50 products').optional(),
  amount: nonNegativeMoneySchema.nullable().optional(),
  currency: currencySchema.optional(),
  expectedCloseDate: businessDateSchema.nullable().optional(),
  notes: optionalText(5000),
  /** Admins and channel managers register on a partner's behalf; a partner registers for its own account. */
  partnerAccountId: idSchema.optional(),
  /**
   * Two-tier: the distributor of the registering reseller on this deal, one of those that serve it.
   * Left out, the only one that serves it; null: none.
   */
  distributorAccountId: idSchema.nullable().optional(),
});
export type RegisterDealInput = z.infer<typeof registerDealSchema>;

export const approveRegistrationSchema = z.strictObject({
  /** Link an existing deal instead of creating one. */
  dealId: idSchema.optional(),
  /** The pipeline of the created deal (default: the organisation's default pipeline). */
  pipelineId: idSchema.optional(),
  ownerId: idSchema.nullable().optional(),
});
export type ApproveRegistrationInput = z.infer<typeof approveRegistrationSchema>;

export const rejectRegistrationSchema = z.strictObject({
  reason: z.string().trim().min(1, 'must not be empty').max(2000),
});
export const extendRegistrationSchema = z.strictObject({
  days: z.number().int().min(1).max(365),
  reason: optionalText(2000),
});

export const listRegistrationsQuery = z.object({
  status: registrationStatusSchema.optional(),
  partnerAccountId: idSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type ListRegistrationsQuery = z.infer<typeof listRegistrationsQuery>;

/** A customer to check for conflicts before registering (the duplicate warning of the form). */
export const conflictCheckSchema = z.strictObject({
  customerName: nameSchema,
  customerDomain: domainSchema.nullable().optional(),
  productIds: z.array(idSchema).max(50).optional(),
});
export type ConflictCheckInput = z.infer<typeof conflictCheckSchema>;

// ---- Two-tier distribution ----

/** A reseller a distributor serves: the distributor's users read the reseller's registrations and deals that name it. */
export const resellerLinkSchema = z.object({
  distributorAccountId: idSchema,
  distributorName: z.string(),
  resellerAccountId: idSchema,
  resellerName: z.string(),
  createdAt: z.string(),
});
export type ResellerLinkDto = z.infer<typeof resellerLinkSchema>;

export const resellerLinkParams = z.object({ id: idSchema, resellerId: idSchema });

/** A deal of a distributor's reseller, approved from a registration that names the distributor. */
export const resellerDealSchema = z.object({
  registrationId: idSchema,
  resellerAccountId: idSchema,
  resellerName: z.string(),
  dealId: idSchema,
  name: z.string(),
  status: z.enum(['open', 'won', 'lost']),
  stageName: z.string().nullable(),
  amount: z.string().nullable(),
  currency: z.string(),
  expectedCloseDate: z.string().nullable(),
  closedAt: z.string().nullable(),
});
export type ResellerDealDto = z.infer<typeof resellerDealSchema>;

/** What a distributor reads of its resellers: the links, their registrations that name it, and their deals. */
export const resellerWorkSchema = z.object({
  resellers: z.array(resellerLinkSchema),
  registrations: z.array(registrationSchema),
  deals: z.array(resellerDealSchema),
});
export type ResellerWorkDto = z.infer<typeof resellerWorkSchema>;

// ---- Channel conflicts ----

export const matchReasonSchema = z.object({
  kind: z.enum(['domain', 'name', 'similar_name', 'products']),
  detail: z.string(),
});
export type MatchReason = z.infer<typeof matchReasonSchema>;

export const conflictPartySchema = z.object({
  kind: z.enum(['registration', 'deal']),
  id: idSchema,
  customerName: z.string(),
  channel: z.enum(['direct', 'partner']),
  partnerAccountId: idSchema.nullable(),
  /** When this party registered (a registration) or the deal was created. */
  since: z.string(),
});
export type ConflictParty = z.infer<typeof conflictPartySchema>;

export const conflictEvidenceSchema = z.object({
  subject: conflictPartySchema,
  match: conflictPartySchema,
  /** Each party's earlier events from the log (type and time), oldest first. */
  subjectEvents: z.array(z.object({ type: z.string(), at: z.string() })),
  matchEvents: z.array(z.object({ type: z.string(), at: z.string() })),
});
export type ConflictEvidence = z.infer<typeof conflictEvidenceSchema>;

export const conflictSides = ['subject', 'match'] as const;
export const conflictSchema = z.object({
  id: idSchema,
  subjectKind: z.enum(['registration', 'deal']),
  subjectId: idSchema,
  matchKind: z.enum(['registration', 'deal']),
  matchId: idSchema,
  reasons: z.array(matchReasonSchema),
  evidence: conflictEvidenceSchema,
  policy: conflictPolicySchema,
  suggestedWinner: z.enum(['subject', 'match', 'undecided']),
  status: z.enum(['open', 'resolved']),
  winner: z.enum(['subject', 'match', 'shared']).nullable(),
  resolutionNote: z.string().nullable(),
  resolvedBy: idSchema.nullable(),
  resolvedAt: z.string().nullable(),
  detectedAt: z.string(),
  version: z.number().int(),
});
export type ConflictDto = z.infer<typeof conflictSchema>;

export const resolveConflictSchema = z.strictObject({
  winner: z.enum(['subject', 'match', 'shared']),
  note: optionalText(2000),
});
export type ResolveConflictInput = z.infer<typeof resolveConflictSchema>;

export const listConflictsQuery = z.object({
  status: z.enum(['open', 'resolved']).optional(),
  registrationId: idSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type ListConflictsQuery = z.infer<typeof listConflictsQuery>;

/** A match found by the duplicate check (before registering): what and why, without the other party's details. */
export const conflictCheckResultSchema = z.object({
  matches: z.array(z.object({ kind: z.enum(['registration', 'deal']), reasons: z.array(matchReasonSchema) })),
});

// ---- Analytics ----

const groupStatsSchema = z.object({
  key: z.string(),
  registered: z.number().int(),
  approved: z.number().int(),
  rejected: z.number().int(),
  expired: z.number().int(),
  won: z.number().int(),
  conflictRate: z.number().nullable(),
  meanApprovalBusinessDays: z.number().nullable(),
  winRate: z.number().nullable(),
  meanCycleDays: z.number().nullable(),
  revenueWon: z.string(),
});
const sideStatsSchema = z.object({
  deals: z.number().int(),
  won: z.number().int(),
  lost: z.number().int(),
  winRate: z.number().nullable(),
  meanCycleDays: z.number().nullable(),
  revenueWon: z.string(),
});
export const channelAnalyticsSchema = z.object({
  funnel: z.object({ registered: z.number().int(), approved: z.number().int(), won: z.number().int() }),
  overall: groupStatsSchema,
  byPartner: z.array(groupStatsSchema),
  byTier: z.array(groupStatsSchema),
  byType: z.array(groupStatsSchema),
  /** Two-tier: by the distributor registrations and deals went through ("no distributor" last). */
  byDistributor: z.array(groupStatsSchema),
  channelVsDirect: z.object({ direct: sideStatsSchema, partner: sideStatsSchema }),
});
export type ChannelAnalyticsDto = z.infer<typeof channelAnalyticsSchema>;

export const scorecardSchema = z.object({
  registered: z.number().int(),
  pending: z.number().int(),
  approved: z.number().int(),
  rejected: z.number().int(),
  expired: z.number().int(),
  meanApprovalBusinessDays: z.number().nullable(),
  winRate: z.number().nullable(),
  dealsWon: z.number().int(),
  revenueWon: z.string(),
});
export type ScorecardDto = z.infer<typeof scorecardSchema>;
export const scorecardQuery = z.object({ partnerAccountId: idSchema.optional() });

// ---- Protection-window what-if ----

/** A candidate protection window for a tier (`tierId` null: partners without a tier). */
export const protectionWhatIfSchema = z.strictObject({
  windows: z
    .array(
      z.strictObject({
        tierId: idSchema.nullable(),
        protectionDays: z.number().int().min(1).max(730),
      }),
    )
    .min(1, 'must name at least one tier')
    .max(100),
});
export type ProtectionWhatIfInput = z.infer<typeof protectionWhatIfSchema>;

const moneyByCurrency = z.array(z.object({ currency: z.string(), amount: z.string() }));
const whatIfFiguresSchema = z.object({
  /** Approved (or expired) registrations with a deal, replayed. */
  registrations: z.number().int(),
  /** Deals that closed inside protection and would have expired first under the candidate window. */
  expiredInsteadOfClosed: z.number().int(),
  /** Registrations that expired and whose deal would have closed inside the candidate window. */
  closedInsteadOfExpired: z.number().int(),
  /** Won revenue that was protected and would not have been. */
  revenueLosingProtection: moneyByCurrency,
  /** Won revenue that was not protected and would have been. */
  revenueGainingProtection: moneyByCurrency,
  /** Matching parties that started while only the candidate window was running (new conflicts). */
  conflictsArising: z.number().int(),
  /** Matching parties that started while only the actual window was running (conflicts gone). */
  conflictsVanishing: z.number().int(),
});
export const protectionWhatIfResultSchema = z.object({
  byTier: z.array(
    whatIfFiguresSchema.extend({
      tierId: idSchema.nullable(),
      tierName: z.string().nullable(),
      currentDays: z.number().int(),
      candidateDays: z.number().int(),
    }),
  ),
  overall: whatIfFiguresSchema,
  asOf: z.string(),
});
export type ProtectionWhatIfDto = z.infer<typeof protectionWhatIfResultSchema>;
