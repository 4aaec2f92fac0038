import type { Readable } from 'node:stream';
import type { Actor } from '../../contract/access.ts';
import { toStorableText } from '../../contract/common.ts';
import { formatCsvRow } from '../../contract/csv.ts';
import { AppError, invalid, notFound } from '../../contract/errors.ts';
import {
  importOptionsSchema,
  type ImportJobDto,
  type ImportOptions,
  type ImportPreview,
  type ImportQuery,
  type ImportSummary,
} from '../../contract/imports.ts';
import { isTransient } from '../../db/errors.ts';
import { transaction, type DbExecutor } from '../../db/database.ts';
import { actorOfUser } from '../auth/auth.service.ts';
import type { Deps } from '../context.ts';
import { enqueueJob } from '../jobs/enqueue.ts';
import { JobFailed, type JobContext } from '../jobs/queue.ts';
import * as repo from './import-jobs.repository.ts';
import * as uploads from './import-uploads.repository.ts';
import { assertMayImport, previewImport, runImport } from './run-import.ts';

/** Uploads larger than this are refused (the import itself streams any size; the upload waits in the database). */
export const MAX_UPLOAD_BYTES = 2 * 1024 ** 3;

const list = (v: string | string[] | undefined) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);

/** The import options of a query string, validated as the CLI validates its options. */
export function optionsFromQuery(q: ImportQuery): ImportOptions {
  const r = importOptionsSchema.safeParse({
    entity: q.entity,
    preset: q.preset,
    map: list(q.map),
    stageMap: list(q.stageMap),
    userMap: list(q.userMap),
    createMissing: q.createMissing === 'true',
    missingEmail: q.missingEmail,
    onDuplicate: q.onDuplicate,
    dryRun: q.dryRun === 'true',
    dateOrder: q.dateOrder,
    delimiter: q.delimiter,
    batchSize: q.batchSize,
  });
  if (!r.success) throw invalid(r.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })));
  return r.data;
}

function toDto(r: repo.ImportJobRow): ImportJobDto {
  const { headers: _headers, ...options } = r.options;
  return {
    id: r.id,
    entity: r.entity as ImportJobDto['entity'],
    status: r.status as ImportJobDto['status'],
    fileName: r.file_name,
    fileBytes: r.file_bytes,
    bytesRead: r.bytes_read,
    rowsRead: r.rows_read,
    percent:
      r.status === 'succeeded'
        ? 100
        : r.file_bytes > 0
          ? Math.min(100, Math.round((r.bytes_read / r.file_bytes) * 1000) / 10)
          : 0,
    summary: (r.summary as ImportSummary | null) ?? null,
    error: r.error,
    options,
    createdAt: r.created_at.toISOString(),
    startedAt: r.started_at?.toISOString() ?? null,
    finishedAt: r.finished_at?.toISOString() ?? null,
  };
}

/** Uploads are stored in chunks of this size. */
const UPLOAD_CHUNK = 1024 * 1024;
/** Attempts of an import job: a database that went away (a restart, a failover) is waited out, then it resumes. */
const IMPORT_ATTEMPTS = 8;
const DAY_MS = 86_400_000;
/** The upload of a failed import is kept this long, so that retrying its job resumes it. */
const KEEP_FAILED_UPLOAD_MS = 7 * DAY_MS;

/** Cuts a byte stream into chunks of `size` bytes (the last one shorter), refusing more than MAX_UPLOAD_BYTES. */
async function* chunked(body: AsyncIterable<Uint8Array | string>, size: number): AsyncGenerator<Buffer> {
  let parts: Buffer[] = [];
  let held = 0;
  let total = 0;
  for await (const piece of body) {
    const buf =
      typeof piece === 'string' ? Buffer.from(piece) : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    total += buf.length;
    if (total > MAX_UPLOAD_BYTES)
      throw new AppError('payload_too_large', `The file is larger than ${MAX_UPLOAD_BYTES / 1024 ** 3} GiB`);
    parts.push(buf);
    held += buf.length;
    while (held >= size) {
      const all = Buffer.concat(parts);
      yield all.subarray(0, size);
      parts = [all.subarray(size)];
      held -= size;
    }
  }
  if (held > 0) yield Buffer.concat(parts);
}

/**
 * Stores an upload in the database, chunk by chunk as it arrives (no transaction is held open
 * for the length of an upload), so whichever server runs the import can read it. Returns its size.
 */
async function storeUpload(deps: Deps, orgId: string, id: string, body: Readable): Promise<number> {
  let size = 0;
  let n = 0;
  try {
    for await (const part of chunked(body, UPLOAD_CHUNK)) {
      await uploads.insertChunk(deps.db, orgId, id, n++, part, deps.clock.now());
      size += part.length;
    }
  } catch (err) {
    await uploads.deleteUpload(deps.db, orgId, id).catch(() => undefined);
    throw err;
  }
  return size;
}

