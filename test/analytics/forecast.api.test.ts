import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/contract/access.ts';
import { ManualClock } from '../../src/domain/deps.ts';
import type { ForecastReport } from '../../src/modules/analytics/analyses/forecast.ts';
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
  return res.json<ForecastReport>();
};

describe('GET /api/v1/analytics/forecast', () => {
  it(
    'weights the open deals by stage probability and rolls the forecast up by close period',
    async () => {
      const { admin } = await createTestOrg(deps);
      const rep = await createTestUser(deps, admin, 'rep');
      const p = await analyticsPipeline(deps, admin);
      // Probabilities: Qualify 10 (pipeline), Proposal 50 (best case), Negotiation 80 (commit).
      await dealPath(deps, clock, admin, p, {
        amount: '1000.00',
        expectedCloseDate: '2026-04-15',
        steps: [{ after: 1, stage: 'Proposal' }],
      }); // A
      await dealPath(deps, clock, admin, p, {
        amount: '200.00',
        expectedCloseDate: '2026-05-02',
        steps: [{ after: 1, stage: 'Negotiation' }],
      }); // B
      await dealPath(deps, clock, admin, p, { amount: '300.00', steps: [{ after: 1, stage: 'Won' }] }); // C, won 2026-03-05
      await dealPath(deps, clock, admin, p, {
        amount: '50.00',
        expectedCloseDate: '2026-04-01',
        steps: [{ after: 1, stage: 'Lost' }],
      }); // D, lost: never counts
      await dealPath(deps, clock, admin, p, { amount: '40.00' }); // E, Qualify, no expected close date
      await dealPath(deps, clock, admin, p, { amount: '100.00', ownerId: rep.userId, expectedCloseDate: '2026-04-30' }); // F, Qualify
      const other = await createTestOrg(deps);
      const op = await analyticsPipeline(deps, other.admin);
      await dealPath(deps, clock, other.admin, op, { amount: '9999.00', expectedCloseDate: '2026-04-01' });

      const r = await get(admin, `/api/v1/analytics/forecast?pipelineId=${p.id}`);
      // Qualify: (40 + 100) × 10% = 14; Proposal 1000 × 50% = 500; Negotiation 200 × 80% = 160; total 674.
      expect(r.weighted.stages.map((s) => [s.name, s.byCurrency])).toEqual([
        ['Qualify', [{ currency: 'USD', deals: 2, amount: '140.00', weighted: '14.00' }]],
        ['Discovery', []],
        ['Proposal', [{ currency: 'USD', deals: 1, amount: '1000.00', weighted: '500.00' }]],
        ['Negotiation', [{ currency: 'USD', deals: 1, amount: '200.00', weighted: '160.00' }]],
      ]);
      expect(r.weighted.totals).toEqual([{ currency: 'USD', deals: 4, amount: '1340.00', weighted: '674.00' }]);
      // C closed in March; A (best case) and F (pipeline) expected in April; B (commit) in May; E unscheduled.
      expect(r.periods.map((x) => [x.period, x.byCurrency[0]?.rollup, x.byCurrency[0]?.weightedOpen])).toEqual([
        ['2026-03', { commit: '300.00', bestCase: '300.00', pipeline: '300.00' }, '0.00'],
        ['2026-04', { commit: '0.00', bestCase: '1000.00', pipeline: '1100.00' }, '510.00'],
        ['2026-05', { commit: '200.00', bestCase: '200.00', pipeline: '200.00' }, '160.00'],
        [null, { commit: '0.00', bestCase: '0.00', pipeline: '40.00' }, '4.00'],
      ]);

      // By quarter, Q2 only: A, B, F; the unscheduled E and the March win fall outside the range.
      const q2 = await get(
        admin,
        `/api/v1/analytics/forecast?pipelineId=${p.id}&period=quarter&from=2026-04-01&to=2026-06-30`,
      );
      expect(q2.periods).toEqual([
        {
          period: '2026-Q2',
          byCurrency: [
            {
              currency: 'USD',
              closed: '0.00',
              commit: '200.00',
              bestCase: '1000.00',
              pipeline: '100.00',
              omitted: '0.00',
              rollup: { commit: '200.00', bestCase: '1200.00', pipeline: '1300.00' },
              weightedOpen: '670.00',
            },
          ],
        },
      ]);
      expect(q2.weighted.totals).toEqual([{ currency: 'USD', deals: 3, amount: '1300.00', weighted: '670.00' }]);
      // The rep sees F only.
      const asRep = await get(rep, `/api/v1/analytics/forecast?pipelineId=${p.id}`);
      expect(asRep.weighted.totals).toEqual([{ currency: 'USD', deals: 1, amount: '100.00', weighted: '10.00' }]);
      // A bad period is named.
      const bad = await api.as(admin, { method: 'GET', url: `/api/v1/analytics/forecast?period=week` });
      expect(bad.statusCode).toBe(422);
      expect(bad.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['period']);
    },
    SLOW_MS,
  );
});
