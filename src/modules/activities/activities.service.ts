import { camelSnapshot } from '../../contract/events/casing.ts';
import type { Actor } from '../../contract/access.ts';
import { scopeFor } from '../../contract/access.ts';
import type { ActivityDto, ListActivitiesQuery } from '../../contract/activities.ts';
import type { ListRaisedObjectionsQuery, RaisedObjectionDto } from '../../contract/objections.ts';
import { encodeCursor } from '../../db/list.ts';
import { assertCanRead, assertCanWrite, onAgentSide } from '../access.ts';
import { write, type Deps } from '../context.ts';
import { listRaisedObjections } from '../objections/raised-objections.service.ts';
import { checkVersion, iso, toPage, type ExpectedVersion } from '../shared.ts';
import * as repo from './activities.repository.ts';

export function toActivityDto(r: repo.ActivityRow): ActivityDto {
  const type = r.type as ActivityDto['type'];
  return {
    id: r.id,
    type,
    externalId: r.external_id,
    subject: r.subject,
    body: r.body,
    dealId: r.deal_id,
    contactId: r.contact_id,
    accountId: r.account_id,
    leadId: r.lead_id,
    ownerId: r.owner_id,
    agentSide: r.agent_side as ActivityDto['agentSide'],
    occurredAt: iso(r.occurred_at),
    direction: (type === 'call'
      ? r.call_direction
      : type === 'email'
        ? r.email_direction
        : null) as ActivityDto['direction'],
    disposition: r.call_disposition as ActivityDto['disposition'],
    durationSeconds: r.duration_seconds,
    scriptId: r.script_id,
    scriptVersion: r.script_version,
    start: iso(r.meeting_start),
    end: iso(r.meeting_end),
    location: r.location,
    attendees: r.attendees,
    outcome: r.meeting_outcome as ActivityDto['outcome'],
    dueAt: iso(r.due_at),
    completed: type === 'task' ? r.completed_at !== null : null,
    completedAt: iso(r.completed_at),
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    version: r.version,
  };
}

/** Fields recorded in activity events (snake_case, as stored). */
export const activityAuditFields = [
  'external_id',
  'type',
  'subject',
  'body',
  'deal_id',
  'contact_id',
  'account_id',
  'lead_id',
  'owner_id',
  'agent_side',
  'occurred_at',
  'due_at',
  'completed_at',
  'call_direction',
  'call_disposition',
  'duration_seconds',
  'script_id',
  'script_version',
  'meeting_start',
  'meeting_end',
  'location',
  'attendees',
  'meeting_outcome',
  'email_direction',
] as const;

export function activitySnapshot(r: repo.ActivityRow): Record<string, unknown> {
  return camelSnapshot(Object.fromEntries(activityAuditFields.map((f) => [f, r[f]])));
}

export async function getActivity(deps: Deps, actor: Actor, id: string): Promise<ActivityDto> {
  const row = await repo.getActivity(deps.db, actor.orgId, id);
  return toActivityDto(assertCanRead(actor, 'activity', row, id, await onAgentSide(deps.db, actor, row)));
}

export async function listActivities(
  deps: Deps,
  actor: Actor,
  q: ListActivitiesQuery,
): Promise<{ items: ActivityDto[]; nextCursor: string | null }> {
  const rows = await repo.listActivities(deps.db, actor.orgId, scopeFor(actor, 'activity', 'read'), q);
  return toPage(rows, q.limit, toActivityDto, (r) => encodeCursor(r.sort_key, r.id));
}

/** Objections raised on a call, visible exactly when the activity is. */
export async function listActivityObjections(
  deps: Deps,
  actor: Actor,
  id: string,
  q: ListRaisedObjectionsQuery,
): Promise<{ items: RaisedObjectionDto[]; nextCursor: string | null }> {
  const row = await repo.getActivity(deps.db, actor.orgId, id);
  assertCanRead(actor, 'activity', row, id, await onAgentSide(deps.db, actor, row));
  return listRaisedObjections(deps, actor.orgId, { activityId: id }, q);
}

/** Soft delete: the row and its history stay for the audit trail and analysis. */
export async function deleteActivity(
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
): Promise<void> {
  await write(deps, actor.orgId, async (trx) => {
    const locked = await repo.lockActivity(trx, actor.orgId, id);
    const before = assertCanWrite(actor, 'activity', locked, id, await onAgentSide(trx, actor, locked));
    const version = checkVersion('activity', id, before.version, expected);
    const now = deps.clock.now();
    await repo.updateActivity(trx, actor.orgId, id, version, { deleted_at: now, updated_at: now });
    await deps.eventLog.append(trx, actor, [
      { entityType: 'activity', entityId: id, type: 'activity.deleted', data: { before: activitySnapshot(before) } },
    ]);
  });
}
