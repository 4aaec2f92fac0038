import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/deps.ts';
import type { BottleneckReport } from '../../src/modules/analytics/analyses/bottlenecks.ts';
import { createApi, type Api } from '../helpers/api.ts';
import { createTestDeps, type TestDeps } from '../helpers/db.ts';
import { buildFlowHistory, getReport } from '../helpers/deal-history.ts';

const clock = new ManualClock();
let deps: TestDeps;
let api: Api;
let h: Awaited<ReturnType<typeof buildFlowHistory>>;

beforeAll(async () => {
  deps = await createTestDeps({ clock });
  api = await createApi(deps);
  h = await buildFlowHistory(deps, api, clock);
});
afterAll(async () => {
  await api.close();
  await deps.cleanup();
});

const report = (query: Record<string, string>, actor = h.admin) =>
  getReport<BottleneckReport>(api, actor, 'bottlenecks', { pipelineId: h.pipeline.id, ...query });

describe('GET /analytics/bottlenecks', () => {
  // Period 2026-03-02 00:00 to 2026-03-09 00:00 UTC (7 days); day k = 03-02 09:00 + k days, now = day 10.
  // Visits (days): Q Alpha 0–1, Bravo 0–2, Charlie 1–2 and 5–5, Delta 2–3;
  //   D Alpha 1–3, Charlie 2–5 and 5–open, Delta 3–4; N Alpha 3–6, Bravo 2–4, Delta 6–open.
  // The period ends at day 6.625, so the open visits add 1.625 (D) and 0.625 (N) deal-days of WIP.
  it('measures arrivals, sojourn, WIP, Little’s law and stale deals per open stage (hand-computed)', async () => {
    const { status, body } = await report({ from: '2026-03-02', to: '2026-03-08' });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      periodStart: '2026-03-02T00:00:00.000Z',
      periodEnd: '2026-03-09T00:00:00.000Z',
      periodDays: 7,
      bottleneckStageId: h.pipeline.stage('D'),
    });
    const [q, d, n] = body.stages;
    // Q: 5 arrivals, sojourns 1+2+1+0+1 = 5 days → W 1; L = 5/7; λ = 5/7 → λW = L.
    expect(q).toMatchObject({
      name: 'Q',
      arrivals: 5,
      arrivalsPerWeek: 5,
      completed: 5,
      meanSojournDays: 1,
      wipNow: 0,
      staleThresholdDays: 1,
      staleCount: 0,
    });
    expect(q?.littlesLaw.averageWip).toBeCloseTo(5 / 7, 12);
    expect(q?.littlesLaw.discrepancy).toBeCloseTo(0, 12);
    // D: 4 arrivals, 3 completed (2+3+1 = 6 days, W 2); L = (6 + 1.625)/7; λW = 4/7·2 = 8/7; L − λW = −0.375/7.
    expect(d).toMatchObject({
      name: 'D',
      arrivals: 4,
      arrivalsPerWeek: 4,
      completed: 3,
      meanSojournDays: 2,
      wipNow: 1,
      staleThresholdDays: 2,
      staleCount: 1,
    });
    expect(d?.littlesLaw.averageWip).toBeCloseTo(7.625 / 7, 12);
    expect(d?.littlesLaw.predictedWip).toBeCloseTo(8 / 7, 12);
    expect(d?.littlesLaw.discrepancy).toBeCloseTo(-0.375 / 7, 12);
    expect(d?.littlesLaw.relativeDiscrepancy).toBeCloseTo(-0.375 / 7.625, 12);
    // Charlie has been in D since day 5: 5 days > Alpha's (the only won deal's) 2 days there.
    expect(d?.staleDeals).toEqual([
      {
        dealId: h.deals.charlie.id,
        name: 'Charlie',
        ownerId: h.admin.userId,
        enteredAt: '2026-03-07T09:00:00.000Z',
        ageDays: 5,
      },
    ]);
    // N: 3 arrivals, 2 completed (3 + 2 = 5 days, W 2.5); L = 5.625/7; λW = 3/7·2.5 = 7.5/7.
    expect(n).toMatchObject({
      name: 'N',
      arrivals: 3,
      completed: 2,
      meanSojournDays: 2.5,
      wipNow: 1,
      staleThresholdDays: 3,
      staleCount: 1,
    });
    expect(n?.littlesLaw.discrepancy).toBeCloseTo(-1.875 / 7, 12);
    expect(n?.staleDeals.map((s) => [s.name, s.ageDays])).toEqual([['Delta', 4]]);
    expect(body.stages.map((s) => s.weekly)).toEqual([
      [{ weekStart: '2026-03-02', arrivals: 5, wip: 0 }],
      [{ weekStart: '2026-03-02', arrivals: 4, wip: 0 }],
      [{ weekStart: '2026-03-02', arrivals: 3, wip: 0 }],
    ]);
  });

  it('filters the flow but judges staleness against the pipeline’s won deals', async () => {
    const { body } = await report({ from: '2026-03-02', to: '2026-03-08', ownerId: h.rita.userId });
    expect(body.stages.map((s) => [s.name, s.arrivals, s.wipNow, s.staleThresholdDays, s.staleCount])).toEqual([
      ['Q', 1, 0, 1, 0],
      ['D', 1, 0, 2, 0],
      ['N', 1, 1, 3, 1],
    ]);
  });

  it('defaults to the 12 weeks up to today, cut at now', async () => {
    const { body } = await report({});
    // 84 days ending today (2026-03-12): 12 days of March, 28 of February, 31 of January, 13 of December.
    expect(body).toMatchObject({
      from: '2025-12-19',
      to: '2026-03-12',
      periodStart: '2025-12-19T00:00:00.000Z',
      periodEnd: '2026-03-12T09:00:00.000Z',
    });
  });

  it('falls back to the 12 weeks up to the last move when nothing moved in the last 12 weeks', async () => {
    const asked = clock.now();
    clock.advance(365 * 86_400_000);
    const { body } = await report({});
    clock.set(asked.toISOString());
    const dataEnd = body.dataEnd ?? '';
    expect(dataEnd < asked.toISOString()).toBe(true);
    expect(body).toMatchObject({ windowBasis: 'dataRange', to: dataEnd.slice(0, 10), periodEnd: dataEnd });
    expect((await report({})).body.windowBasis).toBe('recent');
  });

  it('never counts another organization’s deals', async () => {
    expect((await report({ pipelineId: h.other.pipeline.id })).status).toBe(422);
    const theirs = await report(
      { pipelineId: h.other.pipeline.id, from: '2026-03-02', to: '2026-03-08' },
      h.other.admin,
    );
    // Stranger: Q 0–1 and 2–6, N 1–2.
    expect(theirs.body.stages.map((s) => [s.name, s.arrivals])).toEqual([
      ['Q', 2],
      ['D', 0],
      ['N', 1],
    ]);
  });
});
