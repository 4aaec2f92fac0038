import { camelSnapshot } from '../../contract/events/casing.ts';
import type { AccountRow } from '../accounts/accounts.repository.ts';
import { accountSnapshot } from '../accounts/accounts.service.ts';
import type { ActivityRow } from '../activities/activities.repository.ts';
import { activitySnapshot } from '../activities/activities.service.ts';
import type { ContactRow } from '../contacts/contacts.repository.ts';
import { contactSnapshot } from '../contacts/contacts.service.ts';
import { dealSnapshot } from '../deals/deal-dto.ts';
import type { DealContactRow, DealRow, LineItemRow } from '../deals/deals.repository.ts';
import type { LeadRow } from '../leads/leads.repository.ts';
import { leadChangeEvents, leadSnapshot } from '../leads/leads.service.ts';
import {
  memberStatusAdvances,
  memberStatusOfTouch,
  type MemberStatus,
  type TouchKind,
} from '../../contract/marketing.ts';
import { defaultScoringSettings } from '../../contract/scoring.ts';
import { fitAttributes, scoreLead } from '../../analytics/scoring.ts';
import { leadScoreRow } from '../scoring/scoring.service.ts';
import type { WorldCampaign, WorldPipeline, WorldStage } from './synthetic-setup.ts';

/**
 * The rows and events the services write, built in memory for the bulk path. Rows are in the form
 * the database returns them (numerics as strings at their scale, jsonb parsed), because the
 * services snapshot the inserted row into their events; the same snapshot functions are used here.
 */

export type TableName =
  | 'accounts'
  | 'contacts'
  | 'deals'
  | 'deal_contacts'
  | 'deal_line_items'
  | 'leads'
  | 'activities'
  | 'raised_objections'
  | 'campaign_costs'
  | 'campaign_touches'
  | 'campaign_members'
  | 'lead_scores'
  | 'deal_registrations'
  | 'channel_conflicts'
  | 'partner_lead_offers'
  | 'agency_agreements'
  | 'deal_agents'
  | 'agent_disclosures'
  | 'dual_agency_consents'
  | 'dual_agency_detections'
  | 'bookings'
  | 'routing_decisions'
  | 'territory_assignments';

/** An event waiting for its place in the log: its id, seq and hash are given when it is written. */
export interface PendingEvent {
  t: number;
  actorId: string | null;
  entityType: string;
  entityId: string;
  type: string;
  data: Record<string, unknown>;
  businessTime: Date | null;
  /** For deal.created / deal.stage_changed: the deal_stage_visits row the event starts. */
  visit?: { dealId: string; visitNo: number; pipelineId: string; stageId: string; leftAt: Date | null };
}

export interface Sink {
  row(table: TableName, row: object): void;
  event(e: PendingEvent): void;
}

const DAY = 86_400_000;
/** numeric(20,2) as the drivers return it. */
export const money = (x: number): string => x.toFixed(2);

export interface Who {
  orgId: string;
  /** The acting user (created_by and the event's actor). */
  actorId: string;
}

export function writeAccount(
  sink: Sink,
  who: Who,
  t: number,
  a: Pick<
    AccountRow,
    'id' | 'name' | 'domain' | 'industry' | 'employees' | 'annual_revenue' | 'city' | 'country' | 'type' | 'owner_id'
  >,
): AccountRow {
  const at = new Date(t);
  const row: AccountRow = {
    org_id: who.orgId,
    id: a.id,
    external_id: null,
    name: a.name,
    domain: a.domain,
    industry: a.industry,
    employees: a.employees,
    annual_revenue: a.annual_revenue,
    revenue_currency: a.annual_revenue ? 'USD' : null,
    street: null,
    city: a.city,
    region: null,
    postal_code: null,
    country: a.country,
    type: a.type,
    owner_id: a.owner_id,
    parent_account_id: null,
    created_by: who.actorId,
    created_at: at,
    updated_at: at,
    deleted_at: null,
    version: 1,
  };
  sink.row('accounts', row);
  sink.event({
    t,
    actorId: who.actorId,
    entityType: 'account',
    entityId: a.id,
    type: 'account.created',
    data: { after: accountSnapshot(row) },
    businessTime: null,
  });
  return row;
}

