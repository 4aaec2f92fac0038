import { z } from 'zod';
import { canonicalJson, GENESIS_HASH, sealNext, type ChainHead } from './event-hash.ts';

/**
 * The audit bundle: a period's events with the proof that they are an unbroken piece of the
 * organization's hash chain, checked offline (no database). JSON Lines: a header (the period and
 * the anchor, i.e. the sequence number and hash of the last event before the period), one line per
 * event with every field its hash covers, and a trailer (the last sequence number and hash, and the
 * number of events). A verifier recomputes each hash from the anchor; an edited byte in any event
 * breaks the hash of that event, a removed event breaks the sequence, a cut end the trailer.
 */
export const AUDIT_BUNDLE_FORMAT = 'pipewright-audit-bundle';
export const AUDIT_BUNDLE_FORMAT_VERSION = 1;

const hashSchema = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hash in hex');
const seqSchema = z.number().int().min(0);

export const bundleHeaderSchema = z.strictObject({
  kind: z.literal('header'),
  format: z.literal(AUDIT_BUNDLE_FORMAT),
  formatVersion: z.literal(AUDIT_BUNDLE_FORMAT_VERSION),
  orgId: z.string(),
  /** The period, system time: from inclusive, to exclusive. */
  from: z.string(),
  to: z.string(),
  exportedAt: z.string(),
  /** The last event before the period (sequence 0 and the genesis hash when the period starts the log). */
  anchor: z.strictObject({ seq: seqSchema, hash: hashSchema }),
});
export type BundleHeader = z.infer<typeof bundleHeaderSchema>;

export const bundleEventSchema = z.strictObject({
  kind: z.literal('event'),
  id: z.number().int(),
  seq: z.number().int().min(1),
  occurredAt: z.string(),
  businessTime: z.string().nullable(),
  imported: z.boolean(),
  actorId: z.string().nullable(),
  entityType: z.string(),
  entityId: z.string(),
  type: z.string(),
  version: z.number().int().min(1),
  data: z.unknown(),
  prevHash: hashSchema,
  hash: hashSchema,
});
export type BundleEvent = z.infer<typeof bundleEventSchema>;

export const bundleTrailerSchema = z.strictObject({
  kind: z.literal('end'),
  count: z.number().int().min(0),
  lastSeq: seqSchema,
  lastHash: hashSchema,
});
export type BundleTrailer = z.infer<typeof bundleTrailerSchema>;

/** An event as the bundle writer reads it from the log. */
export interface BundleSourceEvent {
  id: number;
  seq: number;
  occurredAt: Date;
  businessTime: Date | null;
  imported: boolean;
  actorId: string | null;
  entityType: string;
  entityId: string;
  type: string;
  version: number;
  data: unknown;
  prevHash: string;
  hash: string;
}

/** The header line (with its newline). */
export function bundleHeaderLine(h: Omit<BundleHeader, 'kind' | 'format' | 'formatVersion'>): string {
  const header: BundleHeader = {
    kind: 'header',
    format: AUDIT_BUNDLE_FORMAT,
    formatVersion: AUDIT_BUNDLE_FORMAT_VERSION,
    ...h,
  };
  return `${JSON.stringify(header)}\n`;
}

/** One event line (with its newline); the data is written in canonical JSON, the text its hash was taken of. */
export function bundleEventLine(e: BundleSourceEvent): string {
  const line: BundleEvent = {
    kind: 'event',
    id: e.id,
    seq: e.seq,
    occurredAt: e.occurredAt.toISOString(),
    businessTime: e.businessTime ? e.businessTime.toISOString() : null,
    imported: e.imported,
    actorId: e.actorId,
    entityType: e.entityType,
    entityId: e.entityId,
    type: e.type,
    version: e.version,
    data: e.data,
    prevHash: e.prevHash,
    hash: e.hash,
  };
  const { data: _data, ...rest } = line;
  // The data last and canonical: what was hashed is what is written.
  return `${JSON.stringify(rest).slice(0, -1)},"data":${canonicalJson(e.data)}}\n`;
}

/** The trailer line (with its newline). */
export function bundleTrailerLine(t: Omit<BundleTrailer, 'kind'>): string {
  return `${JSON.stringify({ kind: 'end', ...t } satisfies BundleTrailer)}\n`;
}

export interface BundleBreak {
  /** The line of the bundle (1 is the header). */
  line: number;
  /** The event's sequence number and id when the break is in an event. */
  seq: number | null;
  eventId: number | null;
  reason: string;
}

export interface BundleReport {
  ok: boolean;
  orgId: string | null;
  from: string | null;
  to: string | null;
  anchor: ChainHead | null;
  /** Events whose hash was recomputed and found right. */
  checked: number;
  lastSeq: number | null;
  firstBreak: BundleBreak | null;
}

function parseLine<T>(
  schema: z.ZodType<T>,
  text: string,
): { ok: true; value: T } | { ok: false; problem: string; raw: unknown } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'is not valid JSON', raw: null };
  }
  const r = schema.safeParse(raw);
  if (r.success) return { ok: true, value: r.data };
  const issue = r.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')} ` : '';
  return { ok: false, problem: `${where}${issue?.message ?? 'is not valid'}`, raw };
}

