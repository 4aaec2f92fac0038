import { sql, type Selectable } from 'kysely';
import type { DbExecutor } from '../../db/database.ts';
import { updateVersioned } from '../../db/versioned.ts';
import { afterCursor, likePattern } from '../../db/list.ts';
import type { AccountsTable } from '../../db/schema.ts';
import { readCondition } from '../../db/scope.ts';
import type { Scope } from '../../contract/access.ts';
import type { ListAccountsQuery } from '../../contract/accounts.ts';

export type AccountRow = Selectable<AccountsTable>;

const liveAccount = (db: DbExecutor, orgId: string, id: string) =>
  db
    .selectFrom('accounts')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null);

export async function getAccount(db: DbExecutor, orgId: string, id: string): Promise<AccountRow | undefined> {
  return liveAccount(db, orgId, id).executeTakeFirst();
}

/** As `getAccount`, locking the row until the transaction ends: concurrent changes of it queue behind this one. */
export async function lockAccount(db: DbExecutor, orgId: string, id: string): Promise<AccountRow | undefined> {
  return liveAccount(db, orgId, id).forNoKeyUpdate().executeTakeFirst();
}

export async function insertAccount(db: DbExecutor, row: Omit<AccountRow, 'version'>): Promise<AccountRow> {
  return db.insertInto('accounts').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Updates when the version still matches; otherwise throws 409 with the current version (or 404), see `updateVersioned`. */
export async function updateAccount(
  db: DbExecutor,
  orgId: string,
  id: string,
  version: number,
  patch: Partial<AccountRow>,
): Promise<AccountRow> {
  return updateVersioned(db, 'accounts', { orgId, id, version }, patch);
}

/**
 * Accounts a lead may belong to, for the conversion's proposal: the same web domain (with or
 * without `www.`), or a name containing one of the company's distinctive words. The caller ranks them.
 */
export async function accountMatchCandidates(
  db: DbExecutor,
  orgId: string,
  scope: Scope,
  dealScope: Scope | null,
  opts: { domains: readonly string[]; words: readonly string[]; limit: number },
): Promise<AccountRow[]> {
  if (opts.domains.length === 0 && opts.words.length === 0) return [];
  let b = db.selectFrom('accounts').selectAll().where('org_id', '=', orgId).where('deleted_at', 'is', null);
  const cond = readCondition('account', scope, dealScope, 'accounts');
  if (cond) b = b.where(cond);
  const domains = opts.domains.flatMap((d) => [d, `www.${d}`]);
  b = b.where((eb) =>
    eb.or([
      ...(domains.length > 0 ? [eb(sql`lower(domain)`, 'in', domains)] : []),
      ...opts.words.map((w) => eb('name', 'ilike', likePattern(w))),
    ]),
  );
  return b.orderBy('name').orderBy('id').limit(opts.limit).execute();
}

export async function listAccounts(
  db: DbExecutor,
  orgId: string,
  scope: Scope,
  dealScope: Scope | null,
  q: ListAccountsQuery,
): Promise<AccountRow[]> {
  let b = db.selectFrom('accounts').selectAll().where('org_id', '=', orgId).where('deleted_at', 'is', null);
  const cond = readCondition('account', scope, dealScope, 'accounts');
  if (cond) b = b.where(cond);
  if (q.type) b = b.where('type', '=', q.type);
  if (q.ownerId) b = b.where('owner_id', '=', q.ownerId);
  if (q.industry) b = b.where('industry', '=', q.industry);
  if (q.domain) b = b.where(sql`lower(domain)`, '=', q.domain.toLowerCase());
  if (q.parentAccountId) b = b.where('parent_account_id', '=', q.parentAccountId);
  if (q.createdFrom) b = b.where('created_at', '>=', new Date(q.createdFrom));
  if (q.createdTo) b = b.where('created_at', '<', new Date(q.createdTo));
  if (q.employeesMin !== undefined) b = b.where('employees', '>=', q.employeesMin);
  if (q.employeesMax !== undefined) b = b.where('employees', '<=', q.employeesMax);
  if (q.q) {
    const pat = likePattern(q.q);
    b = b.where((eb) => eb.or([eb('name', 'ilike', pat), eb('domain', 'ilike', pat)]));
  }
  if (q.cursor) b = b.where(afterCursor(q.sort, 'id', q.order, q.cursor));
  return b
    .orderBy(q.sort, q.order)
    .orderBy('id', q.order)
    .limit(q.limit + 1)
    .execute();
}

/** Whether making `parentId` the parent of `id` would create a cycle. */
export async function wouldCycle(db: DbExecutor, orgId: string, id: string, parentId: string): Promise<boolean> {
  const r = await sql<{ hit: boolean }>`
    with recursive up(id, parent, depth) as (
      select id, parent_account_id, 0 from accounts where org_id = ${orgId} and id = ${parentId}
      union all
      select a.id, a.parent_account_id, up.depth + 1 from accounts a join up on a.org_id = ${orgId} and a.id = up.parent
      where up.depth < 100
    )
    select exists(select 1 from up where id = ${id}) as hit`.execute(db);
  return r.rows[0]?.hit === true;
}

export async function orgBaseCurrency(db: DbExecutor, orgId: string): Promise<string> {
  const r = await db
    .selectFrom('organizations')
    .select('base_currency')
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
  return r.base_currency.trim();
}

export async function activeUserExists(db: DbExecutor, orgId: string, userId: string): Promise<boolean> {
  const r = await db
    .selectFrom('users')
    .select('id')
    .where('org_id', '=', orgId)
    .where('id', '=', userId)
    .where('active', '=', true)
    .executeTakeFirst();
  return r !== undefined;
}
