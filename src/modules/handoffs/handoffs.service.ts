import { handoffScope, inScope, type Actor } from '../../contract/access.ts';
import { forbidden, notFound } from '../../contract/errors.ts';
import type { HandoffDto, HandoffStatus, ListHandoffsQuery } from '../../contract/handoffs.ts';
import type { Grade } from '../../contract/scoring.ts';
import type { DbExecutor } from '../../db/database.ts';
import { encodeCursor } from '../../db/list.ts';
import { handoffDueAt } from '../../domain/sla.ts';
import { defaultCalendarHolidays } from '../holidays/effective-holidays.ts';
import type { Deps } from '../context.ts';
import type { EventActor } from '../events/events.service.ts';
import { enqueueJob } from '../jobs/enqueue.ts';
import { iso, toPage } from '../shared.ts';
import * as repo from './handoffs.repository.ts';
import { policyFor } from './sla-policy.service.ts';

export const HANDOFF_SLA_JOB = 'handoff.sla';

/** Roles that work leads handed over by marketing. */
const salesRoles: readonly string[] = ['rep', 'inside_sales', 'manager'];
/** Activity types that count as a sales touch. */
const touchTypes: readonly string[] = ['call', 'email', 'meeting'];

const MINUTE_MS = 60_000;
const minutesBetween = (from: Date, to: Date) => Math.round(((to.getTime() - from.getTime()) / MINUTE_MS) * 100) / 100;

const gradeOf = (g: string | null): Grade => (g === 'A' || g === 'B' || g === 'C' ? g : 'D');

export function toHandoffDto(r: repo.HandoffView): HandoffDto {
  return {
    id: r.id,
    leadId: r.lead_id,
    leadName: [r.first_name, r.last_name].filter(Boolean).join(' '),
    company: r.company,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    teamId: r.team_id,
    status: r.status as HandoffStatus,
    openedAt: r.opened_at.toISOString(),
    dueAt: r.due_at.toISOString(),
    inBusinessHours: r.in_business_hours,
    firstTouchAt: iso(r.first_touch_at),
    minutesToTouch: r.first_touch_at ? minutesBetween(r.opened_at, r.first_touch_at) : null,
    breachedAt: iso(r.breached_at),
    escalation: r.escalation === 'notified' || r.escalation === 'reassigned' ? r.escalation : null,
    escalatedTo: r.escalated_to,
    decidedAt: iso(r.decided_at),
    decidedBy: r.decided_by,
    rejectReason: r.reject_reason,
    fitScore: r.fit_score ?? 0,
    engagementScore: r.engagement_score ?? 0,
    grade: gradeOf(r.grade),
    version: r.version,
  };
}

/** Why a lead with an open hand-off can no longer be worked as one (null: it still can). */
function leftHandoff(lead: repo.HandoffLead | undefined): string | null {
  if (!lead || lead.deleted_at) return 'the lead was deleted';
  if (lead.status === 'converted') return 'the lead was converted';
  if (lead.status === 'disqualified') return 'the lead was disqualified';
  if (lead.lifecycle_stage !== 'mql') return `the lead moved to ${lead.lifecycle_stage}`;
  if (!lead.owner_id) return 'the lead has no owner';
  if (!lead.owner_role || !salesRoles.includes(lead.owner_role) || !lead.owner_active)
    return 'the lead is owned by someone outside sales';
  return null;
}

/**
 * Keeps a lead's hand-off in step with the lead, in the caller's transaction, after any change of
 * the lead: an open, live MQL owned by an active sales user (rep, inside sales, manager) gets a
 * hand-off with its due time from the SLA policy of the owner's team (`lead.handoff_opened`, and a
 * job keyed on the hand-off that checks it at the due time); an open hand-off follows a new sales
 * owner, and ends (`lead.handoff_withdrawn`) when the lead leaves MQL or sales another way.
 */
