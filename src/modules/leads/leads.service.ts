import { noteLeadClosed } from '../cadences/cadences.service.ts';
import { camelSnapshot } from '../../contract/events/casing.ts';
import type { DbExecutor } from '../../db/database.ts';
import { encodeCursor } from '../../db/list.ts';
import { scopeFor, type Actor } from '../../contract/access.ts';
import {
  assertLeadEditable,
  resolveDisqualifiedReason,
  type CreateLeadInput,
  type LeadDto,
  type LeadStatus,
  type ListLeadsQuery,
  type UpdateLeadInput,
} from '../../contract/leads.ts';
import { AppError, invalid } from '../../contract/errors.ts';
import { lifecycleStages, type ChangeLifecycleInput, type LifecycleStage } from '../../contract/marketing.ts';
import { changeEvents } from '../shared.ts';
import { assertCanCreate, assertCanRead, assertCanWrite, onVisibleBooking, resolveOwner } from '../access.ts';
import { write, type Deps } from '../context.ts';
import { type EventInput } from '../events/events.service.ts';
import { checkVersion, iso, toPage, withProblems, type ExpectedVersion } from '../shared.ts';
import * as repo from './leads.repository.ts';
import { routeArrivingLead } from '../routing/route.service.ts';
import { resolveRecordTerritory } from '../routing/territories.service.ts';
import { rescoreLead, type Promotion } from '../scoring/scoring.service.ts';
import { syncHandoff } from '../handoffs/handoffs.service.ts';

export function toLeadDto(r: repo.LeadRow): LeadDto {
  return {
    id: r.id,
    externalId: r.external_id,
    firstName: r.first_name,
    lastName: r.last_name,
    email: r.email,
    phone: r.phone,
    title: r.title,
    company: r.company,
    companyDomain: r.company_domain,
    industry: r.industry,
    source: r.source,
    campaignId: r.campaign_id,
    status: r.status as LeadStatus,
    disqualifiedReason: r.disqualified_reason,
    ownerId: r.owner_id,
    convertedAt: iso(r.converted_at),
    convertedAccountId: r.converted_account_id,
    convertedContactId: r.converted_contact_id,
    convertedDealId: r.converted_deal_id,
    lastTouchedAt: iso(r.last_touched_at ?? null),
    lifecycleStage: r.lifecycle_stage as LifecycleStage,
    recycleReason: r.recycle_reason,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    version: r.version,
  };
}

/** Fields recorded in lead events (snake_case, as stored). */
const auditFields = [
  'external_id',
  'first_name',
  'last_name',
  'email',
  'phone',
  'title',
  'company',
  'company_domain',
  'industry',
  'source',
  'campaign_id',
  'status',
  'disqualified_reason',
  'owner_id',
  'converted_at',
  'converted_account_id',
  'converted_contact_id',
  'converted_deal_id',
] as const;

/** The lead as events record it (the audited fields, as stored). */
export function leadSnapshot(r: repo.LeadRow): Record<string, unknown> {
  return camelSnapshot(Object.fromEntries(auditFields.map((f) => [f, r[f]])));
}

/**
 * Events of a change to a lead. A status change is always its own `lead.status_changed` with
 * { from, to }, the event the funnel and process mining read, and is never repeated inside
 * `lead.updated`, which carries every other changed field (the disqualification reason included);
 * an owner change is `lead.assigned`. One write can thus record up to three events.
 */
export function leadChangeEvents(id: string, before: repo.LeadRow, after: repo.LeadRow): EventInput[] {
  const events: EventInput[] = [];
  if (before.status !== after.status)
    events.push({
      entityType: 'lead',
      entityId: id,
      type: 'lead.status_changed',
      data: { from: before.status, to: after.status },
    });
  const otherFields = auditFields.filter((f) => f !== 'status');
  return [...events, ...changeEvents('lead', id, leadSnapshot(before), leadSnapshot(after), otherFields)];
}

