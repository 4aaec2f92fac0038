import type { Actor } from '../../contract/access.ts';
import { scopeFor } from '../../contract/access.ts';
import type { CreateDealInput, DealDto, ListDealsQuery, UpdateDealInput } from '../../contract/deals.ts';
import { AppError, forbidden, invalid, type FieldProblem } from '../../contract/errors.ts';
import { missingGateFields } from '../../contract/stage-rules.ts';
import type { DbExecutor } from '../../db/database.ts';
import { encodeCursor } from '../../db/list.ts';
import { baseCurrency } from '../accounts/accounts.service.ts';
import { changeEvents, type EventCause } from '../shared.ts';
import { assertCanCreate, assertCanRead, assertCanWrite, onVisibleBooking, resolveOwner } from '../access.ts';
import { write, type Deps } from '../context.ts';
import { checkVersion, toPage, type ExpectedVersion } from '../shared.ts';
import { dealSnapshot, gateFacts, recordOf, toDealDto, type DealRecord } from './deal-dto.ts';
import { checkReferences, chooseChannel, resolveLineItems } from './deal-references.ts';
import { startingStage } from './deal-pipeline.ts';
import { stageRefusalError } from './deal-stage-errors.ts';
import * as repo from './deals.repository.ts';
import { openFirstVisit, rebuildStageVisits } from './stage-visits.repository.ts';
import { recordDealConflicts } from '../channel/deal-conflicts.ts';

/** Loads the children of deal rows, keeping the rows' order. */
export async function loadRecords(
  db: DbExecutor,
  orgId: string,
  deals: readonly repo.DealRow[],
): Promise<DealRecord[]> {
  const ids = deals.map((d) => d.id);
  const lines = await repo.listLineItems(db, orgId, ids);
  const roles = await repo.listContactRoles(db, orgId, ids);
  const distributors = await repo.listDealDistributors(db, orgId, ids);
  return deals.map((deal) => ({
    deal,
    lines: lines.filter((l) => l.deal_id === deal.id),
    roles: roles.filter((r) => r.deal_id === deal.id),
    distributors: distributors.get(deal.id) ?? [],
  }));
}

export async function loadRecord(db: DbExecutor, orgId: string, deal: repo.DealRow): Promise<DealRecord> {
  const [record] = await loadRecords(db, orgId, [deal]);
  return record ?? { deal, lines: [], roles: [], distributors: [] };
}

async function assertExternalIdFree(
  trx: DbExecutor,
  orgId: string,
  externalId: string | null | undefined,
  selfId: string,
): Promise<void> {
  if (!externalId) return;
  const clash = await repo.findDealByExternalId(trx, orgId, externalId);
  if (clash && clash.id !== selfId)
    throw new AppError('duplicate', `Deal ${clash.id} already has external id "${externalId}"`, {
      fields: [{ field: 'externalId', message: 'is already used by another deal' }],
    });
}

/** Partners register deals; assigning them to the organization's sellers is the organization's job. */
function assertPartnerOwnerUnchanged(actor: Actor, ownerId: string | null | undefined): void {
  if (actor.role === 'partner' && ownerId !== undefined) throw forbidden('Partners cannot assign deals to users');
}

/**
 * Inserts a deal with its lines and contact roles and records `deal.created` inside the caller's
 * transaction, so that conversion can create it together with the account, contact and lead
 * change it belongs to. Returns the deal as loaded in that transaction.
 */
