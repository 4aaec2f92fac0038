import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { canSetQuota, canSubmitForecast } from '../../../../src/contract/access.ts';
import { api, type FieldProblem } from '../../api.ts';
import { problemsOf } from '../../components/form-errors.ts';
import { formatMoney } from '../../format.ts';
import { useActor } from '../../permissions.ts';
import { teamsQuery, usersQuery } from '../../queries.ts';
import { problemAt } from './common.tsx';

/** Sets a rep's or a team's quota of the quarter (PUT /quotas), offering only the targets the rules allow. */
export function QuotaForm({ period }: { period: string }) {
  const actor = useActor();
  const queryClient = useQueryClient();
  const users = useQuery(usersQuery).data ?? [];
  const teams = useQuery(teamsQuery).data ?? [];
  const [target, setTarget] = useState('');
  const [amount, setAmount] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [summary, setSummary] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!actor) return null;
  const people = users.filter(
    // Quotas are for the people who forecast: reps and managers.
    (u) => u.active && canSubmitForecast(u) && canSetQuota(actor, { userId: u.id }),
  );
  const settableTeams = teams.filter((t) => canSetQuota(actor, { teamId: t.id }));
  if (people.length === 0 && settableTeams.length === 0) return null;
  const submit = async () => {
    setBusy(true);
    setProblems([]);
    setSummary(null);
    setDone(null);
    const [kind, id] = target.split(':');
    try {
      const q = await api.put('/quotas', {
        body: { period, amount: amount.trim(), ...(kind === 'team' ? { teamId: id } : { userId: id }) },
      });
      setDone(`Quota of ${q.name} for ${q.period}: ${formatMoney(q.amount, q.currency)}.`);
      setAmount('');
      await queryClient.invalidateQueries({ queryKey: ['quotas', period] });
    } catch (err) {
      const p = problemsOf(err);
      setProblems(p.fields);
      setSummary(p.summary);
    } finally {
      setBusy(false);
    }
  };
  const targetProblem = problemAt(problems, 'userId') ?? problemAt(problems, 'teamId');
  return (
    <form
      className="inline-form quota-form"
      data-testid="quota-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label>
        Set quota for
        <select
          value={target}
          onChange={(e) => setTarget(e.target.value)}
          aria-invalid={targetProblem ? true : undefined}
        >
          <option value="">Choose…</option>
          {people.map((u) => (
            <option key={u.id} value={`user:${u.id}`}>
              {u.name}
            </option>
          ))}
          {settableTeams.map((t) => (
            <option key={t.id} value={`team:${t.id}`}>
              {t.name} (team)
            </option>
          ))}
        </select>
        {targetProblem && <span className="field-error">{targetProblem}</span>}
      </label>
      <label>
        Amount
        <input
          value={amount}
          inputMode="decimal"
          onChange={(e) => setAmount(e.target.value)}
          aria-invalid={problemAt(problems, 'amount') ? true : undefined}
        />
        {problemAt(problems, 'amount') && <span className="field-error">{problemAt(problems, 'amount')}</span>}
      </label>
      <button type="submit" disabled={busy || target === ''}>
        Set quota
      </button>
      {summary && (
        <p className="error" role="alert">
          {summary}
        </p>
      )}
      {done && (
        <p className="ok-text" role="status">
          {done}
        </p>
      )}
    </form>
  );
}