function patchFrom(input: UpdateLeadInput): repo.LeadPatch {
  const p: repo.LeadPatch = {};
  if (input.firstName !== undefined) p.first_name = input.firstName;
  if (input.lastName !== undefined) p.last_name = input.lastName;
  if (input.email !== undefined) p.email = input.email;
  if (input.phone !== undefined) p.phone = input.phone;
  if (input.title !== undefined) p.title = input.title;
  if (input.company !== undefined) p.company = input.company;
  if (input.companyDomain !== undefined) p.company_domain = input.companyDomain;
  if (input.industry !== undefined) p.industry = input.industry;
  if (input.source !== undefined) p.source = input.source;
  if (input.campaignId !== undefined) p.campaign_id = input.campaignId;
  if (input.status !== undefined) p.status = input.status;
  if (input.externalId !== undefined) p.external_id = input.externalId;
  return p;
}

export async function createLead(deps: Deps, actor: Actor, input: CreateLeadInput): Promise<LeadDto> {
  assertCanCreate(actor, 'lead');
  const now = deps.clock.now();
  const id = deps.ids.id();
  const status = input.status ?? 'new';
  const { reason, problems } = resolveDisqualifiedReason(status, null, input.disqualifiedReason);
  const row = await write(deps, actor.orgId, async (trx) => {
    const ownerId = await withProblems(problems, () => resolveOwner(trx, actor, 'lead', input.ownerId, actor.userId));
    const inserted = await repo.insertLead(trx, {
      org_id: actor.orgId,
      id,
      external_id: input.externalId ?? null,
      first_name: input.firstName ?? null,
      last_name: input.lastName,
      email: input.email ?? null,
      phone: input.phone ?? null,
      title: input.title ?? null,
      company: input.company ?? null,
      company_domain: input.companyDomain ?? null,
      industry: input.industry ?? null,
      source: input.source ?? null,
      campaign_id: input.campaignId ?? null,
      status,
      disqualified_reason: reason,
      owner_id: ownerId,
      converted_at: null,
      converted_account_id: null,
      converted_contact_id: null,
      converted_deal_id: null,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    });
    await deps.eventLog.append(trx, actor, [
      { entityType: 'lead', entityId: id, type: 'lead.created', data: { after: leadSnapshot(inserted) } },
    ]);
    await resolveRecordTerritory(deps, trx, actor, 'lead', id);
    // A lead created without a chosen owner goes to whom the routing rules say, when the organization routes leads.
    const routed = input.ownerId === undefined ? await routeArrivingLead(deps, trx, actor, id) : null;
    let current = inserted;
    if (routed !== null && routed !== inserted.owner_id) {
      current = await repo.updateLead(trx, actor.orgId, id, inserted.version, { owner_id: routed, updated_at: now });
      await deps.eventLog.append(trx, actor, leadChangeEvents(id, inserted, current));
    }
    return withPromotion(current, await rescoreLead(deps, trx, actor, id));
  });
  return toLeadDto(row);
}

/** A live lead as stored, for a process step that decides by it before acting as a user. */
export async function leadRow(db: DbExecutor, orgId: string, id: string): Promise<LeadDto | undefined> {
  const row = await repo.getLead(db, orgId, id);
  return row ? toLeadDto(row) : undefined;
}

export async function getLead(deps: Deps, actor: Actor, id: string): Promise<LeadDto> {
  const row = await repo.getLead(deps.db, actor.orgId, id);
  return toLeadDto(assertCanRead(actor, 'lead', row, id, await onVisibleBooking(deps.db, actor, 'lead', row)));
}

export async function listLeads(
  deps: Deps,
  actor: Actor,
  q: ListLeadsQuery,
): Promise<{ items: LeadDto[]; nextCursor: string | null }> {
  const rows = await repo.listLeads(deps.db, actor.orgId, scopeFor(actor, 'lead', 'read'), q);
  return toPage(rows, q.limit, toLeadDto, (r) => encodeCursor(r[q.sort], r.id));
}

/** Loads a lead the actor may change and that is still open to change, at the expected version. */
async function loadForChange(
  trx: DbExecutor,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
): Promise<{ before: repo.LeadRow; version: number }> {
  const before = assertCanWrite(actor, 'lead', await repo.lockLead(trx, actor.orgId, id), id);
  assertLeadEditable(before.status);
  return { before, version: checkVersion('lead', id, before.version, expected) };
}

