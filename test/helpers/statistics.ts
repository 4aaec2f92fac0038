import { sql } from 'kysely';
import type { DbExecutor } from '../../src/db/database.ts';

/**
 * How many times each table was analysed on request (ANALYZE), autovacuum's runs not counted:
 * a bulk path that analyses what it filled raises these counts, whatever autovacuum does meanwhile.
 */
export async function analyzeCounts(db: DbExecutor, tables: readonly string[]): Promise<Record<string, number>> {
  const r = await sql<{ relname: string; analyze_count: string | number }>`
    select relname, analyze_count from pg_stat_user_tables where schemaname = current_schema()
      and relname = any(${[...tables]}::text[])`.execute(db);
  return Object.fromEntries(tables.map((t) => [t, Number(r.rows.find((x) => x.relname === t)?.analyze_count ?? 0)]));
}

/** The tables whose count went up between two readings of `analyzeCounts`. */
export const analysedBetween = (before: Record<string, number>, after: Record<string, number>): string[] =>
  Object.keys(after)
    .filter((t) => (after[t] ?? 0) > (before[t] ?? 0))
    .sort();
