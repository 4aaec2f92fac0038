import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { createAgentPartySchema, createAgreementSchema } from '../../../../src/contract/agents.ts';
import { api } from '../../api.ts';
import { formatMoney } from '../../format.ts';
import { Field, FormError, orNull, useSubmit } from './form.tsx';

const PARTIES = ['agent-parties'];
const AGREEMENTS = ['agency-agreements'];

/** Agents (people and firms) and their agency agreements: a table and a form each. */
export function AdminAgentsPage() {
  const parties = useQuery({
    queryKey: PARTIES,
    queryFn: () => api.get('/agent-parties', { params: { query: { limit: 500 } } }),
  });
  const agreements = useQuery({
    queryKey: AGREEMENTS,
    queryFn: () => api.get('/agency-agreements', { params: { query: { limit: 500 } } }),
  });
  const list = parties.data?.items ?? [];
  return (
    <>
      <h1>Agents</h1>
      <h2>Agent parties</h2>
      <PartyForm firms={list.filter((p) => p.kind === 'firm')} />
      <table className="admin-table" data-testid="agent-parties">
        <thead>
          <tr>
            <th>Agent</th>
            <th>Kind</th>
            <th>Firm</th>
            <th>Licence</th>
            <th>Jurisdiction</th>
          </tr>
        </thead>
        <tbody>
          {list.map((p) => (
            <tr key={p.id}>
              <td>{p.name}</td>
              <td>{p.kind}</td>
              <td>{p.firmName ?? '—'}</td>
              <td>{p.licenceNumber ?? '—'}</td>
              <td>{p.jurisdiction ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Agency agreements</h2>
      <AgreementForm parties={list} />
      <table className="admin-table" data-testid="agency-agreements">
        <thead>
          <tr>
            <th>Agent</th>
            <th>Side</th>
            <th>Represents</th>
            <th>Effective</th>
            <th>Exclusive</th>
            <th className="num">Compensation</th>
          </tr>
        </thead>
        <tbody>
          {(agreements.data?.items ?? []).map((g) => (
            <tr key={g.id}>
              <td>{g.agentName}</td>
              <td>{g.side}</td>
              <td>{g.representedName}</td>
              <td>
                {g.effectiveFrom} – {g.effectiveTo ?? 'open'}
              </td>
              <td>{g.exclusive ? 'yes' : 'no'}</td>
              <td className="num">
                {g.compensationKind === 'percent'
                  ? `${g.compensationPercent ?? ''} %`
                  : formatMoney(g.compensationAmount ?? '0', g.currency ?? 'USD')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function PartyForm({ firms }: { firms: readonly { id: string; name: string }[] }) {
  const queryClient = useQueryClient();
  const { errors, error, busy, run } = useSubmit(PARTIES);
  const empty = { kind: 'person', name: '', firmId: '', licenceNumber: '', jurisdiction: '' };
  const [f, setF] = useState(empty);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }));
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const input = {
      kind: f.kind,
      name: f.name,
      firmId: f.kind === 'person' ? orNull(f.firmId) : null,
      licenceNumber: orNull(f.licenceNumber),
      jurisdiction: orNull(f.jurisdiction),
    };
    if (await run(createAgentPartySchema, input, (v) => api.post('/agent-parties', { body: v }))) {
      setF(empty);
      await queryClient.invalidateQueries({ queryKey: PARTIES });
    }
  };
  return (
    <form className="admin-form" onSubmit={(e) => void onSubmit(e)} aria-label="New agent">
      <Field label="Kind" error={errors.kind}>
        <select value={f.kind} onChange={set('kind')}>
          <option value="person">person</option>
          <option value="firm">firm</option>
        </select>
      </Field>
      <Field label="Name" error={errors.name}>
        <input value={f.name} onChange={set('name')} />
      </Field>
      {f.kind === 'person' && (
        <Field label="Firm" error={errors.firmId}>
          <select value={f.firmId} onChange={set('firmId')}>
            <option value="">Independent</option>
            {firms.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field label="Licence number" error={errors.licenceNumber}>
        <input value={f.licenceNumber} onChange={set('licenceNumber')} />
      </Field>
      <Field label="Jurisdiction" error={errors.jurisdiction}>
        <input value={f.jurisdiction} onChange={set('jurisdiction')} placeholder="US-CA" />
      </Field>
      <FormError error={error} />
      <button type="submit" disabled={busy}>
        Add agent
      </button>
    </form>
  );
}

function AgreementForm({ parties }: { parties: readonly { id: string; name: string }[] }) {
  const queryClient = useQueryClient();
  const { errors, error, busy, run } = useSubmit(AGREEMENTS);
  const accounts = useQuery({
    queryKey: ['admin', 'accounts-for-agreements'],
    queryFn: async () => (await api.get('/accounts', { params: { query: { limit: 200 } } })).items,
  });
  const empty = {
    agentPartyId: '',
    side: 'buyer',
    representedAccountId: '',
    effectiveFrom: new Date().toISOString().slice(0, 10),
    effectiveTo: '',
    exclusive: false,
    compensationKind: 'percent',
    compensation: '',
    currency: '',
  };
  const [f, setF] = useState(empty);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }));
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const percent = f.compensationKind === 'percent';
    const input = {
      agentPartyId: f.agentPartyId,
      side: f.side,
      representedAccountId: orNull(f.representedAccountId),
      effectiveFrom: f.effectiveFrom,
      effectiveTo: orNull(f.effectiveTo),
      exclusive: f.exclusive,
      compensationKind: f.compensationKind,
      ...(percent
        ? { compensationPercent: orNull(f.compensation) }
        : { compensationAmount: orNull(f.compensation), currency: orNull(f.currency) }),
    };
    if (await run(createAgreementSchema, input, (v) => api.post('/agency-agreements', { body: v }))) {
      setF(empty);
      await queryClient.invalidateQueries({ queryKey: AGREEMENTS });
    }
  };
  return (
    <form className="admin-form" onSubmit={(e) => void onSubmit(e)} aria-label="New agreement">
      <Field label="Agent" error={errors.agentPartyId}>
        <select value={f.agentPartyId} onChange={set('agentPartyId')} required>
          <option value="">Choose…</option>
          {parties.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Side" error={errors.side}>
        <select value={f.side} onChange={set('side')}>
          <option value="buyer">buyer</option>
          <option value="seller">seller</option>
        </select>
      </Field>
      <Field label="Represents" error={errors.representedAccountId}>
        <select value={f.representedAccountId} onChange={set('representedAccountId')}>
          <option value="">Choose…</option>
          {(accounts.data ?? []).map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Effective from" error={errors.effectiveFrom}>
        <input type="date" value={f.effectiveFrom} onChange={set('effectiveFrom')} />
      </Field>
      <Field label="Effective to" error={errors.effectiveTo}>
        <input type="date" value={f.effectiveTo} onChange={set('effectiveTo')} />
      </Field>
      <Field label="Exclusive">
        <input
          type="checkbox"
          checked={f.exclusive}
          onChange={(e) => setF((x) => ({ ...x, exclusive: e.target.checked }))}
        />
      </Field>
      <Field label="Compensation" error={errors.compensationPercent ?? errors.compensationAmount}>
        <select value={f.compensationKind} onChange={set('compensationKind')}>
          <option value="percent">percent</option>
          <option value="amount">amount</option>
        </select>{' '}
        <input value={f.compensation} onChange={set('compensation')} inputMode="decimal" />
      </Field>
      {f.compensationKind === 'amount' && (
        <Field label="Currency" error={errors.currency}>
          <input value={f.currency} onChange={set('currency')} placeholder="USD" />
        </Field>
      )}
      <FormError error={error} />
      <button type="submit" disabled={busy}>
        Add agreement
      </button>
    </form>
  );
}
