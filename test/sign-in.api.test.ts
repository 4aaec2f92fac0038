import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, updateUser } from '../src/modules/users/users.service.ts';
import { createApi, type Api } from './helpers/api.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg, type TestOrg } from './helpers/factories.ts';

let deps: TestDeps;
let api: Api;
let a: TestOrg;
let b: TestOrg;
let c: TestOrg;

beforeAll(async () => {
  deps = await createTestDeps();
  api = await createApi(deps);
  [a, b, c] = [await createTestOrg(deps), await createTestOrg(deps), await createTestOrg(deps)];
});
afterAll(async () => {
  await api.close();
  await deps.cleanup();
});

const uniqEmail = () => `person-${randomBytes(4).toString('hex')}@example.test`;

/** The same person (one email) with an account in each of the given organizations, each with its password. */
async function person(accounts: [TestOrg, string][]): Promise<{ email: string; ids: string[] }> {
  const email = uniqEmail();
  const ids: string[] = [];
  for (const [org, password] of accounts)
    ids.push((await createUser(deps, org.admin, { email, name: 'Pat', role: 'rep', password })).id);
  return { email, ids };
}

const signIn = (payload: Record<string, string>) =>
  api.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload });

/** What a stranger learns from an answer: everything but the echo of the request's own URL. */
const seen = (res: { statusCode: number; headers: Record<string, unknown>; body: string }) => {
  const { instance: _instance, ...body } = JSON.parse(res.body) as Record<string, unknown>;
  return { status: res.statusCode, type: res.headers['content-type'], cookie: res.headers['set-cookie'], body };
};

describe('sign-in before authentication', () => {
  it('answers a wrong password for an email in several organizations exactly as for an unknown email', async () => {
    const { email } = await person([
      [a, 'password of a 1234'],
      [b, 'password of b 1234'],
    ]);
    const unknown = seen(await signIn({ email: uniqEmail(), password: 'a wrong password' }));
    expect(unknown).toMatchObject({ status: 401, body: { code: 'invalid_credentials' } });
    expect(seen(await signIn({ email, password: 'a wrong password' }))).toEqual(unknown);
    expect(seen(await signIn({ email, password: 'a wrong password', organization: a.orgId }))).toEqual(unknown);
    // Naming an organization the email has no account in is no different either.
    expect(seen(await signIn({ email, password: 'password of a 1234', organization: c.orgId }))).toEqual(unknown);
  });
});

describe('sign-in of a person with accounts in several organizations', () => {
  it('signs in to the one organization whose account the password opens', async () => {
    const { email } = await person([
      [a, 'password of a 1234'],
      [b, 'password of b 1234'],
    ]);
    const res = await signIn({ email, password: 'password of b 1234' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ organizationId: b.orgId, user: { email } });
  });

  it('asks to choose among the organizations the password opens, and only those, then signs in to the choice', async () => {
    const { email } = await person([
      [a, 'shared password 1234'],
      [b, 'another password 1234'],
      [c, 'shared password 1234'],
    ]);
    const ask = await signIn({ email, password: 'shared password 1234' });
    expect(ask.statusCode, ask.body).toBe(400);
    expect(ask.headers['set-cookie']).toBeUndefined();
    const problem = ask.json<{ code: string; organizations: { id: string; name: string }[] }>();
    expect(problem.code).toBe('organization_ambiguous');
    expect(problem.organizations.map((o) => o.id).sort()).toEqual([a.orgId, c.orgId].sort());

    const chosen = await signIn({ email, password: 'shared password 1234', organization: c.orgId });
    expect(chosen.statusCode, chosen.body).toBe(200);
    expect(chosen.json()).toMatchObject({ organizationId: c.orgId });
    const byName = problem.organizations.find((o) => o.id === a.orgId)?.name ?? '';
    const named = await signIn({ email, password: 'shared password 1234', organization: byName.toUpperCase() });
    expect(named.json()).toMatchObject({ organizationId: a.orgId });
  });

  it('leaves a deactivated account out', async () => {
    const { email, ids } = await person([
      [a, 'shared password 1234'],
      [b, 'shared password 1234'],
    ]);
    await updateUser(deps, b.admin, ids[1] ?? '', '*', { active: false });
    const res = await signIn({ email, password: 'shared password 1234' });
    expect(res.json()).toMatchObject({ organizationId: a.orgId });
  });
});

describe('the lock-out', () => {
  it('counts failures per email across all organizations, for unknown emails alike', async () => {
    const { email } = await person([
      [a, 'password of a 1234'],
      [b, 'password of b 1234'],
    ]);
    const stranger = uniqEmail();
    for (let i = 0; i < 10; i++) {
      // Failures against either organization count towards the one lock of the email.
      const organization = i % 2 ? a.orgId : b.orgId;
      expect((await signIn({ email, password: `nope ${i}`, organization })).statusCode).toBe(401);
      expect((await signIn({ email: stranger, password: `nope ${i}` })).statusCode).toBe(401);
    }
    const locked = seen(await signIn({ email, password: 'password of a 1234', organization: a.orgId }));
    expect(locked).toMatchObject({ status: 429, body: { code: 'rate_limited' } });
    expect(seen(await signIn({ email: stranger, password: 'whatever it is' }))).toEqual(locked);
  });
});
