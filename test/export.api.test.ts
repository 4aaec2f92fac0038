import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRecordExport } from '../src/cli/actions/export.ts';
import type { Actor } from '../src/contract/access.ts';
import { parseCsv } from '../src/contract/csv.ts';
import { listDealsQuery, type DealDto } from '../src/contract/deals.ts';
import { exportColumns, exportLines } from '../src/domain/record-export.ts';
import { createAccount } from '../src/modules/accounts/accounts.service.ts';
import { createContact } from '../src/modules/contacts/contacts.service.ts';
import { createDeal, listDeals } from '../src/modules/deals/deals.service.ts';
import { moveDealStage } from '../src/modules/deals/move-deal-stage.ts';
import { prepareRecordExport } from '../src/modules/export/export.service.ts';
import { createApi, type Api } from './helpers/api.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg, createTestTeam, createTestUser } from './helpers/factories.ts';
import { createTestPipeline, createTestProduct } from './helpers/sales.ts';
import { appFailure, captureIo } from './helpers/cli-io.ts';

let deps: TestDeps;
let api: Api;

beforeAll(async () => {
  deps = await createTestDeps();
  api = await createApi(deps);
});
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pipewright-record-export-'));
afterAll(async () => {
  await api.close();
  await deps.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
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
      const res = await api.as(admin, {
        method: 'POST',
        url: '/api/v1/deals',
        payload: { pipelineId: p.id, name: `Deal ${String(i).padStart(3, '0')}, "quoted"`, amount: `${i}.50` },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const mine = (
      await api.as(rep, {
        method: 'POST',
        url: '/api/v1/deals',
        payload: { pipelineId: p.id, name: 'Rep deal', amount: '7.00' },
      })
    ).json<DealDto>();

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
    const lines = filtered.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as DealDto);
    expect(lines.map((d) => d.name)).toEqual(['Deal 204, "quoted"']);
  });

  it('refuses a bad filter or format with problem+json before streaming anything', async () => {
    const { admin } = await createTestOrg(deps);
    const res = await api.as(admin, { method: 'GET', url: '/api/v1/accounts/export?format=xlsx&sort=nonsense' });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    const fields = res
      .json<{ errors: { field: string }[] }>()
      .errors.map((e) => e.field)
      .sort();
    expect(fields).toEqual(['format', 'sort']);
  });
});

/** The deals CSV as the list use case and the DTO formatting write it: what the fast path must equal. */
async function csvThroughList(actor: Actor, query: Record<string, string>): Promise<string> {
  const file = exportLines('csv', exportColumns('deals'));
  const page = await listDeals(deps, actor, listDealsQuery.parse({ ...query, limit: 200 }));
  expect(page.nextCursor).toBeNull();
  return file.header + page.items.map((d) => file.line(d)).join('');
}

async function exported(
  actor: Actor,
  query: Record<string, string>,
  pageSize: number,
  opts: { listPath?: boolean } = {},
): Promise<string> {
  let text = '';
  for await (const chunk of (
    await prepareRecordExport(deps, actor, 'deals', { ...query, format: 'csv' }, { pageSize, ...opts })
  ).chunks)
    text += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
  return text;
}

