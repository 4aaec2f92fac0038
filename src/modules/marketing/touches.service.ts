import { canRecordTouches, inScope, touchScope, type Actor } from '../../contract/access.ts';
import { forbidden, invalid, notFound } from '../../contract/errors.ts';
import {
  memberStatusAdvances,
  memberStatusOfTouch,
  type ListMembersQuery,
  type ListTouchesQuery,
  type MemberDto,
  type MemberStatus,
  type RecordTouchInput,
  type SetMemberInput,
  type TouchDto,
  type TouchKind,
} from '../../contract/marketing.ts';
import type { DbExecutor } from '../../db/database.ts';
import { encodeCursor } from '../../db/list.ts';
import { write, type Deps } from '../context.ts';
import type { EventActor } from '../events/event-log.ts';
import { found, iso, toPage } from '../shared.ts';
import * as repo from './campaigns.repository.ts';
import { rescoreLead } from '../scoring/scoring.service.ts';
import { assertCanReadCampaigns, loadCampaign } from './campaigns.service.ts';

type PersonType = 'lead' | 'contact';

export function toTouchDto(r: repo.TouchRow): TouchDto {
  return {
    id: r.id,
    campaignId: r.campaign_id,
    leadId: r.lead_id,
    contactId: r.contact_id,
    kind: r.kind as TouchDto['kind'],
    touchedAt: r.touched_at.toISOString(),
    utmSource: r.utm_source,
    utmMedium: r.utm_medium,
    utmCampaign: r.utm_campaign,
    utmContent: r.utm_content,
    utmTerm: r.utm_term,
    recordedBy: r.recorded_by,
    createdAt: r.created_at.toISOString(),
  };
}

function toMemberDto(r: repo.MemberRow): MemberDto {
  return {
    campaignId: r.campaign_id,
    personId: r.person_id,
    personType: r.person_type as PersonType,
    name: r.name,
    status: r.status as MemberStatus,
    touches: r.touches,
    firstTouchAt: iso(r.first_touch_at),
    lastTouchAt: iso(r.last_touch_at),
    updatedAt: r.updated_at.toISOString(),
  };
}

const scopesOf = (actor: Actor) => ({ lead: touchScope(actor, 'lead'), contact: touchScope(actor, 'contact') });

/** Exactly one of leadId and contactId names the person, else a 400 naming both fields. */
function personOf(input: { leadId?: string | undefined; contactId?: string | undefined }): {
  type: PersonType;
  id: string;
} {
  if (input.leadId && !input.contactId) return { type: 'lead', id: input.leadId };
  if (input.contactId && !input.leadId) return { type: 'contact', id: input.contactId };
  const message = 'name exactly one person: leadId or contactId';
  throw invalid([
    { field: 'leadId', message },
    { field: 'contactId', message },
  ]);
}

/** The person, live and visible to the actor (not found otherwise, as for the record itself). */
async function visiblePerson(db: DbExecutor, actor: Actor, person: { type: PersonType; id: string }) {
  const row = await repo.getPerson(db, actor.orgId, person.type, person.id);
  if (!row || !inScope(touchScope(actor, person.type), { ownerId: row.owner_id }))
    throw notFound(person.type, person.id);
  return row;
}

/**
 * Moves a person's membership of a campaign on (creating it): statuses only climb, so a late
 * "sent" never undoes a response; the change is a `campaign.member_status_changed` event.
 * Returns whether the status changed.
 */
export async function advanceMember(
  deps: Deps,
  trx: DbExecutor,
  actor: EventActor & { orgId: string },
  campaignId: string,
  person: { type: PersonType; id: string },
  status: MemberStatus,
  touchAt: Date | null,
): Promise<boolean> {
  const now = deps.clock.now();
  const current = await repo.getMember(trx, actor.orgId, campaignId, person.id);
  const from = (current?.status as MemberStatus | undefined) ?? null;
  const to = from === null || memberStatusAdvances(from, status) ? status : from;
  const firstAt = current?.first_touch_at ?? null;
  const lastAt = current?.last_touch_at ?? null;
  await repo.upsertMember(trx, {
    org_id: actor.orgId,
    campaign_id: campaignId,
    person_id: person.id,
    person_type: person.type,
    status: to,
    first_touch_at: touchAt && (!firstAt || touchAt < firstAt) ? touchAt : firstAt,
    last_touch_at: touchAt && (!lastAt || touchAt > lastAt) ? touchAt : lastAt,
    touches: (current?.touches ?? 0) + (touchAt ? 1 : 0),
    created_at: current?.created_at ?? now,
    updated_at: now,
  });
  if (to !== from)
    await deps.eventLog.append(trx, actor, [
      {
        entityType: 'campaign',
        entityId: campaignId,
        type: 'campaign.member_status_changed',
        data: { personId: person.id, personType: person.type, from, to },
      },
    ]);
  return to !== from;
}

/**
 * Records that a lead or contact interacted with a campaign: a touch row and its `touch.recorded`
 * event on the person (their timeline and process traces show it), and the membership moved on.
 * UTM codes not sent are taken from the campaign's own.
 */
export async function recordTouch(
  deps: Deps,
  actor: Actor,
  campaignId: string,
  input: RecordTouchInput,
): Promise<TouchDto> {
  if (!canRecordTouches(actor)) throw forbidden('Only marketing and admins record touches');
  const person = personOf(input);
  const row = await write(deps, actor.orgId, async (trx) => {
    const campaign = found(await repo.getCampaign(trx, actor.orgId, campaignId), 'campaign', campaignId);
    await visiblePerson(trx, actor, person);
    const touchedAt = input.touchedAt ? new Date(input.touchedAt) : deps.clock.now();
    return appendTouch(deps, trx, actor, campaign, person, input.kind, touchedAt, input);
  });
  return toTouchDto(row);
}

