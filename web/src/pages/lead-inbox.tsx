import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import type { ConvertLeadResult, LeadDto, LeadStatus } from '../types.ts';
import { api, ApiError, getAll, ifMatch } from '../api.ts';
import { ConvertLeadDialog } from '../components/convert-lead-dialog.tsx';
import { age, untouched } from '../components/durations.ts';
import { DisqualifyDialog } from '../components/disqualify-dialog.tsx';
import { EmptyState, ErrorState, Loading } from '../components/states.tsx';
import { sessionQuery } from '../session.ts';
import { formatDateTime } from '../format.ts';
import { problemText } from '../components/form-errors.ts';
import { HandoffsPanel } from './handoffs.tsx';
import { handoffScope } from '../../../src/contract/access.ts';
import { useActor } from '../permissions.ts';

type Tab = 'open' | LeadStatus;
const tabs: { id: Tab; label: string }[] = [
  { id: 'open', label: 'All open' },
  { id: 'new', label: 'New' },
  { id: 'working', label: 'Working' },
  { id: 'qualified', label: 'Qualified' },
  { id: 'disqualified', label: 'Disqualified' },
  { id: 'converted', label: 'Converted' },
];
const openStatuses: LeadStatus[] = ['new', 'working', 'qualified'];

/** The inside-sales inbox: my open leads by status, oldest first, worked from one screen. */
export function LeadInboxPage() {
  const session = useQuery(sessionQuery).data;
  const actor = useActor();
  const queryClient = useQueryClient();
  const [tab, setTab] = useState<Tab>('open');
  const [mine, setMine] = useState(true);
  const [converting, setConverting] = useState<LeadDto | null>(null);
  const [disqualifying, setDisqualifying] = useState<LeadDto | null>(null);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string; converted?: ConvertLeadResult } | null>(
    null,
  );
  const [busy, setBusy] = useState<string | null>(null);
  const ownerId = mine ? session?.user.id : undefined;

  const open = useQuery({
    queryKey: ['leads', 'inbox', 'open', ownerId ?? 'all'],
    queryFn: () => getAll('/leads', { query: { status: openStatuses, ownerId, sort: 'created_at', order: 'asc' } }, 5),
  });
  const closed = useQuery({
    queryKey: ['leads', 'inbox', 'closed', tab, ownerId ?? 'all'],
    queryFn: () =>
      api.get('/leads', {
        params: {
          query: {
            status: tab === 'open' ? openStatuses : [tab],
            ownerId,
            sort: 'updated_at',
            order: 'desc',
            limit: 50,
          },
        },
      }),
    enabled: tab === 'disqualified' || tab === 'converted',
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['leads'] });

  /** PATCH the lead's status; a stale version reloads the list and says so. */
  const setStatus = async (lead: LeadDto, status: Exclude<LeadStatus, 'converted'>, disqualifiedReason?: string) => {
    setBusy(lead.id);
    setNotice(null);
    try {
      await api.patch('/leads/{id}', {
        params: { path: { id: lead.id }, header: ifMatch(lead.version) },
        body: { status, ...(disqualifiedReason ? { disqualifiedReason } : {}) },
      });
      setNotice({ kind: 'ok', text: `${nameOf(lead)}: ${status}` });
      setDisqualifying(null);
    } catch (err) {
      const conflict = err instanceof ApiError && err.code === 'version_conflict';
      setNotice({
        kind: 'error',
        text: conflict
          ? `${nameOf(lead)} was changed by someone else meanwhile; the list was reloaded, try again.`
          : problemText(err),
      });
    } finally {
      setBusy(null);
      await refresh();
    }
  };

  const counts = Object.fromEntries(openStatuses.map((s) => [s, open.data?.filter((l) => l.status === s).length ?? 0]));
  const closedTab = tab === 'disqualified' || tab === 'converted';
  const rows = closedTab ? closed.data?.items : open.data?.filter((l) => tab === 'open' || l.status === tab);
  const state = closedTab ? closed : open;

  return (
    <section className="inbox">
      <div className="toolbar">
        <h1>Lead inbox</h1>
        <label className="inline">
          <input type="checkbox" checked={mine} onChange={(e) => setMine(e.target.checked)} /> Only my leads
        </label>
      </div>
      {actor && handoffScope(actor, 'read').kind !== 'none' && <HandoffsPanel ownerId={ownerId} />}
      <div role="tablist" aria-label="Lead status" className="tabs">
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            className={tab === t.id ? 'active' : ''}
            onClick={() => setTab(t.id)}
          >
            {t.label}
            {t.id === 'open' && open.data ? ` (${open.data.length})` : t.id in counts ? ` (${counts[t.id]})` : ''}
          </button>
        ))}
      </div>
      {notice && (
        <div
          className={`notice ${notice.kind}`}
          role={notice.kind === 'error' ? 'alert' : 'status'}
          data-testid="inbox-notice"
        >
          {notice.text}
          {notice.converted?.deal && (
            <>
              {' '}
              <Link to="/deals/$dealId" params={{ dealId: notice.converted.deal.id }}>
                Open the deal “{notice.converted.deal.name}”
              </Link>
            </>
          )}
        </div>
      )}
      {state.isPending && state.fetchStatus !== 'idle' && <Loading>Loading leads…</Loading>}
      {state.isError && <ErrorState error={state.error} what="the leads" onRetry={() => void state.refetch()} />}
      {rows && rows.length === 0 && (
        <EmptyState title={tab === 'open' || openStatuses.includes(tab) ? 'Inbox zero' : `No ${tab} leads`}>
          {mine
            ? 'No leads assigned to you here. Untick “Only my leads” to see the others you can work, or ask your manager to route leads to you.'
            : 'Leads appear here as they come in (POST /api/v1/leads or an import).'}
        </EmptyState>
      )}
      {rows && rows.length > 0 && (
        <div className="table-wrap">
          <table className="lines inbox-table" data-testid="lead-inbox">
            <thead>
              <tr>
                <th scope="col">Lead</th>
                <th scope="col">Company</th>
                <th scope="col">Source</th>
                <th scope="col">Status</th>
                <th scope="col">Age</th>
                <th scope="col">Untouched</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((l) => (
                <tr
                  key={l.id}
                  data-testid={`lead-${l.lastName}`}
                  className={
                    l.status === 'new' && Date.now() - Date.parse(l.createdAt) > 48 * 3600_000 ? 'stale' : undefined
                  }
                >
                  <td>
                    <strong>{nameOf(l)}</strong>
                    <div className="small muted">{[l.title, l.email, l.phone].filter(Boolean).join(' · ')}</div>
                  </td>
                  <td>{l.company ?? <span className="muted">—</span>}</td>
                  <td>{l.source ?? <span className="muted">—</span>}</td>
                  <td>
                    <span className="badge">{l.status}</span>
                    {l.disqualifiedReason && <div className="small muted">{l.disqualifiedReason}</div>}
                  </td>
                  <td title={formatDateTime(l.createdAt)}>{age(l.createdAt, Date.now())}</td>
                  <td title={l.lastTouchedAt ? formatDateTime(l.lastTouchedAt) : 'No call, email or meeting yet'}>
                    {untouched(l, Date.now())}
                  </td>
                  <td className="row-actions">
                    {l.status === 'new' && (
                      <button type="button" disabled={busy === l.id} onClick={() => void setStatus(l, 'working')}>
                        Start working
                      </button>
                    )}
                    {(l.status === 'new' || l.status === 'working') && (
                      <button type="button" disabled={busy === l.id} onClick={() => void setStatus(l, 'qualified')}>
                        Qualify
                      </button>
                    )}
                    {openStatuses.includes(l.status) && (
                      <>
                        <button type="button" disabled={busy === l.id} onClick={() => setDisqualifying(l)}>
                          Disqualify
                        </button>
                        <button
                          type="button"
                          className="primary"
                          disabled={busy === l.id}
                          onClick={() => setConverting(l)}
                        >
                          Convert
                        </button>
                      </>
                    )}
                    {l.status === 'disqualified' && (
                      <button type="button" disabled={busy === l.id} onClick={() => void setStatus(l, 'working')}>
                        Reopen
                      </button>
                    )}
                    {l.status === 'converted' && l.convertedDealId && (
                      <Link to="/deals/$dealId" params={{ dealId: l.convertedDealId }}>
                        Deal
                      </Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {disqualifying && (
        <DisqualifyDialog
          lead={disqualifying}
          busy={busy === disqualifying.id}
          onClose={() => setDisqualifying(null)}
          onConfirm={(reason) => setStatus(disqualifying, 'disqualified', reason)}
        />
      )}
      {converting && (
        <ConvertLeadDialog
          lead={converting}
          onClose={() => setConverting(null)}
          onConverted={(r) => {
            setConverting(null);
            setNotice({
              kind: 'ok',
              text: `Converted ${nameOf(converting)}${r.account ? ` to ${r.account.name}` : ''}.`,
              converted: r,
            });
            void refresh();
          }}
        />
      )}
    </section>
  );
}

function nameOf(l: LeadDto): string {
  return [l.firstName, l.lastName].filter(Boolean).join(' ');
}
