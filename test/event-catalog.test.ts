import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventCatalog, eventProblems, storedEventProblems } from '../src/contract/events/index.ts';
import { ManualClock } from '../src/domain/deps.ts';
import { seedDemo, type DemoResult } from '../src/modules/demo/seed-demo.ts';
import { verifyChain } from '../src/modules/events/chain.ts';
import { seedSynthetic, type SyntheticResult } from '../src/modules/synthetic/seed-synthetic.ts';
import { defaultSyntheticParams } from '../src/modules/synthetic/synthetic-params.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg } from './helpers/factories.ts';

let deps: TestDeps;
let demo: DemoResult;
let synthetic: SyntheticResult;

beforeAll(async () => {
  deps = await createTestDeps({ clock: new ManualClock('2026-06-15T10:00:00.000Z') });
  demo = await seedDemo(deps, { deals: 40, leads: 40, seed: 11 });
  synthetic = await seedSynthetic(deps, {
    name: 'Catalog Synthetic Co',
    seed: 5,
    deals: 150,
    months: 4,
    password: 'synthetic-password',
    params: defaultSyntheticParams,
    end: new Date('2026-06-01T00:00:00.000Z'),
  });
  await deps.sealer.flush();
}, 240_000);
afterAll(async () => deps.cleanup());

async function storedEvents(orgId: string) {
  return deps.db
    .selectFrom('events')
    .select(['id', 'type', 'entity_type', 'version', 'data'])
    .where('org_id', '=', orgId)
    .orderBy('id')
    .execute();
}

describe('the event catalog', () => {
  it.each([
    ['demo seed', () => demo.organizationId],
    ['synthetic run', () => synthetic.organizationId],
  ])('accepts every event a %s stores, read through the upcasters', async (_name, org) => {
    const rows = await storedEvents(org());
    expect(rows.length).toBeGreaterThan(300);
    const bad = rows
      .map((r) => ({
        id: r.id,
        type: r.type,
        problems: storedEventProblems({ type: r.type, entityType: r.entity_type, version: r.version, data: r.data }),
      }))
      .filter((r) => r.problems.length > 0);
    expect(bad.slice(0, 5)).toEqual([]);
    for (const r of rows) expect(r.version).toBe(eventCatalog.get(r.type)?.version);
    expect((await verifyChain(deps.db, org())).ok).toBe(true);
  });

  it('refuses to append an event type it does not know, leaving the log unchanged', async () => {
    const { admin } = await createTestOrg(deps);
    const before = (await storedEvents(admin.orgId)).length;
    await expect(
      deps.db
        .transaction()
        .execute((trx) =>
          deps.eventLog.append(trx, admin, [
            { entityType: 'deal', entityId: admin.userId, type: 'deal.teleported', data: {} },
          ]),
        ),
    ).rejects.toThrow(/type: deal.teleported is not an event type of the catalog/);
    expect((await storedEvents(admin.orgId)).length).toBe(before);
  });

  it('refuses a payload its schema does not accept, naming the field', async () => {
    const { admin } = await createTestOrg(deps);
    await expect(
      deps.db
        .transaction()
        .execute((trx) =>
          deps.eventLog.append(trx, admin, [
            { entityType: 'lead', entityId: admin.userId, type: 'lead.status_changed', data: { from: 'new', to: 7 } },
          ]),
        ),
    ).rejects.toThrow(/data\.to:/);
    await expect(
      deps.db.transaction().execute((trx) =>
        deps.eventLog.append(trx, admin, [
          {
            entityType: 'contact',
            entityId: admin.userId,
            type: 'lead.status_changed',
            data: { from: 'new', to: 'working' },
          },
        ]),
      ),
    ).rejects.toThrow(/entityType: lead.status_changed is about lead, not contact/);
  });

  it('names the unknown fields of a closed payload', () => {
    const problems = eventProblems({
      type: 'webhook_endpoint.disabled',
      entityType: 'webhook_endpoint',
      data: { reason: 'gone', extra: 1 },
    });
    expect(problems.map((p) => p.field)).toEqual(['data']);
    expect(problems[0]?.message).toMatch(/extra/);
  });

  it('keeps the payloads SQL reads at the versions the SQL reads', () => {
    // stageVisitsFromEvents (deals/stage-visits.repository.ts), the stage column of the event
    // export (events/export.repository.ts) and the waterfall (analytics/waterfall.repository.ts)
    // read deal.created after.pipelineId / after.stageId (version 1: after.pipeline_id /
    // after.stage_id) and deal.stage_changed to.pipelineId / to.stageId in SQL, branching on
    // events.version; the waterfall also reads deal.created after.<field> and deal.updated
    // changes.<field>.to. A new version of these types needs a branch there.
    expect(eventCatalog.get('deal.created')?.version).toBe(2);
    expect(eventCatalog.get('deal.stage_changed')?.version).toBe(1);
    expect(eventCatalog.get('deal.updated')?.version).toBe(2);
  });

  it('refuses a snapshot or a change named as stored instead of in camelCase', () => {
    expect(
      eventProblems({
        type: 'deal.assigned',
        entityType: 'deal',
        data: { changes: { owner_id: { from: null, to: 'u1' } } },
      }).map((p) => p.field),
    ).toContain('data.changes');
    expect(
      eventProblems({
        type: 'account.created',
        entityType: 'account',
        data: { after: { name: 'Acme', type: 'customer', parent_account_id: null } },
      }),
    ).toEqual([{ field: 'data.after.parent_account_id', message: 'parent_account_id is not camelCase' }]);
    expect(
      eventProblems({
        type: 'deal.updated',
        entityType: 'deal',
        data: { changes: { expected_close_date: { from: null, to: '2026-01-31' } } },
      }).map((p) => p.field),
    ).toEqual(['data.changes.expected_close_date']);
  });

  it('reads a stored version it does not know as stored and flags it', () => {
    expect(
      storedEventProblems({
        type: 'lead.status_changed',
        entityType: 'lead',
        version: 9,
        data: { from: 'a', to: 'b' },
      }),
    ).toEqual([{ field: 'version', message: 'lead.status_changed has versions 1 to 1, not 9' }]);
  });
});
