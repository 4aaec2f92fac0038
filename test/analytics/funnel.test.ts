import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeFunnel, reachedRanks, strictDepth, type FunnelGroup } from '../../src/analytics/funnel.ts';
import type { PipelineModel } from '../../src/analytics/model.ts';

/** Qualify(1) → Discovery(2) → Proposal(3) → Negotiation(4) → Won(5); Lost has no rank. */
const pipeline: Pick<PipelineModel, 'stages' | 'baseCurrency'> = {
  baseCurrency: 'USD',
  stages: [
    { id: 'q', name: 'Qualify', position: 1, kind: 'open', probability: 10, forecastCategory: 'pipeline' },
    { id: 'd', name: 'Discovery', position: 2, kind: 'open', probability: 25, forecastCategory: 'pipeline' },
    { id: 'p', name: 'Proposal', position: 3, kind: 'open', probability: 50, forecastCategory: 'best_case' },
    { id: 'n', name: 'Negotiation', position: 4, kind: 'open', probability: 80, forecastCategory: 'commit' },
    { id: 'w', name: 'Won', position: 5, kind: 'won', probability: 100, forecastCategory: 'closed' },
    { id: 'l', name: 'Lost', position: 6, kind: 'lost', probability: 0, forecastCategory: 'omitted' },
  ],
};

/*
 * The fixture, one deal per group (traces are the ranks of the visits in order; lost visits left out):
 *   A  Q D P N W        won   USD 100.00  2026-01   reached 1..5      strict depth 5
 *   B  Q D (lost)       lost  USD  50.00  2026-01   reached 1,2       depth 2
 *   C  Q P D            open  USD  30.00  2026-02   reached 1,2,3     depth 2 (P entered before D: skip)
 *   D  Q D Q D P W      won   EUR 200.00  2026-02   reached 1,2,3,5   depth 3 (backward move, repeats; N skipped)
 *   E  D                open  USD  (none) 2026-02   reached 2         depth 0 (created at Discovery)
 *   F  Q (lost at once) lost  USD  10.00  2026-01   reached 1         depth 1 (zero-length stay)
 *   G  Q D P N W N      open  USD  70.00  2026-02   reached 1..5      depth 5 (won, then reopened)
 */
const g = (
  reached: number[],
  depth: number,
  status: FunnelGroup['status'],
  cohort: string,
  currency: string,
  amount: string,
): FunnelGroup => ({
  reached,
  strictDepth: depth,
  status,
  cohort,
  currency,
  deals: 1,
  amount,
});
const fixture: FunnelGroup[] = [
  g([1, 2, 3, 4, 5], 5, 'won', '2026-01', 'USD', '100.00'),
  g([1, 2], 2, 'lost', '2026-01', 'USD', '50.00'),
  g([1, 2, 3], 2, 'open', '2026-02', 'USD', '30.00'),
  g([1, 2, 3, 5], 3, 'won', '2026-02', 'EUR', '200.00'),
  g([2], 0, 'open', '2026-02', 'USD', '0'),
  g([1], 1, 'lost', '2026-01', 'USD', '10.00'),
  g([1, 2, 3, 4, 5], 5, 'open', '2026-02', 'USD', '70.00'),
];

describe('strict depth and reached ranks of a trace', () => {
  it('follow the definitions on the fixture traces', () => {
    expect(strictDepth([1, 2, 3, 4, 5])).toBe(5);
    expect(strictDepth([1, 2])).toBe(2);
    expect(strictDepth([1, 3, 2])).toBe(2);
    expect(strictDepth([1, 2, 1, 2, 3, 5])).toBe(3);
    expect(strictDepth([2])).toBe(0);
    expect(strictDepth([1])).toBe(1);
    expect(strictDepth([1, 2, 3, 4, 5, 4])).toBe(5);
    expect(strictDepth([])).toBe(0);
    // Skipping Discovery and filling it later does not restore the strict path beyond it.
    expect(strictDepth([1, 3, 1, 2, 3])).toBe(2);
    expect(reachedRanks([1, 2, 1, 2, 3, 5])).toEqual([1, 2, 3, 5]);
    expect(reachedRanks([])).toEqual([]);
  });
});

