import os from 'node:os';
import { randomUUID } from 'node:crypto';
import { transaction, type DbExecutor } from '../../db/database.ts';
import type { Clock, IdGenerator } from '../../domain/deps.ts';
import * as repo from './jobs.repository.ts';
import { JobClaimLost, JobFailed, JobHandBack, type JobContext, type JobHandlers, type JobQueue } from './queue.ts';

export interface RunnerOptions {
  db: DbExecutor;
  clock: Clock;
  ids: IdGenerator;
  /** A running job whose heartbeat is older than this is taken over by another runner. */
  stallMs: number;
  /** Jobs run at once by this process. */
  concurrency: number;
  /** Hears of what went wrong outside a handler (a heartbeat, a status update, maintenance). */
  onError: (err: unknown, what: string) => void;
  /** More upkeep on the maintenance timer (sealing events a server that died left unsealed). */
  onMaintain?: () => Promise<void>;
  /**
   * A job has failed for good (out of attempts, or a failure no attempt changes), in the
   * transaction that records it: what the job worked on shows the failure too.
   */
  onFailed?: (trx: DbExecutor, job: repo.JobRow) => Promise<void>;
}

/** This process as `jobs.claimed_by` names it (shown as where a job runs). */
export const processName = `${os.hostname()}:${process.pid}`;

/** Succeeded jobs are kept this long, then deleted by maintenance (failed and canceled ones stay). */
export const SUCCEEDED_RETENTION_MS = 7 * 24 * 3_600_000;
const PRUNE_EVERY_MS = 3_600_000;

/** Seconds before the next attempt after `attempts` failed ones: 2, 4, 8, … up to 5 minutes. */
export function backoffMs(attempts: number): number {
  return Math.min(300, 2 ** Math.max(1, attempts)) * 1000;
}

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * The runs of claimed jobs in this process, the same for every queue engine: a heartbeat while
 * a job runs, its outcome recorded under its claim (succeeded; failed; queued again with
 * back-off; handed back on shutdown), and the maintenance that takes over jobs whose runner died.
 */
export class JobRuns {
  private readonly active = new Map<string, { ctrl: AbortController; done: Promise<void> }>();
  private stopping = false;
  private lastPrune = 0;

  constructor(
    private readonly opts: RunnerOptions,
    private readonly queue: Pick<JobQueue, 'deliver'>,
    private readonly handlers: JobHandlers,
  ) {}

  get size(): number {
    return this.active.size;
  }

  get kinds(): string[] {
    return Object.keys(this.handlers);
  }

  /** A fresh claim for a run of this process. */
  newClaim(): { claim: string; claimedBy: string; now: Date } {
    return { claim: randomUUID(), claimedBy: processName, now: this.opts.clock.now() };
  }

  /** Runs a job this process has claimed with `claim`; resolves when its outcome is recorded. */
  run(job: repo.JobRow, claim: string): Promise<void> {
    const ctrl = new AbortController();
    const done = this.execute(job, claim, ctrl).finally(() => this.active.delete(`${job.org_id}/${job.id}`));
    this.active.set(`${job.org_id}/${job.id}`, { ctrl, done });
    return done;
  }

  private async execute(job: repo.JobRow, claim: string, ctrl: AbortController): Promise<void> {
    const { db, clock } = this.opts;
    const lose = () => {
      if (!ctrl.signal.aborted) ctrl.abort(new JobClaimLost());
    };
    const beat = setInterval(() => {
      repo.heartbeat(db, job.org_id, job.id, claim, clock.now()).then(
        (held) => held || lose(),
        // The database did not answer: the next beat tries again; a long silence lets another runner take over.
        (err: unknown) => this.opts.onError(err, `heartbeat of job ${job.id}`),
      );
    }, this.opts.stallMs / 4);
    beat.unref();
    const ctx: JobContext = {
      job,
      signal: ctrl.signal,
      fence: async (trx) => {
        if (!(await repo.heartbeat(trx, job.org_id, job.id, claim, clock.now()))) {
          lose();
          throw new JobClaimLost();
        }
      },
    };
    if (this.stopping) ctrl.abort(new JobHandBack());
    try {
      const handler = this.handlers[job.kind];
      if (!handler) throw new JobFailed(`no handler for jobs of kind ${job.kind}`);
      await handler(ctx);
      await repo.release(db, job.org_id, job.id, claim, { status: 'succeeded', now: clock.now() });
    } catch (err) {
      await this.failed(job, claim, ctrl.signal, err).catch((e: unknown) =>
        // The claim stays with a heartbeat that no longer beats: maintenance takes the job over.
        this.opts.onError(e, `recording the outcome of job ${job.id}`),
      );
    } finally {
      clearInterval(beat);
    }
  }

  private async failed(job: repo.JobRow, claim: string, signal: AbortSignal, err: unknown): Promise<void> {
    const { db, clock } = this.opts;
    const reason: unknown = signal.aborted ? signal.reason : null;
    if (reason instanceof JobClaimLost || err instanceof JobClaimLost) return;
    const now = clock.now();
    await transaction(db, async (trx) => {
      let back: repo.JobRow | undefined;
      if (reason instanceof JobHandBack)
        back = await repo.release(trx, job.org_id, job.id, claim, {
          status: 'queued',
          runAt: now,
          error: null,
          countAttempt: false,
        });
      else if (err instanceof JobFailed || job.attempts >= job.max_attempts) {
        const gone = await repo.release(trx, job.org_id, job.id, claim, {
          status: 'failed',
          now,
          error: messageOf(err),
        });
        if (gone) await this.opts.onFailed?.(trx, gone);
      } else
        back = await repo.release(trx, job.org_id, job.id, claim, {
          status: 'queued',
          runAt: new Date(now.getTime() + backoffMs(job.attempts)),
          error: messageOf(err),
          countAttempt: true,
        });
      if (back?.status === 'queued') await this.queue.deliver(trx, [back]);
    });
  }

  /**
   * Takes over the jobs of runners that stopped beating (queued again, or failed when out of
   * attempts) and delivers queued jobs that are overdue (their delivery was lost). Every runner
   * does this on a timer; doing it twice at once is harmless.
   */
  async maintain(): Promise<void> {
    const { db, clock, stallMs } = this.opts;
    const now = clock.now();
    const staleBefore = new Date(now.getTime() - stallMs);
    await transaction(db, async (trx) => {
      const released = await repo.releaseStale(trx, staleBefore, now);
      for (const j of released) if (j.status === 'failed') await this.opts.onFailed?.(trx, j);
      const requeued = released.filter((j) => j.status === 'queued');
      const overdue = await repo.overdueJobs(trx, staleBefore, 500);
      const due = [...requeued, ...overdue];
      if (due.length > 0) await this.queue.deliver(trx, due);
    });
    if (now.getTime() - this.lastPrune >= PRUNE_EVERY_MS || now.getTime() < this.lastPrune) {
      this.lastPrune = now.getTime();
      await repo.pruneSucceeded(db, new Date(now.getTime() - SUCCEEDED_RETENTION_MS));
    }
    await this.opts.onMaintain?.();
  }

  /** Asks every run to stop at its next safe point and hand its job back; waits for them. */
  async stopAll(): Promise<void> {
    this.stopping = true;
    for (const { ctrl } of this.active.values()) if (!ctrl.signal.aborted) ctrl.abort(new JobHandBack());
    await Promise.allSettled([...this.active.values()].map((a) => a.done));
  }
}
