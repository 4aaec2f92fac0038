import { camelSnapshot } from '../../contract/events/casing.ts';
import {
  canManageChannel,
  canRegisterDeals,
  distributorDealScope,
  inScope,
  registrationScope,
  type Actor,
} from '../../contract/access.ts';
import type {
  ApproveRegistrationInput,
  ConflictCheckInput,
  ListRegistrationsQuery,
  RegisterDealInput,
  RegistrationDto,
  ResellerDealDto,
  ResellerWorkDto,
} from '../../contract/channel.ts';
import { AppError, forbidden, invalid, type FieldProblem } from '../../contract/errors.ts';
import { businessDaysBetween } from '../../analytics/business-days.ts';
import { normaliseDomain } from '../../analytics/channel-match.ts';
import type { DbExecutor } from '../../db/database.ts';
import { encodeCursor } from '../../db/list.ts';
import { accountRow, baseCurrency } from '../accounts/accounts.service.ts';
import { insertDealTx, readRecord } from '../deals/deals.service.ts';
import { enqueueJob } from '../jobs/enqueue.ts';
import { write, type Deps } from '../context.ts';
import { checkVersion, found, toPage, type ExpectedVersion } from '../shared.ts';
import * as repo from './channel.repository.ts';
import { findConflicts, recordConflicts } from './conflicts.service.ts';
import { channelSettings, protectionDaysOf, toLinkDto } from './programme.service.ts';
import { escalationDueAt, scheduleRegistrationEscalation } from './registration-escalation-schedule.ts';

/** The job that expires a registration whose protection window has passed. */
export const REGISTRATION_EXPIRY_JOB = 'channel.registration_expiry';

const DAY_MS = 86_400_000;

function toRegistrationDto(r: repo.RegistrationRow, now: Date, slaDays: number): RegistrationDto {
  const approvalBusinessDays = businessDaysBetween(r.registered_at, r.decided_at ?? now);
  return {
    id: r.id,
    partnerAccountId: r.partner_account_id,
    partnerName: r.partner_name,
    registeredBy: r.registered_by,
    customerName: r.customer_name,
    customerDomain: r.customer_domain,
    productIds: r.product_ids,
    amount: r.amount,
    currency: r.currency,
    expectedCloseDate: r.expected_close_date,
    notes: r.notes,
    status: r.status as RegistrationDto['status'],
    dealId: r.deal_id,
    protectionDays: r.protection_days,
    protectedUntil: r.protected_until ? r.protected_until.toISOString() : null,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at ? r.decided_at.toISOString() : null,
    rejectionReason: r.rejection_reason,
    distributorAccountId: r.distributor_account_id,
    distributorName: r.distributor_name,
    registeredAt: r.registered_at.toISOString(),
    approvalBusinessDays,
    slaBreached: approvalBusinessDays > slaDays,
    escalatedAt: r.escalated_at ? r.escalated_at.toISOString() : null,
    openConflicts: r.open_conflicts,
    version: r.version,
  };
}

const snapshotFields = [
  'partner_account_id',
  'customer_name',
  'customer_domain',
  'product_ids',
  'amount',
  'currency',
  'expected_close_date',
  'distributor_account_id',
] as const;

async function loadDto(db: DbExecutor, deps: Deps, actor: Actor, id: string): Promise<RegistrationDto> {
  const row = found(
    await repo.getRegistration(db, actor.orgId, id, registrationScope(actor, 'read')),
    'registration',
    id,
  );
  const { approvalSlaDays } = await channelSettings(db, actor.orgId);
  return toRegistrationDto(row, deps.clock.now(), approvalSlaDays);
}

async function partnerOf(trx: DbExecutor, actor: Actor, requested: string | undefined): Promise<string> {
  if (actor.role === 'partner') {
    if (requested !== undefined && requested !== actor.partnerAccountId)
      throw invalid([
        { field: 'partnerAccountId', message: 'a partner registers deals for its own partner account only' },
      ]);
    if (!actor.partnerAccountId) throw forbidden('Your user is not bound to a partner account');
    return actor.partnerAccountId;
  }
  if (!requested) throw invalid([{ field: 'partnerAccountId', message: 'is required when registering for a partner' }]);
  const account = await accountRow(trx, actor.orgId, requested);
  if (!account || account.deleted_at)
    throw invalid([{ field: 'partnerAccountId', message: 'is not an account of this organization' }]);
  return requested;
}

