import { noteCadenceTaskDone } from '../cadences/cadences.service.ts';
import type { Actor } from '../../contract/access.ts';
import {
  activityLinkFields,
  type ActivityDto,
  type ActivityType,
  type UpdateActivityInput,
} from '../../contract/activities.ts';
import { invalid } from '../../contract/errors.ts';
import { assertCanWrite, onAgentSide, resolveOwner } from '../access.ts';
import { changeEvents } from '../shared.ts';
import { write, type Deps } from '../context.ts';
import { checkVersion, type ExpectedVersion } from '../shared.ts';
import { activityAuditFields, activitySnapshot, toActivityDto } from './activities.service.ts';
import * as repo from './activities.repository.ts';
import {
  agentSideProblems,
  checkLinks,
  commonColumns,
  pickTypeFields,
  scriptProblems,
  typeColumns,
  validateForType,
  type Links,
} from './activity-rules.ts';

/**
 * Changes an activity. Its type never changes: the stored record merged with the request is checked
 * against the type's own schema, so a field of another type is refused by name, exactly as on create.
 */
export async function updateActivity(
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
  input: UpdateActivityInput,
): Promise<ActivityDto> {
  const row = await write(deps, actor.orgId, async (trx) => {
    const locked = await repo.lockActivity(trx, actor.orgId, id);
    const before = assertCanWrite(actor, 'activity', locked, id, await onAgentSide(trx, actor, locked));
    const version = checkVersion('activity', id, before.version, expected);
    const type = before.type as ActivityType;
    const { ownerId, ...fields } = input;
    const merged = validateForType(type, { ...pickTypeFields(type, toActivityDto(before)), ...fields });
    const problems = merged.ok ? [] : [...merged.problems];

    const links: Links = {
      dealId: fields.dealId === undefined ? before.deal_id : fields.dealId,
      contactId: fields.contactId === undefined ? before.contact_id : fields.contactId,
      accountId: fields.accountId === undefined ? before.account_id : fields.accountId,
      leadId: fields.leadId === undefined ? before.lead_id : fields.leadId,
    };
    // Links kept as they were are not re-checked: the record may since have moved out of the actor's sight.
    const storedLinks: Links = {
      dealId: before.deal_id,
      contactId: before.contact_id,
      accountId: before.account_id,
      leadId: before.lead_id,
    };
    const changed = activityLinkFields.filter((f) => links[f] !== storedLinks[f]);
    problems.push(...(await checkLinks(trx, actor, links, changed)));
    if (merged.ok) problems.push(...agentSideProblems(merged.value));
    if (merged.ok && merged.value.type === 'call')
      problems.push(...(await scriptProblems(trx, actor.orgId, merged.value)));
    if (!merged.ok || problems.length) throw invalid(problems);

    const now = deps.clock.now();
    const owner =
      ownerId === undefined ? before.owner_id : await resolveOwner(trx, actor, 'activity', ownerId, before.owner_id);
    const after = await repo.updateActivity(trx, actor.orgId, id, version, {
      ...commonColumns(merged.value),
      ...typeColumns(merged.value, before, now),
      owner_id: owner,
      updated_at: now,
    });

    // Completing a task is its own event (the moment work got done); reopening shows as an update.
    const completed = before.completed_at === null && after.completed_at !== null;
    const audited = activityAuditFields.filter((f) => !(completed && f === 'completed_at'));
    const events = changeEvents('activity', id, activitySnapshot(before), activitySnapshot(after), audited);
    if (completed)
      events.push({
        entityType: 'activity',
        entityId: id,
        type: 'activity.completed',
        data: { completedAt: after.completed_at },
      });
    await deps.eventLog.append(trx, actor, events);
    if (completed) await noteCadenceTaskDone(deps, trx, actor, { id, cadenceEnrolmentId: after.cadence_enrolment_id });
    return after;
  });
  return toActivityDto(row);
}
