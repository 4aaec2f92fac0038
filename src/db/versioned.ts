import { sql, type Selectable, type Updateable } from 'kysely';
import type { DbExecutor } from './database.ts';
import type { DB } from './schema.ts';

/** Tables whose rows carry org_id, id and version (optimistic concurrency). */
export type VersionedTable = {
  [K in keyof DB]: DB[K] extends { org_id: string; id: string; version: unknown } ? K : never;
}[keyof DB];
/** Versioned tables whose rows are soft-deleted (deleted_at). */
export type SoftDeletedTable = {
  [K in VersionedTable]: DB[K] extends { deleted_at: unknown } ? K : never;
}[VersionedTable];

/**
 * Updates one row when its version still matches, raising the version by one; undefined means
 * someone else changed it first (or, for soft-deleted tables, that it is deleted). The one place
 * that writes the optimistic-concurrency rule for every versioned table.
 */
export async function updateVersioned<T extends VersionedTable>(
  db: DbExecutor,
  table: T,
  key: { orgId: string; id: string; version: number },
  patch: Updateable<DB[T]>,
): Promise<Selectable<DB[T]> | undefined> {
  // Kysely cannot type a query over a table chosen by a type parameter; every versioned table has
  // the columns used here, so the query is typed against the union and the row cast back.
  const t: VersionedTable = table;
  const live = softDeleted.has(table);
  const row = await db
    .updateTable(t)
    .set({ ...(patch as object), version: key.version + 1 })
    .where('org_id', '=', key.orgId)
    .where('id', '=', key.id)
    .where('version', '=', key.version)
    .where(live ? sql<boolean>`deleted_at is null` : sql<boolean>`true`)
    .returningAll()
    .executeTakeFirst();
  return row as Selectable<DB[T]> | undefined;
}

const softDeletedTables: Record<SoftDeletedTable, true> = {
  accounts: true,
  activities: true,
  contacts: true,
  deals: true,
  leads: true,
  teams: true,
};
const softDeleted: ReadonlySet<string> = new Set(Object.keys(softDeletedTables));
