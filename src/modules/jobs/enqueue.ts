import type { DbExecutor } from '../../db/database.ts';
import type { Deps } from '../context.ts';
import { cancelWaiting, type JobRow } from './jobs.repository.ts';
import type { NewJob } from './queue.ts';

/**
 * Enqueues background work in the caller's transaction: the job exists, and will run, only if
 * the change that asks for it commits. Handlers run at least once; make them idempotent.
 */
export function enqueueJob(deps: Pick<Deps, 'jobs'>, trx: DbExecutor, job: NewJob): Promise<JobRow> {
  return deps.jobs.enqueue(trx, job);
}

/**
 * Cancels the job of `key` still waiting in the queue, in the caller's transaction, when the change
 * makes its work pointless (a delivery already asked of the engine finds it canceled and does
 * nothing). A run under way is not stopped: its handler finds the change when it commits.
 */
export async function cancelWaitingJob(
  deps: Pick<Deps, 'clock'>,
  trx: DbExecutor,
  orgId: string,
  key: string,
  reason: string,
): Promise<void> {
  await cancelWaiting(trx, orgId, key, deps.clock.now(), reason);
}
