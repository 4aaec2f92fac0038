import { useMemo, useState } from 'react';
import { EChart, type ChartOption } from '../../components/echart.tsx';
import { formatMoney } from '../../money.ts';
import { AnalysisView, NumbersTable, plot, useAnalysis, type FilterValues } from './common.tsx';
import type { ForecastReport } from './types.ts';

const layers = [
  { key: 'closed', name: 'Closed won', color: '#15803d' },
  { key: 'commit', name: 'Commit', color: '#4f46e5' },
  { key: 'bestCase', name: 'Best case', color: '#818cf8' },
  { key: 'pipeline', name: 'Pipeline', color: '#c7d2fe' },
] as const;

/** Per currency, the periods with their amounts per category (stacked, so the top is the pipeline roll-up). */
function byCurrency(r: ForecastReport) {
  const out = new Map<string, { period: string; c: ForecastReport['periods'][number]['byCurrency'][number] }[]>();
  for (const p of r.periods)
    for (const c of p.byCurrency)
      out.set(c.currency, [...(out.get(c.currency) ?? []), { period: p.period ?? 'unscheduled', c }]);
  return [...out.entries()];
}

function bandOption(rows: ReturnType<typeof byCurrency>[number][1]): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 70, right: 20, top: 36, bottom: 30 },
    xAxis: { type: 'category', data: rows.map((x) => x.period) },
    yAxis: { type: 'value' },
    series: layers.map((l) => ({
      name: l.name,
      type: 'bar',
      stack: 'forecast',
      itemStyle: { color: l.color },
      data: rows.map((x) => plot(x.c[l.key])),
    })),
  };
}

/** 4. Weighted pipeline and the forecast bands by period: closed, commit, best case, pipeline. */
export function ForecastTab({ filters }: { filters: FilterValues }) {
  const [period, setPeriod] = useState<'month' | 'quarter'>('month');
  const q = useAnalysis('/analytics/forecast', filters, { period });
  const currencies = useMemo(() => (q.data ? byCurrency(q.data) : []), [q.data]);
  const options = useMemo(() => currencies.map(([, rows]) => bandOption(rows)), [currencies]);
  return (
    <AnalysisView
      q={q}
      what="forecast"
      isEmpty={(r) => r.periods.length === 0 && r.weighted.totals.length === 0}
      empty="No deals closing in this range: widen the dates"
    >
      {(r) => (
        <>
          <div className="card-head">
            <h2>Forecast · {r.pipeline.name}</h2>
            <label>
              By{' '}
              <select value={period} onChange={(e) => setPeriod(e.target.value === 'quarter' ? 'quarter' : 'month')}>
                <option value="month">month</option>
                <option value="quarter">quarter</option>
              </select>
            </label>
          </div>
          <p className="muted">
            Stacked by forecast category: the top of closed + commit is the commit roll-up, + best case the best-case
            roll-up, + pipeline the pipeline roll-up.
          </p>
          {currencies.map(([currency, rows], i) => (
            <div key={currency}>
              <h3>{currency}</h3>
              <EChart
                option={options[i] ?? {}}
                label={`Forecast in ${currency} by ${r.period}: ${rows.map((x) => `${x.period} commit ${x.c.rollup.commit}, best case ${x.c.rollup.bestCase}, pipeline ${x.c.rollup.pipeline}`).join('; ')}`}
              />
              <NumbersTable
                caption={`Forecast roll-ups, ${currency}`}
                head={['Period', 'Closed', 'Commit', 'Best case', 'Pipeline', 'Weighted open']}
                rows={rows.map((x) => [
                  x.period,
                  formatMoney(x.c.closed),
                  formatMoney(x.c.rollup.commit),
                  formatMoney(x.c.rollup.bestCase),
                  formatMoney(x.c.rollup.pipeline),
                  formatMoney(x.c.weightedOpen),
                ])}
              />
            </div>
          ))}
          <NumbersTable
            caption="Weighted pipeline by stage (open deals)"
            head={['Stage', 'Probability', 'Currency', 'Deals', 'Amount', 'Weighted']}
            rows={[
              ...r.weighted.stages.flatMap((s) =>
                s.byCurrency.map((c) => [
                  s.name,
                  `${s.probability} %`,
                  c.currency,
                  c.deals,
                  formatMoney(c.amount),
                  formatMoney(c.weighted),
                ]),
              ),
              ...r.weighted.totals.map((c) => [
                'Total',
                '',
                c.currency,
                c.deals,
                formatMoney(c.amount),
                formatMoney(c.weighted),
              ]),
            ]}
          />
        </>
      )}
    </AnalysisView>
  );
}
