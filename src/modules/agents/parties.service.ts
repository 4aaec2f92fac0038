import type { Updateable } from 'kysely';
import { canManageAgents, canReadAgents, type Actor } from '../../contract/access.ts';
import type {
  AgentPartyDto,
  AgreementDto,
  CreateAgentPartyInput,
  CreateAgreementInput,
  ListAgentPartiesQuery,
  ListAgreementsQuery,
  UpdateAgentPartyInput,
  UpdateAgreementInput,
} from '../../contract/agents.ts';
import { forbidden, type FieldProblem, invalid } from '../../contract/errors.ts';
import { camelChanges, camelSnapshot } from '../../contract/events/casing.ts';
import type { DbExecutor } from '../../db/database.ts';
import type { AgencyAgreementsTable, AgentPartiesTable } from '../../db/schema-agents.ts';
import { diffFields } from '../../domain/event-hash.ts';
import { accountRow } from '../accounts/accounts.service.ts';
import { contactRow } from '../contacts/contacts.service.ts';
import { write, type Deps } from '../context.ts';
import { checkVersion, found, type ExpectedVersion } from '../shared.ts';
import * as repo from './agents.repository.ts';

export function assertReadAgents(actor: Actor): void {
  if (!canReadAgents(actor)) throw forbidden('Your role cannot read agents');
}

function assertManageAgents(actor: Actor): void {
  if (!canManageAgents(actor)) throw forbidden('Only admins and managers record agents and agency agreements');
}

export function toPartyDto(r: repo.PartyRow): AgentPartyDto {
  return {
    id: r.id,
    kind: r.kind as AgentPartyDto['kind'],
    name: r.name,
    firmId: r.firm_id,
    firmName: r.firm_name,
    licenceNumber: r.licence_number,
    jurisdiction: r.jurisdiction,
    email: r.email,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    version: r.version,
  };
}

export function toAgreementDto(r: repo.AgreementRow): AgreementDto {
  return {
    id: r.id,
    agentPartyId: r.agent_party_id,
    agentName: r.agent_name,
    side: r.side as AgreementDto['side'],
    representedAccountId: r.represented_account_id,
    representedContactId: r.represented_contact_id,
    representedName: r.represented_name,
    effectiveFrom: r.effective_from,
    effectiveTo: r.effective_to,
    exclusive: r.exclusive,
    compensationKind: r.compensation_kind as AgreementDto['compensationKind'],
    compensationPercent: r.compensation_percent,
    compensationAmount: r.compensation_amount,
    currency: r.currency?.trim() ?? null,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    version: r.version,
  };
}

const partyFields = ['kind', 'name', 'firm_id', 'licence_number', 'jurisdiction', 'email'] as const;
const partySnapshot = (r: repo.PartyRow) => Object.fromEntries(partyFields.map((f) => [f, r[f]]));

/** Problems with a person's firm: it must be a firm of the organisation, and only people have one. */
async function firmProblems(
  db: DbExecutor,
  orgId: string,
  kind: string,
  id: string,
  firmId: string | null | undefined,
): Promise<FieldProblem[]> {
  if (firmId === null || firmId === undefined) return [];
  if (kind !== 'person') return [{ field: 'firmId', message: 'only a person works for a firm' }];
  if (firmId === id) return [{ field: 'firmId', message: 'must be another party' }];
  const firm = await repo.getParty(db, orgId, firmId);
  if (!firm) return [{ field: 'firmId', message: 'is not an agent party of this organisation' }];
  if (firm.kind !== 'firm') return [{ field: 'firmId', message: `is ${firm.name}, a person, not a firm` }];
  return [];
}

/** Whether an agent party exists in the organisation (a user with the agent role acts for one). */
export async function agentPartyExists(db: DbExecutor, orgId: string, id: string): Promise<boolean> {
  return (await repo.getParty(db, orgId, id)) !== undefined;
}

export async function listParties(deps: Deps, actor: Actor, q: ListAgentPartiesQuery): Promise<AgentPartyDto[]> {
  assertReadAgents(actor);
  return (await repo.listParties(deps.db, actor.orgId, q)).map(toPartyDto);
}

export async function getParty(deps: Deps, actor: Actor, id: string): Promise<AgentPartyDto> {
  assertReadAgents(actor);
  return toPartyDto(found(await repo.getParty(deps.db, actor.orgId, id), 'agent party', id));
}

