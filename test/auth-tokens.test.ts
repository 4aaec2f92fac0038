import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/domain/deps.ts';
import {
  actorForUser,
  createApiToken,
  listApiTokens,
  resolveApiToken,
  resolveSession,
  revokeApiToken,
  signIn,
  TOKEN_TOUCH_INTERVAL_MS,
} from '../src/modules/auth/auth.service.ts';
import { updateUser } from '../src/modules/users/users.service.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg, createTestTeam, createTestUser, TEST_PASSWORD, type TestOrg } from './helpers/factories.ts';

const clock = new ManualClock('2026-01-05T09:00:00.000Z');
let deps: TestDeps;
let org: TestOrg;

beforeAll(async () => {
  deps = await createTestDeps({ clock });
  org = await createTestOrg(deps);
});
afterAll(async () => deps.cleanup());
beforeEach(() => clock.set('2026-01-05T09:00:00.000Z'));

async function lastUsedAt(tokenId: string): Promise<string | null> {
  const t = (await listApiTokens(deps, org.admin)).find((x) => x.id === tokenId);
  return t?.lastUsedAt ?? null;
}

describe('API token resolution', () => {
  it('records the last use at most once a minute', async () => {
    const { token, apiToken } = await createApiToken(deps, org.admin, { name: 'throttle' });
    expect(await lastUsedAt(apiToken.id)).toBeNull();

    expect((await resolveApiToken(deps, token))?.userId).toBe(org.admin.userId);
    expect(await lastUsedAt(apiToken.id)).toBe('2026-01-05T09:00:00.000Z');

    clock.advance(TOKEN_TOUCH_INTERVAL_MS - 1);
    expect(await resolveApiToken(deps, token)).not.toBeNull();
    expect(await lastUsedAt(apiToken.id)).toBe('2026-01-05T09:00:00.000Z');

    clock.advance(1);
    expect(await resolveApiToken(deps, token)).not.toBeNull();
    expect(await lastUsedAt(apiToken.id)).toBe('2026-01-05T09:01:00.000Z');
  });

  it('refuses revoked and expired tokens and tokens of inactive users, on the next request', async () => {
    const revoked = await createApiToken(deps, org.admin, { name: 'revoked' });
    expect(await resolveApiToken(deps, revoked.token)).not.toBeNull();
    await revokeApiToken(deps, org.admin, revoked.apiToken.id);
    expect(await resolveApiToken(deps, revoked.token)).toBeNull();

    const expiring = await createApiToken(deps, org.admin, { name: 'expiring', expiresInDays: 1 });
    expect(await resolveApiToken(deps, expiring.token)).not.toBeNull();
    clock.advance(86_400_000);
    expect(await resolveApiToken(deps, expiring.token)).toBeNull();

    const rep = await createTestUser(deps, org.admin, 'rep');
    const repToken = await createApiToken(deps, rep, { name: 'rep' });
    expect(await resolveApiToken(deps, repToken.token)).toMatchObject({
      userId: rep.userId,
      role: 'rep',
      teamUserIds: [rep.userId],
    });
    await updateUser(deps, org.admin, rep.userId, '*', { active: false });
    expect(await resolveApiToken(deps, repToken.token)).toBeNull();

    expect(await resolveApiToken(deps, `${revoked.token}x`)).toBeNull();
    expect(await resolveApiToken(deps, 'pw_not-a-token')).toBeNull();
  });

  it('gives a manager their team and direct reports, as they are at the time of the request', async () => {
    const team = await createTestTeam(deps, org.admin);
    const manager = await createTestUser(deps, org.admin, 'manager', { teamId: team.id });
    const member = await createTestUser(deps, org.admin, 'rep', { teamId: team.id });
    const report = await createTestUser(deps, org.admin, 'rep', { managerId: manager.userId });
    const outsider = await createTestUser(deps, org.admin, 'rep');
    const { token } = await createApiToken(deps, manager, { name: 'manager' });

    const actor = await resolveApiToken(deps, token);
    expect([...(actor?.teamUserIds ?? [])].sort()).toEqual([manager.userId, member.userId, report.userId].sort());
    expect([...(await actorForUser(deps, org.orgId, manager.userId)).teamUserIds].sort()).toEqual(
      [manager.userId, member.userId, report.userId].sort(),
    );

    await updateUser(deps, org.admin, outsider.userId, '*', { managerId: manager.userId });
    expect((await resolveApiToken(deps, token))?.teamUserIds).toContain(outsider.userId);
  });
});

describe('session resolution', () => {
  it('resolves a session to its actor and CSRF token until it expires', async () => {
    const signedIn = await signIn(deps, { email: org.adminEmail, password: TEST_PASSWORD });
    const s = await resolveSession(deps, signedIn.sessionToken);
    expect(s).toEqual({ actor: org.admin, csrfToken: signedIn.csrfToken });
    clock.set(signedIn.expiresAt);
    expect(await resolveSession(deps, signedIn.sessionToken)).toBeNull();
  });
});
