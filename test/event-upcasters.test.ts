import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedEventProblems, upcastEvent } from '../src/contract/events/index.ts';
import { canonicalJson, EMPTY_CHAIN, sealNext } from '../src/domain/event-hash.ts';
import { stageVisitsFromEvents } from '../src/modules/deals/stage-visits.repository.ts';
import { verifyChain } from '../src/modules/events/chain.ts';
import { timeline } from '../src/modules/events/events.service.ts';
import { eventMessage } from '../src/modules/webhooks/webhook-payload.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg } from './helpers/factories.ts';
import { createTestPipeline } from './helpers/sales.ts';

/**
 * Rows of the event log as the code before event versions wrote them (an organization set up, a
 * lead, two tasks completed: `activity.completed` then carried `completed_at`), with their seq and
 * hash. The table had no version column: every one of them is version 1.
 */
type RecordedRow = {
  org_id: string;
  id: number;
  seq: number;
  occurred_at: string;
  business_time: string | null;
  imported: boolean;
  actor_id: string | null;
  entity_type: string;
  entity_id: string;
  type: string;
  data: Record<string, unknown>;
  prev_hash: string;
  hash: string;
};
const recorded = JSON.parse(
  fs.readFileSync(path.join(import.meta.dirname, 'fixtures/events/v1-chain.json'), 'utf8'),
) as RecordedRow[];

describe('stored version 1 events', () => {
  it('keep their hashes: the chain recomputed today is the chain recorded', () => {
    let head = EMPTY_CHAIN;
    for (const r of recorded) {
      const next = sealNext(
        head,
        {
          orgId: r.org_id,
          occurredAt: new Date(r.occurred_at),
          businessTime: r.business_time ? new Date(r.business_time) : null,
          imported: r.imported,
          actorId: r.actor_id,
          entityType: r.entity_type,
          entityId: r.entity_id,
          type: r.type,
          version: 1,
        },
        canonicalJson(r.data),
      );
      expect(next.seal).toEqual({ seq: r.seq, prevHash: r.prev_hash, hash: r.hash });
      head = next.head;
    }
  });

  it('are all valid version 1 payloads of the catalog', () => {
    for (const r of recorded)
      expect(
        storedEventProblems({ type: r.type, entityType: r.entity_type, version: 1, data: r.data }),
        r.type,
      ).toEqual([]);
  });

  it('are read as the current version through the upcasters', () => {
    const completed = recorded.filter((r) => r.type === 'activity.completed');
    expect(completed).toHaveLength(2);
    for (const r of completed) {
      expect(upcastEvent(r.type, 1, r.data)).toEqual({ version: 2, data: { completedAt: r.data.completed_at } });
    }
    const unchanged = recorded.find((r) => r.type === 'organization.created');
    expect(upcastEvent('organization.created', 1, unchanged?.data ?? {})).toEqual({
      version: 1,
      data: unchanged?.data,
    });
  });
});

/**
 * Payloads of the first versions that named record snapshots and changed fields as stored
 * (snake_case), recorded from a demo seed of the code that wrote them: one of each type.
 */
const snakeRecorded = JSON.parse(
  fs.readFileSync(path.join(import.meta.dirname, 'fixtures/events/v1-snake-payloads.json'), 'utf8'),
) as { type: string; entityType: string; version: 1; data: Record<string, unknown> }[];

const keysOf = (v: unknown): string[] =>
  Array.isArray(v)
    ? v.flatMap(keysOf)
    : v !== null && typeof v === 'object'
      ? Object.entries(v).flatMap(([k, x]) => [k, ...keysOf(x)])
      : [];