describe('deals CSV formatted by the database', () => {
  it('writes the same bytes as the list use case for a filtered, scoped export, across pages', async () => {
    const { admin } = await createTestOrg(deps);
    const team = await createTestTeam(deps, admin);
    const manager = await createTestUser(deps, admin, 'manager', { teamId: team.id });
    const rep = await createTestUser(deps, admin, 'rep', { teamId: team.id, managerId: manager.userId });
    const outsider = await createTestUser(deps, admin, 'rep');
    const p = await createTestPipeline(deps, admin);
    const other = await createTestPipeline(deps, admin);
    const product = await createTestProduct(deps, admin, { listPrice: '19.99' });
    const account = await createAccount(deps, admin, { name: 'Acme; Inc' });
    const contact = await createContact(deps, admin, { lastName: 'Doe "JD"', accountId: account.id });
    // Cells a CSV writer must quote (or must not): separators, quotes, line breaks, JavaScript white space at either end.
    const names = [
      ' leading space',
      'trailing\u00a0',
      'semi;colon',
      'quote "x"',
      'line\nbreak',
      'plain',
      'tab\tinside',
      'comma, name',
      'ünïcødé 日本',
      '\u2028separator',
      'x\r\ny',
      'same',
    ];
    for (const [i, name] of names.entries()) {
      const d = await createDeal(deps, admin, {
        name,
        pipelineId: i === 5 ? other.id : p.id,
        ownerId: i % 3 === 2 ? outsider.userId : i % 2 ? rep.userId : manager.userId,
        externalId: i % 2 ? `ext-${i}; "${i}"` : null,
        amount: i % 4 === 3 ? null : `${i * 37}.${i % 10}5`,
        expectedCloseDate: i % 2 ? `2026-0${(i % 9) + 1}-1${i % 10}` : null,
        source: i % 3 ? ' web ' : null,
        nextStep: i % 2 ? `call back, "soon"\n${i}` : null,
        ...(i % 2
          ? {
              accountId: account.id,
              primaryContactId: contact.id,
              contactRoles: [
                { contactId: contact.id, role: 'champion' as const },
                { contactId: contact.id, role: 'decision_maker' as const },
              ],
            }
          : {}),
        ...(i % 3 === 0
          ? {
              lineItems: [
                { productId: product.id, quantity: '3', discountPercent: '12.5' },
                { productId: product.id, quantity: '0.3333', unitPrice: '7.77', discountPercent: '0' },
              ],
            }
          : {}),
      });
      const its = i === 5 ? other : p;
      if (i % 4 === 1) await moveDealStage(deps, admin, d.id, '*', { stageId: its.stage('Won') });
      if (i % 4 === 2)
        await moveDealStage(deps, admin, d.id, '*', { stageId: its.stage('Lost'), lostReason: 'price; "too high"' });
    }

    const cases: [Actor, Record<string, string>][] = [
      [manager, { pipelineId: p.id, sort: 'amount', order: 'desc' }],
      [admin, { sort: 'name' }],
      [admin, { q: 'e', amountMin: '30', sort: 'expected_close_date', order: 'desc' }],
      [rep, {}],
    ];
    for (const [actor, query] of cases) {
      const expected = await csvThroughList(actor, query);
      expect(await exported(actor, query, 2)).toBe(expected);
      expect(await exported(actor, query, 5000)).toBe(expected);
      expect(await exported(actor, query, 3, { listPath: true })).toBe(expected);
    }
    // The scope applies: the outsider's deals are not in the manager's export, nor in the rep's.
    for (const actor of [manager, rep]) {
      const rows = await csvRows(await exported(actor, { pipelineId: p.id }, 2));
      const owner = rows[0]?.indexOf('ownerId') ?? -1;
      expect(rows.length).toBeGreaterThan(2);
      expect(rows.slice(1).filter((r) => r[owner] === outsider.userId)).toEqual([]);
    }
    expect(
      (await csvRows(await exported(admin, { pipelineId: p.id }, 2)))
        .slice(1)
        .filter((r) => r.includes(outsider.userId)).length,
    ).toBe(3);
  });
});

describe('pipewright export', () => {
  it('writes the same file as the API for the same filters, and names a bad option without writing anything', async () => {
    const { orgId, admin } = await createTestOrg(deps);
    const p = await createTestPipeline(deps, admin);
    for (const [i, name] of ['Alpha, "A"', 'Beta', 'Gamma'].entries())
      await createDeal(deps, admin, { name, pipelineId: p.id, amount: `${i + 1}00.00` });
    await createDeal(deps, admin, { name: 'Elsewhere', pipelineId: (await createTestPipeline(deps, admin)).id });
    const out = path.join(dir, 'deals.csv');
    const io = captureIo();
    await runRecordExport(io, deps, 'deals', {
      org: orgId,
      out,
      pipeline: p.id,
      amountMin: '150',
      sort: 'amount',
      order: 'desc',
    });
    const viaApi = await api.as(admin, {
      method: 'GET',
      url: `/api/v1/deals/export?pipelineId=${p.id}&amountMin=150&sort=amount&order=desc`,
    });
    expect(fs.readFileSync(out, 'utf8')).toBe(viaApi.body);
    expect((await csvRows(viaApi.body)).map((r) => r[2])).toEqual(['name', 'Gamma', 'Beta']);
    expect(io.errs.at(-1)).toMatch(/^Exported 2 deals of ".+" as CSV to .+deals\.csv in [\d.]+ s$/);

    const jsonl = path.join(dir, 'accounts.jsonl');
    await createAccount(deps, admin, { name: 'Acme', industry: 'Tools' });
    await runRecordExport(captureIo(), deps, 'accounts', {
      org: orgId,
      out: jsonl,
      format: 'jsonl',
      industry: 'Tools',
    });
    expect(
      fs
        .readFileSync(jsonl, 'utf8')
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { name: string }).name),
    ).toEqual(['Acme']);

    // Bad values and filters of another list are named by their options; no file is started.
    const bad = path.join(dir, 'bad.csv');
    const invalidValues = await appFailure(
      runRecordExport(captureIo(), deps, 'deals', {
        org: orgId,
        out: bad,
        amountMin: 'lots',
        pipeline: 'nope',
        sort: 'size',
      }),
    );
    expect(invalidValues.fields?.map((f) => f.field).sort()).toEqual(['--amount-min', '--pipeline', '--sort']);
    const otherList = await appFailure(
      runRecordExport(captureIo(), deps, 'accounts', { org: orgId, out: bad, pipeline: p.id }),
    );
    expect(otherList.fields).toEqual([
      { field: '--pipeline', message: 'is not a filter of accounts (it filters deals)' },
    ]);
    expect(
      (await appFailure(runRecordExport(captureIo(), deps, 'opportunities', { org: orgId, out: bad }))).fields?.map(
        (f) => f.field,
      ),
    ).toEqual(['<entity>']);
    expect((await appFailure(runRecordExport(captureIo(), deps, 'deals', { org: orgId, out }))).message).toContain(
      '--force',
    );
    expect(fs.existsSync(bad) || fs.existsSync(`${bad}.partial`)).toBe(false);
  });
});
