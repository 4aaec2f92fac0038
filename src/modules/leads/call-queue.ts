import { minutesToFirstCall, queueReason, rankCallQueue, type QueueLead } from '../../analytics/call-queue.ts';
import { canClaimLead, canOpenCallQueueOf, hasCallQueue, type Actor } from '../../contract/access.ts';
import type { CallQueueDto, CallQueueItemDto, CallQueueQuery } from '../../contract/call-queue.ts';
import { forbidden, notFound } from '../../contract/errors.ts';
import type { Deps } from '../context.ts';
import { iso } from '../shared.ts';
import { listClaimable, listQueueCandidates, type ClaimableRow, type QueueRow } from './call-queue.repository.ts';
import { toLeadDto } from './leads.service.ts';
import { getUser } from '../users/users.service.ts';
import { openEnrolmentsOfLeads, toEnrolmentDto, type EnrolmentView } from '../cadences/cadences.service.ts';

type Ranked = QueueLead & { row: QueueRow | ClaimableRow; enrolment: EnrolmentView | undefined };

const isClaimable = (r: QueueRow | ClaimableRow): r is ClaimableRow => r.owner_id === null && 'territory_id' in r;

/** The score the queue weighs: the model's probability in percent, else the mean of the rule scores. */
function scoreOf(r: QueueRow): number | null {
  if (r.probability !== null) return r.probability * 100;
  if (r.fit_score === null || r.engagement_score === null) return null;
  return (r.fit_score + r.engagement_score) / 2;
}

function toItem(l: Ranked, now: Date): CallQueueItemDto {
  const r = l.row;
  return {
    lead: toLeadDto(r),
    reason: queueReason(l, now),
    score: l.score,
    grade: r.grade === 'A' || r.grade === 'B' || r.grade === 'C' || r.grade === 'D' ? r.grade : null,
    slaDueAt: iso(r.sla_due_at),
    callBack:
      r.call_back_id && r.call_back_at
        ? { taskId: r.call_back_id, subject: r.call_back_subject, dueAt: r.call_back_at.toISOString() }
        : null,
    firstCallAt: iso(r.first_call_at),
    minutesToFirstCall: minutesToFirstCall({ createdAt: r.created_at, firstCallAt: r.first_call_at }),
    unassigned: isClaimable(r)
      ? {
          territoryId: r.territory_id,
          territoryName: r.territory_name,
          territoryMemberIds: r.territory_member_ids ?? [],
        }
      : null,
    cadence: l.enrolment ? toEnrolmentDto(l.enrolment) : null,
  };
}

/**
 * The call queue of a user: their open leads (new or working) in the order of `compareQueueLeads`,
 * a page at a time. The caller's own queue also holds the unassigned open leads they may claim
 * (`canClaimLead`: their territories' and those no territory holds), ranked alike and marked. The caller's own by default; a manager may open a team member's, an admin
 * anyone's; any other user is reported as not found. Roles that do not call have no queue.
 */
export async function callQueue(deps: Deps, actor: Actor, q: CallQueueQuery): Promise<CallQueueDto> {
  if (!hasCallQueue(actor)) throw forbidden('Only roles that call leads have a call queue');
  const ownerId = q.ownerId ?? actor.userId;
  if (!canOpenCallQueueOf(actor, ownerId)) throw notFound('user', ownerId);
  // An admin's scope is the organization: a user of another one is not found either.
  if (ownerId !== actor.userId) await getUser(deps, actor, ownerId);
  const now = deps.clock.now();
  const own = await listQueueCandidates(deps.db, actor.orgId, ownerId);
  const claimable =
    ownerId === actor.userId
      ? (
          await listClaimable(
            deps.db,
            actor.orgId,
            actor.role === 'admin' || actor.role === 'manager' ? null : actor.userId,
          )
        ).filter((r) =>
          canClaimLead(actor, {
            ownerId: r.owner_id,
            status: r.status,
            territoryMemberIds: r.territory_id === null ? null : (r.territory_member_ids ?? []),
          }),
        )
      : [];
  const rows: (QueueRow | ClaimableRow)[] = [...own, ...claimable];
  const enrolments = new Map(
    (
      await openEnrolmentsOfLeads(
        deps.db,
        actor.orgId,
        rows.map((r) => r.id),
      )
    ).map((e) => [e.lead_id, e]),
  );
  const ranked = rankCallQueue(
    rows.map((row): Ranked => {
      const enrolment = enrolments.get(row.id);
      return {
        id: row.id,
        createdAt: row.created_at,
        score: scoreOf(row),
        slaDueAt: row.sla_due_at,
        callBackAt: row.call_back_at,
        cadence: enrolment
          ? { dueAt: enrolment.step_due_at, call: enrolment.steps[enrolment.step_index]?.kind === 'call' }
          : null,
        row,
        enrolment,
      };
    }),
    now,
  );
  const from = q.cursor ? Number(q.cursor) : 0;
  const page = ranked.slice(from, from + q.limit);
  const next = from + page.length;
  return {
    ownerId,
    rankedAt: now.toISOString(),
    total: ranked.length,
    unassigned: claimable.length,
    items: page.map((l) => toItem(l, now)),
    nextCursor: next < ranked.length ? String(next) : null,
  };
}
