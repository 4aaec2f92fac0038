import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, type ApiData } from '../../api.ts';
import { setsQuotas } from '../../../../src/contract/access.ts';
import { EChart, type ChartOption } from '../../components/echart.tsx';
import { EmptyState, ErrorState, Loading } from '../../components/states.tsx';
import { formatMoney } from '../../format.ts';
import { useActor } from '../../permissions.ts';
import { percent } from './common.tsx';
import { QuotaForm } from './quota-form.tsx';

type Report = ApiData<'get', '/quotas/attainment'>;

/** Quota, forecast (latest commit) and actual won side by side per rep and team. */
function attainmentOption(r: Report): ChartOption {
  // The chart draws approximate heights; the table beside it shows the exact amounts.
  const n = (v: string | null) => (v === null ? null : Number(v));
  return {
    // Drawn at once: the figures change with each submission and a growing bar reads as a wrong one.
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: r.items.map((i) => (i.kind === 'team' ? `${i.name} (team)` : i.name)) },
    yAxis: { type: 'value', name: r.currency },
    series: [
      { name: 'Quota', type: 'bar', data: r.items.map((i) => n(i.quota)) },
      { name: 'Forecast (commit)', type: 'bar', data: r.items.map((i) => n(i.forecastCommit)) },
      { name: 'Actual won', type: 'bar', data: r.items.map((i) => n(i.actual)) },
    ],
  };
}

/** Quota vs forecast vs actual of the quarter, with attainment and pacing (linear in calendar days). */
export function AttainmentCard({ period }: { period: string }) {
  const actor = useActor();
  const report = useQuery({
    queryKey: ['quotas', period, 'attainment'],
    queryFn: () => api.get('/quotas/attainment', { params: { query: { period } } }),
  });
  const option = useMemo(() => (report.data ? attainmentOption(report.data) : {}), [report.data]);
  const r = report.data;
  return (
    <section className="card" aria-labelledby="attainment-title" data-testid="attainment">
      <h2 id="attainment-title">Quota and attainment</h2>
      {report.isPending && <Loading>Loading quotas…</Loading>}
      {report.isError && <ErrorState error={report.error} what="quotas" onRetry={() => void report.refetch()} />}
      {r && r.items.length === 0 && <EmptyState title="No quotas set for this quarter" />}
      {r && r.items.length > 0 && (
        <>
          <p className="small muted">
            Day {r.daysElapsed} of {r.daysTotal}; pacing compares the actual with the quota's share of the days gone.
          </p>
          <EChart
            option={option}
            height={260}
            testId="attainment-chart"
            label={`Quota, forecast and actual won in ${r.currency} for ${r.items.length} reps and teams`}
          />
          <div className="table-wrap">
            <table className="records compact" data-testid="attainment-table">
              <thead>
                <tr>
                  <th scope="col">Rep or team</th>
                  <th scope="col" className="num">
                    Quota
                  </th>
                  <th scope="col" className="num">
                    Forecast
                  </th>
                  <th scope="col" className="num">
                    Actual
                  </th>
                  <th scope="col" className="num">
                    Attainment
                  </th>
                  <th scope="col" className="num">
                    Expected by now
                  </th>
                  <th scope="col" className="num">
                    Pacing
                  </th>
                </tr>
              </thead>
              <tbody>
                {r.items.map((i) => (
                  <tr key={`${i.kind}:${i.id}`}>
                    <th scope="row">
                      {i.name}
                      {i.kind === 'team' && <span className="small muted"> (team)</span>}
                    </th>
                    <td className="num">{formatMoney(i.quota, r.currency)}</td>
                    <td className="num">
                      {i.forecastCommit === null ? '—' : formatMoney(i.forecastCommit, r.currency)}
                    </td>
                    <td className="num">{formatMoney(i.actual, r.currency)}</td>
                    <td className="num">{percent(i.attainment)}</td>
                    <td className="num">{formatMoney(i.expectedByNow, r.currency)}</td>
                    <td className="num">{percent(i.pacing)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {actor && setsQuotas(actor) && <QuotaForm period={period} />}
    </section>
  );
}
