import { describe, expect, it } from 'vitest';
import { computeForecast, type ForecastRow } from '../../src/analytics/forecast.ts';
import type { PipelineModel } from '../../src/analytics/model.ts';

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

const row = (
  period: string | null,
  stageId: string,
  status: 'open' | 'won',
  currency: string,
  deals: number,
  amount: string,
  weighted: string,
): ForecastRow => ({ period, stageId, status, currency, deals, amount, weighted });

describe('weighted pipeline and forecast', () => {
  it('weights exactly, rounds once, and rolls categories up cumulatively per period and currency', () => {
    const r = computeForecast(pipeline, [
      row('2026-04', 'q', 'open', 'USD', 2, '1000.00', '100.0000'),
      row('2026-04', 'p', 'open', 'USD', 1, '333.33', '166.6650'),
      row('2026-04', 'n', 'open', 'USD', 1, '500.00', '400.0000'),
      row('2026-04', 'w', 'won', 'USD', 1, '250.00', '250.0000'),
      row('2026-05', 'd', 'open', 'EUR', 1, '10.01', '2.5025'),
      row(null, 'q', 'open', 'USD', 1, '99.99', '9.9990'),
      row('2026-05', 'p', 'open', 'USD', 1, '0.01', '0.0050'),
    ]);
    // Qualify: 100 + 9.999 = 109.999 → 110.00. Proposal: 166.665 + 0.005 = 166.67 exactly (rounding each
    // row first would give 166.68). Discovery EUR 2.5025 → 2.50. Won deals are not in the weighted pipeline.
    expect(r.weighted.stages.map((s) => [s.name, s.byCurrency])).toEqual([
      ['Qualify', [{ currency: 'USD', deals: 3, amount: '1099.99', weighted: '110.00' }]],
      ['Discovery', [{ currency: 'EUR', deals: 1, amount: '10.01', weighted: '2.50' }]],
      ['Proposal', [{ currency: 'USD', deals: 2, amount: '333.34', weighted: '166.67' }]],
      ['Negotiation', [{ currency: 'USD', deals: 1, amount: '500.00', weighted: '400.00' }]],
    ]);
    // USD: 109.999 + 166.67 + 400 = 676.669 → 676.67.
    expect(r.weighted.totals).toEqual([
      { currency: 'USD', deals: 6, amount: '1933.33', weighted: '676.67' },
      { currency: 'EUR', deals: 1, amount: '10.01', weighted: '2.50' },
    ]);
    const zero = '0.00';
    expect(r.periods).toEqual([
      {
        // closed 250; commit 500 → 750; best case 333.33 → 1083.33; pipeline 1000 → 2083.33; weighted 666.665 → 666.67.
        period: '2026-04',
        byCurrency: [
          {
            currency: 'USD',
            closed: '250.00',
            commit: '500.00',
            bestCase: '333.33',
            pipeline: '1000.00',
            omitted: zero,
            rollup: { commit: '750.00', bestCase: '1083.33', pipeline: '2083.33' },
            weightedOpen: '666.67',
          },
        ],
      },
      {
        period: '2026-05',
        byCurrency: [
          {
            currency: 'USD',
            closed: zero,
            commit: zero,
            bestCase: '0.01',
            pipeline: zero,
            omitted: zero,
            rollup: { commit: zero, bestCase: '0.01', pipeline: '0.01' },
            weightedOpen: '0.01',
          },
          {
            currency: 'EUR',
            closed: zero,
            commit: zero,
            bestCase: zero,
            pipeline: '10.01',
            omitted: zero,
            rollup: { commit: zero, bestCase: zero, pipeline: '10.01' },
            weightedOpen: '2.50',
          },
        ],
      },
      {
        period: null,
        byCurrency: [
          {
            currency: 'USD',
            closed: zero,
            commit: zero,
            bestCase: zero,
            pipeline: '99.99',
            omitted: zero,
            rollup: { commit: zero, bestCase: zero, pipeline: '99.99' },
            weightedOpen: '10.00',
          },
        ],
      },
    ]);
  });

  it('an empty range has no periods and nothing weighted; a single won deal is closed and in every roll-up', () => {
    const empty = computeForecast(pipeline, []);
    expect([
      empty.periods,
      empty.weighted.totals,
      empty.weighted.stages.every((s) => s.byCurrency.length === 0),
    ]).toEqual([[], [], true]);
    const one = computeForecast(pipeline, [row('2026-01', 'w', 'won', 'USD', 1, '5.00', '5.0000')]);
    expect(one.weighted.totals).toEqual([]);
    expect(one.periods[0]?.byCurrency[0]).toMatchObject({
      closed: '5.00',
      rollup: { commit: '5.00', bestCase: '5.00', pipeline: '5.00' },
      weightedOpen: '0.00',
    });
  });
});