export async function insertDealTx(
  trx: DbExecutor,
  deps: Deps,
  actor: Actor,
  input: CreateDealInput,
  /** The process step that creates the deal, recorded on `deal.created` (a held first meeting). */
  opts: { cause?: EventCause } = {},
): Promise<DealRecord> {
  assertCanCreate(actor, 'deal');
  assertPartnerOwnerUnchanged(actor, input.ownerId);
  const id = deps.ids.id();
  const now = deps.clock.now();
  const { pipeline, stage } = await startingStage(trx, actor.orgId, input.pipelineId, input.stageId);
  const ownerId = actor.role === 'partner' ? null : await resolveOwner(trx, actor, 'deal', input.ownerId, actor.userId);
  const channel = chooseChannel(actor, input, null);
  const problems: FieldProblem[] = [...channel.problems];
  problems.push(...(await checkReferences(trx, actor, { ...input, partnerAccountId: channel.partnerAccountId })));
  await assertExternalIdFree(trx, actor.orgId, input.externalId, id);
  const currency = input.currency ?? (await baseCurrency(trx, actor.orgId));
  const lines = await resolveLineItems(trx, actor.orgId, id, currency, input.lineItems ?? [], {
    keepProductIds: new Set(),
    newId: () => deps.ids.id(),
  });
  problems.push(...lines.problems);
  if (problems.length) throw invalid(problems);
  const row: Omit<repo.DealRow, 'version'> = {
    org_id: actor.orgId,
    id,
    external_id: input.externalId ?? null,
    name: input.name,
    account_id: input.accountId ?? null,
    primary_contact_id: input.primaryContactId ?? null,
    pipeline_id: pipeline.id,
    stage_id: stage.id,
    status: 'open',
    amount: input.amount ?? null,
    currency,
    expected_close_date: input.expectedCloseDate ?? null,
    closed_at: null,
    owner_id: ownerId,
    source: input.source ?? null,
    channel: channel.channel,
    partner_account_id: channel.partnerAccountId,
    lost_reason: null,
    next_step: input.nextStep ?? null,
    stage_entered_at: now,
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
    deleted_at: null,
    path_unknown: false,
    forecast_category: null,
  };
  // The gate of the first stage applies to creation as to any entry into a stage.
  const missing = missingGateFields(stage, gateFacts(row, lines.rows, input.contactRoles ?? []));
  if (missing.length) {
    throw stageRefusalError(
      {
        code: 'stage_gate_failed',
        missingFields: missing,
        message: `To enter stage "${stage.name}" the deal needs: ${missing.join(', ')}`,
      },
      stage,
    );
  }
  const inserted = await repo.insertDeal(trx, row);
  await repo.replaceContactRoles(trx, actor.orgId, id, input.contactRoles ?? []);
  await repo.replaceLineItems(trx, actor.orgId, id, lines.rows);
  const record = await loadRecord(trx, actor.orgId, inserted);
  const [eventId] = await deps.eventLog.append(trx, actor, [
    {
      entityType: 'deal',
      entityId: id,
      type: 'deal.created',
      data: { after: dealSnapshot(record, { withStage: true }), ...(opts.cause ? { cause: opts.cause } : {}) },
    },
  ]);
  if (eventId === undefined) throw new AppError('internal_error', `no event recorded for deal ${id}`);
  await openFirstVisit(trx, {
    orgId: actor.orgId,
    dealId: id,
    pipelineId: pipeline.id,
    stageId: stage.id,
    at: now,
    eventId,
  });
  return record;
}

export async function createDeal(deps: Deps, actor: Actor, input: CreateDealInput): Promise<DealDto> {
  return toDealDto(
    await write(deps, actor.orgId, async (trx) => {
      const record = await insertDealTx(trx, deps, actor, input);
      await recordDealConflicts(trx, deps, actor, record);
      return record;
    }),
  );
}

/** A live deal's row as stored, for a process step that decides by it before acting as a user. */
export async function dealRow(db: DbExecutor, orgId: string, id: string): Promise<repo.DealRecordRow | undefined> {
  return repo.getDealRecord(db, orgId, id);
}

/** A live deal with its children, or not_found when it does not exist or is outside the actor's read scope. */
export async function readRecord(db: DbExecutor, actor: Actor, id: string): Promise<DealRecord> {
  const row = await repo.getDealRecord(db, actor.orgId, id);
  return recordOf(assertCanRead(actor, 'deal', row, id, await onVisibleBooking(db, actor, 'deal', row)));
}

/**
 * As `readRecord`, for a change: forbidden when the actor may read but not change the deal. The
 * deal's row stays locked until the transaction ends, so concurrent changes of it queue here.
 */
export async function recordToWrite(trx: DbExecutor, actor: Actor, id: string): Promise<DealRecord> {
  await repo.lockDeal(trx, actor.orgId, id);
  const row = await repo.getDealRecord(trx, actor.orgId, id);
  // An agent reads the deals it works on (and may change none of them): a 403 there, not a 404.
  const agentSees = actor.role === 'agent' && (await onVisibleBooking(trx, actor, 'deal', row));
  return recordOf(assertCanWrite(actor, 'deal', row, id, agentSees));
}

export async function getDeal(deps: Deps, actor: Actor, id: string): Promise<DealDto> {
  return toDealDto(await readRecord(deps.db, actor, id));
}

export async function listDeals(
  deps: Deps,
  actor: Actor,
  q: ListDealsQuery,
): Promise<{ items: DealDto[]; nextCursor: string | null }> {
  const rows = await repo.listDeals(deps.db, actor.orgId, scopeFor(actor, 'deal', 'read'), q);
  return toPage(
    rows,
    q.limit,
    (r) => toDealDto(recordOf(r)),
    (r) => encodeCursor(r.sort_value, r.id),
  );
}

