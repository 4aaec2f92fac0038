import type { DbExecutor } from '../../db/database.ts';
import type { ImportTable } from './import-lookups.repository.ts';

/** PostgreSQL takes at most 65535 parameters per statement. */
const MAX_PARAMS = 60_000;

/** Inserts rows (all with the same columns) in as few multi-row statements as the parameter limit allows. */
export async function insertRows(db: DbExecutor, table: ImportTable | 'deal_line_items' | 'deal_stage_visits', rows: readonly Record<string, unknown>[]): Promise<void> {
  const [first] = rows;
  if (!first) return;
  const per = Math.max(1, Math.floor(MAX_PARAMS / Object.keys(first).length));
  for (let i = 0; i < rows.length; i += per) {
    await db
      .insertInto(table as 'accounts')
      .values(rows.slice(i, i + per) as never)
      .execute();
  }
}

/** Updates one imported record and returns it as stored now. */
export async function updateRow(db: DbExecutor, table: ImportTable, orgId: string, id: string, patch: Record<string, unknown>): Promise<Record<string, unknown> | undefined> {
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
  const r = await db.selectFrom('organizations').select('base_currency').where('id', '=', orgId).executeTakeFirstOrThrow();
  return r.base_currency.trim();
}
