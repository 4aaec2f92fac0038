import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DealDto } from '../src/contract/deals.ts';
import { ManualClock } from '../src/domain/deps.ts';
import {
  dealTracesFromVisits,
  listDealTraces,
  listStageVisits,
  stageVisitsFromEvents,
} from '../src/modules/deals/stage-visits.repository.ts';
import { createApi, type Api } from './helpers/api.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg } from './helpers/factories.ts';
import { createTestPipeline } from './helpers/sales.ts';

const DAY = 86_400_000;
const clock = new ManualClock('2026-03-02T09:00:00.000Z');
let deps: TestDeps;
let api: Api;

beforeAll(async () => {
  deps = await createTestDeps({ clock });
  api = await createApi(deps);
});
afterAll(async () => {
  await api.close();
  await deps.cleanup();
});

describe('stage visits projection', () => {
  it('records one visit per stage entered, closed when the deal moves on, equal to what the event log derives', async () => {
    const { admin } = await createTestOrg(deps);
    const p = await createTestPipeline(deps, admin, {
      stages: [
        { name: 'Qualify', kind: 'open', probability: 10 },
        { name: 'Discovery', kind: 'open', probability: 30 },
        { name: 'Won', kind: 'won' },
        { name: 'Lost', kind: 'lost' },
      ],
    });
    const created = await api.as(admin, {
      method: 'POST',
      url: '/api/v1/deals',
      payload: { name: 'Visits', pipelineId: p.id },
    });
    expect(created.statusCode).toBe(201);
    let deal = created.json<DealDto>();
    const move = async (stage: string, extra: Record<string, unknown> = {}) => {
      const res = await api.as(admin, {
        method: 'POST',
        url: `/api/v1/deals/${deal.id}/stage`,
        headers: { 'if-match': String(deal.version) },
        payload: { stageId: p.stage(stage), ...extra },
      });
      expect(res.statusCode, res.body).toBe(200);
      deal = res.json<DealDto>();
    };
    clock.advance(2 * DAY);
    await move('Discovery');
    clock.advance(3 * DAY);
    await move('Qualify');
    await move('Lost', { lostReason: 'no budget' });

    const visits = await listStageVisits(deps.db, admin.orgId);
    const t0 = Date.parse('2026-03-02T09:00:00.000Z');
    expect(
      visits.map((v) => [
        v.visitNo,
        v.stageId,
        v.enteredAt.getTime() - t0,
        v.leftAt === null ? null : v.leftAt.getTime() - t0,
      ]),
    ).toEqual([
      [1, p.stage('Qualify'), 0, 2 * DAY],
      [2, p.stage('Discovery'), 2 * DAY, 5 * DAY],
      [3, p.stage('Qualify'), 5 * DAY, 5 * DAY],
      [4, p.stage('Lost'), 5 * DAY, null],
    ]);
    expect(await stageVisitsFromEvents(deps.db, admin.orgId)).toEqual(visits);

    // The deal's trace: its stages in visit order, entries, first / last entry, and the current visit's entry.
    const traces = await listDealTraces(deps.db, admin.orgId);
    expect(traces).toEqual([
      {
        dealId: deal.id,
        pipelineId: p.id,
        stageIds: [p.stage('Qualify'), p.stage('Discovery'), p.stage('Qualify'), p.stage('Lost')],
        enteredAts: [0, 2 * DAY, 5 * DAY, 5 * DAY].map((ms) => new Date(t0 + ms)),
        firstAt: new Date(t0),
        lastAt: new Date(t0 + 5 * DAY),
        dealFirstAt: new Date(t0),
        currentAt: new Date(t0 + 5 * DAY),
      },
    ]);
    expect(await dealTracesFromVisits(deps.db, admin.orgId)).toEqual(traces);
  });

  it('keeps one trace per pipeline a deal visits, the current one marked, in the statement that writes the visit', async () => {
    const { admin } = await createTestOrg(deps);
    const stages = [
      { name: 'Qualify', kind: 'open' as const, probability: 10 },
      { name: 'Won', kind: 'won' as const },
      { name: 'Lost', kind: 'lost' as const },
    ];
    const first = await createTestPipeline(deps, admin, { stages });
    const second = await createTestPipeline(deps, admin, { stages });
    const t0 = clock.now().getTime();
    const created = await api.as(admin, {
      method: 'POST',
      url: '/api/v1/deals',
      payload: { name: 'Moves on', pipelineId: first.id },
    });
    let deal = created.json<DealDto>();
    clock.advance(DAY);
    const moved = await api.as(admin, {
      method: 'POST',
      url: `/api/v1/deals/${deal.id}/stage`,
      headers: { 'if-match': String(deal.version) },
      payload: { pipelineId: second.id, stageId: second.stage('Qualify') },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    deal = moved.json<DealDto>();
    clock.advance(DAY);
    const won = await api.as(admin, {
      method: 'POST',
      url: `/api/v1/deals/${deal.id}/stage`,
      headers: { 'if-match': String(deal.version) },
      payload: { stageId: second.stage('Won') },
    });
    expect(won.statusCode, won.body).toBe(200);

    const traces = await listDealTraces(deps.db, admin.orgId);
    const byPipeline = new Map(traces.map((t) => [t.pipelineId, t]));
    // The first pipeline's trace is no longer current; the cycle of both starts at the first entry.
    expect(byPipeline.get(first.id)).toMatchObject({
      stageIds: [first.stage('Qualify')],
      firstAt: new Date(t0),
      lastAt: new Date(t0),
      dealFirstAt: new Date(t0),
      currentAt: null,
    });
    expect(byPipeline.get(second.id)).toMatchObject({
      stageIds: [second.stage('Qualify'), second.stage('Won')],
      firstAt: new Date(t0 + DAY),
      lastAt: new Date(t0 + 2 * DAY),
      dealFirstAt: new Date(t0),
      currentAt: new Date(t0 + 2 * DAY),
    });
    expect(traces).toHaveLength(2);
    expect(await dealTracesFromVisits(deps.db, admin.orgId)).toEqual(traces);

    // Visits that go (an organization's data removed) take their traces with them.
    await sql`delete from deal_stage_visits where org_id = ${admin.orgId}::uuid and deal_id = ${deal.id}::uuid`.execute(
      deps.db,
    );
    expect(await listDealTraces(deps.db, admin.orgId)).toEqual([]);
  });
});