/**
 * Two-tier: the distributor a reseller's registration names. One that serves the reseller when
 * named; left out, the only one that serves it (none serving it: no distributor); null: none.
 */
async function distributorOf(
  trx: DbExecutor,
  orgId: string,
  resellerAccountId: string,
  requested: string | null | undefined,
): Promise<string | null> {
  if (requested === null) return null;
  const serving = await repo.distributorsOf(trx, orgId, resellerAccountId);
  if (requested !== undefined) {
    if (!serving.includes(requested))
      throw invalid([{ field: 'distributorAccountId', message: 'is not a distributor that serves this partner' }]);
    return requested;
  }
  if (serving.length > 1)
    throw invalid([
      {
        field: 'distributorAccountId',
        message: `is required: ${serving.length} distributors serve this partner (name one, or null for none)`,
      },
    ]);
  return serving[0] ?? null;
}

async function productProblems(trx: DbExecutor, orgId: string, ids: readonly string[]): Promise<FieldProblem[]> {
  const existing = await repo.productsExist(trx, orgId, ids);
  return ids.flatMap((p, i) =>
    existing.has(p) ? [] : [{ field: `productIds.${i}`, message: 'is not a product of this organization' }],
  );
}

/**
 * A partner registers an opportunity; the registration time is the time of its event. Conflicts
 * with live registrations and open deals for the same customer are recorded with it.
 */
export async function registerDeal(deps: Deps, actor: Actor, input: RegisterDealInput): Promise<RegistrationDto> {
  if (!canRegisterDeals(actor)) throw forbidden('Your role cannot register deals');
  const id = deps.ids.id();
  await write(deps, actor.orgId, async (trx) => {
    const partnerAccountId = await partnerOf(trx, actor, input.partnerAccountId);
    const productIds = [...new Set(input.productIds ?? [])];
    const problems = await productProblems(trx, actor.orgId, productIds);
    if (problems.length) throw invalid(problems);
    const distributorAccountId = await distributorOf(trx, actor.orgId, partnerAccountId, input.distributorAccountId);
    const now = deps.clock.now();
    const row = {
      org_id: actor.orgId,
      id,
      partner_account_id: partnerAccountId,
      registered_by: actor.userId,
      customer_name: input.customerName,
      customer_domain: normaliseDomain(input.customerDomain ?? null),
      product_ids: JSON.stringify(productIds),
      amount: input.amount ?? null,
      currency: input.currency ?? (await baseCurrency(trx, actor.orgId)),
      expected_close_date: input.expectedCloseDate ?? null,
      notes: input.notes ?? null,
      distributor_account_id: distributorAccountId,
      registered_at: now,
      updated_at: now,
    };
    await repo.insertRegistration(trx, row);
    const { approvalSlaDays } = await channelSettings(trx, actor.orgId);
    await scheduleRegistrationEscalation(deps, trx, actor.orgId, id, escalationDueAt(now, approvalSlaDays));
    const after = { ...row, product_ids: productIds };
    await deps.eventLog.append(trx, actor, [
      {
        entityType: 'deal_registration',
        entityId: id,
        type: 'deal_registration.submitted',
        data: { after: camelSnapshot(Object.fromEntries(snapshotFields.map((f) => [f, after[f]]))) },
      },
    ]);
    await recordConflicts(trx, deps, actor, {
      kind: 'registration',
      id,
      customerName: input.customerName,
      customerDomain: row.customer_domain,
      productIds,
      channel: 'partner',
      partnerAccountId,
      since: now,
    });
  });
  return loadDto(deps.db, deps, actor, id);
}

/**
 * The duplicate warning of the registration form: whether registrations or deals for this
 * customer already exist, and why they match, without telling whose they are.
 */
