import { useQuery } from '@tanstack/react-query';
import { api } from '../../api.ts';
import { EmptyState, ErrorState, Loading } from '../../components/states.tsx';
import { formatMoney } from '../../format.ts';
import { percent } from './common.tsx';

/** Accuracy of each rep's last submission: commit against actual won, and the Brier score of the deal probabilities. */
export function AccuracyCard({ period }: { period: string }) {
  const report = useQuery({
    queryKey: ['forecasts', period, 'accuracy'],
    queryFn: () => api.get('/forecasts/accuracy', { params: { query: { period } } }),
  });
  const r = report.data;
  return (
    <section className="card" aria-labelledby="accuracy-title" data-testid="accuracy">
      <h2 id="accuracy-title">Accuracy per rep</h2>
      {report.isPending && <Loading>Loading accuracy…</Loading>}
      {report.isError && <ErrorState error={report.error} what="accuracy" onRetry={() => void report.refetch()} />}
      {r && !r.closed && (
        <p className="small muted">The quarter is still open: these figures are provisional until it ends.</p>
      )}
      {r && r.items.length === 0 && <EmptyState title="No submissions to score for this quarter" />}
      {r && r.items.length > 0 && (
        <div className="table-wrap">
          <table className="records compact" data-testid="accuracy-table">
            <thead>
              <tr>
                <th scope="col">Rep</th>
                <th scope="col" className="num">
                  Commit
                </th>
                <th scope="col" className="num">
                  Actual won
                </th>
                <th scope="col" className="num">
                  Error
                </th>
                <th scope="col" className="num">
                  Abs. % error
                </th>
                <th scope="col" className="num">
                  Brier score
                </th>
              </tr>
            </thead>
            <tbody>
              {r.items.map((i) => (
                <tr key={i.userId}>
                  <th scope="row">{i.name}</th>
                  <td className="num">{formatMoney(i.commit, r.currency)}</td>
                  <td className="num">{formatMoney(i.actualWon, r.currency)}</td>
                  <td className="num">{formatMoney(i.error, r.currency)}</td>
                  <td className="num">{percent(i.absolutePercentError)}</td>
                  <td className="num">
                    {i.brierScore === null ? '—' : i.brierScore.toFixed(3)} ({i.deals} deals)
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
