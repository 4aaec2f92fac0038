import { canReadDealAgents, type Actor } from '../../contract/access.ts';
import type {
  AgencySide,
  AssignDealAgentInput,
  ConsentDto,
  DealAgencyDto,
  DealAgentDto,
  DisclosureDto,
  DualAgencyDetectionDto,
  RecordConsentInput,
  RecordDisclosureInput,
} from '../../contract/agents.ts';
import {
  agreementInEffect,
  bothConsented,
  dualAgencyMatches,
  forbiddenJurisdiction,
  sideOfRole,
  agreementCovers,
  type DualAgencyMatch,
  type SidedParty,
} from '../../contract/dual-agency.ts';
import { AppError, forbidden, invalid, notFound, type FieldProblem } from '../../contract/errors.ts';
import type { DbExecutor } from '../../db/database.ts';
import { contactRow } from '../contacts/contacts.service.ts';
import { write, type Deps } from '../context.ts';
import { readRecord, recordToWrite } from '../deals/deals.service.ts';
import { agencySettings } from './agency-settings.service.ts';
import * as repo from './agents.repository.ts';
import { assertReadAgents } from './parties.service.ts';

function toDealAgentDto(r: repo.DealAgentRow): DealAgentDto {
  return {
    id: r.id,
    dealId: r.deal_id,
    agentPartyId: r.agent_party_id,
    agentName: r.agent_name,
    firmId: r.firm_id,
    firmName: r.firm_name,
    jurisdiction: r.jurisdiction,
    agreementId: r.agreement_id,
    agreementFrom: r.agreement_from,
    agreementTo: r.agreement_to,
    role: r.role as DealAgentDto['role'],
    side: r.side as AgencySide,
    assignedAt: r.assigned_at.toISOString(),
    disclosed: r.disclosed,
  };
}

const toDisclosureDto = (r: repo.DisclosureRow): DisclosureDto => ({
  id: r.id,
  dealId: r.deal_id,
  agentPartyId: r.agent_party_id,
  agentName: r.agent_name,
  disclosedTo: r.disclosed_to,
  disclosedToContactId: r.disclosed_to_contact_id,
  disclosedAt: r.disclosed_at.toISOString(),
  documentRef: r.document_ref,
  recordedBy: r.recorded_by,
  recordedAt: r.recorded_at.toISOString(),
});

const toConsentDto = (r: repo.ConsentRow): ConsentDto => ({
  id: r.id,
  dealId: r.deal_id,
  side: r.side as AgencySide,
  givenBy: r.given_by,
  givenByContactId: r.given_by_contact_id,
  consentedAt: r.consented_at.toISOString(),
  documentRef: r.document_ref,
  recordedBy: r.recorded_by,
  recordedAt: r.recorded_at.toISOString(),
});

const toDetectionDto = (r: repo.DetectionRow): DualAgencyDetectionDto => ({
  id: r.id,
  agentPartyId: r.agent_party_id,
  otherPartyId: r.other_party_id,
  basis: r.basis as DualAgencyDetectionDto['basis'],
  firmId: r.firm_id,
  outcome: r.outcome as DualAgencyDetectionDto['outcome'],
  detectedAt: r.detected_at.toISOString(),
});

const sided = (r: repo.DealAgentRow): SidedParty => ({
  party: { id: r.agent_party_id, firmId: r.firm_id, jurisdiction: r.jurisdiction },
  side: r.side as AgencySide,
});

