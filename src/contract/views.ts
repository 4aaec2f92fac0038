import { z } from 'zod';
import { listAccountsQuery } from './accounts.ts';
import { listActivitiesQuery } from './activities.ts';
import { idSchema, listQueryBase, nameSchema } from './common.ts';
import { listContactsQuery } from './contacts.ts';
import { listDealsQuery } from './deals.ts';
import { listLeadsQuery } from './leads.ts';

/** The tables a user can save views of. */
export const viewEntities = ['deal', 'account', 'contact', 'lead', 'activity'] as const;
export const viewEntitySchema = z.enum(viewEntities);
export type ViewEntity = z.infer<typeof viewEntitySchema>;

/** A user keeps at most this many views per table, so the list of views stays a menu. */
export const MAX_VIEWS_PER_ENTITY = 50;

/** The list query each entity's table runs; a view stores a subset of it. */
const listQueries = {
  deal: listDealsQuery,
  account: listAccountsQuery,
  contact: listContactsQuery,
  lead: listLeadsQuery,
  activity: listActivitiesQuery,
} as const;

/** Query parameters that are paging, sorting or text search rather than filters. */
const notFilters: ReadonlySet<string> = new Set([...Object.keys(listQueryBase.shape).filter((k) => k !== 'q'), 'sort']);

/** The filter parameters of an entity's list (what a saved view may store under `filters`). */
export function filterKeysOf(entity: ViewEntity): string[] {
  return Object.keys(listQueries[entity].shape).filter((k) => !notFilters.has(k));
}

/** The sort keys an entity's list accepts. */
export function sortKeysOf(entity: ViewEntity): string[] {
  const sort = listQueries[entity].shape.sort;
  return [...sort.unwrap().options];
}

const filterValue = z.string().trim().min(1, 'must not be empty').max(500);
const sortSchema = z.strictObject({ key: z.string().max(50), order: z.enum(['asc', 'desc']) });
const filtersSchema = z.record(z.string().max(50), filterValue);
const columnsSchema = z
  .array(z.string().regex(/^[A-Za-z][A-Za-z0-9_.]{0,49}$/, 'must be a column name such as ownerId'))
  .max(40);

const viewFields = {
  name: nameSchema.max(100),
  /** Query parameters of the entity's list, exactly as the list takes them (e.g. `{status: "open", ownerId: "…"}`). */
  filters: filtersSchema.default({}),
  sort: sortSchema.nullable().default(null),
  /** The visible columns, in order. */
  columns: columnsSchema.default([]),
};

/**
 * Checks a view against its entity's list: every filter must be a filter that list takes, with a
 * value it accepts, and the sort key one it sorts by; so a saved view always opens.
 */
function checkAgainstList(
  v: { entity: ViewEntity; filters?: Record<string, string>; sort?: { key: string } | null },
  ctx: z.RefinementCtx,
): void {
  const list = listQueries[v.entity];
  const allowed = new Set(filterKeysOf(v.entity));
  const filters = v.filters ?? {};
  for (const key of Object.keys(filters)) {
    if (!allowed.has(key))
      ctx.addIssue({ code: 'custom', path: ['filters', key], message: `is not a filter of the ${v.entity} list` });
  }
  const known = Object.fromEntries(Object.entries(filters).filter(([k]) => allowed.has(k)));
  const parsed = list.safeParse(known);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      ctx.addIssue({ code: 'custom', path: ['filters', ...issue.path.map(String)], message: issue.message });
  }
  if (v.sort && !sortKeysOf(v.entity).includes(v.sort.key)) {
    ctx.addIssue({
      code: 'custom',
      path: ['sort', 'key'],
      message: `must be one of ${sortKeysOf(v.entity).join(', ')}`,
    });
  }
}

export const createViewSchema = z
  .strictObject({ entity: viewEntitySchema, ...viewFields })
  .superRefine(checkAgainstList);
export type CreateViewInput = z.infer<typeof createViewSchema>;

/** The entity of a view never changes; the service checks the merged view against it. */
export const updateViewSchema = z.strictObject({
  name: nameSchema.max(100).optional(),
  filters: filtersSchema.optional(),
  sort: sortSchema.nullable().optional(),
  columns: columnsSchema.optional(),
});
export type UpdateViewInput = z.infer<typeof updateViewSchema>;

/** Validates a view after an update merged into it (same rules as on create). */
export const storedViewSchema = z
  .object({ entity: viewEntitySchema, filters: z.record(z.string(), z.string()), sort: sortSchema.nullable() })
  .superRefine(checkAgainstList);

export const viewSchema = z.object({
  id: idSchema,
  entity: viewEntitySchema,
  name: z.string(),
  filters: z.record(z.string(), z.string()),
  sort: z.object({ key: z.string(), order: z.enum(['asc', 'desc']) }).nullable(),
  columns: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type ViewDto = z.infer<typeof viewSchema>;

export const listViewsQuery = listQueryBase.extend({
  entity: viewEntitySchema.optional(),
  sort: z.enum(['name', 'created_at', 'updated_at']).default('name'),
});
export type ListViewsQuery = z.infer<typeof listViewsQuery>;