/** The stored upload of an import, chunk by chunk. */
async function* readUpload(deps: Deps, orgId: string, id: string): AsyncGenerator<Uint8Array> {
  for (let n = 0; ; n++) {
    const part = await uploads.chunk(deps.db, orgId, id, n);
    if (!part) return;
    yield part;
  }
}

/**
 * POST /imports: stores the uploaded CSV in the database, then records the import and enqueues
 * its job in one transaction. Any server's job runner imports it; progress, summary and rejected
 * rows are kept in the import.
 */
export async function startImportJob(
  deps: Deps,
  actor: Actor,
  body: Readable,
  query: ImportQuery,
): Promise<ImportJobDto> {
  const options = optionsFromQuery(query);
  assertMayImport(actor, options.entity);
  const id = deps.ids.id();
  // Uploads no import needs any more are not left behind for long.
  const now = deps.clock.now().getTime();
  await uploads.deleteStaleUploads(deps.db, new Date(now - KEEP_FAILED_UPLOAD_MS), new Date(now - DAY_MS));
  const size = await storeUpload(deps, actor.orgId, id, body);
  if (size === 0)
    throw invalid([
      { field: 'body', message: 'is empty: send the CSV file as the request body (Content-Type: text/csv)' },
    ]);
  try {
    const row = await transaction(deps.db, async (trx) => {
      const job = await repo.insertJob(trx, {
        org_id: actor.orgId,
        id,
        entity: options.entity,
        options: { ...options },
        file_name: query.fileName ?? null,
        file_bytes: size,
        created_by: actor.userId,
        created_at: deps.clock.now(),
      });
      await enqueueJob(deps, trx, {
        orgId: actor.orgId,
        kind: 'import',
        payload: { importId: id },
        key: `import:${id}`,
        maxAttempts: IMPORT_ATTEMPTS,
        createdBy: actor.userId,
      });
      return job;
    });
    return toDto(row);
  } catch (err) {
    await uploads.deleteUpload(deps.db, actor.orgId, id).catch(() => undefined);
    throw err;
  }
}

const errorMessage = (err: unknown): string =>
  err instanceof AppError && err.fields
    ? `${err.message}: ${err.fields.map((f) => `${f.field}: ${f.message}`).join('; ')}`
    : err instanceof Error
      ? err.message
      : String(err);

/** Ends an import as failed (fenced by the job's claim); its upload stays a while, so a retry of the job resumes it. */
async function failImport(deps: Deps, ctx: JobContext, orgId: string, id: string, message: string): Promise<never> {
  await transaction(deps.db, async (trx) => {
    await ctx.fence(trx);
    await repo.updateJob(trx, orgId, id, {
      status: 'failed',
      error: toStorableText(message),
      finished_at: deps.clock.now(),
    });
  });
  throw new JobFailed(message);
}

/** The job of an import was canceled (in `trx`): the import ends as failed, its upload is dropped. */
export async function importCanceled(deps: Deps, trx: DbExecutor, orgId: string, importId: string): Promise<void> {
  await repo.updateJob(trx, orgId, importId, {
    status: 'failed',
    error: 'Canceled by an administrator; the rows of the batches already committed stay imported',
    finished_at: deps.clock.now(),
  });
  await uploads.deleteUpload(trx, orgId, importId);
}

/**
 * The job of an import failed for good outside the import's own code (its runs kept dying, or
 * failed on the database until out of attempts), in `trx`: the import shows it failed, with the
 * job's error; its upload stays a while, so a retry of the job resumes it.
 */
export async function importGaveUp(trx: DbExecutor, job: JobContext['job'], now: Date): Promise<void> {
  const importId = job.payload.importId;
  if (job.kind !== 'import' || typeof importId !== 'string') return;
  await repo.failOpenJob(trx, job.org_id, importId, {
    error: toStorableText(`The import's background job failed: ${job.last_error ?? 'no reason recorded'}`),
    finished_at: now,
  });
}

/** The job of an import is retried (in `trx`): the import is queued again, to resume after its committed rows. */
export async function importRetried(trx: DbExecutor, orgId: string, importId: string): Promise<void> {
  await repo.reopenJob(trx, orgId, importId);
}

/**
 * The job of an import: runs it from its stored upload, or resumes it after the rows its
 * committed batches consumed (each batch records that in its own transaction, fenced by the
 * job's claim, so a run that lost its job cannot commit a batch and none is written twice). A
 * database that went away is retried (the import resumes); bad input fails the import at once.
 */