export async function checkRegistration(
  deps: Deps,
  actor: Actor,
  input: ConflictCheckInput,
): Promise<{
  matches: {
    kind: 'registration' | 'deal';
    reasons: { kind: 'domain' | 'name' | 'similar_name' | 'products'; detail: string }[];
  }[];
}> {
  if (!canRegisterDeals(actor)) throw forbidden('Your role cannot register deals');
  const matches = await findConflicts(
    deps.db,
    actor.orgId,
    {
      kind: 'registration',
      id: null,
      customerName: input.customerName,
      customerDomain: input.customerDomain ?? null,
      productIds: input.productIds ?? [],
      channel: 'partner',
      partnerAccountId: actor.partnerAccountId,
    },
    deps.clock.now(),
  );
  return { matches: matches.map((m) => ({ kind: m.candidate.kind, reasons: m.reasons })) };
}

export async function getRegistration(deps: Deps, actor: Actor, id: string): Promise<RegistrationDto> {
  return loadDto(deps.db, deps, actor, id);
}

export async function listRegistrations(
  deps: Deps,
  actor: Actor,
  q: ListRegistrationsQuery,
): Promise<{ items: RegistrationDto[]; nextCursor: string | null }> {
  const scope = registrationScope(actor, 'read');
  if (scope.kind === 'none') throw forbidden('Your role cannot read deal registrations');
  const rows = await repo.listRegistrations(deps.db, actor.orgId, scope, q);
  const { approvalSlaDays } = await channelSettings(deps.db, actor.orgId);
  const now = deps.clock.now();
  return toPage(
    rows,
    q.limit,
    (r) => toRegistrationDto(r, now, approvalSlaDays),
    (r) => encodeCursor(r.registered_at, r.id),
  );
}

/**
 * What a distributor reads of its resellers (two-tier): the resellers it serves, their
 * registrations that name it as distributor, and the deals approved from them. Reading only.
 */
export async function getResellerWork(deps: Deps, actor: Actor): Promise<ResellerWorkDto> {
  const scope = distributorDealScope(actor);
  if (!scope) throw forbidden("Only a partner reads its resellers' registrations and deals");
  const id = scope.distributorAccountId;
  const links = (await repo.listResellerLinks(deps.db, actor.orgId, id)).filter((l) => l.distributor_account_id === id);
  const regs = await repo.listRegistrations(deps.db, actor.orgId, registrationScope(actor, 'read'), { limit: 200 }, id);
  const { approvalSlaDays } = await channelSettings(deps.db, actor.orgId);
  const now = deps.clock.now();
  const deals = await repo.resellerDeals(deps.db, actor.orgId, id);
  return {
    resellers: links.map(toLinkDto),
    registrations: regs.slice(0, 200).map((r) => toRegistrationDto(r, now, approvalSlaDays)),
    deals: deals.map((d) => ({
      registrationId: d.registration_id,
      resellerAccountId: d.reseller_account_id,
      resellerName: d.reseller_name,
      dealId: d.deal_id,
      name: d.name,
      status: d.status as ResellerDealDto['status'],
      stageName: d.stage_name,
      amount: d.amount,
      currency: d.currency,
      expectedCloseDate: d.expected_close_date,
      closedAt: d.closed_at ? d.closed_at.toISOString() : null,
    })),
  };
}

/** A registration to decide on: visible to the actor, who must be a channel manager, and still pending. */
async function pendingToDecide(
  trx: DbExecutor,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
  want: 'pending' | 'approved',
): Promise<{ row: repo.RegistrationRow; version: number }> {
  await repo.lockRegistration(trx, actor.orgId, id);
  const row = found(
    await repo.getRegistration(trx, actor.orgId, id, registrationScope(actor, 'read')),
    'registration',
    id,
  );
  if (
    !canManageChannel(actor) ||
    !inScope(registrationScope(actor, 'write'), { ownerId: null, partnerAccountId: row.partner_account_id })
  )
    throw forbidden('Only channel managers decide on registrations');
  const version = checkVersion('registration', id, row.version, expected);
  if (row.status !== want)
    throw new AppError('invalid_transition', `This registration is ${row.status}, not ${want}`, {
      details: { status: row.status },
    });
  return { row, version };
}

