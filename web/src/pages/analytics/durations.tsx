import { useMemo } from 'react';
import { EChart, type ChartOption } from '../../components/echart.tsx';
import { AnalysisView, NumbersTable, num, useAnalysis, type FilterValues } from './common.tsx';
import type { DurationStats } from './types.ts';

/**
 * The API gives P50, P75, P90 and the mean but no minimum or maximum, so each stage is drawn as a
 * band from P50 to P90 (split at P75) with the mean as a marker, not as a classic whisker box.
 */
function bandOption(rows: { name: string; s: DurationStats }[]): ChartOption {
  const v = (x: number | null) => x ?? 0;
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 50, right: 20, top: 36, bottom: 40 },
    xAxis: { type: 'category', data: rows.map((r) => r.name) },
    yAxis: { type: 'value', name: 'days' },
    series: [
      {
        name: 'P50',
        type: 'bar',
        stack: 'band',
        itemStyle: { color: 'transparent' },
        emphasis: { disabled: true },
        data: rows.map((r) => v(r.s.p50)),
      },
      {
        name: 'P50–P75',
        type: 'bar',
        stack: 'band',
        itemStyle: { color: '#818cf8' },
        data: rows.map((r) => v(r.s.p75) - v(r.s.p50)),
      },
      {
        name: 'P75–P90',
        type: 'bar',
        stack: 'band',
        itemStyle: { color: '#c7d2fe' },
        data: rows.map((r) => v(r.s.p90) - v(r.s.p75)),
      },
      {
        name: 'Mean',
        type: 'line',
        symbol: 'diamond',
        symbolSize: 12,
        lineStyle: { width: 0 },
        itemStyle: { color: '#b45309' },
        data: rows.map((r) => r.s.mean),
      },
    ],
  };
}

const cells = (s: DurationStats) => [s.count, num(s.p50), num(s.p75), num(s.p90), num(s.mean)];

/** 2. Stage durations: days per visit of each stage, and cycle time to won and to lost. */
export function DurationsTab({ filters }: { filters: FilterValues }) {
  const q = useAnalysis('/analytics/stage-durations', filters);
  const option = useMemo(() => {
    if (!q.data) return {};
    const r = q.data;
    return bandOption([
      ...r.stages.filter((s) => s.count > 0).map((s) => ({ name: s.name, s })),
      { name: 'Cycle to won', s: r.cycle.won },
      { name: 'Cycle to lost', s: r.cycle.lost },
    ]);
  }, [q.data]);
  return (
    <AnalysisView
      q={q}
      what="stage durations"
      isEmpty={(r) => r.stages.every((s) => s.count === 0) && r.cycle.won.count + r.cycle.lost.count === 0}
      empty="No completed stage visits in this range: widen the dates"
    >
      {(r) => (
        <>
          <h2>Stage durations · {r.pipeline.name}</h2>
          <p className="muted">
            Days per completed visit. Bars run from P50 to P90 (darker up to P75); the diamond is the mean. The API
            reports no minimum or maximum, so there are no whiskers. Skipped stages are absent, not zero.
          </p>
          <EChart
            option={option}
            label={`Stage durations in days: ${r.stages.map((s) => `${s.name} P50 ${num(s.p50)}, P90 ${num(s.p90)}`).join('; ')}`}
          />
          <NumbersTable
            testId="durations-table"
            caption="Days per stage visit"
            head={['Stage', 'Visits', 'P50', 'P75', 'P90', 'Mean', 'In progress']}
            rows={[
              ...r.stages.map((s) => [s.name, ...cells(s), s.inProgress]),
              ['Cycle to won', ...cells(r.cycle.won), '–'],
              ['Cycle to lost', ...cells(r.cycle.lost), '–'],
            ]}
          />
        </>
      )}
    </AnalysisView>
  );
}
