import { inScope, scopeFor, type Actor } from '../../contract/access.ts';
import type { TaskAgendaDto, TaskAgendaQuery } from '../../contract/activities.ts';
import { dealRotting, type DealAttentionDto, type DealAttentionQuery } from '../../contract/attention.ts';
import { notFound } from '../../contract/errors.ts';
import type { Deps } from '../context.ts';
import { iso } from '../shared.ts';
import { toActivityDto } from './activities.service.ts';
import * as repo from './activities.repository.ts';

/**
 * A user's open tasks grouped by the organization's today: overdue, today, upcoming. The caller's
 * own by default; another user's only when the caller may read that user's activities (a manager
 * their team, admins and auditors anyone); otherwise the user is reported as not found.
 */
export async function taskAgenda(deps: Deps, actor: Actor, q: TaskAgendaQuery): Promise<TaskAgendaDto> {
  const ownerId = q.ownerId ?? actor.userId;
  if (ownerId !== actor.userId && !inScope(scopeFor(actor, 'activity', 'read'), { ownerId }))
    throw notFound('user', ownerId);
  const day = await repo.organizationDay(deps.db, actor.orgId, deps.clock.now());
  const [overdue, today, upcoming, counts] = [
    await repo.listOpenTasks(deps.db, actor.orgId, ownerId, 'overdue', day, q.limit),
    await repo.listOpenTasks(deps.db, actor.orgId, ownerId, 'today', day, q.limit),
    await repo.listOpenTasks(deps.db, actor.orgId, ownerId, 'upcoming', day, q.limit),
    await repo.countOpenTasks(deps.db, actor.orgId, ownerId, day),
  ];
  return {
    ownerId,
    timezone: day.timezone,
    todayStart: day.start.toISOString(),
    todayEnd: day.end.toISOString(),
    overdue: overdue.map(toActivityDto),
    today: today.map(toActivityDto),
    upcoming: upcoming.map(toActivityDto),
    counts,
  };
}

function toDealAttentionDto(r: repo.DealAttentionRow, now: Date): DealAttentionDto {
  const facts = {
    status: r.status,
    stageEnteredAt: r.stage_entered_at.toISOString(),
    stageExpectedDays: r.stage_expected_days,
    nextActivity:
      r.next_id === null
        ? null
        : { id: r.next_id, subject: r.next_subject, dueAt: iso(r.next_due_at), ownerId: r.next_owner_id },
  };
  return {
    dealId: r.id,
    name: r.name,
    pipelineId: r.pipeline_id,
    stageId: r.stage_id,
    ownerId: r.owner_id,
    amount: r.amount,
    currency: r.currency.trim(),
    ...facts,
    rotting: dealRotting(facts, now),
  };
}

/** Next activity and rotting of deals the actor can see: the deals asked for, or those that rot now. */
export async function dealAttention(
  deps: Deps,
  actor: Actor,
  q: DealAttentionQuery,
): Promise<{ items: DealAttentionDto[] }> {
  const now = deps.clock.now();
  const rows = await repo.listDealAttention(deps.db, actor.orgId, scopeFor(actor, 'deal', 'read'), {
    dealIds: q.dealId,
    rottingAt: q.rotting ? now : undefined,
    ownerId: q.ownerId,
    limit: q.dealId ? q.dealId.length : q.limit,
  });
  return { items: rows.map((r) => toDealAttentionDto(r, now)) };
}
