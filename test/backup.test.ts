import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbExecutor } from '../src/db/database.ts';
import { migrations } from '../src/db/migrations/index.ts';
import { ManualClock } from '../src/domain/deps.ts';
import { createAccount } from '../src/modules/accounts/accounts.service.ts';
import { createDeal } from '../src/modules/deals/deals.service.ts';
import { listDealTraces, listStageVisits } from '../src/modules/deals/stage-visits.repository.ts';
import { createBackup } from '../src/modules/backup/backup.service.ts';
import { loadOrder } from '../src/modules/backup/backup-plan.ts';
import { readCatalog } from '../src/modules/backup/backup.repository.ts';
import { restoreBackup } from '../src/modules/backup/restore.service.ts';
import { verifyChain } from '../src/modules/events/chain.ts';
import { createTeam, updateTeam, updateUser } from '../src/modules/users/users.service.ts';
import { cloneTemplate, createTestDeps, type TestDb, type TestDeps } from './helpers/db.ts';
import { createTestOrg, createTestUser } from './helpers/factories.ts';
import { importCsv } from './helpers/imports.ts';
import { analysedBetween, analyzeCounts } from './helpers/statistics.ts';

let source: TestDeps;
let target: TestDb;
let dir: string;
let orgId: string;

const RAW_PIPELINE = '00000000-0000-4000-8000-000000000001';
const clock = { now: () => new Date('2026-02-01T10:00:00.000Z') };

/** Every row of every table as sorted JSON text, to compare two databases exactly. */
async function snapshot(db: DbExecutor): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of await readCatalog(db)) {
    const r = await sql<{ j: string }>`select to_jsonb(t)::text as j from ${sql.id(t.name)} as t`.execute(db);
    out[t.name] = r.rows.map((x) => x.j).sort();
  }
  return out;
}

