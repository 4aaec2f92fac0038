import type { Actor, Role } from '../../contract/access.ts';
import { roleSchema } from '../../contract/access.ts';
import { AppError, forbidden, notFound } from '../../contract/errors.ts';
import type { DbExecutor } from '../../db/database.ts';
import type { Deps } from '../context.ts';
import * as repo from './auth.repository.ts';
import { dummyHash, verifyPassword } from './password.ts';
import { composeToken, parseToken, randomToken, tokenHash } from './tokens.ts';

export const SESSION_PREFIX = 'pws_';
export const API_TOKEN_PREFIX = 'pw_';
const MAX_FAILURES = 10;
const FAILURE_WINDOW_MS = 15 * 60 * 1000;
/**
 * How stale an API token's last-used time may get. Recording every use would make every request,
 * reads included, a write that waits for a WAL flush; once a minute is as precise as anyone reads it.
 */
export const TOKEN_TOUCH_INTERVAL_MS = 60 * 1000;

export interface SignedIn {
  sessionToken: string;
  csrfToken: string;
  expiresAt: Date;
  actor: Actor;
}

function buildActor(row: repo.ActorRow): Actor {
  const role: Role = roleSchema.parse(row.role);
  return {
    orgId: row.org_id,
    userId: row.id,
    role,
    teamId: row.team_id,
    partnerAccountId: row.partner_account_id,
    teamUserIds: role === 'manager' ? (row.team_user_ids ?? [row.id]) : [row.id],
    ...(role === 'agent' ? { agentPartyIds: row.agent_party_ids ?? [] } : {}),
  };
}

/** The actor of an active user, as their session would make it now; null for an unknown or deactivated user. */
export async function actorOfUser(deps: Deps, orgId: string, userId: string): Promise<Actor | null> {
  const row = await repo.findUser(deps.db, orgId, userId);
  return row?.active ? buildActor(row) : null;
}

/**
 * Email + password sign-in. Before the password is checked nothing is told apart: an unknown email,
 * a wrong password and an email with accounts in several organizations all answer
 * `invalid_credentials`, and the lock-out (ten failures in 15 minutes) counts per email, across
 * every organization and for unknown emails alike, so a 429 tells nothing either.
 *
 * One email may have an account in several organizations, each with its own password. The password
 * is checked against each (optionally only those of the named organization, by id or name); it
 * signs in to the one whose account it opens. When it opens active accounts in several, the answer
 * is `organization_ambiguous` listing just those organizations, to send again with `organization`.
 */
export async function signIn(
  deps: Deps,
  input: { email: string; password: string; organization?: string | undefined },
): Promise<SignedIn> {
  const now = deps.clock.now();
  const failures = await repo.recentFailures(deps.db, input.email, new Date(now.getTime() - FAILURE_WINDOW_MS));
  if (failures >= MAX_FAILURES) {
    throw new AppError('rate_limited', 'Too many failed sign-in attempts for this email; try again in 15 minutes');
  }
  let candidates = await repo.findUsersByEmail(deps.db, input.email);
  if (input.organization) {
    const o = input.organization.toLowerCase();
    candidates = candidates.filter((c) => c.org_id === input.organization || c.org_name.toLowerCase() === o);
  }
  const opened = await accountsOpened(candidates, input.password);
  const user = opened[0];
  if (!user) {
    await repo.recordAttempt(deps.db, input.email, now, false);
    throw new AppError('invalid_credentials', 'The email or password is not correct');
  }
  if (opened.length > 1) {
    // The password is right: only now may the answer say which organizations it opens.
    await repo.recordAttempt(deps.db, input.email, now, true);
    throw new AppError(
      'organization_ambiguous',
      'This email and password open accounts in several organizations: choose one and sign in again',
      {
        fields: [{ field: 'organization', message: 'must name one of the organizations listed' }],
        details: { organizations: opened.map((u) => ({ id: u.org_id, name: u.org_name })) },
      },
    );
  }
  await repo.recordAttempt(deps.db, input.email, now, true);
  const secret = randomToken();
  const sessionToken = composeToken(SESSION_PREFIX, user.org_id, secret);
  const csrfToken = randomToken(24);
  const expiresAt = new Date(now.getTime() + deps.sessionTtlMs);
  await repo.insertSession(deps.db, {
    orgId: user.org_id,
    tokenHash: tokenHash(deps.tokenSecret, secret),
    userId: user.id,
    csrfToken,
    createdAt: now,
    expiresAt,
  });
  return { sessionToken, csrfToken, expiresAt, actor: buildActor(user) };
}

/**
 * The active accounts among `candidates` that the password opens. Every candidate's hash is checked
 * (at the same time, so the answer takes about as long as one check), and a dummy hash when there
 * is none: an unknown email costs what a known one does.
 */
async function accountsOpened<U extends { password_hash: string | null; active: boolean }>(
  candidates: readonly U[],
  password: string,
): Promise<U[]> {
  if (candidates.length === 0) {
    await verifyPassword(await dummyHash(), password);
    return [];
  }
  const ok = await Promise.all(
    candidates.map((c) =>
      c.password_hash
        ? verifyPassword(c.password_hash, password)
        : dummyHash()
            .then((h) => verifyPassword(h, password))
            .then(() => false),
    ),
  );
  return candidates.filter((c, i) => ok[i] === true && c.active);
}