export function writeContact(
  sink: Sink,
  who: Who,
  t: number,
  c: Pick<
    ContactRow,
    'id' | 'account_id' | 'first_name' | 'last_name' | 'title' | 'emails' | 'phones' | 'owner_id' | 'email_opt_out'
  >,
): ContactRow {
  const at = new Date(t);
  const row: ContactRow = {
    org_id: who.orgId,
    external_id: null,
    do_not_contact: false,
    created_by: who.actorId,
    created_at: at,
    updated_at: at,
    deleted_at: null,
    version: 1,
    ...c,
  };
  sink.row('contacts', row);
  sink.event({
    t,
    actorId: who.actorId,
    entityType: 'contact',
    entityId: c.id,
    type: 'contact.created',
    data: { after: contactSnapshot(row) },
    businessTime: null,
  });
  return row;
}

/** A deal as it is created; `walkDeal` then moves it and writes its final row. */
export interface DealDraft {
  who: Who;
  t: number;
  row: DealRow;
  lines: LineItemRow[];
  roles: DealContactRow[];
  pipeline: WorldPipeline;
}

export function startDeal(
  who: Who,
  t: number,
  pipeline: WorldPipeline,
  d: Pick<
    DealRow,
    | 'id'
    | 'name'
    | 'account_id'
    | 'primary_contact_id'
    | 'amount'
    | 'expected_close_date'
    | 'owner_id'
    | 'source'
    | 'channel'
    | 'partner_account_id'
  >,
  lines: LineItemRow[],
  roles: DealContactRow[],
): DealDraft {
  const at = new Date(t);
  const first = pipeline.open[0];
  if (!first) throw new Error(`pipeline ${pipeline.name} has no open stage`);
  const row: DealRow = {
    org_id: who.orgId,
    external_id: null,
    pipeline_id: pipeline.id,
    stage_id: first.id,
    status: 'open',
    currency: 'USD',
    closed_at: null,
    lost_reason: null,
    next_step: null,
    stage_entered_at: at,
    created_by: who.actorId,
    created_at: at,
    updated_at: at,
    deleted_at: null,
    version: 1,
    path_unknown: false,
    forecast_category: null,
    ...d,
  };
  // The service orders contact roles by contact and role when it reads the deal back.
  roles.sort((a, b) =>
    a.contact_id < b.contact_id ? -1 : a.contact_id > b.contact_id ? 1 : a.role < b.role ? -1 : a.role > b.role ? 1 : 0,
  );
  return { who, t, row, lines, roles, pipeline };
}

const stageRef = (s: WorldStage, pipelineId: string) => ({
  stageId: s.id,
  name: s.name,
  position: s.position,
  kind: s.kind,
  pipelineId,
});

/** One step of a deal's history after its creation. */
export type DealStep =
  | { kind: 'move'; t: number; actorId: string; to: WorldStage; lostReason?: string }
  | { kind: 'assign'; t: number; actorId: string; ownerId: string }
  /** The expected close date changed to `to` (`YYYY-MM-DD`). */
  | { kind: 'close'; t: number; actorId: string; to: string };

/**
 * Writes deal.created, then each step as the services record it (moveDealStage: deal.stage_changed
 * and deal.won / deal.lost; updateDeal with an owner: deal.assigned, with an expected close date:
 * deal.updated), the stage visits, and the deal's final row with its children.
 */
