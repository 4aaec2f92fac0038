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
type Page = { items: ViewDto[]; nextCursor: string | null };

describe('saved views over HTTP', () => {
  it('creates, lists, updates with If-Match and deletes a view of the user', async () => {
    const { admin } = await createTestOrg(deps);
    const rep = await createTestUser(deps, admin, 'rep');
    const created = await api.as(rep, {
      method: 'POST',
      url: '/api/v1/views',
      payload: {
        entity: 'deal',
        name: 'My open deals',
        filters: { status: 'open', ownerId: rep.userId },
        sort: { key: 'amount', order: 'desc' },
        columns: ['name', 'amount', 'stageId'],
      },
    });
    expect(created.statusCode).toBe(201);
    const view = created.json<ViewDto>();
    expect(view).toMatchObject({
      entity: 'deal',
      name: 'My open deals',
      filters: { status: 'open', ownerId: rep.userId },
      sort: { key: 'amount', order: 'desc' },
      columns: ['name', 'amount', 'stageId'],
      version: 1,
    });

    await api.as(rep, {
      method: 'POST',
      url: '/api/v1/views',
      payload: { entity: 'lead', name: 'New leads', filters: { status: 'new,working' } },
    });
    const deals = await api.as(rep, { method: 'GET', url: '/api/v1/views?entity=deal' });
    expect(deals.json<Page>().items.map((v) => v.name)).toEqual(['My open deals']);
    const all = await api.as(rep, { method: 'GET', url: '/api/v1/views' });
    expect(all.json<Page>().items.map((v) => v.name)).toEqual(['My open deals', 'New leads']);

    const updated = await api.as(rep, {
      method: 'PATCH',
      url: `/api/v1/views/${view.id}`,
      headers: { 'if-match': '1' },
      payload: { sort: null, columns: ['name'] },
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json<ViewDto>()).toMatchObject({
      sort: null,
      columns: ['name'],
      filters: { status: 'open' },
      version: 2,
    });
    const stale = await api.as(rep, {
      method: 'PATCH',
      url: `/api/v1/views/${view.id}`,
      headers: { 'if-match': '1' },
      payload: { name: 'Renamed' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<Problem>().code).toBe('version_conflict');

    const removed = await api.as(rep, {
      method: 'DELETE',
      url: `/api/v1/views/${view.id}`,
      headers: { 'if-match': '2' },
    });
    expect(removed.statusCode).toBe(204);
    expect((await api.as(rep, { method: 'GET', url: `/api/v1/views/${view.id}` })).statusCode).toBe(404);
  });

  it('never shows, changes or deletes another user’s view, not even to an admin', async () => {
    const { admin } = await createTestOrg(deps);
    const rep = await createTestUser(deps, admin, 'rep');
    const other = await createTestUser(deps, admin, 'rep');
    const view = (
      await api.as(rep, {
        method: 'POST',
        url: '/api/v1/views',
        payload: { entity: 'account', name: 'Customers', filters: { type: 'customer' } },
      })
    ).json<ViewDto>();
    const stranger = await createTestOrg(deps);

    for (const actor of [other, admin, stranger.admin]) {
      expect((await api.as(actor, { method: 'GET', url: `/api/v1/views/${view.id}` })).statusCode).toBe(404);
      expect(
        (
          await api.as(actor, {
            method: 'PATCH',
            url: `/api/v1/views/${view.id}`,
            headers: { 'if-match': '*' },
            payload: { name: 'Mine now' },
          })
        ).statusCode,
      ).toBe(404);
      expect(
        (await api.as(actor, { method: 'DELETE', url: `/api/v1/views/${view.id}`, headers: { 'if-match': '*' } }))
          .statusCode,
      ).toBe(404);
      expect((await api.as(actor, { method: 'GET', url: '/api/v1/views?entity=account' })).json<Page>().items).toEqual(
        [],
      );
    }
    // The same name is free for another user.
    expect(
      (await api.as(other, { method: 'POST', url: '/api/v1/views', payload: { entity: 'account', name: 'Customers' } }))
        .statusCode,
    ).toBe(201);
    const mine = await api.as(rep, { method: 'GET', url: `/api/v1/views/${view.id}` });
    expect(mine.json<ViewDto>()).toMatchObject({ name: 'Customers', version: 1 });
  });

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