export async function runImportJob(deps: Deps, ctx: JobContext): Promise<void> {
  const orgId = ctx.job.org_id;
  const id = typeof ctx.job.payload.importId === 'string' ? ctx.job.payload.importId : '';
  const job = await repo.getJob(deps.db, orgId, id);
  if (!job) throw new JobFailed(`import ${id} was not found`);
  if (job.status === 'succeeded' || job.status === 'failed') return;
  const actor = await actorOfUser(deps, orgId, job.created_by);
  if (!actor) return failImport(deps, ctx, orgId, id, 'The user who started this import is no longer active');
  if (!(await uploads.chunk(deps.db, orgId, id, 0)))
    return failImport(
      deps,
      ctx,
      orgId,
      id,
      'The uploaded file is no longer stored (the database was restored from a backup taken before it finished). Upload it again.',
    );
  const parsed = importOptionsSchema.safeParse(storedOptions(job.options));
  if (!parsed.success) return failImport(deps, ctx, orgId, id, 'The options of this import are not valid any more');
  const options = parsed.data;
  await transaction(deps.db, async (trx) => {
    await ctx.fence(trx);
    await repo.updateJob(trx, orgId, id, {
      status: 'running',
      error: null,
      heartbeat_at: deps.clock.now(),
      ...(job.started_at ? {} : { started_at: deps.clock.now() }),
    });
  });
  const summary = job.summary as ImportSummary | null;
  let summaryAtEnd: ImportSummary;
  try {
    summaryAtEnd = await runImport(
      deps,
      actor,
      readUpload(deps, orgId, id),
      options,
      {
        onMapping: (headers) => repo.updateJob(deps.db, orgId, id, { options: { ...options, headers } }),
        commitBatch: async (trx, cp) => {
          await ctx.fence(trx);
          await repo.insertRejects(trx, orgId, id, cp.rejects);
          await repo.updateJob(trx, orgId, id, {
            rows_done: cp.rowsDone,
            rows_read: cp.rowsDone,
            bytes_read: cp.bytesRead,
            summary: cp.summary,
            heartbeat_at: deps.clock.now(),
          });
        },
      },
      { resume: summary && job.rows_done > 0 ? { rowsDone: job.rows_done, summary } : undefined, signal: ctx.signal },
    );
  } catch (err) {
    // Handed back (shutdown) or no longer ours: the job runner decides; the import stays as committed.
    if (ctx.signal.aborted) throw err;
    if (isTransient(err) && ctx.job.attempts < ctx.job.max_attempts) throw err;
    return failImport(deps, ctx, orgId, id, errorMessage(err));
  }
  await transaction(deps.db, async (trx) => {
    await ctx.fence(trx);
    await repo.updateJob(trx, orgId, id, {
      status: 'succeeded',
      summary: summaryAtEnd,
      rows_read: summaryAtEnd.rows,
      bytes_read: job.file_bytes,
      finished_at: deps.clock.now(),
    });
    await uploads.deleteUpload(trx, orgId, id);
  });
}

/**
 * The options an import was started with, as the options schema reads them: stored as parsed
 * (mappings as objects), so the mappings go back to their "Name=value" pairs.
 */
function storedOptions(options: Record<string, unknown>): Record<string, unknown> {
  const { headers: _headers, ...rest } = options;
  const pairs = (v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.entries(v as Record<string, unknown>).map(([k, x]) => `${k}=${String(x)}`)
      : v;
  return {
    ...rest,
    ...(rest.map === undefined ? {} : { map: pairs(rest.map) }),
    ...(rest.stageMap === undefined ? {} : { stageMap: pairs(rest.stageMap) }),
    ...(rest.userMap === undefined ? {} : { userMap: pairs(rest.userMap) }),
  };
}

/** Admins see every import of the organization; managers see their own. */
async function visibleJob(deps: Deps, actor: Actor, id: string): Promise<repo.ImportJobRow> {
  const row = await repo.getJob(deps.db, actor.orgId, id);
  if (!row || (actor.role !== 'admin' && row.created_by !== actor.userId)) throw notFound('import', id);
  return row;
}

export async function getImportJob(deps: Deps, actor: Actor, id: string): Promise<ImportJobDto> {
  return toDto(await visibleJob(deps, actor, id));
}

export async function listImportJobs(deps: Deps, actor: Actor): Promise<ImportJobDto[]> {
  if (actor.role !== 'admin' && actor.role !== 'manager') return [];
  return (await repo.listJobs(deps.db, actor.orgId, actor.role === 'admin' ? null : actor.userId, 100)).map(toDto);
}

/** The rejected rows of a job as CSV: the file's own header plus the line and the reason. */
export async function* importRejectsCsv(deps: Deps, actor: Actor, id: string): AsyncGenerator<string> {
  const job = await visibleJob(deps, actor, id);
  const headers = Array.isArray(job.options.headers) ? (job.options.headers as string[]) : [];
  yield `${formatCsvRow([...headers, 'import line', 'import error'])}\r\n`;
  let after = 0;
  for (;;) {
    const page = await repo.rejectsPage(deps.db, actor.orgId, id, after, 1000);
    if (page.length === 0) return;
    yield page.map((r) => `${formatCsvRow([...r.cells, String(r.line), r.reason])}\r\n`).join('');
    after = page[page.length - 1]?.line ?? after;
  }
}

/** POST /imports/preview: the header, the proposed mapping and the first rows as the import would take them. */
export async function previewImportUpload(
  deps: Deps,
  actor: Actor,
  body: Readable,
  query: ImportQuery,
  limit: number,
): Promise<ImportPreview> {
  const options = optionsFromQuery(query);
  return previewImport(deps, actor, body, options, limit);
}
