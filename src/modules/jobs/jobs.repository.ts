import { sql, type Selectable, type SqlBool } from 'kysely';
import type { DbExecutor } from '../../db/database.ts';
import { afterCursor } from '../../db/list.ts';
import type { JobsTable } from '../../db/schema.ts';

export type JobRow = Selectable<JobsTable>;

export interface NewJobRow {
  org_id: string;
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  job_key: string | null;
  max_attempts: number;
  run_at: Date;
  created_by: string | null;
  created_at: Date;
}

/**
 * Inserts a queued job. With a key, a job of that key already waiting is returned instead (the
 * unit of work it stands for will run once and see everything asked of it until then).
 */
export async function insertJob(db: DbExecutor, row: NewJobRow): Promise<{ job: JobRow; created: boolean }> {
  const values = { ...row, payload: JSON.stringify(row.payload), status: 'queued' };
  if (row.job_key === null) {
    return { job: await db.insertInto('jobs').values(values).returningAll().executeTakeFirstOrThrow(), created: true };
  }
  const inserted = await db
    .insertInto('jobs')
    .values(values)
    .onConflict((oc) => oc.columns(['org_id', 'job_key']).where('status', '=', 'queued').doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return { job: inserted, created: true };
  const waiting = await db
    .selectFrom('jobs')
    .selectAll()
    .where('org_id', '=', row.org_id)
    .where('job_key', '=', row.job_key)
    .where('status', '=', 'queued')
    .executeTakeFirstOrThrow();
  return { job: waiting, created: false };
}

export async function getJob(db: DbExecutor, orgId: string, id: string): Promise<JobRow | undefined> {
  return db.selectFrom('jobs').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

export async function listJobs(
  db: DbExecutor,
  orgId: string,
  q: { status?: string[] | undefined; kind?: string[] | undefined; limit: number; cursor?: string | undefined },
): Promise<JobRow[]> {
  let b = db.selectFrom('jobs').selectAll().where('org_id', '=', orgId);
  if (q.status) b = b.where('status', 'in', q.status);
  if (q.kind) b = b.where('kind', 'in', q.kind);
  if (q.cursor) b = b.where(afterCursor('created_at', 'id', 'desc', q.cursor));
  return b
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit + 1)
    .execute();
}

interface Claim {
  claim: string;
  claimedBy: string;
  now: Date;
}

const claimed = (c: Claim) => ({
  status: 'running',
  claim: c.claim,
  claimed_by: c.claimedBy,
  heartbeat_at: c.now,
  attempts: sql<number>`attempts + 1`,
  started_at: sql<Date>`coalesce(started_at, ${c.now})`,
});

/** Claims the queued job that is due first, of any organization (skipping rows another runner is claiming). */
export async function claimDue(db: DbExecutor, c: Claim, kinds: readonly string[]): Promise<JobRow | undefined> {
  if (kinds.length === 0) return undefined;
  return db
    .updateTable('jobs')
    .set(claimed(c))
    .where(
      sql<SqlBool>`(org_id, id) = (${db
        .selectFrom('jobs')
        .select(['org_id', 'id'])
        .where('status', '=', 'queued')
        .where('run_at', '<=', c.now)
        .where('kind', 'in', kinds)
        .orderBy('run_at')
        .limit(1)
        .forUpdate()
        .skipLocked()})`,
    )
    .where('status', '=', 'queued')
    .returningAll()
    .executeTakeFirst();
}

/** Claims one queued job by id (the queue delivered it); undefined when it is running elsewhere, done or gone. */
export async function claimJob(db: DbExecutor, orgId: string, id: string, c: Claim): Promise<JobRow | undefined> {
  return db
    .updateTable('jobs')
    .set(claimed(c))
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .returningAll()
    .executeTakeFirst();
}

/** The run holding `claim` is alive; false when the job is no longer its own (taken over or canceled). */
export async function heartbeat(db: DbExecutor, orgId: string, id: string, claim: string, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('jobs')
    .set({ heartbeat_at: now })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('claim', '=', claim)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** True for a keyed job when another job of its key is already waiting (the unique index allows one). */
const keyWaiting = sql<boolean>`(job_key is not null and exists (
  select 1 from jobs w where w.org_id = jobs.org_id and w.job_key = jobs.job_key and w.status = 'queued' and w.id <> jobs.id))`;

/**
 * Columns that put a job back in the queue, unless a job of the same key already waits there: then
 * this one ends as canceled, superseded by the waiting one (which does the same work).
 */
function backToQueue(now: Date, error: unknown) {
  return {
    status: sql<string>`case when ${keyWaiting} then 'canceled' else 'queued' end`,
    finished_at: sql<Date | null>`case when ${keyWaiting} then ${now}::timestamptz end`,
    last_error: sql<
      string | null
    >`case when ${keyWaiting} then 'superseded by a job of the same key already waiting' else ${error} end`,
  };
}

/** Ends the run holding `claim`: succeeded, failed, or back to queued at `runAt` (a retry or a hand-back). */
export async function release(
  db: DbExecutor,
  orgId: string,
  id: string,
  claim: string,
  to:
    | { status: 'succeeded'; now: Date }
    | { status: 'failed'; now: Date; error: string }
    | { status: 'queued'; runAt: Date; error: string | null; countAttempt: boolean },
): Promise<JobRow | undefined> {
  const set =
    to.status === 'queued'
      ? {
          ...backToQueue(to.runAt, to.error),
          run_at: to.runAt,
          ...(to.countAttempt ? {} : { attempts: sql<number>`attempts - 1` }),
        }
      : to.status === 'failed'
        ? { status: 'failed', finished_at: to.now, last_error: to.error }
        : { status: 'succeeded', finished_at: to.now };
  return db
    .updateTable('jobs')
    .set({ ...set, claim: null, claimed_by: null })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('claim', '=', claim)
    .where('status', '=', 'running')
    .returningAll()
    .executeTakeFirst();
}

/**
 * Running jobs whose heartbeat stopped before `staleBefore` (their server died or lost the
 * database): back to queued, or failed once they have used all their attempts.
 */
export async function releaseStale(db: DbExecutor, staleBefore: Date, now: Date): Promise<JobRow[]> {
  return db
    .updateTable('jobs')
    .set({
      status: sql<string>`case when attempts >= max_attempts then 'failed' when ${keyWaiting} then 'canceled' else 'queued' end`,
      finished_at: sql<Date | null>`case when attempts >= max_attempts or ${keyWaiting} then ${now}::timestamptz end`,
      last_error: sql<string>`case when ${keyWaiting} and attempts < max_attempts then 'superseded by a job of the same key already waiting' else 'its run stopped: no heartbeat since ' || heartbeat_at || ' (its server stopped or lost the database)' end`,
      run_at: now,
      claim: null,
      claimed_by: null,
    })
    .where('status', '=', 'running')
    .where('heartbeat_at', '<', staleBefore)
    .returningAll()
    .execute();
}

/** Queued jobs that should have started before `overdueBefore`: their delivery was lost (a crash, a restore). */
export async function overdueJobs(db: DbExecutor, overdueBefore: Date, limit: number): Promise<JobRow[]> {
  return db
    .selectFrom('jobs')
    .selectAll()
    .where('status', '=', 'queued')
    .where('run_at', '<', overdueBefore)
    .orderBy('run_at')
    .limit(limit)
    .execute();
}

/** When the next queued job is due (for a runner's timer). */
export async function nextRunAt(db: DbExecutor, kinds: readonly string[]): Promise<Date | null> {
  if (kinds.length === 0) return null;
  const r = await db
    .selectFrom('jobs')
    .select((eb) => eb.fn.min('run_at').as('next'))
    .where('status', '=', 'queued')
    .where('kind', 'in', kinds)
    .executeTakeFirst();
  return r?.next ?? null;
}

/** Whether a job is queued and due, or running (what a test or a CLI command waits for). */
export async function busy(db: DbExecutor, now: Date): Promise<boolean> {
  const r = await db
    .selectFrom('jobs')
    .select('id')
    .where((eb) =>
      eb.or([eb('status', '=', 'running'), eb.and([eb('status', '=', 'queued'), eb('run_at', '<=', now)])]),
    )
    .limit(1)
    .executeTakeFirst();
  return r !== undefined;
}

/** A failed or canceled job queued again with fresh attempts. */
export async function requeue(db: DbExecutor, orgId: string, id: string, now: Date): Promise<JobRow | undefined> {
  return db
    .updateTable('jobs')
    .set({ status: 'queued', attempts: 0, run_at: now, finished_at: null })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('status', 'in', ['failed', 'canceled'])
    .returningAll()
    .executeTakeFirst();
}

/** Cancels a queued or running job; a running one loses its claim, so its run stops at its next commit. */
export async function cancel(db: DbExecutor, orgId: string, id: string, now: Date): Promise<JobRow | undefined> {
  return db
    .updateTable('jobs')
    .set({ status: 'canceled', finished_at: now, claim: null, claimed_by: null, last_error: 'canceled' })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'running'])
    .returningAll()
    .executeTakeFirst();
}

/** Cancels the job of `key` waiting in the queue, if one is (the work it stands for is no longer wanted). */
export async function cancelWaiting(
  db: DbExecutor,
  orgId: string,
  key: string,
  now: Date,
  reason: string,
): Promise<JobRow | undefined> {
  return db
    .updateTable('jobs')
    .set({ status: 'canceled', finished_at: now, last_error: reason })
    .where('org_id', '=', orgId)
    .where('job_key', '=', key)
    .where('status', '=', 'queued')
    .returningAll()
    .executeTakeFirst();
}

/** Deletes jobs that succeeded before `before` (their outcome is in the record they worked on). */
export async function pruneSucceeded(db: DbExecutor, before: Date): Promise<number> {
  const r = await db
    .deleteFrom('jobs')
    .where('status', '=', 'succeeded')
    .where('finished_at', '<', before)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
