import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { EChart, type ChartOption } from '../../components/echart.tsx';
import { nameOf, usersQuery } from '../../queries.ts';
import {
  AnalysisView,
  DealNameCell,
  NumbersTable,
  num,
  pct,
  useAnalysis,
  WindowNote,
  type FilterValues,
} from './common.tsx';
import type { BottleneckReport } from './types.ts';

/** Work in progress at the start of each week, one line per open stage. */
function wipOption(r: BottleneckReport): ChartOption {
  const weeks = r.stages[0]?.weekly.map((w) => w.weekStart) ?? [];
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 45, right: 20, top: 36, bottom: 40 },
    xAxis: { type: 'category', data: weeks },
    yAxis: { type: 'value', name: 'deals', minInterval: 1 },
    series: r.stages.map((s) => ({
      name: s.name,
      type: 'line',
      smooth: false,
      symbolSize: 5,
      lineStyle: { width: s.stageId === r.bottleneckStageId ? 4 : 2 },
      data: s.weekly.map((w) => w.wip),
    })),
  };
}

/** Arrivals per week and mean sojourn side by side, per stage. */
function flowOption(r: BottleneckReport): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 45, right: 45, top: 36, bottom: 40 },
    xAxis: { type: 'category', data: r.stages.map((s) => s.name) },
    yAxis: [
      { type: 'value', name: 'per week' },
      { type: 'value', name: 'days', position: 'right' },
    ],
    series: [
      {
        name: 'Arrivals per week',
        type: 'bar',
        itemStyle: { color: '#818cf8' },
        data: r.stages.map((s) => Number(s.arrivalsPerWeek.toFixed(2))),
      },
      {
        name: 'Mean sojourn (days)',
        type: 'bar',
        yAxisIndex: 1,
        itemStyle: { color: '#f59e0b' },
        data: r.stages.map((s) => (s.meanSojournDays === null ? null : Number(s.meanSojournDays.toFixed(1)))),
      },
    ],
  };
}

/** 8. Bottlenecks: flow per open stage, WIP over time, the Little's law check and the stale deals. */
export function BottlenecksTab({ filters }: { filters: FilterValues }) {
  const q = useAnalysis('/analytics/bottlenecks', filters);
  const users = useQuery(usersQuery).data;
  const wip = useMemo(() => (q.data ? wipOption(q.data) : {}), [q.data]);
  const flow = useMemo(() => (q.data ? flowOption(q.data) : {}), [q.data]);
  return (
    <AnalysisView
      q={q}
      what="bottlenecks"
      isEmpty={(r) => r.stages.every((s) => s.arrivals === 0 && s.wipNow === 0 && s.littlesLaw.averageWip === 0)}
      empty="No deals in the open stages in this range: widen the dates"
    >
      {(r) => {
        const bottleneck = r.stages.find((s) => s.stageId === r.bottleneckStageId);
        const stale = r.stages.flatMap((s) =>
          s.staleDeals.map((d) => ({ ...d, stage: s.name, threshold: s.staleThresholdDays })),
        );
        return (
          <>
            <h2>Bottlenecks · {r.pipeline.name}</h2>
            <WindowNote r={r} />
            <p className="muted" data-testid="bottlenecks-summary">
              {r.periodStart.slice(0, 10)} to {r.periodEnd.slice(0, 10)} ({num(r.periodDays, 0)} days).{' '}
              {bottleneck ? (
                <>
                  Work piles up in <strong>{bottleneck.name}</strong> (highest average work in progress,{' '}
                  {num(bottleneck.littlesLaw.averageWip, 2)} deals).
                </>
              ) : (
                'No open stage held deals in this period.'
              )}
            </p>
            <h3>Work in progress over time</h3>
            <EChart
              testId="bottlenecks-wip-chart"
              option={wip}
              label={`Deals in each open stage at the start of each week: ${r.stages.map((s) => `${s.name} now ${s.wipNow}`).join('; ')}`}
            />
            <h3>Arrivals and time in stage</h3>
            <EChart
              option={flow}
              height={260}
              label={`Arrivals per week and mean days in stage: ${r.stages.map((s) => `${s.name} ${num(s.arrivalsPerWeek)} per week, ${num(s.meanSojournDays)} days`).join('; ')}`}
            />
            <NumbersTable
              testId="bottlenecks-table"
              open
              caption="Flow per open stage and Little's law (L = λW)"
              head={[
                'Stage',
                'Arrivals',
                'Per week',
                'Mean sojourn W (days)',
                'Avg WIP L',
                'λW',
                'L − λW',
                'Off by',
                'WIP now',
                'Stale after (days)',
                'Stale',
              ]}
              rows={r.stages.map((s) => [
                s.name,
                s.arrivals,
                num(s.arrivalsPerWeek),
                num(s.meanSojournDays),
                num(s.littlesLaw.averageWip, 2),
                num(s.littlesLaw.predictedWip, 2),
                num(s.littlesLaw.discrepancy, 2),
                pct(s.littlesLaw.relativeDiscrepancy, 0),
                s.wipNow,
                num(s.staleThresholdDays),
                s.staleCount,
              ])}
            />
            <p className="muted small">
              Little&apos;s law says a stable stage holds on average L = λW deals (arrival rate × mean time in stage). A
              large gap means the period is short against the stay, deals were carried in or are still running, or the
              flow changed during the period.
            </p>
            <h3>Stale deals</h3>
            {stale.length === 0 ? (
              <p className="muted">No open deal has been in its stage longer than the won deals&apos; P75.</p>
            ) : (
              <div className="table-wrap">
                <table className="records" data-testid="stale-deals">
                  <caption className="sr-only">
                    Deals in their stage longer than the won deals&apos; P75, oldest first
                  </caption>
                  <thead>
                    <tr>
                      <th>Deal</th>
                      <th>Stage</th>
                      <th className="num">Days in stage</th>
                      <th className="num">Stale after</th>
                      <th>Owner</th>
                    </tr>
                  </thead>
                  <tbody>
                    {stale.map((d) => (
                      <tr key={d.dealId}>
                        <DealNameCell deal={d} />
                        <td>{d.stage}</td>
                        <td className="num">{num(d.ageDays)}</td>
                        <td className="num">{num(d.threshold)}</td>
                        <td>{nameOf(users, d.ownerId)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        );
      }}
    </AnalysisView>
  );
}
