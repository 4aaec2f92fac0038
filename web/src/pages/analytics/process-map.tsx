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

type MapNode = ProcessMapReport['nodes'][number];

/** The three kinds of node of the joint map, each with its own colour and shape (and legend entry). */
const journeyCategories = [
  { name: 'Marketing', symbol: 'diamond', itemStyle: { color: '#0d9488' } },
  { name: 'Sales activity', symbol: 'roundRect', itemStyle: { color: '#f59e0b' } },
  { name: 'Deal stage', symbol: 'circle', itemStyle: { color: '#4f46e5' } },
] as const;
const journeyCategory = (n: MapNode) => (n.side === 'marketing' ? 0 : n.kind === 'stage' ? 2 : 1);

/** Transitions drawn as links: width by count, colour by median time, labelled with both. */
function linksOf(r: ProcessMapReport) {
  const maxCount = Math.max(1, ...r.edges.map((e) => e.count));
  const maxT = Math.max(0, ...r.edges.map((e) => e.p50Days));
  return r.edges.map((e) => ({
    source: e.from,
    target: e.to,
    value: e.count,
    // A journey's steps are often hours apart: its times in hours.
    label: {
      show: true,
      formatter: r.scope === 'journey' ? `${e.count} · ${num(e.p50Days * 24)} h` : `${e.count} · ${num(e.p50Days)} d`,
    },
    lineStyle: {
      width: 1 + 11 * (e.count / maxCount),
      color: timeColour(e.p50Days, maxT),
      curveness: 0.25,
      opacity: 0.85,
    },
  }));
}

/**
 * The joint map: marketing (the lead's creation, touches, lifecycle) on the top row, the sales
 * steps (hand-off, activities, disqualification, conversion) on the middle row, the deal's stages
 * on the bottom row, each row in the journey's designed order; the kinds differ in colour and shape.
 */
function journeyOption(r: ProcessMapReport): ChartOption {
  const maxCases = Math.max(1, ...r.nodes.map((n) => n.cases));
  const rows: MapNode[][] = [[], [], []];
  for (const n of r.nodes) if (n.cases > 0 || n.kind === 'stage') rows[journeyCategory(n)]?.push(n);
  const width = Math.max(1, ...rows.map((row) => row.length));
  const nodes = rows.flatMap((row, y) =>
    row.map((n, i) => ({
      id: n.key,
      name: n.label,
      category: y,
      // Each row spread over the same width, shifted so the rows' nodes do not line up vertically.
      x: ((i + 0.5) * (width * 160)) / row.length + (y === 1 ? 40 : 0),
      y: y * 170,
      symbolSize: 18 + 34 * (n.cases / maxCases),
      itemStyle: n.cases ? undefined : { color: '#cbd5e1' },
      value: n.cases,
    })),
  );
  return {
    legend: { top: 0, data: journeyCategories.map((c) => c.name) },
    tooltip: {
      formatter: (p: { dataType?: string; name?: string; value?: number }) =>
        p.dataType === 'edge' ? `${p.value ?? 0} transitions` : `${p.name ?? ''}: ${p.value ?? 0} journeys`,
    },
    series: [
      {
        type: 'graph',
        layout: 'none',
        roam: true,
        // Below the legend; the graph keeps its aspect, so no bottom (it would widen it past the edges).
        top: 60,
        categories: journeyCategories.map((c) => ({ ...c })),
        edgeSymbol: ['none', 'arrow'],
        edgeSymbolSize: 9,
        label: { show: true, position: 'bottom' },
        edgeLabel: { fontSize: 10 },
        data: nodes,
        links: linksOf(r),
      },
    ],
  };
}

/** Stages left to right by designed position; activity types on a second row below them. */
function graphOption(r: ProcessMapReport): ChartOption {
  const stages = r.nodes.filter((n) => n.kind === 'stage').sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  const activities = r.nodes.filter((n) => n.kind === 'activity');
  const maxCases = Math.max(1, ...r.nodes.map((n) => n.cases));
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
        links: linksOf(r),
      },
    ],
  };
}

type MapView = 'deals' | 'journey';

