import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/contract/access.ts';
import { importableEntities, type ImportEntity } from '../src/contract/import-fields.ts';
import type { ImportPreset } from '../src/contract/import-presets.ts';
import { ManualClock } from '../src/domain/deps.ts';
import { proposeMapping } from '../src/domain/import-rows.ts';
import { createTier } from '../src/modules/channel/programme.service.ts';
import { starterPipeline } from '../src/modules/organizations/set-up-organization.ts';
import { createPipeline } from '../src/modules/pipelines/pipelines.service.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg, createTestUser } from './helpers/factories.ts';
import { fixture, importCsv } from './helpers/imports.ts';

const clock = new ManualClock('2026-01-20T10:00:00.000Z');
let deps: TestDeps;

beforeAll(async () => {
  deps = await createTestDeps({ clock });
});
afterAll(async () => {
  await deps.cleanup();
});

/**
 * An organization with the Gold (90 days of protection) and Silver (60) tiers, a prospect account
 * "Contoso Solutions", a customer "Globex Corporation" (globex.example) with an open direct deal,
 * and the products Widget Pro and Widget Lite.
 */
async function org() {
  const { admin } = await createTestOrg(deps);
  await createPipeline(deps, admin, starterPipeline);
  const gold = await createTier(deps, admin, { name: 'Gold', protectionDays: 90 });
  const silver = await createTier(deps, admin, { name: 'Silver', protectionDays: 60 });
  await importCsv(
    deps,
    admin,
    'Name,Domain,Type\nContoso Solutions,contoso.example,prospect\nGlobex Corporation,globex.example,customer\n',
    { entity: 'accounts' },
  );
  await importCsv(deps, admin, 'SKU,Name,List Price\nWP-1,Widget Pro,1000\nWL-1,Widget Lite,400\n', {
    entity: 'products',
  });
  await importCsv(
    deps,
    admin,
    'External Id,Name,Account,Amount\nOPP-GX-1,Globex expansion,Globex Corporation,40000\n',
    {
      entity: 'deals',
    },
  );
  return { admin, gold: gold.id, silver: silver.id };
}

