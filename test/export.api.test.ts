import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../src/domain/csv.ts';
import type { DealDto } from '../src/domain/deals.ts';
import { createApi, type Api } from './helpers/api.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg, createTestUser } from './helpers/factories.ts';
import { createTestPipeline } from './helpers/sales.ts';

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

async function csvRows(body: string): Promise<string[][]> {
  const rows: string[][] = [];
  const chunks = { [Symbol.asyncIterator]: () => [body][Symbol.iterator]() as unknown as AsyncIterator<string> };
  for await (const r of parseCsv(chunks)) rows.push(r.fields);
  return rows;
}

describe('record export', () => {
  it('streams every page of a filtered, sorted list as CSV with the record fields, within the reader scope', async () => {
    const { admin } = await createTestOrg(deps);
    const rep = await createTestUser(deps, admin, 'rep');
    const p = await createTestPipeline(deps, admin);
    // 205 deals: more than one internal page of 200.
    for (let i = 0; i < 205; i++) {
      const res = await api.as(admin, { method: 'POST', url: '/api/v1/deals', payload: { pipelineId: p.id, name: `Deal ${String(i).padStart(3, '0')}, "quoted"`, amount: `${i}.50` } });
      expect(res.statusCode, res.body).toBe(201);
    }
    const mine = (await api.as(rep, { method: 'POST', url: '/api/v1/deals', payload: { pipelineId: p.id, name: 'Rep deal', amount: '7.00' } })).json<DealDto>();

    const res = await api.as(admin, { method: 'GET', url: '/api/v1/deals/export?format=csv&sort=amount&order=desc' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="deals-\d{4}-\d{2}-\d{2}\.csv"/);
    const rows = await csvRows(res.body);
    const header = rows[0] ?? [];
    expect(header.slice(0, 3)).toEqual(['id', 'externalId', 'name']);
    expect(rows).toHaveLength(1 + 206);
    const amount = header.indexOf('amount');
    const name = header.indexOf('name');
    expect(rows[1]?.[amount]).toBe('204.50');
    expect(rows[1]?.[name]).toBe('Deal 204, "quoted"');
    expect(rows.at(-1)?.[amount]).toBe('0.50');

    // The rep sees only their own deal; the filter of the list applies.
    const repCsv = await csvRows((await api.as(rep, { method: 'GET', url: '/api/v1/deals/export' })).body);
    expect(repCsv.slice(1).map((r) => r[0])).toEqual([mine.id]);
    const filtered = await api.as(admin, { method: 'GET', url: '/api/v1/deals/export?format=jsonl&q=Deal%20204' });
    const lines = filtered.body.trim().split('\n').map((l) => JSON.parse(l) as DealDto);
    expect(lines.map((d) => d.name)).toEqual(['Deal 204, "quoted"']);
  });

  it('refuses a bad filter or format with problem+json before streaming anything', async () => {
    const { admin } = await createTestOrg(deps);
    const res = await api.as(admin, { method: 'GET', url: '/api/v1/accounts/export?format=xlsx&sort=nonsense' });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    const fields = res.json<{ errors: { field: string }[] }>().errors.map((e) => e.field).sort();
    expect(fields).toEqual(['format', 'sort']);
  });
});