export async function syncHandoff(deps: Deps, trx: DbExecutor, actor: EventActor, leadId: string): Promise<void> {
  const lead = await repo.getHandoffLead(trx, actor.orgId, leadId);
  const open = await repo.openHandoffOf(trx, actor.orgId, leadId);
  const why = leftHandoff(lead);
  const now = deps.clock.now();
  if (open) {
    if (why) {
      await repo.updateHandoff(
        trx,
        { orgId: actor.orgId, id: open.id, version: open.version },
        { status: 'withdrawn', decided_at: now, updated_at: now },
      );
      await deps.eventLog.append(trx, actor, [
        {
          entityType: 'lead',
          entityId: leadId,
          type: 'lead.handoff_withdrawn',
          data: { handoffId: open.id, reason: why },
        },
      ]);
    } else if (lead?.owner_id && lead.owner_id !== open.owner_id) {
      await repo.updateHandoff(
        trx,
        { orgId: actor.orgId, id: open.id, version: open.version },
        { owner_id: lead.owner_id, team_id: lead.owner_team_id, updated_at: now },
      );
    }
    return;
  }
  if (why || !lead?.owner_id) return;
  const { policy, teamId: policyTeamId } = await policyFor(trx, actor.orgId, lead.owner_team_id);
  // The organization's default holiday calendar is the team's: a hand-off opened on one of its dates is out of hours.
  const holidays = await defaultCalendarHolidays(trx, actor.orgId);
  const { dueAt, inBusinessHours } = handoffDueAt(now, policy, holidays);
  const id = deps.ids.id();
  await repo.insertHandoff(trx, {
    org_id: actor.orgId,
    id,
    lead_id: leadId,
    owner_id: lead.owner_id,
    handed_to: lead.owner_id,
    team_id: lead.owner_team_id,
    status: 'open',
    opened_at: now,
    due_at: dueAt,
    in_business_hours: inBusinessHours,
    policy_team_id: policyTeamId,
    updated_at: now,
  });
  await deps.eventLog.append(trx, actor, [
    {
      entityType: 'lead',
      entityId: leadId,
      type: 'lead.handoff_opened',
      data: {
        handoffId: id,
        ownerId: lead.owner_id,
        teamId: lead.owner_team_id,
        dueAt: dueAt.toISOString(),
        inBusinessHours,
        policyTeamId,
      },
    },
  ]);
  await enqueueJob(deps, trx, {
    orgId: actor.orgId,
    kind: HANDOFF_SLA_JOB,
    payload: { handoffId: id },
    key: `${HANDOFF_SLA_JOB}:${id}`,
    runAt: dueAt,
  });
}

/** The first touch of an open hand-off, in the caller's transaction: stops its timer and records the speed to lead. */
export async function touch(
  deps: Deps,
  trx: DbExecutor,
  actor: EventActor,
  h: repo.HandoffRow,
  activityId: string | null,
): Promise<repo.HandoffRow> {
  const now = deps.clock.now();
  const after = await repo.updateHandoff(
    trx,
    { orgId: actor.orgId, id: h.id, version: h.version },
    { first_touch_at: now, updated_at: now },
  );
  await deps.eventLog.append(trx, actor, [
    {
      entityType: 'lead',
      entityId: h.lead_id,
      type: 'lead.handoff_touched',
      data: {
        handoffId: h.id,
        touchedAt: now.toISOString(),
        minutesToTouch: minutesBetween(h.opened_at, now),
        withinSla: now.getTime() <= h.due_at.getTime(),
        activityId,
      },
    },
  ]);
  return after;
}

/**
 * A call, email or meeting was logged on a lead, in the caller's transaction. When it is the
 * first touch of the lead's open hand-off by the hand-off's owner, it stops the timer at the time
 * it is logged (system time: a touch typed with an earlier time does not undo a breach), unless
 * the activity says it happened before the hand-off.
 */
export async function noteSalesTouch(
  deps: Deps,
  trx: DbExecutor,
  actor: EventActor,
  activity: { id: string; type: string; leadId: string | null; ownerId: string | null; occurredAt: Date | null },
): Promise<void> {
  if (!activity.leadId || !touchTypes.includes(activity.type)) return;
  const open = await repo.openHandoffOf(trx, actor.orgId, activity.leadId);
  if (!open || open.first_touch_at || open.owner_id !== activity.ownerId) return;
  if (activity.occurredAt && activity.occurredAt.getTime() < open.opened_at.getTime()) return;
  await touch(deps, trx, actor, open, activity.id);
}

export async function getHandoff(deps: Deps, actor: Actor, id: string): Promise<HandoffDto> {
  const row = await repo.getHandoffView(deps.db, actor.orgId, id);
  if (!row || !inScope(handoffScope(actor, 'read'), { ownerId: row.owner_id })) throw notFound('hand-off', id);
  return toHandoffDto(row);
}

/** The hand-offs the actor reads (a rep its own, a manager the team's, marketing, auditors and admins all). */
export async function listHandoffs(
  deps: Deps,
  actor: Actor,
  q: ListHandoffsQuery,
): Promise<{ items: HandoffDto[]; nextCursor: string | null }> {
  const scope = handoffScope(actor, 'read');
  if (scope.kind === 'none') throw forbidden('Hand-offs of leads to sales are not shown to partners');
  const rows = await repo.listHandoffs(deps.db, actor.orgId, scope, q);
  return toPage(rows, q.limit, toHandoffDto, (r) => encodeCursor(r.due_at, r.id));
}

/** The open hand-off of a lead the actor reads, if any. */
export async function openHandoffOfLead(deps: Deps, actor: Actor, leadId: string): Promise<HandoffDto | null> {
  const page = await listHandoffs(deps, actor, { leadId, status: ['open'], order: 'asc', limit: 1 });
  return page.items[0] ?? null;
}
