import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ViewDto } from '../src/contract/views.ts';
import { createApi, type Api } from './helpers/api.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg, createTestUser } from './helpers/factories.ts';

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

type Problem = { code: string; errors?: { field: string; message: string }[] };

describe('saved views over HTTP', () => {
  // Typed by the OpenAPI document: paths, parameters and bodies are checked by the compiler, answers
  // against the document's schemas at run time (test/helpers/api.ts).
  it('creates, lists, updates with If-Match and deletes a view of the user', async () => {
    const { admin } = await createTestOrg(deps);
    const rep = await createTestUser(deps, admin, 'rep');
    const client = api.client(rep);
    const created = await client.POST('/views', {
      body: {
        entity: 'deal',
        name: 'My open deals',
        filters: { status: 'open', ownerId: rep.userId },
        sort: { key: 'amount', order: 'desc' },
        columns: ['name', 'amount', 'stageId'],
      },
    });
    expect(created.response.status).toBe(201);
    const view = created.data!;
    expect(view).toMatchObject({
      entity: 'deal',
      name: 'My open deals',
      filters: { status: 'open', ownerId: rep.userId },
      sort: { key: 'amount', order: 'desc' },
      columns: ['name', 'amount', 'stageId'],
      version: 1,
    });

    await client.POST('/views', { body: { entity: 'lead', name: 'New leads', filters: { status: 'new,working' } } });
    const deals = await client.GET('/views', { params: { query: { entity: 'deal' } } });
    expect(deals.data?.items.map((v) => v.name)).toEqual(['My open deals']);
    const all = await client.GET('/views');
    expect(all.data?.items.map((v) => v.name)).toEqual(['My open deals', 'New leads']);

    const byId = { path: { id: view.id } };
    const updated = await client.PATCH('/views/{id}', {
      params: { ...byId, header: { 'if-match': '1' } },
      body: { sort: null, columns: ['name'] },
    });
    expect(updated.response.status).toBe(200);
    expect(updated.data).toMatchObject({ sort: null, columns: ['name'], filters: { status: 'open' }, version: 2 });
    const stale = await client.PATCH('/views/{id}', {
      params: { ...byId, header: { 'if-match': '1' } },
      body: { name: 'Renamed' },
    });
    expect(stale.response.status).toBe(409);
    expect(stale.error?.code).toBe('version_conflict');

    const removed = await client.DELETE('/views/{id}', { params: { ...byId, header: { 'if-match': '2' } } });
    expect(removed.response.status).toBe(204);
    expect((await client.GET('/views/{id}', { params: byId })).response.status).toBe(404);
  });

  it('never shows, changes or deletes another user’s view, not even to an admin', async () => {
    const { admin } = await createTestOrg(deps);
    const rep = await createTestUser(deps, admin, 'rep');
    const other = await createTestUser(deps, admin, 'rep');
    const { data: view } = await api
      .client(rep)
      .POST('/views', { body: { entity: 'account', name: 'Customers', filters: { type: 'customer' } } });
    const byId = { path: { id: view!.id } };
    const stranger = await createTestOrg(deps);

    for (const actor of [other, admin, stranger.admin]) {
      const client = api.client(actor);
      expect((await client.GET('/views/{id}', { params: byId })).response.status).toBe(404);
      const patched = await client.PATCH('/views/{id}', {
        params: { ...byId, header: { 'if-match': '*' } },
        body: { name: 'Mine now' },
      });
      expect(patched.response.status).toBe(404);
      const deleted = await client.DELETE('/views/{id}', { params: { ...byId, header: { 'if-match': '*' } } });
      expect(deleted.response.status).toBe(404);
      expect((await client.GET('/views', { params: { query: { entity: 'account' } } })).data?.items).toEqual([]);
    }
    // The same name is free for another user.
    const same = await api.client(other).POST('/views', { body: { entity: 'account', name: 'Customers' } });
    expect(same.response.status).toBe(201);
    const mine = await api.client(rep).GET('/views/{id}', { params: byId });
    expect(mine.data).toMatchObject({ name: 'Customers', version: 1 });
  });

  // Deliberately malformed requests, which the typed client would not let through: sent raw.
  it('refuses filters and sorts the entity’s list does not take, naming each, and duplicate names', async () => {
    const { admin } = await createTestOrg(deps);
    const bad = await api.as(admin, {
      method: 'POST',
      url: '/api/v1/views',
      payload: {
        entity: 'deal',
        name: '',
        filters: { colour: 'red', status: 'sleeping', amountMin: 'lots' },
        sort: { key: 'colour', order: 'asc' },
        columns: ['name; drop'],
      },
    });
    expect(bad.statusCode).toBe(422);
    expect(
      bad
        .json<Problem>()
        .errors?.map((e) => e.field)
        .sort(),
    ).toEqual(['columns.0', 'filters.amountMin', 'filters.colour', 'filters.status', 'name', 'sort.key']);

    const unknown = await api.as(admin, {
      method: 'POST',
      url: '/api/v1/views',
      payload: { entity: 'colour', name: 'Reds', filters: { status: 'open' } },
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json<Problem>().errors?.map((e) => e.field)).toEqual(['entity']);

    const ok = (
      await api.as(admin, {
        method: 'POST',
        url: '/api/v1/views',
        payload: { entity: 'activity', name: 'Calls', filters: { type: 'call' } },
      })
    ).json<ViewDto>();
    const dup = await api.as(admin, {
      method: 'POST',
      url: '/api/v1/views',
      payload: { entity: 'activity', name: 'calls' },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json<Problem>()).toMatchObject({ code: 'duplicate', errors: [{ field: 'name' }] });
    // An update is checked against the stored view's entity.
    const badUpdate = await api.as(admin, {
      method: 'PATCH',
      url: `/api/v1/views/${ok.id}`,
      headers: { 'if-match': '1' },
      payload: { filters: { stageId: 'x' } },
    });
    expect(badUpdate.statusCode).toBe(422);
    expect(badUpdate.json<Problem>().errors?.map((e) => e.field)).toEqual(['filters.stageId']);
  });
});