/** The agents of a deal with its disclosures, consents and dual agency, read in one executor. */
async function dealAgency(db: DbExecutor, orgId: string, dealId: string): Promise<DealAgencyDto> {
  const agents = await repo.dealAgents(db, orgId, dealId);
  const consents = await repo.consents(db, orgId, dealId);
  const detections = await repo.detections(db, orgId, dealId);
  const current = agents.some((a, i) => dualAgencyMatches(agents.slice(0, i).map(sided), sided(a)).length > 0);
  const last = detections[detections.length - 1];
  return {
    dealId,
    agents: agents.map(toDealAgentDto),
    disclosures: (await repo.disclosures(db, orgId, dealId)).map(toDisclosureDto),
    consents: consents.map(toConsentDto),
    detections: detections.map(toDetectionDto),
    dualAgency: current ? 'consented' : last && last.outcome !== 'consented' ? 'blocked' : 'none',
    consentedSides: consents.map((c) => c.side as AgencySide),
    missingDisclosures: [...new Set(agents.filter((a) => !a.disclosed).map((a) => a.agent_party_id))],
  };
}

/** GET /deals/:id/agents: whoever may read the deal (and agents) sees who represents whom on it. */
export async function getDealAgency(deps: Deps, actor: Actor, dealId: string): Promise<DealAgencyDto> {
  if (!canReadDealAgents(actor)) throw forbidden('Your role cannot read agents');
  await readRecord(deps.db, actor, dealId);
  return dealAgency(deps.db, actor.orgId, dealId);
}

type Refusal = { outcome: 'blocked' | 'forbidden'; matches: DualAgencyMatch[]; jurisdiction: string | null };

/**
 * Puts an agent on a deal under an agreement of the agent (or its firm) for that side, in effect
 * on the deal's date (its expected close date, else today). When this puts the same agent or firm
 * on both sides, the dual agency is recorded at once (a detection and `deal.dual_agency_detected`,
 * committed even when the assignment is refused) and the assignment is refused unless both
 * parties' written consent is on record, and refused outright where the agent's (or its firm's,
 * or the other side's agent's) jurisdiction is on the organisation's forbidden list.
 */
