import { useMemo, useState } from 'react';
import { EChart, type ChartOption } from '../../components/echart.tsx';
import { AnalysisView, NumbersTable, num, pct, useAnalysis, type FilterValues } from './common.tsx';
import type { ProcessMapReport } from './types.ts';

/** Green (instant) to red (the slowest edge), linear in the P50 transition time; all green when every edge takes under an hour. */
function timeColour(days: number, max: number): string {
  const t = max > 1 / 24 ? days / max : 0;
  const mix = (a: number, b: number) => Math.round(a + (b - a) * t);
  return `rgb(${mix(22, 220)}, ${mix(163, 38)}, ${mix(74, 38)})`;
}

/** Stages left to right by designed position; activity types on a second row below them. */
function graphOption(r: ProcessMapReport): ChartOption {
  const stages = r.nodes.filter((n) => n.kind === 'stage').sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  const activities = r.nodes.filter((n) => n.kind === 'activity');
  const maxCases = Math.max(1, ...r.nodes.map((n) => n.cases));
  const maxCount = Math.max(1, ...r.edges.map((e) => e.count));
  const maxT = Math.max(0, ...r.edges.map((e) => e.p50Days));
  const nodes = [
    ...stages.map((n, i) => ({
      id: n.key,
      name: n.label,
      x: i * 180,
      y: 0,
      symbolSize: 24 + 36 * (n.cases / maxCases),
      itemStyle: { color: n.cases ? '#4f46e5' : '#cbd5e1' },
      value: n.cases,
    })),
    ...activities.map((n, i) => ({
      id: n.key,
      name: n.label,
      x: 90 + i * 180,
      y: 160,
      symbol: 'roundRect',
      symbolSize: 18 + 24 * (n.cases / maxCases),
      itemStyle: { color: '#f59e0b' },
      value: n.cases,
    })),
  ];
  const links = r.edges.map((e) => ({
    source: e.from,
    target: e.to,
    value: e.count,
    label: { show: true, formatter: `${e.count} · ${num(e.p50Days)} d` },
    lineStyle: {
      width: 1 + 11 * (e.count / maxCount),
      color: timeColour(e.p50Days, maxT),
      curveness: 0.25,
      opacity: 0.85,
    },
  }));
  return {
    tooltip: {
      formatter: (p: { dataType?: string; name?: string; value?: number }) =>
        p.dataType === 'edge' ? `${p.value ?? 0} transitions` : `${p.name ?? ''}: ${p.value ?? 0} deals`,
    },
    series: [
      {
        type: 'graph',
        layout: 'none',
        roam: true,
        edgeSymbol: ['none', 'arrow'],
        edgeSymbolSize: 9,
        label: { show: true, position: 'bottom' },
        edgeLabel: { fontSize: 10 },
        data: nodes,
        links,
      },
    ],
  };
}

/** 6. Process map (directly-follows graph) and the variants of the deals' paths. */
export function ProcessMapTab({ filters }: { filters: FilterValues }) {
  const [activities, setActivities] = useState(false);
  const q = useAnalysis('/analytics/process-map', filters, { activities: String(activities) });
  const option = useMemo(() => (q.data ? graphOption(q.data) : {}), [q.data]);
  return (
    <AnalysisView
      q={q}
      what="process map"
      isEmpty={(r) => r.cases === 0}
      empty="No deals entered this pipeline in this range: widen the dates"
    >
      {(r) => {
        const label = new Map(r.nodes.map((n) => [n.key, n.label]));
        return (
          <>
            <div className="card-head">
              <h2>
                Process map · {r.pipeline.name} · {r.cases} deals
              </h2>
              <label>
                <input type="checkbox" checked={activities} onChange={(e) => setActivities(e.target.checked)} /> Show
                activities
              </label>
            </div>
            <p className="muted">
              Edge width = number of transitions; colour = median (P50) time of the transition, from green (0 days) to
              red ({num(Math.max(0, ...r.edges.map((e) => e.p50Days)))} days). Node size = deals. Drag or scroll to pan
              and zoom.
            </p>
            <EChart
              testId="process-map-chart"
              option={option}
              height={340}
              label={`Process map: ${r.edges.map((e) => `${label.get(e.from) ?? e.from} to ${label.get(e.to) ?? e.to} ${e.count} times, P50 ${num(e.p50Days)} days`).join('; ')}`}
            />
            <NumbersTable
              caption="Transitions"
              head={['From → to', 'Transitions', 'Deals', 'P50 days', 'P90 days']}
              rows={r.edges.map((e) => [
                `${label.get(e.from) ?? e.from} → ${label.get(e.to) ?? e.to}`,
                e.count,
                e.cases,
                num(e.p50Days),
                num(e.p90Days),
              ])}
            />
            <NumbersTable
              caption="Nodes"
              head={['Node', 'Events', 'Deals', 'Starts', 'Ends', 'Of which open']}
              rows={r.nodes.map((n) => [n.label, n.events, n.cases, n.starts, n.ends, n.open])}
            />
            <h3>Variants</h3>
            <div className="table-wrap">
              <table className="records" data-testid="variants-table">
                <thead>
                  <tr>
                    <th scope="col">Path</th>
                    <th className="num" scope="col">
                      Deals
                    </th>
                    <th className="num" scope="col">
                      Share
                    </th>
                    <th className="num" scope="col">
                      Won
                    </th>
                    <th className="num" scope="col">
                      Lost
                    </th>
                    <th className="num" scope="col">
                      Win rate
                    </th>
                    <th className="num" scope="col">
                      Median cycle days
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {r.variants.map((v) => (
                    <tr key={v.sequence.join('>')}>
                      <td className="wrap">{v.labels.join(' → ')}</td>
                      <td className="num">{v.count}</td>
                      <td className="num">{pct(v.share)}</td>
                      <td className="num">{v.won}</td>
                      <td className="num">{v.lost}</td>
                      <td className="num">{pct(v.winRate)}</td>
                      <td className="num">{num(v.medianCycleDays)}</td>
                    </tr>
                  ))}
                  {r.otherVariants.variants > 0 && (
                    <tr>
                      <td>{r.otherVariants.variants} other variants</td>
                      <td className="num">{r.otherVariants.count}</td>
                      <td className="num">{pct(r.otherVariants.share)}</td>
                      <td colSpan={4} />
                    </tr>
                  )}
                </tbody>
              </table>
            </div>
          </>
        );
      }}
    </AnalysisView>
  );
}
