import type { CopyValue } from '../../db/bulk-copy.ts';
import type { DbExecutor } from '../../db/database.ts';
import { canonicalJson, EMPTY_CHAIN, sealNext } from '../../domain/event-hash.ts';
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
      const businessTime = e.businessTime ?? null;
      const imported = e.imported ?? false;
      const version = catalogVersion(e);
      const data = canonicalJson(e.data);
      const prevHash = head.lastHash;
      const next = sealNext(
        head,
        {
          orgId,
          occurredAt: at,
          businessTime,
          imported,
          actorId: actor.userId,
          entityType: e.entityType,
          entityId: e.entityId,
          type: e.type,
          version,
        },
        data,
      );
      head = next.head;
      yield [
        orgId,
        ids[i],
        next.seal.seq,
        at,
        businessTime,
        imported,
        actor.userId,
        e.entityType,
        e.entityId,
        e.type,
        data,
        version,
        prevHash,
        next.seal.hash,
      ];
    }
  }
  await repo.copySealedEvents(trx, rows());
  await repo.setChainHead(trx, orgId, head, at);
}