export async function assignAgent(
  deps: Deps,
  actor: Actor,
  dealId: string,
  input: AssignDealAgentInput,
): Promise<DealAgencyDto> {
  assertReadAgents(actor);
  const result = await write(deps, actor.orgId, async (trx): Promise<DealAgencyDto | Refusal> => {
    const { deal } = await recordToWrite(trx, actor, dealId);
    const problems: FieldProblem[] = [];
    const side = sideOfRole(input.role, input.side);
    if (side === undefined) problems.push({ field: 'side', message: 'is required for a co-agent' });
    else if (input.side !== undefined && input.side !== side)
      problems.push({ field: 'side', message: `a ${input.role.replace('_', "'s ")} works on the ${side} side` });
    const party = await repo.getParty(trx, actor.orgId, input.agentPartyId);
    if (!party) problems.push({ field: 'agentPartyId', message: 'is not an agent party of this organisation' });
    const agreement = await repo.getAgreement(trx, actor.orgId, input.agreementId);
    const day = deal.expected_close_date ?? deps.clock.now().toISOString().slice(0, 10);
    if (!agreement) problems.push({ field: 'agreementId', message: 'is not an agency agreement of this organisation' });
    else {
      if (party && !agreementCovers(agreement.agent_party_id, { id: party.id, firmId: party.firm_id }))
        problems.push({
          field: 'agreementId',
          message: `is an agreement of ${agreement.agent_name}, not of this agent or its firm`,
        });
      if (side !== undefined && agreement.side !== side)
        problems.push({ field: 'agreementId', message: `represents the ${agreement.side} side, not the ${side} side` });
      if (!agreementInEffect({ effectiveFrom: agreement.effective_from, effectiveTo: agreement.effective_to }, day))
        problems.push({ field: 'agreementId', message: `is not in effect on the deal's date ${day}` });
    }
    if (problems.length || !party || side === undefined) throw invalid(problems);

    const existing = await repo.dealAgents(trx, actor.orgId, dealId);
    if (existing.some((a) => a.agent_party_id === party.id && a.side === side))
      throw new AppError('duplicate', `${party.name} is already on the ${side} side of this deal`, {
        details: { agentPartyId: party.id, side },
      });
    const joining: SidedParty = {
      party: { id: party.id, firmId: party.firm_id, jurisdiction: party.jurisdiction },
      side,
    };
    const matches = dualAgencyMatches(existing.map(sided), joining);
    const now = deps.clock.now();
    if (matches.length > 0) {
      const settings = await agencySettings(trx, actor.orgId);
      const firm = party.firm_id ? await repo.getParty(trx, actor.orgId, party.firm_id) : undefined;
      const others = existing.filter((e) => matches.some((m) => m.otherPartyId === e.agent_party_id));
      const jurisdiction = forbiddenJurisdiction(
        [
          party.jurisdiction,
          firm?.jurisdiction ?? null,
          ...others.flatMap((o) => [o.jurisdiction, o.firm_jurisdiction]),
        ],
        settings.forbiddenJurisdictions,
      );
      const consents = await repo.consents(trx, actor.orgId, dealId);
      const outcome = jurisdiction
        ? 'forbidden'
        : bothConsented(consents.map((c) => c.side as AgencySide))
          ? 'consented'
          : 'blocked';
      await repo.insertDetections(
        trx,
        matches.map((m) => ({
          org_id: actor.orgId,
          id: deps.ids.id(),
          deal_id: dealId,
          agent_party_id: party.id,
          other_party_id: m.otherPartyId,
          basis: m.basis,
          firm_id: m.firmId,
          outcome,
          detected_by: actor.userId,
          detected_at: now,
        })),
      );
      await deps.eventLog.append(trx, actor, [
        {
          entityType: 'deal',
          entityId: dealId,
          type: 'deal.dual_agency_detected',
          data: { agentPartyId: party.id, side, matches, outcome, jurisdiction },
        },
      ]);
      if (outcome !== 'consented') return { outcome, matches, jurisdiction };
    }
    const id = deps.ids.id();
    await repo.insertDealAgent(trx, {
      org_id: actor.orgId,
      id,
      deal_id: dealId,
      agent_party_id: party.id,
      agreement_id: input.agreementId,
      role: input.role,
      side,
      assigned_by: actor.userId,
      assigned_at: now,
    });
    await deps.eventLog.append(trx, actor, [
      {
        entityType: 'deal',
        entityId: dealId,
        type: 'deal.agent_assigned',
        data: { dealAgentId: id, agentPartyId: party.id, agreementId: input.agreementId, role: input.role, side },
      },
    ]);
    return dealAgency(trx, actor.orgId, dealId);
  });
  if ('dealId' in result) return result;
  const details = { outcome: result.outcome, matches: result.matches, jurisdiction: result.jurisdiction };
  if (result.outcome === 'forbidden')
    throw new AppError(
      'dual_agency_forbidden',
      `Dual agency is forbidden in ${result.jurisdiction ?? 'this jurisdiction'}: the same agent or firm cannot act for both sides of this deal`,
      { details },
    );
  throw new AppError(
    'dual_agency_consent_required',
    'This puts the same agent or firm on both sides of the deal (dual agency): record the written consent of both the buyer and the seller first.',
    { details },
  );
}

export async function removeAgent(deps: Deps, actor: Actor, dealId: string, dealAgentId: string): Promise<void> {
  assertReadAgents(actor);
  await write(deps, actor.orgId, async (trx) => {
    await recordToWrite(trx, actor, dealId);
    const row = (await repo.dealAgents(trx, actor.orgId, dealId)).find((a) => a.id === dealAgentId);
    if (!row || !(await repo.deleteDealAgent(trx, actor.orgId, dealId, dealAgentId)))
      throw notFound('deal agent', dealAgentId);
    await deps.eventLog.append(trx, actor, [
      {
        entityType: 'deal',
        entityId: dealId,
        type: 'deal.agent_removed',
        data: { dealAgentId, agentPartyId: row.agent_party_id, role: row.role, side: row.side },
      },
    ]);
  });
}

