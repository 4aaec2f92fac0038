import { sql } from 'kysely';
import type { Database } from './database.ts';
import { migrations } from './migrations/index.ts';
import { installQueueSchema } from './queue-schema.ts';

export interface MigrationResult {
  applied: number[];
  current: number;
}

export interface MigrateOptions {
  /** Stop after this version (restore loads a backup into the schema it was taken from). */
  upTo?: number;
}

/**
 * Applies pending migrations together in one transaction (all or none), under an advisory lock so that several
 * server instances starting together do not race.
 */
export async function migrate(
  database: Database,
  now: () => Date = () => new Date(),
  opts: MigrateOptions = {},
): Promise<MigrationResult> {
  const applied: number[] = [];
  await database.db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(7277001)`.execute(trx);
    await sql`create table if not exists schema_migrations (
      version integer primary key, name text not null, applied_at timestamptz not null)`.execute(trx);
    const rows = await trx.selectFrom('schema_migrations').select('version').execute();
    const done = new Set(rows.map((r) => r.version));
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      if (opts.upTo !== undefined && m.version > opts.upTo) break;
      await sql.raw(m.sql).execute(trx);
      await trx
        .insertInto('schema_migrations')
        .values({ version: m.version, name: m.name, applied_at: now() })
        .execute();
      applied.push(m.version);
    }
  });
  // The job queue's own schema on a server (the embedded engine runs jobs in process).
  if (database.connectionString && opts.upTo === undefined) await installQueueSchema(database.connectionString);
  const last = migrations[migrations.length - 1];
  return { applied, current: last ? last.version : 0 };
}

export async function pendingMigrations(database: Database): Promise<number[]> {
  const exists = await sql<{ t: string | null }>`select to_regclass('schema_migrations')::text as t`.execute(
    database.db,
  );
  if (!exists.rows[0]?.t) return migrations.map((m) => m.version);
  const rows = await database.db.selectFrom('schema_migrations').select('version').execute();
  const done = new Set(rows.map((r) => r.version));
  return migrations.filter((m) => !done.has(m.version)).map((m) => m.version);
}
