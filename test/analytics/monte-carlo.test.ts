import { describe, expect, it } from 'vitest';
import { estimateMarkov, type MarkovStage, type StageTransitionCount } from '../../src/analytics/markov.ts';
import { cdf, monteCarloForecast, sample, type MonteCarloInput } from '../../src/analytics/monte-carlo.ts';
import { quantileSorted } from '../../src/analytics/random.ts';

const open = (id: string): MarkovStage => ({ id, name: id, kind: 'open' });
const WON: MarkovStage = { id: 'W', name: 'Won', kind: 'won' };
const LOST: MarkovStage = { id: 'L', name: 'Lost', kind: 'lost' };
const t = (fromStageId: string, toStageId: string, count: number, totalDays: number): StageTransitionCount => ({
  fromStageId,
  toStageId,
  count,
  totalDays,
});
const linear = (from: number, to: number): number[] =>
  Array.from({ length: 101 }, (_, k) => from + ((to - from) * k) / 100);

// One stage S, half the deals won, half lost, every stay exactly 10 days.
const coin = estimateMarkov({ stages: [open('S'), WON, LOST], transitions: [t('S', 'W', 1, 10), t('S', 'L', 1, 10)] });
const base = (over: Partial<MonteCarloInput>): MonteCarloInput => ({
  model: coin,
  stageTimes: [{ stageId: 'S', quantiles: [10, 10] }],
  deals: [],
  periodStartDays: 0,
  periodEndDays: 30,
  runs: 20_000,
  seed: 1,
  targetCents: null,
  ...over,
});
const fourDeals = Array.from({ length: 4 }, () => ({ stageId: 'S', ageDays: 0, amountCents: 10_000 }));

