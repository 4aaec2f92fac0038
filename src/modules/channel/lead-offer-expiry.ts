import type { Deps } from '../context.ts';
import { JobFailed, type JobContext } from '../jobs/queue.ts';
import { expireLeadOffer } from './lead-offers.service.ts';

export { LEAD_OFFER_EXPIRY_JOB } from './lead-offers.service.ts';

/** Runs at an offer's time limit: the offer lapses unless the partner has answered. */
export async function runLeadOfferExpiryJob(deps: Deps, ctx: JobContext): Promise<void> {
  const orgId = ctx.job.org_id;
  const offerId = (ctx.job.payload as { offerId?: unknown }).offerId;
  if (!orgId || typeof offerId !== 'string') throw new JobFailed('the job names no organization or lead offer');
  await expireLeadOffer(deps, orgId, offerId, (trx) => ctx.fence(trx));
}
