import type { DbExecutor } from '../../db/database.ts';
import type { JobRow } from './jobs.repository.ts';

/** What a job handler is told about the run it is doing. */
export interface JobContext {
  job: JobRow;
  /**
   * Aborted when this run should stop at its next safe point: the server is shutting down (the
   * reason is a `JobHandBack`), or the job is no longer this run's (canceled or taken over; the
   * reason is a `JobClaimLost`).
   */
  signal: AbortSignal;
  /**
   * Proves inside `trx` that this run still holds the job, and records a heartbeat. A handler
   * calls it in every transaction that commits work of the job: if the job was taken over or
   * canceled, it throws `JobClaimLost` and the transaction rolls back, so two runs never both
   * commit.
   */
  fence(trx: DbExecutor): Promise<void>;
}

/**
 * A unit of background work. Delivery is at least once: a handler must be idempotent (it may run
 * again after a crash, a lost claim or a retry) and keyed on its job's payload. Returning means
 * done; throwing `JobFailed` fails the job at once; any other error is retried with back-off
 * until the job's attempts are used up.
 */
export type JobHandler = (ctx: JobContext) => Promise<void>;

export type JobHandlers = Readonly<Record<string, JobHandler>>;

/** A failure that another attempt would not change (bad input, a record that is gone). */
export class JobFailed extends Error {
  override readonly name = 'JobFailed';
}

/** The server is stopping: the run ends at a safe point and the job goes back to the queue. */
export class JobHandBack extends Error {
  override readonly name = 'JobHandBack';
  constructor() {
    super('handed back: the server running it is shutting down');
  }
}

/** The job is no longer this run's: it was canceled, or taken over after a missed heartbeat. */
export class JobClaimLost extends Error {
  override readonly name = 'JobClaimLost';
  constructor() {
    super('the job is no longer held by this run (canceled or taken over)');
  }
}

export interface NewJob {
  orgId: string;
  kind: string;
  payload: Record<string, unknown>;
  /** One waiting job per key: asking again while one waits returns it. */
  key?: string;
  runAt?: Date;
  maxAttempts?: number;
  createdBy?: string | null;
}

/**
 * Where and when jobs run. The `jobs` table is the record (state, attempts, errors) on every
 * engine; a queue engine delivers due jobs to a runner: graphile-worker on a PostgreSQL server
 * (LISTEN/NOTIFY, several servers), an in-process runner on the embedded engine.
 */
export interface JobQueue {
  readonly engine: 'graphile-worker' | 'in-process';
  /** Adds the job in the caller's transaction: it exists (and will run) only if that transaction commits. */
  enqueue(trx: DbExecutor, job: NewJob): Promise<JobRow>;
  /** Tells the engine that these queued jobs are due (after a retry, a hand-back, a takeover, a manual retry). */
  deliver(trx: DbExecutor, jobs: readonly JobRow[]): Promise<void>;
  /** Starts running jobs in this process with these handlers. */
  start(handlers: JobHandlers): Promise<void>;
  /** Stops taking jobs; running ones are asked to stop at their next safe point and handed back. */
  stop(): Promise<void>;
}
