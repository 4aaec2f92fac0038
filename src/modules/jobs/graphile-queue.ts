import { Logger, run, type Runner } from 'graphile-worker';
import pg from 'pg';
import type { DbExecutor } from '../../db/database.ts';
import { JobRuns, type RunnerOptions } from './job-runs.ts';
import * as repo from './jobs.repository.ts';
import { deliverJobs } from './graphile.repository.ts';
import { newJobRow } from './new-job.ts';
import type { JobHandlers, JobQueue, NewJob } from './queue.ts';

/** graphile-worker's task that runs a `jobs` row: its payload names the row. */
export const GRAPHILE_TASK = 'pipewright_job';

export interface GraphileQueueOptions extends RunnerOptions {
  /** The PostgreSQL server (the same database as DATABASE_URL, reached directly: LISTEN needs a session). */
  connectionString: string;
  /** Fallback polling when a notification is missed; new jobs are announced by LISTEN/NOTIFY at commit. */
  pollMs: number;
  preparedStatements: boolean;
}

interface TaskPayload {
  orgId: string;
  id: string;
}

const isTaskPayload = (p: unknown): p is TaskPayload =>
  typeof p === 'object' &&
  p !== null &&
  typeof (p as TaskPayload).orgId === 'string' &&
  typeof (p as TaskPayload).id === 'string';

/**
 * The queue engine on a PostgreSQL server: graphile-worker delivers each due `jobs` row to one
 * of the servers (SKIP LOCKED, LISTEN/NOTIFY on commit). Its own job is only the delivery; the
 * `jobs` row carries the state, claimed and fenced by the run, so a delivery that comes twice
 * (after a takeover) finds the row already claimed and does nothing.
 */
export class GraphileJobQueue implements JobQueue {
  readonly engine = 'graphile-worker' as const;
  private runner: Runner | null = null;
  private pool: pg.Pool | null = null;
  private runs: JobRuns | null = null;
  private maintenance: NodeJS.Timeout | null = null;
  private maintaining: Promise<void> | null = null;

  constructor(private readonly opts: GraphileQueueOptions) {}

  async enqueue(trx: DbExecutor, job: NewJob) {
    const now = this.opts.clock.now();
    const { job: row, created } = await repo.insertJob(trx, newJobRow(job, this.opts.ids.id(), now));
    if (created) await deliverJobs(trx, GRAPHILE_TASK, [row], now);
    return row;
  }

  async deliver(trx: DbExecutor, jobs: readonly repo.JobRow[]): Promise<void> {
    await deliverJobs(trx, GRAPHILE_TASK, jobs, this.opts.clock.now());
  }

  async start(handlers: JobHandlers): Promise<void> {
    if (this.runs) return;
    const runs = new JobRuns(this.opts, this, handlers);
    this.runs = runs;
    const { onError } = this.opts;
    await this.startRunner(runs);
    this.maintenance = setInterval(() => {
      this.maintaining ??= runs
        .maintain()
        .catch((err: unknown) => onError(err, 'job maintenance'))
        .finally(() => (this.maintaining = null));
    }, this.opts.stallMs / 4);
    this.maintenance.unref();
    // Jobs left queued by a restore or a lost delivery, and runs of servers that stopped.
    await runs.maintain().catch((err: unknown) => onError(err, 'job maintenance'));
  }

  /** Starts graphile-worker, and starts it again should it stop by itself (its database gone for a while). */
  private async startRunner(runs: JobRuns, attempt = 0): Promise<void> {
    const { onError } = this.opts;
    const pool = new pg.Pool({ connectionString: this.opts.connectionString, max: this.opts.concurrency + 2 });
    pool.on('error', (err) => onError(err, 'job queue connection'));
    // A connection lost while in use (a database restart) is reported, not fatal: graphile-worker reconnects.
    pool.on('connect', (client) => client.on('error', (err) => onError(err, 'job queue connection')));
    const again = (err: unknown) => {
      if (this.runs !== runs) return;
      onError(err, 'graphile-worker stopped; starting it again');
      this.runner = null;
      void pool.end().catch(() => undefined);
      const delay = Math.min(30_000, 500 * 2 ** Math.min(attempt, 6));
      setTimeout(() => {
        if (this.runs === runs) void this.startRunner(runs, attempt + 1);
      }, delay).unref();
    };
    let runner: Runner;
    try {
      runner = await run({
        // Completions in batches with retries: a short database restart is waited out instead of
        // rejecting a completion nobody awaits (which would end the process).
        preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
        pgPool: pool,
        concurrency: this.opts.concurrency,
        noHandleSignals: true,
        pollInterval: this.opts.pollMs,
        noPreparedStatements: !this.opts.preparedStatements,
        logger: new Logger(() => (level, message) => {
          if (String(level) === 'error') onError(new Error(message), 'graphile-worker');
        }),
        taskList: {
          [GRAPHILE_TASK]: async (payload) => {
            if (!isTaskPayload(payload)) return;
            const c = runs.newClaim();
            const job = await repo.claimJob(this.opts.db, payload.orgId, payload.id, c);
            // Running elsewhere, done, canceled or gone: this delivery has nothing to do.
            if (!job) return;
            await runs.run(job, c.claim);
          },
        },
      });
    } catch (err) {
      if (attempt === 0) {
        await pool.end().catch(() => undefined);
        throw err;
      }
      again(err);
      return;
    }
    this.runner = runner;
    this.pool = pool;
    // It stops by itself only when its connections failed for good (e.g. a completion could not be
    // written): jobs are not lost (maintenance delivers them again), and it starts again here.
    runner.promise.then(
      () => again(new Error('graphile-worker ended')),
      (err: unknown) => again(err),
    );
  }

  async stop(): Promise<void> {
    const { runner, runs, pool } = this;
    this.runner = null;
    this.runs = null;
    this.pool = null;
    if (this.maintenance) clearInterval(this.maintenance);
    this.maintenance = null;
    // Running jobs stop at their next safe point and go back to the queue; then graphile-worker
    // completes their deliveries and releases its connections.
    await runs?.stopAll();
    await runner?.stop();
    await this.maintaining;
    await pool?.end();
  }
}
