import { sql, type Selectable } from 'kysely';
import type { DbExecutor } from '../../db/database.ts';
import { updateVersioned } from '../../db/versioned.ts';
import { afterCursor, likePattern } from '../../db/list.ts';
import type { ProductsTable } from '../../db/schema.ts';
import type { ListProductsQuery } from '../../contract/products.ts';

export type ProductRow = Selectable<ProductsTable>;

const product = (db: DbExecutor, orgId: string, id: string) =>
  db.selectFrom('products').selectAll().where('org_id', '=', orgId).where('id', '=', id);

export async function getProduct(db: DbExecutor, orgId: string, id: string): Promise<ProductRow | undefined> {
  return product(db, orgId, id).executeTakeFirst();
}

/** As `getProduct`, locking the row until the transaction ends: concurrent changes of it queue behind this one. */
export async function lockProduct(db: DbExecutor, orgId: string, id: string): Promise<ProductRow | undefined> {
  return product(db, orgId, id).forNoKeyUpdate().executeTakeFirst();
}

/** The product holding a SKU, compared case-insensitively as the unique index does. */
export async function findProductBySku(db: DbExecutor, orgId: string, sku: string): Promise<ProductRow | undefined> {
  return db
    .selectFrom('products')
    .selectAll()
    .where('org_id', '=', orgId)
    .where(sql`lower(sku)`, '=', sku.toLowerCase())
    .executeTakeFirst();
}

export async function insertProduct(db: DbExecutor, row: Omit<ProductRow, 'version'>): Promise<ProductRow> {
  return db.insertInto('products').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Updates when the version still matches; otherwise throws 409 with the current version (or 404), see `updateVersioned`. */
export async function updateProduct(
  db: DbExecutor,
  orgId: string,
  id: string,
  version: number,
  patch: Partial<ProductRow>,
): Promise<ProductRow> {
  return updateVersioned(db, 'products', { orgId, id, version }, patch);
}

export async function listProducts(db: DbExecutor, orgId: string, q: ListProductsQuery): Promise<ProductRow[]> {
  let b = db.selectFrom('products').selectAll().where('org_id', '=', orgId);
  if (q.family) b = b.where('family', '=', q.family);
  if (q.active) b = b.where('active', '=', q.active === 'true');
  if (q.q) {
    const pat = likePattern(q.q);
    b = b.where((eb) => eb.or([eb('name', 'ilike', pat), eb('sku', 'ilike', pat)]));
  }
  if (q.cursor) b = b.where(afterCursor(q.sort, 'id', q.order, q.cursor));
  return b
    .orderBy(q.sort, q.order)
    .orderBy('id', q.order)
    .limit(q.limit + 1)
    .execute();
}

/** The products among `ids` that exist in the organization. */
export async function getProducts(db: DbExecutor, orgId: string, ids: readonly string[]): Promise<ProductRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('products').selectAll().where('org_id', '=', orgId).where('id', 'in', ids).execute();
}
