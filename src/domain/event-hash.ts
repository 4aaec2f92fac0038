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
  /** The catalog version of the payload; version 1 (every event written before versions) is not in the hash body. */
  version?: number;
}

/** The hash of the (virtual) event before the first one of an organization. */
export const GENESIS_HASH = '0'.repeat(64);

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * JSON with object keys sorted at every level, so that a value read back from jsonb (which
 * reorders keys) hashes the same as when it was written. The text is valid JSON, so a writer may
 * store it as the jsonb value it hashed.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  // Writers that build their objects with sorted keys get the native serializer: same text.
  if (typeof value === 'object' && isSortedPlain(value)) return JSON.stringify(value);
  return walk(value);
}

/**
 * Whether JSON.stringify writes exactly the canonical text of a value: every object a plain one
 * (no toJSON of its own, Dates excepted, which both write as ISO text) with its keys already in
 * sorted order, and no values JSON.stringify would write otherwise (functions, symbols, bigints).
 */
function isSortedPlain(value: unknown): boolean {
  if (value === null) return true;
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'undefined':
      return true;
    case 'object':
      break;
    case 'bigint':
    case 'function':
    case 'symbol':
      return false;
  }
  if (Array.isArray(value)) {
    for (const v of value) if (!isSortedPlain(v)) return false;
    return true;
  }
  if (value instanceof Date) return !Number.isNaN(value.getTime());
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  const obj = value as Record<string, unknown>;
  if ('toJSON' in obj) return false;
  let prev: string | null = null;
  for (const k in obj) {
    if (prev !== null && !(prev < k)) return false;
    prev = k;
    if (!isSortedPlain(obj[k])) return false;
  }
  return true;
}

function walk(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value !== 'object') return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i > 0 ? ',' : '') + canonicalJson(value[i]);
    return `${out}]`;
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).sort(byCodeUnit);
  let out = '{';
  let first = true;
  for (const k of keys) {
    const v = obj[k];
    if (v === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(k)}:${canonicalJson(v)}`;
    first = false;
  }
  return `${out}}`;
}

const isoJson = (d: Date | null): string => (d ? `"${d.toISOString()}"` : 'null');
// canonicalJson leaves out undefined fields; so does the body.
const field = (key: string, v: unknown): string => (v === undefined ? '' : `,"${key}":${canonicalJson(v)}`);

/**
 * The text an event's hash is taken of: the canonical JSON of its hashed fields, with the
 * canonical JSON of its data given (so a bulk writer that also stores that text computes it
 * once). Keys in sorted order, as canonicalJson would put them.
 */
export function eventHashBody(e: Omit<HashedEvent, 'data'>, dataJson: string): string {
  return (
    `{${e.actorId === undefined ? '' : `"actorId":${canonicalJson(e.actorId)},`}"businessTime":${isoJson(e.businessTime ?? null)},"data":${dataJson}` +
    `,"entityId":${JSON.stringify(e.entityId)},"entityType":${JSON.stringify(e.entityType)}${field('imported', e.imported)}` +
    `,"occurredAt":${isoJson(e.occurredAt)},"orgId":${JSON.stringify(e.orgId)},"prevHash":${JSON.stringify(e.prevHash ?? GENESIS_HASH)}` +
    `${field('seq', e.seq)},"type":${JSON.stringify(e.type)}${e.version === undefined || e.version === 1 ? '' : `,"version":${e.version}`}}`
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

/** As `hashEvent`, for a writer that has the event's data as canonical JSON already (the text it stores). */
export function hashEventWithData(e: Omit<HashedEvent, 'data'>, dataJson: string): string {
  return hashEventBody(eventHashBody(e, dataJson));
}

/** Where an organization's chain ends: the last sequence number and its hash. */
export interface ChainHead {
  lastSeq: number;
  lastHash: string;
}

/** The chain of an organization before its first event. */
export const EMPTY_CHAIN: ChainHead = { lastSeq: 0, lastHash: GENESIS_HASH };

/** What sealing gives an event: its sequence number, the hash it links to and its own hash. */
export interface EventSeal {
  seq: number;
  prevHash: string;
  hash: string;
}

/**
 * Seals the next event of a chain: every path that chains events (the sealer after commit, bulk
 * writers sealing in their own transaction, verification recomputing) goes through here, so the
 * hash is taken of the same fields in the same way. `dataJson` is the canonical JSON of the
 * event's data (the text a bulk writer also stores). Returns the seal and the new head.
 */
export function sealNext(
  head: ChainHead,
  e: Omit<HashedEvent, 'data' | 'seq' | 'prevHash'>,
  dataJson: string,
): { seal: EventSeal; head: ChainHead } {
  const seq = head.lastSeq + 1;
  const hash = hashEventBody(eventHashBody({ ...e, seq, prevHash: head.lastHash }, dataJson));
  return { seal: { seq, prevHash: head.lastHash, hash }, head: { lastSeq: seq, lastHash: hash } };
}

export interface FieldChange {
  from: unknown;
  to: unknown;
}

/** The fields whose value differs between two snapshots, as { field: { from, to } }. */
export function diffFields<T extends object>(
  before: T,
  after: T,
  fields: readonly (keyof T & string)[],
): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  for (const f of fields) {
    const a = before[f];
    const b = after[f];
    if (canonicalJson(a) !== canonicalJson(b)) changes[f] = { from: a ?? null, to: b ?? null };
  }
  return changes;
}
