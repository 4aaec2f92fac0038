import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { offerLeadSchema } from '../../../src/contract/partner-leads.ts';
import { api, ifMatch, type ApiData } from '../api.ts';
import { formatDateTime } from '../format.ts';
import { Field, FormError, useSubmit } from './admin/form.tsx';

type Offer = ApiData<'get', '/lead-offers'>['items'][number];

const OFFERS = ['lead-offers'];

const personOf = (o: Offer) =>
  [o.lead.firstName, o.lead.lastName].filter(Boolean).join(' ') + (o.lead.company ? ` (${o.lead.company})` : '');

function useOffers(status?: Offer['status']) {
  return useQuery({
    queryKey: [...OFFERS, status ?? 'all'],
    queryFn: async () =>
      (await api.get('/lead-offers', { params: { query: { limit: 200, ...(status ? { status } : {}) } } })).items,
  });
}

// ---- Partner portal ----

/** The partner's leads: offers waiting for an answer (accept or decline before the time limit) and the leads it works. */
export function OfferedLeads() {
  const offered = useOffers('offered');
  const accepted = useOffers('accepted');
  return (
    <section className="card" aria-label="Leads offered">
      <h2>Leads offered</h2>
      {offered.isError && <p className="error">{offered.error.message}</p>}
      {offered.data?.length === 0 && <p className="muted">No leads waiting for your answer.</p>}
      <ul>
        {(offered.data ?? []).map((o) => (
          <OfferItem key={o.id} o={o} />
        ))}
      </ul>
      <h3>Leads you work</h3>
      {accepted.data?.length === 0 && <p className="muted">None yet: accept an offered lead to work it.</p>}
      <ul>
        {(accepted.data ?? []).map((o) => (
          <li key={o.id} data-testid="accepted-lead">
            <strong>{personOf(o)}</strong>
            {o.lead.title ? ` · ${o.lead.title}` : ''} · {o.lead.email ?? 'no email'} · {o.lead.phone ?? 'no phone'} ·
            accepted {formatDateTime(o.respondedAt)}
          </li>
        ))}
      </ul>
    </section>
  );
}

function OfferItem({ o }: { o: Offer }) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const act = async (what: 'accept' | 'decline') => {
    setError(null);
    try {
      if (what === 'accept')
        await api.post('/lead-offers/{id}/accept', { params: { path: { id: o.id }, header: ifMatch(o.version) } });
      else
        await api.post('/lead-offers/{id}/decline', {
          params: { path: { id: o.id }, header: ifMatch(o.version) },
          body: { reason: reason.trim() || null },
        });
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Could not save.');
    }
    await queryClient.invalidateQueries({ queryKey: OFFERS });
  };
  return (
    <li data-testid="offered-lead">
      <strong>{personOf(o)}</strong>
      {o.lead.industry ? ` · ${o.lead.industry}` : ''} · answer by {formatDateTime(o.expiresAt)}{' '}
      <button type="button" onClick={() => void act('accept')}>
        Accept
      </button>{' '}
      <input
        aria-label={`Reason to decline ${personOf(o)}`}
        placeholder="reason (optional)"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />{' '}
      <button type="button" onClick={() => void act('decline')}>
        Decline
      </button>
      {error && <p className="field-error">{error}</p>}
    </li>
  );
}

// ---- Channel manager ----

const statusLabels: Record<Offer['status'], string> = {
  offered: 'waiting',
  accepted: 'accepted',
  declined: 'declined',
  expired: 'lapsed',
};

/** The channel manager's lead distribution: offer an open lead to a partner (or let the rule choose) and follow the answers. */
export function LeadDistribution({ canOffer }: { canOffer: boolean }) {
  const offers = useOffers();
  return (
    <section className="card" aria-label="Leads offered to partners">
      <h2>Leads offered to partners</h2>
      {canOffer && <OfferForm />}
      {offers.isError && <p className="error">{offers.error.message}</p>}
      {offers.data?.length === 0 && <p className="muted">No lead offered yet.</p>}
      <ul>
        {(offers.data ?? []).map((o) => (
          <li key={o.id} data-testid="lead-offer">
            <strong>{personOf(o)}</strong> → {o.partnerName} · {statusLabels[o.status]}
            {o.status === 'offered' ? ` until ${formatDateTime(o.expiresAt)}` : ''}
            {o.declineReason ? ` (${o.declineReason})` : ''} ·{' '}
            {o.chosenBy === 'rule' ? `by rule: ${o.ruleDetail ?? ''}` : 'chosen'}
          </li>
        ))}
      </ul>
    </section>
  );
}

function OfferForm() {
  const queryClient = useQueryClient();
  const { errors, error, busy, run } = useSubmit();
  const leads = useQuery({
    queryKey: ['leads', 'to-offer'],
    queryFn: async () =>
      (await api.get('/leads', { params: { query: { status: ['new', 'working'], limit: 100 } } })).items,
  });
  const partners = useQuery({ queryKey: ['partners'], queryFn: async () => (await api.get('/partners')).items });
  const [form, setForm] = useState({ leadId: '', partnerAccountId: '', hoursToAnswer: '48' });
  const [done, setDone] = useState<string | null>(null);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const input = {
      leadId: form.leadId,
      ...(form.partnerAccountId ? { partnerAccountId: form.partnerAccountId } : {}),
      hoursToAnswer: Number(form.hoursToAnswer),
    };
    const created = await run(offerLeadSchema, input, (v) => api.post('/lead-offers', { body: v }));
    if (!created) return;
    setDone(`Offered to ${created.partnerName} until ${formatDateTime(created.expiresAt)}.`);
    setForm((f) => ({ ...f, leadId: '' }));
    await queryClient.invalidateQueries({ queryKey: OFFERS });
  };
  return (
    <form onSubmit={(e) => void onSubmit(e)} className="admin-form" aria-label="Offer a lead">
      <Field label="Lead" error={errors.leadId}>
        <select value={form.leadId} onChange={(e) => setForm((f) => ({ ...f, leadId: e.target.value }))} required>
          <option value="">Choose an open lead…</option>
          {(leads.data ?? []).map((l) => (
            <option key={l.id} value={l.id}>
              {[l.firstName, l.lastName].filter(Boolean).join(' ')}
              {l.company ? ` (${l.company})` : ''}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Partner" error={errors.partnerAccountId}>
        <select
          value={form.partnerAccountId}
          onChange={(e) => setForm((f) => ({ ...f, partnerAccountId: e.target.value }))}
        >
          <option value="">By rule (highest tier with room)</option>
          {(partners.data ?? []).map((p) => (
            <option key={p.accountId} value={p.accountId}>
              {p.name}
              {p.tierName ? ` · ${p.tierName}` : ''}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Hours to answer" error={errors.hoursToAnswer}>
        <input
          inputMode="numeric"
          value={form.hoursToAnswer}
          onChange={(e) => setForm((f) => ({ ...f, hoursToAnswer: e.target.value }))}
        />
      </Field>
      <FormError error={error} />
      <button type="submit" disabled={busy}>
        Offer lead
      </button>
      {done && (
        <p role="status" className="muted">
          {done}
        </p>
      )}
    </form>
  );
}