export async function updateLead(
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
  input: UpdateLeadInput,
): Promise<LeadDto> {
  const row = await write(deps, actor.orgId, async (trx) => {
    const { before, version } = await loadForChange(trx, actor, id, expected);
    const patch = patchFrom(input);
    const status = input.status ?? (before.status as LeadStatus);
    const { reason, problems } = resolveDisqualifiedReason(
      status,
      before.disqualified_reason,
      input.disqualifiedReason,
    );
    patch.disqualified_reason = reason;
    // The owner is resolved only when sent: a lead whose owner has since left stays editable.
    const owner = input.ownerId;
    patch.owner_id = await withProblems(problems, async () =>
      owner === undefined ? before.owner_id : resolveOwner(trx, actor, 'lead', owner, before.owner_id),
    );
    const after = await repo.updateLead(trx, actor.orgId, id, version, { ...patch, updated_at: deps.clock.now() });
    await deps.eventLog.append(trx, actor, leadChangeEvents(id, before, after));
    await resolveRecordTerritory(deps, trx, actor, 'lead', id);
    const promoted = withPromotion(after, await rescoreLead(deps, trx, actor, id));
    await syncHandoff(deps, trx, actor, id);
    if (after.status !== before.status) await noteLeadClosed(deps, trx, actor, id, after.status, false);
    return { ...promoted, last_touched_at: before.last_touched_at };
  });
  return toLeadDto(row);
}

/** The lead as its write left it once scoring moved it to MQL (the new stage and version). */
function withPromotion(row: repo.LeadRow, promotion: Promotion | null): repo.LeadRow {
  return promotion ? { ...row, lifecycle_stage: promotion.lifecycleStage, version: promotion.version } : row;
}

/** What a lead became when it was converted. */
export interface LeadConversionLinks {
  accountId: string | null;
  contactId: string | null;
  dealId: string | null;
}

/**
 * The only way a lead becomes `converted`. The conversion use case calls it inside its own
 * transaction, after creating the account, contact and deal, so the lead and its records commit
 * together; it records `lead.status_changed` and the links in `lead.updated` like any other change.
 */
export async function markLeadConverted(
  trx: DbExecutor,
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
  links: LeadConversionLinks,
): Promise<LeadDto> {
  const { before, version } = await loadForChange(trx, actor, id, expected);
  const now = deps.clock.now();
  const after = await repo.updateLead(trx, actor.orgId, id, version, {
    status: 'converted',
    disqualified_reason: null,
    converted_at: now,
    converted_account_id: links.accountId,
    converted_contact_id: links.contactId,
    converted_deal_id: links.dealId,
    ...(links.dealId ? { lifecycle_stage: 'opportunity' } : {}),
    updated_at: now,
  });
  const events = leadChangeEvents(id, before, after);
  if (after.lifecycle_stage !== before.lifecycle_stage)
    events.push({
      entityType: 'lead',
      entityId: id,
      type: 'lead.lifecycle_changed',
      data: { from: before.lifecycle_stage, to: after.lifecycle_stage },
    });
  await deps.eventLog.append(trx, actor, events);
  await syncHandoff(deps, trx, actor, id);
  await noteLeadClosed(deps, trx, actor, id, 'converted', links.dealId !== null);
  return toLeadDto({ ...after, last_touched_at: before.last_touched_at });
}

/**
 * Moves a lead in the marketing lifecycle (subscriber → lead → MQL → SQL). Forward moves may skip
 * stages; a move back is a recycle and needs its reason; a disqualified lead is not moved forward
 * (requalify it first). The change is a `lead.lifecycle_changed` event; sending the current stage
 * changes nothing. Opportunity and customer follow from converting the lead into a deal.
 */
export async function changeLeadLifecycle(
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
  input: ChangeLifecycleInput,
): Promise<LeadDto> {
  const row = await write(deps, actor.orgId, async (trx) => {
    const { before, version } = await loadForChange(trx, actor, id, expected);
    const from = before.lifecycle_stage as LifecycleStage;
    const to = input.stage;
    if (from === to) return before;
    const back = lifecycleStages.indexOf(to) < lifecycleStages.indexOf(from);
    if (back && !input.recycleReason)
      throw invalid([{ field: 'recycleReason', message: `is required to move the lead back from ${from} to ${to}` }]);
    if (!back && input.recycleReason)
      throw invalid([{ field: 'recycleReason', message: 'applies only when the lead moves back (a recycle)' }]);
    if (!back && before.status === 'disqualified')
      throw new AppError('invalid_transition', 'A disqualified lead does not move forward; requalify it first', {
        details: { leadStatus: before.status },
      });
    const after = await repo.updateLead(trx, actor.orgId, id, version, {
      lifecycle_stage: to,
      ...(back ? { recycle_reason: input.recycleReason ?? null } : {}),
      updated_at: deps.clock.now(),
    });
    await deps.eventLog.append(trx, actor, [
      {
        entityType: 'lead',
        entityId: id,
        type: 'lead.lifecycle_changed',
        data: back ? { from, to, recycleReason: input.recycleReason } : { from, to },
      },
    ]);
    await syncHandoff(deps, trx, actor, id);
    return after;
  });
  return toLeadDto(row);
}

