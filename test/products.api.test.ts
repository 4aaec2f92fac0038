import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProductDto } from '../src/contract/products.ts';
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

type Page = { items: ProductDto[]; nextCursor: string | null };

describe('products over HTTP', () => {
  it('creates with exact prices and the org currency, updates with If-Match, refuses stale versions', async () => {
    const { admin } = await createTestOrg(deps);
    const res = await api.as(admin, {
      method: 'POST',
      url: '/api/v1/products',
      payload: { sku: 'PW-PRO', name: 'Pipewright Pro', family: 'Licences', listPrice: '1234567890.10' },
    });
    expect(res.statusCode).toBe(201);
    const p = res.json<ProductDto>();
    expect(p).toMatchObject({ sku: 'PW-PRO', listPrice: '1234567890.10', currency: 'USD', active: true, version: 1 });

    const upd = await api.as(admin, {
      method: 'PATCH',
      url: `/api/v1/products/${p.id}`,
      headers: { 'if-match': '1' },
      payload: { listPrice: '99.90', currency: 'EUR' },
    });
    expect(upd.statusCode).toBe(200);
    expect(upd.json()).toMatchObject({ listPrice: '99.90', currency: 'EUR', version: 2 });
    const stale = await api.as(admin, {
      method: 'PATCH',
      url: `/api/v1/products/${p.id}`,
      headers: { 'if-match': '1' },
      payload: { name: 'Old' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'version_conflict', currentVersion: 2 });

    const events = await deps.db
      .selectFrom('events')
      .select(['type', 'data'])
      .where('entity_id', '=', p.id)
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.type)).toEqual(['product.created', 'product.updated']);
    expect(events[1]?.data).toEqual({
      changes: { listPrice: { from: '1234567890.10', to: '99.90' }, currency: { from: 'USD', to: 'EUR' } },
    });
  });

  it('keeps SKUs unique per organization regardless of case, naming the field', async () => {
    const { admin } = await createTestOrg(deps);
    const other = await createTestOrg(deps);
    await api.as(admin, {
      method: 'POST',
      url: '/api/v1/products',
      payload: { sku: 'abc-1', name: 'A', listPrice: '1.00' },
    });
    const dup = await api.as(admin, {
      method: 'POST',
      url: '/api/v1/products',
      payload: { sku: 'ABC-1', name: 'B', listPrice: '1.00' },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'duplicate', errors: [{ field: 'sku' }] });
    const b = (
      await api.as(admin, {
        method: 'POST',
        url: '/api/v1/products',
        payload: { sku: 'abc-2', name: 'B', listPrice: '1.00' },
      })
    ).json<ProductDto>();
    const rename = await api.as(admin, {
      method: 'PATCH',
      url: `/api/v1/products/${b.id}`,
      headers: { 'if-match': '1' },
      payload: { sku: 'Abc-1' },
    });
    expect(rename.statusCode).toBe(409);
    expect(rename.json()).toMatchObject({ code: 'duplicate', errors: [{ field: 'sku' }] });
    const elsewhere = await api.as(other.admin, {
      method: 'POST',
      url: '/api/v1/products',
      payload: { sku: 'ABC-1', name: 'A', listPrice: '1.00' },
    });
    expect(elsewhere.statusCode).toBe(201);
  });

  it('names every bad field', async () => {
    const { admin } = await createTestOrg(deps);
    const res = await api.as(admin, {
      method: 'POST',
      url: '/api/v1/products',
      payload: { sku: '', name: 'X', listPrice: 19.99, currency: 'usd', colour: 'red' },
    });
    expect(res.statusCode).toBe(422);
    expect(
      res
        .json<{ errors: { field: string }[] }>()
        .errors.map((e) => e.field)
        .sort(),
    ).toEqual(['colour', 'currency', 'listPrice', 'sku']);
    const negative = await api.as(admin, {
      method: 'POST',
      url: '/api/v1/products',
      payload: { sku: 'N', name: 'X', listPrice: '-1.00' },
    });
    expect(negative.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['listPrice']);
  });

  it('lets only admins write; every role including partners reads', async () => {
    const { admin } = await createTestOrg(deps);
    const rep = await createTestUser(deps, admin, 'rep');
    const partnerAcc = (
      await api.as(admin, { method: 'POST', url: '/api/v1/accounts', payload: { name: 'Resell Co', type: 'reseller' } })
    ).json<{ id: string }>();
    const partner = await createTestUser(deps, admin, 'partner', { partnerAccountId: partnerAcc.id });
    const p = (
      await api.as(admin, {
        method: 'POST',
        url: '/api/v1/products',
        payload: { sku: 'R', name: 'Readable', listPrice: '5.00' },
      })
    ).json<ProductDto>();
    expect(
      (
        await api.as(rep, {
          method: 'POST',
          url: '/api/v1/products',
          payload: { sku: 'X', name: 'X', listPrice: '1.00' },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await api.as(rep, {
          method: 'PATCH',
          url: `/api/v1/products/${p.id}`,
          headers: { 'if-match': '1' },
          payload: { name: 'Y' },
        })
      ).statusCode,
    ).toBe(403);
    expect((await api.as(rep, { method: 'GET', url: `/api/v1/products/${p.id}` })).statusCode).toBe(200);
    expect((await api.as(partner, { method: 'GET', url: '/api/v1/products' })).json<Page>().items).toHaveLength(1);
  });

  it('deactivates on delete, keeps the product readable, and filters by family, active and text', async () => {
    const { admin } = await createTestOrg(deps);
    const mk = async (sku: string, name: string, family: string) =>
      (
        await api.as(admin, {
          method: 'POST',
          url: '/api/v1/products',
          payload: { sku, name, family, listPrice: '10.00' },
        })
      ).json<ProductDto>();
    const a = await mk('HW-1', 'Router', 'Hardware');
    await mk('HW-2', 'Switch', 'Hardware');
    await mk('SW-1', 'Firewall licence', 'Software');
    const del = await api.as(admin, {
      method: 'DELETE',
      url: `/api/v1/products/${a.id}`,
      headers: { 'if-match': '1' },
    });
    expect(del.statusCode).toBe(204);
    expect((await api.as(admin, { method: 'GET', url: `/api/v1/products/${a.id}` })).json()).toMatchObject({
      active: false,
      version: 2,
    });
    const list = async (qs: string) =>
      (await api.as(admin, { method: 'GET', url: `/api/v1/products?${qs}` })).json<Page>().items.map((p) => p.sku);
    expect(await list('family=Hardware')).toEqual(['HW-1', 'HW-2']);
    expect(await list('family=Hardware&active=true')).toEqual(['HW-2']);
    expect(await list('active=false')).toEqual(['HW-1']);
    expect(await list('q=sw-')).toEqual(['SW-1']);
    expect(await list('q=wall')).toEqual(['SW-1']);
    const events = await deps.db
      .selectFrom('events')
      .select(['type', 'data'])
      .where('entity_id', '=', a.id)
      .orderBy('id')
      .execute();
    expect(events.at(-1)).toEqual({
      type: 'product.deactivated',
      data: { changes: { active: { from: true, to: false } } },
    });
  });

  it('pages with a cursor and keeps organizations apart', async () => {
    const { admin } = await createTestOrg(deps);
    const other = await createTestOrg(deps);
    for (const sku of ['E', 'B', 'D', 'A', 'C'])
      await api.as(admin, {
        method: 'POST',
        url: '/api/v1/products',
        payload: { sku, name: `Item ${sku}`, listPrice: '1.00' },
      });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page = (
        await api.as(admin, {
          method: 'GET',
          url: `/api/v1/products?sort=sku&order=desc&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        })
      ).json<Page>();
      seen.push(...page.items.map((p) => p.sku));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['E', 'D', 'C', 'B', 'A']);
    const first = (await api.as(admin, { method: 'GET', url: '/api/v1/products?limit=1' })).json<Page>().items[0];
    expect((await api.as(other.admin, { method: 'GET', url: `/api/v1/products/${first?.id}` })).statusCode).toBe(404);
    expect((await api.as(other.admin, { method: 'GET', url: '/api/v1/products' })).json<Page>().items).toHaveLength(0);
  });
});
