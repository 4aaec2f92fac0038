import type { DbExecutor } from '../../db/database.ts';
import { write, type Deps } from '../context.ts';
import type { EventInput } from '../events/events.service.ts';
import { enqueueJob } from '../jobs/enqueue.ts';
import { JobFailed, type JobContext } from '../jobs/queue.ts';
import * as repo from './handoffs.repository.ts';
import { HANDOFF_SLA_JOB } from './handoffs.service.ts';
import { policyFor } from './sla-policy.service.ts';

export type SlaCheck = 'breached' | 'not_due' | 'settled';

/**
 * The SLA check of one hand-off, at the clock's time (the job keyed on the hand-off runs it at the
 * due time). A hand-off still open and untouched past its due time is breached
 * (`lead.sla_breached`) and escalated to the owner's manager by the policy of the owner's team:
 * `notify_manager` records the manager as told, `reassign_to_manager` gives the lead to the
 * manager (`lead.assigned`); either way `lead.handoff_escalated`. An owner without an active
 * manager leaves the breach without escalation. A check before the due time (the clock of another
 * server) asks again at the due time; a touched, decided or already breached hand-off is left as
 * it is, so running the check again changes nothing.
 */
export async function checkHandoffSla(
  deps: Deps,
  orgId: string,
  handoffId: string,
  fence?: (trx: DbExecutor) => Promise<void>,
): Promise<SlaCheck> {
  const system = { orgId, userId: null };
  return write(deps, orgId, async (trx) => {
    if (fence) await fence(trx);
    // The lead first, then the hand-off: the order every change of a lead takes.
    const leadId = await repo.leadOfHandoff(trx, orgId, handoffId);
    if (leadId) await repo.getHandoffLead(trx, orgId, leadId, true);
    const h = await repo.lockHandoff(trx, orgId, handoffId);
    if (!h || h.status !== 'open' || h.first_touch_at || h.breached_at) return 'settled';
    const now = deps.clock.now();
    if (now.getTime() < h.due_at.getTime()) {
      await enqueueJob(deps, trx, {
        orgId,
        kind: HANDOFF_SLA_JOB,
        payload: { handoffId },
        key: `${HANDOFF_SLA_JOB}:${handoffId}`,
        runAt: h.due_at,
      });
      return 'not_due';
    }
    const events: EventInput[] = [
      {
        entityType: 'lead',
        entityId: h.lead_id,
        type: 'lead.sla_breached',
        data: { handoffId, ownerId: h.owner_id, dueAt: h.due_at.toISOString() },
      },
    ];
    const manager = await repo.managerOf(trx, orgId, h.owner_id);
    if (!manager) {
      await repo.updateHandoff(trx, { orgId, id: h.id, version: h.version }, { breached_at: now, updated_at: now });
      await deps.eventLog.append(trx, system, events);
      return 'breached';
    }
    const { policy } = await policyFor(trx, orgId, h.team_id);
    const reassign = policy.escalation === 'reassign_to_manager';
    if (reassign) {
      await repo.reassignLead(trx, orgId, h.lead_id, manager, now);
      events.push({
        entityType: 'lead',
        entityId: h.lead_id,
        type: 'lead.assigned',
        data: { changes: { ownerId: { from: h.owner_id, to: manager } } },
      });
    }
    await repo.updateHandoff(
      trx,
      { orgId, id: h.id, version: h.version },
      {
        breached_at: now,
        escalation: reassign ? 'reassigned' : 'notified',
        escalated_at: now,
        escalated_to: manager,
        ...(reassign ? { owner_id: manager } : {}),
        updated_at: now,
      },
    );
    events.push({
      entityType: 'lead',
      entityId: h.lead_id,
      type: 'lead.handoff_escalated',
      data: { handoffId, action: reassign ? 'reassigned' : 'notified', fromOwnerId: h.owner_id, managerId: manager },
    });
    await deps.eventLog.append(trx, system, events);
    return 'breached';
  });
}

export async function runHandoffSlaJob(deps: Deps, ctx: JobContext): Promise<void> {
  const orgId = ctx.job.org_id;
  const handoffId = (ctx.job.payload as { handoffId?: unknown }).handoffId;
  if (!orgId || typeof handoffId !== 'string') throw new JobFailed('the job names no organization or hand-off');
  await checkHandoffSla(deps, orgId, handoffId, (trx) => ctx.fence(trx));
}

/**
 * The hand-offs whose SLA check is due by `until` (open, untouched, not yet breached), soonest
 * first: what the queue's keyed jobs will check. The demo seed, replaying a year on its own clock,
 * runs these checks at their due times instead of leaving them to the queue after the fact.
 */
export async function dueHandoffChecks(
  deps: Deps,
  orgId: string,
  until: Date,
): Promise<{ handoffId: string; dueAt: Date }[]> {
  const rows = await repo.dueHandoffs(deps.db, orgId, until);
  return rows.map((r) => ({ handoffId: r.id, dueAt: r.due_at }));
}
