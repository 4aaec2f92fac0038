import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyScenario, markovWhatIf } from '../../src/analytics/markov-what-if.ts';
import {
  estimateMarkov,
  solveMarkov,
  type MarkovStage,
  type StageTransitionCount,
} from '../../src/analytics/markov.ts';

const open = (id: string): MarkovStage => ({ id, name: id, kind: 'open' });
const A = open('A');
const B = open('B');
const C = open('C');
const D = open('D');
const WON: MarkovStage = { id: 'W', name: 'Won', kind: 'won' };
const LOST: MarkovStage = { id: 'L', name: 'Lost', kind: 'lost' };
const t = (fromStageId: string, toStageId: string, count: number, totalDays: number): StageTransitionCount => ({
  fromStageId,
  toStageId,
  count,
  totalDays,
});

/*
 * Hand computation. Observed exits:
 *   A: A→B 3, A→Lost 1 (4 visits, 20 days)      P(A→B) = 3/4, P(A→L) = 1/4, m_A = 5
 *   B: B→A 1 (backward), B→Won 2, B→Lost 1 (4 visits, 40 days)
 *                                               P(B→A) = 1/4, P(B→W) = 1/2, P(B→L) = 1/4, m_B = 10
 *   C: an open deal sits there, never left      (no exits → unknown)
 *   D: D→C 1 (2 days)                           (leads only into C → unknown)
 *   Won→A 1 (a reopened deal) and A→X (a stage of another pipeline) are not counted.
 * On {A, B}: Q = [[0, 3/4], [1/4, 0]], I − Q = [[1, −3/4], [−1/4, 1]], det = 13/16,
 *   N = (16/13)·[[1, 3/4], [1/4, 1]] = [[16/13, 12/13], [4/13, 16/13]]
 *   R = [[0, 1/4], [1/2, 1/4]]
 *   B = N R: A → win 12/13·1/2 = 6/13, loss 16/13·1/4 + 12/13·1/4 = 7/13
 *            B → win 16/13·1/2 = 8/13, loss 4/13·1/4 + 16/13·1/4 = 5/13
 *   t = N m: A → 16/13·5 + 12/13·10 = 200/13, B → 4/13·5 + 16/13·10 = 180/13
 *   days to win: A → (16/13·5·6/13 + 12/13·10·8/13) / (6/13) = 240/13
 *                B → (4/13·5·6/13 + 16/13·10·8/13) / (8/13) = 175/13
 */
const stages = [A, B, C, D, WON, LOST];
const transitions = [
  t('A', 'B', 3, 12),
  t('A', 'L', 1, 8),
  t('B', 'A', 1, 10),
  t('B', 'W', 2, 20),
  t('B', 'L', 1, 10),
  t('D', 'C', 1, 2),
  t('W', 'A', 1, 99),
  t('A', 'X', 5, 50),
];

describe('estimateMarkov', () => {
  it('turns counts into transition probabilities and mean sojourns, ignoring reopenings and other pipelines', () => {
    const m = estimateMarkov({ stages, transitions });
    expect(m.stages.map((s) => s.id)).toEqual(['A', 'B', 'C', 'D']);
    expect(m.exits).toEqual([4, 4, 0, 1]);
    expect(m.q).toEqual([
      [0, 0.75, 0, 0],
      [0.25, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 1, 0],
    ]);
    expect(m.won).toEqual([0, 0.5, 0, 0]);
    expect(m.lost).toEqual([0.25, 0.25, 0, 0]);
    expect(m.sojournDays).toEqual([5, 10, 0, 2]);
  });

  it('is empty for a pipeline without history', () => {
    const m = estimateMarkov({ stages, transitions: [] });
    expect(solveMarkov(m).every((r) => r.winProbability === null)).toBe(true);
  });
});