export function writeDeal(sink: Sink, draft: DealDraft, steps: readonly DealStep[]): DealRow {
  const { who, pipeline } = draft;
  let deal = draft.row;
  const record = () => ({ deal, lines: draft.lines, roles: draft.roles });
  const first = pipeline.open[0] as WorldStage;
  const stageTimes: { t: number; stage: WorldStage }[] = [{ t: draft.t, stage: first }];
  for (const s of steps) if (s.kind === 'move') stageTimes.push({ t: s.t, stage: s.to });
  const leftAt = (visit: number) => {
    const next = stageTimes[visit];
    return next ? new Date(next.t) : null;
  };
  const base = { actorId: who.actorId, entityType: 'deal', entityId: deal.id, businessTime: null };
  sink.event({
    ...base,
    t: draft.t,
    type: 'deal.created',
    data: { after: dealSnapshot(record(), { withStage: true }) },
    visit: { dealId: deal.id, visitNo: 1, pipelineId: pipeline.id, stageId: first.id, leftAt: leftAt(1) },
  });
  let current = first;
  let visit = 1;
  for (const s of steps) {
    const at = new Date(s.t);
    const ev = { entityType: 'deal', entityId: deal.id, businessTime: null, actorId: s.actorId, t: s.t };
    if (s.kind === 'assign') {
      sink.event({
        ...ev,
        type: 'deal.assigned',
        data: { changes: { ownerId: { from: deal.owner_id, to: s.ownerId } } },
      });
      deal = { ...deal, owner_id: s.ownerId, updated_at: at, version: deal.version + 1 };
      continue;
    }
    if (s.kind === 'close') {
      sink.event({
        ...ev,
        type: 'deal.updated',
        data: { changes: { expectedCloseDate: { from: deal.expected_close_date, to: s.to } } },
      });
      deal = { ...deal, expected_close_date: s.to, updated_at: at, version: deal.version + 1 };
      continue;
    }
    const to = s.to;
    const statusTo = to.kind;
    const lostReason = to.kind === 'lost' ? (s.lostReason ?? deal.lost_reason) : null;
    visit += 1;
    sink.event({
      ...ev,
      type: 'deal.stage_changed',
      data: {
        from: stageRef(current, pipeline.id),
        to: stageRef(to, pipeline.id),
        status: { from: deal.status, to: statusTo },
        daysInPreviousStage: Math.round(((at.getTime() - deal.stage_entered_at.getTime()) / DAY) * 100) / 100,
      },
      visit: { dealId: deal.id, visitNo: visit, pipelineId: pipeline.id, stageId: to.id, leftAt: leftAt(visit) },
    });
    if (to.kind === 'won')
      sink.event({
        ...ev,
        type: 'deal.won',
        data: {
          stageId: to.id,
          amount: deal.amount,
          currency: deal.currency.trim(),
          lineItemsCount: draft.lines.length,
          closedAt: at.toISOString(),
        },
      });
    if (to.kind === 'lost')
      sink.event({
        ...ev,
        type: 'deal.lost',
        data: {
          stageId: to.id,
          lostReason,
          amount: deal.amount,
          currency: deal.currency.trim(),
          closedAt: at.toISOString(),
        },
      });
    deal = {
      ...deal,
      stage_id: to.id,
      status: statusTo,
      stage_entered_at: at,
      closed_at: to.kind === 'open' ? null : at,
      lost_reason: to.kind === 'lost' ? lostReason : deal.lost_reason,
      updated_at: at,
      version: deal.version + 1,
    };
    current = to;
  }
  sink.row('deals', deal);
  for (const r of draft.roles) sink.row('deal_contacts', r);
  for (const l of draft.lines) sink.row('deal_line_items', l);
  return deal;
}

type CallFields = Pick<ActivityRow, 'id' | 'deal_id' | 'contact_id' | 'account_id' | 'lead_id' | 'owner_id'>;
const noActivityFields = {
  external_id: null,
  subject: null,
  body: null,
  due_at: null,
  completed_at: null,
  call_direction: null,
  call_disposition: null,
  duration_seconds: null,
  script_id: null,
  script_version: null,
  meeting_start: null,
  meeting_end: null,
  location: null,
  attendees: [] as string[],
  meeting_outcome: null,
  email_direction: null,
  deleted_at: null,
  version: 1,
};

function writeActivity(sink: Sink, who: Who, t: number, row: ActivityRow): void {
  sink.row('activities', row);
  sink.event({
    t,
    actorId: who.actorId,
    entityType: 'activity',
    entityId: row.id,
    type: 'activity.created',
    businessTime: row.occurred_at,
    data: { after: activitySnapshot(row) },
  });
}

/** A logged outbound call (createActivity of type call at the time it happened). */
export function writeCall(
  sink: Sink,
  who: Who,
  t: number,
  c: CallFields & {
    disposition: string;
    durationSeconds: number;
    script?: { id: string; version: number } | null;
    /** When the call was logged, if later than it happened (`t`): the record's system time. */
    loggedAt?: number;
  },
): ActivityRow {
  const at = new Date(t);
  const { disposition, durationSeconds, script, loggedAt, ...links } = c;
  const logged = new Date(loggedAt ?? t);
  const row: ActivityRow = {
    org_id: who.orgId,
    cadence_enrolment_id: null,
    agent_side: null,
    ...noActivityFields,
    ...links,
    type: 'call',
    occurred_at: at,
    call_direction: 'outbound',
    call_disposition: disposition,
    duration_seconds: durationSeconds,
    script_id: script?.id ?? null,
    script_version: script?.version ?? null,
    created_by: who.actorId,
    created_at: logged,
    updated_at: logged,
  };
  writeActivity(sink, who, logged.getTime(), row);
  return row;
}

