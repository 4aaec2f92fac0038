import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/deps.ts';
import type { Actor } from '../../src/contract/access.ts';
import type { MarkovReport } from '../../src/modules/analytics/analyses/markov.ts';
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
  { name: 'Qualify', kind: 'open' as const, probability: 20 },
  { name: 'Discovery', kind: 'open' as const, probability: 50 },
  { name: 'Won', kind: 'won' as const },
  { name: 'Lost', kind: 'lost' as const },
];

const markov = async (actor: Actor, url: string) => {
  const res = await api.as(actor, { method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<MarkovReport>();
};

describe('GET /api/v1/analytics/markov', () => {
  it('estimates the chain from the stage history, with a what-if, by filter and only for the organization', async () => {
    const { admin } = await createTestOrg(deps);
    const rep = await createTestUser(deps, admin, 'rep');
    const p = await createTestPipeline(deps, admin, { stages });
    const step = (after: number, stage: string) => ({ after, stage });
    // 1: Q →2d D →4d Won (admin). 2: Q →2d Lost (admin). 3 (rep): Q →2d D →2d Q →2d D →2d Lost.
    // 4 (rep): Q →2d D, open, 300.00. 5 (admin): in Q, open, 200.00.
    await dealPath(deps, clock, admin, p, { amount: '100.00', steps: [step(2, 'Discovery'), step(4, 'Won')] });
    await dealPath(deps, clock, admin, p, { steps: [step(2, 'Lost')] });
    await dealPath(deps, clock, admin, p, {
      ownerId: rep.userId,
      steps: [step(2, 'Discovery'), step(2, 'Qualify'), step(2, 'Discovery'), step(2, 'Lost')],
    });
    await dealPath(deps, clock, admin, p, { amount: '300.00', ownerId: rep.userId, steps: [step(2, 'Discovery')] });
    await dealPath(deps, clock, admin, p, { amount: '200.00' });
    const other = await createTestOrg(deps);
    const op = await createTestPipeline(deps, other.admin, { stages });
    await dealPath(deps, clock, other.admin, op, { amount: '999.00', steps: [step(1, 'Won')] });

    /*
     * Q exits: →D 4 (deals 1, 3 twice, 4), →Lost 1 (deal 2); 10 days → m_Q = 2.
     * D exits: →Won 1 (deal 1, 4 days), →Q 1 and →Lost 1 (deal 3, 2 days each); m_D = 8/3.
     * I − Q = [[1, −4/5], [−1/3, 1]], det = 11/15, N = [[15/11, 12/11], [5/11, 15/11]]
     * win: Q 12/11·1/3 = 4/11, D 15/11·1/3 = 5/11; loss: Q 15/11·1/5 + 12/11·1/3 = 7/11, D 6/11
     * days to close: Q 15/11·2 + 12/11·8/3 = 62/11, D 5/11·2 + 15/11·8/3 = 50/11
     * Open: deal 5 in Q (200.00), deal 4 in D (300.00): wins 9/11, P 9/22,
     *   revenue 200·4/11 + 300·5/11 = 2300/11 = 209.09, days (62/11 + 50/11)/2 = 56/11.
     * What-if D +10 points: D loss 1/3 → 7/30, won 1/3 → 13/30 (D is the last open stage, its
     *   only forward move is the win); N unchanged: win Q 12/11·13/30 = 26/55, D 15/11·13/30 = 13/22;
     *   revenue 200·26/55 + 300·13/22 = 2990/11 = 271.82, Δ 690/11 = 62.73; P (26/55 + 13/22)/2 = 117/220.
     */
    const r = await markov(
      admin,
      `/api/v1/analytics/markov?pipelineId=${p.id}&stageId=${p.stage('Discovery')}&conversionPoints=10`,
    );
    expect(r.currency).toBe('USD');
    expect(r.stages.map((s) => [s.name, s.exits, s.toWon, s.toLost])).toEqual([
      ['Qualify', 5, 0, 1 / 5],
      ['Discovery', 3, 1 / 3, 1 / 3],
    ]);
    expect(r.stages[0]?.next).toEqual([{ stageId: p.stage('Discovery'), probability: 4 / 5 }]);
    const [q, d] = r.stages;
    expect(q?.sojournDays).toBeCloseTo(2, 9);
    expect(d?.sojournDays).toBeCloseTo(8 / 3, 9);
    expect(q?.winProbability).toBeCloseTo(4 / 11, 12);
    expect(d?.winProbability).toBeCloseTo(5 / 11, 12);
    expect(q?.lossProbability).toBeCloseTo(7 / 11, 12);
    expect(q?.expectedDaysToClose).toBeCloseTo(62 / 11, 9);
    expect(d?.expectedDaysToClose).toBeCloseTo(50 / 11, 9);
    expect(r.openPipeline).toMatchObject({ openDeals: 2, estimatedDeals: 2, expectedWonRevenue: '209.09' });
    expect(r.openPipeline.winProbability).toBeCloseTo(9 / 22, 12);
    expect(r.openPipeline.expectedDaysToClose).toBeCloseTo(56 / 11, 9);
    expect(r.whatIf?.stages[0]?.winProbability).toBeCloseTo(26 / 55, 12);
    expect(r.whatIf?.stages[1]?.winProbability).toBeCloseTo(13 / 22, 12);
    expect(r.whatIf?.openPipeline.expectedWonRevenue).toBe('271.82');
    expect(r.whatIf?.delta.expectedWonRevenue).toBe('62.73');
    expect(r.whatIf?.delta.winProbability).toBeCloseTo(117 / 220 - 9 / 22, 12);
    expect(r.whatIf?.delta.expectedDaysToClose).toBeCloseTo(0, 9);

    // Owner filter (the rep's deals 3 and 4): Q →D 3 times; D →Q 1, →Lost 1: nothing is ever won.
    const mine = await markov(admin, `/api/v1/analytics/markov?pipelineId=${p.id}&ownerId=${rep.userId}`);
    expect(mine.stages.map((s) => [s.exits, s.winProbability, s.lossProbability])).toEqual([
      [3, 0, 1],
      [2, 0, 1],
    ]);
    expect(mine.whatIf).toBeNull();
    expect(mine.openPipeline).toMatchObject({ openDeals: 1, expectedWonRevenue: '0.00' });
    // The rep's own view is the same as the filter (record scope).
    expect((await markov(rep, `/api/v1/analytics/markov?pipelineId=${p.id}`)).stages).toEqual(mine.stages);
  });

  it('names a what-if stage that is not an open stage of the pipeline', async () => {
    const { admin } = await createTestOrg(deps);
    const p = await createTestPipeline(deps, admin, { stages });
    const res = await api.as(admin, {
      method: 'GET',
      url: `/api/v1/analytics/markov?pipelineId=${p.id}&stageId=${p.stage('Won')}&conversionPoints=101`,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['conversionPoints']);
    const won = await api.as(admin, {
      method: 'GET',
      url: `/api/v1/analytics/markov?pipelineId=${p.id}&stageId=${p.stage('Won')}`,
    });
    expect(won.statusCode).toBe(422);
    expect(won.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['stageId']);
  });
});
