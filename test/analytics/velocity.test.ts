import { describe, expect, it } from 'vitest';
import { computeVelocity, dayIn, velocityWindows, type VelocityInput } from '../../src/analytics/velocity.ts';

const D = 86_400;
const input = (x: Partial<VelocityInput>): VelocityInput => ({
  currency: 'USD',
  openDeals: 0,
  openAmount: '0',
  won: 0,
  lost: 0,
  wonAmount: '0',
  wonWithAmount: 0,
  wonCycleSeconds: 0,
  ...x,
});

describe('velocity', () => {
  it('computes the factors and splits the change between them (LMDI), with coverage against a target', () => {
    // Comparison: N 10, A 2000/2 = 1000, p 2/8 = 0.25, C 80/2 = 40 days → V0 = 10·1000·0.25/40 = 62.50.
    // Current: N 20, A 1000, p 4/8 = 0.5, C 80/4 = 20 days → V1 = 20·1000·0.5/20 = 500.00.
    const r = computeVelocity(
      'USD',
      [
        input({
          openDeals: 20,
          openAmount: '12500.00',
          won: 4,
          lost: 4,
          wonAmount: '4000.00',
          wonWithAmount: 4,
          wonCycleSeconds: 80 * D,
        }),
      ],
      [
        input({
          openDeals: 10,
          openAmount: '9000.00',
          won: 2,
          lost: 6,
          wonAmount: '2000.00',
          wonWithAmount: 2,
          wonCycleSeconds: 80 * D,
        }),
      ],
      { amount: '5000', currency: 'USD' },
    );
    const [usd] = r.byCurrency;
    expect(usd?.current).toEqual({
      openDeals: 20,
      openAmount: '12500.00',
      won: 4,
      lost: 4,
      winRate: 0.5,
      avgWonAmount: '1000.00',
      avgCycleDays: 20,
      velocity: '500.00',
    });
    expect(usd?.comparison).toMatchObject({
      winRate: 0.25,
      avgWonAmount: '1000.00',
      avgCycleDays: 40,
      velocity: '62.50',
    });
    expect(usd?.change).toBeCloseTo(437.5, 9);
    // ln(V1/V0) = ln 8 = 3 ln 2: open deals, win rate and speed (1/C) each doubled (ln 2), the
    // average amount did not move (0). Each doubled factor carries a third: 437.5 / 3 per day.
    const f = Object.fromEntries((usd?.factors ?? []).map((x) => [x.factor, x]));
    expect(f.openDeals?.logRatio).toBeCloseTo(Math.LN2, 12);
    expect(f.avgWonAmount?.logRatio).toBe(0);
    expect(f.winRate?.share).toBeCloseTo(1 / 3, 12);
    expect(f.cycleSpeed?.contribution).toBeCloseTo(437.5 / 3, 9);
    expect(f.avgWonAmount?.contribution).toBe(0);
    const total = (usd?.factors ?? []).reduce((s, x) => s + (x.contribution ?? 0), 0);
    expect(total).toBeCloseTo(437.5, 9);
    // Coverage: 12500 open against a 5000 target.
    expect(r.coverage).toEqual({ target: '5000.00', currency: 'USD', openAmount: '12500.00', ratio: 2.5 });
  });

  it('leaves what cannot be known null: no wins, a single deal, an empty range', () => {
    const r = computeVelocity('USD', [input({ openDeals: 1, openAmount: '10.00' })], [], null);
    expect(r.byCurrency).toHaveLength(1);
    expect(r.byCurrency[0]?.current).toEqual({
      openDeals: 1,
      openAmount: '10.00',
      won: 0,
      lost: 0,
      winRate: null,
      avgWonAmount: null,
      avgCycleDays: null,
      velocity: null,
    });
    expect(r.byCurrency[0]?.change).toBeNull();
    expect(r.byCurrency[0]?.factors.every((x) => x.contribution === null && x.share === null)).toBe(true);
    expect(r.coverage).toBeNull();
    // A window with only losses has win rate 0: its velocity is 0, but ln 0 has no value, so no log ratio.
    const lost = computeVelocity(
      'USD',
      [input({ openDeals: 3, won: 0, lost: 2 })],
      [input({ openDeals: 3, won: 1, lost: 0, wonAmount: '5.00', wonWithAmount: 1, wonCycleSeconds: D })],
      null,
    );
    expect(lost.byCurrency[0]?.current.winRate).toBe(0);
    expect(lost.byCurrency[0]?.factors.find((x) => x.factor === 'winRate')?.logRatio).toBeNull();
    const empty = computeVelocity('USD', [], [], { amount: '100.00', currency: 'EUR' });
    expect(empty).toEqual({
      byCurrency: [],
      coverage: { target: '100.00', currency: 'EUR', openAmount: '0.00', ratio: 0 },
    });
  });

  it('defaults to the last 90 days against the 90 days before, or the same length before a given range', () => {
    expect(velocityWindows('2026-03-31', {}, {})).toEqual({
      current: { from: '2026-01-01', to: '2026-03-31' },
      comparison: { from: '2025-10-03', to: '2025-12-31' },
    });
    expect(velocityWindows('2026-03-31', { from: '2026-03-01', to: '2026-03-10' }, {})).toEqual({
      current: { from: '2026-03-01', to: '2026-03-10' },
      comparison: { from: '2026-02-19', to: '2026-02-28' },
    });
    expect(
      velocityWindows('2026-03-31', { from: '2026-03-01', to: '2026-03-10' }, { from: '2025-03-01', to: '2025-03-31' })
        .comparison,
    ).toEqual({ from: '2025-03-01', to: '2025-03-31' });
    expect(dayIn(new Date('2026-03-01T02:00:00Z'), 'America/New_York')).toBe('2026-02-28');
  });
});
