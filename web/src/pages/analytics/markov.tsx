import { useMemo, useState } from 'react';
import { EChart, type ChartOption } from '../../components/echart.tsx';
import { useSettled } from '../../components/use-settled.ts';
import { formatMoney } from '../../money.ts';
import { formatNumber } from '../../format.ts';
import { AnalysisView, NumbersTable, num, pct, useAnalysis, type FilterValues } from './common.tsx';
import type { MarkovOutlook, MarkovReport } from './types.ts';

function signed(v: number | null, format: (x: number) => string): string {
  if (v === null) return '–';
  return `${v > 0 ? '+' : v < 0 ? '−' : '±'}${format(Math.abs(v))}`;
}

function winOption(r: MarkovReport): ChartOption {
  const whatIf = new Map((r.whatIf?.stages ?? []).map((s) => [s.stageId, s]));
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => pct(v) },
    legend: { top: 0 },
    grid: { left: 50, right: 20, top: 36, bottom: 30 },
    xAxis: { type: 'category', data: r.stages.map((s) => s.name) },
    yAxis: { type: 'value', max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)} %` } },
    series: [
      {
        name: 'Win probability now',
        type: 'bar',
        itemStyle: { color: '#94a3b8' },
        data: r.stages.map((s) => s.winProbability),
      },
      ...(r.whatIf
        ? [
            {
              name: 'With the change',
              type: 'bar',
              itemStyle: { color: '#4f46e5' },
              data: r.stages.map((s) => whatIf.get(s.stageId)?.winProbability ?? null),
            },
          ]
        : []),
    ],
  };
}

const outlookRow = (label: string, o: MarkovOutlook, currency: string) => [
  label,
  `${o.estimatedDeals} of ${o.openDeals}`,
  num(o.expectedWins, 2),
  pct(o.winProbability),
  formatMoney(o.expectedWonRevenue, currency),
  num(o.expectedDaysToClose),
];

/** 9. Absorbing Markov chain: win probability and time to close per stage, with a live what-if. */
export function MarkovTab({ filters }: { filters: FilterValues }) {
  const [stageId, setStageId] = useState('');
  const [points, setPoints] = useState(0);
  const [days, setDays] = useState(0);
  const scenario = useSettled({ stageId, points, days }, 250);
  const params = scenario.stageId
    ? { stageId: scenario.stageId, conversionPoints: scenario.points, shortenDays: scenario.days }
    : {};
  const q = useAnalysis('/analytics/markov', filters, params);
  const option = useMemo(() => (q.data ? winOption(q.data) : {}), [q.data]);
  const settling = q.isFetching || scenario.stageId !== stageId || scenario.points !== points || scenario.days !== days;
  return (
    <AnalysisView
      q={q}
      what="Markov chain"
      isEmpty={(r) => r.stages.every((s) => s.exits === 0)}
      empty="No stage moves in this range: widen the dates"
    >
      {(r) => (
        <>
          <h2>Win probability and what-if · {r.pipeline.name}</h2>
          {r.unknownMoves > 0 && (
            <p className="notice" role="note" data-testid="unknown-moves">
              {formatNumber(r.unknownMoves)} moves of deals imported without their stage history are left out of the
              estimate: nobody saw which stages those deals passed.
            </p>
          )}
          <form className="what-if" aria-label="What-if" onSubmit={(e) => e.preventDefault()}>
            <label>
              Stage
              <select aria-label="What-if stage" value={stageId} onChange={(e) => setStageId(e.target.value)}>
                <option value="">Choose a stage…</option>
                {r.stages.map((s) => (
                  <option key={s.stageId} value={s.stageId}>
                    {s.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <span>
                Raise conversion by <output>{points}</output> points
              </span>
              <input
                type="range"
                aria-label="Conversion points added"
                min={0}
                max={50}
                step={1}
                value={points}
                disabled={!stageId}
                onChange={(e) => setPoints(Number(e.target.value))}
              />
            </label>
            <label>
              <span>
                Shorten the stage by <output>{days}</output> days
              </span>
              <input
                type="range"
                aria-label="Days taken off the stage"
                min={0}
                max={60}
                step={1}
                value={days}
                disabled={!stageId}
                onChange={(e) => setDays(Number(e.target.value))}
              />
            </label>
          </form>
          <div className="what-if-delta" aria-live="polite" aria-busy={settling} data-testid="what-if-delta">
            {r.whatIf ? (
              <p className="stats">
                Open pipeline with the change: win probability{' '}
                <strong>{signed(r.whatIf.delta.winProbability, (v) => `${(v * 100).toFixed(1)} points`)}</strong>,
                expected wins <strong>{signed(r.whatIf.delta.expectedWins, (v) => v.toFixed(2))}</strong>, expected won
                revenue{' '}
                <strong>
                  {r.currency}{' '}
                  {r.whatIf.delta.expectedWonRevenue.startsWith('-')
                    ? formatMoney(r.whatIf.delta.expectedWonRevenue)
                    : `+${formatMoney(r.whatIf.delta.expectedWonRevenue)}`}
                </strong>
                , days to close <strong>{signed(r.whatIf.delta.expectedDaysToClose, (v) => v.toFixed(1))}</strong>
                {settling ? ' (updating…)' : ''}
              </p>
            ) : (
              <p className="muted">
                Choose a stage and move the sliders: the change to the open pipeline shows here as you go.
              </p>
            )}
          </div>
          <EChart
            option={option}
            label={`Win probability by stage: ${r.stages.map((s) => `${s.name} ${pct(s.winProbability)}`).join(', ')}`}
          />
          <NumbersTable
            open
            caption="Open pipeline outlook"
            head={[
              'Scenario',
              'Deals estimated',
              'Expected wins',
              'Win probability',
              'Expected won revenue',
              'Days to close',
            ]}
            rows={[
              outlookRow('Now', r.openPipeline, r.currency),
              ...(r.whatIf ? [outlookRow('With the change', r.whatIf.openPipeline, r.currency)] : []),
            ]}
          />
          <NumbersTable
            caption="Per stage"
            head={['Stage', 'Moves out', 'Mean stay days', 'P(win)', 'P(loss)', 'Days to close', 'Days to win']}
            rows={r.stages.map((s) => [
              s.name,
              s.exits,
              num(s.sojournDays),
              pct(s.winProbability),
              pct(s.lossProbability),
              num(s.expectedDaysToClose),
              num(s.expectedDaysToWin),
            ])}
          />
        </>
      )}
    </AnalysisView>
  );
}