export async function createParty(deps: Deps, actor: Actor, input: CreateAgentPartyInput): Promise<AgentPartyDto> {
  assertManageAgents(actor);
  const id = deps.ids.id();
  const now = deps.clock.now();
  const row = await write(deps, actor.orgId, async (trx) => {
    const problems = await firmProblems(trx, actor.orgId, input.kind, id, input.firmId);
    if (problems.length) throw invalid(problems);
    await repo.insertParty(trx, {
      org_id: actor.orgId,
      id,
      kind: input.kind,
      name: input.name,
      firm_id: input.firmId ?? null,
      licence_number: input.licenceNumber ?? null,
      jurisdiction: input.jurisdiction ?? null,
      email: input.email ?? null,
      created_at: now,
      updated_at: now,
    });
    const inserted = found(await repo.getParty(trx, actor.orgId, id), 'agent party', id);
    await deps.eventLog.append(trx, actor, [
      {
        entityType: 'agent_party',
        entityId: id,
        type: 'agent_party.created',
        data: { after: camelSnapshot(partySnapshot(inserted)) },
      },
    ]);
    return inserted;
  });
  return toPartyDto(row);
}

export async function updateParty(
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
  input: UpdateAgentPartyInput,
): Promise<AgentPartyDto> {
  assertManageAgents(actor);
  const row = await write(deps, actor.orgId, async (trx) => {
    const before = found(await repo.getParty(trx, actor.orgId, id, true), 'agent party', id);
    const version = checkVersion('agent party', id, before.version, expected);
    const problems = await firmProblems(trx, actor.orgId, before.kind, id, input.firmId);
    if (problems.length) throw invalid(problems);
    const patch: Updateable<AgentPartiesTable> = { updated_at: deps.clock.now() };
    if (input.name !== undefined) patch.name = input.name;
    if (input.firmId !== undefined) patch.firm_id = input.firmId;
    if (input.licenceNumber !== undefined) patch.licence_number = input.licenceNumber;
    if (input.jurisdiction !== undefined) patch.jurisdiction = input.jurisdiction;
    if (input.email !== undefined) patch.email = input.email;
    await repo.updateParty(trx, actor.orgId, id, version, patch);
    const after = found(await repo.getParty(trx, actor.orgId, id), 'agent party', id);
    const changes = camelChanges(diffFields(partySnapshot(before), partySnapshot(after), partyFields));
    if (Object.keys(changes).length > 0)
      await deps.eventLog.append(trx, actor, [
        { entityType: 'agent_party', entityId: id, type: 'agent_party.updated', data: { changes } },
      ]);
    return after;
  });
  return toPartyDto(row);
}

// ---- Agreements ----

const agreementFields = [
  'agent_party_id',
  'side',
  'represented_account_id',
  'represented_contact_id',
  'effective_from',
  'effective_to',
  'exclusive',
  'compensation_kind',
  'compensation_percent',
  'compensation_amount',
  'currency',
] as const;
const agreementSnapshot = (r: repo.AgreementRow) =>
  Object.fromEntries(agreementFields.map((f) => [f, f === 'currency' ? (r.currency?.trim() ?? null) : r[f]]));

type AgreementTerms = Pick<
  AgencyAgreementsTable,
  | 'represented_account_id'
  | 'represented_contact_id'
  | 'effective_from'
  | 'effective_to'
  | 'compensation_kind'
  | 'compensation_percent'
  | 'compensation_amount'
  | 'currency'
>;

/** Every problem with an agreement's terms as they would be stored, named by the request's fields. */
async function termsProblems(db: DbExecutor, orgId: string, t: AgreementTerms): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  if ((t.represented_account_id === null) === (t.represented_contact_id === null))
    problems.push({
      field: 'representedAccountId',
      message: 'name the represented party: an account or a contact (one of them)',
    });
  if (t.represented_account_id !== null && !(await accountRow(db, orgId, t.represented_account_id)))
    problems.push({ field: 'representedAccountId', message: 'is not an account of this organisation' });
  if (t.represented_contact_id !== null && !(await contactRow(db, orgId, t.represented_contact_id)))
    problems.push({ field: 'representedContactId', message: 'is not a contact of this organisation' });
  if (t.effective_to !== null && t.effective_to < t.effective_from)
    problems.push({ field: 'effectiveTo', message: 'must not be before effectiveFrom' });
  if (t.compensation_kind === 'percent') {
    if (t.compensation_percent === null)
      problems.push({ field: 'compensationPercent', message: 'is required for a percent compensation' });
    if (t.compensation_amount !== null)
      problems.push({ field: 'compensationAmount', message: 'applies only to an amount compensation' });
  } else {
    if (t.compensation_amount === null)
      problems.push({ field: 'compensationAmount', message: 'is required for an amount compensation' });
    if (t.currency === null) problems.push({ field: 'currency', message: 'is required for an amount compensation' });
    if (t.compensation_percent !== null)
      problems.push({ field: 'compensationPercent', message: 'applies only to a percent compensation' });
  }
  return problems;
}

