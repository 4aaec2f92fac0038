import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { canClaimLead } from '../../../src/contract/access.ts';
import { api, ifMatch } from '../api.ts';
import { LogCallDialog } from '../components/log-call-dialog.tsx';
import { EnrolDialog, stepLine } from '../components/cadence.tsx';
import { age, untouched } from '../components/durations.ts';
import { EmptyState, ErrorState, Loading } from '../components/states.tsx';
import { formatDateTime } from '../format.ts';
import { useActor } from '../permissions.ts';
import type { CallQueueItemDto } from '../types.ts';

const reasonLabels: Record<CallQueueItemDto['reason'], string> = {
  call_back_due: 'Call back due',
  sla: 'SLA running',
  cadence_step_due: 'Cadence step due',
  ready: 'Ready',
  cadence_later: 'Cadence step ahead',
  call_back_later: 'Call back later',
};

const personName = (l: CallQueueItemDto['lead']) => [l.firstName, l.lastName].filter(Boolean).join(' ');

/** Why the lead stands where it does, in words: the call back, SLA or cadence step time, else the score. */
function why(item: CallQueueItemDto): string {
  if (item.callBack) return `${reasonLabels[item.reason]} · ${formatDateTime(item.callBack.dueAt)}`;
  if (item.slaDueAt) return `${reasonLabels[item.reason]} · due ${formatDateTime(item.slaDueAt)}`;
  if (item.cadence?.dueAt && (item.reason === 'cadence_step_due' || item.reason === 'cadence_later'))
    return `${reasonLabels[item.reason]} · ${formatDateTime(item.cadence.dueAt)}`;
  return reasonLabels[item.reason];
}

/** Minutes as "12 min", "5 h", "3 d" (speed to lead). */
function minutesText(minutes: number): string {
  return age(new Date(0).toISOString(), minutes * 60_000);
}

/**
 * The inside-sales call queue: the signed-in user's open leads in the order the server ranks them
 * (due call backs, SLAs, score, age), with the unassigned leads they may claim marked among them.
 * "Call next" opens the call dialog on the first lead, claiming it first when it is unassigned; a
 * call ending in "call back later" proposes the call-back task, and the lead takes its new place.
 */
