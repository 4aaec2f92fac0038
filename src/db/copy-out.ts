import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { CompiledQuery } from 'kysely';
import type pg from 'pg';
import pgCopy from 'pg-copy-streams';
import { CONNECTION_TASK_MARK, registerTask } from './connection-task.ts';
import type { DbExecutor } from './database.ts';

/*
 * COPY (query) TO STDOUT in binary format, for a query of one text column: the values arrive as
 * raw bytes with a length in front, so nothing is escaped on the way and nothing is parsed into
 * rows or strings here. The server may also run such a query in parallel, which it never does for
 * a cursor.
 */

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const EMPTY = Buffer.alloc(0);

/**
 * Splits a binary COPY stream of single-column rows into the columns' bytes. Each call returns the
 * values of the rows complete in what has arrived, concatenated (a row cut by a chunk boundary waits
 * for the next chunk), and how many rows that is.
 */
export class SingleColumnCopyDecoder {
  private carry: Buffer = EMPTY;
  private headerRead = false;
  /** Whether the end-of-data marker has arrived. */
  ended = false;

  decode(chunk: Buffer): { data: Buffer; rows: number } {
    const buf = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    let pos = 0;
    if (!this.headerRead) {
      if (buf.length < 19) return this.keep(buf, 0, [], 0);
      if (!buf.subarray(0, 11).equals(SIGNATURE)) throw new Error('COPY data is not in binary format');
      const extension = buf.readInt32BE(15);
      if (buf.length < 19 + extension) return this.keep(buf, 0, [], 0);
      pos = 19 + extension;
      this.headerRead = true;
    }
    const values: Buffer[] = [];
    while (!this.ended && buf.length - pos >= 2) {
      const fields = buf.readInt16BE(pos);
      if (fields === -1) {
        this.ended = true;
        pos += 2;
        break;
      }
      if (fields !== 1) throw new Error(`COPY row has ${fields} columns, expected 1`);
      if (buf.length - pos < 6) break;
      const length = buf.readInt32BE(pos + 2);
      if (length < 0) throw new Error('COPY row has a null value');
      if (buf.length - pos - 6 < length) break;
      values.push(buf.subarray(pos + 6, pos + 6 + length));
      pos += 6 + length;
    }
    return this.keep(buf, pos, values, values.length);
  }

  private keep(buf: Buffer, pos: number, values: Buffer[], rows: number): { data: Buffer; rows: number } {
    // Copied, so that the rest of the chunk can be freed.
    this.carry = pos < buf.length ? Buffer.from(buf.subarray(pos)) : EMPTY;
    return { data: values.length === 1 ? (values[0] ?? EMPTY) : Buffer.concat(values), rows };
  }
}

/** A value as a SQL literal: COPY takes no parameters, so they are written into the statement. */
function literal(client: pg.PoolClient | pg.Client, v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'string') return client.escapeLiteral(v);
  if (typeof v === 'number' || typeof v === 'bigint') return client.escapeLiteral(String(v));
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) return client.escapeLiteral(v.toISOString());
  throw new Error(`copyOutLines: cannot inline a parameter of type ${typeof v}`);
}

/**
 * The statement with each `$n` replaced by its parameter as a literal (an untyped literal takes its
 * type from where it stands, as an untyped parameter does). The compiled statements this serves
 * carry every value as a parameter, so `$n` appears nowhere else in their text.
 */
export function inlineParameters(client: pg.PoolClient | pg.Client, query: CompiledQuery): string {
  return query.sql.replace(/\$(\d+)(?!\d)/g, (_, n: string) => {
    const i = Number(n) - 1;
    if (i < 0 || i >= query.parameters.length) throw new Error(`copyOutLines: no parameter $${n}`);
    return literal(client, query.parameters[i]);
  });
}

/**
 * The rows of `query` (one non-null text column) as their bytes, concatenated, chunk by chunk as
 * the server sends them, with the number of rows in each chunk; PostgreSQL server only. Runs on
 * the connection of `db`, so inside a transaction it sees that transaction's snapshot. The server
 * is read only as fast as the caller takes the chunks. A caller that stops early leaves the rest
 * to be read and dropped, so the connection comes back in a usable state.
 */
export async function* copyOutLines(
  db: DbExecutor,
  query: CompiledQuery,
): AsyncGenerator<{ data: Buffer; rows: number }> {
  let started: (stream: Readable) => void = () => undefined;
  const streamStarted = new Promise<Readable>((resolve) => (started = resolve));
  const task = registerTask(async (conn) => {
    if (conn.engine !== 'postgres') throw new Error('copyOutLines needs a PostgreSQL server');
    const stream = conn.client.query(
      pgCopy.to(`COPY (${inlineParameters(conn.client, query)}) TO STDOUT (FORMAT binary)`),
    );
    started(stream);
    await finished(stream);
    return stream.rowCount;
  });
  const done = db.executeQuery(CompiledQuery.raw(CONNECTION_TASK_MARK, [task.token]));
  // Awaited below; a failure before then must not be reported as unhandled.
  done.catch(() => undefined);
  let complete = false;
  let stream: Readable | undefined;
  try {
    stream = await Promise.race([
      streamStarted,
      done.then(() => Promise.reject(new Error('COPY ended before it started'))),
    ]);
    const decoder = new SingleColumnCopyDecoder();
    // Not destroyed when the caller stops early: the rest is drained below instead.
    for await (const chunk of stream.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
      const out = decoder.decode(chunk);
      if (out.rows) yield out;
    }
    if (!decoder.ended) throw new Error('COPY data ended without its end marker');
    await done;
    complete = true;
  } finally {
    task.forget();
    if (!complete) {
      // Stopped early or failed: let the server finish into the void, so the connection is free.
      stream?.resume();
      await done.catch(() => undefined);
    }
  }
}
