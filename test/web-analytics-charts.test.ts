import { describe, expect, it } from 'vitest';
import { monteCarloBandOption, waterfallDates } from '../web/src/pages/analytics/chart-data.ts';
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
