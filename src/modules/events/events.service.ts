import { z } from 'zod';
import type { DbExecutor } from '../../db/database.ts';
import { EMPTY_CHAIN } from '../../domain/event-hash.ts';
import type { Actor } from '../../contract/access.ts';
import { canReadAudit } from '../../contract/access.ts';
import type { AuditEventDto, ListAuditEventsQuery } from '../../contract/audit.ts';
import { forbidden } from '../../contract/errors.ts';
import type { EventTypeFilter } from '../../contract/webhooks.ts';
import { upcastEvent } from '../../contract/events/index.ts';
import type { Deps } from '../context.ts';
import { verifyChain, type VerifyReport } from './chain.ts';
import * as repo from './events.repository.ts';

export { catalogVersion, type EventActor, type EventInput } from './event-log.ts';

/** Ids from the events sequence for a bulk writer that seals its own events (the generator). */
export async function reserveEventIds(trx: DbExecutor, n: number): Promise<number[]> {
  return repo.nextEventIds(trx, n);
}

export const timelineEntrySchema = z.object({
  id: z.number().int(),
  seq: z.number().int().nullable(),
  type: z.string(),
  /** The record the event is about: the timeline's own record, or one merged into it. */
  entityId: z.string(),
  occurredAt: z.string(),
  businessTime: z.string().nullable(),
  imported: z.boolean(),
  actor: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
  /** The version of the payload in `data`: the current version of the type (older payloads are upcast). */
  version: z.number().int(),
  data: z.record(z.string(), z.unknown()),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

/** An event as the timeline and the audit view show it: times as ISO text, the payload upcast to its type's current version. */
function toEntry(r: repo.EventRow): TimelineEntry {
  return {
    id: r.id,
    seq: r.seq,
    type: r.type,
    entityId: r.entityId,
    occurredAt: r.occurredAt.toISOString(),
    businessTime: r.businessTime ? r.businessTime.toISOString() : null,
    imported: r.imported,
    actor: r.actorId ? { id: r.actorId, name: r.actorName } : null,
    ...upcastEvent(r.type, r.version, r.data),
  };
}

export async function timeline(
  deps: Deps,
  actor: Actor,
  entityType: string,
  entityId: string,
  opts: { limit: number; before?: number | undefined },
): Promise<{ items: TimelineEntry[]; nextCursor: string | null }> {
  const merged = await repo.mergedInto(deps.db, actor.orgId, entityType, entityId);
  const rows = await repo.listEntityEvents(deps.db, actor.orgId, entityType, [entityId, ...merged], {
    limit: opts.limit + 1,
    beforeId: opts.before,
  });
  const page = rows.slice(0, opts.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toEntry),
    nextCursor: rows.length > opts.limit && last ? String(last.id) : null,
  };
}

export async function verifyAudit(deps: Deps, actor: Actor): Promise<VerifyReport> {
  if (!canReadAudit(actor)) throw forbidden('Only admins and auditors can verify the audit trail');
  await deps.sealer.flush(actor.orgId);
  return verifyChain(deps.db, actor.orgId);
}

export type SelectedEvent = repo.SelectedEventRow;

/** The last sequence number sealed in an organization's log (0 before the first event). */
export async function sealedThrough(db: DbExecutor, orgId: string): Promise<number> {
  return (await repo.getChainHead(db, orgId))?.lastSeq ?? 0;
}

/**
 * Reads the sealed log in sequence order: the last sealed sequence number (`head`) and the events
 * after `afterSeq` up to it that the type filter selects, each with the previous event of its
 * entity among the selected ones.
 */
export function readSelectedEvents(
  db: DbExecutor,
  orgId: string,
  opts: { afterSeq: number; filter: EventTypeFilter; limit: number },
): Promise<{ head: number; events: SelectedEvent[] }> {
  return repo.selectedEventsAfter(db, orgId, opts);
}

/** The sequence number before the first event written at or after `from` (the whole log: 0). */
export async function seqBefore(db: DbExecutor, orgId: string, from: Date): Promise<number> {
  const first = await repo.firstSeqFrom(db, orgId, from);
  return first === null ? await sealedThrough(db, orgId) : first - 1;
}

/**
 * For a bulk writer that seals its own events (the generator): takes the organization's chain lock,
 * held until the transaction ends, and returns the chain's head to continue from.
 */
export async function lockChainHead(trx: DbExecutor, orgId: string): Promise<repo.ChainHead> {
  await repo.lockChain(trx, orgId);
  return (await repo.getChainHead(trx, orgId)) ?? EMPTY_CHAIN;
}

/** Moves the organization's chain head after a bulk writer sealed events under `lockChainHead`. */
export async function moveChainHead(trx: DbExecutor, orgId: string, head: repo.ChainHead, at: Date): Promise<void> {
  await repo.setChainHead(trx, orgId, head, at);
}

/** The audit view: the organization's event log, newest first, with its filters (admins and auditors). */
export async function listAuditEvents(
  deps: Deps,
  actor: Actor,
  q: ListAuditEventsQuery,
): Promise<{ items: AuditEventDto[]; nextCursor: string | null }> {
  if (!canReadAudit(actor)) throw forbidden('Only admins and auditors can read the audit log');
  const rows = await repo.listAuditEvents(deps.db, actor.orgId, {
    entityType: q.entityType,
    entityId: q.entityId,
    actorId: q.actorId,
    type: q.type,
    from: q.from ? new Date(q.from) : undefined,
    to: q.to ? new Date(q.to) : undefined,
    beforeId: q.cursor ? Number(q.cursor) : undefined,
    limit: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({ ...toEntry(r), entityType: r.entityType })),
    nextCursor: rows.length > q.limit && last ? String(last.id) : null,
  };
}
