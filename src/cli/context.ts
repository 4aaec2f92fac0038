import { compose, shutdown } from '../compose.ts';
import { loadConfig, type Config } from '../config.ts';
import { DataDirInUseError } from '../db/data-dir-lock.ts';
import { openDatabase, type Database } from '../db/database.ts';
import type { Deps } from '../modules/context.ts';

/** A human description of where the data lives, for messages. */
export function describeDatabase(database: Pick<Database, 'engine' | 'location'>): string {
  return database.engine === 'pglite'
    ? `embedded PostgreSQL (PGlite) in ${database.location}`
    : `PostgreSQL server at ${database.location}`;
}

function target(config: Config): string {
  return config.databaseUrl
    ? 'the PostgreSQL server named in DATABASE_URL'
    : `the embedded database in ${config.dataDir}`;
}

/** Wraps connection failures so the user learns which database could not be opened. */
async function opening<T>(config: Config, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof DataDirInUseError) throw err;
    const message = err instanceof Error ? err.message : String(err);
    throw new Error(`could not open ${target(config)}: ${message}`, { cause: err });
  }
}

/** Opens the database and builds the dependencies (running pending migrations, as the server does). */
export async function openDeps(config: Config): Promise<Deps> {
  return opening(config, () => compose(config));
}

/** Runs a command with the dependencies and closes them afterwards (sealing what it wrote). */
export async function withDeps<T>(fn: (deps: Deps, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const deps = await openDeps(config);
  try {
    return await fn(deps, config);
  } finally {
    await shutdown(deps);
  }
}

/** Runs a command with the bare database: no migrations, no settings written (migrate, backup, restore). */
export async function withDatabase<T>(fn: (database: Database, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await opening(config, () =>
    openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.dbPoolSize }),
  );
  try {
    return await fn(database, config);
  } finally {
    await database.close();
  }
}