describe('funnel', () => {
  it('computes both modes, censoring open deals, with win rates by count and value per cohort', () => {
    const r = computeFunnel(pipeline, fixture);
    // Strict: reached 6,5,3,2,2. Qualify: 5 advanced, F exited. Discovery: A,D,G advanced; B exited,
    // C censored → 3/4. Proposal: A,G advanced; D (won, skipped N) exited → 2/3. Negotiation 2/2.
    expect(r.stages.map((s) => [s.name, s.strict])).toEqual([
      ['Qualify', { reached: 6, advanced: 5, exited: 1, censored: 0, conversion: 5 / 6 }],
      ['Discovery', { reached: 5, advanced: 3, exited: 1, censored: 1, conversion: 3 / 4 }],
      ['Proposal', { reached: 3, advanced: 2, exited: 1, censored: 0, conversion: 2 / 3 }],
      ['Negotiation', { reached: 2, advanced: 2, exited: 0, censored: 0, conversion: 1 }],
      ['Won', { reached: 2, advanced: null, exited: null, censored: null, conversion: null }],
    ]);
    // Any order: Qualify 6 (all but E), 5 saw Discovery. Discovery 6 (all but F), 4 saw Proposal;
    // B exited, E censored → 4/5. Proposal 4 (A,C,D,G), 2 saw Negotiation; C censored, D exited → 2/3.
    // Won: A, D, G visited a won stage (G was reopened since).
    expect(r.stages.map((s) => s.anyOrder)).toEqual([
      { reached: 6, advanced: 5, exited: 1, censored: 0, conversion: 5 / 6 },
      { reached: 6, advanced: 4, exited: 1, censored: 1, conversion: 4 / 5 },
      { reached: 4, advanced: 2, exited: 1, censored: 1, conversion: 2 / 3 },
      { reached: 2, advanced: 2, exited: 0, censored: 0, conversion: 1 },
      { reached: 3, advanced: null, exited: null, censored: null, conversion: null },
    ]);
    expect(r.stages.map((s) => [s.stageId, s.kind])).toEqual([
      ['q', 'open'],
      ['d', 'open'],
      ['p', 'open'],
      ['n', 'open'],
      ['w', 'won'],
    ]);
    // 7 deals: C, E, G open; A, D won; B, F lost → win rate 2 / 4.
    expect([r.deals, r.open, r.won, r.lost, r.winRate]).toEqual([7, 3, 2, 2, 0.5]);
    // USD: won 100, lost 50 + 10 = 60, open 30 + 70 = 100 → 100 / 160. EUR: 200 won, nothing lost → 1.
    expect(r.byCurrency).toEqual([
      { currency: 'USD', wonAmount: '100.00', lostAmount: '60.00', openAmount: '100.00', winRateByValue: 0.625 },
      { currency: 'EUR', wonAmount: '200.00', lostAmount: '0.00', openAmount: '0.00', winRateByValue: 1 },
    ]);
    expect(r.cohorts).toEqual([
      {
        month: '2026-01',
        deals: 3,
        open: 0,
        won: 1,
        lost: 2,
        winRate: 1 / 3,
        byCurrency: [
          { currency: 'USD', wonAmount: '100.00', lostAmount: '60.00', openAmount: '0.00', winRateByValue: 0.625 },
        ],
      },
      {
        month: '2026-02',
        deals: 4,
        open: 3,
        won: 1,
        lost: 0,
        winRate: 1,
        byCurrency: [
          { currency: 'USD', wonAmount: '0.00', lostAmount: '0.00', openAmount: '100.00', winRateByValue: null },
          { currency: 'EUR', wonAmount: '200.00', lostAmount: '0.00', openAmount: '0.00', winRateByValue: 1 },
        ],
      },
    ]);
  });

  it('a single open deal is censored everywhere: reached, nothing decided, no win rate', () => {
    const r = computeFunnel(pipeline, [g([1, 2], 2, 'open', '2026-03', 'USD', '5.00')]);
    expect(r.stages.slice(0, 2).map((s) => s.strict)).toEqual([
      { reached: 1, advanced: 1, exited: 0, censored: 0, conversion: 1 },
      { reached: 1, advanced: 0, exited: 0, censored: 1, conversion: null },
    ]);
    expect(r.winRate).toBeNull();
    expect(r.byCurrency).toEqual([
      { currency: 'USD', wonAmount: '0.00', lostAmount: '0.00', openAmount: '5.00', winRateByValue: null },
    ]);
  });

  it('an empty range gives zero counts and unknown rates', () => {
    const r = computeFunnel(pipeline, []);
    expect(r.stages).toHaveLength(5);
    expect(
      r.stages.every((s) => s.strict.reached === 0 && s.strict.conversion === null && s.anyOrder.reached === 0),
    ).toBe(true);
    expect([r.deals, r.winRate, r.byCurrency, r.cohorts]).toEqual([0, null, [], []]);
  });

  it('strict counts never increase down the funnel, never exceed the any-order counts, and every reached deal is advanced, exited or censored (property)', () => {
    const statuses = ['open', 'won', 'lost'] as const;
    const deal = fc.record({
      trace: fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 10 }),
      status: fc.constantFrom(...statuses),
      n: fc.integer({ min: 1, max: 3 }),
    });
    fc.assert(
      fc.property(fc.array(deal, { maxLength: 30 }), (deals) => {
        const groups = deals.map((d) => ({
          reached: reachedRanks(d.trace),
          strictDepth: strictDepth(d.trace),
          status: d.status,
          cohort: '2026-01',
          currency: 'USD',
          deals: d.n,
          amount: '1.00',
        }));
        const r = computeFunnel(pipeline, groups);
        for (let i = 0; i < r.stages.length; i++) {
          const s = r.stages[i]!;
          if (i > 0) expect(s.strict.reached).toBeLessThanOrEqual(r.stages[i - 1]!.strict.reached);
          expect(s.strict.reached).toBeLessThanOrEqual(s.anyOrder.reached);
          for (const m of [s.strict, s.anyOrder]) {
            if (m.advanced !== null) expect(m.advanced + (m.exited ?? 0) + (m.censored ?? 0)).toBe(m.reached);
            if (m.conversion !== null) expect(m.conversion).toBeGreaterThanOrEqual(0);
            if (m.conversion !== null) expect(m.conversion).toBeLessThanOrEqual(1);
          }
          if (i + 1 < r.stages.length && s.strict.advanced !== null)
            expect(s.strict.advanced).toBe(r.stages[i + 1]!.strict.reached);
        }
      }),
    );
  });
});
