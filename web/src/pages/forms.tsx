import { usersQuery } from '../queries.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { canManageForms } from '../../../src/contract/access.ts';
import {
  createFormSchema,
  formFieldInputType,
  formLeadFields,
  formSnippet,
  honeypotField,
  updateFormSchema,
  type FormLeadField,
  type PublicFormDto,
} from '../../../src/contract/forms.ts';
import { api, ifMatch, type ApiData } from '../api.ts';
import { EmptyState, ErrorState, Loading } from '../components/states.tsx';
import { formatDateTime } from '../format.ts';
import { useActor } from '../permissions.ts';
import { Field, FormError, orNull, useSubmit } from './admin/form.tsx';

type Form = ApiData<'get', '/capture-forms/{id}'>;
const FORMS = ['capture-forms'];

const fieldLabels: Record<FormLeadField, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  email: 'Email',
  phone: 'Phone',
  title: 'Job title',
  company: 'Company',
  companyDomain: 'Company website',
  industry: 'Industry',
};

function useReferences() {
  const campaigns = useQuery({
    queryKey: ['campaigns'],
    queryFn: () => api.get('/campaigns', { params: { query: { limit: 200 } } }),
  });
  // The shared users query: its cache key holds the whole list, which other pages read too.
  const users = useQuery(usersQuery);
  const teams = useQuery({ queryKey: ['teams'], queryFn: () => api.get('/teams') });
  return { campaigns: campaigns.data?.items ?? [], users: users.data ?? [], teams: teams.data?.items ?? [] };
}