describe('stored snake_case payloads (version 1)', () => {
  it('are valid version 1 payloads, read as the camelCase version the catalog writes today', () => {
    expect(snakeRecorded.length).toBeGreaterThanOrEqual(20);
    for (const r of snakeRecorded) {
      expect(storedEventProblems(r), r.type).toEqual([]);
      const current = upcastEvent(r.type, 1, r.data);
      expect(current.version, r.type).toBe(2);
      expect(
        keysOf(current.data).filter((k) => k.includes('_')),
        r.type,
      ).toEqual([]);
    }
  });

  it('name a deal’s fields, line items and contact roles as the API does', () => {
    const deal = snakeRecorded.find((r) => r.type === 'deal.created');
    const before = deal?.data.after as Record<string, unknown>;
    const after = upcastEvent('deal.created', 1, deal?.data ?? {}).data.after as Record<string, unknown>;
    expect(after).toMatchObject({
      pipelineId: before.pipeline_id,
      stageId: before.stage_id,
      ownerId: before.owner_id,
      expectedCloseDate: before.expected_close_date,
      partnerAccountId: before.partner_account_id,
      lineItems: before.line_items,
      contactRoles: before.contact_roles,
    });
    expect(
      upcastEvent('deal.updated', 1, {
        changes: {
          line_items: {
            from: [],
            to: [{ product_id: 'p1', quantity: '2', unit_price: '10.00', discount_percent: '0' }],
          },
          owner_id: { from: null, to: 'u1' },
        },
      }).data,
    ).toEqual({
      changes: {
        lineItems: { from: [], to: [{ productId: 'p1', quantity: '2', unitPrice: '10.00', discountPercent: '0' }] },
        ownerId: { from: null, to: 'u1' },
      },
    });
    const pipeline = snakeRecorded.find((r) => r.type === 'pipeline.created');
    const stages = (upcastEvent('pipeline.created', 1, pipeline?.data ?? {}).data.after as { stages: object[] }).stages;
    expect(stages[0]).toHaveProperty('forecastCategory');
    expect(stages[0]).toHaveProperty('expectedDays');
  });
});

describe('readers of an old event in a live log', () => {
  let deps: TestDeps;
  beforeAll(async () => {
    deps = await createTestDeps();
  });
  afterAll(async () => deps.cleanup());

  it('see the current version on the timeline and in webhook messages, and the chain still verifies', async () => {
    const { admin } = await createTestOrg(deps);
    const old = recorded.find((r) => r.type === 'activity.completed');
    if (!old) throw new Error('fixture without activity.completed');
    const entityId = deps.ids.id();
    // An event as the code before versions appended it (no version given: the column default).
    await deps.db
      .insertInto('events')
      .values({
        org_id: admin.orgId,
        occurred_at: new Date(old.occurred_at),
        actor_id: admin.userId,
        entity_type: 'activity',
        entity_id: entityId,
        type: old.type,
        data: JSON.stringify(old.data),
      })
      .execute();
    await deps.sealer.flush(admin.orgId);
    const stored = await deps.db
      .selectFrom('events')
      .selectAll()
      .where('org_id', '=', admin.orgId)
      .where('entity_id', '=', entityId)
      .executeTakeFirstOrThrow();
    expect(stored.version).toBe(1);
    expect(stored.data).toEqual({ completed_at: old.data.completed_at });

    const page = await timeline(deps, admin, 'activity', entityId, { limit: 10 });
    expect(page.items.map((e) => [e.type, e.version, e.data])).toEqual([
      ['activity.completed', 2, { completedAt: old.data.completed_at }],
    ]);
    const message = eventMessage({
      id: stored.id,
      seq: stored.seq ?? 0,
      occurredAt: stored.occurred_at,
      businessTime: null,
      imported: false,
      actorId: admin.userId,
      entityType: 'activity',
      entityId,
      type: stored.type,
      data: stored.data,
      version: stored.version,
      previousId: null,
    });
    expect(JSON.parse(message.body)).toMatchObject({
      type: 'activity.completed',
      data: { version: 2, payload: { completedAt: old.data.completed_at } },
    });
    expect((await verifyChain(deps.db, admin.orgId)).ok).toBe(true);
  });

  it('find the stage of a version 1 deal.created (after.stage_id) in the SQL that reads it', async () => {
    const { admin } = await createTestOrg(deps);
    const pipeline = await createTestPipeline(deps, admin);
    const stage = { id: pipeline.stage('Qualify'), pipeline_id: pipeline.id };
    const recordedDeal = snakeRecorded.find((r) => r.type === 'deal.created');
    const dealId = deps.ids.id();
    await deps.db
      .insertInto('events')
      .values({
        org_id: admin.orgId,
        occurred_at: new Date('2026-03-02T09:00:00.000Z'),
        actor_id: admin.userId,
        entity_type: 'deal',
        entity_id: dealId,
        type: 'deal.created',
        version: 1,
        data: JSON.stringify({
          after: {
            ...(recordedDeal?.data.after as Record<string, unknown>),
            pipeline_id: stage.pipeline_id,
            stage_id: stage.id,
          },
        }),
      })
      .execute();
    const visits = (await stageVisitsFromEvents(deps.db, admin.orgId)).filter((v) => v.dealId === dealId);
    expect(visits.map((v) => [v.visitNo, v.pipelineId, v.stageId])).toEqual([[1, stage.pipeline_id, stage.id]]);
  });
});
