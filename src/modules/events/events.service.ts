import type { DbExecutor } from '../../db/database.ts';
import { EMPTY_CHAIN } from '../../domain/event-hash.ts';
import type { Actor } from '../../contract/access.ts';
import {
  canReadAudit,
  canReadDealAgents,
  canReadRoutingNames,
  canReadReference,
  inScope,
  relatedDealScope,
  scopeFor,
} from '../../contract/access.ts';
import {
  auditEventSchema,
  type AuditEventDto,
  type EventReferences,
  type ListAuditEventsQuery,
} from '../../contract/audit.ts';
import { forbidden } from '../../contract/errors.ts';
import type { EventTypeFilter } from '../../contract/webhooks.ts';
import { upcastEvent } from '../../contract/events/index.ts';
import type { Deps } from '../context.ts';
import { verifyChain, type VerifyReport } from './chain.ts';
import * as repo from './events.repository.ts';

export {
  catalogVersion,
  copySealedEvents,
  copyStageVisits,
  sealedEventRow,
  STAGE_VISIT_COLUMNS,
  stageVisitRow,
  type EventActor,
  type EventInput,
  type StageVisitInput,
  type TimedEventInput,
} from './event-log.ts';

/** Ids from the events sequence for a bulk writer that seals its own events (the generator). */
export async function reserveEventIds(trx: DbExecutor, n: number): Promise<number[]> {
  return repo.nextEventIds(trx, n);
}

/** One event of a timeline or of the audit view (the same shape and mapping for both). */
export const timelineEntrySchema = auditEventSchema;
export type TimelineEntry = AuditEventDto;

/** A page of events with the names of the records they refer to, resolved once for the page. */
export interface EventPage {
  items: TimelineEntry[];
  nextCursor: string | null;
  references: EventReferences;
}

/** An event as the timeline and the audit view show it: times as ISO text, the payload upcast to its type's current version. */
function toEntry(r: repo.EventRow): TimelineEntry {
  return {
    id: r.id,
    seq: r.seq,
    type: r.type,
    entityType: r.entityType,
    entityId: r.entityId,
    occurredAt: r.occurredAt.toISOString(),
    businessTime: r.businessTime ? r.businessTime.toISOString() : null,
    imported: r.imported,
    actor: r.actorId ? { id: r.actorId, name: r.actorName } : null,
    ...upcastEvent(r.type, r.version, r.data),
  };
}

/**
 * A record's timeline, newest first: its events, those of records merged into it and those of the
 * activities on it and its related records (calls and meetings of the lead a deal came from, of an
 * account's contacts and deals). The caller has checked that the actor may read the record; its
 * history comes with it, as the record page shows it.
 */
export async function timeline(
  deps: Deps,
  actor: Actor,
  entityType: string,
  entityId: string,
  opts: { limit: number; before?: number | undefined },
): Promise<EventPage> {
  const merged = await repo.mergedInto(deps.db, actor.orgId, entityType, entityId);
  const rows = await repo.listTimelineEvents(deps.db, actor.orgId, entityType, [entityId, ...merged], {
    limit: opts.limit + 1,
    beforeId: opts.before,
  });
  const page = rows.slice(0, opts.limit);
  const last = page[page.length - 1];
  const items = page.map(toEntry);
  return {
    items,
    nextCursor: rows.length > opts.limit && last ? String(last.id) : null,
    references: await referencesOf(deps, actor, items, entityType),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every id-shaped string in a payload (ids sit at most a few levels deep: changes, snapshots, line items). */
function collectIds(v: unknown, into: Set<string>, depth = 0): void {
  if (depth > 5) return;
  if (typeof v === 'string') {
    if (UUID.test(v)) into.add(v.toLowerCase());
  } else if (Array.isArray(v)) {
    for (const x of v) collectIds(x, into, depth + 1);
  } else if (typeof v === 'object' && v !== null) {
    for (const x of Object.values(v)) collectIds(x, into, depth + 1);
  }
}

/**
 * The names of the records a page of events refers to, as far as the actor may see them: a
 * business record by its own read scope (the account and contacts named on a deal's timeline also
 * through the deal, as the deal page shows them), reference data by the reference rules.
 */
async function referencesOf(
  deps: Deps,
  actor: Actor,
  items: readonly TimelineEntry[],
  timelineOf?: string,
): Promise<EventReferences> {
  const ids = new Set<string>();
  for (const e of items) {
    collectIds(e.data, ids);
    if (e.entityType !== timelineOf) ids.add(e.entityId.toLowerCase());
  }
  const out: EventReferences = {};
  for (const r of await repo.referencedRecords(deps.db, actor.orgId, [...ids])) {
    const visible =
      r.kind === 'account' || r.kind === 'contact' || r.kind === 'lead' || r.kind === 'deal' || r.kind === 'activity'
        ? inScope(scopeFor(actor, r.kind, 'read'), r) ||
          (timelineOf === 'deal' && relatedDealScope(actor, r.kind) !== null) ||
          // The activities on a record's timeline come with the record.
          (timelineOf !== undefined && r.kind === 'activity')
        : r.kind === 'agent_party' || r.kind === 'agency_agreement'
          ? canReadDealAgents(actor)
          : r.kind === 'territory' || r.kind === 'routing_pool'
            ? canReadRoutingNames(actor)
            : canReadReference(actor, r.kind === 'stage' ? 'pipeline' : r.kind === 'touch' ? 'campaign' : r.kind);
    if (visible) out[r.id] = { kind: r.kind, name: r.name };
  }
  return out;
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
export async function listAuditEvents(deps: Deps, actor: Actor, q: ListAuditEventsQuery): Promise<EventPage> {
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
  const items = page.map(toEntry);
  return {
    items,
    nextCursor: rows.length > q.limit && last ? String(last.id) : null,
    references: await referencesOf(deps, actor, items),
  };
}