function patchFrom(input: UpdateDealInput): Partial<repo.DealRow> {
  const p: Partial<repo.DealRow> = {};
  if (input.name !== undefined) p.name = input.name;
  if (input.externalId !== undefined) p.external_id = input.externalId;
  if (input.accountId !== undefined) p.account_id = input.accountId;
  if (input.primaryContactId !== undefined) p.primary_contact_id = input.primaryContactId;
  if (input.amount !== undefined) p.amount = input.amount;
  if (input.currency !== undefined) p.currency = input.currency;
  if (input.expectedCloseDate !== undefined) p.expected_close_date = input.expectedCloseDate;
  if (input.source !== undefined) p.source = input.source;
  if (input.lostReason !== undefined) p.lost_reason = input.lostReason;
  if (input.nextStep !== undefined) p.next_step = input.nextStep;
  if (input.forecastCategory !== undefined) p.forecast_category = input.forecastCategory;
  return p;
}

export async function updateDeal(
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
  input: UpdateDealInput,
): Promise<DealDto> {
  const written = await write(deps, actor.orgId, (trx) => updateDealTx(trx, deps, actor, id, expected, input));
  // The deal as this transaction wrote it: a read after commit could show a later writer's change.
  return toDealDto(written);
}

/**
 * Changes a deal inside the caller's transaction (approval rules hold a change and apply it later
 * through this, in the transaction that records the decision).
 */
export async function updateDealTx(
  trx: DbExecutor,
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
  input: UpdateDealInput,
): Promise<DealRecord> {
  assertPartnerOwnerUnchanged(actor, input.ownerId);
  const before = await recordToWrite(trx, actor, id);
  const beforeRow = before.deal;
  const version = checkVersion('deal', id, beforeRow.version, expected);
  const patch = patchFrom(input);
  if (input.ownerId !== undefined)
    patch.owner_id = await resolveOwner(trx, actor, 'deal', input.ownerId, beforeRow.owner_id);
  const problems: FieldProblem[] = [];
  if (input.channel !== undefined || input.partnerAccountId !== undefined) {
    const channel = chooseChannel(actor, input, beforeRow);
    problems.push(...channel.problems);
    patch.channel = channel.channel;
    patch.partner_account_id = channel.partnerAccountId;
  }
  const knownContacts = new Set([
    ...before.roles.map((r) => r.contact_id),
    ...(beforeRow.primary_contact_id ? [beforeRow.primary_contact_id] : []),
  ]);
  problems.push(
    ...(await checkReferences(
      trx,
      actor,
      {
        accountId: input.accountId !== beforeRow.account_id ? input.accountId : undefined,
        primaryContactId: input.primaryContactId,
        contactRoles: input.contactRoles,
        partnerAccountId:
          patch.partner_account_id !== beforeRow.partner_account_id ? patch.partner_account_id : undefined,
      },
      { contactIds: knownContacts },
    )),
  );
  await assertExternalIdFree(trx, actor.orgId, input.externalId, id);
  let newLines: repo.NewLineItemRow[] | undefined;
  if (input.lineItems !== undefined) {
    const currency = input.currency ?? beforeRow.currency.trim();
    const resolved = await resolveLineItems(trx, actor.orgId, id, currency, input.lineItems, {
      keepProductIds: new Set(before.lines.map((l) => l.product_id)),
      newId: () => deps.ids.id(),
    });
    problems.push(...resolved.problems);
    newLines = resolved.rows;
  }
  if (problems.length) throw invalid(problems);
  const afterRow = await repo.updateDeal(trx, actor.orgId, id, version, { ...patch, updated_at: deps.clock.now() });
  if (input.contactRoles !== undefined) await repo.replaceContactRoles(trx, actor.orgId, id, input.contactRoles);
  if (newLines) await repo.replaceLineItems(trx, actor.orgId, id, newLines);
  const after = await loadRecord(trx, actor.orgId, afterRow);
  // The forecast category is compared too (deal.updated), though the deal's snapshots leave it out.
  const withCategory = (r: DealRecord) => ({ ...dealSnapshot(r), forecastCategory: r.deal.forecast_category });
  await deps.eventLog.append(trx, actor, changeEvents('deal', id, withCategory(before), withCategory(after)));
  return after;
}

export async function deleteDeal(
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
): Promise<void> {
  await write(deps, actor.orgId, async (trx) => {
    const before = await recordToWrite(trx, actor, id);
    const version = checkVersion('deal', id, before.deal.version, expected);
    const now = deps.clock.now();
    await repo.updateDeal(trx, actor.orgId, id, version, { deleted_at: now, updated_at: now });
    await deps.eventLog.append(trx, actor, [
      {
        entityType: 'deal',
        entityId: id,
        type: 'deal.deleted',
        data: { before: dealSnapshot(before, { withStage: true }) },
      },
    ]);
  });
}

/**
 * Rebuilds an organization's stage visits, and with them its deal traces, from its event log (a
 * restore: backups carry the log, not its projections). Returns the visits written.
 */
export async function rebuildStageProjection(db: DbExecutor, orgId: string): Promise<number> {
  return rebuildStageVisits(db, orgId);
}
