import { sql } from 'kysely';
import type { DbExecutor } from './database.ts';

const IDENT = /^[a-z_][a-z0-9_]*$/;

/**
 * Refreshes the planner's statistics of tables a bulk load has just filled. Without them the
 * planner takes a freshly loaded table for empty (or as small as it last saw it) and picks nested
 * loops over millions of rows: an analysis over the loaded data runs minutes instead of
 * milliseconds until autovacuum catches up, and never where autovacuum is off. ANALYZE reads a
 * fixed-size sample per table, so it costs seconds however large the load. Must run outside the
 * load's transaction (its statistics would otherwise describe rows other sessions cannot see yet).
 */
export async function analyzeTables(db: DbExecutor, tables: Iterable<string>): Promise<void> {
  const names = [...new Set(tables)].sort();
  if (names.length === 0) return;
  for (const t of names) if (!IDENT.test(t)) throw new Error(`not a plain table name: ${t}`);
  await sql`analyze ${sql.join(names.map((t) => sql.id(t)))}`.execute(db);
}
