import { Worker } from 'node:worker_threads';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import { isTask, runTask } from './connection-task.ts';

interface WorkerError {
  message: string;
  code?: string;
  detail?: string;
  constraint?: string;
  table?: string;
  column?: string;
}

interface QueryReply {
  rows: Record<string, unknown>[];
  affectedRows: number;
  fields: string[];
  blob?: Uint8Array;
}

/** A database error from the embedded engine, carrying the same fields as the pg driver's. */
export class EmbeddedDatabaseError extends Error {
  code: string | undefined;
  detail: string | undefined;
  constraint: string | undefined;
  table: string | undefined;
  column: string | undefined;
  constructor(e: WorkerError) {
    super(e.message);
    this.name = 'DatabaseError';
    this.code = e.code;
    this.detail = e.detail;
    this.constraint = e.constraint;
    this.table = e.table;
    this.column = e.column;
  }
}

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

const COMMANDS = new Set(['UPDATE', 'DELETE', 'INSERT', 'SELECT', 'MERGE', 'COMMIT', 'ROLLBACK']);

function commandOf(sql: string): PostgresQueryResult<unknown>['command'] {
  const m = /^\s*(?:--[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*(?:with\b[\s\S]*?\)\s*)?([a-z]+)/i.exec(sql);
  const word = (m?.[1] ?? 'SELECT').toUpperCase();
  return (COMMANDS.has(word) ? word : 'SELECT') as PostgresQueryResult<unknown>['command'];
}

/**
 * The embedded engine behind the pg-style pool interface Kysely expects. PGlite runs in a worker
 * thread; it has one session, so the pool hands out one connection at a time (a transaction keeps
 * it until commit) and queues the rest. The event loop stays free while a query runs.
 */
export class PGliteWorkerPool implements PostgresPool {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private busy = false;
  private readonly waiters: Array<() => void> = [];
  private readonly ready: Promise<void>;
  private closed = false;

  constructor(dataDir: string) {
    this.worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), { workerData: { dataDir } });
    this.ready = new Promise((resolve, reject) => {
      const onMessage = (msg: { ready?: boolean }) => {
        if (msg.ready) {
          this.worker.off('error', reject);
          resolve();
        }
      };
      this.worker.once('message', onMessage);
      this.worker.once('error', reject);
    });
    this.worker.on('message', (msg: { id?: number; ok?: boolean; result?: unknown; error?: WorkerError }) => {
      if (msg.id === undefined) return;
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.ok) p.resolve(msg.result);
      else p.reject(new EmbeddedDatabaseError(msg.error ?? { message: 'unknown embedded database error' }));
    });
    this.worker.on('error', (err) => {
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    });
    this.worker.on('exit', (code) => {
      // A dead worker answers nothing: fail what is waiting and everything after.
      this.closed = true;
      const err = new Error(`the embedded database stopped (worker exit code ${code})`);
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    });
  }

  /** Resolves once the embedded database has opened (or rejects with why it could not). */
  async open(): Promise<void> {
    await this.ready;
  }

  private call<T>(msg: Record<string, unknown>, transfer: ArrayBuffer[] = []): Promise<T> {
    if (this.closed) return Promise.reject(new Error('database is closed'));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ ...msg, id }, transfer);
    });
  }

  async runQuery(sql: string, params: readonly unknown[], blob?: Uint8Array): Promise<QueryReply> {
    await this.ready;
    // A blob that owns its whole buffer moves to the worker instead of being copied.
    const transfer =
      blob && blob.byteOffset === 0 && blob.buffer instanceof ArrayBuffer && blob.byteLength === blob.buffer.byteLength
        ? [blob.buffer]
        : [];
    return this.call<QueryReply>({ op: 'query', sql, params: [...params], blob }, transfer);
  }

  async exec(sql: string): Promise<void> {
    await this.ready;
    await this.call({ op: 'exec', sql });
  }

  /** A gzipped tarball of the data directory (PGlite's own format). */
  async dump(): Promise<Uint8Array> {
    await this.ready;
    return this.call<Uint8Array>({ op: 'dump' });
  }

  private async acquire(): Promise<void> {
    if (!this.busy) {
      this.busy = true;
      return;
    }
    await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  private release(): void {
    const next = this.waiters.shift();
    if (next) next();
    else this.busy = false;
  }

  async connect(): Promise<PostgresPoolClient> {
    await this.ready;
    await this.acquire();
    let released = false;
    const query = async <R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> => {
      if (isTask(sql)) {
        // The connection is held by this client, so the task's statements run in its session (and transaction).
        return (await runTask(parameters, {
          engine: 'pglite',
          query: (text, params, blob) => this.runQuery(text, params, blob),
        })) as unknown as PostgresQueryResult<R>;
      }
      const r = await this.runQuery(sql, parameters);
      return { command: commandOf(sql), rowCount: r.affectedRows, rows: r.rows as R[] };
    };
    const client = {
      query,
      release: () => {
        if (released) return;
        released = true;
        this.release();
      },
    };
    return client as unknown as PostgresPoolClient;
  }

  /** Runs fn with the single connection held, for work that needs one session (transactions, COPY). */
  async withConnection<T>(fn: () => Promise<T>): Promise<T> {
    await this.ready;
    await this.acquire();
    try {
      return await fn();
    } finally {
      this.release();
    }
  }

  async end(): Promise<void> {
    if (this.closed) return;
    await this.ready.catch(() => undefined);
    try {
      await this.call({ op: 'close' });
    } catch {
      // already gone
    }
    this.closed = true;
    await this.worker.terminate();
  }
}
