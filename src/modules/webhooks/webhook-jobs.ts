import type { DbExecutor } from '../../db/database.ts';
import type { Deps } from '../context.ts';
import type { ChainSealer } from '../events/chain.ts';
import type { JobRow } from '../jobs/jobs.repository.ts';
import { JobFailed, type JobContext } from '../jobs/queue.ts';
import { deliverEndpoint, type DeliveryRun } from './deliver-endpoint.ts';

/** The job kind of a delivery run: one endpoint's due events, in log order. */
export const WEBHOOK_JOB = 'webhook';

/** A run that caught up keeps its lease this long for events this process is about to seal. */
const LINGER_MS = 250;

/**
 * Asks for a delivery run of an endpoint in the caller's transaction. Keyed per endpoint: asking
 * again while one waits adds nothing. A run's own failures (a receiver down) are the endpoint's
 * retry schedule, not the job's; the job's attempts cover the database failing under it.
 */
export function enqueueDelivery(
  deps: Pick<Deps, 'jobs'>,
  trx: DbExecutor,
  endpoint: { orgId: string; id: string },
): Promise<JobRow> {
  return deps.jobs.enqueue(trx, {
    orgId: endpoint.orgId,
    kind: WEBHOOK_JOB,
    payload: { endpointId: endpoint.id },
    key: `webhook:${endpoint.id}`,
    maxAttempts: 3,
  });
}

/**
 * While a run lasts: resolves true at once when events of `orgId` were sealed since the last
 * call, else when the next seal comes within LINGER_MS (the run goes on with its lease instead of
 * giving it back and being queued again).
 */
function sealWatch(sealer: ChainSealer, orgId: string, stopped: () => boolean) {
  let seals = 0;
  let seen = 0;
  let waiter: (() => void) | null = null;
  const unsubscribe = sealer.onSealed((sealed) => {
    if (sealed !== orgId) return;
    seals++;
    waiter?.();
  });
  return {
    async more(): Promise<boolean> {
      if (stopped()) return false;
      if (seals === seen)
        await new Promise<void>((resolve) => {
          const timer = setTimeout(done, LINGER_MS);
          function done() {
            clearTimeout(timer);
            waiter = null;
            resolve();
          }
          waiter = done;
        });
      const more = seals !== seen && !stopped();
      seen = seals;
      return more;
    },
    close: unsubscribe,
  };
}

/**
 * The job of a delivery run: delivers what is due for its endpoint (`deliverEndpoint`, whose
 * lease keeps one run per endpoint across servers). A run that used its time while more is
 * waiting queues the next one at once; a run asked to stop hands its job back.
 */
export async function runWebhookJob(
  deps: Deps,
  ctx: JobContext,
  onRun?: (endpoint: { orgId: string; id: string }, run: DeliveryRun) => void,
): Promise<void> {
  const endpointId = ctx.job.payload.endpointId;
  if (typeof endpointId !== 'string') throw new JobFailed('the job names no endpoint');
  const orgId = ctx.job.org_id;
  const stopped = () => ctx.signal.aborted;
  const watch = sealWatch(deps.sealer, orgId, stopped);
  let run: DeliveryRun;
  try {
    run = await deliverEndpoint(deps, `job:${ctx.job.id}`, orgId, endpointId, {
      stopping: stopped,
      waitForMore: () => watch.more(),
    });
  } finally {
    watch.close();
  }
  onRun?.({ orgId, id: endpointId }, run);
  if (ctx.signal.aborted) throw ctx.signal.reason;
  if (run.outcome === 'time_up') await enqueueDelivery(deps, deps.db, { orgId, id: endpointId });
}
