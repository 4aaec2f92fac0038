import { transaction } from '../../db/database.ts';
import type { Deps } from '../context.ts';
import { enqueueDelivery } from './webhook-jobs.ts';
import * as repo from './webhooks.repository.ts';

/** How often the database is asked for due endpoints when nothing woke the dispatcher. */
const POLL_MS = 1000;
/** Endpoints queued per look. */
const BATCH = 200;
/** Attempts are kept this long. */
export const ATTEMPT_RETENTION_MS = 30 * 24 * 3_600_000;
const PRUNE_EVERY_MS = 3_600_000;

export interface DispatcherOptions {
  pollMs?: number;
  /** Hears of a look that failed unexpectedly (a database error); it is tried again later. */
  onError?: (err: unknown) => void;
}

/**
 * Puts webhook delivery on the job queue: asks the database for endpoints that are due (sealed
 * events past their cursor, no retry pending, no lease held) and queues a delivery job for each
 * (keyed per endpoint, so asking again while one waits adds nothing). It looks when this process
 * seals events, and every second for events sealed by other servers, retries coming due and
 * leases left by a run whose server died. The jobs run on any server of the database; the event
 * log stays the outbox, each endpoint's cursor its position in it.
 */
export class WebhookDispatcher {
  private polling: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  private timer: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void) | null = null;
  private lastPrune = 0;

  constructor(
    private readonly deps: Deps,
    private readonly opts: DispatcherOptions = {},
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.unsubscribe = this.deps.sealer.onSealed(() => this.wake());
    this.timer = setInterval(() => this.wake(), this.opts.pollMs ?? POLL_MS);
    this.timer.unref();
    this.wake();
  }

  /** Looks for due endpoints now (coalesced: one look at a time, one more queued at most). */
  wake(): void {
    if (this.stopped) return;
    if (this.polling) {
      this.again = true;
      return;
    }
    this.polling = this.poll()
      .catch((err: unknown) => this.opts.onError?.(err))
      .finally(() => {
        this.polling = null;
      });
  }

  private async poll(): Promise<void> {
    do {
      this.again = false;
      const due = await repo.dueEndpoints(this.deps.db, this.deps.clock.now(), BATCH);
      if (due.length > 0)
        await transaction(this.deps.db, async (trx) => {
          for (const e of due) await enqueueDelivery(this.deps, trx, e);
        });
      await this.prune();
    } while (this.again && !this.stopped);
  }

  private async prune(): Promise<void> {
    const now = this.deps.clock.now().getTime();
    if (now - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = now;
    await repo.pruneAttempts(this.deps.db, new Date(now - ATTEMPT_RETENTION_MS));
  }

  /** Stops looking for due endpoints (the delivery jobs are the queue's: they stop with it). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.unsubscribe?.();
    await this.polling;
  }
}
