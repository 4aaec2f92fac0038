import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { z } from 'zod';
import { createAccountSchema } from '../../../src/contract/accounts.ts';
import { createActivitySchema } from '../../../src/contract/activities.ts';
import { createContactSchema } from '../../../src/contract/contacts.ts';
import { createLeadSchema } from '../../../src/contract/leads.ts';
import { api, type FieldProblem } from '../api.ts';
import { fieldLabel, problemsOf, zodProblems } from './form-errors.ts';
import { Modal } from './modal.tsx';

/** The records the web app creates with this one form. */
export type NewRecordKind = 'account' | 'contact' | 'lead' | 'task' | 'note' | 'meeting';

/** What a new activity is about (at least one link; a contact may also be placed in an account). */
export interface RecordLinks {
  dealId?: string;
  contactId?: string;
  accountId?: string;
  leadId?: string;
}

interface FieldSpec {
  /** The request field the input fills (dotted for nested ones). */
  name: string;
  label: string;
  input?: 'text' | 'email' | 'tel' | 'textarea' | 'datetime-local' | 'url';
  required?: boolean;
  hint?: string;
}

type Values = Record<string, string>;

const orNull = (v: string | undefined) => (v && v.trim() !== '' ? v.trim() : null);
/** A `datetime-local` value (the browser's zone) as an instant; empty stays null. */
const instant = (v: string | undefined) => (v ? new Date(v).toISOString() : null);
const list = (v: string | undefined) => (v && v.trim() ? [v.trim()] : []);

interface KindSpec {
  title: string;
  noun: string;
  fields: FieldSpec[];
  /** The request body built from the inputs, validated by the contract's schema before it is sent. */
  body: (v: Values, links: RecordLinks) => unknown;
  schema: z.ZodType;
}

const specs: Record<NewRecordKind, KindSpec> = {
  account: {
    title: 'New account',
    noun: 'account',
    schema: createAccountSchema,
    fields: [
      { name: 'name', label: 'Name', required: true },
      { name: 'domain', label: 'Web domain', hint: 'e.g. example.com' },
      { name: 'industry', label: 'Industry' },
    ],
    body: (v) => ({ name: v.name ?? '', domain: orNull(v.domain), industry: orNull(v.industry) }),
  },
  contact: {
    title: 'New contact',
    noun: 'contact',
    schema: createContactSchema,
    fields: [
      { name: 'firstName', label: 'First name' },
      { name: 'lastName', label: 'Last name', required: true },
      { name: 'title', label: 'Job title' },
      { name: 'emails', label: 'Email', input: 'email' },
      { name: 'phones', label: 'Phone', input: 'tel' },
    ],
    body: (v, links) => ({
      firstName: orNull(v.firstName),
      lastName: v.lastName ?? '',
      title: orNull(v.title),
      emails: list(v.emails),
      phones: list(v.phones),
      accountId: links.accountId ?? null,
    }),
  },
  lead: {
    title: 'New lead',
    noun: 'lead',
    schema: createLeadSchema,
    fields: [
      { name: 'firstName', label: 'First name' },
      { name: 'lastName', label: 'Last name', required: true },
      { name: 'company', label: 'Company' },
      { name: 'email', label: 'Email', input: 'email' },
      { name: 'phone', label: 'Phone', input: 'tel' },
      { name: 'source', label: 'Source', hint: 'e.g. web form, event, referral' },
    ],
    body: (v) => ({
      firstName: orNull(v.firstName),
      lastName: v.lastName ?? '',
      company: orNull(v.company),
      email: orNull(v.email),
      phone: orNull(v.phone),
      source: orNull(v.source),
    }),
  },
  task: {
    title: 'New task',
    noun: 'task',
    schema: createActivitySchema,
    fields: [
      { name: 'subject', label: 'What to do', required: true },
      { name: 'dueAt', label: 'Due', input: 'datetime-local' },
      { name: 'body', label: 'Notes', input: 'textarea' },
    ],
    body: (v, links) => ({
      type: 'task',
      subject: v.subject ?? '',
      dueAt: instant(v.dueAt),
      body: orNull(v.body),
      ...links,
    }),
  },
  note: {
    title: 'New note',
    noun: 'note',
    schema: createActivitySchema,
    fields: [{ name: 'body', label: 'Note', input: 'textarea', required: true }],
    body: (v, links) => ({ type: 'note', body: v.body ?? '', ...links }),
  },
  meeting: {
    title: 'Log a meeting',
    noun: 'meeting',
    schema: createActivitySchema,
    fields: [
      { name: 'subject', label: 'Subject' },
      { name: 'start', label: 'Starts', input: 'datetime-local', required: true },
      { name: 'end', label: 'Ends', input: 'datetime-local' },
      { name: 'location', label: 'Location' },
      { name: 'body', label: 'Notes', input: 'textarea' },
    ],
    body: (v, links) => ({
      type: 'meeting',
      subject: orNull(v.subject),
      start: instant(v.start) ?? '',
      end: instant(v.end),
      location: orNull(v.location),
      body: orNull(v.body),
      ...links,
    }),
  },
};

