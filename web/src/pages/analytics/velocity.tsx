import { useMemo, useState } from 'react';
import { EChart, type ChartOption } from '../../components/echart.tsx';
import { formatMoney } from '../../money.ts';
import { AnalysisView, NumbersTable, num, pct, useAnalysis, WindowNote, type FilterValues } from './common.tsx';
import type { VelocityFactors, VelocityReport } from './types.ts';
import { factorLabels } from './velocity-labels.ts';

function factorOption(c: VelocityReport['byCurrency'][number]): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 150, right: 30, top: 20, bottom: 30 },
    xAxis: { type: 'value', name: `${c.currency}/day` },
    yAxis: { type: 'category', data: c.factors.map((f) => factorLabels[f.factor]), inverse: true },
    series: [
      {
        type: 'bar',
        name: 'Contribution per day',
        data: c.factors.map((f) => ({
          value: f.contribution ?? 0,
          itemStyle: { color: (f.contribution ?? 0) >= 0 ? '#16a34a' : '#dc2626' },
        })),
        label: { show: true, position: 'right', formatter: (p: { value: number }) => p.value.toFixed(2) },
      },
    ],
  };
}

const cells = (f: VelocityFactors) => [
  f.openDeals,
  f.avgWonAmount ? formatMoney(f.avgWonAmount) : '–',
  pct(f.winRate),
  num(f.avgCycleDays),
  f.velocity ? formatMoney(f.velocity) : '–',
];

/** 3. Velocity: each factor's contribution to the change against the comparison window, and coverage. */
export function VelocityTab({ filters }: { filters: FilterValues }) {
  const [target, setTarget] = useState('');
  const [applied, setApplied] = useState<string | undefined>();
  const q = useAnalysis('/analytics/velocity', filters, { target: applied });
  const options = useMemo(() => (q.data ? q.data.byCurrency.map(factorOption) : []), [q.data]);
  return (
    <AnalysisView q={q} what="velocity" isEmpty={(r) => r.byCurrency.length === 0}>
      {(r) => (
        <>
          <h2>Velocity · {r.pipeline.name}</h2>
          <WindowNote r={r} />
          <p className="muted">
            {r.from} to {r.to} against {r.comparison.from} to {r.comparison.to}. Velocity = open deals × average won
            amount × win rate ÷ cycle days; bars show how much each factor moved it (per day).
          </p>
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              setApplied(/^\d+(\.\d{1,2})?$/.test(target.trim()) ? target.trim() : undefined);
            }}
          >
            <label>
              Coverage target{' '}
              <input
                value={target}
                inputMode="decimal"
                placeholder="e.g. 100000"
                onChange={(e) => setTarget(e.target.value)}
              />
            </label>
            <button type="submit">Apply</button>
          </form>
          {r.coverage && (
            <p className="stats">
              Coverage: open {formatMoney(r.coverage.openAmount, r.coverage.currency)} against target{' '}
              {formatMoney(r.coverage.target)} = <strong>{num(r.coverage.ratio, 2)}×</strong>
            </p>
          )}
          {r.byCurrency.map((c, i) => (
            <div key={c.currency}>
              <h3>
                {c.currency}: change {num(c.change, 2)} per day
              </h3>
              <EChart
                option={options[i] ?? {}}
                height={220}
                label={`Velocity factor contributions in ${c.currency} per day: ${c.factors.map((f) => `${factorLabels[f.factor]} ${num(f.contribution, 2)}`).join(', ')}`}
              />
              <NumbersTable
                caption={`Velocity factors, ${c.currency}`}
                head={['Window', 'Open deals', 'Avg won', 'Win rate', 'Cycle days', 'Per day']}
                rows={[
                  ['Current', ...cells(c.current)],
                  ['Comparison', ...cells(c.comparison)],
                ]}
              />
              <NumbersTable
                caption={`Factor contributions, ${c.currency}`}
                head={['Factor', 'Log ratio', 'Share', 'Contribution/day']}
                rows={c.factors.map((f) => [
                  factorLabels[f.factor],
                  num(f.logRatio, 3),
                  pct(f.share),
                  num(f.contribution, 2),
                ])}
              />
            </div>
          ))}
        </>
      )}
    </AnalysisView>
  );
}