/** Schedules the expiry of a protection window on the job queue (one job per window end). */
async function scheduleExpiry(deps: Deps, trx: DbExecutor, orgId: string, id: string, until: Date): Promise<void> {
  await enqueueJob(deps, trx, {
    orgId,
    kind: REGISTRATION_EXPIRY_JOB,
    payload: { registrationId: id },
    key: `registration-expiry:${id}:${until.toISOString()}`,
    runAt: until,
  });
}

/**
 * Approves a pending registration: links the deal named, or creates a partner deal for it, and
 * protects it for the partner tier's protection days. Open conflicts must be resolved first.
 */
export async function approveRegistration(
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
  input: ApproveRegistrationInput,
): Promise<RegistrationDto> {
  await write(deps, actor.orgId, async (trx) => {
    const { row, version } = await pendingToDecide(trx, actor, id, expected, 'pending');
    if (row.open_conflicts > 0)
      throw new AppError('conflict', `Resolve the ${row.open_conflicts} open conflict(s) of this registration first`, {
        details: { openConflicts: row.open_conflicts },
      });
    let dealId: string;
    let dealCreated = false;
    if (input.dealId) {
      const deal = (await readRecord(trx, actor, input.dealId)).deal;
      if (deal.partner_account_id !== row.partner_account_id)
        throw invalid([{ field: 'dealId', message: "must be a partner deal of the registering partner's account" }]);
      dealId = deal.id;
    } else {
      const record = await insertDealTx(trx, deps, actor, {
        name: row.customer_name,
        amount: row.amount,
        currency: row.currency,
        expectedCloseDate: row.expected_close_date,
        channel: 'partner',
        partnerAccountId: row.partner_account_id,
        source: 'deal registration',
        ...(input.pipelineId ? { pipelineId: input.pipelineId } : {}),
        ...(input.ownerId !== undefined ? { ownerId: input.ownerId } : {}),
      });
      dealId = record.deal.id;
      dealCreated = true;
    }
    const now = deps.clock.now();
    const protectionDays = await protectionDaysOf(trx, actor.orgId, row.partner_account_id);
    const protectedUntil = new Date(now.getTime() + protectionDays * DAY_MS);
    await repo.updateRegistration(trx, actor.orgId, id, version, {
      status: 'approved',
      deal_id: dealId,
      protection_days: protectionDays,
      protected_until: protectedUntil,
      decided_by: actor.userId,
      decided_at: now,
      updated_at: now,
    });
    await deps.eventLog.append(trx, actor, [
      {
        entityType: 'deal_registration',
        entityId: id,
        type: 'deal_registration.approved',
        data: {
          dealId,
          dealCreated,
          protectionDays,
          protectedUntil: protectedUntil.toISOString(),
          approvalBusinessDays: businessDaysBetween(row.registered_at, now),
        },
      },
    ]);
    await scheduleExpiry(deps, trx, actor.orgId, id, protectedUntil);
  });
  return loadDto(deps.db, deps, actor, id);
}

export async function rejectRegistration(
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
  reason: string,
): Promise<RegistrationDto> {
  await write(deps, actor.orgId, async (trx) => {
    const { row, version } = await pendingToDecide(trx, actor, id, expected, 'pending');
    const now = deps.clock.now();
    await repo.updateRegistration(trx, actor.orgId, id, version, {
      status: 'rejected',
      rejection_reason: reason,
      decided_by: actor.userId,
      decided_at: now,
      updated_at: now,
    });
    await deps.eventLog.append(trx, actor, [
      {
        entityType: 'deal_registration',
        entityId: id,
        type: 'deal_registration.rejected',
        data: { reason, approvalBusinessDays: businessDaysBetween(row.registered_at, now) },
      },
    ]);
  });
  return loadDto(deps.db, deps, actor, id);
}

