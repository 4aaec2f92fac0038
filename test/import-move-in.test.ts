import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/contract/access.ts';
import { ManualClock } from '../src/domain/deps.ts';
import { starterPipeline } from '../src/modules/organizations/set-up-organization.ts';
import { createPipeline } from '../src/modules/pipelines/pipelines.service.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg } from './helpers/factories.ts';
import { importCsv } from './helpers/imports.ts';
import { analysedBetween, analyzeCounts } from './helpers/statistics.ts';

const clock = new ManualClock('2026-03-02T09:00:00.000Z');
let deps: TestDeps;

beforeAll(async () => {
  deps = await createTestDeps({ clock });
});
afterAll(async () => {
  await deps.cleanup();
});

async function newOrg(): Promise<Actor> {
  const { admin } = await createTestOrg(deps);
  await createPipeline(deps, admin, starterPipeline);
  return admin;
}

const DEALS = [
  'Name,Stage,Amount,Product,Created,Closed',
  'Rollout,Won,1200,Widget Pro,2025-01-10,2025-02-01',
  'Pilot,Qualify,,Widget Pro,2025-03-01,',
  'Renewal,Qualify,,Gadget,2025-03-05,',
].join('\n');

describe('moving in: defects of bulk loading', () => {
  it('an import analyses the tables it filled before it reports done (and a dry run does not)', async () => {
    const admin = await newOrg();
    const tables = ['deals', 'events', 'deal_stage_visits', 'deal_line_items', 'products', 'accounts'];
    const before = await analyzeCounts(deps.db, tables);
    await importCsv(deps, admin, DEALS, { entity: 'deals', createMissing: true, dryRun: true });
    expect(analysedBetween(before, await analyzeCounts(deps.db, tables))).toEqual([]);
    const { summary } = await importCsv(deps, admin, DEALS, { entity: 'deals', createMissing: true });
    expect(summary).toMatchObject({ inserted: 3, rejected: 0 });
    expect(analysedBetween(before, await analyzeCounts(deps.db, tables))).toEqual([
      'accounts',
      'deal_line_items',
      'deal_stage_visits',
      'deals',
      'events',
      'products',
    ]);
  });

  it('deals naming products not imported yet: open deals without an amount get the created product at its price', async () => {
    const admin = await newOrg();
    const { summary, rejects } = await importCsv(deps, admin, DEALS, {
      entity: 'deals',
      createMissing: true,
      batchSize: 2,
    });
    expect(rejects).toEqual([]);
    expect(summary).toMatchObject({ inserted: 3, rejected: 0, createdReferences: 2 });
    const items = await deps.db
      .selectFrom('deal_line_items as i')
      .innerJoin('deals as d', 'd.id', 'i.deal_id')
      .innerJoin('products as p', 'p.id', 'i.product_id')
      .select(['d.name as deal', 'p.name as product', 'i.unit_price'])
      .where('i.org_id', '=', admin.orgId)
      .orderBy('d.name')
      .execute();
    expect(items).toEqual([
      { deal: 'Pilot', product: 'Widget Pro', unit_price: '0.00' },
      { deal: 'Renewal', product: 'Gadget', unit_price: '0.00' },
      { deal: 'Rollout', product: 'Widget Pro', unit_price: '1200.00' },
    ]);
  });
});
