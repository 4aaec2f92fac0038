import { canManageForms, type Actor } from '../../contract/access.ts';
import { forbidden, invalid, type FieldProblem } from '../../contract/errors.ts';
import type {
  CreateFormInput,
  FormDto,
  FormField,
  FormRouting,
  FormSubmissionDto,
  ListFormsQuery,
  ListSubmissionsQuery,
  SubmissionOutcome,
  UpdateFormInput,
} from '../../contract/forms.ts';
import type { DbExecutor } from '../../db/database.ts';
import { encodeCursor } from '../../db/list.ts';
import type { Updateable } from 'kysely';
import type { FormsTable } from '../../db/schema.ts';
import { diffFields } from '../../domain/event-hash.ts';
import { composeToken, randomToken } from '../auth/tokens.ts';
import { write, type Deps } from '../context.ts';
import { checkVersion, found, iso, toPage, type ExpectedVersion } from '../shared.ts';
import * as campaigns from './campaigns.repository.ts';
import * as repo from './forms.repository.ts';

const KEY_PREFIX = 'pwf_';
const DEFAULT_SUBMIT = 'Send';
const DEFAULT_THANKS = 'Thank you, we will be in touch.';
/** Roles that may own leads a form routes to a fixed owner. */
const LEAD_OWNER_ROLES = ['admin', 'manager', 'rep', 'inside_sales', 'marketing'];

/** A new public key: it carries the organization's id (the lookup is per organization) and 24 random bytes. */
export function newFormKey(orgId: string): string {
  return composeToken(KEY_PREFIX, orgId, randomToken(24));
}

export function routingOf(r: Pick<repo.FormRow, 'routing' | 'owner_id' | 'team_id'>): FormRouting {
  if (r.routing === 'round_robin' && r.team_id) return { kind: 'round_robin', teamId: r.team_id };
  return { kind: 'owner', ownerId: r.owner_id ?? '' };
}

export function toFormDto(r: repo.FormRow): FormDto {
  return {
    id: r.id,
    name: r.name,
    publicKey: r.public_key,
    campaignId: r.campaign_id,
    fields: r.fields as FormField[],
    consentText: r.consent_text,
    routing: routingOf(r),
    submitLabel: r.submit_label,
    thankYouMessage: r.thank_you_message,
    enabled: r.enabled,
    submissions: r.submissions,
    lastSubmittedAt: iso(r.last_submitted_at),
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    version: r.version,
  };
}

export function toSubmissionDto(r: repo.SubmissionRow): FormSubmissionDto {
  return {
    id: r.id,
    formId: r.form_id,
    outcome: r.outcome as SubmissionOutcome,
    leadId: r.lead_id,
    contactId: r.contact_id,
    email: r.email,
    values: r.values,
    consentText: r.consent_text,
    consentedAt: iso(r.consented_at),
    utmSource: r.utm_source,
    utmMedium: r.utm_medium,
    utmCampaign: r.utm_campaign,
    utmContent: r.utm_content,
    utmTerm: r.utm_term,
    pageUrl: r.page_url,
    touchId: r.touch_id,
    submittedAt: r.submitted_at.toISOString(),
  };
}

const auditFields = [
  'name',
  'campaign_id',
  'fields',
  'consent_text',
  'routing',
  'owner_id',
  'team_id',
  'submit_label',
  'thank_you_message',
  'enabled',
] as const;

function snapshot(r: repo.FormRow): Record<string, unknown> {
  return Object.fromEntries(auditFields.map((f) => [f, r[f]]));
}

function assertCanManage(actor: Actor): void {
  if (!canManageForms(actor)) throw forbidden('Only marketing and admins manage forms');
}

/** The campaign is a live campaign of the organization; a fixed owner an active user who may own leads; a team live. */
async function checkForm(
  db: DbExecutor,
  orgId: string,
  next: { campaignId?: string | undefined; routing?: FormRouting | undefined },
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  if (next.campaignId && !(await campaigns.getCampaign(db, orgId, next.campaignId)))
    problems.push({ field: 'campaignId', message: 'is not a campaign of this organization' });
  if (next.routing?.kind === 'owner') {
    const role = await campaigns.activeUserRole(db, orgId, next.routing.ownerId);
    if (role === undefined)
      problems.push({ field: 'routing.ownerId', message: 'is not an active user of this organization' });
    else if (!LEAD_OWNER_ROLES.includes(role))
      problems.push({
        field: 'routing.ownerId',
        message: 'must be a user who may own leads (not a partner or auditor)',
      });
  }
  if (next.routing?.kind === 'round_robin' && !(await repo.teamExists(db, orgId, next.routing.teamId)))
    problems.push({ field: 'routing.teamId', message: 'is not a team of this organization' });
  return problems;
}

const routingColumns = (r: FormRouting) =>
  r.kind === 'owner'
    ? { routing: 'owner', owner_id: r.ownerId, team_id: null }
    : { routing: 'round_robin', owner_id: null, team_id: r.teamId };

