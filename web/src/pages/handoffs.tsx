import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { canActOnHandoff } from '../../../src/contract/access.ts';
import { rejectHandoffSchema } from '../../../src/contract/handoffs.ts';
import { api, ApiError, getAll, ifMatch } from '../api.ts';
import { problemText } from '../components/form-errors.ts';
import { Modal } from '../components/modal.tsx';
import { ErrorState, Loading } from '../components/states.tsx';
import { formatDateTime } from '../format.ts';
import { slaView } from '../handoff-sla.ts';
import { useActor } from '../permissions.ts';
import type { HandoffDto } from '../types.ts';

/** The current time, moving every second while the screen shows a countdown. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

const escalationText = (h: HandoffDto) =>
  h.escalation === 'reassigned' ? 'Reassigned to the manager' : h.escalation === 'notified' ? 'Manager notified' : null;

/**
 * The MQLs handed to sales and not yet accepted or rejected: score, grade and the SLA countdown of
 * each, most urgent first, with Accept and Reject for whoever may decide (the owner, their manager,
 * an admin; marketing and auditors read).
 */
export function HandoffsPanel({ ownerId }: { ownerId: string | undefined }) {
  const actor = useActor();
  const queryClient = useQueryClient();
  const now = useNow();
  const [rejecting, setRejecting] = useState<HandoffDto | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const open = useQuery({
    queryKey: ['handoffs', 'open', ownerId ?? 'all'],
    queryFn: () => getAll('/handoffs', { query: { status: ['open'], ownerId } }, 5),
    refetchInterval: 30_000,
  });
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['handoffs'] }),
      queryClient.invalidateQueries({ queryKey: ['leads'] }),
    ]);

  const decide = async (h: HandoffDto, decision: 'accept' | 'reject', reason?: string) => {
    setBusy(h.id);
    setNotice(null);
    try {
      if (decision === 'accept')
        await api.post('/handoffs/{id}/accept', { params: { path: { id: h.id }, header: ifMatch(h.version) } });
      else
        await api.post('/handoffs/{id}/reject', {
          params: { path: { id: h.id }, header: ifMatch(h.version) },
          body: { reason: reason ?? '' },
        });
      setRejecting(null);
      setNotice({
        kind: 'ok',
        text:
          decision === 'accept'
            ? `Accepted ${h.leadName}: it is a sales-qualified lead now.`
            : `Rejected ${h.leadName}: it went back to marketing with your reason.`,
      });
    } catch (err) {
      const stale = err instanceof ApiError && (err.code === 'version_conflict' || err.code === 'conflict');
      setNotice({
        kind: 'error',
        text: stale
          ? `${h.leadName} changed meanwhile (escalated, reassigned or decided); the list was reloaded, try again.`
          : problemText(err),
      });
    } finally {
      setBusy(null);
      await refresh();
    }
  };

  if (!actor) return null;
  return (
    <section className="card handoffs" aria-labelledby="handoffs-title" data-testid="handoffs">
      <h2 id="handoffs-title">Handed to sales{open.data ? ` (${open.data.length})` : ''}</h2>
      {notice && (
        <div
          className={`notice ${notice.kind}`}
          role={notice.kind === 'error' ? 'alert' : 'status'}
          data-testid="handoff-notice"
        >
          {notice.text}
        </div>
      )}
      {open.isPending && <Loading>Loading hand-offs…</Loading>}
      {open.isError && <ErrorState error={open.error} what="the hand-offs" onRetry={() => void open.refetch()} />}
      {open.data && open.data.length === 0 && (
        <p className="muted">No MQL is waiting for sales{ownerId ? ' among your leads' : ''}.</p>
      )}
      {open.data && open.data.length > 0 && (
        <div className="table-wrap">
          <table className="lines inbox-table" data-testid="handoff-table">
            <thead>
              <tr>
                <th scope="col">Lead</th>
                <th scope="col">Owner</th>
                <th scope="col">Score</th>
                <th scope="col">Grade</th>
                <th scope="col">SLA</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {open.data.map((h) => {
                const sla = slaView(h, now);
                const escalation = escalationText(h);
                return (
                  <tr key={h.id} data-testid={`handoff-${h.leadName}`}>
                    <td>
                      <strong>{h.leadName}</strong>
                      <div className="small muted">{h.company ?? ''}</div>
                    </td>
                    <td>{h.ownerName ?? '—'}</td>
                    <td title="Fit / engagement">
                      {Math.round(h.fitScore)} / {Math.round(h.engagementScore)}
                    </td>
                    <td>
                      <span className="badge">{h.grade}</span>
                    </td>
                    <td title={`Due ${formatDateTime(h.dueAt)}`}>
                      <span className={`sla sla-${sla.state}`} data-testid="sla">
                        {sla.text}
                      </span>
                      {escalation && <div className="small muted">{escalation}</div>}
                    </td>
                    <td className="row-actions">
                      {canActOnHandoff(actor, h) && (
                        <>
                          <button
                            type="button"
                            className="primary"
                            disabled={busy === h.id}
                            onClick={() => void decide(h, 'accept')}
                          >
                            Accept
                          </button>
                          <button type="button" disabled={busy === h.id} onClick={() => setRejecting(h)}>
                            Reject
                          </button>
                        </>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {rejecting && (
        <RejectHandoffDialog
          handoff={rejecting}
          busy={busy === rejecting.id}
          onClose={() => setRejecting(null)}
          onConfirm={(reason) => decide(rejecting, 'reject', reason)}
        />
      )}
    </section>
  );
}

const commonReasons = [
  'No budget',
  'Not the decision maker',
  'Wrong company size',
  'Student or job seeker',
  'Existing customer',
  'Unreachable',
];

/** Asks why sales rejects the lead (required; marketing reads it) and confirms. */
function RejectHandoffDialog({
  handoff,
  busy,
  onClose,
  onConfirm,
}: {
  handoff: HandoffDto;
  busy: boolean;
  onClose: () => void;
  onConfirm: (reason: string) => Promise<void>;
}) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const checked = rejectHandoffSchema.safeParse({ reason });
    if (!checked.success) {
      setError(`Reason ${checked.error.issues[0]?.message ?? 'is not valid'}: marketing reads it.`);
      return;
    }
    void onConfirm(checked.data.reason);
  };
  return (
    <Modal title={`Reject ${handoff.leadName}`} onClose={onClose} testId="reject-handoff-dialog">
      <form onSubmit={onSubmit} noValidate>
        <p className="muted">The lead goes back to marketing, who will see your reason.</p>
        <label>
          Reason
          <input
            name="reason"
            list="reject-handoff-reasons"
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              setError(null);
            }}
            aria-invalid={error ? true : undefined}
            autoFocus
          />
          <datalist id="reject-handoff-reasons">
            {commonReasons.map((r) => (
              <option key={r} value={r} />
            ))}
          </datalist>
          {error && (
            <span className="field-error" role="alert">
              {error}
            </span>
          )}
        </label>
        <div className="actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            Reject
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** Leads sales sent back to marketing, latest first, with who rejected them and why. */
export function RejectedHandoffs() {
  const rejected = useQuery({
    queryKey: ['handoffs', 'rejected'],
    queryFn: () => api.get('/handoffs', { params: { query: { status: ['rejected'], order: 'desc', limit: 20 } } }),
  });
  return (
    <section className="card" aria-labelledby="rejected-title" data-testid="rejected-handoffs">
      <h2 id="rejected-title">Rejected by sales</h2>
      {rejected.isPending && <Loading>Loading rejections…</Loading>}
      {rejected.isError && <ErrorState error={rejected.error} what="the rejections" />}
      {rejected.data && rejected.data.items.length === 0 && <p className="muted">Sales has rejected no lead.</p>}
      {rejected.data && rejected.data.items.length > 0 && (
        <table className="admin-table">
          <thead>
            <tr>
              <th>Lead</th>
              <th>Sales owner</th>
              <th>When</th>
              <th>Reason</th>
            </tr>
          </thead>
          <tbody>
            {rejected.data.items.map((h) => (
              <tr key={h.id} data-testid={`rejected-${h.leadName}`}>
                <td>
                  {h.leadName}
                  {h.company ? <div className="small muted">{h.company}</div> : null}
                </td>
                <td>{h.ownerName ?? '—'}</td>
                <td>{formatDateTime(h.decidedAt)}</td>
                <td>{h.rejectReason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

const percent = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)} %`);
function mins(x: number | null): string {
  if (x === null) return '—';
  if (x < 60) return `${Math.round(x * 10) / 10} min`;
  const m = Math.round(x);
  return m < 48 * 60 ? `${Math.floor(m / 60)} h ${m % 60} min` : `${Math.round(m / 144) / 10} d`;
}

/**
 * MQL → SQL conversion and speed to lead per team and per rep (`GET /analytics/mql-handoff`): the
 * MQLs, the share that became SQL, the median minutes to the first sales touch, and the share of
 * hand-offs whose first touch met the SLA.
 */
export function HandoffReportCard() {
  const report = useQuery({
    queryKey: ['analytics', 'mql-handoff'],
    queryFn: () => api.get('/analytics/mql-handoff', { params: { query: {} } }),
  });
  type Row = NonNullable<typeof report.data>['byOwner'][number];
  const rows = (title: string, list: Row[]) =>
    list.map((r, i) => (
      <tr key={`${title}-${r.id ?? 'none'}`} data-testid={`speed-${r.name ?? 'none'}`}>
        <th scope="row">
          {i === 0 && <span className="small muted">{title} · </span>}
          {r.name ?? '(none)'}
        </th>
        <td>{r.mqls}</td>
        <td>{percent(r.conversionRate)}</td>
        <td>{mins(r.medianMinutesToTouch)}</td>
        <td>{r.handoffs}</td>
        <td>{percent(r.slaMetRate)}</td>
      </tr>
    ));
  return (
    <section className="card" aria-labelledby="speed-title" data-testid="handoff-report">
      <h2 id="speed-title">MQL → SQL and speed to lead</h2>
      {report.isPending && <Loading>Loading the hand-off figures…</Loading>}
      {report.isError && <ErrorState error={report.error} what="the hand-off figures" />}
      {report.data && report.data.byOwner.length === 0 && <p className="muted">No lead has become MQL yet.</p>}
      {report.data && report.data.byOwner.length > 0 && (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">Team / rep</th>
              <th scope="col">MQLs</th>
              <th scope="col">To SQL</th>
              <th scope="col">Median to first touch</th>
              <th scope="col">Hand-offs</th>
              <th scope="col">SLA met</th>
            </tr>
          </thead>
          <tbody>
            {rows('Team', report.data.byTeam)}
            {rows('Rep', report.data.byOwner)}
          </tbody>
        </table>
      )}
    </section>
  );
}
