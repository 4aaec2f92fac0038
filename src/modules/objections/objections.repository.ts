import type { Insertable, Selectable, Updateable } from 'kysely';
import type { DbExecutor } from '../../db/database.ts';
import { updateVersioned } from '../../db/versioned.ts';
import { afterCursor, likePattern } from '../../db/list.ts';
import type { ObjectionsTable } from '../../db/schema.ts';
import type { ListObjectionsQuery } from '../../contract/objections.ts';

export type ObjectionRow = Selectable<ObjectionsTable>;

const objection = (db: DbExecutor, orgId: string, id: string) =>
  db.selectFrom('objections').selectAll().where('org_id', '=', orgId).where('id', '=', id);

export async function getObjection(db: DbExecutor, orgId: string, id: string): Promise<ObjectionRow | undefined> {
  return objection(db, orgId, id).executeTakeFirst();
}

/** As `getObjection`, locking the row until the transaction ends: concurrent changes of it queue behind this one. */
export async function lockObjection(db: DbExecutor, orgId: string, id: string): Promise<ObjectionRow | undefined> {
  return objection(db, orgId, id).forNoKeyUpdate().executeTakeFirst();
}

/** The library entries among `ids` (for checking objections logged against the library). */
export async function getObjections(db: DbExecutor, orgId: string, ids: readonly string[]): Promise<ObjectionRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('objections').selectAll().where('org_id', '=', orgId).where('id', 'in', ids).execute();
}

export async function insertObjection(db: DbExecutor, row: Insertable<ObjectionsTable>): Promise<ObjectionRow> {
  return db.insertInto('objections').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Updates when the version still matches; otherwise throws 409 with the current version (or 404), see `updateVersioned`. */
export async function updateObjection(
  db: DbExecutor,
  orgId: string,
  id: string,
  version: number,
  patch: Updateable<ObjectionsTable>,
): Promise<ObjectionRow> {
  return updateVersioned(db, 'objections', { orgId, id, version }, patch);
}

export async function listObjections(db: DbExecutor, orgId: string, q: ListObjectionsQuery): Promise<ObjectionRow[]> {
  let b = db.selectFrom('objections').selectAll().where('org_id', '=', orgId);
  if (q.category) b = b.where('category', '=', q.category);
  if (q.active !== 'all') b = b.where('active', '=', q.active === 'true');
  if (q.q) {
    const pat = likePattern(q.q);
    b = b.where((eb) => eb.or([eb('title', 'ilike', pat), eb('description', 'ilike', pat)]));
  }
  if (q.cursor) b = b.where(afterCursor(q.sort, 'id', q.order, q.cursor));
  return b
    .orderBy(q.sort, q.order)
    .orderBy('id', q.order)
    .limit(q.limit + 1)
    .execute();
}
