import { camelSnapshot } from '../../contract/events/casing.ts';
import type { Actor } from '../../contract/access.ts';
import { relatedDealScope, scopeFor } from '../../contract/access.ts';
import type { AccountDto, CreateAccountInput, ListAccountsQuery, UpdateAccountInput } from '../../contract/accounts.ts';
import { invalid, type FieldProblem } from '../../contract/errors.ts';
import type { DbExecutor } from '../../db/database.ts';
import { encodeCursor } from '../../db/list.ts';
import { assertCanCreate, assertCanRead, assertCanWrite, onVisibleDeal, resolveOwner } from '../access.ts';
import { write, type Deps } from '../context.ts';
import { changeEvents, checkVersion, toPage, type ExpectedVersion } from '../shared.ts';
import * as repo from './accounts.repository.ts';
import { resolveRecordTerritory } from '../routing/territories.service.ts';

export function toAccountDto(r: repo.AccountRow): AccountDto {
  return {
    id: r.id,
    externalId: r.external_id,
    name: r.name,
    domain: r.domain,
    industry: r.industry,
    employees: r.employees,
    annualRevenue: r.annual_revenue,
    revenueCurrency: r.revenue_currency?.trim() ?? null,
    address: { street: r.street, city: r.city, region: r.region, postalCode: r.postal_code, country: r.country },
    type: r.type as AccountDto['type'],
    ownerId: r.owner_id,
    parentAccountId: r.parent_account_id,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    version: r.version,
  };
}

/** Fields recorded in account events (snake_case, as stored). */
const auditFields = [
  'external_id',
  'name',
  'domain',
  'industry',
  'employees',
  'annual_revenue',
  'revenue_currency',
  'street',
  'city',
  'region',
  'postal_code',
  'country',
  'type',
  'owner_id',
  'parent_account_id',
] as const;

/** The account as events record it (the audited fields, as stored). */
export function accountSnapshot(r: repo.AccountRow): Record<string, unknown> {
  return camelSnapshot(Object.fromEntries(auditFields.map((f) => [f, r[f]])));
}

function patchFrom(input: UpdateAccountInput): Partial<repo.AccountRow> {
  const p: Partial<repo.AccountRow> = {};
  if (input.name !== undefined) p.name = input.name;
  if (input.externalId !== undefined) p.external_id = input.externalId;
  if (input.domain !== undefined) p.domain = input.domain;
  if (input.industry !== undefined) p.industry = input.industry;
  if (input.employees !== undefined) p.employees = input.employees;
  if (input.annualRevenue !== undefined) p.annual_revenue = input.annualRevenue;
  if (input.revenueCurrency !== undefined) p.revenue_currency = input.revenueCurrency;
  if (input.type !== undefined) p.type = input.type;
  if (input.parentAccountId !== undefined) p.parent_account_id = input.parentAccountId;
  if (input.address) {
    const a = input.address;
    if (a.street !== undefined) p.street = a.street;
    if (a.city !== undefined) p.city = a.city;
    if (a.region !== undefined) p.region = a.region;
    if (a.postalCode !== undefined) p.postal_code = a.postalCode;
    if (a.country !== undefined) p.country = a.country;
  }
  return p;
}

async function checkParent(
  trx: DbExecutor,
  actor: Actor,
  id: string | null,
  parentId: string | null | undefined,
): Promise<FieldProblem[]> {
  if (!parentId) return [];
  if (parentId === id) return [{ field: 'parentAccountId', message: 'an account cannot be its own parent' }];
  if (!(await repo.getAccount(trx, actor.orgId, parentId)))
    return [{ field: 'parentAccountId', message: 'is not an account of this organization' }];
  if (id && (await repo.wouldCycle(trx, actor.orgId, id, parentId)))
    return [{ field: 'parentAccountId', message: 'would make the account its own ancestor' }];
  return [];
}

/**
 * Inserts an account and records `account.created` inside the caller's transaction, so that
 * conversion can create it together with the contact, deal and lead change it belongs to.
 */
export async function insertAccountTx(
  trx: DbExecutor,
  deps: Deps,
  actor: Actor,
  input: CreateAccountInput,
): Promise<repo.AccountRow> {
  assertCanCreate(actor, 'account');
  const now = deps.clock.now();
  const id = deps.ids.id();
  const ownerId = await resolveOwner(trx, actor, 'account', input.ownerId, actor.userId);
  const problems = await checkParent(trx, actor, null, input.parentAccountId);
  if (problems.length) throw invalid(problems);
  const revenueCurrency = input.annualRevenue
    ? (input.revenueCurrency ?? (await repo.orgBaseCurrency(trx, actor.orgId)))
    : (input.revenueCurrency ?? null);
  const inserted = await repo.insertAccount(trx, {
    org_id: actor.orgId,
    id,
    external_id: input.externalId ?? null,
    name: input.name,
    domain: input.domain ?? null,
    industry: input.industry ?? null,
    employees: input.employees ?? null,
    annual_revenue: input.annualRevenue ?? null,
    revenue_currency: revenueCurrency,
    street: input.address?.street ?? null,
    city: input.address?.city ?? null,
    region: input.address?.region ?? null,
    postal_code: input.address?.postalCode ?? null,
    country: input.address?.country ?? null,
    type: input.type ?? 'prospect',
    owner_id: ownerId,
    parent_account_id: input.parentAccountId ?? null,
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  });
  await deps.eventLog.append(trx, actor, [
    { entityType: 'account', entityId: id, type: 'account.created', data: { after: accountSnapshot(inserted) } },
  ]);
  await resolveRecordTerritory(deps, trx, actor, 'account', id);
  return inserted;
}

