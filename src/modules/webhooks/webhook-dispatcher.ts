import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Deps } from '../context.ts';
import { deliverEndpoint, type DeliveryRun } from './deliver-endpoint.ts';
import * as repo from './webhooks.repository.ts';

/** How often the database is asked for due endpoints when nothing woke the dispatcher. */
const POLL_MS = 1000;
/** Attempts are kept this long. */
export const ATTEMPT_RETENTION_MS = 30 * 24 * 3_600_000;
const PRUNE_EVERY_MS = 3_600_000;
/** A run that caught up keeps its lease this long for events this process is about to seal. */
const LINGER_MS = 250;

export interface DispatcherOptions {
  pollMs?: number;
  /** Hears of a look or run that failed unexpectedly (a database error); it is tried again later. */
  onError?: (err: unknown, endpoint: { orgId: string; id: string } | null) => void;
  /** Hears of every finished run (tests, benchmarks). */
  onRun?: (endpoint: { orgId: string; id: string }, run: DeliveryRun) => void;
}

/**
 * Runs webhook delivery in a server process: asks the database for endpoints that are due (new
 * sealed events past their cursor, no retry pending, no lease held) and runs `deliverEndpoint`
 * for up to `concurrency` of them at a time. It wakes when this process seals events, when a run
 * ends, and every second (for events sealed by other servers, retries coming due and leases left
 * by a server that died). Several servers on one database share the work through the leases.
 */
export class WebhookDispatcher {
  /** This process's name on the leases it takes. */
  readonly owner = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  private readonly running = new Map<string, Promise<void>>();
  private polling: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  private timer: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void) | null = null;
  private lastPrune = 0;
  /** Seals seen per organization, and the runs waiting for the next one. */
  private readonly seals = new Map<string, number>();
  private readonly sealWaiters = new Map<string, Set<() => void>>();

  constructor(
    private readonly deps: Deps,
    private readonly opts: DispatcherOptions = {},
  ) {}

  start(): void {
    if (this.deps.webhooks.concurrency === 0 || !this.stopped) return;
    this.stopped = false;
    this.unsubscribe = this.deps.sealer.onSealed((orgId) => this.sealed(orgId));
    this.timer = setInterval(() => this.wake(), this.opts.pollMs ?? POLL_MS);
    this.timer.unref();
    this.wake();
  }

  private sealed(orgId: string): void {
    this.seals.set(orgId, (this.seals.get(orgId) ?? 0) + 1);
    const waiters = this.sealWaiters.get(orgId);
    this.sealWaiters.delete(orgId);
    for (const w of waiters ?? []) w();
    this.wake();
  }

  /** For a run of `orgId`: true at once when events were sealed since its last call, else when the next seal comes within LINGER_MS. */
  private lingerFor(orgId: string): () => Promise<boolean> {
    let seen = this.seals.get(orgId) ?? 0;
    return async () => {
      const now = this.seals.get(orgId) ?? 0;
      if (now !== seen || this.stopped) {
        seen = now;
        return !this.stopped;
      }
      const more = await new Promise<boolean>((resolve) => {
        const waiters = this.sealWaiters.get(orgId) ?? new Set<() => void>();
        this.sealWaiters.set(orgId, waiters);
        const done = (v: boolean) => {
          clearTimeout(timer);
          waiters.delete(wake);
          resolve(v);
        };
        const wake = () => done(!this.stopped);
        const timer = setTimeout(() => done(false), LINGER_MS);
        waiters.add(wake);
      });
      seen = this.seals.get(orgId) ?? 0;
      return more;
    };
  }

  /** Looks for due endpoints now (coalesced: one look at a time, one more queued at most). */
  wake(): void {
    if (this.stopped) return;
    if (this.polling) {
      this.again = true;
      return;
    }
    this.polling = this.poll()
      .catch((err: unknown) => this.opts.onError?.(err, null))
      .finally(() => {
        this.polling = null;
      });
  }

  private async poll(): Promise<void> {
    do {
      this.again = false;
      const free = this.deps.webhooks.concurrency - this.running.size;
      if (free <= 0) return;
      const due = await repo.dueEndpoints(this.deps.db, this.deps.clock.now(), free + this.running.size);
      for (const e of due) {
        if (this.stopped || this.running.size >= this.deps.webhooks.concurrency) break;
        const key = `${e.orgId}/${e.id}`;
        if (!this.running.has(key)) this.running.set(key, this.run(key, e));
      }
      await this.prune();
    } while (this.again && !this.stopped);
  }

  private async run(key: string, e: { orgId: string; id: string }): Promise<void> {
    try {
      const r = await deliverEndpoint(this.deps, this.owner, e.orgId, e.id, {
        stopping: () => this.stopped,
        waitForMore: this.lingerFor(e.orgId),
      });
      this.opts.onRun?.(e, r);
    } catch (err) {
      this.opts.onError?.(err, e);
    } finally {
      this.running.delete(key);
      // Events sealed while the run was finishing are picked up by the next look.
      this.wake();
    }
  }

  private async prune(): Promise<void> {
    const now = this.deps.clock.now().getTime();
    if (now - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = now;
    await repo.pruneAttempts(this.deps.db, new Date(now - ATTEMPT_RETENTION_MS));
  }

  /** Stops looking for work and waits for the runs under way (each ends after its current attempt). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.unsubscribe?.();
    for (const waiters of this.sealWaiters.values()) for (const w of waiters) w();
    await this.polling;
    await Promise.all(this.running.values());
  }
}
