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

/** The chain of the marketing and sales journey: P(win), P(dropped) and days to close per milestone. */
function JourneyChain({
  r,
  journey,
  option,
}: {
  r: MarkovReport;
  journey: NonNullable<MarkovReport['journey']>;
  option: ChartOption;
}) {
  const state = new Map(journey.states.map((s) => [s.stageId, s]));
  const p = r.openPipeline;
  return (
    <>
      <h2>
        Marketing and sales journey · {r.pipeline.name} · {formatNumber(journey.journeys)} journeys
      </h2>
      <EChart
        option={option}
        label={`Win probability by milestone: ${r.stages.map((s) => `${s.name} ${pct(s.winProbability)}`).join(', ')}`}
      />
      <NumbersTable
        open
        caption="Open journeys"
        head={['Open journeys', 'Estimated', 'Expected wins', 'Win probability', 'Days to close']}
        rows={[
          [p.openDeals, p.estimatedDeals, num(p.expectedWins, 2), pct(p.winProbability), num(p.expectedDaysToClose)],
        ]}
      />
      <NumbersTable
        open
        caption="Per milestone"
        head={[
          'Milestone',
          'Moves out',
          'Mean stay days',
          'P(win)',
          'P(dropped)',
          'P(lost)',
          'Days to close',
          'Days to win',
          'Open journeys',
        ]}
        rows={r.stages.map((s) => {
          const j = state.get(s.stageId);
          const dropped = j?.dropProbability ?? null;
          return [
            s.name,
            s.exits,
            num(s.sojournDays),
            pct(s.winProbability),
            pct(dropped),
            pct(s.lossProbability === null || dropped === null ? null : s.lossProbability - dropped),
            num(s.expectedDaysToClose),
            num(s.expectedDaysToWin),
            j?.openJourneys ?? 0,
          ];
        })}
      />
    </>
  );
}

type ChainView = 'deals' | 'journey';

/**
 * 9. Absorbing Markov chain: win probability and time to close per stage, with a live what-if; or
 * the chain of the marketing and sales journey's milestones.
 */
export function MarkovTab({ filters }: { filters: FilterValues }) {
  const [view, setView] = useState<ChainView>('deals');
  const [stageId, setStageId] = useState('');
  const [points, setPoints] = useState(0);
  const [days, setDays] = useState(0);
  const scenario = useSettled({ stageId, points, days }, 250);
  const params =
    view === 'journey'
      ? { scope: 'journey' }
      : scenario.stageId
        ? { stageId: scenario.stageId, conversionPoints: scenario.points, shortenDays: scenario.days }
        : {};
  const q = useAnalysis('/analytics/markov', filters, params);
  const option = useMemo(() => (q.data ? winOption(q.data) : {}), [q.data]);
  const settling = q.isFetching || scenario.stageId !== stageId || scenario.points !== points || scenario.days !== days;
  return (
    <>
      <fieldset className="segmented">
        <legend className="sr-only">Markov chain view</legend>
        {(
          [
            ['deals', 'Deal stages'],
            ['journey', 'Marketing and sales journey'],
          ] as const
        ).map(([v, text]) => (
          <label key={v} className="check">
            <input type="radio" name="markov-view" checked={view === v} onChange={() => setView(v)} /> {text}
          </label>
        ))}
      </fieldset>
      <AnalysisView
        q={q}
        what="Markov chain"
        isEmpty={(r) => r.stages.every((s) => s.exits === 0)}
        empty={
          view === 'journey'
            ? 'No journey moved on from a milestone in this range: widen the dates'
            : 'No stage moves in this range: widen the dates'
        }
      >
        {(r) =>
          r.journey ? (
            <JourneyChain r={r} journey={r.journey} option={option} />
          ) : (
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
                    expected wins <strong>{signed(r.whatIf.delta.expectedWins, (v) => v.toFixed(2))}</strong>, expected
                    won revenue{' '}
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
          )
        }
      </AnalysisView>
    </>
  );
}
