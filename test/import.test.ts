import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/contract/access.ts';
import { ManualClock } from '../src/domain/deps.ts';
import { verifyChain } from '../src/modules/events/chain.ts';
import { createPipeline } from '../src/modules/pipelines/pipelines.service.ts';
import { starterPipeline } from '../src/modules/organizations/set-up-organization.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg, createTestUser } from './helpers/factories.ts';
import { fixture, importCsv } from './helpers/imports.ts';

const clock = new ManualClock('2026-03-02T09:00:00.000Z');
let deps: TestDeps;

beforeAll(async () => {
  deps = await createTestDeps({ clock });
});
afterAll(async () => {
  await deps.cleanup();
});

/** An organization with the starter pipeline and an owner "Ada Owner" (ada.owner@example.test). */
async function orgWithOwner(): Promise<{ admin: Actor; ownerId: string }> {
  const { admin } = await createTestOrg(deps);
  await createPipeline(deps, admin, starterPipeline);
  const owner = await createTestUser(deps, admin, 'rep', { name: 'Ada Owner' });
  await deps.db.updateTable('users').set({ email: 'ada.owner@example.test' }).where('id', '=', owner.userId).execute();
  return { admin, ownerId: owner.userId };
}

const accountsOf = (orgId: string) =>
  deps.db.selectFrom('accounts').selectAll().where('org_id', '=', orgId).orderBy('external_id').execute();

describe('importing accounts', () => {
  it('maps headers by name, reads quotes, embedded line breaks, BOM and CRLF, and rejects bad rows with line and reason', async () => {
    const { admin, ownerId } = await orgWithOwner();
    const { summary, rejects } = await importCsv(deps, admin, fixture('accounts.csv'), { entity: 'accounts' });
    expect(summary).toMatchObject({ rows: 6, inserted: 3, rejected: 2, duplicates: 1, dryRun: false });
    // Line 5 holds a quoted line break, so the rows after it start one line later.
    expect(rejects.map((r) => [r.line, r.reason])).toEqual([
      [4, 'Employees: "many" is not a whole number'],
      [7, 'duplicate: same domain acme.example as line 2; skipped'],
      [8, 'owner: "nobody@example.test" is not a user (by name, email or external id)'],
    ]);
    const rows = await accountsOf(admin.orgId);
    expect(rows.map((r) => [r.external_id, r.name, r.domain, r.employees, r.owner_id, r.industry])).toEqual([
      ['acc-1', 'Acme Corporation', 'acme.example', 250, ownerId, 'Manufacturing'],
      ['acc-2', 'Globex, Inc.', 'globex.example', 1200, ownerId, 'Energy'],
      ['acc-4', 'Umbrella "Health"', 'umbrella.example', 40, null, 'Pharma\r\nand biotech'],
    ]);
    const events = await deps.db
      .selectFrom('events')
      .select(['type', 'imported', 'entity_id'])
      .where('org_id', '=', admin.orgId)
      .where('entity_type', '=', 'account')
      .execute();
    expect(events).toHaveLength(3);
    expect(events.every((e) => e.type === 'account.created' && e.imported)).toBe(true);
    expect((await verifyChain(deps.db, admin.orgId)).ok).toBe(true);
  });

  it('upserts by external id: a re-run inserts nothing and changes only what changed', async () => {
    const { admin } = await orgWithOwner();
    await importCsv(deps, admin, fixture('accounts.csv'), { entity: 'accounts' });
    const again = await importCsv(deps, admin, fixture('accounts.csv'), { entity: 'accounts' });
    expect(again.summary).toMatchObject({ inserted: 0, updated: 0, unchanged: 3, rejected: 2 });
    const changed = await importCsv(deps, admin, 'External ID,Name,Employees\nacc-1,Acme Corporation,300\n', {
      entity: 'accounts',
    });
    expect(changed.summary).toMatchObject({ inserted: 0, updated: 1 });
    const acme = (await accountsOf(admin.orgId)).find((r) => r.external_id === 'acc-1');
    expect(acme).toMatchObject({ employees: 300, version: 2, domain: 'acme.example' });
    const updated = await deps.db
      .selectFrom('events')
      .select(['type', 'data', 'imported'])
      .where('entity_id', '=', acme?.id ?? '')
      .where('type', '=', 'account.updated')
      .execute();
    expect(updated).toEqual([
      { type: 'account.updated', imported: true, data: { changes: { employees: { from: 250, to: 300 } } } },
    ]);
  });

  it('detects duplicates by domain and similar name: skip, update or import as new', async () => {
    const { admin } = await orgWithOwner();
    await importCsv(deps, admin, 'Name,Website\nAcme Corporation,acme.example\nGlobex Industries,globex.example\n', {
      entity: 'accounts',
    });
    const file =
      'Name,Website,Industry\nACME corp.,acme.example,Tools\nGlobex Industries Inc,,Energy\nBrand New,new.example,Retail\n';
    const skipped = await importCsv(deps, admin, file, { entity: 'accounts', dryRun: true });
    expect(skipped.summary).toMatchObject({ inserted: 1, duplicates: 2, rejected: 0 });
    expect(skipped.rejects.map((r) => r.reason)).toEqual([
      expect.stringMatching(/^duplicate: account .* \(same domain acme.example\); skipped$/),
      expect.stringMatching(/^duplicate: account .* \(similar name "Globex Industries"\); skipped$/),
    ]);
    const updated = await importCsv(deps, admin, file, { entity: 'accounts', onDuplicate: 'update' });
    expect(updated.summary).toMatchObject({ inserted: 1, updated: 2, duplicates: 2 });
    expect((await accountsOf(admin.orgId)).map((a) => [a.name, a.industry]).sort()).toEqual([
      ['ACME corp.', 'Tools'],
      ['Brand New', 'Retail'],
      ['Globex Industries Inc', 'Energy'],
    ]);
    const asNew = await importCsv(deps, admin, 'Name,Website\nACME corp.,acme.example\n', {
      entity: 'accounts',
      onDuplicate: 'new',
    });
    expect(asNew.summary).toMatchObject({ inserted: 1, duplicates: 1 });
    expect(await accountsOf(admin.orgId)).toHaveLength(4);
  });

  it('writes nothing on a dry run but reports the same counts', async () => {
    const { admin } = await orgWithOwner();
    const before = await deps.db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', admin.orgId)
      .executeTakeFirstOrThrow();
    const dry = await importCsv(deps, admin, fixture('accounts.csv'), { entity: 'accounts', dryRun: true });
    expect(dry.summary).toMatchObject({ rows: 6, inserted: 3, duplicates: 1, rejected: 2, dryRun: true });
    expect(await accountsOf(admin.orgId)).toHaveLength(0);
    const after = await deps.db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', admin.orgId)
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
