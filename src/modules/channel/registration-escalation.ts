import { businessDaysBetween } from '../../analytics/business-days.ts';
import type { DbExecutor } from '../../db/database.ts';
import { write, type Deps } from '../context.ts';
import { JobFailed, type JobContext } from '../jobs/queue.ts';
import * as repo from './channel.repository.ts';
import { channelSettings } from './programme.service.ts';
import { escalationDueAt, scheduleRegistrationEscalation } from './registration-escalation-schedule.ts';

export { REGISTRATION_ESCALATION_JOB } from './registration-escalation-schedule.ts';

export type RegistrationEscalationCheck = 'escalated' | 'not_due' | 'settled';

/**
 * The escalation check of one registration at the clock's time. A registration still pending past
 * the organisation's approval SLA (business days from its registration) is escalated once: it is
 * marked overdue and `deal_registration.escalated` names the admins who are told (the system acts).
 * Run before the due time (another server's clock, or a job left from a longer SLA) it asks again
 * at the due time; a decided or already escalated registration is left as it is, so running the
 * check again changes nothing.
 */
export async function checkRegistrationEscalation(
  deps: Deps,
  orgId: string,
  registrationId: string,
  fence?: (trx: DbExecutor) => Promise<void>,
): Promise<RegistrationEscalationCheck> {
  return write(deps, orgId, async (trx) => {
    if (fence) await fence(trx);
    await repo.lockRegistration(trx, orgId, registrationId);
    const row = await repo.getRegistration(trx, orgId, registrationId, { kind: 'all' });
    if (!row || row.status !== 'pending' || row.escalated_at) return 'settled';
    const { approvalSlaDays } = await channelSettings(trx, orgId);
    const dueAt = escalationDueAt(row.registered_at, approvalSlaDays);
    const now = deps.clock.now();
    if (now.getTime() < dueAt.getTime()) {
      await scheduleRegistrationEscalation(deps, trx, orgId, registrationId, dueAt);
      return 'not_due';
    }
    const admins = await repo.activeAdmins(trx, orgId);
    await repo.updateRegistration(trx, orgId, registrationId, row.version, { escalated_at: now, updated_at: now });
    await deps.eventLog.append(trx, { orgId, userId: null }, [
      {
        entityType: 'deal_registration',
        entityId: registrationId,
        type: 'deal_registration.escalated',
        data: {
          registeredAt: row.registered_at.toISOString(),
          approvalSlaDays,
          businessDays: businessDaysBetween(row.registered_at, now),
          dueAt: dueAt.toISOString(),
          notified: admins.map((a) => ({ userId: a.id, name: a.name })),
        },
      },
    ]);
    return 'escalated';
  });
}

export async function runRegistrationEscalationJob(deps: Deps, ctx: JobContext): Promise<void> {
  const orgId = ctx.job.org_id;
  const registrationId = (ctx.job.payload as { registrationId?: unknown }).registrationId;
  if (!orgId || typeof registrationId !== 'string')
    throw new JobFailed('the job names no organization or registration');
  await checkRegistrationEscalation(deps, orgId, registrationId, (trx) => ctx.fence(trx));
}
