import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/contract/access.ts';
import { importOptionsSchema } from '../src/contract/imports.ts';
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

  const ACCOUNTS = [
    'Name,Industry,Parent Account',
    'Initech Europe,Software,Initech',
    'Initech Asia,Software,Initech',
    'Hooli Labs,Research,Hooli',
    'Initech,Software,',
    'Hooli,Search,',
    'Hooli Cloud,Hosting,Hooli',
  ].join('\n');

  it.each([1, 2, 100])(
    'accounts naming a parent listed later in the same file: one account per name (batch size %i)',
    async (batchSize) => {
      const admin = await newOrg();
      const { summary, rejects } = await importCsv(deps, admin, ACCOUNTS, {
        entity: 'accounts',
        createMissing: true,
        batchSize,
      });
      expect(rejects).toEqual([]);
      const accounts = await deps.db
        .selectFrom('accounts as a')
        .leftJoin('accounts as p', 'p.id', 'a.parent_account_id')
        .select(['a.name', 'a.industry', 'p.name as parent'])
        .where('a.org_id', '=', admin.orgId)
        .orderBy('a.name')
        .execute();
      expect(accounts).toEqual([
        { name: 'Hooli', industry: 'Search', parent: null },
        { name: 'Hooli Cloud', industry: 'Hosting', parent: 'Hooli' },
        { name: 'Hooli Labs', industry: 'Research', parent: 'Hooli' },
        { name: 'Initech', industry: 'Software', parent: null },
        { name: 'Initech Asia', industry: 'Software', parent: 'Initech' },
        { name: 'Initech Europe', industry: 'Software', parent: 'Initech' },
      ]);
      expect(summary.inserted + summary.updated + summary.createdReferences).toBe(6 + summary.updated);
      // A deals import then finds each parent once.
      const deals = await importCsv(deps, admin, 'Name,Account\nBig one,Initech\nSearch,Hooli\n', { entity: 'deals' });
      expect(deals.rejects).toEqual([]);
    },
  );

  it('one column mapped to two fields is refused, naming both mappings (a stage mapped twice too)', () => {
    const problems = (input: Record<string, unknown>) => {
      const r = importOptionsSchema.safeParse({ entity: 'products', ...input });
      return r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message]);
    };
    expect(problems({ map: ['product=sku', 'Product=name'] })).toEqual([
      ['map', 'names "Product" twice ("product=sku" and "Product=name"): one column fills one field; give it once'],
    ]);
    expect(problems({ stageMap: ['Won=Won', 'won=Lost'] })).toEqual([
      [
        'stageMap',
        'names "won" twice ("Won=Won" and "won=Lost"): one stage of the file becomes one stage; give it once',
      ],
    ]);
    // The same mapping given twice says nothing new and is fine.
    expect(problems({ map: ['Product=name', 'product=name'] })).toEqual([]);
  });

  const USERS = [
    'Name,Email,Role,Manager',
    'Mia Manager,mia@example.test,manager,',
    'Rob Rep,rob@example.test,rep,mia@example.test',
    'Rita Rep,rita@example.test,rep,Mia Manager',
    'Sam Senior,sam@example.test,manager,',
    'Ray Rep,ray@example.test,rep,Sam Senior',
  ].join('\n');

  it.each([1, 2, 1000])(
    'users: managers listed in the same file are found by the lines after them (batch size %i)',
    async (batchSize) => {
      const admin = await newOrg();
      const { summary, rejects } = await importCsv(deps, admin, USERS, { entity: 'users', batchSize });
      expect(rejects).toEqual([]);
      expect(summary).toMatchObject({ inserted: 5, rejected: 0 });
      const users = await deps.db
        .selectFrom('users as u')
        .leftJoin('users as m', 'm.id', 'u.manager_id')
        .select(['u.name', 'm.name as manager'])
        .where('u.org_id', '=', admin.orgId)
        .where('u.name', '!=', 'Ada Admin')
        .orderBy('u.name')
        .execute();
      expect(users).toEqual([
        { name: 'Mia Manager', manager: null },
        { name: 'Ray Rep', manager: 'Sam Senior' },
        { name: 'Rita Rep', manager: 'Mia Manager' },
        { name: 'Rob Rep', manager: 'Mia Manager' },
        { name: 'Sam Senior', manager: null },
      ]);
    },
  );

  it('a row skipped as a duplicate is, to the lines after it, the record it duplicates', async () => {
    const admin = await newOrg();
    await importCsv(deps, admin, 'Name,Email,Role\nMia Manager,mia@example.test,manager\n', { entity: 'users' });
    const { summary, rejects } = await importCsv(
      deps,
      admin,
      'Name,Email,Role,Manager\nMia M.,MIA@example.test,manager,\nRob Rep,rob@example.test,rep,Mia M.\n',
      { entity: 'users' },
    );
    expect(rejects.map((r) => r.line)).toEqual([2]);
    expect(summary).toMatchObject({ inserted: 1, duplicates: 1 });
    const rob = await deps.db
      .selectFrom('users as u')
      .innerJoin('users as m', 'm.id', 'u.manager_id')
      .select('m.email')
      .where('u.email', '=', 'rob@example.test')
      .where('u.org_id', '=', admin.orgId)
      .executeTakeFirst();
    expect(rob).toEqual({ email: 'mia@example.test' });
  });
});

