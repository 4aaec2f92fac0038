import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
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
import type { Deps } from '../context.ts';
import type { Reject } from './import-batch.ts';
import * as repo from './import-jobs.repository.ts';
import { assertMayImport, previewImport, runImport } from './run-import.ts';

/** Uploads larger than this are refused (the import itself streams any size; the upload waits on disk). */
export const MAX_UPLOAD_BYTES = 2 * 1024 ** 3;

const list = (v: string | string[] | undefined) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);

/** The import options of a query string, validated as the CLI validates its options. */
export function optionsFromQuery(q: ImportQuery): ImportOptions {
  const r = importOptionsSchema.safeParse({
    entity: q.entity,
    preset: q.preset,
    map: list(q.map),
    stageMap: list(q.stageMap),
    createMissing: q.createMissing === 'true',
    onDuplicate: q.onDuplicate,
    dryRun: q.dryRun === 'true',
    dateOrder: q.dateOrder,
    delimiter: q.delimiter,
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

/** How often a process that runs a job says so. */
export const HEARTBEAT_MS = 30_000;
/** A queued or running job not heard of for this long has lost its process (stopped or crashed). */
export const STALLED_MS = 10 * HEARTBEAT_MS;
export const STALLED_ERROR =
  'Interrupted: the server stopped while this import was queued or running. Upload the file again; rows already written are updated, not duplicated, since every row is matched by its external id.';

/** Jobs still running in this process; `settleImportJobs` waits for them (tests, shutdown). */
const running = new Set<Promise<void>>();

export async function settleImportJobs(): Promise<void> {
  while (running.size > 0) await Promise.allSettled([...running]);
}

function sizeLimited(): Transform {
  let total = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      total += chunk.length;
      if (total > MAX_UPLOAD_BYTES)
        done(new AppError('payload_too_large', `The file is larger than ${MAX_UPLOAD_BYTES / 1024 ** 3} GiB`));
      else done(null, chunk);
    },
  });
}

/**
 * POST /imports: stores the uploaded CSV in a temporary file, records a queued job and runs it in
 * the background of this process. Progress, summary and rejected rows are kept in the job.
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
  const file = path.join(os.tmpdir(), `pipewright-import-${id}.csv`);
  try {
    await pipeline(body, sizeLimited(), fs.createWriteStream(file, { mode: 0o600 }));
  } catch (err) {
    fs.rmSync(file, { force: true });
    throw err;
  }
  const size = fs.statSync(file).size;
  if (size === 0) {
    fs.rmSync(file, { force: true });
    throw invalid([
      { field: 'body', message: 'is empty: send the CSV file as the request body (Content-Type: text/csv)' },
    ]);
  }
  const row = await repo.insertJob(deps.db, {
    org_id: actor.orgId,
    id,
    entity: options.entity,
    options: { ...options },
    file_name: query.fileName ?? null,
    file_bytes: size,
    created_by: actor.userId,
    created_at: deps.clock.now(),
  });
  // The heartbeat starts with the job and stops when it ends, whatever the outcome.
  const heartbeat = setInterval(() => {
    // A missed beat is harmless (the next one, or the job's end, follows); only 5 minutes of silence fail the job.
    repo.updateJob(deps.db, actor.orgId, id, { heartbeat_at: deps.clock.now() }).catch(() => undefined);
  }, HEARTBEAT_MS);
  heartbeat.unref();
  const job = runJob(deps, actor, id, file, options).finally(() => {
    clearInterval(heartbeat);
    running.delete(job);
  });
  running.add(job);
  return toDto(row);
}

async function runJob(deps: Deps, actor: Actor, id: string, file: string, options: ImportOptions): Promise<void> {
  const orgId = actor.orgId;
  let pending: Reject[] = [];
  const flushRejects = async () => {
    const batch = pending;
    pending = [];
    await repo.insertRejects(deps.db, orgId, id, batch);
  };
  try {
    await repo.updateJob(deps.db, orgId, id, {
      status: 'running',
      started_at: deps.clock.now(),
      heartbeat_at: deps.clock.now(),
    });
    const summary = await runImport(deps, actor, fs.createReadStream(file, { highWaterMark: 256 * 1024 }), options, {
      onMapping: (headers) => repo.updateJob(deps.db, orgId, id, { options: { ...options, headers } }),
      onReject: async (r) => {
        pending.push(r);
        if (pending.length >= 500) await flushRejects();
      },
      onProgress: async (rows, bytes, s) => {
        await flushRejects();
        await repo.updateJob(deps.db, orgId, id, {
          rows_read: rows,
          bytes_read: bytes,
          summary: s,
          heartbeat_at: deps.clock.now(),
        });
      },
    });
    await flushRejects();
    await repo.updateJob(deps.db, orgId, id, { status: 'succeeded', summary, finished_at: deps.clock.now() });
  } catch (err) {
    const message =
      err instanceof AppError && err.fields
        ? `${err.message}: ${err.fields.map((f) => `${f.field}: ${f.message}`).join('; ')}`
        : err instanceof Error
          ? err.message
          : String(err);
    await flushRejects().catch(() => undefined);
    await repo.updateJob(deps.db, orgId, id, {
      status: 'failed',
      error: toStorableText(message),
      finished_at: deps.clock.now(),
    });
  } finally {
    fs.rmSync(file, { force: true });
  }
}

/** Marks the organization's jobs whose process has gone silent as failed, so nobody waits on them. */
async function failStalled(deps: Deps, orgId: string): Promise<void> {
  const now = deps.clock.now();
  await repo.failStalledJobs(deps.db, orgId, new Date(now.getTime() - STALLED_MS), now, STALLED_ERROR);
}

/** Admins see every import of the organization; managers see their own. */
async function visibleJob(deps: Deps, actor: Actor, id: string): Promise<repo.ImportJobRow> {
  await failStalled(deps, actor.orgId);
  const row = await repo.getJob(deps.db, actor.orgId, id);
  if (!row || (actor.role !== 'admin' && row.created_by !== actor.userId)) throw notFound('import', id);
  return row;
}

export async function getImportJob(deps: Deps, actor: Actor, id: string): Promise<ImportJobDto> {
  return toDto(await visibleJob(deps, actor, id));
}

export async function listImportJobs(deps: Deps, actor: Actor): Promise<ImportJobDto[]> {
  if (actor.role !== 'admin' && actor.role !== 'manager') return [];
  await failStalled(deps, actor.orgId);
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
