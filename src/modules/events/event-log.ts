import type { CopyValue } from '../../db/bulk-copy.ts';
import type { DbExecutor } from '../../db/database.ts';
import { canonicalJson, EMPTY_CHAIN, sealNext, type ChainHead } from '../../domain/event-hash.ts';
import type { Clock } from '../../domain/deps.ts';
import { currentEventVersion, eventProblems } from '../../contract/events/index.ts';
import * as repo from './events.repository.ts';

export interface EventInput {
  entityType: string;
  entityId: string;
  type: string;
  data: Record<string, unknown>;
  businessTime?: Date | null;
  imported?: boolean;
}

/**
 * The catalog version an event is stored with, once the catalog accepts it: a type it does not
 * know, a record kind the type is not about or a payload its schema refuses is a defect of the
 * writer, so it fails the transaction instead of entering the log.
 */
export function catalogVersion(e: Pick<EventInput, 'type' | 'entityType' | 'data'>): number {
  const problems = eventProblems(e);
  if (problems.length > 0)
    throw new Error(
      `event ${e.type} of ${e.entityType} refused by the catalog: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`,
    );
  return currentEventVersion(e.type);
}

/** Who appends: a user of the organization, or the system (`userId: null`). */
export interface EventActor {
  orgId: string;
  userId: string | null;
}

/**
 * The one way events enter the log (a port in the deps). Every path checks each event against
 * the catalog and stores it with its type's current version; sealing goes through `sealNext`
 * whether the sealer chains the events after commit (`append`) or the writer seals them in its
 * own transaction (`appendSealed`).
 */
export interface EventLog {
  /** Appends events in the caller's transaction and returns their ids in order; the sealer chains them after commit. */
  append(trx: DbExecutor, actor: EventActor, events: readonly EventInput[]): Promise<number[]>;
  /** Ids for events a transaction will append with `appendSealed` (rows written before may point at them). */
  reserveIds(trx: DbExecutor, n: number): Promise<number[]>;
  /**
   * Appends many events sealed at once (imports): takes the organization's chain lock (held until
   * the transaction ends, so take it late), gives each event the next seq and its hash chained to
   * the previous one, as the sealer would after commit, and moves the chain head. Each event's data
   * is serialized once, as canonical JSON, for its hash and for the jsonb column. `ids` come from
   * `reserveIds`, one per event, ascending.
   */
  appendSealed(
    trx: DbExecutor,
    actor: EventActor,
    events: readonly EventInput[],
    ids: readonly number[],
  ): Promise<void>;
}

/** The event log of the composition root, on its clock. */
export function createEventLog(clock: Clock): EventLog {
  return {
    append: (trx, actor, events) => append(trx, clock, actor, events),
    reserveIds: (trx, n) => repo.nextEventIds(trx, n),
    appendSealed: (trx, actor, events, ids) => appendSealed(trx, clock, actor, events, ids),
  };
}

async function append(
  trx: DbExecutor,
  clock: Clock,
  actor: EventActor,
  events: readonly EventInput[],
): Promise<number[]> {
  const at = clock.now();
  return repo.insertEvents(
    trx,
    events.map((e) => ({
      ...e,
      version: catalogVersion(e),
      orgId: actor.orgId,
      actorId: actor.userId,
      occurredAt: at,
    })),
  );
}

async function appendSealed(
  trx: DbExecutor,
  clock: Clock,
  actor: EventActor,
  events: readonly EventInput[],
  ids: readonly number[],
): Promise<void> {
  if (events.length === 0) return;
  if (ids.length !== events.length) throw new Error(`appendSealed: ${ids.length} ids for ${events.length} events`);
  const at = clock.now();
  const orgId = actor.orgId;
  await repo.lockChain(trx, orgId);
  let head = (await repo.getChainHead(trx, orgId)) ?? EMPTY_CHAIN;
  function* rows(): Generator<CopyValue[]> {
    for (let i = 0; i < events.length; i++) {
      const e = events[i] as EventInput;
      const sealed = sealedEventRow(orgId, head, ids[i] as number, { ...e, occurredAt: at, actorId: actor.userId });
      head = sealed.head;
      yield sealed.row;
    }
  }
  await repo.copySealedEvents(trx, rows());
  await repo.setChainHead(trx, orgId, head, at);
}

/** An event of a bulk writer whose events happened at different times, by different actors (the generator). */
export interface TimedEventInput extends EventInput {
  occurredAt: Date;
  actorId: string | null;
}

/**
 * Seals one event of a bulk path onto the chain after `head`: checks it against the catalog,
 * serializes its data once as canonical JSON (hashed and stored as the jsonb value), and returns
 * its row for `copySealedEvents` with the new head. Every bulk path (import, generator) builds
 * its sealed rows here, so the hash is taken the same way as the sealer takes it after commit.
 */
export function sealedEventRow(
  orgId: string,
  head: ChainHead,
  id: number,
  e: TimedEventInput,
): { row: CopyValue[]; head: ChainHead } {
  const businessTime = e.businessTime ?? null;
  const imported = e.imported ?? false;
  const version = catalogVersion(e);
  const data = canonicalJson(e.data);
  const next = sealNext(
    head,
    {
      orgId,
      occurredAt: e.occurredAt,
      businessTime,
      imported,
      actorId: e.actorId,
      entityType: e.entityType,
      entityId: e.entityId,
      type: e.type,
      version,
    },
    data,
  );
  return {
    row: [
      orgId,
      id,
      next.seal.seq,
      e.occurredAt,
      businessTime,
      imported,
      e.actorId,
      e.entityType,
      e.entityId,
      e.type,
      data,
      version,
      next.seal.prevHash,
      next.seal.hash,
    ],
    head: next.head,
  };
}

/** Writes rows built by `sealedEventRow` (in chain order) with COPY. */
export async function copySealedEvents(trx: DbExecutor, rows: Iterable<readonly CopyValue[]>): Promise<number> {
  return repo.copySealedEvents(trx, rows);
}

/** A deal's visit to a stage, started by its deal.created / deal.stage_changed event (`eventId`). */
export interface StageVisitInput {
  dealId: string;
  visitNo: number;
  pipelineId: string;
  stageId: string;
  /** Business time of the entry (the time of the event that starts the visit). */
  enteredAt: Date;
  /** When the next visit started; null for the deal's current visit. */
  leftAt: Date | null;
  eventId: number;
  /** Nobody saw the deal reach this stage (the event's `pathUnknown`). */
  entryUnknown?: boolean;
}

/** The columns `stageVisitRow` fills, in order (the import's foreign-key proof names them). */
export const STAGE_VISIT_COLUMNS: readonly string[] = repo.STAGE_VISIT_COLUMNS;

/** The stage-visit projection row of one visit, for `copyStageVisits`: every bulk path builds its rows here. */
export function stageVisitRow(orgId: string, v: StageVisitInput): CopyValue[] {
  return [
    orgId,
    v.dealId,
    v.visitNo,
    v.pipelineId,
    v.stageId,
    v.enteredAt,
    v.leftAt,
    v.eventId,
    v.entryUnknown ?? false,
  ];
}

/**
 * Writes the stage-visit projection of bulk-written events (rows from `stageVisitRow`); the deal
 * traces follow from the visits' statement triggers, once per COPY statement.
 */
export async function copyStageVisits(trx: DbExecutor, rows: Iterable<readonly CopyValue[]>): Promise<number> {
  return repo.copyStageVisits(trx, rows);
}
