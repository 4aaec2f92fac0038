import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from '../api.ts';
import { formatDuration } from './durations.ts';
import { isTyping } from './keys.ts';
import { categoryLabels } from './objection-fields.tsx';
import { LogCallDialog, type CallTarget } from './log-call-dialog.tsx';
import { EmptyState, ErrorState, Loading } from './states.tsx';
import { formatDateTime } from '../format.ts';

const durationOf = (s: number | null) => (s === null ? '' : ` · ${formatDuration(s)}`);

/** A "Log a call" button (shortcut: c) and the dialog it opens. */
export function LogCallButton({ target, onLogged }: { target: CallTarget; onLogged?: () => void }) {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'c' || e.ctrlKey || e.metaKey || e.altKey || isTyping(e) || document.querySelector('[role=dialog]'))
        return;
      e.preventDefault();
      setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      <button type="button" className="primary" onClick={() => setOpen(true)} aria-keyshortcuts="c">
        Log a call
      </button>
      {open && <LogCallDialog target={target} onClose={() => setOpen(false)} onLogged={onLogged} />}
    </>
  );
}

/** The deal's calls and other activities, newest first, with the objections raised on each. */
export function DealCalls({ dealId, dealName }: { dealId: string; dealName: string }) {
  const activities = useQuery({
    queryKey: ['activities', 'deal', dealId],
    queryFn: () =>
      api.get('/activities', { params: { query: { dealId, sort: 'occurred_at', order: 'desc', limit: 20 } } }),
  });
  const objections = useQuery({
    queryKey: ['deal', dealId, 'objections'],
    queryFn: () => api.get('/deals/{id}/objections', { params: { path: { id: dealId }, query: { limit: 200 } } }),
  });
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <section className="card deal-calls" aria-labelledby="deal-calls-title">
      <div className="card-head">
        <h2 id="deal-calls-title">Calls and activities</h2>
        <LogCallButton target={{ dealId, name: dealName }} onLogged={() => setNotice('Call logged.')} />
      </div>
      {notice && (
        <p className="notice ok" role="status">
          {notice}
        </p>
      )}
      {activities.isPending && <Loading />}
      {activities.isError && (
        <ErrorState error={activities.error} what="the activities" onRetry={() => void activities.refetch()} />
      )}
      {activities.data && activities.data.items.length === 0 && (
        <EmptyState title="No calls yet">Log the first one with “Log a call” (or press c).</EmptyState>
      )}
      {activities.data && activities.data.items.length > 0 && (
        <ul className="activities" data-testid="deal-activities">
          {activities.data.items.map((a) => (
            <li key={a.id} data-testid="activity">
              <div>
                <strong>
                  {a.type === 'call' ? `${a.direction === 'inbound' ? 'Inbound' : 'Outbound'} call` : a.type}
                </strong>
                {a.disposition && <span className="badge">{a.disposition.replace(/_/g, ' ')}</span>}
                <span className="small muted">
                  {' '}
                  {formatDateTime(a.occurredAt, '')}
                  {durationOf(a.durationSeconds)}
                </span>
              </div>
              {a.body && <p className="small">{a.body}</p>}
              <ul className="small raised">
                {(objections.data?.items ?? [])
                  .filter((o) => o.activityId === a.id)
                  .map((o) => (
                    <li key={o.id}>
                      <span className={`badge ${o.outcome === 'resolved' ? 'won' : 'lost'}`}>{o.outcome}</span>{' '}
                      {categoryLabels[o.category]}
                      {o.objectionTitle ? ` (${o.objectionTitle})` : ''}: “{o.buyerWords}”
                      {o.responseUsed ? ` → ${o.responseUsed}` : ''}
                    </li>
                  ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
