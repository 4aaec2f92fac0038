import { camelChanges, camelSnapshot } from '../../contract/events/casing.ts';
import type { Actor } from '../../contract/access.ts';
import { canReadReference, canWriteReference } from '../../contract/access.ts';
import { AppError, forbidden } from '../../contract/errors.ts';
import { diffFields } from '../../domain/event-hash.ts';
import type { CreateProductInput, ListProductsQuery, ProductDto, UpdateProductInput } from '../../contract/products.ts';
import type { DbExecutor } from '../../db/database.ts';
import { encodeCursor } from '../../db/list.ts';
import { baseCurrency } from '../accounts/accounts.service.ts';
import { write, type Deps } from '../context.ts';
import { checkVersion, found, toPage, type ExpectedVersion } from '../shared.ts';
import * as repo from './products.repository.ts';

export function toProductDto(r: repo.ProductRow): ProductDto {
  return {
    id: r.id,
    externalId: r.external_id,
    sku: r.sku,
    name: r.name,
    family: r.family,
    description: r.description,
    listPrice: r.list_price,
    cost: r.cost,
    currency: r.currency.trim(),
    active: r.active,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    version: r.version,
  };
}

/** Fields recorded in product events (snake_case, as stored). */
const auditFields = [
  'external_id',
  'sku',
  'name',
  'family',
  'description',
  'list_price',
  'cost',
  'currency',
  'active',
] as const;

function snapshot(r: repo.ProductRow): Record<string, unknown> {
  return Object.fromEntries(auditFields.map((f) => [f, f === 'currency' ? r.currency.trim() : r[f]]));
}

function assertWriter(actor: Actor): void {
  if (!canWriteReference(actor, 'product')) throw forbidden('Only admins can manage products');
}

/** SKUs are unique per organization regardless of case; a clash names the field. */
async function assertSkuFree(trx: DbExecutor, orgId: string, sku: string, selfId: string | null): Promise<void> {
  const clash = await repo.findProductBySku(trx, orgId, sku);
  if (clash && clash.id !== selfId) {
    throw new AppError('duplicate', `Product ${clash.id} already has SKU "${clash.sku}"`, {
      fields: [{ field: 'sku', message: 'is already used by another product' }],
      details: { existingId: clash.id },
    });
  }
}

export async function createProduct(deps: Deps, actor: Actor, input: CreateProductInput): Promise<ProductDto> {
  assertWriter(actor);
  const now = deps.clock.now();
  const id = deps.ids.id();
  const row = await write(deps, actor.orgId, async (trx) => {
    await assertSkuFree(trx, actor.orgId, input.sku, null);
    const inserted = await repo.insertProduct(trx, {
      org_id: actor.orgId,
      id,
      external_id: input.externalId ?? null,
      sku: input.sku,
      name: input.name,
      family: input.family ?? null,
      description: input.description ?? null,
      list_price: input.listPrice,
      cost: input.cost ?? null,
      currency: input.currency ?? (await baseCurrency(trx, actor.orgId)),
      active: input.active ?? true,
      created_at: now,
      updated_at: now,
    });
    await deps.eventLog.append(trx, actor, [
      {
        entityType: 'product',
        entityId: id,
        type: 'product.created',
        data: { after: camelSnapshot(snapshot(inserted)) },
      },
    ]);
    return inserted;
  });
  return toProductDto(row);
}

export async function getProduct(deps: Deps, actor: Actor, id: string): Promise<ProductDto> {
  if (!canReadReference(actor, 'product')) throw forbidden();
  return toProductDto(found(await repo.getProduct(deps.db, actor.orgId, id), 'product', id));
}

export async function listProducts(
  deps: Deps,
  actor: Actor,
  q: ListProductsQuery,
): Promise<{ items: ProductDto[]; nextCursor: string | null }> {
  if (!canReadReference(actor, 'product')) throw forbidden();
  const rows = await repo.listProducts(deps.db, actor.orgId, q);
  return toPage(rows, q.limit, toProductDto, (r) => encodeCursor(r[q.sort], r.id));
}

function patchFrom(input: UpdateProductInput): Partial<repo.ProductRow> {
  const p: Partial<repo.ProductRow> = {};
  if (input.sku !== undefined) p.sku = input.sku;
  if (input.name !== undefined) p.name = input.name;
  if (input.family !== undefined) p.family = input.family;
  if (input.description !== undefined) p.description = input.description;
  if (input.listPrice !== undefined) p.list_price = input.listPrice;
  if (input.cost !== undefined) p.cost = input.cost;
  if (input.currency !== undefined) p.currency = input.currency;
  if (input.active !== undefined) p.active = input.active;
  if (input.externalId !== undefined) p.external_id = input.externalId;
  return p;
}

async function changeProduct(
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
  patch: Partial<repo.ProductRow>,
  eventType: string,
): Promise<ProductDto> {
  assertWriter(actor);
  const row = await write(deps, actor.orgId, async (trx) => {
    const before = found(await repo.lockProduct(trx, actor.orgId, id), 'product', id);
    const version = checkVersion('product', id, before.version, expected);
    if (patch.sku !== undefined) await assertSkuFree(trx, actor.orgId, patch.sku, id);
    const after = await repo.updateProduct(trx, actor.orgId, id, version, { ...patch, updated_at: deps.clock.now() });
    const changes = camelChanges(diffFields(snapshot(before), snapshot(after), auditFields));
    await deps.eventLog.append(trx, actor, [
      { entityType: 'product', entityId: id, type: eventType, data: { changes } },
    ]);
    return after;
  });
  return toProductDto(row);
}

export function updateProduct(
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
  input: UpdateProductInput,
): Promise<ProductDto> {
  return changeProduct(deps, actor, id, expected, patchFrom(input), 'product.updated');
}

/**
 * Deleting a product deactivates it: deal lines keep pointing at it, and it can be reactivated
 * with PATCH { active: true }.
 */
export function deactivateProduct(
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
): Promise<ProductDto> {
  return changeProduct(deps, actor, id, expected, { active: false }, 'product.deactivated');
}

/** Products' rows by id (those that exist), for line items priced from them. */
export async function productRows(db: DbExecutor, orgId: string, ids: readonly string[]): Promise<repo.ProductRow[]> {
  return repo.getProducts(db, orgId, ids);
}