async function accountId(orgId: string, name: string): Promise<string> {
  const row = await deps.db
    .selectFrom('accounts')
    .select('id')
    .where('org_id', '=', orgId)
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function dealId(orgId: string, externalId: string): Promise<string> {
  const row = await deps.db
    .selectFrom('deals')
    .select('id')
    .where('org_id', '=', orgId)
    .where('external_id', '=', externalId)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function profilesOf(orgId: string) {
  return deps.db
    .selectFrom('partner_profiles as p')
    .innerJoin('accounts as a', (j) => j.onRef('a.org_id', '=', 'p.org_id').onRef('a.id', '=', 'p.account_id'))
    .select(['a.name', 'a.domain', 'a.external_id', 'a.type', 'p.partner_type', 'p.tier_id'])
    .where('p.org_id', '=', orgId)
    .orderBy('a.name')
    .execute();
}

async function eventsOf(orgId: string, type: string) {
  return deps.db
    .selectFrom('events')
    .select(['entity_id', 'data', 'business_time', 'imported'])
    .where('org_id', '=', orgId)
    .where('type', '=', type)
    .orderBy('id')
    .execute();
}

async function registrationsOf(orgId: string) {
  return deps.db
    .selectFrom('deal_registrations as r')
    .innerJoin('accounts as a', (j) => j.onRef('a.org_id', '=', 'r.org_id').onRef('a.id', '=', 'r.partner_account_id'))
    .leftJoin('deals as d', (j) => j.onRef('d.org_id', '=', 'r.org_id').onRef('d.id', '=', 'r.deal_id'))
    .select([
      'r.id',
      'a.name as partner',
      'r.customer_name',
      'r.customer_domain',
      'r.amount',
      'r.currency',
      'r.product_ids',
      'r.status',
      'r.registered_at',
      'r.decided_at',
      'r.rejection_reason',
      'd.external_id as deal',
      'r.protection_days',
      'r.protected_until',
    ])
    .where('r.org_id', '=', orgId)
    .orderBy('r.registered_at')
    .execute();
}

/** The partners of the Salesforce fixture and the partner deal OPP-NW-1 of Northwind. */
async function withPartners(admin: Actor) {
  const partners = await importCsv(deps, admin, fixture('partners-salesforce.csv'), {
    entity: 'partners',
    preset: 'salesforce',
    createMissing: true,
  });
  await importCsv(
    deps,
    admin,
    'External Id,Name,Account,Channel,Partner,Amount\nOPP-NW-1,Initech platform,Initech,partner,Northwind Distribution,20000\n',
    { entity: 'deals', createMissing: true },
  );
  return partners;
}

describe('importing partner accounts', () => {
  it('a Salesforce PRM export: partner types by their aliases, tiers by name, missing accounts created; bad rows say why', async () => {
    const { admin, gold, silver } = await org();
    const { summary, rejects } = await withPartners(admin);
    expect(rejects.map((r) => [r.line, r.reason])).toEqual([
      [5, 'tier: no partner tier named "Platinum" (tiers are set up on the Channel page)'],
      [
        6,
        'Partner Type: "Wholesaler" is not one of distributor, reseller, value_added_reseller, referral, managed_service_provider',
      ],
    ]);
    expect(summary).toMatchObject({ rows: 5, inserted: 3, updated: 0, rejected: 2, createdReferences: 2 });
    expect(await profilesOf(admin.orgId)).toEqual([
      // The existing account keeps its account type; the programme makes it a partner.
      {
        name: 'Contoso Solutions',
        domain: 'contoso.example',
        external_id: null,
        type: 'prospect',
        partner_type: 'value_added_reseller',
        tier_id: silver,
      },
      {
        name: 'Fabrikam Managed IT',
        domain: 'fabrikam.example',
        external_id: '001P000000000003',
        type: 'other',
        partner_type: 'managed_service_provider',
        tier_id: null,
      },
      {
        name: 'Northwind Distribution',
        domain: 'northwind.example',
        external_id: '001P000000000001',
        type: 'distributor',
        partner_type: 'distributor',
        tier_id: gold,
      },
    ]);
    const set = await eventsOf(admin.orgId, 'account.partner_programme_set');
    expect(set.map((e) => [e.data, e.business_time, e.imported])).toEqual([
      [
        { partnerType: { from: null, to: 'distributor' }, tierId: { from: null, to: gold } },
        new Date('2025-01-15T09:00:00.000Z'),
        true,
      ],
      [
        { partnerType: { from: null, to: 'value_added_reseller' }, tierId: { from: null, to: silver } },
        new Date('2025-02-03T09:00:00.000Z'),
        true,
      ],
      [
        { partnerType: { from: null, to: 'managed_service_provider' }, tierId: { from: null, to: null } },
        new Date('2025-03-01T09:00:00.000Z'),
        true,
      ],
    ]);

    const again = await importCsv(deps, admin, fixture('partners-salesforce.csv'), {
      entity: 'partners',
      preset: 'salesforce',
      createMissing: true,
    });
    expect(again.summary).toMatchObject({ inserted: 0, updated: 0, unchanged: 3, rejected: 2, createdReferences: 0 });
    expect(await eventsOf(admin.orgId, 'account.partner_programme_set')).toHaveLength(3);
    expect(await profilesOf(admin.orgId)).toHaveLength(3);
  });

  it('a HubSpot company export: a changed type or tier updates the profile; the same company twice is a duplicate', async () => {
    const { admin, gold } = await org();
    await withPartners(admin);
    const { summary, rejects } = await importCsv(deps, admin, fixture('partners-hubspot.csv'), {
      entity: 'partners',
      preset: 'hubspot',
      createMissing: true,
    });
    expect(rejects.map((r) => [r.line, r.reason])).toEqual([[4, 'duplicate: the account of line 2 again']]);
    expect(summary).toMatchObject({ inserted: 1, updated: 1, duplicates: 1, createdReferences: 1 });
    const profiles = await profilesOf(admin.orgId);
    expect(profiles.find((p) => p.name === 'Tailspin Toys')).toMatchObject({
      partner_type: 'value_added_reseller',
      tier_id: gold,
      external_id: '9001',
      type: 'value_added_reseller',
    });
    // No tier in the file: Contoso keeps Silver, only its type changes.
    const contoso = await accountId(admin.orgId, 'Contoso Solutions');
    const last = (await eventsOf(admin.orgId, 'account.partner_programme_set')).filter((e) => e.entity_id === contoso);
    expect(last.at(-1)?.data).toMatchObject({ partnerType: { from: 'value_added_reseller', to: 'referral' } });
    expect(profiles.find((p) => p.name === 'Contoso Solutions')?.partner_type).toBe('referral');
  });
});

describe('importing deal registrations', () => {
  it('a Salesforce Deal Registration export: submitted at their business time, decisions recorded, conflicts found; bad rows say why', async () => {
    const { admin } = await org();
    await withPartners(admin);
    const manager = await createTestUser(deps, admin, 'manager');
    const { summary, rejects } = await importCsv(deps, manager, fixture('registrations-salesforce.csv'), {
      entity: 'registrations',
      preset: 'salesforce',
    });
    expect(rejects.map((r) => [r.line, r.reason])).toEqual([
      [5, 'partner: the account "Globex Corporation" is not a partner; import it as a partner first'],
      [6, 'deal: an approved registration needs the deal it was approved into; import the deals first'],
      [7, 'products: no product "Gizmo"'],
    ]);
    expect(summary).toMatchObject({ rows: 6, inserted: 3, updated: 0, rejected: 3 });
    const widgetPro = await deps.db
      .selectFrom('products')
      .select('id')
      .where('org_id', '=', admin.orgId)
      .where('sku', '=', 'WP-1')
      .executeTakeFirstOrThrow();
    const regs = await registrationsOf(admin.orgId);
    expect(regs.map(({ id: _, ...r }) => r)).toEqual([
      {
        partner: 'Northwind Distribution',
        customer_name: 'Umbrella Health',
        customer_domain: 'umbrella.example',
        amount: '15000.00',
        currency: 'USD',
        product_ids: [],
        status: 'rejected',
        registered_at: new Date('2025-10-01T09:00:00.000Z'),
        decided_at: new Date('2025-10-03T09:00:00.000Z'),
        rejection_reason: 'Customer already works with the direct team',
        deal: null,
        protection_days: null,
        protected_until: null,
      },
      {
        partner: 'Northwind Distribution',
        customer_name: 'Initech',
        customer_domain: 'initech.example',
        amount: '20000.00',
        currency: 'USD',
        product_ids: [],
        status: 'approved',
        registered_at: new Date('2025-12-01T09:00:00.000Z'),
        decided_at: new Date('2025-12-03T15:00:00.000Z'),
        rejection_reason: null,
        deal: 'OPP-NW-1',
        // Gold: 90 days from the approval
        protection_days: 90,
        protected_until: new Date('2026-03-03T15:00:00.000Z'),
      },
      {
        partner: 'Contoso Solutions',
        customer_name: 'Globex Corporation',
        customer_domain: 'globex.example',
        amount: '50000.00',
        currency: 'USD',
        product_ids: [widgetPro.id],
        status: 'pending',
        registered_at: new Date('2026-01-05T09:00:00.000Z'),
        decided_at: null,
        rejection_reason: null,
        deal: null,
        protection_days: null,
        protected_until: null,
      },
    ]);
    const submitted = await eventsOf(admin.orgId, 'deal_registration.submitted');
    expect(
      submitted.map((e) => [(e.data as { after: { externalId?: string } }).after.externalId, e.business_time]),
    ).toEqual([
      ['a0R000000000001', new Date('2026-01-05T09:00:00.000Z')],
      ['a0R000000000002', new Date('2025-12-01T09:00:00.000Z')],
      ['a0R000000000003', new Date('2025-10-01T09:00:00.000Z')],
    ]);
    const approved = await eventsOf(admin.orgId, 'deal_registration.approved');
    expect(approved.map((e) => [e.data, e.business_time, e.imported])).toEqual([
      [
        {
          dealId: await dealId(admin.orgId, 'OPP-NW-1'),
          dealCreated: false,
          protectionDays: 90,
          protectedUntil: '2026-03-03T15:00:00.000Z',
          approvalBusinessDays: 2,
        },
        new Date('2025-12-03T15:00:00.000Z'),
        true,
      ],
    ]);
    const rejected = await eventsOf(admin.orgId, 'deal_registration.rejected');
    expect(rejected.map((e) => [e.data, e.business_time])).toEqual([
      [
        { reason: 'Customer already works with the direct team', approvalBusinessDays: 2 },
        new Date('2025-10-03T09:00:00.000Z'),
      ],
    ]);
    // The Globex registration is after the customer of the open direct deal.
    const conflicts = await deps.db
      .selectFrom('channel_conflicts')
      .select(['subject_kind', 'subject_id', 'match_kind', 'match_id', 'status'])
      .where('org_id', '=', admin.orgId)
      .execute();
    const globexReg = regs.find((r) => r.customer_name === 'Globex Corporation');
    expect(conflicts).toEqual([
      {
        subject_kind: 'registration',
        subject_id: globexReg?.id,
        match_kind: 'deal',
        match_id: await dealId(admin.orgId, 'OPP-GX-1'),
        status: 'open',
      },
    ]);

    // The same file again: nothing duplicated, nothing decided changed.
    const again = await importCsv(deps, manager, fixture('registrations-salesforce.csv'), {
      entity: 'registrations',
      preset: 'salesforce',
    });
    expect(again.summary).toMatchObject({ inserted: 0, updated: 0, unchanged: 3, rejected: 3 });
    expect(await registrationsOf(admin.orgId)).toEqual(regs);
    expect(
      await deps.db.selectFrom('channel_conflicts').select('id').where('org_id', '=', admin.orgId).execute(),
    ).toHaveLength(1);

    // A later export: the pending one was rejected since; the rejected one says approved (left as decided).
    const later = [
      'Id,Partner_Account__c,Customer_Company_Name__c,Submitted_Date__c,Registration_Status__c,Approval_Date__c,Rejection_Reason__c,Opportunity__c',
      'a0R000000000001,Contoso Solutions,Globex Corporation,2026-01-05T09:00:00.000Z,Rejected,2026-01-07T09:00:00.000Z,Direct deal first,',
      'a0R000000000003,Northwind Distribution,Umbrella Health,2025-10-01T09:00:00.000Z,Approved,2025-10-03T09:00:00.000Z,,OPP-NW-1',
    ].join('\n');
    const third = await importCsv(deps, manager, later, { entity: 'registrations', preset: 'salesforce' });
    expect(third.summary).toMatchObject({ inserted: 0, updated: 1, unchanged: 1, rejected: 0 });
    const after = await registrationsOf(admin.orgId);
    expect(after.find((r) => r.customer_name === 'Globex Corporation')).toMatchObject({
      status: 'rejected',
      rejection_reason: 'Direct deal first',
      decided_at: new Date('2026-01-07T09:00:00.000Z'),
    });
    expect(after.find((r) => r.customer_name === 'Umbrella Health')?.status).toBe('rejected');
  });

  it('a HubSpot deal registration export: products by name, an expired one approved then expired at the end of its window', async () => {
    const { admin } = await org();
    await withPartners(admin);
    const { summary, rejects } = await importCsv(deps, admin, fixture('registrations-hubspot.csv'), {
      entity: 'registrations',
      preset: 'hubspot',
    });
    expect(rejects).toEqual([]);
    expect(summary).toMatchObject({ rows: 2, inserted: 2 });
    const regs = await registrationsOf(admin.orgId);
    expect(
      regs.map((r) => [r.customer_name, r.status, r.currency, r.product_ids.length, r.deal, r.protected_until]),
    ).toEqual([
      ['Initech', 'expired', 'USD', 0, 'OPP-NW-1', new Date('2025-12-01T09:00:00.000Z')],
      ['Acme Rockets', 'pending', 'EUR', 2, null, null],
    ]);
    const expired = await eventsOf(admin.orgId, 'deal_registration.expired');
    expect(expired.map((e) => [e.data, e.business_time])).toEqual([
      [
        { protectedUntil: '2025-12-01T09:00:00.000Z', dealId: await dealId(admin.orgId, 'OPP-NW-1') },
        new Date('2025-12-01T09:00:00.000Z'),
      ],
    ]);
  });
});

/** The header of a fixture (none of them quotes a column name). */
const headersOf = (name: string): string[] => (fs.readFileSync(fixture(name), 'utf8').split('\n')[0] ?? '').split(',');

describe('who imports the partner programme', () => {
  it('admins import partners (they configure the programme); channel managers registrations; no other role either', () => {
    const channel = (role: string) => importableEntities(role).filter((e) => e === 'partners' || e === 'registrations');
    expect(channel('admin')).toEqual(['partners', 'registrations']);
    expect(channel('manager')).toEqual(['registrations']);
    for (const role of ['rep', 'inside_sales', 'marketing', 'agent', 'auditor', 'partner'])
      expect(channel(role)).toEqual([]);
  });
});

describe('partner and registration presets', () => {
  it.each<[string, ImportEntity, ImportPreset, Record<string, string>]>([
    [
      'partners-salesforce.csv',
      'partners',
      'salesforce',
      {
        Id: 'externalId',
        Name: 'account',
        Website: 'domain',
        'Partner Type': 'partnerType',
        'Partner Tier': 'tier',
        CreatedDate: 'createdAt',
      },
    ],
    [
      'partners-hubspot.csv',
      'partners',
      'hubspot',
      {
        'Record ID': 'externalId',
        'Company name': 'account',
        'Company Domain Name': 'domain',
        'Partner Type': 'partnerType',
        'Partner Tier': 'tier',
        'Create Date': 'createdAt',
      },
    ],
    [
      'registrations-salesforce.csv',
      'registrations',
      'salesforce',
      {
        Id: 'externalId',
        Partner_Account__c: 'partner',
        Customer_Company_Name__c: 'customerName',
        Customer_Website__c: 'customerDomain',
        Estimated_Deal_Size__c: 'amount',
        CurrencyIsoCode: 'currency',
        Expected_Close_Date__c: 'expectedCloseDate',
        Products__c: 'products',
        Submitted_Date__c: 'registeredAt',
        Registration_Status__c: 'status',
        Approval_Date__c: 'decidedAt',
        Rejection_Reason__c: 'reason',
        Opportunity__c: 'deal',
      },
    ],
    [
      'registrations-hubspot.csv',
      'registrations',
      'hubspot',
      {
        'Record ID': 'externalId',
        'Partner Company': 'partner',
        'Customer Company Name': 'customerName',
        'Customer Domain': 'customerDomain',
        Amount: 'amount',
        Currency: 'currency',
        'Expected Close Date': 'expectedCloseDate',
        Products: 'products',
        'Submission Date': 'registeredAt',
        'Registration Status': 'status',
        'Decision Date': 'decidedAt',
        'Rejection Reason': 'reason',
        'Associated Deal': 'deal',
      },
    ],
  ])('%s: its columns mapped by the preset', (file, entity, preset, expected) => {
    const mapping = proposeMapping(entity, headersOf(file), { preset });
    expect(mapping.problems).toEqual([]);
    expect(Object.fromEntries(mapping.columns.flatMap((c) => (c.field ? [[c.header, c.field]] : [])))).toEqual(
      expected,
    );
  });
});
