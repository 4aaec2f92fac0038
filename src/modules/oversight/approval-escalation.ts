import type { ApprovalEscalation, Approver } from '../../contract/oversight.ts';
import type { DbExecutor } from '../../db/database.ts';
import { escalationDueAt, type EscalationClock, type EscalationTimeout } from '../../domain/approval-escalation.ts';
import { write, type Deps } from '../context.ts';
import { policyFor } from '../handoffs/sla-policy.service.ts';
import { enqueueJob } from '../jobs/enqueue.ts';
import { JobFailed, type JobContext } from '../jobs/queue.ts';
import * as repo from './oversight.repository.ts';

/** The job that checks one approval's current step at its escalation time (keyed on the approval). */
export const APPROVAL_ESCALATION_JOB = 'approval.escalation';

export type EscalationCheck = 'escalated' | 'not_due' | 'settled';

/** The timeout an approval row was opened with, or null. */
export function timeoutOf(
  row: Pick<repo.ApprovalRow, 'escalate_after_minutes' | 'escalate_in'>,
): EscalationTimeout | null {
  if (row.escalate_after_minutes === null) return null;
  return { minutes: row.escalate_after_minutes, clock: (row.escalate_in ?? 'elapsed') as EscalationClock };
}

/**
 * When a step that starts waiting at `from` escalates, counted in the organization's business
 * hours (those of its own hand-off SLA policy, or the defaults in its time zone).
 */
export async function escalatesAt(
  trx: DbExecutor,
  orgId: string,
  from: Date,
  timeout: EscalationTimeout | null,
): Promise<Date | null> {
  if (!timeout) return null;
  const { policy } = await policyFor(trx, orgId, null);
  return escalationDueAt(from, timeout, policy);
}

/** Asks the queue to check the approval at `runAt`, in the caller's transaction (one waiting check per approval). */
export async function scheduleEscalation(
  deps: Deps,
  trx: DbExecutor,
  orgId: string,
  approvalId: string,
  runAt: Date | null,
): Promise<void> {
  if (!runAt) return;
  await enqueueJob(deps, trx, {
    orgId,
    kind: APPROVAL_ESCALATION_JOB,
    payload: { approvalId },
    key: `${APPROVAL_ESCALATION_JOB}:${approvalId}`,
    runAt,
  });
}

const sameApprover = (a: Approver, b: Approver): boolean =>
  a.kind === 'user' && b.kind === 'user'
    ? a.userId === b.userId
    : a.kind === 'role' && b.kind === 'role' && a.role === b.role;

/**
 * The approver above one who let a step wait: a user's next active manager up the chain (never the
 * requester), else the organization's admins; a named role other than admin goes to the admins;
 * the admins are the top (null).
 */
async function approverAbove(
  trx: DbExecutor,
  orgId: string,
  current: Approver,
  requesterId: string,
): Promise<Approver | null> {
  const admins: Approver = { kind: 'role', role: 'admin' };
  if (current.kind === 'role') return current.role === 'admin' ? null : admins;
  const seen = new Set<string>([current.userId]);
  let next = (await repo.chainUser(trx, orgId, current.userId))?.above ?? null;
  while (next && !seen.has(next)) {
    seen.add(next);
    const user = await repo.chainUser(trx, orgId, next);
    if (!user) break;
    if (user.active && user.id !== requesterId) return { kind: 'user', userId: user.id, name: user.name };
    next = user.above;
  }
  return admins;
}

/**
 * The escalation check of one approval at the clock's time (the job keyed on the approval runs it
 * at the step's escalation time). A pending approval whose current step waited past its time goes
 * to the approver above (`approval.escalated`, by the system): the step's approver is replaced,
 * a later step naming that same approver is dropped (nobody approves twice), and the step waits
 * again from now under the same timeout. A check before the time (another server's clock, or a
 * job left from an earlier step) asks again at the time; a decided approval, or one without a
 * timeout or anyone above, is left as it is, so running the check again changes nothing.
 */
export async function checkApprovalEscalation(
  deps: Deps,
  orgId: string,
  approvalId: string,
  fence?: (trx: DbExecutor) => Promise<void>,
): Promise<EscalationCheck> {
  return write(deps, orgId, async (trx) => {
    if (fence) await fence(trx);
    const row = await repo.lockApproval(trx, orgId, approvalId);
    if (!row || row.status !== 'pending' || !row.escalates_at) return 'settled';
    const now = deps.clock.now();
    if (now.getTime() < row.escalates_at.getTime()) {
      await scheduleEscalation(deps, trx, orgId, approvalId, row.escalates_at);
      return 'not_due';
    }
    const approvers = row.approvers as Approver[];
    const from = approvers[row.step];
    const to = from ? await approverAbove(trx, orgId, from, row.requested_by) : null;
    if (!from || !to) {
      await repo.updateApproval(trx, orgId, approvalId, row.version, { escalates_at: null });
      return 'settled';
    }
    const next = [
      ...approvers.slice(0, row.step),
      to,
      ...approvers.slice(row.step + 1).filter((a) => !sameApprover(a, to)),
    ];
    const again = (await approverAbove(trx, orgId, to, row.requested_by))
      ? await escalatesAt(trx, orgId, now, timeoutOf(row))
      : null;
    const escalation: ApprovalEscalation = { step: row.step, from, to, at: now.toISOString() };
    await repo.updateApproval(trx, orgId, approvalId, row.version, {
      approvers: next,
      step_started_at: now,
      escalates_at: again,
      escalations: [...(row.escalations as ApprovalEscalation[]), escalation],
    });
    await deps.eventLog.append(trx, { orgId, userId: null }, [
      {
        entityType: 'approval',
        entityId: approvalId,
        type: 'approval.escalated',
        data: {
          step: row.step,
          from,
          to,
          waitingSince: row.step_started_at.toISOString(),
          escalatesAt: again ? again.toISOString() : null,
        },
      },
    ]);
    await scheduleEscalation(deps, trx, orgId, approvalId, again);
    return 'escalated';
  });
}

export async function runApprovalEscalationJob(deps: Deps, ctx: JobContext): Promise<void> {
  const orgId = ctx.job.org_id;
  const approvalId = (ctx.job.payload as { approvalId?: unknown }).approvalId;
  if (!orgId || typeof approvalId !== 'string') throw new JobFailed('the job names no organization or approval');
  await checkApprovalEscalation(deps, orgId, approvalId, (trx) => ctx.fence(trx));
}
