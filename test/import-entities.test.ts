import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/contract/access.ts';
import { starterPipeline } from '../src/modules/organizations/set-up-organization.ts';
import { createPipeline } from '../src/modules/pipelines/pipelines.service.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg, createTestUser } from './helpers/factories.ts';
import { fixture, importCsv } from './helpers/imports.ts';

let deps: TestDeps;

beforeAll(async () => {
  deps = await createTestDeps();
});
afterAll(async () => {
  await deps.cleanup();
});

async function org(): Promise<{ admin: Actor; ownerId: string }> {
  const { admin } = await createTestOrg(deps);
  await createPipeline(deps, admin, starterPipeline);
  const owner = await createTestUser(deps, admin, 'rep', { name: 'Ada Owner' });
  await deps.db.updateTable('users').set({ email: 'ada.owner@example.test' }).where('id', '=', owner.userId).execute();
  await importCsv(deps, admin, 'Name,Website\nAcme Corporation,acme.example\nGlobex,globex.example\n', {
    entity: 'accounts',
  });
  return { admin, ownerId: owner.userId };
}

describe('importing the other entities', () => {
  it('products: a batch that fails to write is rolled back whole and stops the import, naming its lines', async () => {
    const { admin } = await org();
    // p-3 and P-3 are the same SKU to the database (unique regardless of case): the second batch fails.
    await expect(importCsv(deps, admin, fixture('products.csv'), { entity: 'products', batchSize: 2 })).rejects.toThrow(
      /^lines 4-5 were not imported \(the whole batch was rolled back\)/,
    );
    const products = await deps.db
      .selectFrom('products')
      .select(['sku', 'list_price', 'active'])
      .where('org_id', '=', admin.orgId)
      .orderBy('sku')
      .execute();
    expect(products).toEqual([
      { sku: 'P-1', list_price: '19.99', active: true },
      { sku: 'P-2', list_price: '1000.00', active: false },
    ]);
  });

  it('contacts from a HubSpot export, with emails, phones, account and owner', async () => {
    const { admin, ownerId } = await org();
    const { summary, rejects } = await importCsv(deps, admin, fixture('contacts-hubspot.csv'), {
      entity: 'contacts',
      preset: 'hubspot',
    });
    expect(summary).toMatchObject({ inserted: 2, rejected: 1 });
    expect(rejects.map((r) => [r.line, r.reason])).toEqual([[4, 'Email: "not-an-email" is not an email address']]);
    const grace = await deps.db
      .selectFrom('contacts')
      .selectAll()
      .where('org_id', '=', admin.orgId)
      .where('external_id', '=', '501')
      .executeTakeFirstOrThrow();
    expect(grace).toMatchObject({
      first_name: 'Grace',
      last_name: 'Hopper',
      title: 'CTO',
      emails: ['grace@acme.example'],
      phones: ['+1 555 0100'],
      owner_id: ownerId,
    });
    expect(grace.created_at.toISOString()).toBe('2024-11-02T00:00:00.000Z');
    const again = await importCsv(deps, admin, 'First Name,Last Name,Email\nGrace,Hopper,grace@acme.example\n', {
      entity: 'contacts',
    });
    expect(again.summary).toMatchObject({ inserted: 0, duplicates: 1 });
  });

  it('leads with statuses named as other systems name them', async () => {
    const { admin } = await org();
    const { summary } = await importCsv(deps, admin, fixture('leads.csv'), { entity: 'leads' });
    expect(summary).toMatchObject({ inserted: 3, rejected: 0 });
    const leads = await deps.db
      .selectFrom('leads')
      .select(['first_name', 'last_name', 'status', 'source'])
      .where('org_id', '=', admin.orgId)
      .orderBy('last_name')
      .orderBy('first_name')
      .execute();
    expect(leads).toEqual([
      { first_name: 'Marie', last_name: 'Curie', status: 'working', source: 'Web' },
      { first_name: 'Pierre', last_name: 'Curie', status: 'disqualified', source: 'Event' },
      { first_name: null, last_name: 'Nobody', status: 'new', source: null },
    ]);
  });

  it('activities linked to imported deals, with the rules of each type', async () => {
    const { admin } = await org();
    await importCsv(deps, admin, fixture('deals-history.csv'), { entity: 'deals' });
    const { summary, rejects } = await importCsv(deps, admin, fixture('activities.csv'), { entity: 'activities' });
    expect(summary).toMatchObject({ inserted: 2, rejected: 2 });
    expect(rejects.map((r) => [r.line, r.reason])).toEqual([
      [4, 'a call needs direction and disposition'],
      [5, 'an activity needs at least one of deal, contact, account, lead'],
    ]);
    const call = await deps.db
      .selectFrom('activities')
      .selectAll()
      .where('org_id', '=', admin.orgId)
      .where('external_id', '=', 'a-1')
      .executeTakeFirstOrThrow();
    expect(call).toMatchObject({
      type: 'call',
      call_direction: 'outbound',
      call_disposition: 'connected',
      duration_seconds: 300,
      body: 'Went well',
    });
    expect(call.occurred_at?.toISOString()).toBe('2025-01-12T14:10:00.000Z');
  });

  it('users without passwords, roles checked, never a secret in their events', async () => {
    const { admin } = await org();
    const { summary, rejects } = await importCsv(deps, admin, fixture('users.csv'), { entity: 'users' });
    expect(summary).toMatchObject({ inserted: 2, rejected: 1 });
    expect(rejects[0]?.reason).toMatch(/^Role: "sales rep" is not one of admin, manager, rep/);
    const users = await deps.db
      .selectFrom('users')
      .select(['email', 'role', 'password_hash'])
      .where('org_id', '=', admin.orgId)
      .where('email', 'in', ['rep.one@example.test', 'mgr@example.test'])
      .orderBy('email')
      .execute();
    expect(users).toEqual([
      { email: 'mgr@example.test', role: 'manager', password_hash: null },
      { email: 'rep.one@example.test', role: 'rep', password_hash: null },
    ]);
    const events = await deps.db
      .selectFrom('events')
      .select('data')
      .where('org_id', '=', admin.orgId)
      .where('type', '=', 'user.created')
      .where('imported', '=', true)
      .execute();
    expect(events).toHaveLength(2);
    expect(JSON.stringify(events)).not.toContain('password');
  });
});