describe('quantile tables', () => {
  it('samples and inverts a table by linear interpolation', () => {
    const table = Float64Array.from([0, 10, 30]); // F(0) = 0, F(10) = 1/2, F(30) = 1
    expect(sample(table, 0.25)).toBe(5);
    expect(sample(table, 0.75)).toBe(20);
    expect(sample(table, 1)).toBe(30);
    expect(cdf(table, 5)).toBe(0.25);
    expect(cdf(table, 20)).toBe(0.75);
    expect(cdf(table, -1)).toBe(0);
    expect(cdf(table, 31)).toBe(1);
  });

  it('takes quantiles with linear interpolation between ranks', () => {
    // h = (5 − 1)·0.1 = 0.4 → 1 + 0.4·(2 − 1) = 1.4; median of 1..5 = 3.
    expect(quantileSorted([1, 2, 3, 4, 5], 0.1)).toBeCloseTo(1.4, 12);
    expect(quantileSorted([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(quantileSorted([], 0.5)).toBeNaN();
  });
});

describe('monteCarloForecast', () => {
  it('four coin-flip deals of 100.00 closing on day 10: binomial revenue', () => {
    /*
     * Won deals X ~ Binomial(4, 1/2): P(X ≤ 0) = 1/16, P(X ≤ 1) = 5/16, P(X ≤ 2) = 11/16, P(X ≤ 3) = 15/16.
     * P10 = 1 deal, P50 = 2, P90 = 3 (each well inside its step, so 20,000 runs land on it);
     * mean = 2 deals = 20000 cents (sd of the mean over 20,000 runs = 10000·1/√20000 ≈ 71 cents);
     * P(revenue ≥ 300.00) = P(X ≥ 3) = 5/16 (sd ≈ 0.0033).
     */
    const r = monteCarloForecast(base({ deals: fourDeals, targetCents: 30_000 }));
    expect(r).toMatchObject({
      runs: 20_000,
      simulatedDeals: 4,
      skippedDeals: 0,
      p10Cents: 10_000,
      p50Cents: 20_000,
      p90Cents: 30_000,
    });
    expect(Math.abs(r.meanCents - 20_000)).toBeLessThan(300);
    expect(Math.abs(r.meanWonDeals - 2)).toBeLessThan(0.03);
    expect(Math.abs((r.probabilityOfTarget ?? 0) - 5 / 16)).toBeLessThan(0.015);
  });

  it('counts a win only inside [start, end)', () => {
    // Every win happens on day 10.
    expect(monteCarloForecast(base({ deals: fourDeals, periodEndDays: 10 })).meanCents).toBe(0);
    expect(
      monteCarloForecast(base({ deals: fourDeals, periodStartDays: 10, periodEndDays: 11 })).meanWonDeals,
    ).toBeGreaterThan(1.9);
    expect(monteCarloForecast(base({ deals: fourDeals, periodStartDays: 10.5, periodEndDays: 40 })).meanCents).toBe(0);
  });

  it('draws the rest of the current stay given the time already spent', () => {
    // Stays uniform on [0, 20] days, every deal won when it leaves. Age 15: the rest is uniform on
    // [0, 5], so P(won before day 2.5) = 1/2. Age 25 (older than any stay): a fresh stay, U[0, 20],
    // so P(won before day 5) = 1/4. Age 0: P(before day 5) = 1/4 as well.
    const sure = estimateMarkov({ stages: [open('S'), WON, LOST], transitions: [t('S', 'W', 3, 30)] });
    const run = (ageDays: number, end: number): number =>
      monteCarloForecast(
        base({
          model: sure,
          stageTimes: [{ stageId: 'S', quantiles: linear(0, 20) }],
          deals: [{ stageId: 'S', ageDays, amountCents: 1 }],
          periodEndDays: end,
        }),
      ).meanWonDeals;
    expect(run(15, 5)).toBe(1);
    expect(Math.abs(run(15, 2.5) - 0.5)).toBeLessThan(0.02);
    expect(Math.abs(run(25, 5) - 0.25)).toBeLessThan(0.02);
    expect(Math.abs(run(0, 5) - 0.25)).toBeLessThan(0.02);
  });

  it('walks later stages: A (3 days) → B (4 days) → won half the time, on day 7', () => {
    // A → B always; B: 1 win, 1 loss. A deal entering A now is won on day 3 + 4 = 7 with p = 1/2.
    const chain = estimateMarkov({
      stages: [open('A'), open('B'), WON, LOST],
      transitions: [t('A', 'B', 2, 6), t('B', 'W', 1, 4), t('B', 'L', 1, 4)],
    });
    const input = (end: number): MonteCarloInput =>
      base({
        model: chain,
        stageTimes: [
          { stageId: 'A', quantiles: [3, 3] },
          { stageId: 'B', quantiles: [4, 4] },
        ],
        deals: [{ stageId: 'A', ageDays: 0, amountCents: 500 }],
        periodEndDays: end,
        runs: 10_000,
      });
    expect(monteCarloForecast(input(7)).meanWonDeals).toBe(0);
    const r = monteCarloForecast(input(14));
    expect(Math.abs(r.meanWonDeals - 0.5)).toBeLessThan(0.02);
    // Weekly bands: nothing by day 7 (the win on day 7 falls in the second week); by day 14 the
    // P10 run has won nothing and the P90 run the deal.
    expect(r.bucketDays).toBe(7);
    expect(r.bands.map((b) => [b.dayEnd, b.p10Cents, b.p90Cents])).toEqual([
      [7, 0, 0],
      [14, 0, 500],
    ]);
    expect(r.bands[0]?.p50Cents).toBe(0);
  });

  it('converges on the chain: mean revenue over a long period = Σ amount × P(win | stage)', () => {
    // The hand-solved chain of the Markov test: P(win | A) = 6/13, P(win | B) = 8/13; stays of
    // 5 and 10 days; a 10,000-day period catches every win. Expected = 1300·6/13 + 1300·8/13 = 1400
    // cents; sd of one run ≈ 1300·√(2·(1/4)) ≈ 920, of the mean over 20,000 runs ≈ 6.5 cents.
    const model = estimateMarkov({
      stages: [open('A'), open('B'), WON, LOST],
      transitions: [t('A', 'B', 3, 15), t('A', 'L', 1, 5), t('B', 'A', 1, 10), t('B', 'W', 2, 20), t('B', 'L', 1, 10)],
    });
    const r = monteCarloForecast(
      base({
        model,
        stageTimes: [
          { stageId: 'A', quantiles: linear(0, 10) },
          { stageId: 'B', quantiles: linear(5, 15) },
        ],
        deals: [
          { stageId: 'A', ageDays: 1, amountCents: 1300 },
          { stageId: 'B', ageDays: 1, amountCents: 1300 },
        ],
        periodEndDays: 10_000,
      }),
    );
    expect(Math.abs(r.meanCents - 1400)).toBeLessThan(30);
  });

  it('skips deals in stages the chain cannot estimate, and is repeatable by seed', () => {
    const withUnknown = estimateMarkov({
      stages: [open('S'), open('U'), WON, LOST],
      transitions: [t('S', 'W', 1, 10), t('S', 'L', 1, 10)],
    });
    const input = base({
      model: withUnknown,
      deals: [
        ...fourDeals,
        { stageId: 'U', ageDays: 3, amountCents: 99 },
        { stageId: 'gone', ageDays: 0, amountCents: 5 },
      ],
      runs: 500,
    });
    const a = monteCarloForecast(input);
    expect(a.simulatedDeals).toBe(4);
    expect(a.skippedDeals).toBe(2);
    expect(monteCarloForecast(input)).toEqual(a);
    expect(monteCarloForecast({ ...input, seed: 2 }).meanCents).not.toBe(a.meanCents);
  });

  it('an empty pipeline forecasts zero', () => {
    const r = monteCarloForecast(base({ runs: 100, targetCents: 0 }));
    expect(r).toMatchObject({
      simulatedDeals: 0,
      meanCents: 0,
      p10Cents: 0,
      p50Cents: 0,
      p90Cents: 0,
      probabilityOfTarget: 1,
    });
  });
});
