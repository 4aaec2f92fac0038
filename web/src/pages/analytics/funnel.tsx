import { useMemo, useState } from 'react';
import { EChart, type ChartOption } from '../../components/echart.tsx';
import { formatMoney } from '../../money.ts';
import { formatNumber } from '../../format.ts';
import { AnalysisView, NumbersTable, pct, useAnalysis, type FilterValues } from './common.tsx';
import type { FunnelReport } from './types.ts';

type Mode = 'strict' | 'anyOrder';

function funnelOption(r: FunnelReport, mode: Mode): ChartOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c} deals' },
    series: [
      {
        type: 'funnel',
        sort: 'none',
        left: '10%',
        width: '80%',
        minSize: '8%',
        gap: 2,
        label: { show: true, position: 'inside', formatter: '{b}: {c}' },
        data: r.stages.map((s) => ({ name: s.name, value: s[mode].reached })),
      },
    ],
  };
}

/** 1. Funnel: deals reaching each stage (strict order or at any point), conversion, win rate. */
export function FunnelTab({ filters }: { filters: FilterValues }) {
  const q = useAnalysis('/analytics/funnel', filters);
  const [mode, setMode] = useState<Mode>('strict');
  const option = useMemo(() => (q.data ? funnelOption(q.data, mode) : {}), [q.data, mode]);
  return (
    <AnalysisView q={q} what="funnel" isEmpty={(r) => r.deals === 0} empty="No deals in this range: widen the dates">
      {(r) => (
        <>
          <div className="card-head">
            <h2>Funnel · {r.pipeline.name}</h2>
            {r.unknownPathDeals > 0 && (
              <p className="notice" role="note" data-testid="unknown-paths">
                {formatNumber(r.unknownPathDeals)} deals were imported without their stage history: they count in the
                outcomes below but not in the stages, where their recorded path would read as skipped stages.
              </p>
            )}
            <fieldset className="segmented">
              <legend className="sr-only">Funnel mode</legend>
              <label>
                <input type="radio" name="funnel-mode" checked={mode === 'strict'} onChange={() => setMode('strict')} />{' '}
                Strict order
              </label>
              <label>
                <input
                  type="radio"
                  name="funnel-mode"
                  checked={mode === 'anyOrder'}
                  onChange={() => setMode('anyOrder')}
                />{' '}
                Reached at any point
              </label>
            </fieldset>
          </div>
          <p className="stats" data-testid="funnel-summary">
            <strong>Win rate {pct(r.winRate)}</strong> by count ({r.won} won of {r.won + r.lost} closed) · {r.deals}{' '}
            deals, {r.open} open (censored, not counted as lost)
            {r.byCurrency.map((c) => (
              <span key={c.currency}>
                {' '}
                · {c.currency} by value {pct(c.winRateByValue)}
              </span>
            ))}
          </p>
          <EChart
            testId="funnel-chart"
            option={option}
            label={`Funnel (${mode === 'strict' ? 'strict order' : 'reached at any point'}): ${r.stages.map((s) => `${s.name} ${s[mode].reached}`).join(', ')}`}
          />
          <NumbersTable
            open
            testId="funnel-table"
            caption={`Funnel, ${mode === 'strict' ? 'strict order' : 'reached at any point'}`}
            head={['Stage', 'Reached', 'Advanced', 'Exited', 'Still open', 'Conversion']}
            rows={r.stages.map((s) => [
              s.name,
              s[mode].reached,
              s[mode].advanced ?? '–',
              s[mode].exited ?? '–',
              s[mode].censored ?? '–',
              pct(s[mode].conversion),
            ])}
          />
          <NumbersTable
            caption="Outcome by value"
            head={['Currency', 'Won', 'Lost', 'Open', 'Win rate by value']}
            rows={r.byCurrency.map((c) => [
              c.currency,
              formatMoney(c.wonAmount),
              formatMoney(c.lostAmount),
              formatMoney(c.openAmount),
              pct(c.winRateByValue),
            ])}
          />
          <NumbersTable
            caption="Cohorts by creation month"
            head={['Created', 'Deals', 'Open', 'Won', 'Lost', 'Win rate', 'By value']}
            rows={r.cohorts.map((c) => [
              c.month,
              c.deals,
              c.open,
              c.won,
              c.lost,
              pct(c.winRate),
              c.byCurrency.map((m) => `${m.currency} ${pct(m.winRateByValue)}`).join(', '),
            ])}
          />
        </>
      )}
    </AnalysisView>
  );
}