export async function createAccount(deps: Deps, actor: Actor, input: CreateAccountInput): Promise<AccountDto> {
  return toAccountDto(await write(deps, actor.orgId, (trx) => insertAccountTx(trx, deps, actor, input)));
}

export async function getAccount(deps: Deps, actor: Actor, id: string): Promise<AccountDto> {
  const row = await repo.getAccount(deps.db, actor.orgId, id);
  return toAccountDto(assertCanRead(actor, 'account', row, id, await onVisibleDeal(deps.db, actor, 'account', row)));
}

export async function listAccounts(
  deps: Deps,
  actor: Actor,
  q: ListAccountsQuery,
): Promise<{ items: AccountDto[]; nextCursor: string | null }> {
  const rows = await repo.listAccounts(
    deps.db,
    actor.orgId,
    scopeFor(actor, 'account', 'read'),
    relatedDealScope(actor, 'account'),
    q,
  );
  return toPage(rows, q.limit, toAccountDto, (r) => encodeCursor(r[q.sort], r.id));
}

/** Accounts the actor can see that share one of these web domains or contain one of these name words (at most `limit`). */
export async function accountMatchCandidates(
  deps: Deps,
  actor: Actor,
  opts: { domains: readonly string[]; words: readonly string[]; limit: number },
): Promise<{ id: string; name: string; domain: string | null }[]> {
  const rows = await repo.accountMatchCandidates(
    deps.db,
    actor.orgId,
    scopeFor(actor, 'account', 'read'),
    relatedDealScope(actor, 'account'),
    opts,
  );
  return rows.map((r) => ({ id: r.id, name: r.name, domain: r.domain }));
}

export async function updateAccount(
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
  input: UpdateAccountInput,
): Promise<AccountDto> {
  const row = await write(deps, actor.orgId, async (trx) => {
    const locked = await repo.lockAccount(trx, actor.orgId, id);
    const before = assertCanWrite(actor, 'account', locked, id, await onVisibleDeal(trx, actor, 'account', locked));
    const version = checkVersion('account', id, before.version, expected);
    const patch = patchFrom(input);
    if (input.ownerId !== undefined)
      patch.owner_id = await resolveOwner(trx, actor, 'account', input.ownerId, before.owner_id);
    const problems = await checkParent(trx, actor, id, input.parentAccountId);
    if (problems.length) throw invalid(problems);
    if (patch.annual_revenue && !(patch.revenue_currency ?? before.revenue_currency))
      patch.revenue_currency = await repo.orgBaseCurrency(trx, actor.orgId);
    const after = await repo.updateAccount(trx, actor.orgId, id, version, { ...patch, updated_at: deps.clock.now() });
    await deps.eventLog.append(trx, actor, changeEvents('account', id, before, after));
    await resolveRecordTerritory(deps, trx, actor, 'account', id);
    return after;
  });
  return toAccountDto(row);
}

export async function deleteAccount(
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
): Promise<void> {
  await write(deps, actor.orgId, async (trx) => {
    const locked = await repo.lockAccount(trx, actor.orgId, id);
    const before = assertCanWrite(actor, 'account', locked, id, await onVisibleDeal(trx, actor, 'account', locked));
    const version = checkVersion('account', id, before.version, expected);
    await repo.updateAccount(trx, actor.orgId, id, version, {
      deleted_at: deps.clock.now(),
      updated_at: deps.clock.now(),
    });
    await deps.eventLog.append(trx, actor, [
      { entityType: 'account', entityId: id, type: 'account.deleted', data: { before: accountSnapshot(before) } },
    ]);
  });
}

/**
 * An account's row by id, unchecked: for other modules' use cases that apply their own access rule
 * to it (a deal's or contact's link to an account, lead conversion).
 */
export async function accountRow(db: DbExecutor, orgId: string, id: string): Promise<repo.AccountRow | undefined> {
  return repo.getAccount(db, orgId, id);
}

/** The organization's base currency, the default of every money field. */
export async function baseCurrency(db: DbExecutor, orgId: string): Promise<string> {
  return repo.orgBaseCurrency(db, orgId);
}