export async function signOut(deps: Deps, sessionToken: string): Promise<void> {
  const parsed = parseToken(SESSION_PREFIX, sessionToken);
  if (!parsed) return;
  await repo.deleteSession(deps.db, parsed.orgId, tokenHash(deps.tokenSecret, parsed.secret));
}

/** Resolves a session cookie to its actor and CSRF token, or null when unknown or expired. */
export async function resolveSession(
  deps: Deps,
  sessionToken: string,
): Promise<{ actor: Actor; csrfToken: string } | null> {
  const parsed = parseToken(SESSION_PREFIX, sessionToken);
  if (!parsed) return null;
  const s = await repo.findSessionActor(deps.db, parsed.orgId, tokenHash(deps.tokenSecret, parsed.secret));
  if (!s || s.expires_at.getTime() <= deps.clock.now().getTime() || !s.active) return null;
  return { actor: buildActor(s), csrfToken: s.csrf_token };
}

/**
 * Resolves a bearer API token to its actor, or null when unknown, revoked, expired or its user is
 * inactive: one read per request, plus a write of the last-used time at most once a minute.
 */
export async function resolveApiToken(deps: Deps, token: string): Promise<Actor | null> {
  const parsed = parseToken(API_TOKEN_PREFIX, token);
  if (!parsed) return null;
  const t = await repo.findApiTokenActor(deps.db, parsed.orgId, tokenHash(deps.tokenSecret, parsed.secret));
  const now = deps.clock.now();
  if (!t || t.revoked_at || (t.expires_at && t.expires_at.getTime() <= now.getTime()) || !t.active) return null;
  const staleBefore = new Date(now.getTime() - TOKEN_TOUCH_INTERVAL_MS);
  if (!t.last_used_at || t.last_used_at.getTime() <= staleBefore.getTime())
    await repo.touchApiToken(deps.db, parsed.orgId, t.token_id, now, staleBefore);
  return buildActor(t);
}

export interface ApiTokenDto {
  id: string;
  userId: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

/** Creates an API token for the actor (or, for admins, for another user). The token is shown once. */
export async function createApiToken(
  deps: Deps,
  actor: Actor,
  input: { name: string; userId?: string | undefined; expiresInDays?: number | undefined },
): Promise<{ token: string; apiToken: ApiTokenDto }> {
  const userId = input.userId ?? actor.userId;
  if (userId !== actor.userId && actor.role !== 'admin')
    throw forbidden('Only admins can create tokens for other users');
  const user = await repo.findUser(deps.db, actor.orgId, userId);
  if (!user) throw notFound('user', userId);
  const now = deps.clock.now();
  const id = deps.ids.id();
  const secret = randomToken();
  const expiresAt = input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null;
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertApiToken(trx, {
      orgId: actor.orgId,
      id,
      userId,
      name: input.name,
      tokenHash: tokenHash(deps.tokenSecret, secret),
      createdAt: now,
      expiresAt,
    });
    await deps.eventLog.append(trx, actor, [
      {
        entityType: 'api_token',
        entityId: id,
        type: 'api_token.created',
        data: { after: { name: input.name, userId, expiresAt } },
      },
    ]);
  });
  deps.sealer.schedule(actor.orgId);
  return {
    token: composeToken(API_TOKEN_PREFIX, actor.orgId, secret),
    apiToken: {
      id,
      userId,
      name: input.name,
      createdAt: now.toISOString(),
      lastUsedAt: null,
      expiresAt: expiresAt?.toISOString() ?? null,
      revokedAt: null,
    },
  };
}

export async function listApiTokens(deps: Deps, actor: Actor): Promise<ApiTokenDto[]> {
  const rows = await repo.listApiTokens(deps.db, actor.orgId, actor.role === 'admin' ? null : actor.userId);
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    name: r.name,
    createdAt: r.created_at.toISOString(),
    lastUsedAt: r.last_used_at?.toISOString() ?? null,
    expiresAt: r.expires_at?.toISOString() ?? null,
    revokedAt: r.revoked_at?.toISOString() ?? null,
  }));
}

export async function revokeApiToken(deps: Deps, actor: Actor, id: string): Promise<void> {
  const t = await repo.getApiToken(deps.db, actor.orgId, id);
  if (!t || (t.user_id !== actor.userId && actor.role !== 'admin')) throw notFound('api token', id);
  if (t.revoked_at) return;
  await deps.db.transaction().execute(async (trx) => {
    await repo.revokeApiToken(trx, actor.orgId, id, deps.clock.now());
    await deps.eventLog.append(trx, actor, [
      { entityType: 'api_token', entityId: id, type: 'api_token.revoked', data: {} },
    ]);
  });
  deps.sealer.schedule(actor.orgId);
}

/** The instance's token-hash secret: from configuration, else generated once and kept in the database. */
export async function ensureTokenSecret(db: Deps['db'], configured: string | undefined): Promise<string> {
  if (configured) return configured;
  const existing = await repo.getSetting(db, 'token_secret');
  if (existing) return existing;
  return repo.putSettingIfAbsent(db, 'token_secret', randomToken(48));
}

/** The actor for a user, as a request signed in as that user would get (CLI, seeding, tests). */
export async function actorForUser(deps: Deps, orgId: string, userId: string): Promise<Actor> {
  const user = await repo.findUser(deps.db, orgId, userId);
  if (!user) throw notFound('user', userId);
  return buildActor(user);
}

/** Ends every session of a user (after a password change or a deactivation). */
export async function endSessionsOf(db: DbExecutor, orgId: string, userId: string): Promise<void> {
  await repo.deleteUserSessions(db, orgId, userId);
}
