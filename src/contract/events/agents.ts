import { z } from 'zod';
import type { EventDefinition } from './catalog.ts';
import { camelChangesSchema, camelOnly } from './casing.ts';
import { ids } from './payloads.ts';

/** The records of agency the log is about (an agent's role on a deal is an event of the deal). */
export const agentEntityTypes = ['agent_party', 'agency_agreement'] as const;

const side = z.enum(['buyer', 'seller']);
const partySnapshot = camelOnly(
  z.looseObject({
    kind: z.enum(['person', 'firm']),
    name: ids.text,
    firmId: ids.nullableId,
    licenceNumber: ids.nullableText,
    jurisdiction: ids.nullableText,
  }),
);
const agreementSnapshot = camelOnly(
  z.looseObject({
    agentPartyId: ids.id,
    side,
    representedAccountId: ids.nullableId,
    representedContactId: ids.nullableId,
    effectiveFrom: ids.text,
    effectiveTo: ids.nullableText,
    exclusive: z.boolean(),
    compensationKind: z.enum(['percent', 'amount']),
    compensationPercent: ids.decimal.nullable(),
    compensationAmount: ids.decimal.nullable(),
    currency: ids.nullableText,
  }),
);

const def = (
  type: string,
  entityTypes: readonly ((typeof agentEntityTypes)[number] | 'deal' | 'organization')[],
  when: string,
  schema: z.ZodType,
): EventDefinition => ({ type, entityTypes, version: 1, when, schema, history: [] });

/** Agent parties, agency agreements, agents on deals, disclosures, dual agency and its consents. */
export const agentEventDefinitions: EventDefinition[] = [
  def(
    'agent_party.created',
    ['agent_party'],
    'an agent (a person or a firm) is recorded',
    z.strictObject({ after: partySnapshot }),
  ),
  def(
    'agent_party.updated',
    ['agent_party'],
    "an agent's name, firm, licence or jurisdiction changes",
    z.strictObject({ changes: camelChangesSchema }),
  ),
  def(
    'agency_agreement.created',
    ['agency_agreement'],
    'an agent agrees to represent a buyer or seller (an account or a contact)',
    z.strictObject({ after: agreementSnapshot }),
  ),
  def(
    'agency_agreement.updated',
    ['agency_agreement'],
    "an agency agreement's term, exclusivity or compensation changes",
    z.strictObject({ changes: camelChangesSchema }),
  ),
  def(
    'deal.agent_assigned',
    ['deal'],
    "an agent takes a role on a deal (buyer's, seller's or co-agent) under an agreement",
    z.strictObject({
      dealAgentId: ids.id,
      agentPartyId: ids.id,
      agreementId: ids.id,
      role: z.enum(['buyer_agent', 'seller_agent', 'co_agent']),
      side,
    }),
  ),
  def(
    'deal.agent_removed',
    ['deal'],
    'an agent leaves its role on a deal',
    z.strictObject({ dealAgentId: ids.id, agentPartyId: ids.id, role: ids.text, side }),
  ),
  def(
    'deal.agent_disclosed',
    ['deal'],
    'an agent discloses whom it represents on a deal (the business time is when it disclosed)',
    z.strictObject({
      disclosureId: ids.id,
      agentPartyId: ids.id,
      disclosedTo: ids.text,
      disclosedToContactId: ids.nullableId,
      disclosedAt: ids.isoTime,
      documentRef: ids.text,
    }),
  ),
  def(
    'deal.dual_agency_consent_recorded',
    ['deal'],
    "a party's written consent to dual agency on a deal is recorded",
    z.strictObject({
      consentId: ids.id,
      side,
      givenBy: ids.text,
      givenByContactId: ids.nullableId,
      consentedAt: ids.isoTime,
      documentRef: ids.text,
    }),
  ),
  def(
    'deal.dual_agency_detected',
    ['deal'],
    'an assignment puts the same agent or firm on both sides of a deal: blocked, forbidden or consented',
    z.strictObject({
      agentPartyId: ids.id,
      side,
      matches: z.array(
        z.strictObject({
          otherPartyId: ids.id,
          basis: z.enum(['same_agent', 'same_firm']),
          firmId: ids.nullableId,
        }),
      ),
      outcome: z.enum(['blocked', 'consented', 'forbidden']),
      jurisdiction: ids.nullableText,
    }),
  ),
  def(
    'organization.agency_settings_changed',
    ['organization'],
    'the jurisdictions forbidding dual agency or the disclosure gates change',
    z.strictObject({ changes: camelChangesSchema }),
  ),
];