async function send(kind: NewRecordKind, body: unknown): Promise<{ id: string }> {
  switch (kind) {
    case 'account':
      return api.post('/accounts', { body: body as z.infer<typeof createAccountSchema> });
    case 'contact':
      return api.post('/contacts', { body: body as z.infer<typeof createContactSchema> });
    case 'lead':
      return api.post('/leads', { body: body as z.infer<typeof createLeadSchema> });
    case 'task':
    case 'note':
    case 'meeting':
      return api.post('/activities', { body: body as z.infer<typeof createActivitySchema> });
  }
}

/** A datetime-local value for an instant, in the browser's zone. */
export function localInput(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * Creates an account, contact (without an account: a B2C consumer), lead, task, note or meeting.
 * The contract's own schema checks the fields before they are sent and the server's refusal is
 * shown field by field; a new account, contact or lead opens on its page.
 */
export function RecordFormDialog({
  kind,
  links = {},
  initial = {},
  intro,
  onClose,
  onCreated,
}: {
  kind: NewRecordKind;
  links?: RecordLinks;
  initial?: Values;
  /** A line above the form, e.g. why a follow-up task is proposed. */
  intro?: ReactNode;
  onClose: () => void;
  onCreated?: (id: string) => void;
}) {
  const spec = specs[kind];
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [values, setValues] = useState<Values>(initial);
  const [problems, setProblems] = useState<{ summary: string; fields: FieldProblem[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const err = (field: string) =>
    problems?.fields.find((p) => p.field === field || p.field.startsWith(`${field}.`))?.message;
  const named = new Set(spec.fields.map((f) => f.name));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const parsed = spec.schema.safeParse(spec.body(values, links));
    if (!parsed.success) {
      setProblems({ summary: 'Please correct the marked fields.', fields: zodProblems(parsed.error) });
      return;
    }
    setBusy(true);
    setProblems(null);
    try {
      const created = await send(kind, parsed.data);
      void queryClient.invalidateQueries();
      onCreated?.(created.id);
      onClose();
      if (kind === 'account') await navigate({ to: '/accounts/$accountId', params: { accountId: created.id } });
      if (kind === 'contact') await navigate({ to: '/contacts/$contactId', params: { contactId: created.id } });
      if (kind === 'lead') await navigate({ to: '/leads/$leadId', params: { leadId: created.id } });
    } catch (error) {
      setProblems(problemsOf(error));
    } finally {
      setBusy(false);
    }
  };

  // Problems of fields the form does not show (a link, say) are listed in the summary.
  const unshown = problems?.fields.filter((p) => !named.has(p.field.split('.')[0] ?? '')) ?? [];
  return (
    <Modal title={spec.title} onClose={onClose} testId={`new-${kind}-dialog`}>
      {intro && <p className="notice">{intro}</p>}
      <form onSubmit={(e) => void onSubmit(e)} noValidate className="stack">
        {spec.fields.map((f) => (
          <label key={f.name}>
            {f.label}
            {f.required && <span aria-hidden="true"> *</span>}
            {f.input === 'textarea' ? (
              <textarea
                name={f.name}
                rows={3}
                value={values[f.name] ?? ''}
                required={f.required}
                onChange={(e) => setValues((v) => ({ ...v, [f.name]: e.target.value }))}
                aria-invalid={err(f.name) ? true : undefined}
              />
            ) : (
              <input
                name={f.name}
                type={f.input ?? 'text'}
                value={values[f.name] ?? ''}
                required={f.required}
                onChange={(e) => setValues((v) => ({ ...v, [f.name]: e.target.value }))}
                aria-invalid={err(f.name) ? true : undefined}
              />
            )}
            {f.hint && <span className="small muted">{f.hint}</span>}
            {err(f.name) && <span className="field-error">{err(f.name)}</span>}
          </label>
        ))}
        {kind === 'contact' && !links.accountId && (
          <p className="small muted">Without an account the contact is a consumer (B2C).</p>
        )}
        {problems && (
          <div className="error" role="alert" data-testid="form-errors">
            <p>{problems.summary}</p>
            {unshown.length > 0 && (
              <ul className="small">
                {unshown.map((p) => (
                  <li key={p.field}>
                    {fieldLabel(p.field)} {p.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        <div className="actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Saving…' : `Save ${spec.noun}`}
          </button>
        </div>
      </form>
    </Modal>
  );
}
