import type { EChartsCoreOption } from 'echarts/core';
import type { ApiSchemas } from '../../../../src/contract/api-paths.ts';

type CallingFunnelReport = ApiSchemas['CallingFunnelReport'];
type ScriptExperimentReport = ApiSchemas['ScriptExperimentReport'];

// The pure parts of the calling charts (no React): what each chart draws from its report.

export const callingStepLabels: Record<CallingFunnelReport['total']['steps'][number]['step'], string> = {
  dial: 'Dialled',
  connect: 'Connected',
  conversation: 'Conversation',
  objection: 'Objection handled',
  meeting: 'Meeting booked',
  opportunity: 'Opportunity',
  won: 'Won',
};

/** Leads reaching each step of the calling funnel, one bar per step. */
export function callingFunnelOption(r: CallingFunnelReport): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 60, right: 20, top: 20, bottom: 40 },
    xAxis: { type: 'category', data: r.total.steps.map((s) => callingStepLabels[s.step]) },
    yAxis: { type: 'value', name: 'Leads', minInterval: 1 },
    series: [
      { name: 'Leads', type: 'bar', data: r.total.steps.map((s) => s.reached), itemStyle: { color: '#4f46e5' } },
    ],
  };
}

/**
 * Set rate per script version as a bar, with its 95 % Wilson interval as a floating bar beside it
 * (a transparent base up to the low end, the interval's width stacked on it).
 */
export function scriptExperimentOption(r: ScriptExperimentReport): EChartsCoreOption {
  const percent = (v: number | null | undefined) => (v === null || v === undefined ? 0 : Math.round(v * 1000) / 10);
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: ['Set rate', '95 % interval'] },
    grid: { left: 60, right: 20, top: 36, bottom: 40 },
    xAxis: { type: 'category', data: r.arms.map((a) => `${a.name}${a.control ? ' (control)' : ''}`) },
    yAxis: { type: 'value', name: '%', max: 100 },
    series: [
      { name: 'Set rate', type: 'bar', data: r.arms.map((a) => percent(a.rate)), itemStyle: { color: '#4f46e5' } },
      {
        name: 'interval base',
        type: 'bar',
        stack: 'ci',
        itemStyle: { color: 'transparent' },
        tooltip: { show: false },
        data: r.arms.map((a) => percent(a.interval?.low)),
      },
      {
        name: '95 % interval',
        type: 'bar',
        stack: 'ci',
        itemStyle: { color: '#c7d2fe' },
        data: r.arms.map((a) => percent((a.interval?.high ?? 0) - (a.interval?.low ?? 0))),
      },
    ],
  };
}

type SpeedToLeadReport = ApiSchemas['SpeedToLeadReport'];
type SpeedToLeadGroup = SpeedToLeadReport['byRep'][number];

/** Line colours of the groups, in turn. */
const groupColours = ['#4f46e5', '#0d9488', '#f59e0b', '#db2777', '#0284c7', '#65a30d', '#9333ea', '#dc2626'];

/** Minutes as people read them: 45 min, 3 h, 2 d. */
export function minutesLabel(m: number): string {
  if (m < 60) return `${Math.round(m * 10) / 10} min`;
  if (m < 24 * 60) return `${Math.round((m / 60) * 10) / 10} h`;
  return `${Math.round((m / 1440) * 10) / 10} d`;
}

/**
 * Speed to lead as an ECDF per group (rep or team): the share of the group's leads first called
 * within t minutes, on a logarithmic time axis (calls within the first minute drawn at 1 min), as a
 * step line that ends at the group's called share, with the SLA target as a vertical line.
 */
export function speedToLeadEcdfOption(
  groups: readonly SpeedToLeadGroup[],
  slaMinutes: number,
  unnamed: string,
): EChartsCoreOption {
  const name = (g: SpeedToLeadGroup) => g.name ?? g.id ?? unnamed;
  // Room right of the last first call, so each curve's final share shows as a plateau.
  const maxMinutes = 1.5 * Math.max(slaMinutes, ...groups.flatMap((g) => g.ecdf.map((p) => p.minutes)));
  return {
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: number) => `${Math.round(v * 1000) / 10} %`,
    },
    legend: { top: 0, data: groups.map(name) },
    grid: { left: 60, right: 30, top: 40, bottom: 50 },
    xAxis: {
      type: 'log',
      name: 'Time to first call',
      nameLocation: 'middle',
      nameGap: 30,
      min: 1,
      max: maxMinutes,
      axisLabel: { formatter: (v: number) => minutesLabel(v) },
    },
    yAxis: {
      type: 'value',
      name: 'Leads called',
      min: 0,
      max: 1,
      axisLabel: { formatter: (v: number) => `${v * 100} %` },
    },
    series: groups.map((g, i) => ({
      name: name(g),
      type: 'line',
      step: 'end',
      showSymbol: false,
      color: groupColours[i % groupColours.length],
      // Starts at nothing called; holds the last share to the right edge (the leads never called stay out).
      data: [[1, 0], ...g.ecdf.map((p) => [Math.max(1, p.minutes), p.share]), [maxMinutes, g.ecdf.at(-1)?.share ?? 0]],
      ...(i === 0
        ? {
            markLine: {
              symbol: 'none',
              silent: true,
              lineStyle: { color: '#dc2626', type: 'dashed' },
              label: { formatter: `SLA ${minutesLabel(slaMinutes)}` },
              data: [{ xAxis: Math.max(1, slaMinutes) }],
            },
          }
        : {}),
    })),
  };
}

/** Called leads per time bucket, one bar series per group, plus the leads never called. */
export function speedToLeadBucketsOption(
  buckets: readonly string[],
  groups: readonly SpeedToLeadGroup[],
  unnamed: string,
): EChartsCoreOption {
  const name = (g: SpeedToLeadGroup) => g.name ?? g.id ?? unnamed;
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: groups.map(name) },
    grid: { left: 60, right: 20, top: 40, bottom: 40 },
    xAxis: { type: 'category', data: [...buckets, 'Never called'] },
    yAxis: { type: 'value', name: 'Leads', minInterval: 1 },
    series: groups.map((g, i) => ({
      name: name(g),
      type: 'bar',
      color: groupColours[i % groupColours.length],
      data: [...g.buckets, g.neverCalled],
    })),
  };
}