/** 6. Process map (directly-follows graph) and the variants of the deals' paths, or of the joint marketing and sales journeys. */
export function ProcessMapTab({ filters }: { filters: FilterValues }) {
  const [view, setView] = useState<MapView>('deals');
  const [activities, setActivities] = useState(false);
  const [campaignTypes, setCampaignTypes] = useState(false);
  const journey = view === 'journey';
  const q = useAnalysis(
    '/analytics/process-map',
    filters,
    journey ? { scope: 'journey', campaignTypes: String(campaignTypes) } : { activities: String(activities) },
  );
  const option = useMemo(
    () => (q.data ? (q.data.scope === 'journey' ? journeyOption(q.data) : graphOption(q.data)) : {}),
    [q.data],
  );
  return (
    <>
      <fieldset className="segmented">
        <legend className="sr-only">Process map view</legend>
        {(
          [
            ['deals', 'Deals'],
            ['journey', 'Marketing and sales'],
          ] as const
        ).map(([v, text]) => (
          <label key={v} className="check">
            <input type="radio" name="process-map-view" checked={view === v} onChange={() => setView(v)} /> {text}
          </label>
        ))}
      </fieldset>
      <AnalysisView
        q={q}
        what="process map"
        isEmpty={(r) => r.cases === 0}
        empty={
          journey
            ? 'No leads came in during this range: widen the dates'
            : 'No deals entered this pipeline in this range: widen the dates'
        }
      >
        {(r) => {
          const label = new Map(r.nodes.map((n) => [n.key, n.label]));
          const joint = r.scope === 'journey';
          const cases = joint ? 'Journeys' : 'Deals';
          return (
            <>
              <div className="card-head">
                <h2>
                  {joint ? 'Marketing and sales' : 'Process map'} · {r.pipeline.name} · {r.cases}{' '}
                  {joint ? 'journeys' : 'deals'}
                </h2>
                {journey ? (
                  <label className="check">
                    <input
                      type="checkbox"
                      checked={campaignTypes}
                      onChange={(e) => setCampaignTypes(e.target.checked)}
                    />{' '}
                    Touches by campaign type
                  </label>
                ) : (
                  <label className="check">
                    <input type="checkbox" checked={activities} onChange={(e) => setActivities(e.target.checked)} />{' '}
                    Show activities
                  </label>
                )}
              </div>
              <p className="muted">
                {joint
                  ? 'Each journey is a lead that came in during the range and, once converted, its deal. Marketing steps (teal diamonds, top row), sales activities and hand-off (amber, middle row), deal stages (indigo, bottom row). '
                  : ''}
                Edge width = number of transitions; colour = median (P50) time of the transition, from green (0 days) to
                red ({num(Math.max(0, ...r.edges.map((e) => e.p50Days)))} days). Node size ={' '}
                {joint ? 'journeys' : 'deals'}. Drag or scroll to pan and zoom.
              </p>
              <EChart
                testId="process-map-chart"
                option={option}
                height={joint ? 460 : 340}
                label={`Process map: ${r.edges.map((e) => `${label.get(e.from) ?? e.from} to ${label.get(e.to) ?? e.to} ${e.count} times, P50 ${joint ? `${num(e.p50Days * 24)} hours` : `${num(e.p50Days)} days`}`).join('; ')}`}
              />
              <NumbersTable
                caption="Transitions"
                head={[
                  'From → to',
                  'Transitions',
                  cases,
                  ...(joint ? ['P50 hours', 'P90 hours'] : ['P50 days', 'P90 days']),
                ]}
                rows={r.edges.map((e) => [
                  `${label.get(e.from) ?? e.from} → ${label.get(e.to) ?? e.to}`,
                  e.count,
                  e.cases,
                  num(joint ? e.p50Days * 24 : e.p50Days),
                  num(joint ? e.p90Days * 24 : e.p90Days),
                ])}
              />
              <NumbersTable
                caption="Nodes"
                head={['Node', ...(joint ? ['Side'] : []), 'Events', cases, 'Starts', 'Ends', 'Of which open']}
                rows={r.nodes.map((n) => [
                  n.label,
                  ...(joint ? [n.side === 'marketing' ? 'Marketing' : 'Sales'] : []),
                  n.events,
                  n.cases,
                  n.starts,
                  n.ends,
                  n.open,
                ])}
              />
              <h3>Variants</h3>
              <div className="table-wrap">
                <table className="records" data-testid="variants-table">
                  <thead>
                    <tr>
                      <th scope="col">Path</th>
                      <th className="num" scope="col">
                        {cases}
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
    </>
  );
}
