import { z } from 'zod';
import { domainSchema } from './accounts.ts';
import { emailSchema, idSchema, nameSchema, phoneSchema } from './common.ts';

/**
 * Inbound capture: forms defined in the app whose submissions become leads (or touches of the
 * existing lead or contact with the same email), published under an unguessable public key.
 */

/** The lead fields a form field may fill. */
export const formLeadFields = [
  'firstName',
  'lastName',
  'email',
  'phone',
  'title',
  'company',
  'companyDomain',
  'industry',
] as const;
export const formLeadFieldSchema = z.enum(formLeadFields);
export type FormLeadField = z.infer<typeof formLeadFieldSchema>;

/** The input of a field: its name in the HTML form is the lead field it fills. */
export const formFieldInputType = (field: FormLeadField): 'email' | 'tel' | 'text' =>
  field === 'email' ? 'email' : field === 'phone' ? 'tel' : 'text';

/** Name of the honeypot input: hidden from people, so a value in it is a robot's. */
export const honeypotField = 'website';
/** A submission's consent checkbox. */
export const consentField = 'consent';
/** The URL of the page the form was on; its utm_* query parameters are read when the body has none. */
export const pageUrlField = 'pageUrl';
export const utmParams = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_content', 'utm_term'] as const;

export const formFieldSchema = z.strictObject({
  leadField: formLeadFieldSchema,
  label: z.string().trim().min(1, 'must not be empty').max(200),
  required: z.boolean(),
});
export type FormField = z.infer<typeof formFieldSchema>;

/** Who new leads of a form belong to: one user, or the active members of a team in turn. */
export const formRoutingSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('owner'), ownerId: idSchema }),
  z.strictObject({ kind: z.literal('round_robin'), teamId: idSchema }),
]);
export type FormRouting = z.infer<typeof formRoutingSchema>;

const consentTextSchema = z.string().trim().min(1, 'must not be empty').max(5000);
const labelText = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

/**
 * The fields of a form: at most one per lead field; email (the key submissions are matched by) and
 * last name (every lead has one) are asked, and required.
 */
const formFieldsSchema = z
  .array(formFieldSchema)
  .min(1, 'must have at least one field')
  .max(formLeadFields.length)
  .superRefine((fields, ctx) => {
    const seen = new Set<string>();
    fields.forEach((f, i) => {
      if (seen.has(f.leadField))
        ctx.addIssue({ code: 'custom', path: [i, 'leadField'], message: 'is already a field of this form' });
      seen.add(f.leadField);
    });
    for (const needed of ['email', 'lastName'] as const) {
      const field = fields.find((f) => f.leadField === needed);
      if (!field) ctx.addIssue({ code: 'custom', message: `must include ${needed} (required)` });
      else if (!field.required)
        ctx.addIssue({
          code: 'custom',
          path: [fields.indexOf(field), 'required'],
          message: `${needed} must be required`,
        });
    }
  });

export const createFormSchema = z.strictObject({
  name: nameSchema,
  campaignId: idSchema,
  fields: formFieldsSchema,
  /** Shown beside a checkbox the submitter must tick; no consent is asked when null. */
  consentText: consentTextSchema.nullable().optional(),
  routing: formRoutingSchema,
  submitLabel: labelText(100).optional(),
  thankYouMessage: labelText(1000).optional(),
  enabled: z.boolean().optional(),
});
export type CreateFormInput = z.infer<typeof createFormSchema>;

export const updateFormSchema = createFormSchema.partial();
export type UpdateFormInput = z.infer<typeof updateFormSchema>;

export const formSchema = z.object({
  id: idSchema,
  name: z.string(),
  /** The key of the public endpoints; unguessable, changed by rotating it. */
  publicKey: z.string(),
  campaignId: idSchema,
  fields: z.array(formFieldSchema),
  consentText: z.string().nullable(),
  routing: formRoutingSchema,
  submitLabel: z.string(),
  thankYouMessage: z.string(),
  enabled: z.boolean(),
  submissions: z.number().int(),
  lastSubmittedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type FormDto = z.infer<typeof formSchema>;

export const listFormsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  campaignId: idSchema.optional(),
});
export type ListFormsQuery = z.infer<typeof listFormsQuery>;

/** What a page needs to render a form (no internal ids). */
export const publicFormSchema = z.object({
  key: z.string(),
  name: z.string(),
  fields: z.array(
    z.object({
      name: formLeadFieldSchema,
      label: z.string(),
      required: z.boolean(),
      type: z.enum(['email', 'tel', 'text']),
    }),
  ),
  consentText: z.string().nullable(),
  submitLabel: z.string(),
  thankYouMessage: z.string(),
  honeypotField: z.literal(honeypotField),
});
export type PublicFormDto = z.infer<typeof publicFormSchema>;

export const formKeyParams = z.object({ key: z.string().max(200) });

const value = (max: number) => z.string().max(max);
const utmValue = z.string().max(200);

/**
 * A submission as it arrives (JSON, or a plain HTML form's urlencoded body: every value a string).
 * Which fields the form asks for, and the format of each, is checked against the form.
 */
