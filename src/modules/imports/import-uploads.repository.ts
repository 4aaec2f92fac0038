import type { DbExecutor } from '../../db/database.ts';

/** Stores one chunk of an upload. */
export async function insertChunk(
  db: DbExecutor,
  orgId: string,
  jobId: string,
  chunkNo: number,
  data: Uint8Array,
  now: Date,
): Promise<void> {
  await db
    .insertInto('import_uploads')
    .values({ org_id: orgId, job_id: jobId, chunk_no: chunkNo, data, created_at: now })
    .execute();
}

/** One chunk of an upload, undefined past its end. */
export async function chunk(
  db: DbExecutor,
  orgId: string,
  jobId: string,
  chunkNo: number,
): Promise<Uint8Array | undefined> {
  const r = await db
    .selectFrom('import_uploads')
    .select('data')
    .where('org_id', '=', orgId)
    .where('job_id', '=', jobId)
    .where('chunk_no', '=', chunkNo)
    .executeTakeFirst();
  return r?.data;
}

export async function deleteUpload(db: DbExecutor, orgId: string, jobId: string): Promise<void> {
  await db.deleteFrom('import_uploads').where('org_id', '=', orgId).where('job_id', '=', jobId).execute();
}

/**
 * Uploads no import needs any more: of imports that failed before `failedBefore` (kept until then
 * so a retry can resume), and of requests that died midway (no import recorded) before `orphanedBefore`.
 */
export async function deleteStaleUploads(db: DbExecutor, failedBefore: Date, orphanedBefore: Date): Promise<number> {
  const r = await db
    .deleteFrom('import_uploads as u')
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('import_jobs as j')
            .select('j.id')
            .whereRef('j.org_id', '=', 'u.org_id')
            .whereRef('j.id', '=', 'u.job_id')
            .where('j.status', '=', 'failed')
            .where('j.finished_at', '<', failedBefore),
        ),
        eb.and([
          eb('u.created_at', '<', orphanedBefore),
          eb.not(
            eb.exists(
              eb
                .selectFrom('import_jobs as j')
                .select('j.id')
                .whereRef('j.org_id', '=', 'u.org_id')
                .whereRef('j.id', '=', 'u.job_id'),
            ),
          ),
        ]),
      ]),
    )
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
