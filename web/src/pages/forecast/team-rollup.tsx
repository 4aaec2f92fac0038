import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { api, type ApiData, type FieldProblem } from '../../api.ts';
import { problemsOf } from '../../components/form-errors.ts';
import { EmptyState, ErrorState, Loading } from '../../components/states.tsx';
import { formatMoney } from '../../format.ts';
import { MemberSystemForecast } from './system-forecast.tsx';
import { figureKeys, figureLabels, problemAt, type FigureKey } from './common.tsx';

type RollUpDraft = ApiData<'get', '/forecasts/rollup/draft'>;
type Overrides = Record<string, Partial<Record<FigureKey, string>>>;

function RollUpForm({ draft, today }: { draft: RollUpDraft; today: string }) {
  const queryClient = useQueryClient();
  const [overrides, setOverrides] = useState<Overrides>({});
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [summary, setSummary] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const cur = draft.currency;
  // The overrides sent, in member order: the server names a bad one by its index in this list.
  const sent = draft.members.flatMap((m) => {
    const o = overrides[m.userId] ?? {};
    const given = figureKeys.filter((k) => (o[k] ?? '').trim() !== '');
    if (given.length === 0) return [];
    return [{ userId: m.userId, ...Object.fromEntries(given.map((k) => [k, (o[k] ?? '').trim()])) }];
  });
  const problemOf = (userId: string, k: FigureKey) => {
    const i = sent.findIndex((s) => s.userId === userId);
    return i < 0 ? undefined : problemAt(problems, `overrides.${i}.${k}`);
  };
  const submit = async () => {
    setBusy(true);
    setProblems([]);
    setSummary(null);
    setDone(null);
    try {
      const s = await api.post('/forecasts/rollup', {
        body: { period: draft.period, overrides: sent, note: note.trim() || null },
      });
      setDone(`Roll-up submitted: commit ${formatMoney(s.figures.commit, s.currency)}.`);
      setOverrides({});
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
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="table-wrap">
        <table className="records compact rollup" data-testid="rollup-table">
          <thead>
            <tr>
              <th scope="col">Member</th>
              <th scope="col">Source</th>
              {figureKeys.map((k) => (
                <th key={k} scope="col" className="num">
                  {figureLabels[k]}
                </th>
              ))}
              <th scope="col" className="num" title="Won so far plus the Monte Carlo simulation of the open deals">
                System (P50)
              </th>
              {figureKeys.map((k) => (
                <th key={`o-${k}`} scope="col">
                  Override {figureLabels[k].toLowerCase()}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {draft.members.map((m) => (
              <tr key={m.userId} data-testid="rollup-member">
                <th scope="row">{m.name}</th>
                <td>{m.submissionId ? 'submitted' : 'pre-filled'}</td>
                {figureKeys.map((k) => (
                  <td key={k} className="num">
                    {formatMoney(m.figures[k], cur)}
                  </td>
                ))}
                <td className="num">
                  <MemberSystemForecast period={draft.period} today={today} userId={m.userId} />
                </td>
                {figureKeys.map((k) => (
                  <Fragment key={`o-${k}`}>
                    <td>
                      <input
                        className="amount"
                        inputMode="decimal"
                        aria-label={`Override ${figureLabels[k].toLowerCase()} of ${m.name}`}
                        placeholder={m.figures[k]}
                        value={overrides[m.userId]?.[k] ?? ''}
                        aria-invalid={problemOf(m.userId, k) ? true : undefined}
                        onChange={(e) =>
                          setOverrides((o) => ({ ...o, [m.userId]: { ...o[m.userId], [k]: e.target.value } }))
                        }
                      />
                      {problemOf(m.userId, k) && <span className="field-error">{problemOf(m.userId, k)}</span>}
                    </td>
                  </Fragment>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                Team total (before overrides)
              </th>
              {figureKeys.map((k) => (
                <td key={k} className="num" data-testid={`rollup-total-${k}`}>
                  {formatMoney(draft.total[k], cur)}
                </td>
              ))}
              <td className="num small muted">team: see System forecast</td>
              <td colSpan={3} />
            </tr>
          </tfoot>
        </table>
      </div>
      <label>
        Note {sent.length > 0 && <span className="small muted">(required with overrides)</span>}
        <textarea value={note} rows={2} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
        {problemAt(problems, 'note') && <span className="field-error">{problemAt(problems, 'note')}</span>}
      </label>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          Submit roll-up
        </button>
      </div>
      {summary && (
        <p className="error" role="alert">
          {summary}
        </p>
      )}
      {done && (
        <p className="ok-text" role="status" data-testid="rollup-submitted">
          {done}
        </p>
      )}
    </form>
  );
}

/** The manager's roll-up: each member's latest submission (or pre-filled figures), overrides and a note. */
export function TeamRollUpCard({ period, today }: { period: string; today: string }) {
  const draft = useQuery({
    queryKey: ['forecasts', period, 'rollup'],
    queryFn: () => api.get('/forecasts/rollup/draft', { params: { query: { period } } }),
  });
  return (
    <section className="card" aria-labelledby="rollup-title" data-testid="team-rollup">
      <h2 id="rollup-title">Team roll-up</h2>
      {draft.isPending && <Loading>Loading your team's forecasts…</Loading>}
      {draft.isError && <ErrorState error={draft.error} what="the roll-up" onRetry={() => void draft.refetch()} />}
      {draft.data && draft.data.members.length === 0 && (
        <EmptyState title="Nobody to roll up">Your team has no reps or managers below you.</EmptyState>
      )}
      {draft.data && draft.data.members.length > 0 && (
        <RollUpForm key={draft.data.period} draft={draft.data} today={today} />
      )}
    </section>
  );
}
