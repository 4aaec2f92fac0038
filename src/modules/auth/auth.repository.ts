import { sql } from 'kysely';
import type { DbExecutor } from '../../db/database.ts';

export interface AuthUserRow {
  org_id: string;
  id: string;
  email: string;
  name: string;
  role: string;
  team_id: string | null;
  partner_account_id: string | null;
  active: boolean;
  password_hash: string | null;
}

const userCols = ['org_id', 'id', 'email', 'name', 'role', 'team_id', 'partner_account_id', 'active', 'password_hash'] as const;

export async function findUsersByEmail(db: DbExecutor, email: string): Promise<(AuthUserRow & { org_name: string })[]> {
  return db
    .selectFrom('users as u')
    .innerJoin('organizations as o', 'o.id', 'u.org_id')
    .select(userCols.map((c) => `u.${c}` as const))
    .select('o.name as org_name')
    .where(sql`lower(u.email)`, '=', email.toLowerCase())
    .execute();
}

export async function findUser(db: DbExecutor, orgId: string, userId: string): Promise<AuthUserRow | undefined> {
  return db.selectFrom('users').select(userCols).where('org_id', '=', orgId).where('id', '=', userId).executeTakeFirst();
}

export async function teamUserIds(db: DbExecutor, orgId: string, userId: string, teamId: string | null): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('org_id', '=', orgId)
    .where((eb) => {
      const ors = [eb('id', '=', userId), eb('manager_id', '=', userId)];
      if (teamId) ors.push(eb('team_id', '=', teamId));
      return eb.or(ors);
    })
    .execute();
  return rows.map((r) => r.id);
}

export async function insertSession(db: DbExecutor, s: { orgId: string; tokenHash: string; userId: string; csrfToken: string; createdAt: Date; expiresAt: Date }): Promise<void> {
  await db
    .insertInto('sessions')
    .values({ org_id: s.orgId, token_hash: s.tokenHash, user_id: s.userId, csrf_token: s.csrfToken, created_at: s.createdAt, expires_at: s.expiresAt })
    .execute();
}

export async function findSession(db: DbExecutor, orgId: string, tokenHash: string) {
  return db
    .selectFrom('sessions')
    .select(['user_id', 'csrf_token', 'expires_at'])
    .where('org_id', '=', orgId)
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function deleteSession(db: DbExecutor, orgId: string, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('org_id', '=', orgId).where('token_hash', '=', tokenHash).execute();
}

export async function deleteUserSessions(db: DbExecutor, orgId: string, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('org_id', '=', orgId).where('user_id', '=', userId).execute();
}

export async function findApiToken(db: DbExecutor, orgId: string, tokenHash: string) {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'user_id', 'expires_at', 'revoked_at'])
    .where('org_id', '=', orgId)
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function touchApiToken(db: DbExecutor, orgId: string, id: string, at: Date): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: at }).where('org_id', '=', orgId).where('id', '=', id).execute();
}

export async function insertApiToken(db: DbExecutor, t: { orgId: string; id: string; userId: string; name: string; tokenHash: string; createdAt: Date; expiresAt: Date | null }): Promise<void> {
  await db
    .insertInto('api_tokens')
    .values({ org_id: t.orgId, id: t.id, user_id: t.userId, name: t.name, token_hash: t.tokenHash, created_at: t.createdAt, expires_at: t.expiresAt })
    .execute();
}

export async function listApiTokens(db: DbExecutor, orgId: string, userId: string | null) {
  let q = db
    .selectFrom('api_tokens')
    .select(['id', 'user_id', 'name', 'created_at', 'last_used_at', 'expires_at', 'revoked_at'])
    .where('org_id', '=', orgId);
  if (userId) q = q.where('user_id', '=', userId);
  return q.orderBy('created_at', 'desc').limit(500).execute();
}

export async function getApiToken(db: DbExecutor, orgId: string, id: string) {
  return db.selectFrom('api_tokens').select(['id', 'user_id', 'revoked_at']).where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

export async function revokeApiToken(db: DbExecutor, orgId: string, id: string, at: Date): Promise<void> {
  await db.updateTable('api_tokens').set({ revoked_at: at }).where('org_id', '=', orgId).where('id', '=', id).execute();
}

export async function recentFailures(db: DbExecutor, email: string, since: Date): Promise<number> {
  const r = await db
    .selectFrom('login_attempts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(sql`lower(email)`, '=', email.toLowerCase())
    .where('attempted_at', '>=', since)
    .where('succeeded', '=', false)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/**
 * Failed attempts count towards the lock-out; a success clears them. Successes are not kept (the
 * table would only grow), and failures older than a day are pruned as new ones arrive.
 */
export async function recordAttempt(db: DbExecutor, email: string, at: Date, succeeded: boolean): Promise<void> {
  if (succeeded) {
    await db.deleteFrom('login_attempts').where(sql`lower(email)`, '=', email.toLowerCase()).execute();
    return;
  }
  await db.insertInto('login_attempts').values({ email: email.toLowerCase(), attempted_at: at, succeeded: false }).execute();
  await db.deleteFrom('login_attempts').where(sql`lower(email)`, '=', email.toLowerCase()).where('attempted_at', '<', new Date(at.getTime() - 86_400_000)).execute();
}

export async function getSetting(db: DbExecutor, key: string): Promise<string | undefined> {
  const r = await db.selectFrom('instance_settings').select('value').where('key', '=', key).executeTakeFirst();
  return r?.value;
}

export async function putSettingIfAbsent(db: DbExecutor, key: string, value: string): Promise<string> {
  await db.insertInto('instance_settings').values({ key, value }).onConflict((oc) => oc.column('key').doNothing()).execute();
  const v = await getSetting(db, key);
  return v ?? value;
}
