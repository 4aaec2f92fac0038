import type { Selectable } from 'kysely';
import { toStorableText } from '../../contract/common.ts';
import type { DbExecutor } from '../../db/database.ts';
import type { ImportJobsTable } from '../../db/schema.ts';

export type ImportJobRow = Selectable<ImportJobsTable>;

export async function insertJob(
  db: DbExecutor,
  row: {
    org_id: string;
    id: string;
    entity: string;
    options: Record<string, unknown>;
    file_name: string | null;
    file_bytes: number;
    created_by: string;
    created_at: Date;
  },
): Promise<ImportJobRow> {
  return db
    .insertInto('import_jobs')
    .values({ ...row, status: 'queued', options: JSON.stringify(row.options), heartbeat_at: row.created_at })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function getJob(db: DbExecutor, orgId: string, id: string): Promise<ImportJobRow | undefined> {
  return db.selectFrom('import_jobs').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

export async function listJobs(
  db: DbExecutor,
  orgId: string,
  createdBy: string | null,
  limit: number,
): Promise<ImportJobRow[]> {
  let q = db.selectFrom('import_jobs').selectAll().where('org_id', '=', orgId);
  if (createdBy) q = q.where('created_by', '=', createdBy);
  return q.orderBy('created_at', 'desc').orderBy('id').limit(limit).execute();
}

export async function updateJob(
  db: DbExecutor,
  orgId: string,
  id: string,
  patch: {
    status?: string;
    rows_read?: number;
    bytes_read?: number;
    summary?: Record<string, unknown>;
    error?: string | null;
    started_at?: Date;
    finished_at?: Date;
    heartbeat_at?: Date;
    rows_done?: number;
    options?: Record<string, unknown>;
  },
): Promise<void> {
  const { summary, options, ...rest } = patch;
  await db
    .updateTable('import_jobs')
    .set({
      ...rest,
      ...(summary ? { summary: JSON.stringify(summary) } : {}),
      ...(options ? { options: JSON.stringify(options) } : {}),
    })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function insertRejects(
  db: DbExecutor,
  orgId: string,
  jobId: string,
  rejects: readonly { line: number; cells: string[]; reason: string }[],
): Promise<void> {
  if (rejects.length === 0) return;
  await db
    .insertInto('import_rejects')
    .values(
      rejects.map((r) => ({
        org_id: orgId,
        job_id: jobId,
        line: r.line,
        // A rejected cell may hold what the database cannot store (that may be why it was rejected).
        cells: JSON.stringify(r.cells.map(toStorableText)),
        reason: toStorableText(r.reason),
      })),
    )
    .onConflict((oc) => oc.columns(['org_id', 'job_id', 'line']).doNothing())
    .execute();
}

/** Rejected rows in line order, a page at a time (the download streams them). */
export async function rejectsPage(
  db: DbExecutor,
  orgId: string,
  jobId: string,
  afterLine: number,
  limit: number,
): Promise<{ line: number; cells: string[]; reason: string }[]> {
  return db
    .selectFrom('import_rejects')
    .select(['line', 'cells', 'reason'])
    .where('org_id', '=', orgId)
    .where('job_id', '=', jobId)
    .where('line', '>', afterLine)
    .orderBy('line')
    .limit(limit)
    .execute();
}

/** An import that failed (or was canceled) queued again, to resume after the rows it committed. */
export async function reopenJob(db: DbExecutor, orgId: string, id: string): Promise<boolean> {
  const r = await db
    .updateTable('import_jobs')
    .set({ status: 'queued', error: null, finished_at: null })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Ends a queued or running import as failed (one already finished keeps its outcome). */
export async function failOpenJob(
  db: DbExecutor,
  orgId: string,
  id: string,
  patch: { error: string; finished_at: Date },
): Promise<boolean> {
  const r = await db
    .updateTable('import_jobs')
    .set({ status: 'failed', ...patch })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