/** A meeting logged when it starts (createActivity of type meeting with start, end, location, outcome). */
export function writeMeeting(
  sink: Sink,
  who: Who,
  t: number,
  m: CallFields & { subject: string; minutes: number; location: string; outcome: string },
): ActivityRow {
  const start = new Date(t);
  const { subject, minutes, location, outcome, ...links } = m;
  const row: ActivityRow = {
    org_id: who.orgId,
    cadence_enrolment_id: null,
    agent_side: null,
    ...noActivityFields,
    ...links,
    type: 'meeting',
    subject,
    occurred_at: start,
    meeting_start: start,
    meeting_end: new Date(t + minutes * 60_000),
    location,
    meeting_outcome: outcome,
    created_by: who.actorId,
    created_at: start,
    updated_at: start,
  };
  writeActivity(sink, who, t, row);
  return row;
}

/** An objection raised on a call (logged with the call, on its deal). */
export function writeObjection(
  sink: Sink,
  who: Who,
  t: number,
  o: {
    id: string;
    dealId: string | null;
    activityId: string;
    objectionId: string | null;
    category: string;
    buyerWords: string;
    responseUsed: string | null;
    outcome: string;
  },
): void {
  const at = new Date(t);
  const row = {
    org_id: who.orgId,
    id: o.id,
    deal_id: o.dealId,
    activity_id: o.activityId,
    objection_id: o.objectionId,
    category: o.category,
    buyer_words: o.buyerWords,
    response_used: o.responseUsed,
    outcome: o.outcome,
    raised_by: who.actorId,
    raised_at: at,
    created_at: at,
  };
  sink.row('raised_objections', row);
  const { org_id: _org, created_at: _created, id, ...rest } = row;
  sink.event({
    t,
    actorId: who.actorId,
    entityType: o.dealId ? 'deal' : 'activity',
    entityId: o.dealId ?? o.activityId,
    type: 'objection.raised',
    businessTime: at,
    data: { after: camelSnapshot({ raised_objection_id: id, ...rest }) },
  });
}

/** A lead's conversion: the records it creates (written by `writeRecords` at `t`) and their ids. */
export interface LeadConversion {
  t: number;
  links: { accountId: string | null; contactId: string; dealId: string | null };
  writeRecords: () => void;
}

/**
 * A lead's life: created, status changes (updateLead) with their events, and optionally its
 * conversion as convertLead records it: the account, contact and deal first, then the lead's own
 * change and `lead.converted`, all at the same instant. Writes the lead's final row.
 */
export function writeLead(
  sink: Sink,
  who: Who,
  t: number,
  lead: Omit<LeadRow, 'org_id' | 'created_by' | 'created_at' | 'updated_at' | 'deleted_at' | 'version'>,
  changes: readonly { t: number; patch: Partial<LeadRow> }[],
  conversion?: LeadConversion,
): LeadRow {
  const at = new Date(t);
  let row: LeadRow = {
    org_id: who.orgId,
    ...lead,
    created_by: who.actorId,
    created_at: at,
    updated_at: at,
    deleted_at: null,
    version: 1,
  };
  sink.event({
    t,
    actorId: who.actorId,
    entityType: 'lead',
    entityId: lead.id,
    type: 'lead.created',
    data: { after: leadSnapshot(row) },
    businessTime: null,
  });
  const change = (ct: number, patch: Partial<LeadRow>) => {
    const after: LeadRow = { ...row, ...patch, updated_at: new Date(ct), version: row.version + 1 };
    for (const e of leadChangeEvents(lead.id, row, after))
      sink.event({
        t: ct,
        actorId: who.actorId,
        entityType: e.entityType,
        entityId: e.entityId,
        type: e.type,
        data: e.data,
        businessTime: null,
      });
    row = after;
  };
  for (const c of changes) change(c.t, c.patch);
  if (conversion) {
    conversion.writeRecords();
    const { accountId, contactId, dealId } = conversion.links;
    const before = row;
    change(conversion.t, {
      status: 'converted',
      disqualified_reason: null,
      converted_at: new Date(conversion.t),
      converted_account_id: accountId,
      converted_contact_id: contactId,
      converted_deal_id: dealId,
      ...(dealId ? { lifecycle_stage: 'opportunity' } : {}),
    });
    if (dealId && before.lifecycle_stage !== 'opportunity')
      sink.event({
        t: conversion.t,
        actorId: who.actorId,
        entityType: 'lead',
        entityId: lead.id,
        type: 'lead.lifecycle_changed',
        data: { from: before.lifecycle_stage, to: 'opportunity' },
        businessTime: null,
      });
    const created = { account: accountId !== null, contact: true, deal: dealId !== null };
    sink.event({
      t: conversion.t,
      actorId: who.actorId,
      entityType: 'lead',
      entityId: lead.id,
      type: 'lead.converted',
      data: { accountId, contactId, dealId, created },
      businessTime: null,
    });
  }
  sink.row('leads', row);
  return row;
}

