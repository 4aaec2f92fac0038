import { businessDaysDueAt } from '../../analytics/business-days.ts';
import type { DbExecutor } from '../../db/database.ts';
import type { Deps } from '../context.ts';
import { enqueueJob } from '../jobs/enqueue.ts';
import * as repo from './channel.repository.ts';

/** The job that escalates a registration still pending past the approval SLA (keyed on the registration and its due time). */
export const REGISTRATION_ESCALATION_JOB = 'channel.registration_escalation';

/**
 * Asks the queue to check a pending registration when it passes the approval SLA, in the caller's
 * transaction. The key names the due time, so a changed SLA schedules its own check beside the
 * earlier one; whichever runs first after the due time escalates, the others find it settled.
 */
export async function scheduleRegistrationEscalation(
  deps: Deps,
  trx: DbExecutor,
  orgId: string,
  registrationId: string,
  dueAt: Date,
): Promise<void> {
  await enqueueJob(deps, trx, {
    orgId,
    kind: REGISTRATION_ESCALATION_JOB,
    payload: { registrationId },
    key: `${REGISTRATION_ESCALATION_JOB}:${registrationId}:${dueAt.toISOString()}`,
    runAt: dueAt,
  });
}

/** When a registration made at `registeredAt` passes an SLA of `slaDays` business days. */
export function escalationDueAt(registeredAt: Date, slaDays: number): Date {
  return businessDaysDueAt(registeredAt, slaDays);
}

/**
 * Schedules the check of every pending registration not yet escalated against the organisation's
 * approval SLA as it is now (after the SLA changes).
 */
export async function rescheduleEscalations(
  deps: Deps,
  trx: DbExecutor,
  orgId: string,
  slaDays: number,
): Promise<void> {
  for (const r of await repo.pendingUnescalated(trx, orgId))
    await scheduleRegistrationEscalation(deps, trx, orgId, r.id, escalationDueAt(r.registered_at, slaDays));
}