describe('solveMarkov', () => {
  const solved = solveMarkov(estimateMarkov({ stages, transitions }));

  it('gives N, B and the times of the hand computation', () => {
    const [a, b] = solved;
    expect(a?.winProbability).toBeCloseTo(6 / 13, 12);
    expect(a?.lossProbability).toBeCloseTo(7 / 13, 12);
    expect(b?.winProbability).toBeCloseTo(8 / 13, 12);
    expect(b?.lossProbability).toBeCloseTo(5 / 13, 12);
    expect(a?.expectedDaysToClose).toBeCloseTo(200 / 13, 10);
    expect(b?.expectedDaysToClose).toBeCloseTo(180 / 13, 10);
    expect(a?.expectedDaysToWin).toBeCloseTo(240 / 13, 10);
    expect(b?.expectedDaysToWin).toBeCloseTo(175 / 13, 10);
    expect(a?.expectedVisits?.[0]).toBeCloseTo(16 / 13, 12);
    expect(a?.expectedVisits?.[1]).toBeCloseTo(12 / 13, 12);
    expect(a?.expectedVisits?.[2]).toBe(0);
  });

  it('leaves a stage never left, and the stages that lead only into it, unknown', () => {
    expect(solved[2]?.winProbability).toBeNull();
    expect(solved[3]?.winProbability).toBeNull();
    expect(solved[3]?.expectedDaysToClose).toBeNull();
  });

  it('handles a single stage with a zero-length stay: win = share of wins, time = mean stay', () => {
    // S: 1 win, 3 losses, total 0 days → win 1/4, loss 3/4, 0 days.
    const [s] = solveMarkov(
      estimateMarkov({ stages: [open('S'), WON, LOST], transitions: [t('S', 'W', 1, 0), t('S', 'L', 3, 0)] }),
    );
    expect(s).toMatchObject({
      winProbability: 0.25,
      lossProbability: 0.75,
      expectedDaysToClose: 0,
      expectedDaysToWin: 0,
    });
  });

  it('leaves a loop that was never seen to close unknown', () => {
    // P ↔ Q only: absorption unreachable, I − Q singular.
    const res = solveMarkov(
      estimateMarkov({
        stages: [open('P'), open('Q'), WON, LOST],
        transitions: [t('P', 'Q', 2, 2), t('Q', 'P', 1, 1)],
      }),
    );
    expect(res.map((r) => r.winProbability)).toEqual([null, null]);
  });

  it('property: from every stage, win + loss = 1 (or both unknown)', () => {
    const count = fc.nat({ max: 5 });
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 6 })
          .chain((n) =>
            fc.tuple(
              fc.constant(n),
              fc.array(fc.array(count, { minLength: n + 2, maxLength: n + 2 }), { minLength: n, maxLength: n }),
              fc.array(fc.nat({ max: 30 }), { minLength: n, maxLength: n }),
            ),
          ),
        ([n, rows, days]) => {
          const opens = Array.from({ length: n }, (_, i) => open(`s${i}`));
          const all = [...opens, WON, LOST];
          const trs = rows.flatMap((row, i) =>
            row.flatMap((c, j) => (c > 0 ? [t(`s${i}`, all[j]?.id ?? '', c, c * (days[i] ?? 0))] : [])),
          );
          const res = solveMarkov(estimateMarkov({ stages: all, transitions: trs }));
          res.forEach((r, i) => {
            const closesDirectly =
              (rows[i]?.[n] ?? 0) + (rows[i]?.[n + 1] ?? 0) > 0 && rows[i]?.slice(0, n).every((c) => c === 0);
            if (closesDirectly) expect(r.winProbability).not.toBeNull();
            if (r.winProbability === null) {
              expect(r.lossProbability).toBeNull();
              return;
            }
            expect(r.winProbability).toBeGreaterThanOrEqual(-1e-12);
            expect(r.lossProbability).toBeGreaterThanOrEqual(-1e-12);
            expect((r.winProbability ?? 0) + (r.lossProbability ?? 0)).toBeCloseTo(1, 9);
            expect(r.expectedDaysToClose).toBeGreaterThanOrEqual(-1e-9);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('what-if', () => {
  const model = estimateMarkov({ stages, transitions });
  // Open pipeline: A 2 deals (1000.00), B 1 deal (500.00), C 1 deal (300.00, C cannot be estimated).
  const load = [
    { stageId: 'A', deals: 2, amountCents: 100_000 },
    { stageId: 'B', deals: 1, amountCents: 50_000 },
    { stageId: 'C', deals: 1, amountCents: 30_000 },
  ];

  it('baseline outlook of the open pipeline', () => {
    // wins = 2·6/13 + 8/13 = 20/13 over 3 estimated deals; won cents = 100000·6/13 + 50000·8/13 = 1000000/13;
    // days = (2·200/13 + 180/13) / 3 = 580/39.
    const { baseline } = markovWhatIf(model, load, { stageId: 'A', conversionPoints: 0, shortenDays: 0 });
    expect(baseline.pipeline.openDeals).toBe(4);
    expect(baseline.pipeline.estimatedDeals).toBe(3);
    expect(baseline.pipeline.expectedWins).toBeCloseTo(20 / 13, 12);
    expect(baseline.pipeline.winProbability).toBeCloseTo(20 / 39, 12);
    expect(baseline.pipeline.expectedWonCents).toBeCloseTo(1_000_000 / 13, 8);
    expect(baseline.pipeline.expectedDaysToClose).toBeCloseTo(580 / 39, 10);
  });

  it('+10 points of conversion at A and 2 days shorter', () => {
    /*
     * A: loss 1/4 → 0.15, the only forward move A→B grows 0.75 → 0.85; m_A = 5 − 2 = 3.
     * I − Q = [[1, −0.85], [−0.25, 1]], det = 0.7875 = 63/80, N = (80/63)·[[1, 0.85], [0.25, 1]]
     * win A = 0.85·0.5 / 0.7875 = 34/63, win B = 0.5 / 0.7875 = 40/63
     * t A = (3 + 0.85·10) / 0.7875 = 920/63, t B = (0.25·3 + 10) / 0.7875 = 860/63
     * pipeline: wins = 2·34/63 + 40/63 = 12/7 → 4/7 of 3; cents = (3400000 + 2000000)/63;
     *           days = (2·920 + 860) / 63 / 3 = 100/7
     */
    const { scenario } = markovWhatIf(model, load, { stageId: 'A', conversionPoints: 10, shortenDays: 2 });
    expect(scenario.model.lost[0]).toBeCloseTo(0.15, 12);
    expect(scenario.model.q[0]?.[1]).toBeCloseTo(0.85, 12);
    expect(scenario.stages[0]?.winProbability).toBeCloseTo(34 / 63, 12);
    expect(scenario.stages[1]?.winProbability).toBeCloseTo(40 / 63, 12);
    expect(scenario.stages[0]?.expectedDaysToClose).toBeCloseTo(920 / 63, 10);
    expect(scenario.stages[1]?.expectedDaysToClose).toBeCloseTo(860 / 63, 10);
    expect(scenario.pipeline.winProbability).toBeCloseTo(4 / 7, 12);
    expect(scenario.pipeline.expectedWonCents).toBeCloseTo(5_400_000 / 63, 8);
    expect(scenario.pipeline.expectedDaysToClose).toBeCloseTo(100 / 7, 10);
  });

  it('caps the points at the loss probability and never makes a sojourn negative', () => {
    // S: 1 win, 3 losses → +50 points: loss 0.75 → 0.25, win 0.25 → 0.75; +100 points: win 1.
    const single = estimateMarkov({
      stages: [open('S'), WON, LOST],
      transitions: [t('S', 'W', 1, 4), t('S', 'L', 3, 4)],
    });
    expect(applyScenario(single, { stageId: 'S', conversionPoints: 50, shortenDays: 0 }).won[0]).toBeCloseTo(0.75, 12);
    const all = applyScenario(single, { stageId: 'S', conversionPoints: 100, shortenDays: 5 });
    expect(all.won[0]).toBeCloseTo(1, 12);
    expect(all.lost[0]).toBeCloseTo(0, 12);
    expect(all.sojournDays[0]).toBe(0);
  });

  it('sends the points to the next stage when a stage has only losses so far', () => {
    // E: 2 losses; +30 points → E→F 0.3, loss 0.7. F (last open): 2 losses → +30 points go to won.
    const m = estimateMarkov({
      stages: [open('E'), open('F'), WON, LOST],
      transitions: [t('E', 'L', 2, 2), t('F', 'L', 2, 2)],
    });
    const e = applyScenario(m, { stageId: 'E', conversionPoints: 30, shortenDays: 0 });
    expect(e.q[0]?.[1]).toBeCloseTo(0.3, 12);
    expect(e.lost[0]).toBeCloseTo(0.7, 12);
    expect(applyScenario(m, { stageId: 'F', conversionPoints: 30, shortenDays: 0 }).won[1]).toBeCloseTo(0.3, 12);
  });

  it('leaves the model as it is for an unknown stage and an empty pipeline', () => {
    expect(applyScenario(model, { stageId: 'nope', conversionPoints: 10, shortenDays: 1 })).toBe(model);
    const { baseline } = markovWhatIf(model, [], { stageId: 'A', conversionPoints: 0, shortenDays: 0 });
    expect(baseline.pipeline).toEqual({
      openDeals: 0,
      estimatedDeals: 0,
      expectedWins: 0,
      winProbability: null,
      expectedWonCents: 0,
      expectedDaysToClose: null,
    });
  });
});