/** Extends the protection window of an approved registration by some days. */
export async function extendRegistration(
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
  input: { days: number; reason?: string | null | undefined },
): Promise<RegistrationDto> {
  await write(deps, actor.orgId, async (trx) => {
    const { row, version } = await pendingToDecide(trx, actor, id, expected, 'approved');
    const from = row.protected_until ?? deps.clock.now();
    const to = new Date(from.getTime() + input.days * DAY_MS);
    await repo.updateRegistration(trx, actor.orgId, id, version, {
      protected_until: to,
      protection_days: (row.protection_days ?? 0) + input.days,
      updated_at: deps.clock.now(),
    });
    await deps.eventLog.append(trx, actor, [
      {
        entityType: 'deal_registration',
        entityId: id,
        type: 'deal_registration.extended',
        data: {
          days: input.days,
          protectedUntil: { from: from.toISOString(), to: to.toISOString() },
          reason: input.reason ?? null,
        },
      },
    ]);
    await scheduleExpiry(deps, trx, actor.orgId, id, to);
  });
  return loadDto(deps.db, deps, actor, id);
}

/**
 * Expires the approved registrations of an organisation whose window has passed while their deal
 * is still open (the system acts: no user). Idempotent: an extended, closed or already expired
 * registration is left alone. Returns how many expired.
 */
export async function expireLapsedRegistrations(
  deps: Deps,
  orgId: string,
  fence: (trx: DbExecutor) => Promise<void> = () => Promise.resolve(),
): Promise<number> {
  return write(deps, orgId, async (trx) => {
    await fence(trx);
    const now = deps.clock.now();
    const lapsed = await repo.lapsedRegistrations(trx, orgId, now);
    for (const { id } of lapsed) {
      await repo.lockRegistration(trx, orgId, id);
      const row = await repo.getRegistration(trx, orgId, id, { kind: 'all' });
      if (!row || row.status !== 'approved' || !row.protected_until || !row.deal_id) continue;
      await repo.updateRegistration(trx, orgId, id, row.version, { status: 'expired', updated_at: now });
      await deps.eventLog.append(trx, { orgId, userId: null }, [
        {
          entityType: 'deal_registration',
          entityId: id,
          type: 'deal_registration.expired',
          data: { protectedUntil: row.protected_until.toISOString(), dealId: row.deal_id },
        },
      ]);
    }
    return lapsed.length;
  });
}

/** A registration of another system as the import writes it, with its decision when it has one. */
export interface ImportedRegistration {
  externalId: string | null;
  partnerAccountId: string;
  customerName: string;
  customerDomain: string | null;
  productIds: string[];
  amount: string | null;
  currency: string;
  expectedCloseDate: string | null;
  notes: string | null;
  /** The deal it is linked to (a partner deal of the partner), whatever its status. */
  dealId: string | null;
  /** Business time of the registration. */
  registeredAt: Date;
  decision: ImportedDecision | null;
}

/** A decision taken in the other system, recorded at its business time. */
export type ImportedDecision =
  | { status: 'approved' | 'expired'; decidedAt: Date; dealId: string }
  | { status: 'rejected'; decidedAt: Date; reason: string };

/**
 * Writes an imported registration inside the caller's transaction: the row and its
 * `deal_registration.submitted` event at the registration's business time (the source's id on
 * it), then its decision when it has one. Conflicts are recorded as for a registration made in
 * the app while it is live (pending, or approved and still protected); a registration rejected or
 * expired before the import holds no customer any more. The caller checks the references (the
 * partner, its products, the deal of its partner); the actor must be a channel manager.
 */