export function QueuePage() {
  const queryClient = useQueryClient();
  const actor = useActor();
  const [calling, setCalling] = useState<CallQueueItemDto | null>(null);
  const [claimError, setClaimError] = useState<string | null>(null);
  const [claiming, setClaiming] = useState<string | null>(null);
  const [enrolling, setEnrolling] = useState<CallQueueItemDto | null>(null);
  const [limit, setLimit] = useState(25);
  const queue = useQuery({
    queryKey: ['call-queue', limit],
    queryFn: () => api.get('/call-queue', { params: { query: { limit } } }),
  });
  const now = Date.now();
  const first = queue.data?.items.find((i) => i.reason !== 'call_back_later' && i.reason !== 'cadence_later') ?? null;
  const claimable = (item: CallQueueItemDto) =>
    item.unassigned !== null &&
    actor !== null &&
    canClaimLead(actor, {
      ownerId: item.lead.ownerId,
      status: item.lead.status,
      territoryMemberIds: item.unassigned.territoryId === null ? null : item.unassigned.territoryMemberIds,
    });
  /** Claims an unassigned lead (the server refuses with 409 when someone was first); then calls it when asked. */
  const claim = async (item: CallQueueItemDto, thenCall: boolean) => {
    setClaimError(null);
    setClaiming(item.lead.id);
    try {
      const lead = await api.post('/leads/{id}/claim', {
        params: { path: { id: item.lead.id }, header: ifMatch(item.lead.version) },
      });
      if (thenCall) setCalling({ ...item, lead, unassigned: null });
    } catch (err) {
      setClaimError(
        `Could not claim ${personName(item.lead)}: ${err instanceof Error ? err.message : 'the server refused'}`,
      );
    } finally {
      setClaiming(null);
      await queryClient.invalidateQueries({ queryKey: ['call-queue'] });
    }
  };
  const callNext = (item: CallQueueItemDto) => {
    if (item.unassigned) void claim(item, true);
    else setCalling(item);
  };
  const close = () => {
    setCalling(null);
    void queryClient.invalidateQueries({ queryKey: ['call-queue'] });
  };
  return (
    <section className="queue" data-testid="queue-page">
      <div className="toolbar">
        <h1>Call queue</h1>
        <button
          type="button"
          className="primary"
          disabled={!first || claiming !== null}
          onClick={() => first && callNext(first)}
        >
          {first ? `Call next: ${personName(first.lead)}${first.unassigned ? ' (claim)' : ''}` : 'Nobody to call now'}
        </button>
      </div>
      {claimError && (
        <p className="field-error" role="alert">
          {claimError}
        </p>
      )}
      {queue.data && queue.data.unassigned > 0 && (
        <p className="small" data-testid="unassigned-count">
          {queue.data.unassigned} unassigned {queue.data.unassigned === 1 ? 'lead' : 'leads'} you may claim{' '}
          {queue.data.unassigned === 1 ? 'is' : 'are'} in the queue, marked <span className="badge">unassigned</span>.
        </p>
      )}
      <p className="muted small">
        Call backs that have come due first, then leads with an SLA running, then due cadence calls, then the rest by
        score and age. Leads whose cadence step or call back is still ahead wait at the end.
      </p>
      {queue.isPending && <Loading />}
      {queue.isError && <ErrorState error={queue.error} what="the call queue" onRetry={() => void queue.refetch()} />}
      {queue.data && queue.data.items.length === 0 && (
        <EmptyState title="No open leads">New and working leads you own appear here, next to call first.</EmptyState>
      )}
      {queue.data && queue.data.items.length > 0 && (
        <table className="records" data-testid="call-queue">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Lead</th>
              <th scope="col">Why here</th>
              <th scope="col" className="num">
                Score
              </th>
              <th scope="col">Age</th>
              <th scope="col">Untouched</th>
              <th scope="col">Speed to lead</th>
              <th scope="col">Cadence</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {queue.data.items.map((item, i) => (
              <tr key={item.lead.id} data-lead={item.lead.lastName}>
                <td>{i + 1}</td>
                <td>
                  <Link to="/leads/$leadId" params={{ leadId: item.lead.id }}>
                    {personName(item.lead)}
                  </Link>
                  {item.lead.company && <span className="muted"> · {item.lead.company}</span>}
                  {item.unassigned && (
                    <div className="small">
                      <span className="badge" data-testid="unassigned">
                        unassigned
                      </span>
                      {item.unassigned.territoryName && (
                        <span className="muted"> · territory {item.unassigned.territoryName}</span>
                      )}
                    </div>
                  )}
                  {item.lead.phone && <div className="small muted">{item.lead.phone}</div>}
                </td>
                <td data-testid="queue-reason">{why(item)}</td>
                <td className="num">
                  {item.score === null ? '—' : Math.round(item.score)}
                  {item.grade && <span className="muted"> {item.grade}</span>}
                </td>
                <td title={formatDateTime(item.lead.createdAt)}>{age(item.lead.createdAt, now)}</td>
                <td
                  title={
                    item.lead.lastTouchedAt ? formatDateTime(item.lead.lastTouchedAt) : 'No call, email or meeting yet'
                  }
                >
                  {untouched(item.lead, now)}
                </td>
                <td title={item.firstCallAt ? `First call ${formatDateTime(item.firstCallAt)}` : 'Not called yet'}>
                  {item.minutesToFirstCall === null ? 'not called' : minutesText(item.minutesToFirstCall)}
                </td>
                <td data-testid="queue-cadence">
                  {item.cadence ? (
                    <>
                      <div className="small">{item.cadence.cadenceName}</div>
                      <div className="small muted">{stepLine(item.cadence)}</div>
                    </>
                  ) : item.unassigned ? (
                    <span className="small muted">claim it first</span>
                  ) : (
                    <button type="button" className="link" onClick={() => setEnrolling(item)}>
                      Enrol in cadence
                    </button>
                  )}
                </td>
                <td>
                  {item.unassigned ? (
                    claimable(item) && (
                      <button type="button" disabled={claiming !== null} onClick={() => void claim(item, false)}>
                        Claim
                      </button>
                    )
                  ) : (
                    <button type="button" onClick={() => setCalling(item)}>
                      Call
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {queue.data?.nextCursor && (
        <p className="small">
          {queue.data.items.length} of {queue.data.total} shown.{' '}
          <button type="button" onClick={() => setLimit((l) => Math.min(200, l + 25))}>
            Show more
          </button>
        </p>
      )}
      {enrolling && (
        <EnrolDialog
          leadId={enrolling.lead.id}
          name={personName(enrolling.lead)}
          onClose={() => setEnrolling(null)}
          onEnrolled={() => void queryClient.invalidateQueries({ queryKey: ['call-queue'] })}
        />
      )}
      {calling && (
        <LogCallDialog
          target={{ leadId: calling.lead.id, name: personName(calling.lead) }}
          onClose={close}
          onLogged={() => void queryClient.invalidateQueries({ queryKey: ['call-queue'] })}
        />
      )}
    </section>
  );
}
