import { sql, type Selectable, type SqlBool } from 'kysely';
import type { DbExecutor } from '../../db/database.ts';
import { updateVersioned } from '../../db/versioned.ts';
import { scopeCondition } from '../../db/scope.ts';
import { afterCursor, likePattern } from '../../db/list.ts';
import type { TeamsTable, UsersTable } from '../../db/schema.ts';
import type { ListUsersQuery } from '../../contract/users.ts';
import type { UserDirectoryScope } from '../../contract/access.ts';

export type UserRow = Selectable<UsersTable>;
export type TeamRow = Selectable<TeamsTable>;

const user = (db: DbExecutor, orgId: string, id: string) =>
  db.selectFrom('users').selectAll().where('org_id', '=', orgId).where('id', '=', id);

export async function getUser(
  db: DbExecutor,
  orgId: string,
  id: string,
  directory: UserDirectoryScope = { kind: 'all' },
): Promise<UserRow | undefined> {
  return inDirectory(user(db, orgId, id), orgId, directory).executeTakeFirst();
}

type UserQuery = ReturnType<typeof user>;

const partnerDeals = (partnerAccountId: string) =>
  scopeCondition(
    { kind: 'partner', partnerAccountId, asDistributor: true },
    'deals.owner_id',
    'deals.partner_account_id',
  ) ?? sql<SqlBool>`false`;

/** Limits a users query to a directory scope: a partner's own users and the owners of the deals it reads. */
function inDirectory(b: UserQuery, orgId: string, directory: UserDirectoryScope): UserQuery {
  if (directory.kind === 'all') return b;
  return b.where((eb) =>
    eb.or([
      eb('users.id', '=', directory.userId),
      eb('users.partner_account_id', '=', directory.partnerAccountId),
      eb(
        'users.id',
        'in',
        eb
          .selectFrom('deals')
          .select('deals.owner_id')
          .where('deals.org_id', '=', orgId)
          // The deals the partner reads: its own and, as a distributor, its resellers' through it.
          .where(partnerDeals(directory.partnerAccountId))
          .where('deals.deleted_at', 'is', null)
          .where('deals.owner_id', 'is not', null)
          .$narrowType<{ owner_id: string }>(),
      ),
    ]),
  );
}

/** As `getUser`, locking the row until the transaction ends: concurrent changes of it queue behind this one. */
export async function lockUser(db: DbExecutor, orgId: string, id: string): Promise<UserRow | undefined> {
  return user(db, orgId, id).forNoKeyUpdate().executeTakeFirst();
}

export async function getUsers(db: DbExecutor, orgId: string, ids: readonly string[]): Promise<UserRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('users').selectAll().where('org_id', '=', orgId).where('id', 'in', ids).execute();
}

export async function findUserByEmail(db: DbExecutor, orgId: string, email: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('org_id', '=', orgId)
    .where(sql`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
}

export async function insertUser(db: DbExecutor, row: Omit<UserRow, 'version'>): Promise<UserRow> {
  return db.insertInto('users').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Updates when the version still matches; otherwise throws 409 with the current version (or 404), see `updateVersioned`. */
export async function updateUser(
  db: DbExecutor,
  orgId: string,
  id: string,
  version: number,
  patch: Partial<UserRow>,
): Promise<UserRow> {
  return updateVersioned(db, 'users', { orgId, id, version }, patch);
}

export async function listUsers(
  db: DbExecutor,
  orgId: string,
  q: ListUsersQuery,
  directory: UserDirectoryScope = { kind: 'all' },
): Promise<UserRow[]> {
  const sortCol = q.sort === 'name' ? 'name' : q.sort === 'email' ? 'email' : 'created_at';
  let b = inDirectory(db.selectFrom('users').selectAll().where('org_id', '=', orgId), orgId, directory);
  if (q.role) b = b.where('role', '=', q.role);
  if (q.teamId) b = b.where('team_id', '=', q.teamId);
  if (q.active) b = b.where('active', '=', q.active === 'true');
  if (q.q) {
    const pat = likePattern(q.q);
    b = b.where((eb) => eb.or([eb('name', 'ilike', pat), eb('email', 'ilike', pat)]));
  }
  if (q.cursor) b = b.where(afterCursor(sortCol, 'id', q.order, q.cursor));
  return b
    .orderBy(sortCol, q.order)
    .orderBy('id', q.order)
    .limit(q.limit + 1)
    .execute();
}

const liveTeam = (db: DbExecutor, orgId: string, id: string) =>
  db.selectFrom('teams').selectAll().where('org_id', '=', orgId).where('id', '=', id).where('deleted_at', 'is', null);

export async function getTeam(db: DbExecutor, orgId: string, id: string): Promise<TeamRow | undefined> {
  return liveTeam(db, orgId, id).executeTakeFirst();
}

/** As `getTeam`, locking the row until the transaction ends: concurrent changes of it queue behind this one. */
export async function lockTeam(db: DbExecutor, orgId: string, id: string): Promise<TeamRow | undefined> {
  return liveTeam(db, orgId, id).forNoKeyUpdate().executeTakeFirst();
}

export async function listTeams(db: DbExecutor, orgId: string): Promise<TeamRow[]> {
  return db
    .selectFrom('teams')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('deleted_at', 'is', null)
    .orderBy('name')
    .limit(1000)
    .execute();
}

export async function insertTeam(db: DbExecutor, row: Omit<TeamRow, 'version'>): Promise<TeamRow> {
  return db.insertInto('teams').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Updates when the version still matches; otherwise throws 409 with the current version (or 404), see `updateVersioned`. */
export async function updateTeam(
  db: DbExecutor,
  orgId: string,
  id: string,
  version: number,
  patch: Partial<TeamRow>,
): Promise<TeamRow> {
  return updateVersioned(db, 'teams', { orgId, id, version }, patch);
}

export async function countTeamMembers(db: DbExecutor, orgId: string, teamId: string): Promise<number> {
  const r = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId)
    .where('team_id', '=', teamId)
    .where('active', '=', true)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

export async function getOrganization(db: DbExecutor, id: string) {
  return db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findOrganizations(db: DbExecutor) {
  return db.selectFrom('organizations').selectAll().orderBy('created_at').limit(1000).execute();
}

export async function insertOrganization(
  db: DbExecutor,
  row: {
    id: string;
    name: string;
    base_currency: string;
    timezone: string;
    fiscal_year_start_month: number;
    created_at: Date;
    updated_at: Date;
  },
) {
  await db.insertInto('organizations').values(row).execute();
}

/** Serialises organization creation (unique names, first-run set-up) for the rest of the transaction. */
export async function lockOrganizationCreation(db: DbExecutor): Promise<void> {
  await sql`select pg_advisory_xact_lock(7277002)`.execute(db);
}

export async function findOrganizationByName(db: DbExecutor, name: string) {
  return db
    .selectFrom('organizations')
    .select('id')
    .where(sql`lower(name)`, '=', name.toLowerCase())
    .executeTakeFirst();
}