/** Rows of the tables no service writes yet, covering dates, numerics, json null and a key-less table. */
async function insertRawRows(db: DbExecutor, org: string, ownerId: string, accountId: string): Promise<void> {
  const at = new Date('2026-01-10T08:30:00.123Z');
  const pipelineId = RAW_PIPELINE;
  const stageId = '00000000-0000-4000-8000-000000000002';
  const productId = '00000000-0000-4000-8000-000000000003';
  const dealId = '00000000-0000-4000-8000-000000000004';
  await db
    .insertInto('pipelines')
    .values({
      org_id: org,
      id: pipelineId,
      name: 'Sales',
      description: null,
      enforce_stage_order: true,
      is_default: true,
      active: true,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await db
    .insertInto('stages')
    .values({
      org_id: org,
      id: stageId,
      pipeline_id: pipelineId,
      name: 'Pitch',
      position: 1,
      probability: 30,
      forecast_category: 'pipeline',
      kind: 'open',
      expected_days: 14,
      required_fields: JSON.stringify(['amount']),
    })
    .execute();
  await db
    .insertInto('stages')
    .values({
      org_id: org,
      id: '00000000-0000-4000-8000-000000000006',
      pipeline_id: pipelineId,
      name: 'Won',
      position: 2,
      probability: 100,
      forecast_category: 'closed',
      kind: 'won',
      expected_days: null,
      required_fields: JSON.stringify([]),
    })
    .execute();
  await db
    .insertInto('products')
    .values({
      org_id: org,
      id: productId,
      external_id: null,
      sku: 'SKU-1',
      name: 'Widget',
      family: null,
      description: 'ümlaut "quoted" \\ backslash',
      list_price: '123456789012345678.99',
      currency: 'EUR',
      active: true,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await db
    .insertInto('deals')
    .values({
      org_id: org,
      id: dealId,
      external_id: 'D-1',
      name: 'Big deal',
      account_id: accountId,
      primary_contact_id: null,
      pipeline_id: pipelineId,
      stage_id: stageId,
      status: 'open',
      amount: '99999.01',
      currency: 'EUR',
      expected_close_date: '2026-03-31',
      closed_at: null,
      owner_id: ownerId,
      source: null,
      channel: 'direct',
      partner_account_id: null,
      lost_reason: null,
      next_step: null,
      stage_entered_at: at,
      created_by: ownerId,
      created_at: at,
      updated_at: at,
      deleted_at: null,
    })
    .execute();
  await db
    .insertInto('deal_line_items')
    .values({
      org_id: org,
      id: '00000000-0000-4000-8000-000000000005',
      deal_id: dealId,
      product_id: productId,
      position: 1,
      quantity: '2.5000',
      unit_price: '10.00',
      discount_percent: '12.50',
    })
    .execute();
  // A completed 204 replay stores JSON null; an in-flight key stores SQL NULL. Both must survive.
  await db
    .insertInto('idempotency_keys')
    .values({
      org_id: org,
      user_id: ownerId,
      key: 'k-done',
      method: 'DELETE',
      path: '/x',
      request_hash: 'h',
      status_code: 204,
      response: 'null',
      created_at: at,
    })
    .execute();
  await db
    .insertInto('idempotency_keys')
    .values({
      org_id: org,
      user_id: ownerId,
      key: 'k-open',
      method: 'POST',
      path: '/x',
      request_hash: 'h',
      status_code: null,
      response: null,
      created_at: at,
    })
    .execute();
  await db
    .insertInto('idempotency_keys')
    .values({
      org_id: org,
      user_id: ownerId,
      key: 'k-wrapped',
      method: 'POST',
      path: '/x',
      request_hash: 'h',
      status_code: 201,
      response: JSON.stringify({ $json: { big: 1e300 } }),
      created_at: at,
    })
    .execute();
  const attempt = { email: 'x@example.test', attempted_at: at, succeeded: false };
  await db
    .insertInto('login_attempts')
    .values([attempt, attempt, { ...attempt, succeeded: true }])
    .execute();
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pipewright-backup-test-'));
  // A clock that stands still: a live write stamps its stage visit and its event with one time, as
  // the restore (which derives the visits from the events) does.
  source = await createTestDeps({ clock: new ManualClock('2026-01-20T09:00:00.000Z') });
  target = await cloneTemplate();
  const org = await createTestOrg(source);
  orgId = org.orgId;
  const { admin } = org;
  const team = await createTestUser(source, admin, 'manager');
  const rep = await createTestUser(source, admin, 'rep', { managerId: team.userId });
  const t = await createTeam(source, admin, { name: 'Field', kind: 'field_sales' });
  await updateTeam(source, admin, t.id, t.version, { managerId: team.userId });
  await updateUser(source, admin, rep.userId, '*', { teamId: t.id });
  const parent = await createAccount(source, admin, { name: 'Parent Co', ownerId: rep.userId });
  const child = await createAccount(source, admin, {
    name: 'Child Co',
    parentAccountId: parent.id,
    ownerId: rep.userId,
    annualRevenue: '1000.50',
  });
  const partnerAcc = await createAccount(source, admin, { name: 'Reseller', type: 'reseller' });
  await createTestUser(source, admin, 'partner', { partnerAccountId: partnerAcc.id });
  await insertRawRows(source.db, orgId, rep.userId, child.id);
  // Stage visits and traces written by each path (a service write, an import with history): the
  // backup carries the events, the restore derives the projections from them.
  await createDeal(source, admin, { name: 'Live deal', pipelineId: RAW_PIPELINE, amount: '10.00', currency: 'EUR' });
  await importCsv(
    source,
    admin,
    'External ID,Deal Name,Account,Stage,Amount,Currency,Created,Closed\nh-1,Old win,Parent Co,Won,100.00,EUR,2025-01-10,2025-03-01\nh-2,Still open,Parent Co,Pitch,50.00,EUR,2025-02-01,\n',
    { entity: 'deals' },
  );
  await source.sealer.flush();
});

afterAll(async () => {
  await source.cleanup();
  await target.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('orders tables so foreign keys point backwards, breaking cycles at nullable columns', async () => {
    const order = loadOrder(await readCatalog(source.db));
    const pos = (t: string) => order.indexOf(t);
    expect(order).not.toContain('schema_migrations');
    expect(order).toContain('instance_settings');
    expect(pos('organizations')).toBeLessThan(pos('users'));
    expect(pos('accounts')).toBeLessThan(pos('users')); // users.partner_account_id is in a CHECK: never deferred
    expect(pos('users')).toBeLessThan(pos('deals'));
    expect(pos('deals')).toBeLessThan(pos('deal_line_items'));
  });

  it('round-trips every row exactly into an empty database and the audit chain still verifies', async () => {
    const file = path.join(dir, 'full.pwbackup.gz');
    const progress: string[] = [];
    const made = await createBackup({ database: source.database, clock }, file, {
      onProgress: (p) => p.done && progress.push(p.table),
    });
    expect(made.header).toMatchObject({
      format: 'pipewright-backup',
      formatVersion: 1,
      schemaVersion: migrations.at(-1)?.version,
      engine: source.database.engine,
    });
    expect(made.rows.login_attempts).toBe(3);
    expect(progress).toContain('events');
    expect(fs.existsSync(`${file}.partial`)).toBe(false);

    const filled = ['deals', 'events', 'users', 'accounts', 'login_attempts'];
    const before = await analyzeCounts(target.database.db, filled);
    const restored = await restoreBackup({ database: target.database, clock }, file);
    expect(restored.rows).toEqual(made.rows);
    // Statistics of every restored table before the restore reports done.
    expect(analysedBetween(before, await analyzeCounts(target.database.db, filled))).toEqual([...filled].sort());
    expect(await snapshot(target.database.db)).toEqual(await snapshot(source.db));
    // The projections are not in the file; the restore derived the same visits and traces that the
    // service write and the import wrote (one visit of the live deal, two of the won one, one open).
    expect(made.rows).not.toHaveProperty('deal_stage_visits');
    const visits = await listStageVisits(target.database.db, orgId);
    expect(visits.map((v) => v.visitNo).sort()).toEqual([1, 1, 1, 2]);
    expect(visits).toEqual(await listStageVisits(source.db, orgId));
    expect(await listDealTraces(target.database.db, orgId)).toEqual(await listDealTraces(source.db, orgId));
    const chain = restored.chains.find((c) => c.report.checked > 0);
    expect(chain?.report).toMatchObject({ ok: true, unsealed: 0 });
    expect((await verifyChain(target.database.db, orgId)).ok).toBe(true);

    // The event id sequence continues after the restored rows.
    const next = await sql<{ id: number }>`select nextval('events_id_seq')::int as id`.execute(target.database.db);
    const max = await sql<{ id: number }>`select max(id)::int as id from events`.execute(target.database.db);
    expect(next.rows[0]?.id).toBeGreaterThan(max.rows[0]?.id ?? 0);
  });

  it('restores a backup that still holds stage visits by deriving them from its events', async () => {
    const file = path.join(dir, 'with-visits.pwbackup.gz');
    await createBackup({ database: source.database, clock }, file);
    const lines = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').trimEnd().split('\n');
    const end = JSON.parse(lines.at(-1) ?? '{}') as { end: true; rows: Record<string, number> };
    // An older backup's section of visits, with a row the log does not say (it is not loaded).
    const columns = ['org_id', 'deal_id', 'visit_no', 'pipeline_id', 'stage_id', 'entered_at', 'left_at', 'event_id'];
    const stale = [
      orgId,
      '00000000-0000-4000-8000-000000000004',
      1,
      RAW_PIPELINE,
      RAW_PIPELINE,
      '2020-01-01T00:00:00.000000Z',
      null,
      '1',
    ];
    const older = [
      ...lines.slice(0, -1),
      JSON.stringify({ table: 'deal_stage_visits', columns }),
      JSON.stringify(stale),
      JSON.stringify({ end: true, rows: { ...end.rows, deal_stage_visits: 1 } }),
    ];
    const f = path.join(dir, 'older.pwbackup.gz');
    fs.writeFileSync(f, zlib.gzipSync(`${older.join('\n')}\n`));
    const restored = await restoreBackup({ database: target.database, clock }, f, { force: true });
    expect(restored.rows).not.toHaveProperty('deal_stage_visits');
    expect(await listStageVisits(target.database.db, orgId)).toEqual(await listStageVisits(source.db, orgId));
    expect(await listDealTraces(target.database.db, orgId)).toEqual(await listDealTraces(source.db, orgId));
  });

  it('refuses a database that holds organizations unless forced, and then replaces everything', async () => {
    const file = path.join(dir, 'force.pwbackup.gz');
    await createBackup({ database: source.database, clock }, file);
    await expect(restoreBackup({ database: target.database, clock }, file)).rejects.toThrow(/not empty.*--force/);
    await target.database.db.insertInto('instance_settings').values({ key: 'stray', value: 'x' }).execute();
    const again = await restoreBackup({ database: target.database, clock }, file, { force: true });
    expect(again.chains.every((c) => c.report.ok)).toBe(true);
    expect(await snapshot(target.database.db)).toEqual(await snapshot(source.db));
  });

  it('rejects damaged, foreign and too new files without touching the database', async () => {
    const good = path.join(dir, 'good.pwbackup.gz');
    await createBackup({ database: source.database, clock }, good);
    const lines = zlib.gunzipSync(fs.readFileSync(good)).toString('utf8').trimEnd().split('\n');
    const write = (name: string, content: string) => {
      const f = path.join(dir, name);
      fs.writeFileSync(f, zlib.gzipSync(content));
      return f;
    };
    const before = await snapshot(target.database.db);
    const deps = { database: target.database, clock };

    const cut = write('cut.gz', `${lines.slice(0, -1).join('\n')}\n`);
    await expect(restoreBackup(deps, cut, { force: true })).rejects.toThrow(/no end marker/);
    const header = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    const newer = write('newer.gz', [JSON.stringify({ ...header, schemaVersion: 999 }), ...lines.slice(1)].join('\n'));
    await expect(restoreBackup(deps, newer, { force: true })).rejects.toThrow(/upgrade Pipewright first/);
    const foreign = write('foreign.gz', '{"hello":"world"}\n');
    await expect(restoreBackup(deps, foreign, { force: true })).rejects.toThrow(/not a Pipewright backup/);
    const plain = path.join(dir, 'plain.txt');
    fs.writeFileSync(plain, 'not gzip');
    await expect(restoreBackup(deps, plain, { force: true })).rejects.toThrow(/not a gzip file/);
    await expect(restoreBackup(deps, path.join(dir, 'missing.gz'))).rejects.toMatchObject({ code: 'not_found' });
    const badColumn = write(
      'column.gz',
      lines.map((l) => l.replace('"columns":["id","name"', '"columns":["id","nom"')).join('\n'),
    );
    await expect(restoreBackup(deps, badColumn, { force: true })).rejects.toThrow(/column organizations\.nom/);

    expect(await snapshot(target.database.db)).toEqual(before);
  });
});
