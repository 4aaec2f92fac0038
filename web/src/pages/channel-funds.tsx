import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { canActOnFunds } from '../../../src/contract/access.ts';
import {
  claimFundsSchema,
  decideFundRequestSchema,
  payFundClaimSchema,
  requestFundsSchema,
  setFundBudgetSchema,
} from '../../../src/contract/partner-funds.ts';
import { api, ifMatch, type ApiData } from '../api.ts';
import { formatDate, formatDateTime, formatMoney } from '../format.ts';
import { useActor } from '../permissions.ts';
import { Field, FormError, useSubmit } from './admin/form.tsx';

type Budget = ApiData<'get', '/fund-budgets'>['items'][number];
type FundRequest = ApiData<'get', '/fund-requests'>['items'][number];

const FUNDS = ['funds'];

const statusLabels: Record<FundRequest['status'], string> = {
  requested: 'waiting for a decision',
  approved: 'approved: claim what you spent',
  rejected: 'rejected',
  claimed: 'claimed: waiting for payment',
  paid: 'paid',
};

function useBudgets() {
  return useQuery({ queryKey: [...FUNDS, 'budgets'], queryFn: async () => (await api.get('/fund-budgets')).items });
}

function useFundRequests() {
  return useQuery({
    queryKey: [...FUNDS, 'requests'],
    queryFn: async () => (await api.get('/fund-requests', { params: { query: { limit: 200 } } })).items,
  });
}

const periodOf = (b: Budget) => `${formatDate(b.periodStart)} – ${formatDate(b.periodEnd)}`;

