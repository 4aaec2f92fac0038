import { z } from 'zod';
import type { EventDefinition, EventEntityType } from './catalog.ts';
import { camelChangesSchema, camelOnly, snakeCaseV1 } from './casing.ts';

/** Kinds of record of channel sales that events are about. */
export const channelEntityTypes = [
  'partner_tier',
  'deal_registration',
  'channel_conflict',
  'partner_lead_offer',
  'partner_fund_budget',
  'partner_fund_request',
] as const;

const id = z.string().min(1);
const isoTime = z.union([z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO date-time'), z.date()]);
const decimal = z.string().regex(/^-?\d+(\.\d+)?$/, 'must be a decimal number as text');
const changes = z.record(z.string(), z.strictObject({ from: z.unknown(), to: z.unknown() }));
const party = z.enum(['registration', 'deal']);
const reasons = z.array(z.strictObject({ kind: z.string(), detail: z.string() }));

const tierSnapshot = camelOnly(
  z.looseObject({
    name: z.string(),
    protectionDays: z.number().int(),
    discountPercent: decimal,
    developmentFunds: decimal,
  }),
);

const registrationSnapshot = camelOnly(
  z.looseObject({
    partnerAccountId: id,
    customerName: z.string(),
    customerDomain: z.string().nullable(),
    productIds: z.array(id),
    amount: decimal.nullable(),
    currency: z.string(),
    expectedCloseDate: z.string().nullable(),
    distributorAccountId: id.nullable().optional(),
    /** The registration's id in the system it was imported from (imported registrations only). */
    externalId: z.string().min(1).optional(),
  }),
);

// The first versions: fields named as stored.
const tierSnapshotV1 = z.looseObject({
  name: z.string(),
  protection_days: z.number().int(),
  discount_percent: decimal,
  development_funds: decimal,
});
const registrationSnapshotV1 = z.looseObject({
  partner_account_id: id,
  customer_name: z.string(),
  customer_domain: z.string().nullable(),
  product_ids: z.array(id),
  amount: decimal.nullable(),
  currency: z.string(),
  expected_close_date: z.string().nullable(),
});

const def = (
  type: string,
  entityTypes: readonly EventEntityType[],
  when: string,
  schema: z.ZodType,
  history: EventDefinition['history'] = [],
): EventDefinition => ({ type, entityTypes, version: history.length + 1, when, schema, history });

/** The events of the partner programme, deal registration and channel conflicts. */
export const channelEventDefinitions: EventDefinition[] = [
  def(
    'partner_tier.created',
    ['partner_tier'],
    'a partner tier is added to the programme',
    z.strictObject({ after: tierSnapshot }),
    [snakeCaseV1(z.strictObject({ after: tierSnapshotV1 }))],
  ),
  def(
    'partner_tier.updated',
    ['partner_tier'],
    'the benefits of a partner tier change',
    z.strictObject({ changes: camelChangesSchema }),
    [snakeCaseV1(z.strictObject({ changes }))],
  ),
  def(
    'account.partner_programme_set',
    ['account'],
    'an account joins the partner programme or changes its partner type or tier',
    z.strictObject({
      partnerType: z.strictObject({ from: z.string().nullable(), to: z.string() }),
      tierId: z.strictObject({ from: id.nullable(), to: id.nullable() }),
    }),
  ),
  def(
    'account.reseller_linked',
    ['account'],
    'a channel manager records that a distributor serves a reseller (two-tier distribution)',
    z.strictObject({ resellerAccountId: id }),
  ),
  def(
    'account.reseller_unlinked',
    ['account'],
    'a channel manager records that a distributor no longer serves a reseller',
    z.strictObject({ resellerAccountId: id }),
  ),
  def(
    'organization.channel_settings_changed',
    ['organization'],
    'the channel conflict policy or the approval SLA changes',
    z.strictObject({ changes: camelChangesSchema }),
    [snakeCaseV1(z.strictObject({ changes }))],
  ),
  def(
    'deal_registration.submitted',
    ['deal_registration'],
    'a partner registers an opportunity (the event time is the registration time; an imported one carries its id in the source system as externalId)',
    z.strictObject({ after: registrationSnapshot }),
    [snakeCaseV1(z.strictObject({ after: registrationSnapshotV1 }))],
  ),
  def(
    'deal_registration.approved',
    ['deal_registration'],
    'a channel manager approves a registration: a deal is created or linked and protected',
    z.strictObject({
      dealId: id,
      dealCreated: z.boolean(),
      protectionDays: z.number().int().positive(),
      protectedUntil: isoTime,
      approvalBusinessDays: z.number().int().nonnegative(),
    }),
  ),
  def(
    'deal_registration.rejected',
    ['deal_registration'],
    'a channel manager rejects a registration, giving the reason',
    z.strictObject({ reason: z.string().min(1), approvalBusinessDays: z.number().int().nonnegative() }),
  ),
  def(
    'deal_registration.extended',
    ['deal_registration'],
    'the protection window of an approved registration is extended',
    z.strictObject({
      days: z.number().int().positive(),
      protectedUntil: z.strictObject({ from: isoTime, to: isoTime }),
      reason: z.string().nullable(),
    }),
  ),
  def(
    'deal_registration.escalated',
    ['deal_registration'],
    "a registration still waits for a decision past the organization's approval SLA: the admins are told",
    z.strictObject({
      registeredAt: isoTime,
      approvalSlaDays: z.number().int().positive(),
      businessDays: z.number().int().nonnegative(),
      dueAt: isoTime,
      notified: z.array(z.strictObject({ userId: id, name: z.string() })),
    }),
  ),
  def(
    'deal_registration.expired',
    ['deal_registration'],
    'the protection window of an approved registration passed without the deal closing',
    z.strictObject({ protectedUntil: isoTime, dealId: id }),
  ),
  def(
    'channel_conflict.detected',
    ['channel_conflict'],
    'a registration or a direct deal is found to be after the same customer as another one in its window',
    z.strictObject({
      subjectKind: party,
      subjectId: id,
      matchKind: party,
      matchId: id,
      reasons,
      policy: z.string(),
      suggestedWinner: z.enum(['subject', 'match', 'undecided']),
    }),
  ),
  def(
    'channel_conflict.resolved',
    ['channel_conflict'],
    'a channel manager resolves a conflict: which party keeps the customer, or both share it',
    z.strictObject({
      winner: z.enum(['subject', 'match', 'shared']),
      suggestedWinner: z.enum(['subject', 'match', 'undecided']),
      note: z.string().nullable(),
    }),
  ),
  def(
    'partner_lead_offer.offered',
    ['partner_lead_offer'],
    'a channel manager offers a lead to a partner (named, or chosen by the distribution rule) with a time limit',
    z.strictObject({
      leadId: id,
      partnerAccountId: id,
      chosenBy: z.enum(['manager', 'rule']),
      ruleDetail: z.string().nullable(),
      expiresAt: isoTime,
    }),
  ),
  def(
    'partner_lead_offer.accepted',
    ['partner_lead_offer'],
    'the partner accepts an offered lead and works it from now on',
    z.strictObject({ leadId: id, partnerAccountId: id }),
  ),
  def(
    'partner_lead_offer.declined',
    ['partner_lead_offer'],
    'the partner declines an offered lead, with its reason if it gave one',
    z.strictObject({ leadId: id, partnerAccountId: id, reason: z.string().nullable() }),
  ),
  def(
    'partner_lead_offer.expired',
    ['partner_lead_offer'],
    'an offered lead was not answered within its time limit',
    z.strictObject({ leadId: id, partnerAccountId: id, expiresAt: isoTime }),
  ),
  def(
    'partner_fund_budget.set',
    ['partner_fund_budget'],
    "a channel manager sets a partner's development fund budget for a period, or changes its amount",
    z.strictObject({
      partnerAccountId: id,
      periodStart: z.string(),
      periodEnd: z.string(),
      currency: z.string(),
      amount: z.strictObject({ from: decimal.nullable(), to: decimal }),
    }),
  ),
  def(
    'partner_fund_request.requested',
    ['partner_fund_request'],
    'a partner (or a channel manager for it) asks for development funds from its budget for an activity',
    z.strictObject({ budgetId: id, partnerAccountId: id, activity: z.string(), amount: decimal, currency: z.string() }),
  ),
  def(
    'partner_fund_request.approved',
    ['partner_fund_request'],
    'a channel manager approves a fund request: its amount is held from the budget',
    z.strictObject({ budgetId: id, partnerAccountId: id, amount: decimal, note: z.string().nullable() }),
  ),
  def(
    'partner_fund_request.rejected',
    ['partner_fund_request'],
    'a channel manager rejects a fund request, saying why',
    z.strictObject({ budgetId: id, partnerAccountId: id, note: z.string() }),
  ),
  def(
    'partner_fund_request.claimed',
    ['partner_fund_request'],
    'the partner claims what it spent on an approved request (at most the approved amount), with its proof',
    z.strictObject({ budgetId: id, partnerAccountId: id, amount: decimal, proof: z.string() }),
  ),
  def(
    'partner_fund_request.paid',
    ['partner_fund_request'],
    'an admin records the payment of a claim, with its reference',
    z.strictObject({ budgetId: id, partnerAccountId: id, amount: decimal, reference: z.string() }),
  ),
];
