import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/deps.ts';
import type { VelocityReport } from '../../src/modules/analytics/analyses/velocity.ts';
import { createApi, type Api } from '../helpers/api.ts';
import { createTestDeps, type TestDeps } from '../helpers/db.ts';
import { createTestOrg } from '../helpers/factories.ts';
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

describe('GET /api/v1/analytics/velocity', () => {
  it(
    'compares two windows of the history and splits the change between the factors',
    async () => {
      const { admin } = await createTestOrg(deps);
      const p = await analyticsPipeline(deps, admin);
      // Comparison window 03-02..03-08: A won 03-04 after 2 days (100), B lost 03-05; C opened 03-05 (50) stays open.
      await dealPath(deps, clock, admin, p, { amount: '100.00', steps: [{ after: 2, stage: 'Won' }] });
      await dealPath(deps, clock, admin, p, { amount: '20.00', steps: [{ after: 1, stage: 'Lost' }] });
      await dealPath(deps, clock, admin, p, { amount: '50.00' });
      // Current window 03-09..03-15: D won after 4 days (300), E won after 1 day (100); F opened 03-14 (10).
      clock.set('2026-03-09T09:00:00.000Z');
      await dealPath(deps, clock, admin, p, { amount: '300.00', steps: [{ after: 4, stage: 'Won' }] });
      await dealPath(deps, clock, admin, p, { amount: '100.00', steps: [{ after: 1, stage: 'Won' }] });
      await dealPath(deps, clock, admin, p, { amount: '10.00' });
      const other = await createTestOrg(deps);
      const op = await analyticsPipeline(deps, other.admin);
      await dealPath(deps, clock, other.admin, op, { amount: '5000.00', steps: [{ after: 0, stage: 'Won' }] });

      const url = `/api/v1/analytics/velocity?pipelineId=${p.id}&from=2026-03-09&to=2026-03-15&compareFrom=2026-03-02&compareTo=2026-03-08&target=120`;
      const res = await api.as(admin, { method: 'GET', url });
      expect(res.statusCode, res.body).toBe(200);
      const r = res.json<VelocityReport>();
      expect([r.from, r.to, r.comparison]).toEqual([
        '2026-03-09',
        '2026-03-15',
        { from: '2026-03-02', to: '2026-03-08' },
      ]);
      const [usd] = r.byCurrency;
      // Comparison: open at its end C only; won A, lost B → p 0.5; A0 = 100; C0 = 2 days → V0 = 1·100·0.5/2 = 25.
      expect(usd?.comparison).toEqual({
        openDeals: 1,
        openAmount: '50.00',
        won: 1,
        lost: 1,
        winRate: 0.5,
        avgWonAmount: '100.00',
        avgCycleDays: 2,
        velocity: '25.00',
      });
      // Current: open C, F; won D, E → p 1; A1 = 400/2 = 200; C1 = (4 + 1)/2 = 2.5 → V1 = 2·200·1/2.5 = 160.
      expect(usd?.current).toEqual({
        openDeals: 2,
        openAmount: '60.00',
        won: 2,
        lost: 0,
        winRate: 1,
        avgWonAmount: '200.00',
        avgCycleDays: 2.5,
        velocity: '160.00',
      });
      expect(usd?.change).toBeCloseTo(135, 9);
      // ln(160/25) = ln 6.4 = 3 ln 2 + ln 0.8: open deals, amount and win rate doubled, speed fell to 0.8.
      const lnV = Math.log(6.4);
      expect(usd?.factors.map((f) => f.factor)).toEqual(['openDeals', 'avgWonAmount', 'winRate', 'cycleSpeed']);
      usd?.factors.forEach((f, i) => {
        const expected = i < 3 ? Math.LN2 : Math.log(0.8);
        expect(f.logRatio).toBeCloseTo(expected, 9);
        expect(f.contribution).toBeCloseTo((135 * expected) / lnV, 9);
      });
      // Coverage: 60 open against a 120 target.
      expect(r.coverage).toEqual({ target: '120.00', currency: 'USD', openAmount: '60.00', ratio: 0.5 });
      // A filter no deal matches leaves nothing to compare.
      const b2b = await api.as(admin, { method: 'GET', url: `${url}&segment=b2b` });
      expect(b2b.json<VelocityReport>().byCurrency).toEqual([]);
    },
    SLOW_MS,
  );
  it(
    'without from and to, a history with no recent moves is analysed as of its last day with data',
    async () => {
      const { admin } = await createTestOrg(deps);
      const p = await analyticsPipeline(deps, admin);
      clock.set('2026-03-09T09:00:00.000Z');
      await dealPath(deps, clock, admin, p, { amount: '300.00', steps: [{ after: 4, stage: 'Won' }] });
      await dealPath(deps, clock, admin, p, { amount: '10.00' }); // created 03-13, the last move
      const velocity = async (query = '') => {
        const res = await api.as(admin, {
          method: 'GET',
          url: `/api/v1/analytics/velocity?pipelineId=${p.id}${query}`,
        });
        expect(res.statusCode, res.body).toBe(200);
        return res.json<VelocityReport>();
      };

      // A month later the default window (90 days up to today) still holds the moves.
      clock.set('2026-04-13T12:00:00.000Z');
      const recent = await velocity();
      expect([recent.windowBasis, recent.from, recent.to]).toEqual(['recent', '2026-01-14', '2026-04-13']);
      expect(recent.dataEnd).toBe('2026-03-13T09:00:00.000Z');

      // Half a year later nothing moved in 90 days: the window ends on 03-13 instead of being empty,
      // and it gives the figures of asking for that window explicitly.
      clock.set('2026-09-01T12:00:00.000Z');
      const fallback = await velocity();
      expect([fallback.windowBasis, fallback.from, fallback.to]).toEqual(['dataRange', '2025-12-14', '2026-03-13']);
      expect(fallback.byCurrency[0]?.current).toMatchObject({ openDeals: 1, won: 1, avgWonAmount: '300.00' });
      const asked = await velocity('&from=2025-12-14&to=2026-03-13');
      expect(asked.windowBasis).toBe('requested');
      expect(asked.byCurrency).toEqual(fallback.byCurrency);
    },
    SLOW_MS,
  );
});