describe('moving in: users and teams', () => {
  const TEAMS = 'Team Id,Team Name,Type\nT1,Enterprise,field_sales\nT2,Inside,inside_sales\nT3,Partners,\n';
  const PEOPLE = [
    'Id,Full Name,Email,Role,Sales Team,Reports To',
    'U1,Mia Manager,mia@example.test,manager,Enterprise,',
    'U2,Rob Rep,,,Enterprise,Mia Manager',
    'U3,Rita Rep,rita@example.test,rep,Inside,mia@example.test',
    'U4,Rob Rep,,rep,Inside,Mia Manager',
  ].join('\n');

  it('teams, then users with team, role by default, managers of the same file and placeholder addresses; all inactive', async () => {
    const admin = await newOrg();
    const teams = await importCsv(deps, admin, TEAMS, { entity: 'teams' });
    expect(teams.rejects).toEqual([]);
    expect(teams.summary).toMatchObject({ inserted: 3 });
    // Without a rule for missing addresses, people without one are refused with the way out named.
    const refused = await importCsv(deps, admin, PEOPLE, { entity: 'users', dryRun: true });
    expect(refused.rejects.map((r) => [r.line, r.reason])).toEqual([
      [
        3,
        'email: missing (every user needs one; or give users without an address a generated placeholder with --missing-email placeholder)',
      ],
      [
        5,
        'email: missing (every user needs one; or give users without an address a generated placeholder with --missing-email placeholder)',
      ],
    ]);
    const { summary, rejects } = await importCsv(deps, admin, PEOPLE, {
      entity: 'users',
      missingEmail: 'placeholder',
      batchSize: 2,
    });
    expect(rejects).toEqual([]);
    expect(summary).toMatchObject({ inserted: 4, rejected: 0 });
    const users = await deps.db
      .selectFrom('users as u')
      .leftJoin('users as m', 'm.id', 'u.manager_id')
      .leftJoin('teams as t', 't.id', 'u.team_id')
      .select([
        'u.external_id',
        'u.email',
        'u.role',
        'u.active',
        'u.password_hash',
        't.name as team',
        'm.name as manager',
      ])
      .where('u.org_id', '=', admin.orgId)
      .where('u.external_id', 'is not', null)
      .orderBy('u.external_id')
      .execute();
    expect(users).toEqual([
      {
        external_id: 'U1',
        email: 'mia@example.test',
        role: 'manager',
        active: false,
        password_hash: null,
        team: 'Enterprise',
        manager: null,
      },
      {
        external_id: 'U2',
        email: 'rob.rep@users.invalid',
        role: 'rep',
        active: false,
        password_hash: null,
        team: 'Enterprise',
        manager: 'Mia Manager',
      },
      {
        external_id: 'U3',
        email: 'rita@example.test',
        role: 'rep',
        active: false,
        password_hash: null,
        team: 'Inside',
        manager: 'Mia Manager',
      },
      {
        external_id: 'U4',
        email: 'rob.rep.2@users.invalid',
        role: 'rep',
        active: false,
        password_hash: null,
        team: 'Inside',
        manager: 'Mia Manager',
      },
    ]);
    const kinds = await deps.db
      .selectFrom('teams')
      .select(['external_id', 'name', 'kind'])
      .where('org_id', '=', admin.orgId)
      .orderBy('name')
      .execute();
    expect(kinds).toEqual([
      { external_id: 'T1', name: 'Enterprise', kind: 'field_sales' },
      { external_id: 'T2', name: 'Inside', kind: 'inside_sales' },
      { external_id: 'T3', name: 'Partners', kind: 'other' },
    ]);
    // An invited user (activated by an admin) stays active through a re-import, which changes nothing else.
    await deps.db
      .updateTable('users')
      .set({ active: true })
      .where('org_id', '=', admin.orgId)
      .where('external_id', '=', 'U1')
      .execute();
    const again = await importCsv(deps, admin, PEOPLE, { entity: 'users', missingEmail: 'placeholder' });
    expect(again.summary).toMatchObject({ inserted: 0, updated: 0, unchanged: 4 });
    const mia = await deps.db
      .selectFrom('users')
      .select('active')
      .where('org_id', '=', admin.orgId)
      .where('external_id', '=', 'U1')
      .executeTakeFirst();
    expect(mia).toEqual({ active: true });
    const teamsAgain = await importCsv(deps, admin, TEAMS, { entity: 'teams' });
    expect(teamsAgain.summary).toMatchObject({ inserted: 0, unchanged: 3 });
  });

  it('a users file without an email column needs the placeholder rule', async () => {
    const admin = await newOrg();
    await expect(importCsv(deps, admin, 'Name\nAda\n', { entity: 'users' })).rejects.toMatchObject({
      fields: [
        {
          field: 'mapping',
          message:
            'no column for "email": name one with --map "Column=email", or give users without an address a generated placeholder with --missing-email placeholder',
        },
      ],
    });
    const ok = await importCsv(deps, admin, 'Name\nAda Lovelace\n', { entity: 'users', missingEmail: 'placeholder' });
    expect(ok.summary).toMatchObject({ inserted: 1 });
  });
});