export const formSubmissionBodySchema = z.strictObject({
  firstName: value(200).optional(),
  lastName: value(300).optional(),
  email: value(320).optional(),
  phone: value(60).optional(),
  title: value(300).optional(),
  company: value(300).optional(),
  companyDomain: value(253).optional(),
  industry: value(200).optional(),
  [consentField]: z.union([z.boolean(), z.string().max(20)]).optional(),
  [honeypotField]: z.string().max(2000).optional(),
  [pageUrlField]: z.string().max(2000).optional(),
  utm_source: utmValue.optional(),
  utm_medium: utmValue.optional(),
  utm_campaign: utmValue.optional(),
  utm_content: utmValue.optional(),
  utm_term: utmValue.optional(),
});
export type FormSubmissionBody = z.infer<typeof formSubmissionBodySchema>;

/** The answer to a submission: the same whether it was stored or caught by the honeypot. */
export const formSubmissionReceiptSchema = z.object({ received: z.literal(true), message: z.string() });
export type FormSubmissionReceipt = z.infer<typeof formSubmissionReceiptSchema>;

/** The format rule of each lead field's value (the same as for a lead typed in the app). */
export const formValueSchemas: Record<FormLeadField, z.ZodType<string>> = {
  firstName: z.string().trim().max(200),
  lastName: nameSchema,
  email: emailSchema,
  phone: phoneSchema,
  title: z.string().trim().max(300),
  company: z.string().trim().max(300),
  companyDomain: domainSchema,
  industry: z.string().trim().max(200),
};

/** Values a consent checkbox sends when ticked. */
export function consentGiven(v: boolean | string | undefined): boolean {
  if (typeof v === 'boolean') return v;
  return v !== undefined && ['on', 'true', 'yes', '1'].includes(v.trim().toLowerCase());
}

export const submissionOutcomes = ['created_lead', 'matched_lead', 'matched_contact'] as const;
export type SubmissionOutcome = (typeof submissionOutcomes)[number];

export const formSubmissionSchema = z.object({
  id: idSchema,
  formId: idSchema,
  outcome: z.enum(submissionOutcomes),
  leadId: idSchema.nullable(),
  contactId: idSchema.nullable(),
  email: z.string(),
  values: z.record(z.string(), z.string()),
  consentText: z.string().nullable(),
  consentedAt: z.string().nullable(),
  utmSource: z.string().nullable(),
  utmMedium: z.string().nullable(),
  utmCampaign: z.string().nullable(),
  utmContent: z.string().nullable(),
  utmTerm: z.string().nullable(),
  pageUrl: z.string().nullable(),
  touchId: idSchema,
  submittedAt: z.string(),
});
export type FormSubmissionDto = z.infer<typeof formSubmissionSchema>;

export const listSubmissionsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type ListSubmissionsQuery = z.infer<typeof listSubmissionsQuery>;

/** UTM codes of a page URL's query (`utm_source`, …); none when the URL does not parse. */
export function utmOfPageUrl(pageUrl: string | undefined): Partial<Record<(typeof utmParams)[number], string>> {
  if (!pageUrl) return {};
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return {};
  }
  const out: Partial<Record<(typeof utmParams)[number], string>> = {};
  for (const p of utmParams) {
    const v = url.searchParams.get(p)?.trim();
    if (v) out[p] = v.slice(0, 200);
  }
  return out;
}

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/**
 * The HTML to paste into a page: a plain form posting to the public endpoint (it works without
 * script, as application/x-www-form-urlencoded), a hidden honeypot, and a small script that adds the
 * page URL (for its UTM codes), sends the form in the background and shows the thank-you message.
 */
export function formSnippet(origin: string, form: PublicFormDto): string {
  const action = `${origin.replace(/\/$/, '')}/api/v1/forms/${encodeURIComponent(form.key)}/submissions`;
  const id = `pw-form-${form.key.slice(-8).replace(/[^A-Za-z0-9_-]/g, '')}`;
  const fields = form.fields
    .map(
      (f) =>
        `  <label>${escapeHtml(f.label)}${f.required ? ' *' : ''}<br><input type="${f.type}" name="${f.name}"${f.required ? ' required' : ''}></label><br>`,
    )
    .join('\n');
  const consent = form.consentText
    ? `\n  <label><input type="checkbox" name="${consentField}" value="on" required> ${escapeHtml(form.consentText)}</label><br>`
    : '';
  return `<form id="${id}" method="post" action="${escapeHtml(action)}">
${fields}${consent}
  <div style="position:absolute;left:-10000px" aria-hidden="true"><input type="text" name="${honeypotField}" tabindex="-1" autocomplete="off"></div>
  <input type="hidden" name="${pageUrlField}">
  <button type="submit">${escapeHtml(form.submitLabel)}</button>
</form>
<script>
(function () {
  var f = document.getElementById(${JSON.stringify(id)});
  f.elements[${JSON.stringify(pageUrlField)}].value = location.href;
  f.addEventListener('submit', function (e) {
    e.preventDefault();
    fetch(f.action, { method: 'POST', body: new URLSearchParams(new FormData(f)) })
      .then(function (r) { return r.json().then(function (b) { return { ok: r.ok, b: b }; }); })
      .then(function (x) {
        var p = document.createElement('p');
        p.textContent = x.ok ? x.b.message : (x.b.detail || 'Sorry, that did not work.');
        if (x.ok) f.replaceWith(p); else f.appendChild(p);
      });
  });
})();
</script>`;
}
