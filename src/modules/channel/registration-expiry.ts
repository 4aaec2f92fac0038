import type { Deps } from '../context.ts';
import type { JobContext } from '../jobs/queue.ts';
import { expireLapsedRegistrations } from './registrations.service.ts';

export { REGISTRATION_EXPIRY_JOB } from './registrations.service.ts';

/**
 * Runs when a protection window ends: expires the organisation's lapsed registrations (this one
 * and any other whose job has not run yet). At least once is fine: expiring is idempotent.
 */
export async function runRegistrationExpiryJob(deps: Deps, ctx: JobContext): Promise<void> {
  await expireLapsedRegistrations(deps, ctx.job.org_id, (trx) => ctx.fence(trx));
}
