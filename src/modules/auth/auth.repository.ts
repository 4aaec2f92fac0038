import { sql } from 'kysely';
import type { DbExecutor } from '../../db/database.ts';
import { preparedQuery } from '../../db/prepared.ts';

/** What an actor is built from: the user, and for a manager the users they oversee. */
export interface ActorRow {
  org_id: string;
  id: string;
  role: string;
  team_id: string | null;
  partner_account_id: string | null;
  active: boolean;
  /** A manager's team and direct reports, the manager included; null for other roles. */
  team_user_ids: string[] | null;
  /** An agent's parties: its own, its firm, and a firm's people; null for other roles. */
  agent_party_ids: string[] | null;
}

export interface AuthUserRow extends ActorRow {
  email: string;
  name: string;
  password_hash: string | null;
}

const actorCols = ['u.org_id', 'u.id', 'u.role', 'u.team_id', 'u.partner_account_id', 'u.active'] as const;
const userCols = [...actorCols, 'u.email', 'u.name', 'u.password_hash'] as const;

/**
 * The users a manager (`u`) oversees: themselves, their own team, the teams they manage, and
 * everyone who reports to them directly or through other managers (a sales director sees the
 * whole organization below them). Computed in the statement that loads the user, so resolving an
 * actor is one round trip whatever the role.
 */
const teamUserIds = sql<string[] | null>`case when u.role = 'manager' then array(
  with recursive oversees(id) as (
    select m.id from users m
    where m.org_id = u.org_id
      and (m.id = u.id or m.manager_id = u.id or m.team_id = u.team_id
        or m.team_id in (select t.id from teams t where t.org_id = u.org_id and t.manager_id = u.id and t.deleted_at is null))
    union
    select r.id from users r join oversees o on r.manager_id = o.id where r.org_id = u.org_id
  )
  select id::text from oversees
) end`;

/**
 * The agent parties a user with the agent role acts for: its own party, the firm that party works
 * for, and when the party is a firm, its people; its own party first. In the statement that loads
 * the user, as above.
 */
const agentPartyIds = sql<string[] | null>`case when u.role = 'agent' and u.agent_party_id is not null then array(
  select p.id::text from agent_parties p
  where p.org_id = u.org_id
    and (p.id = u.agent_party_id or p.firm_id = u.agent_party_id
      or p.id = (select q.firm_id from agent_parties q where q.org_id = u.org_id and q.id = u.agent_party_id))
  order by p.id = u.agent_party_id desc, p.id
) end`;

export async function findUsersByEmail(db: DbExecutor, email: string): Promise<(AuthUserRow & { org_name: string })[]> {
  return db
    .selectFrom('users as u')
    .innerJoin('organizations as o', 'o.id', 'u.org_id')
    .select(userCols)
    .select(teamUserIds.as('team_user_ids'))
    .select(agentPartyIds.as('agent_party_ids'))
    .select('o.name as org_name')
    .where(sql`lower(u.email)`, '=', email.toLowerCase())
    .execute();
}

export async function findUser(db: DbExecutor, orgId: string, userId: string): Promise<AuthUserRow | undefined> {
  return db
    .selectFrom('users as u')
    .select(userCols)
    .select(teamUserIds.as('team_user_ids'))
    .select(agentPartyIds.as('agent_party_ids'))
    .where('u.org_id', '=', orgId)
    .where('u.id', '=', userId)
    .executeTakeFirst();
}

export async function insertSession(
  db: DbExecutor,
  s: { orgId: string; tokenHash: string; userId: string; csrfToken: string; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      org_id: s.orgId,
      token_hash: s.tokenHash,
      user_id: s.userId,
      csrf_token: s.csrfToken,
      created_at: s.createdAt,
      expires_at: s.expiresAt,
    })
    .execute();
}

