import type { Actor } from '../../contract/access.ts';
import { activityLinkFields, type ActivityDto, type CreateActivityInput } from '../../contract/activities.ts';
import { invalid } from '../../contract/errors.ts';
import type { RaisedObjectionDto, RaisedObjectionInput } from '../../contract/objections.ts';
import { assertCanCreate, resolveOwner } from '../access.ts';
import { write, type Deps } from '../context.ts';
import { type EventInput } from '../events/events.service.ts';
import { checkRaisedObjections, insertRaisedObjections } from '../objections/raised-objections.service.ts';
import { activitySnapshot, toActivityDto } from './activities.service.ts';
import * as repo from './activities.repository.ts';
import { noteSalesTouch } from '../handoffs/handoffs.service.ts';
import { noteCadenceActivity } from '../cadences/cadences.service.ts';
import {
  agentSideProblems,
  checkLinks,
  commonColumns,
  scriptProblems,
  typeColumns,
  type Links,
} from './activity-rules.ts';

/**
 * Logs an activity. A call may carry the objections the buyer raised; they are written in the same
 * transaction (linked to the call and to its deal), so a bad objection rolls the whole call back.
 */
export async function createActivity(
  deps: Deps,
  actor: Actor,
  input: CreateActivityInput,
): Promise<ActivityDto & { objections: RaisedObjectionDto[] }> {
  assertCanCreate(actor, 'activity');
  const now = deps.clock.now();
  const id = deps.ids.id();
  const objections: readonly RaisedObjectionInput[] = input.type === 'call' ? (input.objections ?? []) : [];
  return write(deps, actor.orgId, async (trx) => {
    const ownerId = await resolveOwner(trx, actor, 'activity', input.ownerId, actor.userId);
    const links: Links = {
      dealId: input.dealId ?? null,
      contactId: input.contactId ?? null,
      accountId: input.accountId ?? null,
      leadId: input.leadId ?? null,
    };
    const checked = await checkRaisedObjections(trx, actor.orgId, objections, (i, field) => `objections.${i}.${field}`);
    const problems = [
      ...(await checkLinks(trx, actor, links, activityLinkFields)),
      ...agentSideProblems(input),
      ...(input.type === 'call' ? await scriptProblems(trx, actor.orgId, input) : []),
      ...checked.problems,
    ];
    if (problems.length) throw invalid(problems);

    const row = await repo.insertActivity(trx, {
      org_id: actor.orgId,
      id,
      type: input.type,
      ...commonColumns(input),
      ...typeColumns(input, null, now),
      owner_id: ownerId,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    });
    const events: EventInput[] = [
      {
        entityType: 'activity',
        entityId: id,
        type: 'activity.created',
        businessTime: row.occurred_at,
        data: { after: activitySnapshot(row) },
      },
    ];
    if (row.completed_at)
      events.push({
        entityType: 'activity',
        entityId: id,
        type: 'activity.completed',
        data: { completedAt: row.completed_at },
      });
    await deps.eventLog.append(trx, actor, events);
    await noteSalesTouch(deps, trx, actor, {
      id,
      type: row.type,
      leadId: row.lead_id,
      ownerId: row.owner_id,
      occurredAt: row.occurred_at,
    });
    await noteCadenceActivity(deps, trx, actor, {
      id,
      type: row.type,
      leadId: row.lead_id,
      disposition: row.call_disposition,
      emailDirection: row.email_direction,
      dueAt: row.due_at,
      completed: row.completed_at !== null,
    });

    const raised = await insertRaisedObjections(
      trx,
      deps,
      actor,
      objections,
      { dealId: row.deal_id, activityId: id, raisedAt: row.occurred_at ?? now },
      checked.titles,
    );
    return { ...toActivityDto(row), objections: raised };
  });
}