export async function listAgreements(deps: Deps, actor: Actor, q: ListAgreementsQuery): Promise<AgreementDto[]> {
  assertReadAgents(actor);
  return (await repo.listAgreements(deps.db, actor.orgId, q)).map(toAgreementDto);
}

export async function getAgreement(deps: Deps, actor: Actor, id: string): Promise<AgreementDto> {
  assertReadAgents(actor);
  return toAgreementDto(found(await repo.getAgreement(deps.db, actor.orgId, id), 'agency agreement', id));
}

export async function createAgreement(deps: Deps, actor: Actor, input: CreateAgreementInput): Promise<AgreementDto> {
  assertManageAgents(actor);
  const id = deps.ids.id();
  const now = deps.clock.now();
  const row = await write(deps, actor.orgId, async (trx) => {
    const terms: AgreementTerms = {
      represented_account_id: input.representedAccountId ?? null,
      represented_contact_id: input.representedContactId ?? null,
      effective_from: input.effectiveFrom,
      effective_to: input.effectiveTo ?? null,
      compensation_kind: input.compensationKind,
      compensation_percent: input.compensationPercent ?? null,
      compensation_amount: input.compensationAmount ?? null,
      currency: input.currency ?? null,
    };
    const problems = await termsProblems(trx, actor.orgId, terms);
    if (!(await repo.getParty(trx, actor.orgId, input.agentPartyId)))
      problems.unshift({ field: 'agentPartyId', message: 'is not an agent party of this organisation' });
    if (problems.length) throw invalid(problems);
    await repo.insertAgreement(trx, {
      org_id: actor.orgId,
      id,
      agent_party_id: input.agentPartyId,
      side: input.side,
      exclusive: input.exclusive ?? false,
      ...terms,
      created_at: now,
      updated_at: now,
    });
    const inserted = found(await repo.getAgreement(trx, actor.orgId, id), 'agency agreement', id);
    await deps.eventLog.append(trx, actor, [
      {
        entityType: 'agency_agreement',
        entityId: id,
        type: 'agency_agreement.created',
        data: { after: camelSnapshot(agreementSnapshot(inserted)) },
      },
    ]);
    return inserted;
  });
  return toAgreementDto(row);
}

export async function updateAgreement(
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
  input: UpdateAgreementInput,
): Promise<AgreementDto> {
  assertManageAgents(actor);
  const row = await write(deps, actor.orgId, async (trx) => {
    const before = found(await repo.getAgreement(trx, actor.orgId, id, true), 'agency agreement', id);
    const version = checkVersion('agency agreement', id, before.version, expected);
    const pick = <T>(v: T | undefined, old: T): T => (v === undefined ? old : v);
    const terms: AgreementTerms = {
      represented_account_id: pick(input.representedAccountId, before.represented_account_id),
      represented_contact_id: pick(input.representedContactId, before.represented_contact_id),
      effective_from: pick(input.effectiveFrom, before.effective_from),
      effective_to: pick(input.effectiveTo, before.effective_to),
      compensation_kind: pick(input.compensationKind, before.compensation_kind),
      compensation_percent: pick(input.compensationPercent, before.compensation_percent),
      compensation_amount: pick(input.compensationAmount, before.compensation_amount),
      currency: pick(input.currency, before.currency?.trim() ?? null),
    };
    const problems = await termsProblems(trx, actor.orgId, terms);
    if (problems.length) throw invalid(problems);
    const patch: Updateable<AgencyAgreementsTable> = { ...terms, updated_at: deps.clock.now() };
    if (input.side !== undefined) patch.side = input.side;
    if (input.exclusive !== undefined) patch.exclusive = input.exclusive;
    await repo.updateAgreement(trx, actor.orgId, id, version, patch);
    const after = found(await repo.getAgreement(trx, actor.orgId, id), 'agency agreement', id);
    const changes = camelChanges(diffFields(agreementSnapshot(before), agreementSnapshot(after), agreementFields));
    if (Object.keys(changes).length > 0)
      await deps.eventLog.append(trx, actor, [
        { entityType: 'agency_agreement', entityId: id, type: 'agency_agreement.updated', data: { changes } },
      ]);
    return after;
  });
  return toAgreementDto(row);
}
