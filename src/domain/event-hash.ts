import { createHash } from 'node:crypto';

/** The fields of an event that its hash covers. */
export interface HashedEvent {
  orgId: string;
  seq: number;
  occurredAt: Date;
  businessTime: Date | null;
  imported: boolean;
  actorId: string | null;
  entityType: string;
  entityId: string;
  type: string;
  data: unknown;
  prevHash: string | null;
}

/** The hash of the (virtual) event before the first one of an organization. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * JSON with object keys sorted at every level, so that a value read back from jsonb (which
 * reorders keys) hashes the same as when it was written. Undefined object members are left out
 * and undefined array items are null, as JSON.stringify does.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value !== 'object') return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + canonicalJson(value[i]);
    return out + ']';
  }
  const obj = value as Record<string, unknown>;
  // Plain loops and one sort of the keys: this runs for every event written (hashing, bulk loads).
  const keys = Object.keys(obj).sort();
  let out = '{';
  let first = true;
  for (const k of keys) {
    const v = obj[k];
    if (v === undefined) continue;
    out += (first ? '' : ',') + JSON.stringify(k) + ':' + canonicalJson(v);
    first = false;
  }
  return out + '}';
}

const iso = (d: Date | null): string => (d ? `"${d.toISOString()}"` : 'null');

/**
 * The text an event's hash is taken of: the canonical JSON of its hashed fields, with the
 * canonical JSON of its data given (so a bulk writer that also stores that text computes it
 * once). Keys in sorted order, as canonicalJson would put them.
 */
export function eventHashBody(e: Omit<HashedEvent, 'data'>, dataJson: string): string {
  return (
    `{"actorId":${e.actorId === null ? 'null' : JSON.stringify(e.actorId)}` +
    `,"businessTime":${iso(e.businessTime)}` +
    `,"data":${dataJson}` +
    `,"entityId":${JSON.stringify(e.entityId)}` +
    `,"entityType":${JSON.stringify(e.entityType)}` +
    `,"imported":${e.imported ? 'true' : 'false'}` +
    `,"occurredAt":${iso(e.occurredAt)}` +
    `,"orgId":${JSON.stringify(e.orgId)}` +
    `,"prevHash":${JSON.stringify(e.prevHash ?? GENESIS_HASH)}` +
    `,"seq":${JSON.stringify(e.seq)}` +
    `,"type":${JSON.stringify(e.type)}}`
  );
}

/** SHA-256 (hex) of an event's hash body (see eventHashBody). */
export function hashEventBody(body: string): string {
  return createHash('sha256').update(body).digest('hex');
}

/** SHA-256 (hex) of an event chained to its predecessor's hash. */
export function hashEvent(e: HashedEvent): string {
  return hashEventBody(eventHashBody(e, canonicalJson(e.data)));
}

export interface FieldChange {
  from: unknown;
  to: unknown;
}

/** The fields whose value differs between two snapshots, as { field: { from, to } }. */
export function diffFields<T extends object>(before: T, after: T, fields: readonly (keyof T & string)[]): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  for (const f of fields) {
    const a = before[f];
    const b = after[f];
    if (canonicalJson(a) !== canonicalJson(b)) changes[f] = { from: a ?? null, to: b ?? null };
  }
  return changes;
}