export async function importRegistrationIn(
  deps: Deps,
  trx: DbExecutor,
  actor: Actor,
  input: ImportedRegistration,
): Promise<string> {
  if (!canManageChannel(actor)) throw forbidden('Only channel managers import deal registrations');
  const id = deps.ids.id();
  const now = deps.clock.now();
  const row = {
    org_id: actor.orgId,
    id,
    partner_account_id: input.partnerAccountId,
    registered_by: actor.userId,
    customer_name: input.customerName,
    customer_domain: normaliseDomain(input.customerDomain),
    product_ids: JSON.stringify(input.productIds),
    amount: input.amount,
    currency: input.currency,
    expected_close_date: input.expectedCloseDate,
    notes: input.notes,
    deal_id: input.dealId,
    // A registration brought from another system names no distributor: it is linked here if needed.
    distributor_account_id: null,
    registered_at: input.registeredAt,
    updated_at: now,
  };
  await repo.insertRegistration(trx, row);
  const after = { ...row, product_ids: input.productIds };
  await deps.eventLog.append(trx, actor, [
    {
      entityType: 'deal_registration',
      entityId: id,
      type: 'deal_registration.submitted',
      data: {
        after: {
          ...camelSnapshot(Object.fromEntries(snapshotFields.map((f) => [f, after[f]]))),
          ...(input.externalId !== null ? { externalId: input.externalId } : {}),
        },
      },
      businessTime: input.registeredAt,
      imported: true,
    },
  ]);
  const live = await recordImportedDecision(deps, trx, actor, id, 1, input.registeredAt, input.decision);
  if (live)
    await recordConflicts(trx, deps, actor, {
      kind: 'registration',
      id,
      customerName: input.customerName,
      customerDomain: row.customer_domain,
      productIds: input.productIds,
      channel: 'partner',
      partnerAccountId: input.partnerAccountId,
      since: input.registeredAt,
    });
  return id;
}

/**
 * Records a decision taken in another system on a pending registration (`version` its current
 * one), with its events at the decision's business time: approval (protected for the partner
 * tier's days from the decision, its expiry scheduled as in the app), rejection with the reason,
 * or approval followed by expiry at the end of the window. Returns whether the registration is
 * live afterwards (pending, or approved and still protected).
 */
export async function recordImportedDecision(
  deps: Deps,
  trx: DbExecutor,
  actor: Actor,
  id: string,
  version: number,
  registeredAt: Date,
  decision: ImportedDecision | null,
): Promise<boolean> {
  if (!decision) return true;
  if (!canManageChannel(actor)) throw forbidden('Only channel managers decide on registrations');
  const now = deps.clock.now();
  const at = decision.decidedAt;
  const approvalBusinessDays = businessDaysBetween(registeredAt, at);
  const stamp = { businessTime: at, imported: true };
  if (decision.status === 'rejected') {
    await repo.updateRegistration(trx, actor.orgId, id, version, {
      status: 'rejected',
      rejection_reason: decision.reason,
      decided_by: actor.userId,
      decided_at: at,
      updated_at: now,
    });
    await deps.eventLog.append(trx, actor, [
      {
        entityType: 'deal_registration',
        entityId: id,
        type: 'deal_registration.rejected',
        data: { reason: decision.reason, approvalBusinessDays },
        ...stamp,
      },
    ]);
    return false;
  }
  const row = found(await repo.getRegistration(trx, actor.orgId, id, { kind: 'all' }), 'registration', id);
  const protectionDays = await protectionDaysOf(trx, actor.orgId, row.partner_account_id);
  const protectedUntil = new Date(at.getTime() + protectionDays * DAY_MS);
  await repo.updateRegistration(trx, actor.orgId, id, version, {
    status: decision.status,
    deal_id: decision.dealId,
    protection_days: protectionDays,
    protected_until: protectedUntil,
    decided_by: actor.userId,
    decided_at: at,
    updated_at: now,
  });
  await deps.eventLog.append(trx, actor, [
    {
      entityType: 'deal_registration',
      entityId: id,
      type: 'deal_registration.approved',
      data: {
        dealId: decision.dealId,
        dealCreated: false,
        protectionDays,
        protectedUntil: protectedUntil.toISOString(),
        approvalBusinessDays,
      },
      ...stamp,
    },
    ...(decision.status === 'expired'
      ? [
          {
            entityType: 'deal_registration',
            entityId: id,
            type: 'deal_registration.expired',
            data: { protectedUntil: protectedUntil.toISOString(), dealId: decision.dealId },
            businessTime: protectedUntil <= now ? protectedUntil : at,
            imported: true,
          },
        ]
      : []),
  ]);
  if (decision.status === 'expired') return false;
  await scheduleExpiry(deps, trx, actor.orgId, id, protectedUntil);
  return protectedUntil > now;
}
