import type { DbExecutor } from '../../db/database.ts';
import type { Deps } from '../context.ts';
import type { JobRow } from './jobs.repository.ts';
import type { NewJob } from './queue.ts';

/**
 * Enqueues background work in the caller's transaction: the job exists, and will run, only if
 * the change that asks for it commits. Handlers run at least once; make them idempotent.
 */
export function enqueueJob(deps: Pick<Deps, 'jobs'>, trx: DbExecutor, job: NewJob): Promise<JobRow> {
  return deps.jobs.enqueue(trx, job);
}
