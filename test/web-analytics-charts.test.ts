import { describe, expect, it } from 'vitest';
import { monteCarloBandOption, waterfallDates } from '../web/src/pages/analytics/chart-data.ts';
import { speedToLeadEcdfOption } from '../web/src/pages/analytics/calling-charts.ts';
import type { ApiSchemas } from '../src/contract/api-paths.ts';

describe('the Monte Carlo chart', () => {
  it('draws the legend of the P10–P90 band in the colour of the band', () => {
    const report = {
      currency: 'EUR',
      bands: [
        { dayEnd: 7, p10: '100.00', p50: '150.00', p90: '220.00' },
        { dayEnd: 14, p10: '180.00', p50: '260.00', p90: '390.00' },
      ],
    } as unknown as ApiSchemas['MonteCarloReport'];
    const option = monteCarloBandOption(report) as { legend: { data: string[] }; series: Record<string, never>[] };
    const series = option.series as unknown as {
      name: string;
      areaStyle?: { color: string };
      itemStyle?: { color: string };
      data: number[];
    }[];
    const band = series.find((s) => s.name === 'P10–P90');
    expect(option.legend.data).toContain('P10–P90');
    expect(band?.areaStyle?.color).toBeDefined();
    expect(band?.itemStyle?.color).toBe(band?.areaStyle?.color);
    // The band floats on the P10 line: its height is P90 − P10.
    expect(band?.data).toEqual([120, 210]);
  });
});

describe('the waterfall dates', () => {
  it('defaults to the last 30 days up to today and says it did', () => {
    expect(waterfallDates({}, new Date(2026, 2, 10, 9))).toEqual({
      from: '2026-02-08',
      to: '2026-03-10',
      defaulted: true,
    });
    expect(waterfallDates({ to: '2026-01-15' })).toEqual({ from: '2025-12-16', to: '2026-01-15', defaulted: true });
    expect(waterfallDates({ from: '2026-01-01', to: '2026-01-15' })).toEqual({
      from: '2026-01-01',
      to: '2026-01-15',
      defaulted: false,
    });
  });
});

describe('the speed-to-lead ECDF', () => {
  it('starts at nothing called, draws first-minute calls at one minute, holds the last share and marks the SLA', () => {
    const group = (name: string, ecdf: { minutes: number; share: number }[]) =>
      ({ id: name, name, ecdf }) as unknown as ApiSchemas['SpeedToLeadReport']['byRep'][number];
    const option = speedToLeadEcdfOption(
      [
        group('Ann', [
          { minutes: 0, share: 0.25 },
          { minutes: 30, share: 0.5 },
        ]),
        group('Bob', [{ minutes: 120, share: 1 }]),
      ],
      5,
      '(unassigned)',
    ) as unknown as {
      xAxis: { type: string; min: number; max: number };
      series: { name: string; data: number[][]; markLine?: { data: { xAxis: number }[] } }[];
    };
    // The axis runs to half again past the slowest first call (120 min).
    expect(option.xAxis).toMatchObject({ type: 'log', min: 1, max: 180 });
    expect(option.series.map((s) => [s.name, s.data])).toEqual([
      [
        'Ann',
        [
          [1, 0],
          [1, 0.25],
          [30, 0.5],
          [180, 0.5],
        ],
      ],
      [
        'Bob',
        [
          [1, 0],
          [120, 1],
          [180, 1],
        ],
      ],
    ]);
    expect(option.series[0]?.markLine?.data).toEqual([{ xAxis: 5 }]);
    expect(option.series[1]?.markLine).toBeUndefined();
  });
});
