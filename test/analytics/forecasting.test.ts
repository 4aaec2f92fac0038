import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  attainment,
  fiscalPeriod,
  fiscalPeriodOf,
  forecastAccuracy,
  prefillForecast,
  rollUpForecast,
} from '../../src/analytics/forecasting.ts';

describe('fiscal quarters', () => {
  it('follow the fiscal year start month, named by the calendar year the fiscal year starts in', () => {
    expect(fiscalPeriod('2026-Q1', 1)).toEqual({ key: '2026-Q1', startsOn: '2026-01-01', endsOn: '2026-04-01' });
    expect(fiscalPeriod('2026-Q1', 4)).toEqual({ key: '2026-Q1', startsOn: '2026-04-01', endsOn: '2026-07-01' });
    expect(fiscalPeriod('2026-Q4', 4)).toEqual({ key: '2026-Q4', startsOn: '2027-01-01', endsOn: '2027-04-01' });
    expect(fiscalPeriod('2026-Q2', 11)).toEqual({ key: '2026-Q2', startsOn: '2027-02-01', endsOn: '2027-05-01' });
    expect(fiscalPeriodOf('2027-02-15', 4).key).toBe('2026-Q4');
    expect(fiscalPeriodOf('2026-03-31', 4).key).toBe('2025-Q4');
    expect(fiscalPeriodOf('2026-04-01', 4).key).toBe('2026-Q1');
    expect(fiscalPeriodOf('2026-12-31', 1).key).toBe('2026-Q4');
  });

  it('every day falls in the quarter that fiscalPeriodOf names', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 12 }),
        (d, month) => {
          const day = d.toISOString().slice(0, 10);
          const p = fiscalPeriodOf(day, month);
          return p.startsOn <= day && day < p.endsOn;
        },
      ),
    );
  });
});

describe('forecast figures', () => {
  it('pre-fill: won counts in all three, then commit, best case and pipeline deals cumulatively; omitted nowhere', () => {
    expect(
      prefillForecast('100.00', [
        { amount: '50.00', category: 'commit' },
        { amount: '25.50', category: 'best_case' },
        { amount: '20.00', category: 'pipeline' },
        { amount: '999.00', category: 'omitted' },
      ]),
    ).toEqual({ commit: '150.00', bestCase: '175.50', pipeline: '195.50' });
  });

  it('a roll-up sums each member with the manager overrides figure by figure', () => {
    const r = rollUpForecast([
      { userId: 'ana', figures: { commit: '100.00', bestCase: '150.00', pipeline: '300.00' } },
      {
        userId: 'ben',
        figures: { commit: '200.00', bestCase: '260.00', pipeline: '400.00' },
        override: { commit: '180.00' },
      },
      {
        userId: 'cy',
        figures: { commit: '0.00', bestCase: '50.00', pipeline: '120.00' },
        override: { pipeline: '100.00' },
      },
    ]);
    // commit 100 + 180 + 0, best case 150 + 260 + 50, pipeline 300 + 400 + 100.
    expect(r.total).toEqual({ commit: '280.00', bestCase: '460.00', pipeline: '800.00' });
    expect(r.members[1]?.counted).toEqual({ commit: '180.00', bestCase: '260.00', pipeline: '400.00' });
  });
});

describe('accuracy after the period', () => {
  it('error against actual won and the Brier score of the deal probabilities', () => {
    const a = forecastAccuracy(
      '1000.00',
      '800.00',
      [
        { dealId: 'd1', probability: 75 },
        { dealId: 'd2', probability: 40 },
        { dealId: 'd3', probability: 10 },
        { dealId: 'd4', probability: 90 },
      ],
      new Set(['d1', 'd4']),
    );
    // (0.75 − 1)² + (0.40 − 0)² + (0.10 − 0)² + (0.90 − 1)² = 0.0625 + 0.16 + 0.01 + 0.01 = 0.2425; / 4.
    expect(a.error).toBe('200.00');
    expect(a.absolutePercentError).toBe(0.25);
    expect(a.brierScore).toBeCloseTo(0.060625, 12);
    expect(forecastAccuracy('0.00', '0.00', [], new Set())).toEqual({
      error: '0.00',
      absolutePercentError: null,
      brierScore: null,
      deals: 0,
    });
  });
});

describe('quota attainment and pacing (linear in calendar days)', () => {
  const q1 = { startsOn: '2026-01-01', endsOn: '2026-04-01' };
  it('expects quota × days begun / days of the period by today', () => {
    // 90 days (31 + 28 + 31); 30 begun on 30 January; 900 × 30 / 90 = 300.
    const a = attainment('900.00', '400.00', q1, '2026-01-30');
    expect(a).toMatchObject({ daysTotal: 90, daysElapsed: 30, expectedByNow: '300.00' });
    expect(a.attainment).toBeCloseTo(400 / 900, 12);
    expect(a.pacing).toBeCloseTo(4 / 3, 12);
    // Before the period nothing is expected; after it the whole quota; cents round half away from zero.
    expect(attainment('900.00', '0.00', q1, '2025-12-31')).toMatchObject({
      daysElapsed: 0,
      expectedByNow: '0.00',
      pacing: null,
    });
    expect(attainment('900.00', '950.00', q1, '2026-05-01')).toMatchObject({
      daysElapsed: 90,
      expectedByNow: '900.00',
    });
    expect(attainment('100.00', '0.00', q1, '2026-01-01').expectedByNow).toBe('1.11');
    expect(attainment('0.00', '5.00', q1, '2026-01-01').attainment).toBeNull();
  });
});