/** The forms of the organization, and a builder for a new one. */
export function FormsPage() {
  const actor = useActor();
  const forms = useQuery({
    queryKey: FORMS,
    queryFn: () => api.get('/capture-forms', { params: { query: { limit: 200 } } }),
    enabled: actor !== null && canManageForms(actor),
  });
  const refs = useReferences();
  if (actor && !canManageForms(actor)) return <EmptyState title="Forms are defined by marketing and admins" />;
  if (forms.isPending) return <Loading>Loading forms…</Loading>;
  if (forms.isError) return <ErrorState error={forms.error} what="the forms" />;
  const campaignName = new Map(refs.campaigns.map((c) => [c.id, c.name]));
  return (
    <div className="page">
      <h1>Inbound forms</h1>
      {forms.data.items.length === 0 ? (
        <EmptyState title="No form yet" />
      ) : (
        <table className="admin-table" data-testid="forms-table">
          <thead>
            <tr>
              <th>Form</th>
              <th>Campaign</th>
              <th>Enabled</th>
              <th>Submissions</th>
              <th>Last submitted</th>
            </tr>
          </thead>
          <tbody>
            {forms.data.items.map((f) => (
              <tr key={f.id}>
                <td>
                  <Link to="/forms/$formId" params={{ formId: f.id }}>
                    {f.name}
                  </Link>
                </td>
                <td>{campaignName.get(f.campaignId) ?? '—'}</td>
                <td>{f.enabled ? 'yes' : 'no'}</td>
                <td>{f.submissions}</td>
                <td>{f.lastSubmittedAt ? formatDateTime(f.lastSubmittedAt) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>New form</h2>
      <FormBuilder form={null} />
    </div>
  );
}

interface Draft {
  name: string;
  campaignId: string;
  fields: { leadField: FormLeadField; label: string; required: boolean; on: boolean }[];
  consentText: string;
  routingKind: 'owner' | 'round_robin';
  ownerId: string;
  teamId: string;
  submitLabel: string;
  thankYouMessage: string;
  enabled: boolean;
}

function draftOf(form: Form | null): Draft {
  const asked = new Map((form?.fields ?? []).map((f) => [f.leadField, f]));
  return {
    name: form?.name ?? '',
    campaignId: form?.campaignId ?? '',
    fields: formLeadFields.map((leadField) => {
      const f = asked.get(leadField);
      const core = leadField === 'email' || leadField === 'lastName';
      return {
        leadField,
        label: f?.label ?? fieldLabels[leadField],
        required: f?.required ?? core,
        on: form ? f !== undefined : core || leadField === 'firstName' || leadField === 'company',
      };
    }),
    consentText: form?.consentText ?? '',
    routingKind: form?.routing.kind ?? 'owner',
    ownerId: form?.routing.kind === 'owner' ? form.routing.ownerId : '',
    teamId: form?.routing.kind === 'round_robin' ? form.routing.teamId : '',
    submitLabel: form?.submitLabel ?? 'Send',
    thankYouMessage: form?.thankYouMessage ?? 'Thank you, we will be in touch.',
    enabled: form?.enabled ?? true,
  };
}

function inputOf(d: Draft) {
  return {
    name: d.name,
    campaignId: d.campaignId,
    fields: d.fields.filter((f) => f.on).map(({ leadField, label, required }) => ({ leadField, label, required })),
    consentText: orNull(d.consentText),
    routing:
      d.routingKind === 'owner'
        ? { kind: 'owner' as const, ownerId: d.ownerId }
        : { kind: 'round_robin' as const, teamId: d.teamId },
    submitLabel: d.submitLabel,
    thankYouMessage: d.thankYouMessage,
    enabled: d.enabled,
  };
}

/** What the page would render, from the draft (before it is saved). */
function previewOf(d: Draft, key: string): PublicFormDto {
  return {
    key,
    name: d.name,
    fields: d.fields
      .filter((f) => f.on)
      .map((f) => ({ name: f.leadField, label: f.label, required: f.required, type: formFieldInputType(f.leadField) })),
    consentText: orNull(d.consentText),
    submitLabel: d.submitLabel || 'Send',
    thankYouMessage: d.thankYouMessage,
    honeypotField,
  };
}

/** Field mapping, consent text, campaign, owner or round robin, labels; with the live preview of the snippet. */
function FormBuilder({ form }: { form: Form | null }) {
  const queryClient = useQueryClient();
  const refs = useReferences();
  const [d, setD] = useState<Draft>(() => draftOf(form));
  const { errors, error, busy, run } = useSubmit(FORMS);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((o) => ({ ...o, [k]: v }));
  const setField = (i: number, patch: Partial<Draft['fields'][number]>) =>
    setD((o) => ({ ...o, fields: o.fields.map((f, j) => (j === i ? { ...f, ...patch } : f)) }));
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const input = inputOf(d);
    const saved = form
      ? await run(updateFormSchema, input, (body) =>
          api.patch('/capture-forms/{id}', { params: { path: { id: form.id }, header: ifMatch(form.version) }, body }),
        )
      : await run(createFormSchema, input, (body) => api.post('/capture-forms', { body }));
    if (!saved) return;
    await queryClient.invalidateQueries({ queryKey: FORMS });
    if (!form) setD(draftOf(null));
  };
  const snippet = formSnippet(window.location.origin, previewOf(d, form?.publicKey ?? 'pwf_preview'));
  return (
    <div className="form-builder" data-testid="form-builder">
      <form className="admin-form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <Field label="Name" error={errors.name}>
          <input value={d.name} onChange={(e) => set('name', e.target.value)} aria-invalid={!!errors.name} />
        </Field>
        <Field label="Campaign" error={errors.campaignId}>
          <select value={d.campaignId} onChange={(e) => set('campaignId', e.target.value)}>
            <option value="">Choose a campaign</option>
            {refs.campaigns.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </Field>
        <fieldset>
          <legend>Fields (mapped to lead fields)</legend>
          {errors.fields && <p className="field-error">{errors.fields}</p>}
          {d.fields.map((f, i) => (
            <div key={f.leadField} className="form-field-row">
              <label className="check">
                <input type="checkbox" checked={f.on} onChange={(e) => setField(i, { on: e.target.checked })} />{' '}
                {fieldLabels[f.leadField]}
              </label>
              <input
                aria-label={`Label of ${fieldLabels[f.leadField]}`}
                value={f.label}
                disabled={!f.on}
                onChange={(e) => setField(i, { label: e.target.value })}
              />
              <label className="check">
                <input
                  type="checkbox"
                  checked={f.required}
                  disabled={!f.on}
                  onChange={(e) => setField(i, { required: e.target.checked })}
                />{' '}
                required
              </label>
            </div>
          ))}
        </fieldset>
        <Field label="Consent text (a box the visitor must tick; empty: none)" error={errors.consentText}>
          <textarea value={d.consentText} onChange={(e) => set('consentText', e.target.value)} rows={2} />
        </Field>
        <Field label="New leads go to" error={errors['routing.ownerId'] ?? errors['routing.teamId'] ?? errors.routing}>
          <select value={d.routingKind} onChange={(e) => set('routingKind', e.target.value as Draft['routingKind'])}>
            <option value="owner">one owner</option>
            <option value="round_robin">a team, in turn</option>
          </select>
          {d.routingKind === 'owner' ? (
            <select aria-label="Owner" value={d.ownerId} onChange={(e) => set('ownerId', e.target.value)}>
              <option value="">Choose an owner</option>
              {refs.users
                .filter((u) => u.active && u.role !== 'partner' && u.role !== 'auditor')
                .map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
            </select>
          ) : (
            <select aria-label="Team" value={d.teamId} onChange={(e) => set('teamId', e.target.value)}>
              <option value="">Choose a team</option>
              {refs.teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Button" error={errors.submitLabel}>
          <input value={d.submitLabel} onChange={(e) => set('submitLabel', e.target.value)} />
        </Field>
        <Field label="Thank-you message" error={errors.thankYouMessage}>
          <input value={d.thankYouMessage} onChange={(e) => set('thankYouMessage', e.target.value)} />
        </Field>
        <label className="check">
          <input type="checkbox" checked={d.enabled} onChange={(e) => set('enabled', e.target.checked)} /> Enabled
        </label>
        <FormError error={error} />
        <button type="submit" disabled={busy}>
          {form ? 'Save form' : 'Create form'}
        </button>
      </form>
      <div className="form-preview">
        <h3>Preview</h3>
        {/* The form as the snippet draws it; its script (the background send) does not run in the preview. */}
        <iframe
          title="Form preview"
          sandbox=""
          srcDoc={snippet.replace(/<script[\s\S]*?<\/script>/g, '')}
          data-testid="form-preview"
        />
        <h3>Snippet</h3>
        {form ? (
          <>
            <textarea readOnly value={snippet} rows={8} data-testid="form-snippet" />
            <button type="button" onClick={() => void navigator.clipboard.writeText(snippet)}>
              Copy snippet
            </button>
          </>
        ) : (
          <p>The snippet to paste into a page is shown once the form is created.</p>
        )}
      </div>
    </div>
  );
}

/** One form: its builder, its public key (rotatable), and its submissions. */
export function FormPage() {
  const { formId } = useParams({ from: '/forms/$formId' });
  const queryClient = useQueryClient();
  const form = useQuery({
    queryKey: [...FORMS, formId],
    queryFn: () => api.get('/capture-forms/{id}', { params: { path: { id: formId } } }),
  });
  const submissions = useQuery({
    queryKey: [...FORMS, formId, 'submissions'],
    queryFn: () =>
      api.get('/capture-forms/{id}/submissions', { params: { path: { id: formId }, query: { limit: 100 } } }),
  });
  const [rotateError, setRotateError] = useState<string | null>(null);
  if (form.isPending) return <Loading>Loading the form…</Loading>;
  if (form.isError) return <ErrorState error={form.error} what="the form" />;
  const f = form.data;
  const rotate = async () => {
    if (!window.confirm('Pages with the current snippet stop working. Replace the key?')) return;
    try {
      await api.post('/capture-forms/{id}/rotate-key', {
        params: { path: { id: f.id }, header: ifMatch(f.version) },
      });
      await queryClient.invalidateQueries({ queryKey: FORMS });
    } catch (err) {
      setRotateError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <div className="page">
      <p>
        <Link to="/forms">Inbound forms</Link>
      </p>
      <h1>{f.name}</h1>
      <p>
        Public key <code>{f.publicKey}</code>{' '}
        <button type="button" onClick={() => void rotate()}>
          Rotate key
        </button>
      </p>
      {rotateError && <p className="field-error">{rotateError}</p>}
      <FormBuilder key={`${f.id}-${f.version}`} form={f} />
      <h2>Submissions</h2>
      {submissions.isPending ? (
        <Loading>Loading submissions…</Loading>
      ) : submissions.isError ? (
        <ErrorState error={submissions.error} what="the submissions" />
      ) : submissions.data.items.length === 0 ? (
        <EmptyState title="No submission yet" />
      ) : (
        <table className="admin-table" data-testid="submissions-table">
          <thead>
            <tr>
              <th>When</th>
              <th>Email</th>
              <th>Outcome</th>
              <th>Consent</th>
              <th>UTM source / medium / campaign</th>
            </tr>
          </thead>
          <tbody>
            {submissions.data.items.map((s) => (
              <tr key={s.id}>
                <td>{formatDateTime(s.submittedAt)}</td>
                <td>
                  {s.leadId ? (
                    <Link to="/leads/$leadId" params={{ leadId: s.leadId }}>
                      {s.email}
                    </Link>
                  ) : s.contactId ? (
                    <Link to="/contacts/$contactId" params={{ contactId: s.contactId }}>
                      {s.email}
                    </Link>
                  ) : (
                    s.email
                  )}
                </td>
                <td>{s.outcome.replaceAll('_', ' ')}</td>
                <td title={s.consentText ?? ''}>{s.consentedAt ? formatDateTime(s.consentedAt) : '—'}</td>
                <td>{[s.utmSource, s.utmMedium, s.utmCampaign].map((u) => u ?? '—').join(' / ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