describe('moving in: products named by the deals file', () => {
  it('a product created from the deals file carries its price per unit; line items without an amount take it', async () => {
    const admin = await newOrg();
    const file = [
      'Name,Stage,Amount,Product,Sales Price,Created',
      'Alpha,Qualify,,GTX Basic,550,2025-01-10',
      'Beta,Qualify,600,GTX Basic,550,2025-01-11',
      'Gamma,Qualify,,GTX Pro,4821,2025-01-12',
      'Delta,Qualify,,GTX Pro,,2025-01-13',
    ].join('\n');
    const { summary, rejects } = await importCsv(deps, admin, file, {
      entity: 'deals',
      createMissing: true,
      batchSize: 2,
    });
    expect(rejects).toEqual([]);
    expect(summary).toMatchObject({ inserted: 4, createdReferences: 2 });
    const products = await deps.db
      .selectFrom('products')
      .select(['name', 'list_price'])
      .where('org_id', '=', admin.orgId)
      .orderBy('name')
      .execute();
    expect(products).toEqual([
      { name: 'GTX Basic', list_price: '550.00' },
      { name: 'GTX Pro', list_price: '4821.00' },
    ]);
    const items = await deps.db
      .selectFrom('deal_line_items as i')
      .innerJoin('deals as d', 'd.id', 'i.deal_id')
      .select(['d.name', 'i.unit_price'])
      .where('i.org_id', '=', admin.orgId)
      .orderBy('d.name')
      .execute();
    expect(items).toEqual([
      { name: 'Alpha', unit_price: '550.00' },
      { name: 'Beta', unit_price: '600.00' },
      { name: 'Delta', unit_price: '4821.00' },
      { name: 'Gamma', unit_price: '4821.00' },
    ]);
  });

  it('products without a SKU get one made from their name when the name is unique, and the summary says so', async () => {
    const admin = await newOrg();
    const file = 'Product,Price\nGTX Plus Pro,5482\nMG Special,55\nMG Special,60\n';
    const { summary, rejects } = await importCsv(deps, admin, file, { entity: 'products', map: ['Product=name'] });
    expect(rejects.map((r) => [r.line, r.reason])).toEqual([
      [4, 'sku: missing, and another product of the file is named "MG Special": give each of them a SKU'],
    ]);
    expect(summary).toMatchObject({ inserted: 2, rejected: 1, generated: 2 });
    const products = await deps.db
      .selectFrom('products')
      .select(['sku', 'name', 'list_price'])
      .where('org_id', '=', admin.orgId)
      .orderBy('sku')
      .execute();
    expect(products).toEqual([
      { sku: 'GTX-PLUS-PRO', name: 'GTX Plus Pro', list_price: '5482.00' },
      { sku: 'MG-SPECIAL', name: 'MG Special', list_price: '55.00' },
    ]);
    // The same file again finds the products by the SKUs made the first time.
    const again = await importCsv(deps, admin, 'Product,Price\nGTX Plus Pro,5482\n', {
      entity: 'products',
      map: ['Product=name'],
    });
    expect(again.summary).toMatchObject({ inserted: 0, duplicates: 1 });
  });
});
