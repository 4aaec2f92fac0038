import { bulkCopy, type CopyValue } from '../../db/bulk-copy.ts';
import type { DbExecutor } from '../../db/database.ts';
import type { ImportTable } from './import-lookups.repository.ts';

/**
 * Inserts rows (all with the same columns) with COPY on the transaction's own connection: the
 * bulk path of both engines, rolled back with the transaction like any insert.
 */
export async function insertRows(
  db: DbExecutor,
  table: ImportTable | 'deal_line_items' | 'deal_stage_visits',
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  const [first] = rows;
  if (!first) return;
  const columns = Object.keys(first);
  await bulkCopy(
    db,
    { table, columns },
    rows.map((r) => columns.map((c) => r[c] as CopyValue)),
  );
}

/** Writes rows given as COPY rows (columns named once) with COPY. */
export async function copyRows(
  db: DbExecutor,
  w: { table: string; columns: readonly string[]; rows: readonly (readonly CopyValue[])[] },
): Promise<void> {
  if (w.rows.length === 0) return;
  await bulkCopy(db, { table: w.table, columns: w.columns }, w.rows);
}

/** Updates one imported record and returns it as stored now. */
export async function updateRow(
  db: DbExecutor,
  table: ImportTable,
  orgId: string,
  id: string,
  patch: Record<string, unknown>,
): Promise<Record<string, unknown> | undefined> {
  const row = await db
    .updateTable(table as 'accounts')
    .set((eb) => ({ ...(patch as Record<string, never>), version: eb('version', '+', 1) }))
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row;
}

export async function orgBaseCurrencyOf(db: DbExecutor, orgId: string): Promise<string> {
  const r = await db
    .selectFrom('organizations')
    .select('base_currency')
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
  return r.base_currency.trim();
}
