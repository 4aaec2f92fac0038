import { z } from 'zod';
import { idSchema, optionalText } from './common.ts';

// ---- Leads offered to partners ----

export const leadOfferStatuses = ['offered', 'accepted', 'declined', 'expired'] as const;
export const leadOfferStatusSchema = z.enum(leadOfferStatuses);
export type LeadOfferStatus = z.infer<typeof leadOfferStatusSchema>;

/**
 * The lead as the partner sees it on an offer: who and what company; how to reach the person only
 * once the partner has accepted (until then the lead is not the partner's to contact).
 */
export const offeredLeadSchema = z.object({
  firstName: z.string().nullable(),
  lastName: z.string(),
  company: z.string().nullable(),
  companyDomain: z.string().nullable(),
  title: z.string().nullable(),
  industry: z.string().nullable(),
  source: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});

export const leadOfferSchema = z.object({
  id: idSchema,
  leadId: idSchema,
  partnerAccountId: idSchema,
  partnerName: z.string(),
  status: leadOfferStatusSchema,
  /** Whether the channel manager chose the partner, or the distribution rule did. */
  chosenBy: z.enum(['manager', 'rule']),
  /** Why the rule chose this partner (tier, open leads against capacity). */
  ruleDetail: z.string().nullable(),
  offeredBy: idSchema.nullable(),
  offeredAt: z.string(),
  expiresAt: z.string(),
  respondedBy: idSchema.nullable(),
  respondedAt: z.string().nullable(),
  declineReason: z.string().nullable(),
  lead: offeredLeadSchema,
  version: z.number().int(),
});
export type LeadOfferDto = z.infer<typeof leadOfferSchema>;

export const offerLeadSchema = z.strictObject({
  leadId: idSchema,
  /** The partner to offer the lead to; without it the distribution rule chooses. */
  partnerAccountId: idSchema.optional(),
  /** How long the partner has to answer (default 48 hours). */
  hoursToAnswer: z.number().int().min(1).max(720).optional(),
});
export type OfferLeadInput = z.infer<typeof offerLeadSchema>;

export const declineLeadOfferSchema = z.strictObject({ reason: optionalText(2000) });
export type DeclineLeadOfferInput = z.infer<typeof declineLeadOfferSchema>;

export const listLeadOffersQuery = z.object({
  status: leadOfferStatusSchema.optional(),
  partnerAccountId: idSchema.optional(),
  leadId: idSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type ListLeadOffersQuery = z.infer<typeof listLeadOffersQuery>;
