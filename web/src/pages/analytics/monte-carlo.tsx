import { useMemo, useState } from 'react';
import { EChart } from '../../components/echart.tsx';
import { monteCarloBandOption } from './chart-data.ts';
import { formatMoney } from '../../money.ts';
import { AnalysisView, NumbersTable, pct, useAnalysis, WindowNote, type FilterValues } from './common.tsx';
import { formatNumber } from '../../format.ts';

/** 10. Monte Carlo forecast of the revenue won in the period, with the chance of reaching a target. */
export function MonteCarloTab({ filters }: { filters: FilterValues }) {
  const [target, setTarget] = useState('');
  const [applied, setApplied] = useState<string | undefined>();
  const q = useAnalysis('/analytics/monte-carlo', filters, { target: applied });
  const option = useMemo(() => (q.data ? monteCarloBandOption(q.data) : {}), [q.data]);
  return (
    <AnalysisView
      q={q}
      what="Monte Carlo forecast"
      isEmpty={(r) => r.simulatedDeals === 0}
      empty="No open deals to simulate with these filters: widen them"
    >
      {(r) => (
        <>
          <h2>Monte Carlo forecast · {r.pipeline.name}</h2>
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              setApplied(/^\d+(\.\d{1,2})?$/.test(target.trim()) ? target.trim() : undefined);
            }}
          >
            <label>
              Revenue target ({r.currency}){' '}
              <input
                value={target}
                inputMode="decimal"
                placeholder="e.g. 250000"
                onChange={(e) => setTarget(e.target.value)}
              />
            </label>
            <button type="submit">Apply</button>
          </form>
          <WindowNote r={r} />
          <p className="stats" data-testid="monte-carlo-summary">
            {formatNumber(r.runs)} runs (seed {r.seed}) over {r.simulatedDeals} open deals
            {r.skippedDeals ? ` (${r.skippedDeals} without an estimate left out)` : ''}: P10{' '}
            <strong>{formatMoney(r.p10, r.currency)}</strong> · P50 <strong>{formatMoney(r.p50, r.currency)}</strong> ·
            P90 <strong>{formatMoney(r.p90, r.currency)}</strong> · mean {formatMoney(r.mean)}
            {r.target !== null && (
              <>
                {' '}
                · probability of reaching {formatMoney(r.target, r.currency)}:{' '}
                <strong>{pct(r.probabilityOfTarget)}</strong>
              </>
            )}
          </p>
          <EChart
            option={option}
            label={`Cumulative won revenue in ${r.currency}: by day ${r.bands.at(-1)?.dayEnd ?? 0}, P10 ${r.p10}, P50 ${r.p50}, P90 ${r.p90}`}
          />
          <NumbersTable
            caption="Cumulative won revenue by the end of each bucket"
            head={['Until', 'P10', 'P50', 'P90']}
            rows={r.bands.map((b) => [`day ${b.dayEnd}`, formatMoney(b.p10), formatMoney(b.p50), formatMoney(b.p90)])}
          />
        </>
      )}
    </AnalysisView>
  );
}
