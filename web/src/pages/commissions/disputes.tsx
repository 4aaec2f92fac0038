import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { api, ifMatch, type ApiData, type FieldProblem } from '../../api.ts';
import { problemsOf } from '../../components/form-errors.ts';
import { ErrorState } from '../../components/states.tsx';
import { formatDateTime } from '../../format.ts';
import type { Statement } from './statement.tsx';

type Dispute = ApiData<'get', '/commission-disputes'>['items'][number];

const problemAt = (problems: readonly FieldProblem[], field: string) =>
  problems.find((p) => p.field === field)?.message;

function useSubmit() {
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [summary, setSummary] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setProblems([]);
    setSummary(null);
    try {
      await work();
    } catch (err) {
      const p = problemsOf(err);
      setProblems(p.fields);
      setSummary(p.summary);
    } finally {
      setBusy(false);
    }
  };
  return { problems, summary, busy, run };
}

/** The payee disputes one line of their statement, saying why. */
export function RaiseDispute({
  statement,
  line,
  onDone,
}: {
  statement: Statement;
  line: Statement['lines'][number];
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const { problems, summary, busy, run } = useSubmit();
  // An agent party's lines are not disputed here (the statement offers no dispute for them).
  const payeeKind = statement.payee.kind === 'partner' ? 'partner' : 'user';
  const submit = () =>
    run(async () => {
      await api.post('/commission-disputes', {
        body: {
          period: statement.period,
          lineId: line.id,
          reason: reason.trim(),
          payeeKind,
          payeeId: statement.payee.id,
        },
      });
      await queryClient.invalidateQueries({ queryKey: ['commissions'] });
      onDone();
    });
  return (
    <form
      className="inline-form"
      data-testid="raise-dispute"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label>
        Why is this line wrong?
        <textarea value={reason} rows={2} maxLength={2000} onChange={(e) => setReason(e.target.value)} />
        {problemAt(problems, 'reason') && <span className="field-error">{problemAt(problems, 'reason')}</span>}
      </label>
      <button type="submit" className="primary" disabled={busy}>
        Raise dispute
      </button>
      <button type="button" onClick={onDone} disabled={busy}>
        Cancel
      </button>
      {summary && (
        <p className="error" role="alert">
          {summary}
        </p>
      )}
    </form>
  );
}

/** Accept (maybe with an adjustment line in the month of the answer) or reject a dispute, with a note. */
export function AnswerDispute({ dispute }: { dispute: Pick<Dispute, 'id' | 'version' | 'currency'> }) {
  const queryClient = useQueryClient();
  const [decision, setDecision] = useState<'accepted' | 'rejected'>('accepted');
  const [note, setNote] = useState('');
  const [adjustment, setAdjustment] = useState('');
  const { problems, summary, busy, run } = useSubmit();
  const submit = () =>
    run(async () => {
      await api.post('/commission-disputes/{id}/answer', {
        params: { path: { id: dispute.id }, header: ifMatch(dispute.version) },
        body: {
          decision,
          note: note.trim(),
          adjustment: decision === 'accepted' && adjustment.trim() !== '' ? adjustment.trim() : null,
        },
      });
      await queryClient.invalidateQueries({ queryKey: ['commissions'] });
    });
  return (
    <form
      className="inline-form"
      data-testid="answer-dispute"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label>
        Decision
        <select value={decision} onChange={(e) => setDecision(e.target.value === 'rejected' ? 'rejected' : 'accepted')}>
          <option value="accepted">Accept</option>
          <option value="rejected">Reject</option>
        </select>
      </label>
      <label>
        Note
        <input value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
        {problemAt(problems, 'note') && <span className="field-error">{problemAt(problems, 'note')}</span>}
      </label>
      {decision === 'accepted' && (
        <label>
          Adjustment ({dispute.currency}, optional)
          <input value={adjustment} inputMode="decimal" onChange={(e) => setAdjustment(e.target.value)} />
          {problemAt(problems, 'adjustment') && (
            <span className="field-error">{problemAt(problems, 'adjustment')}</span>
          )}
        </label>
      )}
      <button type="submit" className="primary" disabled={busy}>
        Answer
      </button>
      {summary && (
        <p className="error" role="alert">
          {summary}
        </p>
      )}
    </form>
  );
}

/** The open disputes of the statements the user reads, each opening its statement (managers, admins, auditors). */
export function OpenDisputesCard() {
  const list = useQuery({
    queryKey: ['commissions', 'disputes', 'open'],
    queryFn: () => api.get('/commission-disputes', { params: { query: { status: 'open' } } }),
  });
  if (list.isError) return <ErrorState error={list.error} what="disputes" onRetry={() => void list.refetch()} />;
  if (!list.data || list.data.items.length === 0) return null;
  return (
    <section className="card" aria-labelledby="open-disputes-title" data-testid="open-disputes">
      <h2 id="open-disputes-title">Open disputes</h2>
      <ul className="dispute-list">
        {list.data.items.map((d) => (
          <li key={d.id}>
            <Link
              to="/commissions"
              search={{ period: d.period, payeeKind: d.payee.kind, payeeId: d.payee.id }}
              data-testid="open-dispute-link"
            >
              {d.payee.name}, {d.period}
            </Link>
            : “{d.reason}” <span className="small muted">raised {formatDateTime(d.raisedAt)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
