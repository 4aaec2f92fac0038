import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, type Api } from './helpers/api.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg, TEST_PASSWORD, type TestOrg } from './helpers/factories.ts';

let deps: TestDeps;
let api: Api;
let org: TestOrg;

beforeAll(async () => {
  deps = await createTestDeps();
  api = await createApi(deps);
  org = await createTestOrg(deps);
});
afterAll(async () => {
  await api.close();
  await deps.cleanup();
});

describe('accounts over HTTP', () => {
  it('creates, reads, updates with If-Match and refuses a stale version with 409', async () => {
    const created = await api.as(org.admin, {
      method: 'POST',
      url: '/api/v1/accounts',
      payload: { name: 'Acme GmbH', domain: 'Acme.example', annualRevenue: '1250000.50', type: 'customer' },
    });
    expect(created.statusCode).toBe(201);
    const acc = created.json<{
      id: string;
      version: number;
      domain: string;
      revenueCurrency: string;
      annualRevenue: string;
    }>();
    expect(acc).toMatchObject({
      version: 1,
      domain: 'acme.example',
      revenueCurrency: 'USD',
      annualRevenue: '1250000.50',
    });

    const updated = await api.as(org.admin, {
      method: 'PATCH',
      url: `/api/v1/accounts/${acc.id}`,
      headers: { 'if-match': '1' },
      payload: { industry: 'Manufacturing' },
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ version: 2, industry: 'Manufacturing' });

    const stale = await api.as(org.admin, {
      method: 'PATCH',
      url: `/api/v1/accounts/${acc.id}`,
      headers: { 'if-match': '1' },
      payload: { industry: 'Retail' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(stale.json()).toMatchObject({ code: 'version_conflict', currentVersion: 2, sentVersion: 1 });

    const missing = await api.as(org.admin, {
      method: 'PATCH',
      url: `/api/v1/accounts/${acc.id}`,
      payload: { industry: 'Retail' },
    });
    expect(missing.statusCode).toBe(428);

    const got = await api.as(org.admin, { method: 'GET', url: `/api/v1/accounts/${acc.id}` });
    expect(got.json()).toMatchObject({ industry: 'Manufacturing', version: 2 });
  });

  it('answers bad input with problem+json naming every bad field, and writes nothing', async () => {
    const before = await api.as(org.admin, { method: 'GET', url: '/api/v1/accounts?limit=200' });
    const count = before.json<{ items: unknown[] }>().items.length;

    const wrongTypes = await api.as(org.admin, {
      method: 'POST',
      url: '/api/v1/accounts',
      payload: { name: '', employees: 'many', annualRevenue: 12.5, domain: 'not a domain' },
    });
    expect(wrongTypes.statusCode).toBe(422);
    const fields = wrongTypes
      .json<{ errors: { field: string }[] }>()
      .errors.map((e) => e.field)
      .sort();
    expect(fields).toEqual(['annualRevenue', 'domain', 'employees', 'name']);

    const unknown = await api.as(org.admin, {
      method: 'POST',
      url: '/api/v1/accounts',
      payload: { name: 'X', colour: 'red' },
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json<{ errors: { field: string; message: string }[] }>().errors[0]).toMatchObject({
      field: 'colour',
    });

    const malformed = await api.as(org.admin, {
      method: 'POST',
      url: '/api/v1/accounts',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": "X",',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ code: 'malformed_json' });

    const big = await api.as(org.admin, {
      method: 'POST',
      url: '/api/v1/accounts',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ code: 'payload_too_large' });

    const badQuery = await api.as(org.admin, { method: 'GET', url: '/api/v1/accounts?limit=100000&sort=colour' });
    expect(badQuery.statusCode).toBe(422);
    expect(
      badQuery
        .json<{ errors: { field: string }[] }>()
        .errors.map((e) => e.field)
        .sort(),
    ).toEqual(['limit', 'sort']);

    const after = await api.as(org.admin, { method: 'GET', url: '/api/v1/accounts?limit=200' });
    expect(after.json<{ items: unknown[] }>().items.length).toBe(count);
  });

  it('does not duplicate a POST retried with the same Idempotency-Key', async () => {
    const send = () =>
      api.as(org.admin, {
        method: 'POST',
        url: '/api/v1/accounts',
        headers: { 'idempotency-key': 'create-globex-1' },
        payload: { name: 'Globex' },
      });
    const first = await send();
    const second = await send();
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json<{ id: string }>().id).toBe(first.json<{ id: string }>().id);
    const list = await api.as(org.admin, { method: 'GET', url: '/api/v1/accounts?q=Globex' });
    expect(list.json<{ items: unknown[] }>().items).toHaveLength(1);

    const otherBody = await api.as(org.admin, {
      method: 'POST',
      url: '/api/v1/accounts',
      headers: { 'idempotency-key': 'create-globex-1' },
      payload: { name: 'Initech' },
    });
    expect(otherBody.statusCode).toBe(409);
    expect(otherBody.json()).toMatchObject({ code: 'idempotency_conflict' });
  });

  it('pages with a cursor, sorts and filters', async () => {
    const o = await createTestOrg(deps);
    for (const name of ['Delta', 'alpha', 'Charlie', 'Bravo', 'Echo']) {
      await api.as(o.admin, {
        method: 'POST',
        url: '/api/v1/accounts',
        payload: { name, type: name === 'Echo' ? 'reseller' : 'prospect' },
      });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await api.as(o.admin, {
        method: 'GET',
        url: `/api/v1/accounts?limit=2&sort=created_at${cursor ? `&cursor=${cursor}` : ''}`,
      });
      const body = res.json<{ items: { name: string }[]; nextCursor: string | null }>();
      seen.push(...body.items.map((i) => i.name));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Delta', 'alpha', 'Charlie', 'Bravo', 'Echo']);
    const desc = await api.as(o.admin, { method: 'GET', url: '/api/v1/accounts?sort=created_at&order=desc&limit=1' });
    expect(desc.json<{ items: { name: string }[] }>().items[0]?.name).toBe('Echo');
    const resellers = await api.as(o.admin, { method: 'GET', url: '/api/v1/accounts?type=reseller' });
    expect(resellers.json<{ items: { name: string }[] }>().items.map((i) => i.name)).toEqual(['Echo']);
    const bad = await api.as(o.admin, { method: 'GET', url: '/api/v1/accounts?cursor=garbage' });
    expect(bad.statusCode).toBe(422);
  });

  it('keeps organizations apart', async () => {
    const other = await createTestOrg(deps);
    const mine = (
      await api.as(org.admin, { method: 'POST', url: '/api/v1/accounts', payload: { name: 'Private Co' } })
    ).json<{ id: string }>();
    const read = await api.as(other.admin, { method: 'GET', url: `/api/v1/accounts/${mine.id}` });
    expect(read.statusCode).toBe(404);
    const patch = await api.as(other.admin, {
      method: 'PATCH',
      url: `/api/v1/accounts/${mine.id}`,
      headers: { 'if-match': '*' },
      payload: { name: 'Hijacked' },
    });
    expect(patch.statusCode).toBe(404);
    const list = await api.as(other.admin, { method: 'GET', url: '/api/v1/accounts?q=Private' });
    expect(list.json<{ items: unknown[] }>().items).toHaveLength(0);
    const timeline = await api.as(other.admin, { method: 'GET', url: `/api/v1/accounts/${mine.id}/timeline` });
    expect(timeline.statusCode).toBe(404);
  });

  it('shows the timeline newest first, with who changed what from → to', async () => {
    const acc = (
      await api.as(org.admin, { method: 'POST', url: '/api/v1/accounts', payload: { name: 'Timeline Ltd' } })
    ).json<{ id: string }>();
    await api.as(org.admin, {
      method: 'PATCH',
      url: `/api/v1/accounts/${acc.id}`,
      headers: { 'if-match': '1' },
      payload: { name: 'Timeline Limited' },
    });
    await api.as(org.admin, { method: 'DELETE', url: `/api/v1/accounts/${acc.id}`, headers: { 'if-match': '2' } });
    const res = await api.as(org.admin, { method: 'GET', url: `/api/v1/audit/verify` });
    expect(res.json()).toMatchObject({ ok: true, unsealed: 0 });
    // deleted records keep their history
    const t = await deps.db
      .selectFrom('events')
      .select(['type', 'data', 'actor_id'])
      .where('entity_id', '=', acc.id)
      .orderBy('id', 'desc')
      .execute();
    expect(t.map((e) => e.type)).toEqual(['account.deleted', 'account.updated', 'account.created']);
    expect(t[1]?.data).toEqual({ changes: { name: { from: 'Timeline Ltd', to: 'Timeline Limited' } } });
    expect(t[1]?.actor_id).toBe(org.admin.userId);
  });

  it('serves the timeline endpoint for a visible record', async () => {
    const acc = (
      await api.as(org.admin, { method: 'POST', url: '/api/v1/accounts', payload: { name: 'Visible' } })
    ).json<{ id: string }>();
    await api.as(org.admin, {
      method: 'PATCH',
      url: `/api/v1/accounts/${acc.id}`,
      headers: { 'if-match': '1' },
      payload: { industry: 'Energy' },
    });
    const res = await api.as(org.admin, { method: 'GET', url: `/api/v1/accounts/${acc.id}/timeline` });
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: { type: string; actor: { name: string } }[] }>().items;
    expect(items.map((i) => i.type)).toEqual(['account.updated', 'account.created']);
    expect(items[0]?.actor.name).toBe('Ada Admin');
  });
});

describe('sign-in, session cookie and CSRF', () => {
  it('signs in, needs the CSRF token for writes, signs out', async () => {
    const bad = await api.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: org.adminEmail, password: 'wrong password' },
    });
    expect(bad.statusCode).toBe(401);
    const res = await api.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: org.adminEmail.toUpperCase(), password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = setCookie.split(';')[0] ?? '';
    const csrf = res.json<{ csrfToken: string }>().csrfToken;

    const session = await api.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie } });
    expect(session.json()).toMatchObject({ user: { email: org.adminEmail, role: 'admin' } });

    const noCsrf = await api.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      headers: { cookie },
      payload: { name: 'Cookie Co' },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json()).toMatchObject({ code: 'csrf_failed' });
    const withCsrf = await api.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      headers: { cookie, 'x-csrf-token': csrf },
      payload: { name: 'Cookie Co' },
    });
    expect(withCsrf.statusCode).toBe(201);

    const out = await api.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out',
      headers: { cookie, 'x-csrf-token': csrf },
    });
    expect(out.statusCode).toBe(204);
    const after = await api.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie } });
    expect(after.statusCode).toBe(401);
  });

  it('locks sign-in for an email after ten failures', async () => {
    const o = await createTestOrg(deps);
    for (let i = 0; i < 10; i++) {
      const r = await api.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email: o.adminEmail, password: `nope-${i}` },
      });
      expect(r.statusCode).toBe(401);
    }
    const locked = await api.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: o.adminEmail, password: TEST_PASSWORD },
    });
    expect(locked.statusCode).toBe(429);
  });

  it('refuses requests without credentials and revoked tokens', async () => {
    const anon = await api.inject({ method: 'GET', url: '/api/v1/accounts' });
    expect(anon.statusCode).toBe(401);
    expect(anon.json()).toMatchObject({ code: 'unauthenticated' });
    const created = await api.as(org.admin, { method: 'POST', url: '/api/v1/tokens', payload: { name: 'script' } });
    const { token, apiToken } = created.json<{ token: string; apiToken: { id: string } }>();
    const ok = await api.inject({
      method: 'GET',
      url: '/api/v1/accounts',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(ok.statusCode).toBe(200);
    await api.as(org.admin, { method: 'DELETE', url: `/api/v1/tokens/${apiToken.id}` });
    const revoked = await api.inject({
      method: 'GET',
      url: '/api/v1/accounts',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(revoked.statusCode).toBe(401);
  });

  it('serves the OpenAPI 3.1 document and the reference page', async () => {
    const doc = await api.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(doc.statusCode).toBe(200);
    const json = doc.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(json.openapi).toBe('3.1.0');
    expect(Object.keys(json.paths)).toContain('/api/v1/accounts/{id}');
    const ui = await api.inject({ method: 'GET', url: '/api/docs/' });
    expect([200, 302]).toContain(ui.statusCode);
  });
});