export async function recordDisclosure(
  deps: Deps,
  actor: Actor,
  dealId: string,
  input: RecordDisclosureInput,
): Promise<DisclosureDto> {
  assertReadAgents(actor);
  return write(deps, actor.orgId, async (trx) => {
    await recordToWrite(trx, actor, dealId);
    const problems: FieldProblem[] = [];
    const agents = await repo.dealAgents(trx, actor.orgId, dealId);
    if (!agents.some((a) => a.agent_party_id === input.agentPartyId))
      problems.push({ field: 'agentPartyId', message: 'is not an agent on this deal' });
    if (input.disclosedToContactId && !(await contactRow(trx, actor.orgId, input.disclosedToContactId)))
      problems.push({ field: 'disclosedToContactId', message: 'is not a contact of this organisation' });
    if (problems.length) throw invalid(problems);
    const id = deps.ids.id();
    const disclosedAt = new Date(input.disclosedAt);
    await repo.insertDisclosure(trx, {
      org_id: actor.orgId,
      id,
      deal_id: dealId,
      agent_party_id: input.agentPartyId,
      disclosed_to: input.disclosedTo,
      disclosed_to_contact_id: input.disclosedToContactId ?? null,
      disclosed_at: disclosedAt,
      document_ref: input.documentRef,
      recorded_by: actor.userId,
      recorded_at: deps.clock.now(),
    });
    await deps.eventLog.append(trx, actor, [
      {
        entityType: 'deal',
        entityId: dealId,
        type: 'deal.agent_disclosed',
        businessTime: disclosedAt,
        data: {
          disclosureId: id,
          agentPartyId: input.agentPartyId,
          disclosedTo: input.disclosedTo,
          disclosedToContactId: input.disclosedToContactId ?? null,
          disclosedAt: disclosedAt.toISOString(),
          documentRef: input.documentRef,
        },
      },
    ]);
    const row = (await repo.disclosures(trx, actor.orgId, dealId)).find((d) => d.id === id);
    if (!row) throw new AppError('internal_error', `disclosure ${id} was not written`);
    return toDisclosureDto(row);
  });
}

export async function recordConsent(
  deps: Deps,
  actor: Actor,
  dealId: string,
  input: RecordConsentInput,
): Promise<ConsentDto> {
  assertReadAgents(actor);
  return write(deps, actor.orgId, async (trx) => {
    await recordToWrite(trx, actor, dealId);
    if (input.givenByContactId && !(await contactRow(trx, actor.orgId, input.givenByContactId)))
      throw invalid([{ field: 'givenByContactId', message: 'is not a contact of this organisation' }]);
    const id = deps.ids.id();
    const consentedAt = new Date(input.consentedAt);
    const inserted = await repo.insertConsent(trx, {
      org_id: actor.orgId,
      id,
      deal_id: dealId,
      side: input.side,
      given_by: input.givenBy,
      given_by_contact_id: input.givenByContactId ?? null,
      consented_at: consentedAt,
      document_ref: input.documentRef,
      recorded_by: actor.userId,
      recorded_at: deps.clock.now(),
    });
    if (!inserted)
      throw new AppError('duplicate', `The ${input.side}'s consent to dual agency on this deal is already recorded`, {
        details: { side: input.side },
      });
    await deps.eventLog.append(trx, actor, [
      {
        entityType: 'deal',
        entityId: dealId,
        type: 'deal.dual_agency_consent_recorded',
        businessTime: consentedAt,
        data: {
          consentId: id,
          side: input.side,
          givenBy: input.givenBy,
          givenByContactId: input.givenByContactId ?? null,
          consentedAt: consentedAt.toISOString(),
          documentRef: input.documentRef,
        },
      },
    ]);
    const row = (await repo.consents(trx, actor.orgId, dealId)).find((c) => c.id === id);
    if (!row) throw new AppError('internal_error', `consent ${id} was not written`);
    return toConsentDto(row);
  });
}