/** UTM codes of a touch as sent (null or absent: not sent). */
export interface TouchUtm {
  utmSource?: string | null | undefined;
  utmMedium?: string | null | undefined;
  utmCampaign?: string | null | undefined;
  utmContent?: string | null | undefined;
  utmTerm?: string | null | undefined;
}

/**
 * Writes a touch in the caller's transaction: its row, its `touch.recorded` event on the person
 * and the membership moved on. UTM codes not sent are taken from the campaign's own. `who` is the
 * user recording it, or the system (a public form: `userId` null).
 */
export async function appendTouch(
  deps: Deps,
  trx: DbExecutor,
  who: EventActor & { orgId: string },
  campaign: repo.CampaignRow,
  person: { type: PersonType; id: string },
  kind: TouchKind,
  touchedAt: Date,
  sent: TouchUtm,
): Promise<repo.TouchRow> {
  const id = deps.ids.id();
  const utm = {
    utm_source: sent.utmSource ?? campaign.utm_source,
    utm_medium: sent.utmMedium ?? campaign.utm_medium,
    utm_campaign: sent.utmCampaign ?? campaign.utm_campaign,
    utm_content: sent.utmContent ?? campaign.utm_content,
    utm_term: sent.utmTerm ?? campaign.utm_term,
  };
  const touch = await repo.insertTouch(trx, {
    org_id: who.orgId,
    id,
    campaign_id: campaign.id,
    lead_id: person.type === 'lead' ? person.id : null,
    contact_id: person.type === 'contact' ? person.id : null,
    kind,
    touched_at: touchedAt,
    ...utm,
    recorded_by: who.userId,
    created_at: deps.clock.now(),
  });
  await deps.eventLog.append(trx, who, [
    {
      entityType: person.type,
      entityId: person.id,
      type: 'touch.recorded',
      data: {
        touchId: id,
        campaignId: campaign.id,
        kind,
        touchedAt: touchedAt.toISOString(),
        utmSource: utm.utm_source,
        utmMedium: utm.utm_medium,
        utmCampaign: utm.utm_campaign,
        utmContent: utm.utm_content,
        utmTerm: utm.utm_term,
      },
    },
  ]);
  await advanceMember(deps, trx, who, campaign.id, person, memberStatusOfTouch(kind), touchedAt);
  if (person.type === 'lead') await rescoreLead(deps, trx, who, person.id);
  return touch;
}

/**
 * Records a touch in the caller's transaction for a caller that resolved the campaign and the
 * person itself (an import): the same row, event and membership move as recordTouch.
 */
export async function recordTouchIn(
  deps: Deps,
  trx: DbExecutor,
  actor: Actor,
  campaignId: string,
  person: { type: PersonType; id: string },
  kind: TouchKind,
  touchedAt: Date,
  sent: TouchUtm,
): Promise<repo.TouchRow> {
  if (!canRecordTouches(actor)) throw forbidden('Only marketing and admins record touches');
  const campaign = found(await repo.getCampaign(trx, actor.orgId, campaignId), 'campaign', campaignId);
  return appendTouch(deps, trx, actor, campaign, person, kind, touchedAt, sent);
}

/** Adds a person to a campaign or moves their status on without a touch (targeted, sent, unsubscribed). */
export async function setMember(deps: Deps, actor: Actor, campaignId: string, input: SetMemberInput): Promise<void> {
  if (!canRecordTouches(actor)) throw forbidden('Only marketing and admins change campaign members');
  const person = personOf(input);
  await write(deps, actor.orgId, async (trx) => {
    found(await repo.getCampaign(trx, actor.orgId, campaignId), 'campaign', campaignId);
    await visiblePerson(trx, actor, person);
    await advanceMember(deps, trx, actor, campaignId, person, input.status, null);
  });
}

export async function listCampaignTouches(
  deps: Deps,
  actor: Actor,
  campaignId: string,
  q: ListTouchesQuery,
): Promise<{ items: TouchDto[]; nextCursor: string | null }> {
  await loadCampaign(deps, actor, campaignId);
  const rows = await repo.listTouches(deps.db, actor.orgId, { campaignId }, scopesOf(actor), q);
  return toPage(rows, q.limit, toTouchDto, (r) => encodeCursor(r.touched_at.toISOString(), r.id));
}

/** Touches of one lead or contact the actor may read, newest first. */
export async function listPersonTouches(
  deps: Deps,
  actor: Actor,
  type: PersonType,
  id: string,
  q: ListTouchesQuery,
): Promise<{ items: TouchDto[]; nextCursor: string | null }> {
  assertCanReadCampaigns(actor);
  await visiblePerson(deps.db, actor, { type, id });
  const by = type === 'lead' ? { leadId: id } : { contactId: id };
  const rows = await repo.listTouches(deps.db, actor.orgId, by, scopesOf(actor), q);
  return toPage(rows, q.limit, toTouchDto, (r) => encodeCursor(r.touched_at.toISOString(), r.id));
}

export async function listCampaignMembers(
  deps: Deps,
  actor: Actor,
  campaignId: string,
  q: ListMembersQuery,
): Promise<{ items: MemberDto[]; nextCursor: string | null }> {
  await loadCampaign(deps, actor, campaignId);
  const rows = await repo.listMembers(deps.db, actor.orgId, campaignId, scopesOf(actor), q);
  return toPage(rows, q.limit, toMemberDto, (r) => encodeCursor(r.person_id, r.person_id));
}
