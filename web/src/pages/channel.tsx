import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { canManageChannel, canOfferLeads } from '../../../src/contract/access.ts';
import { registerDealSchema } from '../../../src/contract/channel.ts';
import { api, ifMatch, type ApiData } from '../api.ts';
import { DealLink } from '../components/record-links.tsx';
import { formatDate, formatDateTime, formatMoney } from '../format.ts';
import { nameOf, usersQuery } from '../queries.ts';
import { useActor } from '../permissions.ts';
import { Field, FormError, useSubmit } from './admin/form.tsx';
import { ChannelBreakdown } from './channel-breakdown.tsx';
import { FundsQueue, PartnerFunds } from './channel-funds.tsx';
import { LeadDistribution, OfferedLeads } from './channel-leads.tsx';
import { DistributorLinks, ProtectionWhatIf, ResellerWork, useResellerLinks } from './channel-two-tier.tsx';

type Registration = ApiData<'get', '/registrations'>['items'][number];
type Conflict = ApiData<'get', '/channel-conflicts'>['items'][number];
type CheckResult = ApiData<'post', '/registrations/check'>;

const REGISTRATIONS = ['registrations'];
const CONFLICTS = ['channel-conflicts'];

const statusLabels: Record<Registration['status'], string> = {
  pending: 'Pending',
  approved: 'Approved',
  rejected: 'Rejected',
  expired: 'Expired',
};

const percent = (n: number | null) => (n === null ? '—' : `${Math.round(n * 100)} %`);
const days = (n: number | null) => (n === null ? '—' : `${n.toFixed(1)} business days`);

/** The channel: a partner's portal, or the channel manager's queue of registrations and conflicts. */
export function ChannelPage() {
  const actor = useActor();
  if (!actor) return <p className="muted">Loading…</p>;
  if (actor.role === 'partner') return <PartnerPortal />;
  return <ChannelManagerView canDecide={canManageChannel(actor)} canOffer={canOfferLeads(actor)} />;
}

function useRegistrations() {
  return useQuery({
    queryKey: REGISTRATIONS,
    queryFn: async () => (await api.get('/registrations', { params: { query: { limit: 200 } } })).items,
  });
}

function Window({ r }: { r: Registration }) {
  if (r.status === 'approved')
    return (
      <span data-testid="protection-window">
        protected until {formatDate(r.protectedUntil)} ({r.protectionDays} days)
      </span>
    );
  if (r.status === 'rejected') return <span>{r.rejectionReason}</span>;
  if (r.status === 'expired') return <span>protection ended {formatDate(r.protectedUntil)}</span>;
  return (
    <span className={r.slaBreached ? 'field-error' : 'muted'}>
      waiting {r.approvalBusinessDays} business day(s){r.slaBreached ? ', past the approval SLA' : ''}
      {r.escalatedAt && (
        <>
          {' '}
          <strong className="badge lost" data-testid="overdue">
            Overdue: escalated to the admins {formatDateTime(r.escalatedAt)}
          </strong>
        </>
      )}
    </span>
  );
}

// ---- Partner portal ----

