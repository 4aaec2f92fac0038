import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { routeMeeting, type RoutingCandidate } from '../../src/domain/routing.ts';

const rep = (repId: string, weight: number, extra: Partial<RoutingCandidate> = {}): RoutingCandidate => ({
  repId,
  name: repId.toUpperCase(),
  weight,
  assigned: 0,
  unavailable: null,
  ownsAccount: false,
  ...extra,
});

/** Routes n meetings in turn, feeding each assignment back, and returns the counts per rep. */
function run(weights: readonly number[], n: number, check?: (counts: number[]) => void): number[] {
  const counts = weights.map(() => 0);
  for (let i = 0; i < n; i++) {
    const d = routeMeeting(weights.map((w, j) => rep(`r${j}`, w, { assigned: counts[j] ?? 0 })));
    const j = Number(d.repId?.slice(1));
    counts[j] = (counts[j] ?? 0) + 1;
    check?.(counts);
  }
  return counts;
}

describe('routing a meeting', () => {
  it('gives the account owner the meeting first, and skips them with the reason when they cannot take it', () => {
    const pool = [rep('a', 1, { assigned: 0 }), rep('b', 1, { assigned: 9, ownsAccount: true })];
    expect(routeMeeting(pool)).toEqual({ repId: 'b', rule: 'account_owner', reasons: ['B owns the account'] });
    const away = [rep('a', 1), rep('b', 1, { ownsAccount: true, unavailable: 'out of office' })];
    expect(routeMeeting(away)).toEqual({
      repId: 'a',
      rule: 'pool',
      reasons: [
        'account owner B skipped: out of office',
        'pool round robin: A had 0 meetings for weight 1, the fewest per weight',
      ],
    });
  });

  it('skips reps out of office and weight 0, and says so when nobody can take it', () => {
    const d = routeMeeting([rep('a', 1, { unavailable: 'out of office' }), rep('b', 0), rep('c', 2, { assigned: 4 })]);
    expect(d.repId).toBe('c');
    expect(d.reasons[0]).toBe('A skipped: out of office');
    expect(routeMeeting([rep('a', 1, { unavailable: 'the day is full' })])).toEqual({
      repId: null,
      rule: 'none',
      reasons: ['A skipped: the day is full', 'no rep in the pool can take the meeting'],
    });
  });

  it('hand-computed: weights 3, 1 over 8 meetings', () => {
    // a: 0/3 b: 0/1 → a (tie, first); a 1/3 vs b 0 → b; a 1/3 vs b 1 → a; a 2/3 → a; then 3/3 vs 1/1 → a (tie, first)...
    expect(run([3, 1], 8)).toEqual([6, 2]);
  });

  it('respects the weights over many assignments (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 10 }),
        (weights, rounds) => {
          const total = weights.reduce((s, w) => s + w, 0);
          const counts = run(weights, total * rounds, (now) => {
            // at every step, nobody is more than one meeting ahead of anyone else's weighted pace
            for (let i = 0; i < weights.length; i++)
              for (let j = 0; j < weights.length; j++)
                expect((now[j] ?? 0) / weights[j]! - (now[i] ?? 0) / weights[i]!).toBeLessThanOrEqual(
                  1 / weights[j]! + 1e-9,
                );
          });
          // after whole rounds, each rep has exactly their share
          expect(counts).toEqual(weights.map((w) => w * rounds));
        },
      ),
      { numRuns: 100 },
    );
  });
});
