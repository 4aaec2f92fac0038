import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, type Api } from './helpers/api.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';

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

describe('first-run set-up', () => {
  it('creates the organization, its admin and a starter pipeline once, then refuses', async () => {
    expect((await api.inject({ method: 'GET', url: '/api/v1/setup' })).json()).toEqual({ needed: true });
    const body = {
      organization: { name: 'Acme Sales' },
      admin: { email: 'owner@acme.example', name: 'Olive Owner', password: 'a long enough password' },
    };
    const res = await api.inject({ method: 'POST', url: '/api/v1/setup', payload: body });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      organization: { name: 'Acme Sales', baseCurrency: 'USD' },
      admin: { role: 'admin' },
    });
    expect((await api.inject({ method: 'GET', url: '/api/v1/setup' })).json()).toEqual({ needed: false });
    const again = await api.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: { ...body, organization: { name: 'Other' } },
    });
    expect(again.statusCode).toBe(409);

    const signIn = await api.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'owner@acme.example', password: 'a long enough password' },
    });
    expect(signIn.statusCode).toBe(200);
    const cookie = String(signIn.headers['set-cookie']).split(';')[0] ?? '';
    const csrf = signIn.json<{ csrfToken: string }>().csrfToken;
    const pipelines = await api.inject({ method: 'GET', url: '/api/v1/pipelines', headers: { cookie } });
    const items = pipelines.json<{
      items: { name: string; isDefault: boolean; stages: { name: string; kind: string }[] }[];
    }>().items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ name: 'Sales', isDefault: true });
    expect(items[0]?.stages.map((s) => s.kind)).toEqual(['open', 'open', 'open', 'open', 'won', 'lost']);
    // a deal can be created straight away, in the default pipeline
    const deal = await api.inject({
      method: 'POST',
      url: '/api/v1/deals',
      headers: { cookie, 'x-csrf-token': csrf },
      payload: { name: 'First deal' },
    });
    expect(deal.statusCode).toBe(201);
  });

  it('lets exactly one of two simultaneous set-ups through', async () => {
    const fresh = await createTestDeps();
    const freshApi = await createApi(fresh);
    try {
      const setUp = (name: string) =>
        freshApi.inject({
          method: 'POST',
          url: '/api/v1/setup',
          payload: {
            organization: { name },
            admin: { email: `${name.toLowerCase()}@example.test`, name, password: 'a long enough password' },
          },
        });
      const results = await Promise.all([setUp('First'), setUp('Second')]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      expect(await fresh.db.selectFrom('organizations').select('id').execute()).toHaveLength(1);
    } finally {
      await freshApi.close();
      await fresh.cleanup();
    }
  });
});