function PartnerPortal() {
  const actor = useActor();
  const registrations = useRegistrations();
  // A distributor also reads its resellers' registrations: those show under its resellers.
  const mine = (registrations.data ?? []).filter((r) => r.partnerAccountId === actor?.partnerAccountId);
  const scorecard = useQuery({ queryKey: ['channel', 'scorecard'], queryFn: () => api.get('/channel/scorecard') });
  const deals = useQuery({
    queryKey: ['deals', 'partner-portal'],
    queryFn: async () =>
      (await api.get('/deals', { params: { query: { limit: 50, sort: 'updated_at', order: 'desc' } } })).items,
  });
  const users = useQuery(usersQuery);
  return (
    <>
      <h1>Partner portal</h1>
      {scorecard.data && (
        <section className="card" aria-label="Scorecard" data-testid="scorecard">
          <h2>Scorecard</h2>
          <p>
            {scorecard.data.registered} registrations · {scorecard.data.pending} pending · {scorecard.data.approved}{' '}
            approved · approval time {days(scorecard.data.meanApprovalBusinessDays)} · win rate{' '}
            {percent(scorecard.data.winRate)} · revenue {formatMoney(scorecard.data.revenueWon)}
          </p>
        </section>
      )}
      <OfferedLeads />
      <RegisterForm />
      <ResellerWork />
      <section className="card" aria-label="My registrations">
        <h2>My registrations</h2>
        {registrations.isPending ? (
          <p className="muted">Loading…</p>
        ) : registrations.isError ? (
          <p className="error">{registrations.error.message}</p>
        ) : mine.length === 0 ? (
          <p className="muted">No registrations yet. Register a deal to protect it.</p>
        ) : (
          (['pending', 'approved', 'rejected', 'expired'] as const).map((status) => {
            const rows = mine.filter((r) => r.status === status);
            if (rows.length === 0) return null;
            return (
              <div key={status} data-testid={`registrations-${status}`}>
                <h3>
                  {statusLabels[status]} ({rows.length})
                </h3>
                <ul>
                  {rows.map((r) => (
                    <li key={r.id} data-testid="registration">
                      <strong>{r.customerName}</strong> {r.amount ? formatMoney(r.amount, r.currency) : ''} · registered{' '}
                      {formatDateTime(r.registeredAt)} · <Window r={r} />
                      {r.dealId && (
                        <>
                          {' '}
                          · <DealLink id={r.dealId} />
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              </div>
            );
          })
        )}
      </section>
      <section className="card" aria-label="My deals">
        <h2>My deals</h2>
        {deals.data && deals.data.length === 0 && <p className="muted">No deals yet.</p>}
        <ul>
          {(deals.data ?? []).map((d) => (
            <li key={d.id}>
              <DealLink id={d.id} /> · {d.status} · {d.amount ? formatMoney(d.amount, d.currency) : '—'} · owner{' '}
              {nameOf(users.data, d.ownerId)}
            </li>
          ))}
        </ul>
      </section>
      <PartnerFunds />
    </>
  );
}

function RegisterForm() {
  const queryClient = useQueryClient();
  const actor = useActor();
  const { errors, error, busy, run } = useSubmit();
  const [form, setForm] = useState({
    customerName: '',
    customerDomain: '',
    amount: '',
    expectedCloseDate: '',
    distributor: '',
  });
  // Two-tier: the distributors that serve this partner; with one it is chosen, with several the partner names one.
  const links = useResellerLinks();
  const distributors = (links.data ?? []).filter((l) => l.resellerAccountId === actor?.partnerAccountId);
  const [checked, setChecked] = useState<{ key: string; result: CheckResult } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const input = {
    customerName: form.customerName,
    customerDomain: form.customerDomain.trim() || null,
    amount: form.amount.trim() || null,
    expectedCloseDate: form.expectedCloseDate || null,
    ...(distributors.length === 0
      ? {}
      : { distributorAccountId: form.distributor === 'none' ? null : form.distributor || undefined }),
  };
  const key = JSON.stringify([input.customerName.trim().toLowerCase(), input.customerDomain]);
  const warned = checked?.key === key ? checked.result : null;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    // The duplicate warning comes before the registration: a first submit checks, a second registers.
    if (!warned) {
      const result = await run(registerDealSchema, input, (v) =>
        api.post('/registrations/check', {
          body: { customerName: v.customerName, customerDomain: v.customerDomain ?? null },
        }),
      );
      if (!result) return;
      setChecked({ key, result });
      if (result.matches.length > 0) return;
    }
    const created = await run(registerDealSchema, input, (v) => api.post('/registrations', { body: v }));
    if (!created) return;
    setForm({ customerName: '', customerDomain: '', amount: '', expectedCloseDate: '', distributor: '' });
    setChecked(null);
    setDone(`Registered ${created.customerName}: pending approval.`);
    await queryClient.invalidateQueries({ queryKey: REGISTRATIONS });
    await queryClient.invalidateQueries({ queryKey: ['channel', 'scorecard'] });
  };
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [k]: e.target.value }));
  return (
    <section className="card" aria-label="Register a deal">
      <h2>Register a deal</h2>
      <form onSubmit={(e) => void onSubmit(e)} className="admin-form">
        <Field label="Customer" error={errors.customerName}>
          <input value={form.customerName} onChange={set('customerName')} required />
        </Field>
        <Field label="Customer domain" error={errors.customerDomain}>
          <input value={form.customerDomain} onChange={set('customerDomain')} placeholder="example.com" />
        </Field>
        <Field label="Amount" error={errors.amount}>
          <input value={form.amount} onChange={set('amount')} inputMode="decimal" />
        </Field>
        <Field label="Expected close" error={errors.expectedCloseDate}>
          <input type="date" value={form.expectedCloseDate} onChange={set('expectedCloseDate')} />
        </Field>
        {distributors.length > 0 && (
          <Field label="Distributor" error={errors.distributorAccountId}>
            <select value={form.distributor} onChange={set('distributor')}>
              <option value="">
                {distributors.length === 1 ? distributors[0]?.distributorName : 'Choose your distributor…'}
              </option>
              {distributors.length > 1 &&
                distributors.map((l) => (
                  <option key={l.distributorAccountId} value={l.distributorAccountId}>
                    {l.distributorName}
                  </option>
                ))}
              <option value="none">No distributor</option>
            </select>
          </Field>
        )}
        {warned && warned.matches.length > 0 && (
          <div role="alert" className="warning" data-testid="duplicate-warning">
            This customer may already be registered or worked:
            <ul>
              {warned.matches.map((m, i) => (
                <li key={i}>
                  a {m.kind === 'deal' ? 'deal' : 'registration'}: {m.reasons.map((r) => r.detail).join('; ')}
                </li>
              ))}
            </ul>
            Register anyway and the channel manager decides.
          </div>
        )}
        <FormError error={error} />
        <button type="submit" disabled={busy}>
          {warned && warned.matches.length > 0 ? 'Register anyway' : 'Register'}
        </button>
        {done && (
          <p role="status" className="muted">
            {done}
          </p>
        )}
      </form>
    </section>
  );
}

// ---- Channel manager ----

function ChannelManagerView({ canDecide, canOffer }: { canDecide: boolean; canOffer: boolean }) {
  const pending = useQuery({
    queryKey: [...REGISTRATIONS, 'pending'],
    queryFn: async () =>
      (await api.get('/registrations', { params: { query: { status: 'pending', limit: 200 } } })).items,
  });
  const conflicts = useQuery({
    queryKey: CONFLICTS,
    queryFn: async () =>
      (await api.get('/channel-conflicts', { params: { query: { status: 'open', limit: 200 } } })).items,
  });
  const analytics = useQuery({ queryKey: ['channel', 'analytics'], queryFn: () => api.get('/channel/analytics') });
  return (
    <>
      <h1>Channel</h1>
      {analytics.data && (
        <section className="card" aria-label="Channel numbers">
          <h2>Partner funnel</h2>
          <p>
            {analytics.data.funnel.registered} registered → {analytics.data.funnel.approved} approved →{' '}
            {analytics.data.funnel.won} won · conflict rate {percent(analytics.data.overall.conflictRate)} · approval
            time {days(analytics.data.overall.meanApprovalBusinessDays)} · partner win rate{' '}
            {percent(analytics.data.channelVsDirect.partner.winRate)} vs direct{' '}
            {percent(analytics.data.channelVsDirect.direct.winRate)}
          </p>
        </section>
      )}
      {analytics.data && <ChannelBreakdown analytics={analytics.data} />}
      <section className="card" aria-label="Conflicts to resolve">
        <h2>Conflicts to resolve</h2>
        {conflicts.data?.length === 0 && <p className="muted">No open conflicts.</p>}
        <ul>
          {(conflicts.data ?? []).map((c) => (
            <ConflictItem key={c.id} c={c} canDecide={canDecide} />
          ))}
        </ul>
      </section>
      <section className="card" aria-label="Pending registrations">
        <h2>Pending registrations</h2>
        {pending.data?.length === 0 && <p className="muted">Nothing waiting for approval.</p>}
        <ul>
          {(pending.data ?? []).map((r) => (
            <PendingItem key={r.id} r={r} canDecide={canDecide} />
          ))}
        </ul>
      </section>
      <ProtectionWhatIf />
      <DistributorLinks canLink={canDecide} />
      <LeadDistribution canOffer={canOffer} />
      <FundsQueue canSetBudgets={canDecide} />
    </>
  );
}

const partyLabel = (p: Conflict['evidence']['subject']) =>
  `${p.kind === 'deal' ? `${p.channel} deal` : 'registration'} "${p.customerName}" since ${formatDateTime(p.since)}`;

function ConflictItem({ c, canDecide }: { c: Conflict; canDecide: boolean }) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const resolve = async (winner: 'subject' | 'match' | 'shared') => {
    setError(null);
    try {
      await api.post('/channel-conflicts/{id}/resolve', {
        params: { path: { id: c.id }, header: ifMatch(c.version) },
        body: { winner },
      });
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Could not resolve.');
    }
    await queryClient.invalidateQueries({ queryKey: CONFLICTS });
    await queryClient.invalidateQueries({ queryKey: REGISTRATIONS });
  };
  const suggested =
    c.suggestedWinner === 'undecided'
      ? 'undecided'
      : `${c.suggestedWinner === 'subject' ? 'the newer' : 'the earlier'} party`;
  return (
    <li data-testid="conflict">
      <p>
        <strong>{partyLabel(c.evidence.subject)}</strong> conflicts with <strong>{partyLabel(c.evidence.match)}</strong>
      </p>
      <p className="muted small">
        Why: {c.reasons.map((r) => r.detail).join('; ')}. Earlier events: {c.evidence.subjectEvents.length} vs{' '}
        {c.evidence.matchEvents.length}. Policy {c.policy.replace(/_/g, ' ')} suggests {suggested}.
      </p>
      {canDecide && (
        <p>
          <button type="button" onClick={() => void resolve('subject')}>
            Newer party keeps it
          </button>{' '}
          <button type="button" onClick={() => void resolve('match')}>
            Earlier party keeps it
          </button>{' '}
          <button type="button" onClick={() => void resolve('shared')}>
            Share
          </button>
        </p>
      )}
      {error && <p className="field-error">{error}</p>}
    </li>
  );
}