/** A dated cost entry of a campaign, recorded at `t`, and its `campaign.cost_added` event. */
export function writeCampaignCost(
  sink: Sink,
  who: Who,
  t: number,
  campaign: WorldCampaign,
  cost: { id: string; incurredOn: string; amount: string; description: string | null },
): void {
  sink.row('campaign_costs', {
    org_id: who.orgId,
    id: cost.id,
    campaign_id: campaign.id,
    incurred_on: cost.incurredOn,
    amount: cost.amount,
    description: cost.description,
    created_by: who.actorId,
    created_at: new Date(t),
  });
  sink.event({
    t,
    actorId: who.actorId,
    entityType: 'campaign',
    entityId: campaign.id,
    type: 'campaign.cost_added',
    data: {
      costId: cost.id,
      incurredOn: cost.incurredOn,
      amount: cost.amount,
      currency: campaign.currency,
      description: cost.description,
    },
    businessTime: null,
  });
}

export interface SyntheticTouch {
  id: string;
  t: number;
  campaign: WorldCampaign;
  kind: TouchKind;
}

/**
 * Touches of a lead recorded as they happen (oldest first): each a `campaign_touches` row and its
 * `touch.recorded` event, the lead's membership of the campaign moved on (a
 * `campaign.member_status_changed` event when its status climbs), and one membership row per
 * campaign in its final state, as the touch service leaves them.
 */
export function writeTouches(sink: Sink, who: Who, leadId: string, touches: readonly SyntheticTouch[]): void {
  const members = new Map<string, { status: MemberStatus; first: number; last: number; n: number; created: number }>();
  for (const touch of touches) {
    const at = new Date(touch.t);
    const utm = touch.campaign.utm;
    sink.row('campaign_touches', {
      org_id: who.orgId,
      id: touch.id,
      campaign_id: touch.campaign.id,
      lead_id: leadId,
      contact_id: null,
      kind: touch.kind,
      touched_at: at,
      utm_source: utm.utmSource,
      utm_medium: utm.utmMedium,
      utm_campaign: utm.utmCampaign,
      utm_content: utm.utmContent,
      utm_term: utm.utmTerm,
      recorded_by: who.actorId,
      created_at: at,
    });
    sink.event({
      t: touch.t,
      actorId: who.actorId,
      entityType: 'lead',
      entityId: leadId,
      type: 'touch.recorded',
      data: { touchId: touch.id, campaignId: touch.campaign.id, kind: touch.kind, touchedAt: at.toISOString(), ...utm },
      businessTime: null,
    });
    const current = members.get(touch.campaign.id);
    const status = memberStatusOfTouch(touch.kind);
    const to = !current || memberStatusAdvances(current.status, status) ? status : current.status;
    if (to !== current?.status)
      sink.event({
        t: touch.t,
        actorId: who.actorId,
        entityType: 'campaign',
        entityId: touch.campaign.id,
        type: 'campaign.member_status_changed',
        data: { personId: leadId, personType: 'lead', from: current?.status ?? null, to },
        businessTime: null,
      });
    members.set(touch.campaign.id, {
      status: to,
      first: Math.min(current?.first ?? touch.t, touch.t),
      last: Math.max(current?.last ?? touch.t, touch.t),
      n: (current?.n ?? 0) + 1,
      created: current?.created ?? touch.t,
    });
  }
  for (const [campaignId, m] of members)
    sink.row('campaign_members', {
      org_id: who.orgId,
      campaign_id: campaignId,
      person_id: leadId,
      person_type: 'lead',
      status: m.status,
      first_touch_at: new Date(m.first),
      last_touch_at: new Date(m.last),
      touches: m.n,
      created_at: new Date(m.created),
      updated_at: new Date(m.last),
    });
}

/**
 * The stored scores of a lead as its last rescoring (at `t`: its creation, a touch, or a change
 * that left it open) computed them, on the default scoring settings, from the touches before then.
 */
export function writeLeadScore(
  sink: Sink,
  orgId: string,
  lead: Pick<LeadRow, 'id' | 'industry' | 'title' | 'source' | 'company' | 'company_domain' | 'email'>,
  touches: readonly SyntheticTouch[],
  t: number,
): void {
  const attrs = fitAttributes({ ...lead, companyDomain: lead.company_domain });
  const scored = touches.filter((x) => x.t <= t).map((x) => ({ kind: x.kind, touchedAt: new Date(x.t) }));
  const now = new Date(t);
  sink.row(
    'lead_scores',
    leadScoreRow(orgId, lead.id, scoreLead(defaultScoringSettings, attrs, scored, now), null, now),
  );
}
