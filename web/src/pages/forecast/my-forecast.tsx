import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { api, type ApiData, type FieldProblem } from '../../api.ts';
import { problemsOf } from '../../components/form-errors.ts';
import { ErrorState, Loading } from '../../components/states.tsx';
import { formatDate, formatMoney } from '../../format.ts';
import { AmountInput, categoryLabels, figureKeys, figureLabels, problemAt, type FigureKey } from './common.tsx';

type Draft = ApiData<'get', '/forecasts/draft'>;

export const draftQuery = (period: string) => ({
  queryKey: ['forecasts', period, 'draft'],
  queryFn: () => api.get('/forecasts/draft', { params: { query: { period } } }),
});

function SubmitForm({ draft }: { draft: Draft }) {
  const queryClient = useQueryClient();
  const [figures, setFigures] = useState<Record<FigureKey, string>>({ ...draft.prefilled });
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [summary, setSummary] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setProblems([]);
    setSummary(null);
    setDone(null);
    try {
      const s = await api.post('/forecasts', {
        body: {
          period: draft.period,
          commit: figures.commit.trim(),
          bestCase: figures.bestCase.trim(),
          pipeline: figures.pipeline.trim(),
          note: note.trim() || null,
        },
      });
      setDone(`Submitted: commit ${formatMoney(s.figures.commit, s.currency)}.`);
      setNote('');
      await queryClient.invalidateQueries({ queryKey: ['forecasts', draft.period] });
      await queryClient.invalidateQueries({ queryKey: ['quotas', draft.period] });
    } catch (err) {
      const p = problemsOf(err);
      setProblems(p.fields);
      setSummary(p.summary);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="forecast-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="form-grid">
        {figureKeys.map((k) => (
          <AmountInput
            key={k}
            label={`${figureLabels[k]} (${draft.currency})`}
            value={figures[k]}
            onChange={(v) => setFigures((f) => ({ ...f, [k]: v }))}
            problem={problemAt(problems, k)}
            testId={`forecast-${k}`}
          />
        ))}
        <label className="wide">
          Note
          <textarea value={note} rows={2} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
          {problemAt(problems, 'note') && <span className="field-error">{problemAt(problems, 'note')}</span>}
        </label>
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          Submit forecast
        </button>
        <button type="button" disabled={busy} onClick={() => setFigures({ ...draft.prefilled })}>
          Reset to pre-filled
        </button>
      </div>
      {summary && (
        <p className="error" role="alert">
          {summary}
        </p>
      )}
      {done && (
        <p className="ok-text" role="status" data-testid="forecast-submitted">
          {done}
        </p>
      )}
    </form>
  );
}

/**
 * The rep's forecast of the quarter: figures pre-filled from their open deals' forecast categories
 * (plus what they won so far), editable, submitted as a snapshot with a note.
 */
export function MyForecastCard({ period }: { period: string }) {
  const draft = useQuery(draftQuery(period));
  return (
    <section className="card" aria-labelledby="my-forecast-title" data-testid="my-forecast">
      <h2 id="my-forecast-title">My forecast</h2>
      {draft.isPending && <Loading>Loading your deals…</Loading>}
      {draft.isError && <ErrorState error={draft.error} what="your forecast" onRetry={() => void draft.refetch()} />}
      {draft.data && (
        <>
          <p className="small muted">
            {formatDate(draft.data.startsOn)} to {formatDate(draft.data.endsOn)} (exclusive) · won so far{' '}
            <strong>{formatMoney(draft.data.won, draft.data.currency)}</strong> · pre-filled commit{' '}
            {formatMoney(draft.data.prefilled.commit, draft.data.currency)}, best case{' '}
            {formatMoney(draft.data.prefilled.bestCase, draft.data.currency)}, pipeline{' '}
            {formatMoney(draft.data.prefilled.pipeline, draft.data.currency)}
          </p>
          {/* Keyed by period: another quarter starts from its own pre-filled figures. */}
          <SubmitForm key={draft.data.period} draft={draft.data} />
          {draft.data.deals.length === 0 ? (
            <p className="small muted">No open deals of yours are expected to close in this quarter.</p>
          ) : (
            <details className="numbers" open={draft.data.deals.length <= 8}>
              <summary>
                Open deals expected to close in the quarter ({draft.data.deals.length})
                {draft.data.otherCurrencyDeals > 0 &&
                  ` · ${draft.data.otherCurrencyDeals} in other currencies not counted`}
              </summary>
              <div className="table-wrap">
                <table className="records compact" data-testid="forecast-deals">
                  <thead>
                    <tr>
                      <th scope="col">Deal</th>
                      <th scope="col">Category</th>
                      <th scope="col" className="num">
                        Amount
                      </th>
                      <th scope="col" className="num">
                        Probability
                      </th>
                      <th scope="col">Expected close</th>
                    </tr>
                  </thead>
                  <tbody>
                    {draft.data.deals.map((d) => (
                      <tr key={d.dealId}>
                        <td>
                          <Link to="/deals/$dealId" params={{ dealId: d.dealId }}>
                            {d.name}
                          </Link>
                        </td>
                        <td>{categoryLabels[d.category] ?? d.category}</td>
                        <td className="num">{formatMoney(d.amount, draft.data.currency)}</td>
                        <td className="num">{d.probability}%</td>
                        <td>{formatDate(d.expectedCloseDate)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          )}
        </>
      )}
    </section>
  );
}
