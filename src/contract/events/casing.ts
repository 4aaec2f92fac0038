import { z } from 'zod';

// Event payloads speak the API's camelCase. Record snapshots (`after` of a `.created`, `before` of
// a `.deleted`) and the fields of `changes` were first written with the stored column names
// (`pipeline_id`); these helpers give both writers and the upcasters of those first versions one
// way to name a field.

const isPlainRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

/** A stored field name as the API names it: `expected_close_date` → `expectedCloseDate` (camelCase is kept). */
export function camelKey(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

/** A value with the keys of its records (or of the records in its array) in camelCase; other values as they are. */
function camelNested(v: unknown): unknown {
  if (Array.isArray(v)) return (v as unknown[]).map((x) => (isPlainRecord(x) ? camelRecord(x) : x));
  if (isPlainRecord(v)) return camelRecord(v);
  return v;
}

/**
 * A record snapshot with its field names in camelCase, and those of the records it holds (a
 * deal's line items and contact roles, a pipeline's stages), one level down.
 */
export function camelSnapshot(snapshot: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(snapshot).map(([k, v]) => [camelKey(k), camelNested(v)]));
}

function camelRecord(r: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [camelKey(k), v]));
}

/** The fields an update changed, named in camelCase, records inside the values too. */
export function camelChanges(changes: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(changes).map(([k, c]) => [
      camelKey(k),
      isPlainRecord(c) ? { ...c, from: camelNested(c.from), to: camelNested(c.to) } : c,
    ]),
  );
}

/**
 * A first-version payload read as the camelCase version: `after`, `before` and `changes` renamed
 * (other members of the payload were camelCase already).
 */
export function camelPayload(data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...data };
  if (isPlainRecord(data.after)) out.after = camelSnapshot(data.after);
  if (isPlainRecord(data.before)) out.before = camelSnapshot(data.before);
  if (Array.isArray(data.after)) out.after = camelNested(data.after);
  if (Array.isArray(data.before)) out.before = camelNested(data.before);
  if (isPlainRecord(data.changes)) out.changes = camelChanges(data.changes);
  return out;
}

const CAMEL = /^[a-z][a-zA-Z0-9]*$/;

/** Issues for the keys of a record (and of the records it holds, one level down) that are not camelCase. */
function snakeKeyIssues(v: unknown, ctx: z.RefinementCtx, path: PropertyKey[], depth: number): void {
  if (Array.isArray(v)) {
    if (depth > 0) v.forEach((x, i) => snakeKeyIssues(x, ctx, [...path, i], depth - 1));
    return;
  }
  if (!isPlainRecord(v)) return;
  for (const [k, x] of Object.entries(v)) {
    if (!CAMEL.test(k)) ctx.addIssue({ code: 'custom', path: [...path, k], message: `${k} is not camelCase` });
    if (depth > 0) snakeKeyIssues(x, ctx, [...path, k], depth - 1);
  }
}

/** A snapshot schema that also refuses field names other than camelCase (the record's own and its records'). */
export const camelOnly = <T extends z.ZodType>(schema: T) =>
  schema.superRefine((v, ctx) => snakeKeyIssues(v, ctx, [], 2));

/** The fields an update changed: camelCase names, each { from, to }. */
export const camelChangesSchema = z.record(
  z.string().regex(CAMEL, 'must be a camelCase field name'),
  z.strictObject({ from: z.unknown(), to: z.unknown() }),
);

/**
 * The first version of a payload whose record snapshot or changed fields were named as stored
 * (snake_case), read as version 2 with every field name in camelCase (a step of a catalog
 * definition's `history`).
 */
export const snakeCaseV1 = (schema: z.ZodType) => ({ version: 1, schema, upcast: camelPayload });