function PendingItem({ r, canDecide }: { r: Registration; canDecide: boolean }) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const act = async (what: 'approve' | 'reject') => {
    setError(null);
    try {
      if (what === 'approve')
        await api.post('/registrations/{id}/approve', {
          params: { path: { id: r.id }, header: ifMatch(r.version) },
          body: {},
        });
      else
        await api.post('/registrations/{id}/reject', {
          params: { path: { id: r.id }, header: ifMatch(r.version) },
          body: { reason },
        });
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Could not save.');
    }
    await queryClient.invalidateQueries({ queryKey: REGISTRATIONS });
  };
  return (
    <li data-testid="pending-registration">
      <strong>{r.customerName}</strong> by {r.partnerName}
      {r.distributorName ? ` through ${r.distributorName}` : ''} · {r.amount ? formatMoney(r.amount, r.currency) : '—'}{' '}
      · <Window r={r} />
      {r.openConflicts > 0 && <span className="field-error"> · {r.openConflicts} open conflict(s)</span>}
      {canDecide && (
        <span>
          {' '}
          <button type="button" disabled={r.openConflicts > 0} onClick={() => void act('approve')}>
            Approve
          </button>{' '}
          <input
            aria-label={`Reason to reject ${r.customerName}`}
            placeholder="reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />{' '}
          <button type="button" disabled={reason.trim() === ''} onClick={() => void act('reject')}>
            Reject
          </button>
        </span>
      )}
      {error && <p className="field-error">{error}</p>}
    </li>
  );
}