export async function createForm(deps: Deps, actor: Actor, input: CreateFormInput): Promise<FormDto> {
  assertCanManage(actor);
  const id = deps.ids.id();
  const now = deps.clock.now();
  const row = await write(deps, actor.orgId, async (trx) => {
    const problems = await checkForm(trx, actor.orgId, input);
    if (problems.length > 0) throw invalid(problems);
    await repo.insertForm(trx, {
      org_id: actor.orgId,
      id,
      name: input.name,
      public_key: newFormKey(actor.orgId),
      campaign_id: input.campaignId,
      fields: JSON.stringify(input.fields),
      consent_text: input.consentText ?? null,
      ...routingColumns(input.routing),
      last_assigned_id: null,
      submit_label: input.submitLabel ?? DEFAULT_SUBMIT,
      thank_you_message: input.thankYouMessage ?? DEFAULT_THANKS,
      enabled: input.enabled ?? true,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    });
    const inserted = found(await repo.getForm(trx, actor.orgId, id), 'form', id);
    await deps.eventLog.append(trx, actor, [
      { entityType: 'form', entityId: id, type: 'form.created', data: { after: snapshot(inserted) } },
    ]);
    return inserted;
  });
  return toFormDto(row);
}

export async function getForm(deps: Deps, actor: Actor, id: string): Promise<FormDto> {
  assertCanManage(actor);
  return toFormDto(found(await repo.getForm(deps.db, actor.orgId, id), 'form', id));
}

export async function listForms(
  deps: Deps,
  actor: Actor,
  q: ListFormsQuery,
): Promise<{ items: FormDto[]; nextCursor: string | null }> {
  assertCanManage(actor);
  const rows = await repo.listForms(deps.db, actor.orgId, q);
  return toPage(rows, q.limit, toFormDto, (r) => encodeCursor(r.name, r.id));
}

export async function updateForm(
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
  input: UpdateFormInput,
): Promise<FormDto> {
  assertCanManage(actor);
  const row = await write(deps, actor.orgId, async (trx) => {
    const before = found(await repo.lockForm(trx, actor.orgId, id), 'form', id);
    const version = checkVersion('form', id, before.version, expected);
    const problems = await checkForm(trx, actor.orgId, input);
    if (problems.length > 0) throw invalid(problems);
    const patch: Updateable<FormsTable> = { updated_at: deps.clock.now() };
    if (input.name !== undefined) patch.name = input.name;
    if (input.campaignId !== undefined) patch.campaign_id = input.campaignId;
    if (input.fields !== undefined) patch.fields = JSON.stringify(input.fields);
    if (input.consentText !== undefined) patch.consent_text = input.consentText;
    if (input.routing !== undefined) Object.assign(patch, routingColumns(input.routing), { last_assigned_id: null });
    if (input.submitLabel !== undefined) patch.submit_label = input.submitLabel;
    if (input.thankYouMessage !== undefined) patch.thank_you_message = input.thankYouMessage;
    if (input.enabled !== undefined) patch.enabled = input.enabled;
    await repo.updateForm(trx, actor.orgId, id, version, patch);
    const after = found(await repo.getForm(trx, actor.orgId, id), 'form', id);
    // a form's owner is where its leads go, not who owns the form: every change is one `form.updated`
    const changes = diffFields(snapshot(before), snapshot(after), [...auditFields]);
    if (Object.keys(changes).length > 0)
      await deps.eventLog.append(trx, actor, [
        { entityType: 'form', entityId: id, type: 'form.updated', data: { changes } },
      ]);
    return after;
  });
  return toFormDto(row);
}

/** Replaces the public key: pages with the old snippet get 404 from then on. */
export async function rotateFormKey(
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
): Promise<FormDto> {
  assertCanManage(actor);
  const row = await write(deps, actor.orgId, async (trx) => {
    const before = found(await repo.lockForm(trx, actor.orgId, id), 'form', id);
    const version = checkVersion('form', id, before.version, expected);
    await repo.updateForm(trx, actor.orgId, id, version, {
      public_key: newFormKey(actor.orgId),
      updated_at: deps.clock.now(),
    });
    await deps.eventLog.append(trx, actor, [{ entityType: 'form', entityId: id, type: 'form.key_rotated', data: {} }]);
    return found(await repo.getForm(trx, actor.orgId, id), 'form', id);
  });
  return toFormDto(row);
}

export async function listFormSubmissions(
  deps: Deps,
  actor: Actor,
  id: string,
  q: ListSubmissionsQuery,
): Promise<{ items: FormSubmissionDto[]; nextCursor: string | null }> {
  assertCanManage(actor);
  found(await repo.getForm(deps.db, actor.orgId, id), 'form', id);
  const rows = await repo.listSubmissions(deps.db, actor.orgId, id, q);
  return toPage(rows, q.limit, toSubmissionDto, (r) => encodeCursor(r.submitted_at.toISOString(), r.id));
}
