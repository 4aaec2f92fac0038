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
 * reorders keys) hashes the same as when it was written.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** SHA-256 (hex) of an event chained to its predecessor's hash. */
export function hashEvent(e: HashedEvent): string {
  const body = canonicalJson({
    orgId: e.orgId,
    seq: e.seq,
    occurredAt: e.occurredAt.toISOString(),
    businessTime: e.businessTime ? e.businessTime.toISOString() : null,
    imported: e.imported,
    actorId: e.actorId,
    entityType: e.entityType,
    entityId: e.entityId,
    type: e.type,
    data: e.data,
    prevHash: e.prevHash ?? GENESIS_HASH,
  });
  return createHash('sha256').update(body).digest('hex');
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
