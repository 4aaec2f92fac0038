import { invalid, notFound, type FieldProblem } from '../../contract/errors.ts';
import {
  consentField,
  consentGiven,
  formFieldInputType,
  formLeadFields,
  formValueSchemas,
  honeypotField,
  pageUrlField,
  utmOfPageUrl,
  utmParams,
  type FormField,
  type FormLeadField,
  type FormSubmissionBody,
  type FormSubmissionReceipt,
  type PublicFormDto,
  type SubmissionOutcome,
} from '../../contract/forms.ts';
import type { DbExecutor } from '../../db/database.ts';
import { parseToken } from '../auth/tokens.ts';
import { write, type Deps } from '../context.ts';
import type { EventActor } from '../events/event-log.ts';
import { createCapturedLead, fillCapturedLeadBlanks, type CapturedLeadFields } from '../leads/leads.service.ts';
import * as campaigns from './campaigns.repository.ts';
import * as repo from './forms.repository.ts';
import { routingOf } from './forms.service.ts';
import { appendTouch } from './touches.service.ts';

const KEY_PREFIX = 'pwf_';
const LEAD_SOURCE = 'web form';

/**
 * The enabled form published under a key. An unknown, malformed, rotated-away or disabled key is
 * not found, and the organization is taken from the key itself, so no key reaches another
 * organization's forms.
 */
async function publishedForm(db: DbExecutor, key: string): Promise<repo.FormRow> {
  const parsed = parseToken(KEY_PREFIX, key);
  const row = parsed ? await repo.formByKey(db, parsed.orgId, key) : undefined;
  if (!row?.enabled) throw notFound('form');
  return row;
}

export async function getPublicForm(deps: Deps, key: string): Promise<PublicFormDto> {
  const form = await publishedForm(deps.db, key);
  return {
    key: form.public_key,
    name: form.name,
    fields: (form.fields as FormField[]).map((f) => ({
      name: f.leadField,
      label: f.label,
      required: f.required,
      type: formFieldInputType(f.leadField),
    })),
    consentText: form.consent_text,
    submitLabel: form.submit_label,
    thankYouMessage: form.thank_you_message,
    honeypotField,
  };
}

const text = (v: string | undefined): string | undefined => {
  const t = v?.trim();
  return t ? t : undefined;
};

interface CheckedSubmission {
  lead: CapturedLeadFields;
  values: Record<string, string>;
  consented: boolean;
  pageUrl: string | null;
  utm: Record<(typeof utmParams)[number], string | null>;
}

/** Checks a submission against its form: every bad field is named in one 422. */
function checkSubmission(form: repo.FormRow, body: FormSubmissionBody): CheckedSubmission {
  const problems: FieldProblem[] = [];
  const fields = form.fields as FormField[];
  const asked = new Set<string>(fields.map((f) => f.leadField));
  const values: Partial<Record<FormLeadField, string>> = {};
  for (const name of formLeadFields) {
    const raw = text(body[name]);
    if (!asked.has(name)) {
      if (raw !== undefined) problems.push({ field: name, message: 'is not a field of this form' });
      continue;
    }
    const field = fields.find((f) => f.leadField === name);
    if (raw === undefined) {
      if (field?.required) problems.push({ field: name, message: 'is required' });
      continue;
    }
    const parsed = formValueSchemas[name].safeParse(raw);
    if (parsed.success) values[name] = parsed.data;
    else problems.push({ field: name, message: parsed.error.issues[0]?.message ?? 'is not valid' });
  }
  const consented = consentGiven(body[consentField]);
  if (form.consent_text !== null && !consented)
    problems.push({ field: consentField, message: 'must be given (tick the consent box)' });
  const pageUrl = text(body[pageUrlField]) ?? null;
  if (pageUrl !== null && !/^https?:\/\/[^\s]+$/i.test(pageUrl))
    problems.push({ field: pageUrlField, message: 'must be the http(s) URL of the page the form is on' });
  if (problems.length > 0) throw invalid(problems, 'The submission is not valid');
  const fromPage = utmOfPageUrl(pageUrl ?? undefined);
  const utm = Object.fromEntries(utmParams.map((p) => [p, text(body[p]) ?? fromPage[p] ?? null])) as Record<
    (typeof utmParams)[number],
    string | null
  >;
  const { email, lastName } = values;
  // the form's definition requires both, so a submission that passed has them
  if (!email || !lastName) throw invalid([{ field: 'email', message: 'is required' }]);
  return {
    lead: { ...values, email, lastName },
    values,
    consented: form.consent_text !== null && consented,
    pageUrl,
    utm,
  };
}

