import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/deps.ts';
import type { DealConformanceReport } from '../../src/modules/analytics/analyses/conformance.ts';
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
  getReport<DealConformanceReport>(api, actor, 'conformance', { pipelineId: h.pipeline.id, ...query });

describe('GET /analytics/conformance', () => {
  // Designed order Q → D → N → Won/Lost.
  //   Alpha   Q D N Won: conforming, fitness 1
  //   Bravo   Q N Lost: skips D; model Q D N Lost; cost 3 + 4 − 2·3 = 1; fitness 6/7
  //   Charlie Q D Q D: 1 backward, 2 repeats; model Q D; cost 4 + 2 − 2·2 = 2; fitness 2/3
  //   Delta   Q D Won N: skips N, 1 backward (reopened); model Q D N; cost 4 + 3 − 2·3 = 1; fitness 6/7
  it('totals skips, backward moves, repeats and fitness, per owner and team, with the deviating deals (hand-computed)', async () => {
    const { status, body } = await report({});
    expect(status).toBe(200);
    // mean fitness (1 + 6/7 + 2/3 + 6/7) / 4 = (71/21) / 4 = 71/84
    expect(body.overall).toMatchObject({ deals: 4, deviatingDeals: 3, skips: 2, backwardMoves: 2, repeats: 2 });
    expect(body.overall.meanFitness).toBeCloseTo(71 / 84, 12);
    // admin (1 + 6/7 + 2/3) / 3 = 53/63 ≈ 0.841 < Rita 6/7 ≈ 0.857
    expect(body.byOwner.map((o) => [o.id, o.deals, o.deviatingDeals, o.skips, o.backwardMoves, o.repeats])).toEqual([
      [h.admin.userId, 3, 2, 1, 1, 2],
      [h.rita.userId, 1, 1, 1, 1, 0],
    ]);
    expect(body.byOwner[0]?.meanFitness).toBeCloseTo(53 / 63, 12);
    expect(body.byTeam.map((t) => [t.id, t.deals])).toEqual([
      [null, 3],
      [h.team.id, 1],
    ]);
    expect(body.byPartner).toEqual([]);
    expect(body.deals.map((d) => [d.name, d.cost, d.skips, d.backwardMoves, d.repeats])).toEqual([
      ['Charlie', 2, 0, 1, 2],
      ['Bravo', 1, 1, 0, 0],
      ['Delta', 1, 1, 1, 0],
    ]);
    expect(body.deals[0]?.fitness).toBeCloseTo(2 / 3, 12);
    expect(body.deals[1]?.modelPath).toEqual([
      h.pipeline.stage('Q'),
      h.pipeline.stage('D'),
      h.pipeline.stage('N'),
      h.pipeline.stage('Lost'),
    ]);
  });

  it('drills into one team through the team filter', async () => {
    const { body } = await report({ teamId: h.team.id, dealLimit: '1' });
    expect(body.overall).toMatchObject({ deals: 1, deviatingDeals: 1, skips: 1, backwardMoves: 1, repeats: 0 });
    expect(body.deals.map((d) => d.dealId)).toEqual([h.deals.delta.id]);
  });

  it('never counts another organization’s deals', async () => {
    expect((await report({ pipelineId: h.other.pipeline.id })).status).toBe(422);
    const theirs = await report({ pipelineId: h.other.pipeline.id }, h.other.admin);
    // Stranger: Q N Q Won: skips D (1), N → Q backward, Q → Won skips D and N (2), Q repeated.
    expect(theirs.body.overall).toMatchObject({ deals: 1, deviatingDeals: 1, skips: 3, backwardMoves: 1, repeats: 1 });
  });
});
