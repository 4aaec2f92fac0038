import type { Insertable, Selectable, Updateable } from 'kysely';
import type { DbExecutor } from '../../db/database.ts';
import { afterCursor, likePattern } from '../../db/list.ts';
import type { SavedViewsTable } from '../../db/schema.ts';
import { updateVersioned, versionMissed } from '../../db/versioned.ts';
import type { ListViewsQuery } from '../../contract/views.ts';

export type ViewRow = Selectable<SavedViewsTable>;

/** A view of the user; another user's view is never found. */
const view = (db: DbExecutor, orgId: string, userId: string, id: string) =>
  db
    .selectFrom('saved_views')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('id', '=', id);

export async function getView(db: DbExecutor, orgId: string, userId: string, id: string): Promise<ViewRow | undefined> {
  return view(db, orgId, userId, id).executeTakeFirst();
}

/** As `getView`, locking the row until the transaction ends: concurrent changes of it queue behind this one. */
export async function lockView(
  db: DbExecutor,
  orgId: string,
  userId: string,
  id: string,
): Promise<ViewRow | undefined> {
  return view(db, orgId, userId, id).forNoKeyUpdate().executeTakeFirst();
}

export async function insertView(db: DbExecutor, row: Insertable<SavedViewsTable>): Promise<ViewRow> {
  return db.insertInto('saved_views').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Updates when the version still matches; otherwise throws 409 with the current version (or 404), see `updateVersioned`. */
export async function updateView(
  db: DbExecutor,
  orgId: string,
  id: string,
  version: number,
  patch: Updateable<SavedViewsTable>,
): Promise<ViewRow> {
  return updateVersioned(db, 'saved_views', { orgId, id, version }, patch);
}

/** Deletes when the version still matches; otherwise throws 409 with the current version (or 404). */
export async function deleteView(
  db: DbExecutor,
  orgId: string,
  userId: string,
  id: string,
  version: number,
): Promise<void> {
  const r = await db
    .deleteFrom('saved_views')
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (r.numDeletedRows === 0n) throw await versionMissed(db, 'saved_views', { orgId, id, version });
}

export async function countViews(db: DbExecutor, orgId: string, userId: string, entity: string): Promise<number> {
  const r = await db
    .selectFrom('saved_views')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('entity', '=', entity)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** A view of the same user and table with this name (names compare case-insensitively). */
export async function findViewByName(
  db: DbExecutor,
  orgId: string,
  userId: string,
  entity: string,
  name: string,
): Promise<{ id: string } | undefined> {
  return db
    .selectFrom('saved_views')
    .select('id')
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('entity', '=', entity)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
    .executeTakeFirst();
}

export async function listViews(db: DbExecutor, orgId: string, userId: string, q: ListViewsQuery): Promise<ViewRow[]> {
  let b = db.selectFrom('saved_views').selectAll().where('org_id', '=', orgId).where('user_id', '=', userId);
  if (q.entity) b = b.where('entity', '=', q.entity);
  if (q.q) b = b.where('name', 'ilike', likePattern(q.q));
  if (q.cursor) b = b.where(afterCursor(q.sort, 'id', q.order, q.cursor));
  return b
    .orderBy(q.sort, q.order)
    .orderBy('id', q.order)
    .limit(q.limit + 1)
    .execute();
}
