import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleMappingSchema, entityOfFile, type BundleMappingInput } from '../src/contract/import-bundle.ts';
import { ManualClock } from '../src/domain/deps.ts';
import { existingRefs, planBundle, runBundle } from '../src/modules/imports/import-bundle.ts';
import { starterPipeline } from '../src/modules/organizations/set-up-organization.ts';
import { createPipeline } from '../src/modules/pipelines/pipelines.service.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg } from './helpers/factories.ts';

const clock = new ManualClock('2026-03-02T09:00:00.000Z');
let deps: TestDeps;
let dir: string;

/** A small export of another CRM, as it comes: its own file and column names, stages and people. */
const FILES: Record<string, string> = {
  'sales_teams.csv': 'Team,Leader\nCentral,Mia Manager\nWest,Sam Senior\n',
  'sales_agents.csv': [
    'Name,Email,Role,Team,Manager',
    'Mia Manager,mia@example.test,manager,Central,',
    'Rob Rep,,,Central,Mia Manager',
    'Sam Senior,sam@example.test,manager,West,',
    'Ray Rep,ray@example.test,rep,West,sam@example.test',
  ].join('\n'),
  'accounts.csv': 'Account,Sector,Parent\nInitech Europe,software,Initech\nInitech,software,\nHooli,search,\n',
  'products.csv': 'Product,Series,Price\nGTX Basic,GTX,550\nMG Special,MG,55\n',
  'sales_pipeline.csv': [
    'Opportunity Id,Sales Agent,Product,Account,Deal Stage,Engage Date,Close Date,Close Value',
    'OP1,Rob Rep,GTX Basic,Initech Europe,Won,2025-01-10,2025-02-01,600',
    'OP2,Rob Rep,MG Special,Initech,Lost,2025-01-12,2025-02-03,0',
    'OP3,Ray Rep,GTX Basic,Hooli,Engaging,2025-03-01,,',
    'OP4,Ray Rep,MG Special,Hooli,Prospecting,2025-03-02,,',
  ].join('\n'),
};

const MAPPING: BundleMappingInput = {
  missingEmail: 'placeholder',
  files: [
    { file: 'sales_teams.csv', entity: 'teams', map: { Team: 'name', Leader: 'manager' } },
    { file: 'sales_agents.csv', entity: 'users' },
    { file: 'accounts.csv', entity: 'accounts', map: { Account: 'name', Sector: 'industry' } },
    { file: 'products.csv', entity: 'products', map: { Product: 'name', Series: 'family' } },
    {
      file: 'sales_pipeline.csv',
      entity: 'deals',
      map: {
        'Opportunity Id': 'externalId',
        'Sales Agent': 'owner',
        'Engage Date': 'createdAt',
        'Close Value': 'amount',
      },
      stageMap: { Prospecting: 'Qualify', Engaging: 'Discovery' },
    },
  ],
};

