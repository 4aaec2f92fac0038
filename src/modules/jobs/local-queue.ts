import { JobRuns, type RunnerOptions } from './job-runs.ts';
import * as repo from './jobs.repository.ts';
import type { JobHandlers, JobQueue, NewJob } from './queue.ts';
import type { DbExecutor } from '../../db/database.ts';
import { newJobRow } from './new-job.ts';

export interface LocalQueueOptions extends RunnerOptions {
  /** How often an idle runner looks for due jobs (enqueues in this process wake it at once). */
  pollMs: number;
  /**
   * This process is the only one using the database (the embedded engine): jobs left running
   * are from a process that is gone, and are taken over at start without waiting for the stall.
   */
  exclusive: boolean;
}

/**
 * The in-process runner: claims due jobs from the `jobs` table (FOR UPDATE SKIP LOCKED, so it is
 * safe beside other runners on a PostgreSQL server) and runs up to `concurrency` at once. It is
 * the queue engine of the embedded database, where graphile-worker cannot run (one session, no
 * LISTEN across processes).
 */
export class LocalJobQueue implements JobQueue {
  readonly engine = 'in-process' as const;
  private runs: JobRuns | null = null;
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<void> | null = null;
  private again = false;
  private lastMaintenance = 0;

  constructor(private readonly opts: LocalQueueOptions) {}

  async enqueue(trx: DbExecutor, job: NewJob) {
    const { job: row } = await repo.insertJob(trx, newJobRow(job, this.opts.ids.id(), this.opts.clock.now()));
    this.wake();
    return row;
  }

  deliver(): Promise<void> {
    this.wake();
    return Promise.resolve();
  }

  async start(handlers: JobHandlers): Promise<void> {
    if (this.runs) return;
    this.runs = new JobRuns(this.opts, this, handlers);
    if (this.opts.exclusive) {
      const now = this.opts.clock.now();
      // Everything still running belongs to a process that has stopped: due again now.
      await repo.releaseStale(this.opts.db, new Date(now.getTime() + 1), now);
    }
    this.wake();
  }

  async stop(): Promise<void> {
    const runs = this.runs;
    if (!runs) return;
    this.runs = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await runs.stopAll();
    await this.ticking;
  }

  /** Looks for due jobs soon (an enqueue, a finished run, a retry). */
  private wake(): void {
    if (!this.runs) return;
    if (this.ticking) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.ticking = this.tick().finally(() => {
      this.ticking = null;
      if (this.again) {
        this.again = false;
        this.wake();
      } else this.schedule();
    });
  }

  private schedule(): void {
    if (!this.runs || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.wake();
    }, this.opts.pollMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    const runs = this.runs;
    if (!runs) return;
    try {
      const now = this.opts.clock.now().getTime();
      if (now - this.lastMaintenance >= this.opts.stallMs / 4 || now < this.lastMaintenance) {
        this.lastMaintenance = now;
        await runs.maintain();
      }
      while (this.runs === runs && runs.size < this.opts.concurrency) {
        const c = runs.newClaim();
        const job = await repo.claimDue(this.opts.db, c, runs.kinds);
        if (!job) return;
        void runs.run(job, c.claim).finally(() => this.wake());
      }
    } catch (err) {
      this.opts.onError(err, 'looking for due jobs');
    }
  }
}
