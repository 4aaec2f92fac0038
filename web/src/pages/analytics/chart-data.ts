import type { EChartsCoreOption } from 'echarts/core';
import type { ApiSchemas } from '../../../../src/contract/api-paths.ts';

type MonteCarloReport = ApiSchemas['MonteCarloReport'];

// The pure parts of the analytics charts (no React): what a chart draws from a report.

/** A decimal money string as a chart value (charts draw floats; tables show the exact strings). */
export function plot(amount: string | null | undefined): number {
  return amount === null || amount === undefined ? 0 : Number(amount);
}

const BAND = '#c7d2fe';
const MEDIAN = '#4f46e5';

/** P10–P90 as a shaded band (a transparent P10 base with the P90 − P10 stacked on it) and the P50 line. */
export function monteCarloBandOption(r: MonteCarloReport): EChartsCoreOption {
  const x = r.bands.map((b) => `day ${b.dayEnd}`);
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: ['P10–P90', 'P50'] },
    grid: { left: 80, right: 20, top: 36, bottom: 30 },
    xAxis: { type: 'category', boundaryGap: false, data: x },
    yAxis: { type: 'value', name: r.currency },
    series: [
      {
        name: 'P10',
        type: 'line',
        stack: 'band',
        symbol: 'none',
        lineStyle: { opacity: 0 },
        data: r.bands.map((b) => plot(b.p10)),
      },
      {
        name: 'P10–P90',
        type: 'line',
        stack: 'band',
        symbol: 'none',
        lineStyle: { opacity: 0 },
        areaStyle: { color: BAND },
        // The legend takes its colour from itemStyle, not from the area: the same colour as the band.
        itemStyle: { color: BAND },
        data: r.bands.map((b) => plot(b.p90) - plot(b.p10)),
      },
      {
        name: 'P50',
        type: 'line',
        symbol: 'none',
        lineStyle: { color: MEDIAN, width: 2 },
        itemStyle: { color: MEDIAN },
        data: r.bands.map((b) => plot(b.p50)),
      },
      ...(r.target
        ? [
            {
              name: 'Target',
              type: 'line',
              data: [],
              markLine: {
                symbol: 'none',
                data: [{ yAxis: plot(r.target), name: 'Target' }],
                label: { formatter: 'target' },
              },
            },
          ]
        : []),
    ],
  };
}

/** A calendar day as YYYY-MM-DD in the browser's own calendar. */
const isoDay = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/**
 * The dates the waterfall compares: the filter's, else the last 30 days up to today (a waterfall
 * needs two dates; an empty page asking for them helped nobody).
 */
export function waterfallDates(filters: { from?: string; to?: string }, today = new Date()) {
  const to = filters.to ?? isoDay(today);
  const start = new Date(`${to}T12:00:00`);
  start.setDate(start.getDate() - 30);
  return { from: filters.from ?? isoDay(start), to, defaulted: !filters.from || !filters.to };
}
