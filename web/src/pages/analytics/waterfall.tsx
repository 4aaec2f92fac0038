import { useMemo, useState } from 'react';
import { EChart, type ChartOption } from '../../components/echart.tsx';
import { formatDate, formatMoney } from '../../format.ts';
import { AnalysisView, DealNameCell, NumbersTable, plot, useAnalysis, type FilterValues } from './common.tsx';
import type { WaterfallReport } from './types.ts';
import { waterfallDates } from './chart-data.ts';

type CurrencyWaterfall = WaterfallReport['currencies'][number];

/** Start, one floating bar per reason (from the running total before it to the one after), end. */
function waterfallOption(w: CurrencyWaterfall): ChartOption {
  const names = ['Start', ...w.bars.map((b) => b.label), 'End'];
  const base: number[] = [0];
  const size: { value: number; itemStyle: { color: string } }[] = [
    { value: plot(w.start.amount), itemStyle: { color: '#64748b' } },
  ];
  let running = plot(w.start.amount);
  for (const b of w.bars) {
    const a = plot(b.amount);
    base.push(Math.min(running, running + a));
    size.push({ value: Math.abs(a), itemStyle: { color: a >= 0 ? '#16a34a' : '#dc2626' } });
    running += a;
  }
  base.push(0);
  size.push({ value: plot(w.end.amount), itemStyle: { color: '#64748b' } });
  return {
    tooltip: { trigger: 'item' },
    grid: { left: 80, right: 20, top: 20, bottom: 40 },
    xAxis: { type: 'category', data: names },
    yAxis: { type: 'value', name: w.currency },
    series: [
      {
        type: 'bar',
        stack: 'w',
        itemStyle: { color: 'transparent' },
        emphasis: { disabled: true },
        tooltip: { show: false },
        silent: true,
        data: base,
      },
      { type: 'bar', stack: 'w', name: w.currency, cursor: 'pointer', data: size },
    ],
  };
}

function CurrencyView({ w }: { w: CurrencyWaterfall }) {
  const option = useMemo(() => waterfallOption(w), [w]);
  const [picked, setPicked] = useState<number | null>(null);
  const bar = picked === null ? undefined : w.bars[picked];
  return (
    <div>
      <h3>{w.currency}</h3>
      <EChart
        option={option}
        onClick={(e) => setPicked(e.dataIndex >= 1 && e.dataIndex <= w.bars.length ? e.dataIndex - 1 : null)}
        label={`Pipeline waterfall in ${w.currency}: start ${w.start.amount}, ${w.bars.map((b) => `${b.label} ${b.amount}`).join(', ')}, end ${w.end.amount}. Choose a bar below to list its deals.`}
      />
      <div className="bar-picker" role="group" aria-label="Deals behind a bar">
        {w.bars.map((b, i) => (
          <button
            key={b.reason}
            type="button"
            aria-pressed={picked === i}
            disabled={b.count === 0}
            onClick={() => setPicked(picked === i ? null : i)}
          >
            {b.label} ({b.count})
          </button>
        ))}
      </div>
      {bar && (
        <div className="table-wrap" data-testid="waterfall-deals">
          <table className="records">
            <caption>
              {bar.label}: {bar.count} deals, {formatMoney(bar.amount, w.currency)}
              {bar.truncated ? ` (the ${bar.deals.length} largest shown)` : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">Deal</th>
                <th className="num" scope="col">
                  Start amount
                </th>
                <th className="num" scope="col">
                  End amount
                </th>
                <th className="num" scope="col">
                  Change
                </th>
              </tr>
            </thead>
            <tbody>
              {bar.deals.map((d) => (
                <tr key={d.dealId}>
                  <DealNameCell deal={d} />
                  <td className="num">{d.startAmount === null ? '–' : formatMoney(d.startAmount)}</td>
                  <td className="num">{d.endAmount === null ? '–' : formatMoney(d.endAmount)}</td>
                  <td className="num">{formatMoney(d.change)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <NumbersTable
        caption={`Waterfall, ${w.currency}`}
        head={['Step', 'Deals', 'Amount']}
        rows={[
          ['Start', w.start.count, formatMoney(w.start.amount)],
          ...w.bars.map((b) => [b.label, b.count, formatMoney(b.amount)]),
          ['End', w.end.count, formatMoney(w.end.amount)],
          ['Unchanged', w.unchanged.count, formatMoney(w.unchanged.amount)],
        ]}
      />
    </div>
  );
}

/** 5. Pipeline waterfall between the two dates of the filter (by default the last 30 days), with the deals behind each bar. */
export function WaterfallTab({ filters }: { filters: FilterValues }) {
  const { from, to, defaulted } = waterfallDates(filters);
  return (
    <>
      {defaulted && (
        <p className="muted small" data-testid="waterfall-default-dates">
          Comparing {formatDate(from)} with {formatDate(to)}; choose From and To above to compare other dates.
        </p>
      )}
      <WaterfallView filters={{ ...filters, from, to }} />
    </>
  );
}

function WaterfallView({ filters }: { filters: FilterValues }) {
  const q = useAnalysis('/analytics/waterfall', filters);
  return (
    <AnalysisView
      q={q}
      what="waterfall"
      isEmpty={(r) => r.currencies.length === 0}
      empty="No open pipeline in this range: widen the dates"
    >
      {(r) => (
        <>
          <h2>Pipeline waterfall · {r.pipeline.name}</h2>
          <p className="muted">
            Open pipeline at the start of {r.from} and at the end of {r.to}; each deal counts in one bar by the
            documented precedence. Click a bar (or its button) to list its deals.
          </p>
          {r.currencies.map((w) => (
            <CurrencyView key={w.currency} w={w} />
          ))}
        </>
      )}
    </AnalysisView>
  );
}
