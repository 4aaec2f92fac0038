import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/deps.ts';
import type { MonteCarloReport } from '../../src/modules/analytics/analyses/monte-carlo.ts';
import { createApi, type Api } from '../helpers/api.ts';
import { createTestDeps, type TestDeps } from '../helpers/db.ts';
import { createTestOrg, createTestUser } from '../helpers/factories.ts';
import { createTestPipeline } from '../helpers/sales.ts';
import { dealPath } from './history.ts';

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

const stages = [
  { name: 'Qualify', kind: 'open' as const, probability: 50 },
  { name: 'Won', kind: 'won' as const },
  { name: 'Lost', kind: 'lost' as const },
];

describe('GET /api/v1/analytics/monte-carlo', () => {
  it('forecasts the open deals from the history, by period and filter, only for the organization', async () => {
    const { admin } = await createTestOrg(deps);
    const rep = await createTestUser(deps, admin, 'rep');
    const p = await createTestPipeline(deps, admin, { stages });
    // History: four deals each left Qualify after exactly 2 days, two won and two lost:
    // P(win | Qualify) = 1/2 and every stay is 2 days (all 101 percentiles are 2).
    for (const stage of ['Won', 'Won', 'Lost', 'Lost'])
      await dealPath(deps, clock, admin, p, { steps: [{ after: 2, stage }] });
    // Open now, just entered (age 0): two deals of 100.00 (one the rep's), one of 50.00 EUR.
    await dealPath(deps, clock, admin, p, { amount: '100.00' });
    await dealPath(deps, clock, admin, p, { amount: '100.00', ownerId: rep.userId });
    await dealPath(deps, clock, admin, p, { amount: '50.00', currency: 'EUR' });
    const other = await createTestOrg(deps);
    const op = await createTestPipeline(deps, other.admin, { stages });
    await dealPath(deps, clock, other.admin, op, { amount: '999.00' });

    /*
     * Each open deal is won on day 2 with p = 1/2. In USD the EUR deal adds 0, so the revenue is
     * 100.00 × X, X ~ Binomial(2, 1/2): P(X = 0) = 1/4, P(X ≤ 1) = 3/4 → P10 0.00, P50 100.00,
     * P90 200.00, mean 100.00; P(revenue ≥ 200.00) = 1/4 (10,000 runs: sd ≈ 0.004).
     */
    const url = (extra: string) => `/api/v1/analytics/monte-carlo?pipelineId=${p.id}&target=200.00${extra}`;
    const get = async (extra: string, actor = admin) => {
      const res = await api.as(actor, { method: 'GET', url: url(extra) });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<MonteCarloReport>();
    };
    const r = await get('');
    expect(r).toMatchObject({
      currency: 'USD',
      runs: 10_000,
      seed: 1,
      simulatedDeals: 3,
      skippedDeals: 0,
      p10: '0.00',
      p50: '100.00',
      p90: '200.00',
      target: '200.00',
      period: { startDays: 0, endDays: 90 },
    });
    expect(Math.abs(Number(r.mean) - 100)).toBeLessThan(3);
    expect(Math.abs((r.probabilityOfTarget ?? 0) - 0.25)).toBeLessThan(0.02);
    expect(Math.abs(r.meanWonDeals - 1.5)).toBeLessThan(0.05);
    // Weekly bands over 90 days: the wins fall on day 2, in the first week.
    expect(r.bands).toHaveLength(13);
    expect(r.bands[0]).toEqual({ dayEnd: 7, p10: '0.00', p50: '100.00', p90: '200.00' });
    // The same seed gives the same forecast.
    expect(await get('')).toEqual(r);
    // Half a year without a move: the forecast runs as of the data's end, giving the same figures.
    expect([r.windowBasis, r.asOf]).toEqual(['recent', r.dataEnd]);
    const asked = clock.now();
    clock.advance(200 * 86_400_000);
    expect(await get('')).toEqual({ ...r, windowBasis: 'dataRange' });
    clock.set(asked.toISOString());

    // A period ending tonight (to = today, 15 hours after 09:00) closes nothing: the wins come on day 2.
    const today = clock.now().toISOString().slice(0, 10);
    const tonight = await get(`&to=${today}`);
    expect(tonight.period.endDays).toBeCloseTo(15 / 24, 9);
    expect([tonight.p50, tonight.p90, tonight.probabilityOfTarget]).toEqual(['0.00', '0.00', 0]);
    // EUR: only the 50.00 deal counts.
    expect((await get('&currency=EUR')).p90).toBe('50.00');
    // The filters apply to the history too: the rep's deals (owner filter, or the rep's own scope)
    // have never left Qualify, so the chain cannot estimate it and the rep's open deal is skipped.
    for (const mine of [await get(`&ownerId=${rep.userId}`), await get('', rep)]) {
      expect(mine).toMatchObject({ simulatedDeals: 0, skippedDeals: 1, p90: '0.00', probabilityOfTarget: 0 });
    }
    // On every owner's chain the rep's one open deal is simulated: won on day 2 with p = 1/2, so
    // 100.00 × Bernoulli(1/2): P10 0.00, P90 100.00, never 200.00. A rep reading only their own
    // deals still has no chain to borrow.
    const onTeamChain = await get(`&ownerId=${rep.userId}&chainFrom=all_owners`);
    expect(onTeamChain).toMatchObject({
      chainFrom: 'all_owners',
      simulatedDeals: 1,
      skippedDeals: 0,
      p10: '0.00',
      p90: '100.00',
      probabilityOfTarget: 0,
    });
    expect(Math.abs(Number(onTeamChain.mean) - 50)).toBeLessThan(2);
    expect(await get('&chainFrom=all_owners', rep)).toMatchObject({ simulatedDeals: 0, skippedDeals: 1 });
  });

  it('refuses fewer than 10,000 runs and a period already over', async () => {
    const { admin } = await createTestOrg(deps);
    const p = await createTestPipeline(deps, admin, { stages });
    const few = await api.as(admin, {
      method: 'GET',
      url: `/api/v1/analytics/monte-carlo?pipelineId=${p.id}&runs=100`,
    });
    expect(few.statusCode).toBe(422);
    expect(few.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['runs']);
    const chain = await api.as(admin, {
      method: 'GET',
      url: `/api/v1/analytics/monte-carlo?pipelineId=${p.id}&chainFrom=team`,
    });
    expect(chain.statusCode).toBe(422);
    expect(chain.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['chainFrom']);
    const past = await api.as(admin, {
      method: 'GET',
      url: `/api/v1/analytics/monte-carlo?pipelineId=${p.id}&from=2020-01-01&to=2020-02-01`,
    });
    expect(past.statusCode).toBe(422);
    expect(past.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['to']);
  });
});