beforeAll(async () => {
  deps = await createTestDeps({ clock });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-bundle-'));
  for (const [name, text] of Object.entries(FILES)) fs.writeFileSync(path.join(dir, name), text);
});
afterAll(async () => {
  await deps.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('import bundle', () => {
  it('recognises the files of an export by their names', () => {
    expect(Object.keys(FILES).map(entityOfFile)).toEqual(['teams', 'users', 'accounts', 'products', 'deals']);
    expect(entityOfFile('notes.csv')).toBeNull();
  });

  it('moves a whole export in one run: users with managers, teams, accounts with parents, products, deals with stages and owners', async () => {
    const { admin } = await createTestOrg(deps);
    await createPipeline(deps, admin, starterPipeline);
    const mapping = bundleMappingSchema.parse(MAPPING);
    const plan = await planBundle(dir, mapping, existingRefs(deps, admin));
    expect(plan.steps.flatMap((s) => s.problems)).toEqual([]);
    // The mapping to save names every column as it was read, the ones recognised by name too.
    expect(plan.mapping.files.map((f) => [f.file, f.map])).toEqual([
      ['sales_teams.csv', { Team: 'name', Leader: 'manager' }],
      ['sales_agents.csv', { Name: 'name', Email: 'email', Role: 'role', Team: 'team', Manager: 'manager' }],
      ['accounts.csv', { Account: 'name', Sector: 'industry', Parent: 'parentAccount' }],
      ['products.csv', { Product: 'name', Series: 'family', Price: 'listPrice' }],
      [
        'sales_pipeline.csv',
        {
          'Opportunity Id': 'externalId',
          'Sales Agent': 'owner',
          Product: 'product',
          Account: 'account',
          'Deal Stage': 'stage',
          'Engage Date': 'createdAt',
          'Close Date': 'closeDate',
          'Close Value': 'amount',
        },
      ],
    ]);
    expect(plan.steps.map((s) => [s.file, s.entity, s.rows])).toEqual([
      ['sales_teams.csv', 'teams', 2],
      ['sales_agents.csv', 'users', 4],
      ['accounts.csv', 'accounts', 3],
      ['products.csv', 'products', 2],
      ['sales_pipeline.csv', 'deals', 4],
    ]);
    const rejects: string[] = [];
    const result = await runBundle(
      deps,
      admin,
      dir,
      plan,
      { dryRun: false },
      {
        onReject: (s, r) => void rejects.push(`${s.file}:${r.line}: ${r.reason}`),
      },
    );
    await deps.sealer.flush();
    expect(rejects).toEqual([]);
    expect(result.imported.map((i) => [i.entity, i.summary.inserted, i.summary.updated, i.summary.rejected])).toEqual([
      ['teams', 2, 0, 0],
      ['users', 4, 0, 0],
      ['teams', 0, 2, 0],
      ['accounts', 3, 0, 0],
      ['products', 2, 0, 0],
      ['deals', 4, 0, 0],
    ]);
    const org = admin.orgId;
    const teams = await deps.db
      .selectFrom('teams as t')
      .leftJoin('users as m', 'm.id', 't.manager_id')
      .select(['t.name', 'm.name as manager'])
      .where('t.org_id', '=', org)
      .orderBy('t.name')
      .execute();
    expect(teams).toEqual([
      { name: 'Central', manager: 'Mia Manager' },
      { name: 'West', manager: 'Sam Senior' },
    ]);
    const users = await deps.db
      .selectFrom('users as u')
      .leftJoin('users as m', 'm.id', 'u.manager_id')
      .leftJoin('teams as t', 't.id', 'u.team_id')
      .select(['u.name', 'u.email', 'u.role', 'u.active', 't.name as team', 'm.name as manager'])
      .where('u.org_id', '=', org)
      .where('u.id', '!=', admin.userId)
      .orderBy('u.name')
      .execute();
    expect(users).toEqual([
      {
        name: 'Mia Manager',
        email: 'mia@example.test',
        role: 'manager',
        active: false,
        team: 'Central',
        manager: null,
      },
      { name: 'Ray Rep', email: 'ray@example.test', role: 'rep', active: false, team: 'West', manager: 'Sam Senior' },
      {
        name: 'Rob Rep',
        email: 'rob.rep@users.invalid',
        role: 'rep',
        active: false,
        team: 'Central',
        manager: 'Mia Manager',
      },
      { name: 'Sam Senior', email: 'sam@example.test', role: 'manager', active: false, team: 'West', manager: null },
    ]);
    const accounts = await deps.db
      .selectFrom('accounts as a')
      .leftJoin('accounts as p', 'p.id', 'a.parent_account_id')
      .select(['a.name', 'a.industry', 'p.name as parent'])
      .where('a.org_id', '=', org)
      .orderBy('a.name')
      .execute();
    expect(accounts).toEqual([
      { name: 'Hooli', industry: 'search', parent: null },
      { name: 'Initech', industry: 'software', parent: null },
      { name: 'Initech Europe', industry: 'software', parent: 'Initech' },
    ]);
    const products = await deps.db
      .selectFrom('products')
      .select(['sku', 'name', 'family', 'list_price'])
      .where('org_id', '=', org)
      .orderBy('sku')
      .execute();
    expect(products).toEqual([
      { sku: 'GTX-BASIC', name: 'GTX Basic', family: 'GTX', list_price: '550.00' },
      { sku: 'MG-SPECIAL', name: 'MG Special', family: 'MG', list_price: '55.00' },
    ]);
    const deals = await deps.db
      .selectFrom('deals as d')
      .innerJoin('stages as s', 's.id', 'd.stage_id')
      .innerJoin('users as o', 'o.id', 'd.owner_id')
      .innerJoin('accounts as a', 'a.id', 'd.account_id')
      .leftJoin('deal_line_items as i', 'i.deal_id', 'd.id')
      .leftJoin('products as p', 'p.id', 'i.product_id')
      .select([
        'd.external_id',
        'd.status',
        's.name as stage',
        'o.name as owner',
        'a.name as account',
        'p.sku',
        'i.unit_price',
      ])
      .where('d.org_id', '=', org)
      .orderBy('d.external_id')
      .execute();
    expect(deals).toEqual([
      {
        external_id: 'OP1',
        status: 'won',
        stage: 'Won',
        owner: 'Rob Rep',
        account: 'Initech Europe',
        sku: 'GTX-BASIC',
        unit_price: '600.00',
      },
      {
        external_id: 'OP2',
        status: 'lost',
        stage: 'Lost',
        owner: 'Rob Rep',
        account: 'Initech',
        sku: 'MG-SPECIAL',
        unit_price: '0.00',
      },
      {
        external_id: 'OP3',
        status: 'open',
        stage: 'Discovery',
        owner: 'Ray Rep',
        account: 'Hooli',
        sku: 'GTX-BASIC',
        unit_price: '550.00',
      },
      {
        external_id: 'OP4',
        status: 'open',
        stage: 'Qualify',
        owner: 'Ray Rep',
        account: 'Hooli',
        sku: 'MG-SPECIAL',
        unit_price: '55.00',
      },
    ]);

    // The saved mapping run again adds nothing.
    const again = await runBundle(
      deps,
      admin,
      dir,
      await planBundle(
        dir,
        bundleMappingSchema.parse(JSON.parse(JSON.stringify(plan.mapping))),
        existingRefs(deps, admin),
      ),
      { dryRun: false },
    );
    expect(again.imported.reduce((n, i) => n + i.summary.inserted, 0)).toBe(0);
  });

  it('a dry run (and any problem) plans and names every problem first, and writes nothing', async () => {
    const { admin } = await createTestOrg(deps);
    await createPipeline(deps, admin, starterPipeline);
    const bad = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-bundle-bad-'));
    try {
      fs.writeFileSync(path.join(bad, 'accounts.csv'), 'Name,Employees\nInitech,many\nHooli,12\n');
      fs.writeFileSync(path.join(bad, 'products.csv'), 'Family\nGTX\n');
      fs.writeFileSync(path.join(bad, 'notes.csv'), 'Text\nhello\n');
      // An owner no file of the folder and no user of the organization is; an account no file has.
      fs.writeFileSync(
        path.join(bad, 'deals.csv'),
        'Name,Owner,Account,Stage\nBig one,Nobody Known,Hooli,Qualify\nSmall,nobody known,Nowhere Inc,Qualify\n',
      );
      const plan = await planBundle(bad, bundleMappingSchema.parse({}), existingRefs(deps, admin));
      expect(plan.skipped).toEqual([
        { file: 'notes.csv', reason: 'its name says no entity; name it in a mapping file' },
      ]);
      expect(plan.steps.map((s) => [s.entity, s.problems])).toEqual([
        ['accounts', ['line 2: Employees: "many" is not a whole number']],
        [
          'products',
          [
            'no column for the required field "name" (name one with --map "Column=name")',
            'no column for the required field "listPrice" (name one with --map "Column=listPrice")',
          ],
        ],
        [
          'deals',
          ['line 2: owner "Nobody Known" is in no users file of the folder and is not a user of the organization'],
        ],
      ]);
      // Without creating missing references, an account of no file and of no record is one too.
      const strict = await planBundle(
        bad,
        bundleMappingSchema.parse({ createMissing: false }),
        existingRefs(deps, admin),
      );
      expect(strict.steps.find((s) => s.entity === 'deals')?.problems).toEqual([
        'line 2: owner "Nobody Known" is in no users file of the folder and is not a user of the organization',
        'line 3: account "Nowhere Inc" is in no accounts file of the folder and is not an account of the organization',
      ]);
      const result = await runBundle(deps, admin, bad, plan, { dryRun: false });
      expect(result.imported).toEqual([]);
      expect(await deps.db.selectFrom('accounts').select('id').where('org_id', '=', admin.orgId).execute()).toEqual([]);
    } finally {
      fs.rmSync(bad, { recursive: true, force: true });
    }
  });
});