/** The owner of a new lead by the form's routing: the fixed owner while active, else the team's next active member in turn. */
async function routeOwner(trx: DbExecutor, form: repo.FormRow): Promise<string | null> {
  const routing = routingOf(form);
  if (routing.kind === 'owner')
    return (await campaigns.activeUserRole(trx, form.org_id, routing.ownerId)) ? routing.ownerId : null;
  const members = await repo.activeTeamMembers(trx, form.org_id, routing.teamId);
  const last = form.last_assigned_id;
  const next = members.find((m) => last !== null && m > last) ?? members[0];
  if (next === undefined) return null;
  await repo.setLastAssigned(trx, form.org_id, form.id, next);
  return next;
}

/** The person a submission is about: the contact or lead with its email, or a new lead. */
async function matchPerson(
  trx: DbExecutor,
  deps: Deps,
  form: repo.FormRow,
  lead: CapturedLeadFields,
): Promise<{ outcome: SubmissionOutcome; type: 'lead' | 'contact'; id: string }> {
  const orgId = form.org_id;
  const contactId = await repo.contactByEmail(trx, orgId, lead.email);
  if (contactId) return { outcome: 'matched_contact', type: 'contact', id: contactId };
  const existing = await repo.leadByEmail(trx, orgId, lead.email);
  if (existing?.status === 'converted' && existing.converted_contact_id)
    if (await repo.contactIsLive(trx, orgId, existing.converted_contact_id))
      return { outcome: 'matched_contact', type: 'contact', id: existing.converted_contact_id };
  if (existing) {
    await fillCapturedLeadBlanks(trx, deps, orgId, existing.id, lead);
    return { outcome: 'matched_lead', type: 'lead', id: existing.id };
  }
  const ownerId = await routeOwner(trx, form);
  const id = await createCapturedLead(trx, deps, orgId, lead, {
    ownerId,
    campaignId: form.campaign_id,
    source: LEAD_SOURCE,
  });
  return { outcome: 'created_lead', type: 'lead', id };
}

/**
 * A public submission (no session). A filled honeypot is answered as a success and stores nothing.
 * Otherwise, in one transaction: the lead or contact with the same email (same organization) is
 * matched, or a new lead is created for the form's campaign and routed owner; the touch
 * "submitted a form" is recorded with the UTM codes of the body (or else of the page URL, or else
 * the campaign's own); the submission is stored with the consent text shown and the time it was
 * given; and `form.submitted` is logged.
 */
export async function submitForm(deps: Deps, key: string, body: FormSubmissionBody): Promise<FormSubmissionReceipt> {
  const found = await publishedForm(deps.db, key);
  const receipt: FormSubmissionReceipt = { received: true, message: found.thank_you_message };
  if (text(body[honeypotField]) !== undefined) return receipt;
  const checked = checkSubmission(found, body);
  const orgId = found.org_id;
  const system: EventActor & { orgId: string } = { orgId, userId: null };
  await write(deps, orgId, async (trx) => {
    // one submission of a form at a time (the round robin's turn), and one per email address at a
    // time across forms, so two quick submissions of a new address make one lead, not two
    const form = (await repo.lockForm(trx, orgId, found.id)) ?? found;
    await repo.lockEmail(trx, orgId, checked.lead.email);
    const person = await matchPerson(trx, deps, form, checked.lead);
    const now = deps.clock.now();
    const campaign = await repo.campaignOfForm(trx, orgId, form.campaign_id);
    const touch = await appendTouch(deps, trx, system, campaign, person, 'submitted_form', now, {
      utmSource: checked.utm.utm_source,
      utmMedium: checked.utm.utm_medium,
      utmCampaign: checked.utm.utm_campaign,
      utmContent: checked.utm.utm_content,
      utmTerm: checked.utm.utm_term,
    });
    const id = deps.ids.id();
    const consentText = checked.consented ? form.consent_text : null;
    await repo.insertSubmission(trx, {
      org_id: orgId,
      id,
      form_id: form.id,
      outcome: person.outcome,
      lead_id: person.type === 'lead' ? person.id : null,
      contact_id: person.type === 'contact' ? person.id : null,
      email: checked.lead.email,
      values: JSON.stringify(checked.values),
      consent_text: consentText,
      consented_at: consentText === null ? null : now,
      utm_source: touch.utm_source,
      utm_medium: touch.utm_medium,
      utm_campaign: touch.utm_campaign,
      utm_content: touch.utm_content,
      utm_term: touch.utm_term,
      page_url: checked.pageUrl,
      touch_id: touch.id,
      submitted_at: now,
    });
    await deps.eventLog.append(trx, system, [
      {
        entityType: 'form',
        entityId: form.id,
        type: 'form.submitted',
        data: {
          submissionId: id,
          outcome: person.outcome,
          personType: person.type,
          personId: person.id,
          touchId: touch.id,
          consentText,
          consentedAt: consentText === null ? null : now.toISOString(),
          pageUrl: checked.pageUrl,
          utmSource: touch.utm_source,
          utmMedium: touch.utm_medium,
          utmCampaign: touch.utm_campaign,
          utmContent: touch.utm_content,
          utmTerm: touch.utm_term,
        },
      },
    ]);
  });
  return receipt;
}