const sessionActor = preparedQuery((db, { orgId, tokenHash }: { orgId: string; tokenHash: string }) =>
  db
    .selectFrom('sessions as s')
    .innerJoin('users as u', (j) => j.onRef('u.org_id', '=', 's.org_id').onRef('u.id', '=', 's.user_id'))
    .select(['s.csrf_token', 's.expires_at', ...actorCols])
    .select(teamUserIds.as('team_user_ids'))
    .select(agentPartyIds.as('agent_party_ids'))
    .where('s.org_id', '=', orgId)
    .where('s.token_hash', '=', tokenHash),
);

/** A session with the actor it signs in, in one statement (every cookie-authenticated request runs it). */
export async function findSessionActor(
  db: DbExecutor,
  orgId: string,
  tokenHash: string,
): Promise<(ActorRow & { csrf_token: string; expires_at: Date }) | undefined> {
  const [row] = await sessionActor(db, { orgId, tokenHash });
  return row;
}

export async function deleteSession(db: DbExecutor, orgId: string, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('org_id', '=', orgId).where('token_hash', '=', tokenHash).execute();
}

export async function deleteUserSessions(db: DbExecutor, orgId: string, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('org_id', '=', orgId).where('user_id', '=', userId).execute();
}

const apiTokenActor = preparedQuery((db, { orgId, tokenHash }: { orgId: string; tokenHash: string }) =>
  db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', (j) => j.onRef('u.org_id', '=', 't.org_id').onRef('u.id', '=', 't.user_id'))
    .select(['t.id as token_id', 't.expires_at', 't.revoked_at', 't.last_used_at', ...actorCols])
    .select(teamUserIds.as('team_user_ids'))
    .select(agentPartyIds.as('agent_party_ids'))
    .where('t.org_id', '=', orgId)
    .where('t.token_hash', '=', tokenHash),
);

/** An API token with the actor it signs in, in one statement (every token-authenticated request runs it). */
export async function findApiTokenActor(
  db: DbExecutor,
  orgId: string,
  tokenHash: string,
): Promise<
  | (ActorRow & { token_id: string; expires_at: Date | null; revoked_at: Date | null; last_used_at: Date | null })
  | undefined
> {
  const [row] = await apiTokenActor(db, { orgId, tokenHash });
  return row;
}

/** Records a use of the token unless a use after `staleBefore` is already recorded. */
export async function touchApiToken(
  db: DbExecutor,
  orgId: string,
  id: string,
  at: Date,
  staleBefore: Date,
): Promise<void> {
  await db
    .updateTable('api_tokens')
    .set({ last_used_at: at })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<=', staleBefore)]))
    .execute();
}

export async function insertApiToken(
  db: DbExecutor,
  t: {
    orgId: string;
    id: string;
    userId: string;
    name: string;
    tokenHash: string;
    createdAt: Date;
    expiresAt: Date | null;
  },
): Promise<void> {
  await db
    .insertInto('api_tokens')
    .values({
      org_id: t.orgId,
      id: t.id,
      user_id: t.userId,
      name: t.name,
      token_hash: t.tokenHash,
      created_at: t.createdAt,
      expires_at: t.expiresAt,
    })
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
  return db
    .selectFrom('api_tokens')
    .select(['id', 'user_id', 'revoked_at'])
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
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
    await db
      .deleteFrom('login_attempts')
      .where(sql`lower(email)`, '=', email.toLowerCase())
      .execute();
    return;
  }
  await db
    .insertInto('login_attempts')
    .values({ email: email.toLowerCase(), attempted_at: at, succeeded: false })
    .execute();
  await db
    .deleteFrom('login_attempts')
    .where(sql`lower(email)`, '=', email.toLowerCase())
    .where('attempted_at', '<', new Date(at.getTime() - 86_400_000))
    .execute();
}

export async function getSetting(db: DbExecutor, key: string): Promise<string | undefined> {
  const r = await db.selectFrom('instance_settings').select('value').where('key', '=', key).executeTakeFirst();
  return r?.value;
}

export async function putSettingIfAbsent(db: DbExecutor, key: string, value: string): Promise<string> {
  await db
    .insertInto('instance_settings')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const v = await getSetting(db, key);
  return v ?? value;
}
