import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { BUSINESS_DATE_MAX, BUSINESS_DATE_MIN } from '../../../src/contract/common.ts';
import { convertLeadSchema, defaultDealName } from '../../../src/contract/lead-conversion.ts';
import type { ConvertLeadResult, LeadDto } from '../types.ts';
import { api, type FieldProblem, ifMatch } from '../api.ts';
import { pipelinesQuery } from '../queries.ts';
import { fieldLabel, problemsOf, zodProblems } from './form-errors.ts';
import { Modal } from './modal.tsx';

type AccountMode = 'create' | 'link' | 'none';

/**
 * Existing accounts the lead may belong to, best first, each with why (same web domain, then a
 * similar company name), offered for linking instead of a duplicate.
 */
function useAccountMatches(leadId: string) {
  return useQuery({
    queryKey: ['lead', leadId, 'account-matches'],
    queryFn: () => api.get('/leads/{id}/account-matches', { params: { path: { id: leadId } } }),
    staleTime: 30_000,
  });
}

/**
 * Converting a lead: the account (new, an existing one, or none for a consumer), the contact and an
 * optional deal, pre-filled from the lead; one POST /leads/:id/convert, all or nothing.
 */
export function ConvertLeadDialog({
  lead,
  onClose,
  onConverted,
}: {
  lead: LeadDto;
  onClose: () => void;
  onConverted: (r: ConvertLeadResult) => void;
}) {
  const pipelines = useQuery(pipelinesQuery);
  const matches = useAccountMatches(lead.id).data?.items ?? [];
  const best = matches[0];
  const [mode, setMode] = useState<AccountMode | null>(null);
  const [linkId, setLinkId] = useState<string | null>(null);
  const accountMode: AccountMode = mode ?? (best ? 'link' : lead.company ? 'create' : 'none');
  const linkedId = linkId ?? best?.accountId ?? null;
  const [f, setF] = useState({
    accountName: lead.company ?? '',
    domain: lead.companyDomain ?? '',
    industry: lead.industry ?? '',
    firstName: lead.firstName ?? '',
    lastName: lead.lastName,
    title: lead.title ?? '',
    email: lead.email ?? '',
    phone: lead.phone ?? '',
    withDeal: true,
    dealName: defaultDealName(lead, lead.company),
    pipelineId: '',
    amount: '',
    expectedCloseDate: '',
  });
  const [problems, setProblems] = useState<{ summary: string; fields: FieldProblem[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const pipelineId = f.pipelineId || pipelines.data?.find((p) => p.isDefault)?.id || pipelines.data?.[0]?.id || '';
  const err = (field: string) =>
    problems?.fields.find((p) => p.field === field || p.field.startsWith(`${field}.`))?.message;
  const text = (label: string, key: keyof typeof f, field: string, props: Record<string, string> = {}): ReactNode => (
    <label>
      {label}
      <input
        name={key}
        value={String(f[key])}
        onChange={(e) => setF((x) => ({ ...x, [key]: e.target.value }))}
        aria-invalid={err(field) ? true : undefined}
        {...props}
      />
      {err(field) && <span className="field-error">{err(field)}</span>}
    </label>
  );

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const orNull = (s: string) => s.trim() || null;
    const parsed = convertLeadSchema.safeParse({
      account:
        accountMode === 'none'
          ? null
          : accountMode === 'link'
            ? { id: linkedId ?? undefined }
            : { create: { name: f.accountName, domain: orNull(f.domain), industry: orNull(f.industry) } },
      contact: {
        create: {
          firstName: orNull(f.firstName),
          lastName: f.lastName,
          title: orNull(f.title),
          emails: f.email.trim() ? [f.email.trim()] : [],
          phones: f.phone.trim() ? [f.phone.trim()] : [],
        },
      },
      deal: f.withDeal
        ? {
            create: {
              name: f.dealName,
              pipelineId: pipelineId || undefined,
              amount: orNull(f.amount),
              expectedCloseDate: orNull(f.expectedCloseDate),
            },
          }
        : null,
    });
    if (!parsed.success) {
      setProblems({ summary: 'Please correct the marked fields.', fields: zodProblems(parsed.error) });
      return;
    }
    setBusy(true);
    setProblems(null);
    try {
      onConverted(
        await api.post('/leads/{id}/convert', {
          params: { path: { id: lead.id }, header: ifMatch(lead.version) },
          body: parsed.data,
        }),
      );
    } catch (ex) {
      setProblems(problemsOf(ex));
    } finally {
      setBusy(false);
    }
  };

  const person = [lead.firstName, lead.lastName].filter(Boolean).join(' ');
  return (
    <Modal
      title={`Convert ${person}${lead.company ? ` (${lead.company})` : ''}`}
      onClose={onClose}
      className="wide"
      testId="convert-dialog"
    >
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <fieldset>
          <legend>Account</legend>
          <div className="chips" role="radiogroup" aria-label="Account">
            {matches.map((a) => (
              <label key={a.accountId} className="chip" data-testid="account-match">
                <input
                  type="radio"
                  name="account-mode"
                  checked={accountMode === 'link' && linkedId === a.accountId}
                  onChange={() => {
                    setMode('link');
                    setLinkId(a.accountId);
                  }}
                />
                Link existing: {a.name} <span className="muted small">({a.explanation})</span>
              </label>
            ))}
            <label className="chip">
              <input
                type="radio"
                name="account-mode"
                checked={accountMode === 'create'}
                onChange={() => setMode('create')}
              />
              New account
            </label>
            <label className="chip">
              <input
                type="radio"
                name="account-mode"
                checked={accountMode === 'none'}
                onChange={() => setMode('none')}
              />
              No account (consumer)
            </label>
          </div>
          {accountMode === 'create' && (
            <div className="row3">
              {text('Account name', 'accountName', 'account.create.name')}
              {text('Domain', 'domain', 'account.create.domain')}
              {text('Industry', 'industry', 'account.create.industry')}
            </div>
          )}
          {err('account') && <span className="field-error">{err('account')}</span>}
        </fieldset>
        <fieldset>
          <legend>Contact</legend>
          <div className="row2">
            {text('First name', 'firstName', 'contact.create.firstName', { autoComplete: 'off' })}
            {text('Last name', 'lastName', 'contact.create.lastName', { autoComplete: 'off' })}
          </div>
          <div className="row3">
            {text('Job title', 'title', 'contact.create.title')}
            {text('Contact email', 'email', 'contact.create.emails', { type: 'email' })}
            {text('Phone', 'phone', 'contact.create.phones', { type: 'tel' })}
          </div>
        </fieldset>
        <fieldset>
          <legend>Deal</legend>
          <label className="inline">
            <input
              type="checkbox"
              checked={f.withDeal}
              onChange={(e) => setF((x) => ({ ...x, withDeal: e.target.checked }))}
            />{' '}
            Create a deal
          </label>
          {f.withDeal && (
            <>
              {text('Deal name', 'dealName', 'deal.create.name')}
              <div className="row3">
                <label>
                  Pipeline
                  <select value={pipelineId} onChange={(e) => setF((x) => ({ ...x, pipelineId: e.target.value }))}>
                    {pipelines.data?.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.name}
                      </option>
                    ))}
                  </select>
                </label>
                {text('Amount', 'amount', 'deal.create.amount', { inputMode: 'decimal', placeholder: 'e.g. 12000.00' })}
                {text('Expected close', 'expectedCloseDate', 'deal.create.expectedCloseDate', {
                  type: 'date',
                  min: BUSINESS_DATE_MIN,
                  max: BUSINESS_DATE_MAX,
                })}
              </div>
            </>
          )}
        </fieldset>
        {problems && (
          <div className="error" role="alert" data-testid="convert-errors">
            <p>{problems.summary}</p>
            <ul className="small">
              {problems.fields.map((p) => (
                <li key={p.field}>
                  {fieldLabel(p.field)} {p.message}
                </li>
              ))}
            </ul>
          </div>
        )}
        <div className="actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Converting…' : 'Convert'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
