import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { api, ApiError } from '../api.ts';
import { formatDateTime } from '../format.ts';
import type { ApprovalDto } from '../held.ts';
import { problemText } from '../components/form-errors.ts';
import { usersQuery } from '../queries.ts';

type Tab = 'mine' | 'pending' | 'decided';

const approvalsQuery = (tab: Tab) => ({
  queryKey: ['approvals', tab],
  queryFn: () =>
    api.get('/approvals', {
      params: {
        query:
          tab === 'mine'
            ? { mine: 'true', limit: 100 }
            : { status: tab === 'pending' ? 'pending' : undefined, limit: 100 },
      },
    }),
});

/** The held change in words: each field it sets (lines counted, with their discounts). */
function changeText(a: ApprovalDto): string {
  if (a.action === 'move_stage') return 'Stage move';
  return Object.entries(a.change)
    .map(([k, v]) => {
      if (k === 'lineItems' && Array.isArray(v)) {
        const discounts = (v as unknown[])
          .map((l) => {
            const d =
              typeof l === 'object' && l !== null ? (l as { discountPercent?: unknown }).discountPercent : undefined;
            return typeof d === 'string' ? d : '0';
          })
          .join('%, ');
        return `line items: ${v.length} (discounts ${discounts}%)`;
      }
      return `${k}: ${v === null ? 'none' : typeof v === 'string' ? v : JSON.stringify(v)}`;
    })
    .join('; ');
}

function Decide({ approval }: { approval: ApprovalDto }) {
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const decide = async (decision: 'approve' | 'reject') => {
    setBusy(true);
    setError(null);
    try {
      await api.post('/approvals/{id}/decision', {
        params: { path: { id: approval.id } },
        body: { decision, ...(note.trim() ? { note: note.trim() } : {}) },
      });
      await queryClient.invalidateQueries({ queryKey: ['approvals'] });
      await queryClient.invalidateQueries({ queryKey: ['deal', approval.dealId] });
    } catch (err) {
      setError(
        err instanceof ApiError && err.code === 'version_conflict'
          ? 'The deal changed after this was asked for, so it cannot be applied as asked. Reject it and ask again.'
          : problemText(err),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="decide">
      <label>
        Note
        <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={2} maxLength={2000} />
      </label>
      <div className="actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void decide('approve')}>
          Approve
        </button>
        <button type="button" disabled={busy} onClick={() => void decide('reject')}>
          Reject
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

type Approver = ApprovalDto['approvers'][number];
const approverText = (a: Approver): string => (a.kind === 'user' ? a.name : `any ${a.role}`);

/** Who the pending approval waits on now, since when, and when it goes to the approver above. */
function Waiting({ approval }: { approval: ApprovalDto }) {
  const current = approval.approvers[approval.step];
  if (approval.status !== 'pending' || !current) return null;
  return (
    <p className="small" data-testid="approval-waiting">
      Waiting on <strong>{approverText(current)}</strong> since {formatDateTime(approval.stepStartedAt)}
      {approval.escalatesAt
        ? `; escalates to the approver above on ${formatDateTime(approval.escalatesAt)}`
        : approval.escalation
          ? '; nobody above to escalate to'
          : ''}
    </p>
  );
}

function ApprovalCard({ approval, nameOf }: { approval: ApprovalDto; nameOf: (id: string) => string }) {
  return (
    <li className="card approval" data-testid="approval">
      <h3>
        <Link to="/deals/$dealId" params={{ dealId: approval.dealId }}>
          {approval.dealName}
        </Link>{' '}
        <span className={`badge ${approval.status}`}>{approval.status}</span>
      </h3>
      <p className="small muted">
        Asked by {nameOf(approval.requestedBy)} on {formatDateTime(approval.createdAt)}
      </p>
      <p data-testid="approval-change">{changeText(approval)}</p>
      <ul className="reasons">
        {approval.reasons.map((r) => (
          <li key={`${r.ruleId}${r.message}`}>{r.message}</li>
        ))}
      </ul>
      <ol className="approvers small">
        {approval.approvers.map((a, i) => {
          const decision = approval.decisions.find((d) => d.step === i);
          const who = approverText(a);
          return (
            <li key={i} className={approval.status === 'pending' && i === approval.step ? 'current' : undefined}>
              {who}
              {decision
                ? `: ${decision.decision} by ${nameOf(decision.userId)}${decision.note ? ` (“${decision.note}”)` : ''}`
                : approval.status === 'pending' && i === approval.step
                  ? ': waiting'
                  : ''}
            </li>
          );
        })}
      </ol>
      <Waiting approval={approval} />
      {approval.escalations.length > 0 && (
        <ul className="escalations small muted" data-testid="approval-escalations">
          {approval.escalations.map((e) => (
            <li key={`${e.step}${e.at}`}>
              Step {e.step + 1} escalated from {approverText(e.from)} to {approverText(e.to)} on {formatDateTime(e.at)}{' '}
              (not decided in time)
            </li>
          ))}
        </ul>
      )}
      {approval.canDecide && <Decide approval={approval} />}
    </li>
  );
}

/**
 * The approvals inbox: changes waiting for the user's decision (approve or reject with a note, in
 * the approvers' order), and the approvals the user may see: their own requests, their team's.
 */
export function ApprovalsPage() {
  const [tab, setTab] = useState<Tab>('mine');
  const list = useQuery(approvalsQuery(tab));
  const users = useQuery(usersQuery).data ?? [];
  const nameOf = (id: string) => users.find((u) => u.id === id)?.name ?? 'someone';
  const tabs: [Tab, string][] = [
    ['mine', 'Waiting for me'],
    ['pending', 'All pending'],
    ['decided', 'All'],
  ];
  return (
    <section className="page approvals-page">
      <h1>Approvals</h1>
      <div className="tabs" role="tablist">
        {tabs.map(([t, label]) => (
          <button key={t} type="button" role="tab" aria-selected={tab === t} onClick={() => setTab(t)}>
            {label}
          </button>
        ))}
      </div>
      {list.isPending && <p className="muted">Loading approvals…</p>}
      {list.isError && <p className="error">{list.error.message}</p>}
      {list.data && list.data.items.length === 0 && (
        <p className="muted" data-testid="approvals-empty">
          {tab === 'mine' ? 'Nothing waits for your decision.' : 'No approvals.'}
        </p>
      )}
      <ul className="approval-list">
        {list.data?.items.map((a) => (
          <ApprovalCard key={a.id} approval={a} nameOf={nameOf} />
        ))}
      </ul>
    </section>
  );
}
