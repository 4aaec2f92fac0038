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
