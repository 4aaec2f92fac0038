import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, type Api } from './helpers/api.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg, createTestUser, TEST_PASSWORD } from './helpers/factories.ts';

let deps: TestDeps;
let api: Api;
beforeAll(async () => {
  deps = await createTestDeps();
  api = await createApi(deps);
});
afterAll(async () => {
  await api.close();
  await deps.cleanup();
});

describe('users', () => {
  it('asks for the current password before changing one’s own, then ends the old sessions', async () => {
    const org = await createTestOrg(deps);
    const rep = await createTestUser(deps, org.admin, 'rep', { password: TEST_PASSWORD });
    const signIn = await api.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: rep.email, password: TEST_PASSWORD },
    });
    const cookie = String(signIn.headers['set-cookie']).split(';')[0] ?? '';
    const csrf = signIn.json<{ csrfToken: string }>().csrfToken;
    const headers = { cookie, 'x-csrf-token': csrf, 'if-match': '*' };
    const url = `/api/v1/users/${rep.userId}`;

    const missing = await api.inject({
      method: 'PATCH',
      url,
      headers,
      payload: { password: 'a brand new password' },
    });
    expect(missing.statusCode).toBe(422);
    expect(missing.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['currentPassword']);
    const wrong = await api.inject({
      method: 'PATCH',
      url,
      headers,
      payload: { password: 'a brand new password', currentPassword: 'not it' },
    });
    expect(wrong.statusCode).toBe(422);
    const roleChange = await api.inject({ method: 'PATCH', url, headers, payload: { role: 'admin' } });
    expect(roleChange.statusCode).toBe(403);

    const ok = await api.inject({
      method: 'PATCH',
      url,
      headers,
      payload: { password: 'a brand new password', currentPassword: TEST_PASSWORD },
    });
    expect(ok.statusCode).toBe(200);
    expect((await api.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie } })).statusCode).toBe(
      401,
    );
    const again = await api.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: rep.email, password: 'a brand new password' },
    });
    expect(again.statusCode).toBe(200);
  });

  it('lets an admin reset a password and deactivate a user, who can then no longer sign in', async () => {
    const org = await createTestOrg(deps);
    const rep = await createTestUser(deps, org.admin, 'rep', { password: TEST_PASSWORD });
    const reset = await api.as(org.admin, {
      method: 'PATCH',
      url: `/api/v1/users/${rep.userId}`,
      headers: { 'if-match': '1' },
      payload: { password: 'reset by the admin' },
    });
    expect(reset.statusCode).toBe(200);
    const off = await api.as(org.admin, {
      method: 'PATCH',
      url: `/api/v1/users/${rep.userId}`,
      headers: { 'if-match': '2' },
      payload: { active: false },
    });
    expect(off.statusCode).toBe(200);
    const signIn = await api.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: rep.email, password: 'reset by the admin' },
    });
    expect(signIn.statusCode).toBe(401);
  });
});
