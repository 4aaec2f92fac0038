import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, type ApiData } from '../api.ts';
import { formatDate, formatDateTime, formatMoney } from '../format.ts';
import { FormError } from './admin/form.tsx';

type Link = ApiData<'get', '/partner-resellers'>['items'][number];
type WhatIf = ApiData<'post', '/channel/protection-what-if'>;

export const RESELLER_LINKS = ['partner-resellers'];
const RESELLER_WORK = ['channel', 'reseller-work'];

/** The distributor–reseller links the actor reads (a partner: those it is on). */
export function useResellerLinks() {
  return useQuery({
    queryKey: RESELLER_LINKS,
    queryFn: async () => (await api.get('/partner-resellers')).items,
  });
}

// ---- Partner portal: a distributor's resellers ----

/** A distributor's view of its resellers: their registrations that name it and their deals (reading only). */
export function ResellerWork() {
  const work = useQuery({ queryKey: RESELLER_WORK, queryFn: () => api.get('/channel/reseller-work') });
  if (!work.data || work.data.resellers.length === 0) return null;
  const { resellers, registrations, deals } = work.data;
  return (
    <section className="card" aria-label="Your resellers' registrations and deals" data-testid="reseller-work">
      <h2>Your resellers&apos; registrations and deals</h2>
      <p className="muted small">
        You serve {resellers.map((l) => l.resellerName).join(', ')}. You read what they register through you; they and
        the channel managers act on it.
      </p>
      <h3>Registrations ({registrations.length})</h3>
      {registrations.length === 0 && <p className="muted">None of your resellers has registered through you yet.</p>}
      <ul>
        {registrations.map((r) => (
          <li key={r.id} data-testid="reseller-registration">
            <strong>{r.customerName}</strong> by {r.partnerName} · {r.status}
            {r.amount ? ` · ${formatMoney(r.amount, r.currency)}` : ''} · registered {formatDateTime(r.registeredAt)}
            {r.status === 'approved' && r.protectedUntil ? ` · protected until ${formatDate(r.protectedUntil)}` : ''}
          </li>
        ))}
      </ul>
      <h3>Deals ({deals.length})</h3>
      {deals.length === 0 && <p className="muted">No approved deals yet.</p>}
      <ul>
        {deals.map((d) => (
          <li key={d.dealId} data-testid="reseller-deal">
            <strong>{d.name}</strong> by {d.resellerName} · {d.status}
            {d.stageName ? ` (${d.stageName})` : ''} · {d.amount ? formatMoney(d.amount, d.currency) : '—'}
            {d.expectedCloseDate ? ` · expected ${formatDate(d.expectedCloseDate)}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}

// ---- Channel managers: which resellers each distributor serves ----

export function DistributorLinks({ canLink }: { canLink: boolean }) {
  const queryClient = useQueryClient();
  const links = useResellerLinks();
  const partners = useQuery({ queryKey: ['partners'], queryFn: async () => (await api.get('/partners')).items });
  const [form, setForm] = useState({ distributor: '', reseller: '' });
  const [error, setError] = useState<string | null>(null);
  const distributors = (partners.data ?? []).filter((p) => p.partnerType === 'distributor');
  const resellers = (partners.data ?? []).filter((p) => p.partnerType !== 'distributor');
  const refresh = () => queryClient.invalidateQueries({ queryKey: RESELLER_LINKS });
  const link = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api.put('/partners/{id}/resellers/{resellerId}', {
        params: { path: { id: form.distributor, resellerId: form.reseller } },
      });
      setForm({ distributor: form.distributor, reseller: '' });
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Could not save.');
    }
    await refresh();
  };
  const unlink = async (l: Link) => {
    setError(null);
    try {
      await api.del('/partners/{id}/resellers/{resellerId}', {
        params: { path: { id: l.distributorAccountId, resellerId: l.resellerAccountId } },
      });
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Could not save.');
    }
    await refresh();
  };
  if (!canLink && links.data?.length === 0) return null;
  return (
    <section className="card" aria-label="Distributors and their resellers">
      <h2>Distributors and their resellers</h2>
      {links.data?.length === 0 && <p className="muted">No distributor serves a reseller yet.</p>}
      <ul>
        {(links.data ?? []).map((l) => (
          <li key={`${l.distributorAccountId}:${l.resellerAccountId}`} data-testid="reseller-link">
            <strong>{l.distributorName}</strong> serves {l.resellerName}
            {canLink && (
              <>
                {' '}
                <button type="button" onClick={() => void unlink(l)}>
                  Unlink
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      {canLink && (
        <form onSubmit={(e) => void link(e)} className="inline-form">
          <select
            aria-label="Distributor"
            value={form.distributor}
            onChange={(e) => setForm((f) => ({ ...f, distributor: e.target.value }))}
            required
          >
            <option value="">Distributor…</option>
            {distributors.map((p) => (
              <option key={p.accountId} value={p.accountId}>
                {p.name}
              </option>
            ))}
          </select>{' '}
          serves{' '}
          <select
            aria-label="Reseller"
            value={form.reseller}
            onChange={(e) => setForm((f) => ({ ...f, reseller: e.target.value }))}
            required
          >
            <option value="">Reseller…</option>
            {resellers.map((p) => (
              <option key={p.accountId} value={p.accountId}>
                {p.name}
              </option>
            ))}
          </select>{' '}
          <button type="submit">Link</button>
        </form>
      )}
      <FormError error={error} />
    </section>
  );
}

// ---- Channel managers: the protection-window what-if ----

const money = (xs: { currency: string; amount: string }[]) =>
  xs.length === 0 ? '—' : xs.map((x) => formatMoney(x.amount, x.currency)).join(', ');

/** "What if the protection window of a tier were N days": candidate days per tier, the replay's figures and bars. */
export function ProtectionWhatIf() {
  const tiers = useQuery({ queryKey: ['partner-tiers'], queryFn: async () => (await api.get('/partner-tiers')).items });
  const [days, setDays] = useState<Record<string, string>>({});
  const [result, setResult] = useState<WhatIf | null>(null);
  const [error, setError] = useState<string | null>(null);
  const rows = [
    ...(tiers.data ?? []).map((t) => ({
      key: t.id,
      tierId: t.id,
      name: t.name,
      current: t.protectionDays,
    })),
    { key: 'none', tierId: null, name: 'No tier', current: 90 },
  ];
  const run = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const windows = rows
      .filter((r) => (days[r.key] ?? '').trim() !== '')
      .map((r) => ({ tierId: r.tierId, protectionDays: Number(days[r.key]) }));
    try {
      setResult(await api.post('/channel/protection-what-if', { body: { windows } }));
    } catch (err) {
      setResult(null);
      setError(err instanceof Error ? err.message : 'Could not save.');
    }
  };
  const max = Math.max(
    1,
    ...(result?.byTier ?? []).flatMap((t) => [
      t.expiredInsteadOfClosed,
      t.closedInsteadOfExpired,
      t.conflictsArising,
      t.conflictsVanishing,
    ]),
  );
  const bar = (n: number, kind: 'loss' | 'gain') => (
    <span className={`whatif-bar whatif-${kind}`} style={{ width: `${(n / max) * 8}em` }} aria-hidden="true" />
  );
  return (
    <section className="card" aria-label="Protection-window what-if">
      <h2>What if the protection window were…</h2>
      <p className="muted small">
        Replays the approved registrations and their deals under the days you give a tier (extensions kept).
      </p>
      <form onSubmit={(e) => void run(e)} className="inline-form">
        {rows.map((r) => (
          <label key={r.key}>
            {r.name} (now {r.current}){' '}
            <input
              aria-label={`Candidate days for ${r.name}`}
              inputMode="numeric"
              size={4}
              value={days[r.key] ?? ''}
              onChange={(e) => setDays((d) => ({ ...d, [r.key]: e.target.value }))}
            />{' '}
          </label>
        ))}
        <button type="submit">Replay</button>
      </form>
      <FormError error={error} />
      {result && (
        <table className="admin-table" data-testid="what-if-result">
          <thead>
            <tr>
              <th>Tier</th>
              <th>Days</th>
              <th>Replayed</th>
              <th>Would have expired instead of closing</th>
              <th>Would have closed instead of expiring</th>
              <th>Won revenue losing protection</th>
              <th>Won revenue gaining protection</th>
              <th>Conflicts arising</th>
              <th>Conflicts vanishing</th>
            </tr>
          </thead>
          <tbody>
            {result.byTier.map((t) => (
              <tr key={t.tierId ?? 'none'}>
                <td>{t.tierName ?? 'No tier'}</td>
                <td>
                  {t.currentDays} → {t.candidateDays}
                </td>
                <td>{t.registrations}</td>
                <td>
                  {t.expiredInsteadOfClosed} {bar(t.expiredInsteadOfClosed, 'loss')}
                </td>
                <td>
                  {t.closedInsteadOfExpired} {bar(t.closedInsteadOfExpired, 'gain')}
                </td>
                <td>{money(t.revenueLosingProtection)}</td>
                <td>{money(t.revenueGainingProtection)}</td>
                <td>
                  {t.conflictsArising} {bar(t.conflictsArising, 'loss')}
                </td>
                <td>
                  {t.conflictsVanishing} {bar(t.conflictsVanishing, 'gain')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
