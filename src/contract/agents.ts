import { z } from 'zod';
import {
  businessDateSchema,
  businessDateTimeSchema,
  currencySchema,
  emailSchema,
  idSchema,
  nameSchema,
  nonNegativeMoneySchema,
  percentSchema,
} from './common.ts';

// ---- Agent parties ----

export const agentPartyKinds = ['person', 'firm'] as const;
export const agentPartyKindSchema = z.enum(agentPartyKinds);
export type AgentPartyKind = z.infer<typeof agentPartyKindSchema>;

/** A jurisdiction as the organisation writes it: a country or region code such as `US-CA` or `GB`. */
export const jurisdictionSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}(-[A-Z0-9]{1,6})?$/, 'must be a country code, optionally with a region, e.g. US-CA');

export const agentPartySchema = z.object({
  id: idSchema,
  kind: agentPartyKindSchema,
  name: z.string(),
  firmId: idSchema.nullable(),
  firmName: z.string().nullable(),
  licenceNumber: z.string().nullable(),
  jurisdiction: z.string().nullable(),
  email: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type AgentPartyDto = z.infer<typeof agentPartySchema>;

export const createAgentPartySchema = z.strictObject({
  kind: agentPartyKindSchema,
  name: nameSchema,
  /** The firm a person works for (a firm has none). */
  firmId: idSchema.nullable().optional(),
  licenceNumber: z.string().trim().min(1, 'must not be empty').max(100).nullable().optional(),
  jurisdiction: jurisdictionSchema.nullable().optional(),
  email: emailSchema.nullable().optional(),
});
export type CreateAgentPartyInput = z.infer<typeof createAgentPartySchema>;
export const updateAgentPartySchema = createAgentPartySchema.omit({ kind: true }).partial();
export type UpdateAgentPartyInput = z.infer<typeof updateAgentPartySchema>;

export const listAgentPartiesQuery = z.object({
  q: z.string().trim().max(200).optional(),
  kind: agentPartyKindSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type ListAgentPartiesQuery = z.infer<typeof listAgentPartiesQuery>;

// ---- Agency agreements ----

export const agencySides = ['buyer', 'seller'] as const;
export const agencySideSchema = z.enum(agencySides);
export type AgencySide = z.infer<typeof agencySideSchema>;

export const compensationKinds = ['percent', 'amount'] as const;
export const compensationKindSchema = z.enum(compensationKinds);

export const agreementSchema = z.object({
  id: idSchema,
  agentPartyId: idSchema,
  agentName: z.string(),
  side: agencySideSchema,
  representedAccountId: idSchema.nullable(),
  representedContactId: idSchema.nullable(),
  representedName: z.string(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  exclusive: z.boolean(),
  compensationKind: compensationKindSchema,
  compensationPercent: z.string().nullable(),
  compensationAmount: z.string().nullable(),
  currency: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type AgreementDto = z.infer<typeof agreementSchema>;

const agreementFields = {
  agentPartyId: idSchema,
  side: agencySideSchema,
  representedAccountId: idSchema.nullable().optional(),
  representedContactId: idSchema.nullable().optional(),
  effectiveFrom: businessDateSchema,
  effectiveTo: businessDateSchema.nullable().optional(),
  exclusive: z.boolean().optional(),
  compensationKind: compensationKindSchema,
  compensationPercent: percentSchema.nullable().optional(),
  compensationAmount: nonNegativeMoneySchema.nullable().optional(),
  currency: currencySchema.nullable().optional(),
};
export const createAgreementSchema = z.strictObject(agreementFields);
export type CreateAgreementInput = z.infer<typeof createAgreementSchema>;
export const updateAgreementSchema = z.strictObject(agreementFields).omit({ agentPartyId: true }).partial();
export type UpdateAgreementInput = z.infer<typeof updateAgreementSchema>;

export const listAgreementsQuery = z.object({
  agentPartyId: idSchema.optional(),
  side: agencySideSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type ListAgreementsQuery = z.infer<typeof listAgreementsQuery>;

// ---- Agents on a deal ----

export const dealAgentRoles = ['buyer_agent', 'seller_agent', 'co_agent'] as const;
export const dealAgentRoleSchema = z.enum(dealAgentRoles);
export type DealAgentRole = z.infer<typeof dealAgentRoleSchema>;

export const dealAgentSchema = z.object({
  id: idSchema,
  dealId: idSchema,
  agentPartyId: idSchema,
  agentName: z.string(),
  firmId: idSchema.nullable(),
  firmName: z.string().nullable(),
  jurisdiction: z.string().nullable(),
  agreementId: idSchema,
  /** The agreement's effective days (`YYYY-MM-DD`; `agreementTo` null: open-ended). */
  agreementFrom: z.string(),
  agreementTo: z.string().nullable(),
  role: dealAgentRoleSchema,
  side: agencySideSchema,
  assignedAt: z.string(),
  /** Whether this agent has recorded a disclosure on the deal. */
  disclosed: z.boolean(),
});
export type DealAgentDto = z.infer<typeof dealAgentSchema>;

export const assignDealAgentSchema = z.strictObject({
  agentPartyId: idSchema,
  agreementId: idSchema,
  role: dealAgentRoleSchema,
  /** Required for a co-agent (the side it works on); buyer's and seller's agents have theirs. */
  side: agencySideSchema.optional(),
});
export type AssignDealAgentInput = z.infer<typeof assignDealAgentSchema>;

export const disclosureSchema = z.object({
  id: idSchema,
  dealId: idSchema,
  agentPartyId: idSchema,
  agentName: z.string(),
  disclosedTo: z.string(),
  disclosedToContactId: idSchema.nullable(),
  disclosedAt: z.string(),
  documentRef: z.string(),
  recordedBy: idSchema.nullable(),
  recordedAt: z.string(),
});
export type DisclosureDto = z.infer<typeof disclosureSchema>;

const documentRefSchema = z.string().trim().min(1, 'must name the document').max(500);

export const recordDisclosureSchema = z.strictObject({
  agentPartyId: idSchema,
  disclosedTo: nameSchema,
  disclosedToContactId: idSchema.nullable().optional(),
  disclosedAt: businessDateTimeSchema,
  documentRef: documentRefSchema,
});
export type RecordDisclosureInput = z.infer<typeof recordDisclosureSchema>;

export const consentSchema = z.object({
  id: idSchema,
  dealId: idSchema,
  side: agencySideSchema,
  givenBy: z.string(),
  givenByContactId: idSchema.nullable(),
  consentedAt: z.string(),
  documentRef: z.string(),
  recordedBy: idSchema.nullable(),
  recordedAt: z.string(),
});
export type ConsentDto = z.infer<typeof consentSchema>;

export const recordConsentSchema = z.strictObject({
  side: agencySideSchema,
  givenBy: nameSchema,
  givenByContactId: idSchema.nullable().optional(),
  consentedAt: businessDateTimeSchema,
  documentRef: documentRefSchema,
});
export type RecordConsentInput = z.infer<typeof recordConsentSchema>;

export const dualAgencyBases = ['same_agent', 'same_firm'] as const;
export const dualAgencyOutcomes = ['blocked', 'consented', 'forbidden'] as const;

export const dualAgencyDetectionSchema = z.object({
  id: idSchema,
  agentPartyId: idSchema,
  otherPartyId: idSchema,
  basis: z.enum(dualAgencyBases),
  firmId: idSchema.nullable(),
  outcome: z.enum(dualAgencyOutcomes),
  detectedAt: z.string(),
});
export type DualAgencyDetectionDto = z.infer<typeof dualAgencyDetectionSchema>;

/** Everything about the agents of one deal, as the deal page shows it. */
export const dealAgencySchema = z.object({
  dealId: idSchema,
  agents: z.array(dealAgentSchema),
  disclosures: z.array(disclosureSchema),
  consents: z.array(consentSchema),
  detections: z.array(dualAgencyDetectionSchema),
  /**
   * The deal's dual agency now: none; consented (the same agent or firm is on both sides and both
   * parties consented in writing); or blocked (a detection was refused and consent is still missing).
   */
  dualAgency: z.enum(['none', 'blocked', 'consented']),
  /** The sides whose written consent is on record. */
  consentedSides: z.array(agencySideSchema),
  /** Agents on the deal with no disclosure recorded. */
  missingDisclosures: z.array(idSchema),
});
export type DealAgencyDto = z.infer<typeof dealAgencySchema>;

// ---- Settings ----

export const disclosureGateSchema = z.strictObject({ pipelineId: idSchema, stageId: idSchema });
export const agencySettingsSchema = z.object({
  forbiddenJurisdictions: z.array(z.string()),
  /** Per pipeline, the stage past which every agent on a deal must have disclosed. */
  disclosureGates: z.array(z.object({ pipelineId: idSchema, stageId: idSchema })),
  version: z.number().int(),
});
export type AgencySettingsDto = z.infer<typeof agencySettingsSchema>;
export const updateAgencySettingsSchema = z.strictObject({
  forbiddenJurisdictions: z.array(jurisdictionSchema).max(200).optional(),
  disclosureGates: z.array(disclosureGateSchema).max(100).optional(),
});
export type UpdateAgencySettingsInput = z.infer<typeof updateAgencySettingsSchema>;

// ---- Analytics ----

export const agentSideReportSchema = z.object({
  rows: z.array(
    z.object({
      side: agencySideSchema,
      deals: z.number().int(),
      open: z.number().int(),
      won: z.number().int(),
      lost: z.number().int(),
      /** Won / (won + lost), null while none is closed. */
      winRate: z.number().nullable(),
      /** Sum of the deals' amounts per currency (exact decimals). */
      amounts: z.array(z.object({ currency: z.string(), amount: z.string() })),
    }),
  ),
});
export type AgentSideReportDto = z.infer<typeof agentSideReportSchema>;

// ---- An agent's own work ----

export const agentWorkItemSchema = z.object({
  dealAgentId: idSchema,
  dealId: idSchema,
  dealName: z.string(),
  stageName: z.string(),
  status: z.string(),
  amount: z.string().nullable(),
  currency: z.string(),
  expectedCloseDate: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** The party on the deal: the agent itself or a colleague of its firm. */
  agentName: z.string(),
  role: dealAgentRoleSchema,
  side: agencySideSchema,
  disclosed: z.boolean(),
  compensationKind: compensationKindSchema,
  compensationPercent: z.string().nullable(),
  /**
   * What the agreement pays on this deal: the percent of the deal's amount (null without an
   * amount), or the fixed amount; earned once the deal is won, expected while it is open.
   */
  compensation: z.string().nullable(),
  compensationCurrency: z.string(),
  earned: z.boolean(),
});
export type AgentWorkItemDto = z.infer<typeof agentWorkItemSchema>;

export const agentWorkSchema = z.object({
  items: z.array(agentWorkItemSchema),
  /** Per currency: compensation earned on won deals and expected on open ones (lost deals pay none). */
  totals: z.array(z.object({ currency: z.string(), earned: z.string(), expected: z.string() })),
});
export type AgentWorkDto = z.infer<typeof agentWorkSchema>;