function BudgetTable({ budgets, withPartner }: { budgets: Budget[]; withPartner: boolean }) {
  return (
    <div className="table-wrap">
      <table className="records compact" data-testid="fund-budgets">
        <thead>
          <tr>
            {withPartner && <th scope="col">Partner</th>}
            <th scope="col">Period</th>
            <th scope="col" className="num">
              Budget
            </th>
            <th scope="col" className="num">
              Approved or claimed
            </th>
            <th scope="col" className="num">
              Waiting
            </th>
            <th scope="col" className="num">
              Left
            </th>
            <th scope="col" className="num">
              Paid
            </th>
          </tr>
        </thead>
        <tbody>
          {budgets.map((b) => (
            <tr key={b.id}>
              {withPartner && <th scope="row">{b.partnerName}</th>}
              <td>{periodOf(b)}</td>
              <td className="num">{formatMoney(b.amount, b.currency)}</td>
              <td className="num">{formatMoney(b.committed, b.currency)}</td>
              <td className="num">{formatMoney(b.pending, b.currency)}</td>
              <td className="num" data-testid="fund-remaining">
                {formatMoney(b.remaining, b.currency)}
              </td>
              <td className="num">{formatMoney(b.paid, b.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The partner's development funds: its budgets, a request form, and its requests with their claims. */
export function PartnerFunds() {
  const budgets = useBudgets();
  const requests = useFundRequests();
  return (
    <section className="card" aria-label="Development funds" data-testid="partner-funds">
      <h2>Development funds</h2>
      {budgets.isError && <p className="error">{budgets.error.message}</p>}
      {budgets.data?.length === 0 && <p className="muted">No development fund budget has been set for you yet.</p>}
      {budgets.data && budgets.data.length > 0 && (
        <>
          <BudgetTable budgets={budgets.data} withPartner={false} />
          <RequestForm budgets={budgets.data} />
        </>
      )}
      <RequestList requests={requests.data ?? []} />
    </section>
  );
}

function RequestForm({ budgets }: { budgets: Budget[] }) {
  const queryClient = useQueryClient();
  const { errors, error, busy, run } = useSubmit(FUNDS);
  const [form, setForm] = useState({ budgetId: budgets[0]?.id ?? '', activity: '', amount: '' });
  const [done, setDone] = useState<string | null>(null);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const input = { budgetId: form.budgetId, activity: form.activity, amount: form.amount.trim() };
    const created = await run(requestFundsSchema, input, (v) => api.post('/fund-requests', { body: v }));
    if (!created) return;
    setDone(`Asked for ${formatMoney(created.amount, created.currency)}: a channel manager decides.`);
    setForm((f) => ({ ...f, activity: '', amount: '' }));
    await queryClient.invalidateQueries({ queryKey: FUNDS });
  };
  return (
    <form onSubmit={(e) => void onSubmit(e)} className="admin-form" aria-label="Ask for funds">
      <Field label="Budget" error={errors.budgetId}>
        <select value={form.budgetId} onChange={(e) => setForm((f) => ({ ...f, budgetId: e.target.value }))}>
          {budgets.map((b) => (
            <option key={b.id} value={b.id}>
              {periodOf(b)} · {formatMoney(b.remaining, b.currency)} left
            </option>
          ))}
        </select>
      </Field>
      <Field label="Activity" error={errors.activity}>
        <input
          value={form.activity}
          placeholder="e.g. trade show stand"
          onChange={(e) => setForm((f) => ({ ...f, activity: e.target.value }))}
        />
      </Field>
      <Field label="Amount" error={errors.amount}>
        <input
          inputMode="decimal"
          value={form.amount}
          onChange={(e) => setForm((f) => ({ ...f, amount: e.target.value }))}
        />
      </Field>
      <FormError error={error} />
      <button type="submit" disabled={busy}>
        Ask for funds
      </button>
      {done && (
        <p role="status" className="muted">
          {done}
        </p>
      )}
    </form>
  );
}

function RequestList({
  requests,
  withPartner = false,
  empty = 'No fund requests yet.',
}: {
  requests: FundRequest[];
  withPartner?: boolean;
  empty?: string;
}) {
  if (requests.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul>
      {requests.map((r) => (
        <FundRequestItem key={r.id} r={r} withPartner={withPartner} />
      ))}
    </ul>
  );
}

/** One request with what it says and the step the reader may take on it now. */
function FundRequestItem({ r, withPartner }: { r: FundRequest; withPartner: boolean }) {
  const actor = useActor();
  const may = (action: 'decide' | 'claim' | 'pay') =>
    actor !== null && canActOnFunds(actor, action, r.partnerAccountId);
  return (
    <li data-testid="fund-request">
      {withPartner && <strong>{r.partnerName}: </strong>}
      <strong>{r.activity}</strong> · {formatMoney(r.amount, r.currency)} · asked {formatDateTime(r.requestedAt)} ·{' '}
      <span data-testid="fund-request-status">{statusLabels[r.status]}</span>
      {r.decisionNote ? ` (${r.decisionNote})` : ''}
      {r.claimedAmount ? ` · claimed ${formatMoney(r.claimedAmount, r.currency)}: ${r.claimProof ?? ''}` : ''}
      {r.paymentReference ? ` · payment ${r.paymentReference}` : ''}
      {r.status === 'requested' && may('decide') && <DecideForm r={r} />}
      {r.status === 'approved' && may('claim') && <ClaimForm r={r} />}
      {r.status === 'claimed' && may('pay') && <PayForm r={r} />}
    </li>
  );
}

function useStep(r: FundRequest) {
  const queryClient = useQueryClient();
  const submit = useSubmit(FUNDS);
  const after = () => queryClient.invalidateQueries({ queryKey: FUNDS });
  const path = { params: { path: { id: r.id }, header: ifMatch(r.version) } };
  return { ...submit, after, path };
}

function DecideForm({ r }: { r: FundRequest }) {
  const { errors, error, busy, run, after, path } = useStep(r);
  const [note, setNote] = useState('');
  const decide = async (decision: 'approve' | 'reject') => {
    const input = { decision, note: note.trim() || null };
    const done = await run(decideFundRequestSchema, input, (v) =>
      api.post('/fund-requests/{id}/decision', { ...path, body: v }),
    );
    if (done) await after();
  };
  return (
    <div className="inline-form">
      <input
        aria-label={`Note on ${r.activity}`}
        placeholder="note (required to reject)"
        value={note}
        aria-invalid={errors.note ? true : undefined}
        onChange={(e) => setNote(e.target.value)}
      />{' '}
      <button type="button" disabled={busy} onClick={() => void decide('approve')}>
        Approve
      </button>{' '}
      <button type="button" disabled={busy} onClick={() => void decide('reject')}>
        Reject
      </button>
      {errors.note && <span className="field-error">{errors.note}</span>}
      <FormError error={error} />
    </div>
  );
}

function ClaimForm({ r }: { r: FundRequest }) {
  const { errors, error, busy, run, after, path } = useStep(r);
  const [amount, setAmount] = useState(r.amount);
  const [proof, setProof] = useState('');
  const claim = async (e: FormEvent) => {
    e.preventDefault();
    const done = await run(claimFundsSchema, { amount: amount.trim(), proof }, (v) =>
      api.post('/fund-requests/{id}/claim', { ...path, body: v }),
    );
    if (done) await after();
  };
  return (
    <form className="inline-form" onSubmit={(e) => void claim(e)} aria-label={`Claim ${r.activity}`}>
      <Field label="Spent" error={errors.amount}>
        <input inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
      </Field>
      <Field label="Proof" error={errors.proof}>
        <input
          value={proof}
          placeholder="invoice number, link to receipts"
          onChange={(e) => setProof(e.target.value)}
        />
      </Field>
      <button type="submit" disabled={busy}>
        Claim
      </button>
      <FormError error={error} />
    </form>
  );
}

function PayForm({ r }: { r: FundRequest }) {
  const { errors, error, busy, run, after, path } = useStep(r);
  const [reference, setReference] = useState('');
  const pay = async (e: FormEvent) => {
    e.preventDefault();
    const done = await run(payFundClaimSchema, { reference }, (v) =>
      api.post('/fund-requests/{id}/payment', { ...path, body: v }),
    );
    if (done) await after();
  };
  return (
    <form className="inline-form" onSubmit={(e) => void pay(e)} aria-label={`Pay ${r.activity}`}>
      <Field label="Payment reference" error={errors.reference}>
        <input value={reference} onChange={(e) => setReference(e.target.value)} />
      </Field>
      <button type="submit" disabled={busy}>
        Mark paid
      </button>
      <FormError error={error} />
    </form>
  );
}

/**
 * The channel managers' development funds: set a partner's budget for a period, the budgets with
 * what is left, and the requests to decide (and, for admins, claims to pay).
 */
export function FundsQueue({ canSetBudgets }: { canSetBudgets: boolean }) {
  const budgets = useBudgets();
  const requests = useFundRequests();
  const open = (requests.data ?? []).filter((r) => r.status === 'requested' || r.status === 'claimed');
  const settled = (requests.data ?? []).filter((r) => r.status !== 'requested' && r.status !== 'claimed');
  return (
    <section className="card" aria-label="Partner development funds" data-testid="funds-queue">
      <h2>Development funds</h2>
      {canSetBudgets && <BudgetForm />}
      {budgets.isError && <p className="error">{budgets.error.message}</p>}
      {budgets.data && budgets.data.length > 0 && <BudgetTable budgets={budgets.data} withPartner />}
      <h3>Waiting ({open.length})</h3>
      <RequestList requests={open} withPartner empty="No request or claim waiting." />
      {settled.length > 0 && (
        <details>
          <summary>Decided ({settled.length})</summary>
          <RequestList requests={settled} withPartner />
        </details>
      )}
    </section>
  );
}

function BudgetForm() {
  const queryClient = useQueryClient();
  const { errors, error, busy, run } = useSubmit();
  const partners = useQuery({ queryKey: ['partners'], queryFn: async () => (await api.get('/partners')).items });
  const [form, setForm] = useState({ partnerAccountId: '', periodStart: '', periodEnd: '', amount: '', currency: '' });
  const [done, setDone] = useState<string | null>(null);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [k]: e.target.value }));
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const input = {
      partnerAccountId: form.partnerAccountId,
      periodStart: form.periodStart,
      periodEnd: form.periodEnd,
      ...(form.amount.trim() ? { amount: form.amount.trim() } : {}),
      ...(form.currency.trim() ? { currency: form.currency.trim().toUpperCase() } : {}),
    };
    const created = await run(setFundBudgetSchema, input, (v) => api.post('/fund-budgets', { body: v }));
    if (!created) return;
    setDone(`Budget of ${formatMoney(created.amount, created.currency)} set for ${created.partnerName}.`);
    await queryClient.invalidateQueries({ queryKey: FUNDS });
  };
  return (
    <form onSubmit={(e) => void onSubmit(e)} className="admin-form" aria-label="Set a fund budget">
      <Field label="Partner" error={errors.partnerAccountId}>
        <select value={form.partnerAccountId} onChange={set('partnerAccountId')}>
          <option value="">Choose a partner…</option>
          {(partners.data ?? []).map((p) => (
            <option key={p.accountId} value={p.accountId}>
              {p.name}
              {p.tierName ? ` · ${p.tierName}` : ''}
            </option>
          ))}
        </select>
      </Field>
      <Field label="From" error={errors.periodStart}>
        <input type="date" value={form.periodStart} onChange={set('periodStart')} />
      </Field>
      <Field label="To" error={errors.periodEnd}>
        <input type="date" value={form.periodEnd} onChange={set('periodEnd')} />
      </Field>
      <Field label="Amount (empty: the tier's funds)" error={errors.amount}>
        <input inputMode="decimal" value={form.amount} onChange={set('amount')} />
      </Field>
      <Field label="Currency" error={errors.currency}>
        <input value={form.currency} maxLength={3} placeholder="tier's" onChange={set('currency')} />
      </Field>
      <FormError error={error} />
      <button type="submit" disabled={busy}>
        Set budget
      </button>
      {done && (
        <p role="status" className="muted">
          {done}
        </p>
      )}
    </form>
  );
}
