import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { canEnrolLead } from '../../../src/contract/access.ts';
import { api, ApiError, getAll, ifMatch } from '../api.ts';
import { formatDateTime } from '../format.ts';
import { useActor } from '../permissions.ts';
import type { CadenceEnrolmentDto } from '../types.ts';
import { Modal } from './modal.tsx';

const activeCadencesQuery = {
  queryKey: ['cadences', 'active'],
  queryFn: () => getAll('/cadences', { query: { active: 'true' } }),
};

const kindWords = { call: 'Call', email: 'Email', task: 'Task' } as const;

/** The current step of an enrolment in one line: "Step 2 of 3 · Email · due 3 Mar 10:00", or why it waits or ended. */
export function stepLine(e: CadenceEnrolmentDto): string {
  const step = `Step ${e.stepIndex + 1} of ${e.stepCount} · ${kindWords[e.step.kind]}`;
  if (e.status === 'ended') return `Ended at step ${e.stepIndex + 1}: ${e.endedReason ?? ''}`;
  if (e.status === 'paused')
    return `${step} · paused (${(e.pauseReason ?? '').replace(/_/g, ' ')}) ${
      e.pausedUntil ? `until ${formatDateTime(e.pausedUntil)}` : 'until a call back is set'
    }`;
  return `${step} · due ${e.dueAt ? formatDateTime(e.dueAt) : '—'}`;
}

/** Picks an active cadence and enrols the lead in it. */
export function EnrolDialog({
  leadId,
  name,
  onClose,
  onEnrolled,
}: {
  leadId: string;
  name: string;
  onClose: () => void;
  onEnrolled: () => void;
}) {
  const cadences = useQuery(activeCadencesQuery);
  const [cadenceId, setCadenceId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const chosen = cadenceId || cadences.data?.[0]?.id || '';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.post('/leads/{id}/cadence-enrolments', {
        params: { path: { id: leadId } },
        body: { cadenceId: chosen },
      });
      onEnrolled();
      onClose();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setError(err.errors.length ? err.errors.map((p) => `${p.field} ${p.message}`).join('; ') : err.detail);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title={`Enrol ${name} in a cadence`} onClose={onClose} testId="enrol-dialog">
      <form onSubmit={(e) => void submit(e)}>
        {cadences.isPending && <p className="muted">Loading cadences…</p>}
        {cadences.data && cadences.data.length === 0 && <p className="muted">No active cadences yet.</p>}
        {cadences.data && cadences.data.length > 0 && (
          <label>
            Cadence
            <select name="cadenceId" value={chosen} onChange={(e) => setCadenceId(e.target.value)}>
              {cadences.data.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name} ({c.steps.length} steps)
                </option>
              ))}
            </select>
          </label>
        )}
        {cadences.data
          ?.find((c) => c.id === chosen)
          ?.steps.map((s, i) => (
            <p key={i} className="small muted">
              {i + 1}. {kindWords[s.kind]}
              {s.instruction && `: ${s.instruction}`}
            </p>
          ))}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || !chosen}>
            Enrol
          </button>
        </div>
      </form>
    </Modal>
  );
}

/**
 * The lead's cadence on its page: the current step, its instruction and due time (or the pause, or
 * how it ended), "End" for an open one and "Enrol in cadence" when it is on none.
 */
export function CadenceCard({ lead }: { lead: { id: string; ownerId: string | null; status: string; name: string } }) {
  const queryClient = useQueryClient();
  const actor = useActor();
  const key = ['lead', lead.id, 'cadence-enrolments'];
  const enrolments = useQuery({
    queryKey: key,
    queryFn: () => api.get('/leads/{id}/cadence-enrolments', { params: { path: { id: lead.id } } }),
  });
  const [enrolling, setEnrolling] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const may = actor !== null && canEnrolLead(actor, lead);
  const open = enrolments.data?.items.find((e) => e.status !== 'ended') ?? null;
  const last = enrolments.data?.items[0] ?? null;
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: key });
    void queryClient.invalidateQueries({ queryKey: ['call-queue'] });
  };
  const end = async (e: CadenceEnrolmentDto) => {
    setError(null);
    try {
      await api.post('/cadence-enrolments/{id}/end', {
        params: { path: { id: e.id }, header: ifMatch(e.version) },
        body: { reason: 'ended by hand' },
      });
      refresh();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setError(err.detail);
    }
  };
  if (enrolments.isError) return null;
  return (
    <section className="card" aria-labelledby="cadence-title" data-testid="lead-cadence">
      <h2 id="cadence-title">Cadence</h2>
      {enrolments.isPending && <p className="muted">Loading…</p>}
      {open && (
        <>
          <p>
            <strong>{open.cadenceName}</strong> <span className="muted small">v{open.cadenceVersion}</span>
          </p>
          <p data-testid="cadence-step">{stepLine(open)}</p>
          {open.step.instruction && <p className="small">{open.step.instruction}</p>}
          {open.step.kind !== 'call' && <p className="small muted">Worked as a task in your tasks.</p>}
          {may && (
            <button type="button" className="link danger" onClick={() => void end(open)}>
              End cadence
            </button>
          )}
        </>
      )}
      {!open && enrolments.data && (
        <>
          <p className="muted">{last ? `${last.cadenceName}: ${stepLine(last)}` : 'Not on a cadence.'}</p>
          {may && (lead.status === 'new' || lead.status === 'working') && (
            <button type="button" onClick={() => setEnrolling(true)}>
              Enrol in cadence
            </button>
          )}
        </>
      )}
      {error && <p className="error">{error}</p>}
      {enrolling && (
        <EnrolDialog leadId={lead.id} name={lead.name} onClose={() => setEnrolling(false)} onEnrolled={refresh} />
      )}
    </section>
  );
}
