import { sql } from 'kysely';
import type { CopyValue } from '../../db/bulk-copy.ts';
import type { DbExecutor } from '../../db/database.ts';
import { foreignKeysOf, ForeignKeyViolation, type ForeignKey } from '../../db/foreign-keys.ts';

/**
 * Foreign keys of the rows an import batch writes, proved per batch instead of per row.
 *
 * A batch turns the per-row foreign-key triggers off for its transaction when the role may
 * (`deferForeignKeyChecks` of db/foreign-keys.ts), then proves the keys of exactly the rows it
 * wrote: for each key, the distinct values the rows refer to are looked up, and locked FOR KEY
 * SHARE as the triggers would, in one statement. The cost follows the batch, not the table:
 * `verifyForeignKeys` of db/foreign-keys.ts proves every row of the organization, right after a
 * load into a new organization, but per batch of an import into a large one it would re-read all
 * the rows imported before. Any value not found fails the batch.
 */

/** Rows as written by COPY: the columns and one array of values per row. */
export interface WrittenRows {
  table: string;
  columns: readonly string[];
  rows: readonly (readonly CopyValue[])[];
}

const keysCache = new Map<string, ForeignKey[]>();

/** The foreign keys declared on a table (the schema does not change while the process runs). */
async function keysOf(trx: DbExecutor, table: string): Promise<ForeignKey[]> {
  const cached = keysCache.get(table);
  if (cached) return cached;
  const keys = await foreignKeysOf(trx, [table]);
  keysCache.set(table, keys);
  return keys;
}

const text = (v: CopyValue): string =>
  v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : String(v);

/** The key values of the parent rows among the written ones, if the parent table is one of them. */
function ownKeys(written: readonly WrittenRows[], fk: ForeignKey, cache: Map<string, Set<string>>): Set<string> | null {
  const cacheKey = `${fk.parent}(${fk.parentColumns.join(',')})`;
  const known = cache.get(cacheKey);
  if (known) return known;
  const keys = new Set<string>();
  for (const w of written) {
    if (w.table !== fk.parent) continue;
    const at = fk.parentColumns.map((c) => w.columns.indexOf(c));
    if (at.some((i) => i < 0)) continue;
    for (const row of w.rows) keys.add(at.map((i) => text(row[i] ?? null)).join('\u0001'));
  }
  cache.set(cacheKey, keys);
  return keys.size > 0 ? keys : null;
}

/**
 * Proves every foreign key of the written rows: the distinct values each key refers to are looked
 * up (and locked FOR KEY SHARE) in one statement per key. A key column the rows do not carry is
 * null for them (no reference). Throws ForeignKeyViolation for the first key with a value that
 * refers to nothing.
 */
export async function verifyReferences(trx: DbExecutor, written: readonly WrittenRows[]): Promise<void> {
  const keysOfWritten = new Map<string, Set<string>>();
  for (const w of written) {
    if (w.rows.length === 0) continue;
    for (const fk of await keysOf(trx, w.table)) {
      const at = fk.childColumns.map((c) => w.columns.indexOf(c));
      if (at.some((i) => i < 0)) continue;
      const distinct = new Map<string, string[]>();
      for (const row of w.rows) {
        const values: string[] = [];
        let complete = true;
        for (const i of at) {
          const v = row[i];
          if (v === null || v === undefined) {
            complete = false;
            break;
          }
          values.push(text(v));
        }
        if (complete) distinct.set(values.join('\u0001'), values);
      }
      // Rows written by this same call exist (their COPY succeeded): nothing to look up for them.
      const own = ownKeys(written, fk, keysOfWritten);
      if (own) for (const k of [...distinct.keys()]) if (own.has(k)) distinct.delete(k);
      if (distinct.size === 0) continue;
      const columns = fk.childColumns.map((_, i) => [...distinct.values()].map((v) => v[i] ?? ''));
      const unnested = sql.join(columns.map((c) => sql`${c}::text[]`));
      const names = sql.join(fk.childColumns.map((_, i) => sql.id(`v${i}`)));
      const match = sql.join(
        fk.parentColumns.map(
          (col, i) => sql`p.${sql.id(col)} = v.${sql.id(`v${i}`)}::${sql.raw(fk.types[i] ?? 'text')}`,
        ),
        sql` and `,
      );
      const found = await sql<{ n: number }>`
        select count(*)::int as n from (
          select 1 from ${sql.id(fk.parent)} p join unnest(${unnested}) as v(${names}) on ${match}
          for key share of p) x`.execute(trx);
      const n = found.rows[0]?.n ?? 0;
      if (n < distinct.size) throw new ForeignKeyViolation(w.table, fk.name, distinct.size - n);
    }
  }
}
