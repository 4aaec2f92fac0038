import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { createPartnerTierSchema, partnerTypes, setPartnerSchema } from '../../../../src/contract/channel.ts';
import { api } from '../../api.ts';
import { formatMoney } from '../../format.ts';
import { Field, FormError, intOrNull, useSubmit } from './form.tsx';

const TIERS = ['admin', 'partner-tiers'];
const PARTNERS = ['admin', 'partners'];
const typeLabel = (t: string) => t.replace(/_/g, ' ');

/** The partner programme: tiers with their benefits, and each partner account's type and tier. */
export function AdminPartnersPage() {
  const tiers = useQuery({ queryKey: TIERS, queryFn: async () => (await api.get('/partner-tiers')).items });
  const partners = useQuery({ queryKey: PARTNERS, queryFn: async () => (await api.get('/partners')).items });
  return (
    <>
      <h1>Partner programme</h1>
      <h2>Tiers</h2>
      <TierForm />
      <table className="admin-table">
        <thead>
          <tr>
            <th>Tier</th>
            <th className="num">Discount</th>
            <th className="num">Protection</th>
            <th className="num">Development funds</th>
          </tr>
        </thead>
        <tbody>
          {(tiers.data ?? []).map((t) => (
            <tr key={t.id} data-testid={`tier-${t.name}`}>
              <td>{t.name}</td>
              <td className="num">{t.discountPercent} %</td>
              <td className="num">{t.protectionDays} days</td>
              <td className="num">{formatMoney(t.developmentFunds, t.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Partners</h2>
      <PartnerForm tiers={tiers.data ?? []} />
      <table className="admin-table">
        <thead>
          <tr>
            <th>Partner</th>
            <th>Type</th>
            <th>Tier</th>
          </tr>
        </thead>
        <tbody>
          {(partners.data ?? []).map((p) => (
            <tr key={p.accountId}>
              <td>{p.name}</td>
              <td>{typeLabel(p.partnerType)}</td>
              <td>{p.tierName ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function TierForm() {
  const queryClient = useQueryClient();
  const { errors, error, busy, run } = useSubmit(TIERS);
  const [f, setF] = useState({ name: '', protectionDays: '90', discountPercent: '0', developmentFunds: '0' });
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const input = { ...f, protectionDays: intOrNull(f.protectionDays) };
    if (await run(createPartnerTierSchema, input, (v) => api.post('/partner-tiers', { body: v }))) {
      setF({ name: '', protectionDays: '90', discountPercent: '0', developmentFunds: '0' });
      await queryClient.invalidateQueries({ queryKey: TIERS });
    }
  };
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }));
  return (
    <form className="admin-form" onSubmit={(e) => void onSubmit(e)} aria-label="New tier">
      <Field label="Name" error={errors.name}>
        <input value={f.name} onChange={set('name')} />
      </Field>
      <Field label="Protection days" error={errors.protectionDays}>
        <input value={f.protectionDays} onChange={set('protectionDays')} inputMode="numeric" />
      </Field>
      <Field label="Discount %" error={errors.discountPercent}>
        <input value={f.discountPercent} onChange={set('discountPercent')} inputMode="decimal" />
      </Field>
      <Field label="Development funds" error={errors.developmentFunds}>
        <input value={f.developmentFunds} onChange={set('developmentFunds')} inputMode="decimal" />
      </Field>
      <FormError error={error} />
      <button type="submit" disabled={busy}>
        Add tier
      </button>
    </form>
  );
}

function PartnerForm({ tiers }: { tiers: readonly { id: string; name: string }[] }) {
  const queryClient = useQueryClient();
  const { errors, error, busy, run } = useSubmit(PARTNERS);
  const accounts = useQuery({
    queryKey: ['admin', 'accounts-for-partners'],
    queryFn: async () => (await api.get('/accounts', { params: { query: { limit: 200 } } })).items,
  });
  const [accountId, setAccountId] = useState('');
  const [partnerType, setPartnerType] = useState<string>('reseller');
  const [tierId, setTierId] = useState('');
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const done = await run(setPartnerSchema, { partnerType, tierId: tierId || null }, (v) =>
      api.put('/partners/{id}', { params: { path: { id: accountId } }, body: v }),
    );
    if (done) await queryClient.invalidateQueries({ queryKey: PARTNERS });
  };
  return (
    <form className="admin-form" onSubmit={(e) => void onSubmit(e)} aria-label="Set partner">
      <Field label="Account">
        <select value={accountId} onChange={(e) => setAccountId(e.target.value)} required>
          <option value="">Choose…</option>
          {(accounts.data ?? []).map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Partner type" error={errors.partnerType}>
        <select value={partnerType} onChange={(e) => setPartnerType(e.target.value)}>
          {partnerTypes.map((t) => (
            <option key={t} value={t}>
              {typeLabel(t)}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Tier" error={errors.tierId}>
        <select value={tierId} onChange={(e) => setTierId(e.target.value)}>
          <option value="">No tier</option>
          {tiers.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </Field>
      <FormError error={error} />
      <button type="submit" disabled={busy || accountId === ''}>
        Save partner
      </button>
    </form>
  );
}
