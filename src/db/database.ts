import { createHash } from 'node:crypto';
import fs from 'node:fs';
import {
  Kysely,
  PostgresDialect,
  sql,
  type PostgresCursor,
  type PostgresPool,
  type PostgresPoolClient,
  type PostgresQueryResult,
} from 'kysely';
import pg from 'pg';
import { isTask, runTask } from './connection-task.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { PGliteWorkerPool } from './pglite-pool.ts';
import { PREPARED_MARK } from './prepared.ts';
import type { DB } from './schema.ts';

export type Engine = 'pglite' | 'postgres';

export interface Database {
  engine: Engine;
  db: Kysely<DB>;
  /** Where the data lives, for messages: a directory or a URL without its password. */
  location: string;
  /** The server's URL (PostgreSQL only): for components that open their own connections (the job queue). */
  connectionString: string | null;
  /** Runs SQL text with positional parameters outside Kysely (analytics, bulk paths). */
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<R[]>;
  close(): Promise<void>;
}

export type DbExecutor = Kysely<DB>;

const identity = (v: string) => v;

/** pg returns int8 as string, DATE as a local Date: align both engines on number and 'YYYY-MM-DD'. */
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20) return (v: string) => Number(v);
    if (oid === 1082) return identity;
    if (oid === 1700) return identity;
    return pg.types.getTypeParser(oid, format ?? 'text') as (v: string) => unknown;
  },
};

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparsable URL)';
  }
}

export interface OpenOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  poolSize?: number;
  /** Run the statements of `preparedQuery` as named prepared statements (PostgreSQL only; default true). */
  preparedStatements?: boolean;
}

/** Opens the embedded database in dataDir, or the PostgreSQL server at databaseUrl when given. */
export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolSize ?? 10, opts.preparedStatements ?? true);
  return openPglite(opts.dataDir);
}

/** More distinct prepared texts than this means one is not of a fixed shape after all: run the rest unnamed. */
const MAX_PREPARED = 200;

/**
 * The pool Kysely uses: runs the statements of `preparedQuery` as named prepared statements (when
 * `prepared`), and connection tasks (bulk COPY) on the client itself.
 */
function preparingPool(pool: pg.Pool, prepared: boolean): PostgresPool {
  const names = new Map<string, string>();
  const nameOf = (text: string): string | undefined => {
    if (!prepared) return undefined;
    let name = names.get(text);
    if (name === undefined && names.size < MAX_PREPARED) {
      name = `pw_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
      names.set(text, name);
    }
    return name;
  };
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const wrap = (client: pg.PoolClient): PostgresPoolClient => {
    function query<R>(text: string, parameters: readonly unknown[]): Promise<PostgresQueryResult<R>>;
    function query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
    function query<R>(
      text: string | PostgresCursor<R>,
      parameters?: readonly unknown[],
    ): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
      if (typeof text !== 'string')
        return client.query(text as unknown as pg.Submittable) as unknown as PostgresCursor<R>;
      if (isTask(text))
        return runTask(parameters, { engine: 'postgres', client }) as unknown as Promise<PostgresQueryResult<R>>;
      const name = text.endsWith(PREPARED_MARK) ? nameOf(text) : undefined;
      const values = parameters ? [...parameters] : [];
      return client.query(name ? { name, text, values } : { text, values }) as unknown as Promise<
        PostgresQueryResult<R>
      >;
    }
    return { query, release: (destroy?: boolean) => client.release(destroy) };
  };
  return {
    async connect() {
      const client = await pool.connect();
      let w = wrapped.get(client);
      if (!w) {
        // A connection lost while checked out between statements (the server restarted, a
        // failover) must not crash the process: the next statement on it fails instead, its
        // transaction with it, and the pool drops the client when it comes back.
        client.on('error', () => undefined);
        w = wrap(client);
        wrapped.set(client, w);
      }
      return w;
    },
    end: () => pool.end(),
  };
}

async function openPostgres(url: string, poolSize: number, preparedStatements: boolean): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types: pgTypes });
  pool.on('error', () => {
    // an idle client lost its connection; the pool replaces it on next use
  });
  const client = await pool.connect();
  client.release();
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: preparingPool(pool, preparedStatements) }) });
  return {
    engine: 'postgres',
    db,
    location: redactUrl(url),
    connectionString: url,
    async query<R>(text: string, params: readonly unknown[] = []) {
      const r = await pool.query(text, [...params]);
      return r.rows as R[];
    },
    async close() {
      await db.destroy();
    },
  };
}

async function openPglite(dataDir: string): Promise<Database> {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // PGlite writes its files world-readable; closing the directory keeps password and token
  // hashes away from other local users whatever the files' own modes are.
  fs.chmodSync(dataDir, 0o700);
  const unlock = lockDataDir(dataDir);
  const pool = new PGliteWorkerPool(dataDir);
  try {
    await pool.open();
  } catch (err) {
    // The worker has died with the error; there is nothing left to close.
    unlock();
    throw err;
  }
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    engine: 'pglite',
    db,
    location: dataDir,
    connectionString: null,
    async query<R>(text: string, params: readonly unknown[] = []) {
      const r = await pool.withConnection(() => pool.runQuery(text, params));
      return r.rows as R[];
    },
    async close() {
      try {
        await db.destroy();
      } finally {
        unlock();
      }
    },
  };
}

/** Runs fn in a transaction: everything it writes commits together or not at all. */
export function transaction<T>(db: DbExecutor, fn: (trx: DbExecutor) => Promise<T>): Promise<T> {
  return db.transaction().execute(fn);
}

export async function ping(db: DbExecutor): Promise<void> {
  await sql`select 1`.execute(db);
}