/** Converted leads are kept: attribution and the funnel count them. */
export async function deleteLead(
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
): Promise<void> {
  await write(deps, actor.orgId, async (trx) => {
    const { before, version } = await loadForChange(trx, actor, id, expected);
    const now = deps.clock.now();
    await repo.updateLead(trx, actor.orgId, id, version, { deleted_at: now, updated_at: now });
    await deps.eventLog.append(trx, actor, [
      { entityType: 'lead', entityId: id, type: 'lead.deleted', data: { before: leadSnapshot(before) } },
    ]);
    await syncHandoff(deps, trx, actor, id);
  });
}

/** Lead fields a captured submission fills (the values already checked). */
export interface CapturedLeadFields {
  firstName?: string | undefined;
  lastName: string;
  email: string;
  phone?: string | undefined;
  title?: string | undefined;
  company?: string | undefined;
  companyDomain?: string | undefined;
  industry?: string | undefined;
}

/**
 * A lead from an inbound form, in the caller's transaction: written by the system (no user acted),
 * for the form's campaign and the owner its routing chose, as `lead.created`.
 */
export async function createCapturedLead(
  trx: DbExecutor,
  deps: Deps,
  orgId: string,
  fields: CapturedLeadFields,
  opts: { ownerId: string | null; campaignId: string; source: string },
): Promise<string> {
  const now = deps.clock.now();
  const id = deps.ids.id();
  const inserted = await repo.insertLead(trx, {
    org_id: orgId,
    id,
    external_id: null,
    first_name: fields.firstName ?? null,
    last_name: fields.lastName,
    email: fields.email,
    phone: fields.phone ?? null,
    title: fields.title ?? null,
    company: fields.company ?? null,
    company_domain: fields.companyDomain ?? null,
    industry: fields.industry ?? null,
    source: opts.source,
    campaign_id: opts.campaignId,
    status: 'new',
    disqualified_reason: null,
    owner_id: opts.ownerId,
    converted_at: null,
    converted_account_id: null,
    converted_contact_id: null,
    converted_deal_id: null,
    created_by: null,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  });
  await deps.eventLog.append(trx, { orgId, userId: null }, [
    { entityType: 'lead', entityId: id, type: 'lead.created', data: { after: leadSnapshot(inserted) } },
  ]);
  return id;
}

/**
 * An inbound form matched an existing open lead by email: the fields the lead has no value for are
 * filled from the submission (what sales typed is never overwritten), as `lead.updated` by the
 * system. A converted lead is history and is left as it is.
 */
export async function fillCapturedLeadBlanks(
  trx: DbExecutor,
  deps: Deps,
  orgId: string,
  id: string,
  fields: CapturedLeadFields,
): Promise<void> {
  const before = await repo.lockLead(trx, orgId, id);
  if (!before || before.status === 'converted') return;
  const patch: repo.LeadPatch = {};
  const fill = <K extends 'first_name' | 'phone' | 'title' | 'company' | 'company_domain' | 'industry'>(
    column: K,
    v: string | undefined,
  ) => {
    if (v && before[column] === null) patch[column] = v;
  };
  fill('first_name', fields.firstName);
  fill('phone', fields.phone);
  fill('title', fields.title);
  fill('company', fields.company);
  fill('company_domain', fields.companyDomain);
  fill('industry', fields.industry);
  if (Object.keys(patch).length === 0) return;
  const after = await repo.updateLead(trx, orgId, id, before.version, { ...patch, updated_at: deps.clock.now() });
  await deps.eventLog.append(trx, { orgId, userId: null }, leadChangeEvents(id, before, after));
}
