import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/contract/access.ts';
import { ManualClock } from '../../src/domain/deps.ts';
import type { StageDurationsReport } from '../../src/modules/analytics/analyses/stage-durations.ts';
import { createApi, type Api } from '../helpers/api.ts';
import { createTestDeps, type TestDeps } from '../helpers/db.ts';
import { createTestOrg, createTestUser } from '../helpers/factories.ts';
import { analyticsPipeline, dealPath } from './history.ts';

/** Building history through the services takes a while on a busy machine; this is a limit, not a timing. */
const SLOW_MS = 120_000;
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

const get = async (actor: Actor, url: string) => {
  const res = await api.as(actor, { method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<StageDurationsReport>();
};

describe('GET /api/v1/analytics/stage-durations', () => {
  it(
    'measures each visit from the history, leaves skipped stages out, and gives cycle times',
    async () => {
      const { admin } = await createTestOrg(deps);
      const rep = await createTestUser(deps, admin, 'rep');
      const p = await analyticsPipeline(deps, admin);
      // A (created 03-02): Qualify 2d, Discovery 3d, Proposal 1d, Won → won cycle 6d.
      await dealPath(deps, clock, admin, p, {
        steps: [
          { after: 2, stage: 'Discovery' },
          { after: 3, stage: 'Proposal' },
          { after: 1, stage: 'Won' },
        ],
      });
      // B: Qualify 1d, Discovery 0d (zero-length stay), back to Qualify 4d, Lost → lost cycle 5d.
      await dealPath(deps, clock, admin, p, {
        ownerId: rep.userId,
        steps: [
          { after: 1, stage: 'Discovery' },
          { after: 0, stage: 'Qualify' },
          { after: 4, stage: 'Lost' },
        ],
      });
      // C: Qualify 2d, then skips to Negotiation, where it still is.
      await dealPath(deps, clock, admin, p, { steps: [{ after: 2, stage: 'Negotiation' }] });
      const other = await createTestOrg(deps);
      const op = await analyticsPipeline(deps, other.admin);
      await dealPath(deps, clock, other.admin, op, { steps: [{ after: 30, stage: 'Discovery' }] });

      const r = await get(admin, `/api/v1/analytics/stage-durations?pipelineId=${p.id}`);
      const [q, d, pr, n] = r.stages;
      // Qualify visits [1, 2, 2, 4] days: P50 at 1.5 → 2, P75 at 2.25 → 2.5, P90 at 2.7 → 3.4, mean 9/4.
      expect(q).toMatchObject({ name: 'Qualify', count: 4, inProgress: 0, p50: 2, p75: 2.5, mean: 2.25 });
      expect(q?.p90).toBeCloseTo(3.4, 9);
      // Discovery [0, 3]: P50 1.5, P75 2.25, P90 2.7, mean 1.5.
      expect(d).toMatchObject({ name: 'Discovery', count: 2, p50: 1.5, p75: 2.25, mean: 1.5 });
      expect(d?.p90).toBeCloseTo(2.7, 9);
      expect(pr).toMatchObject({ name: 'Proposal', count: 1, p50: 1, p75: 1, p90: 1, mean: 1 });
      // Negotiation: C is still there (in progress), nobody left it: no figures, not zeros.
      expect(n).toEqual({
        stageId: p.stage('Negotiation'),
        name: 'Negotiation',
        count: 0,
        inProgress: 1,
        p50: null,
        p75: null,
        p90: null,
        mean: null,
      });
      expect(r.cycle).toEqual({
        won: { count: 1, p50: 6, p75: 6, p90: 6, mean: 6 },
        lost: { count: 1, p50: 5, p75: 5, p90: 5, mean: 5 },
      });

      // Visits entered on 03-02 only: A's Qualify (2d); no close that day.
      const day1 = await get(admin, `/api/v1/analytics/stage-durations?pipelineId=${p.id}&to=2026-03-02`);
      expect(day1.stages[0]).toMatchObject({ count: 1, p50: 2 });
      expect(day1.stages[1]?.count).toBe(0);
      expect(day1.cycle.won.count).toBe(0);
      // The rep sees only B: Qualify [1, 4] → P50 2.5; Discovery [0].
      const asRep = await get(rep, `/api/v1/analytics/stage-durations?pipelineId=${p.id}`);
      expect(asRep.stages.slice(0, 2).map((s) => [s.count, s.p50])).toEqual([
        [2, 2.5],
        [1, 0],
      ]);
      expect([asRep.cycle.won.count, asRep.cycle.lost.count]).toEqual([0, 1]);
    },
    SLOW_MS,
  );
});
