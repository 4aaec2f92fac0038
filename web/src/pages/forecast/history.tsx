import { useQuery } from '@tanstack/react-query';
import { api, type ApiData } from '../../api.ts';
import { EmptyState, ErrorState, Loading } from '../../components/states.tsx';
import { formatDateTime, formatMoney } from '../../format.ts';
import { figureKeys, figureLabels } from './common.tsx';

type Submission = ApiData<'get', '/forecasts'>['items'][number];

/** What a manager changed of the members' figures, in words ("Rita: commit 5,000.00 → 4,000.00"). */
function overridesText(s: Submission): string {
  return s.members
    .flatMap((m) =>
      figureKeys.flatMap((k) => {
        const to = m.override[k];
        return to === undefined
          ? []
          : [
              `${m.name}: ${figureLabels[k].toLowerCase()} ${formatMoney(m.figures[k], s.currency)} → ${formatMoney(to, s.currency)}`,
            ];
      }),
    )
    .join('; ');
}

/** Every submission of the quarter the user may read, newest first: each one a snapshot. */
export function SubmissionHistory({ period }: { period: string }) {
  const list = useQuery({
    queryKey: ['forecasts', period, 'list'],
    queryFn: () => api.get('/forecasts', { params: { query: { period } } }),
  });
  return (
    <section className="card" aria-labelledby="history-title">
      <h2 id="history-title">Submissions</h2>
      {list.isPending && <Loading>Loading submissions…</Loading>}
      {list.isError && <ErrorState error={list.error} what="the submissions" onRetry={() => void list.refetch()} />}
      {list.data && list.data.items.length === 0 && <EmptyState title="No submissions for this quarter yet" />}
      {list.data && list.data.items.length > 0 && (
        <div className="table-wrap">
          <table className="records compact" data-testid="forecast-history">
            <thead>
              <tr>
                <th scope="col">Submitted</th>
                <th scope="col">By</th>
                <th scope="col">Kind</th>
                {figureKeys.map((k) => (
                  <th key={k} scope="col" className="num">
                    {figureLabels[k]}
                  </th>
                ))}
                <th scope="col">Note and overrides</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((s) => (
                <tr key={s.id} data-testid="forecast-submission">
                  <td>{formatDateTime(s.submittedAt)}</td>
                  <td>{s.userName}</td>
                  <td>{s.kind === 'rollup' ? 'Team roll-up' : 'Own'}</td>
                  {figureKeys.map((k) => (
                    <td key={k} className="num">
                      {formatMoney(s.figures[k], s.currency)}
                    </td>
                  ))}
                  <td className="small">
                    {s.note ?? ''}
                    {s.kind === 'rollup' && overridesText(s) && (
                      <span className="muted">
                        {s.note ? ' · ' : ''}
                        {overridesText(s)}
                      </span>
                    )}
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
