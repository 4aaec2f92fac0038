import { once } from 'node:events';
import { CompiledQuery } from 'kysely';
import pgCopy from 'pg-copy-streams';
import { CONNECTION_TASK_MARK, registerTask, type TaskConnection } from './connection-task.ts';
import type { DbExecutor } from './database.ts';

/**
 * A value COPY can carry: objects and arrays go as JSON (jsonb columns), Dates as ISO instants,
 * strings as they are (so a JSON string for a jsonb column is passed already stringified).
 */
export type CopyValue =
  string | number | bigint | boolean | Date | null | undefined | readonly unknown[] | Record<string, unknown>;

export interface CopyTarget {
  /** Table name, optionally schema-qualified; plain identifiers only. */
  table: string;
  columns: readonly string[];
}

export interface CopyOptions {
  /** Bytes of COPY text per chunk sent (PGlite: per COPY statement); bounds memory. Default 4 MiB. */
  chunkBytes?: number;
  /** Called after each chunk with the rows sent so far. */
  onProgress?: (rows: number) => void;
}

const IDENT = /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/;
const DEFAULT_CHUNK = 4 * 1024 * 1024;

/** A row or column that cannot be copied, named so the caller can report it. */
export class CopyValueError extends Error {
  constructor(
    readonly row: number,
    readonly column: string,
    reason: string,
  ) {
    super(`row ${row}, column ${column}: ${reason}`);
    this.name = 'CopyValueError';
  }
}

// COPY text format: backslash, newline, carriage return and tab are the only characters that need
// escaping; \N is NULL, so an empty string stays an empty string.
const SPECIAL = /[\\\n\r\t]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
const HAS_SPECIAL = /[\\\n\r\t]/;
const escapeText = (s: string): string => (HAS_SPECIAL.test(s) ? s.replace(SPECIAL, (c) => ESCAPES[c] ?? c) : s);
// eslint-disable-next-line no-control-regex -- NUL is what the scan looks for
const NEEDS_CARE = /[\\\n\r\t\u0000]/;

/** One field in COPY text format. */
export function encodeCopyValue(v: CopyValue, row: number, column: string): string {
  if (v === null || v === undefined) return '\\N';
  let s: string;
  if (typeof v === 'string') s = v;
  else if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new CopyValueError(row, column, `${v} is not a finite number`);
    s = String(v);
  } else if (typeof v === 'bigint') s = v.toString();
  else if (typeof v === 'boolean') s = v ? 't' : 'f';
  else if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) throw new CopyValueError(row, column, 'is an invalid date');
    s = v.toISOString();
  } else s = JSON.stringify(v);
  // Most values need no escaping: one scan finds out.
  if (!NEEDS_CARE.test(s)) return s;
  if (s.includes('\u0000'))
    throw new CopyValueError(row, column, 'contains a NUL character, which PostgreSQL text cannot hold');
  return escapeText(s);
}

function copyStatement(target: CopyTarget, source: string): string {
  if (!IDENT.test(target.table)) throw new Error(`bulk copy: "${target.table}" is not a plain table name`);
  for (const c of target.columns)
    if (!IDENT.test(c) || c.includes('.')) throw new Error(`bulk copy: "${c}" is not a plain column name`);
  if (target.columns.length === 0) throw new Error('bulk copy: no columns');
  return `COPY ${target.table} (${target.columns.join(', ')}) FROM ${source}`;
}

/** The rows as COPY text, in chunks of about `chunkBytes`. */
async function* chunksOf(
  rows: Iterable<readonly CopyValue[]> | AsyncIterable<readonly CopyValue[]>,
  columns: readonly string[],
  chunkBytes: number,
  counted: { rows: number },
): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  let parts: string[] = [];
  let size = 0;
  for await (const r of rows) {
    const n = counted.rows + 1;
    if (r.length !== columns.length)
      throw new CopyValueError(n, '(all)', `has ${r.length} values for ${columns.length} columns`);
    let line = '';
    for (let i = 0; i < r.length; i++) line += (i > 0 ? '\t' : '') + encodeCopyValue(r[i], n, columns[i] ?? String(i));
    line += '\n';
    parts.push(line);
    size += line.length;
    counted.rows = n;
    if (size >= chunkBytes) {
      yield encoder.encode(parts.join(''));
      parts = [];
      size = 0;
    }
  }
  if (parts.length) yield encoder.encode(parts.join(''));
}

async function copyOnPostgres(
  client: Extract<TaskConnection, { engine: 'postgres' }>['client'],
  statement: string,
  chunks: AsyncGenerator<Uint8Array>,
  onChunk: () => void,
): Promise<number> {
  const stream = client.query(pgCopy.from(statement));
  const failed = once(stream, 'error').then(([err]) => Promise.reject(err as Error));
  failed.catch(() => undefined);
  try {
    for await (const chunk of chunks) {
      // Wait for the server to take the previous chunk before encoding more: constant memory.
      if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), failed]);
      onChunk();
    }
  } catch (err) {
    // End the COPY with an error so the connection is usable (the transaction, if any, is aborted).
    stream.destroy(err as Error);
    await once(stream, 'close').catch(() => undefined);
    throw err;
  }
  stream.end();
  await Promise.race([once(stream, 'finish'), failed]);
  return stream.rowCount;
}

async function copyOnPglite(
  conn: Extract<TaskConnection, { engine: 'pglite' }>,
  statement: string,
  chunks: AsyncGenerator<Uint8Array>,
  onChunk: () => void,
): Promise<number> {
  let n = 0;
  // The embedded engine reads COPY data from a blob; one COPY per chunk keeps memory bounded.
  for await (const chunk of chunks) {
    const r = await conn.query(statement, [], chunk);
    n += r.affectedRows;
    onChunk();
  }
  return n;
}

/**
 * Streams rows into a table with COPY: `COPY ... FROM STDIN` on a PostgreSQL server, `COPY ...
 * FROM '/dev/blob'` chunk by chunk on the embedded engine. Runs on the connection of `db`, so
 * inside a transaction it is part of it (and is rolled back with it). Rows are pulled from the
 * iterable only as fast as the database takes them. Values are encoded in COPY text format: null
 * and undefined are NULL, '' stays an empty string, objects and arrays become JSON, Dates ISO
 * instants; the table's defaults apply to the columns not listed. Returns the rows copied.
 */
export async function bulkCopy(
  db: DbExecutor,
  target: CopyTarget,
  rows: Iterable<readonly CopyValue[]> | AsyncIterable<readonly CopyValue[]>,
  opts: CopyOptions = {},
): Promise<number> {
  const chunkBytes = opts.chunkBytes ?? DEFAULT_CHUNK;
  const counted = { rows: 0 };
  const onChunk = () => opts.onProgress?.(counted.rows);
  const task = registerTask(async (conn) => {
    const chunks = chunksOf(rows, target.columns, chunkBytes, counted);
    if (conn.engine === 'postgres') return copyOnPostgres(conn.client, copyStatement(target, 'STDIN'), chunks, onChunk);
    return copyOnPglite(conn, copyStatement(target, `'/dev/blob'`), chunks, onChunk);
  });
  try {
    // Checked before the task runs, so a bad name fails without touching the connection.
    copyStatement(target, 'STDIN');
    const result = await db.executeQuery<{ rows: number }>(CompiledQuery.raw(CONNECTION_TASK_MARK, [task.token]));
    return result.rows[0]?.rows ?? 0;
  } finally {
    task.forget();
  }
}