function eventRef(raw: unknown): { seq: number | null; eventId: number | null } {
  if (typeof raw !== 'object' || raw === null) return { seq: null, eventId: null };
  const r = raw as { seq?: unknown; id?: unknown };
  return {
    seq: typeof r.seq === 'number' ? r.seq : null,
    eventId: typeof r.id === 'number' ? r.id : null,
  };
}

/**
 * Checks a bundle line by line without a database: the header, every event's link to the one
 * before (from the anchor) and its hash recomputed from its content, the sequence without gaps, and
 * the trailer against the last event. Reports the first break, naming the event.
 */
export async function verifyBundle(lines: AsyncIterable<string> | Iterable<string>): Promise<BundleReport> {
  const report: BundleReport = {
    ok: false,
    orgId: null,
    from: null,
    to: null,
    anchor: null,
    checked: 0,
    lastSeq: null,
    firstBreak: null,
  };
  const fail = (b: BundleBreak): BundleReport => ({ ...report, ok: false, firstBreak: b });
  let lineNo = 0;
  let head: ChainHead | null = null;
  let ended = false;
  for await (const text of lines) {
    lineNo += 1;
    if (text.trim() === '') continue;
    if (ended) return fail({ line: lineNo, seq: null, eventId: null, reason: 'text after the end line' });
    if (head === null) {
      const h = parseLine(bundleHeaderSchema, text);
      if (!h.ok) return fail({ line: lineNo, seq: null, eventId: null, reason: `the header ${h.problem}` });
      head = { lastSeq: h.value.anchor.seq, lastHash: h.value.anchor.hash };
      if (head.lastSeq === 0 && head.lastHash !== GENESIS_HASH)
        return fail({
          line: lineNo,
          seq: null,
          eventId: null,
          reason: 'an anchor at sequence 0 must be the genesis hash',
        });
      report.orgId = h.value.orgId;
      report.from = h.value.from;
      report.to = h.value.to;
      report.anchor = head;
      report.lastSeq = head.lastSeq;
      continue;
    }
    const kind = (() => {
      try {
        return (JSON.parse(text) as { kind?: unknown }).kind;
      } catch {
        return null;
      }
    })();
    if (kind === 'end') {
      const t = parseLine(bundleTrailerSchema, text);
      if (!t.ok) return fail({ line: lineNo, seq: null, eventId: null, reason: `the end line ${t.problem}` });
      if (t.value.count !== report.checked || t.value.lastSeq !== head.lastSeq || t.value.lastHash !== head.lastHash)
        return fail({
          line: lineNo,
          seq: null,
          eventId: null,
          reason: `the end line names ${t.value.count} events up to event ${t.value.lastSeq}, but the bundle holds ${report.checked} up to event ${head.lastSeq}: events were removed or the end was changed`,
        });
      ended = true;
      continue;
    }
    const parsed = parseLine(bundleEventSchema, text);
    if (!parsed.ok) {
      const ref = eventRef(parsed.raw);
      const name = ref.seq === null ? 'an event line' : `event ${ref.seq}`;
      return fail({ line: lineNo, ...ref, reason: `${name} ${parsed.problem}` });
    }
    const e = parsed.value;
    const at = { line: lineNo, seq: e.seq, eventId: e.id };
    if (e.seq !== head.lastSeq + 1)
      return fail({ ...at, reason: `event ${head.lastSeq + 1} is missing (the next present is ${e.seq})` });
    if (e.prevHash !== head.lastHash)
      return fail({ ...at, reason: `event ${e.seq} (id ${e.id}) does not link to the hash of event ${e.seq - 1}` });
    const occurredAt = new Date(e.occurredAt);
    const businessTime = e.businessTime === null ? null : new Date(e.businessTime);
    if (Number.isNaN(occurredAt.getTime()) || (businessTime && Number.isNaN(businessTime.getTime())))
      return fail({ ...at, reason: `event ${e.seq} (id ${e.id}) has an unreadable time` });
    const next = sealNext(
      head,
      {
        orgId: report.orgId ?? '',
        occurredAt,
        businessTime,
        imported: e.imported,
        actorId: e.actorId,
        entityType: e.entityType,
        entityId: e.entityId,
        type: e.type,
        version: e.version,
      },
      canonicalJson(e.data),
    );
    if (next.seal.hash !== e.hash)
      return fail({
        ...at,
        reason: `event ${e.seq} (id ${e.id}, ${e.type}) was altered: its content no longer matches its hash`,
      });
    head = next.head;
    report.checked += 1;
    report.lastSeq = head.lastSeq;
  }
  if (head === null) return fail({ line: lineNo, seq: null, eventId: null, reason: 'the bundle is empty' });
  if (!ended)
    return fail({
      line: lineNo,
      seq: null,
      eventId: null,
      reason: 'the end line is missing: the bundle was cut short',
    });
  return { ...report, ok: true };
}
