import type { Database, DbExecutor } from '../db/database.ts';
import type { Clock, IdGenerator } from '../domain/deps.ts';
import type { ChainSealer } from './events/chain.ts';
import { createEventLog, type EventLog } from './events/event-log.ts';
import type { WebhookSettings, WebhookTransport } from './webhooks/webhook-transport.ts';
import type { JobQueue } from './jobs/queue.ts';
import type { BusyFeedSettings } from './booking/busy-feed-fetch.ts';

/** Everything a service needs from outside the process; built once by the composition root. */
export interface Deps {
  database: Database;
  db: DbExecutor;
  /** Where analytics, exports and reports read: a streaming replica when configured, else `database`. */
  readDatabase: Database;
  /**
   * Where background work (sealing the chain, jobs, webhook delivery) reads and writes: on
   * PostgreSQL a pool of its own, so it never queues behind the requests for a connection; on the
   * embedded engine, `database`.
   */
  backgroundDatabase: Database;
  clock: Clock;
  ids: IdGenerator;
  sealer: ChainSealer;
  /** Appends events (checked against the catalog, versioned, sealed through one function). */
  eventLog: EventLog;
  /** The durable job queue (background work: imports, deliveries). */
  jobs: JobQueue;
  /** HMAC key for stored session and API token hashes. */
  tokenSecret: string;
  sessionTtlMs: number;
  webhooks: WebhookSettings;
  /** Sends webhook requests (HTTP with kept-alive connections and the address checks). */
  webhookTransport: WebhookTransport;
  /** How reps' busy-time feeds are fetched (address checks, time and size limits). */
  busyFeeds: BusyFeedSettings;
}

/**
 * Runs a write use case in one transaction (business rows and their events commit together), then
 * asks the sealer to chain the new events.
 */
export async function write<T>(deps: Deps, orgId: string, fn: (trx: DbExecutor) => Promise<T>): Promise<T> {
  const result = await deps.db.transaction().execute(fn);
  deps.sealer.schedule(orgId);
  return result;
}

/**
 * The dependencies for a read-only use case that may see data a little behind (analytics, exports,
 * reports): reading from the replica when one is configured.
 */
export function reading(deps: Deps): Deps {
  return deps.readDatabase === deps.database
    ? deps
    : { ...deps, database: deps.readDatabase, db: deps.readDatabase.db };
}

/** The dependencies for background work (jobs, webhook delivery): on the background pool. */
export function inBackground(deps: Deps): Deps {
  return deps.backgroundDatabase === deps.database
    ? deps
    : { ...deps, database: deps.backgroundDatabase, db: deps.backgroundDatabase.db };
}

/**
 * The dependencies on another clock (seeders replaying history, tests): the event log appends at
 * that clock's time too, as it is bound to the clock it was built with.
 */
export function withClock(deps: Deps, clock: Clock): Deps {
  return { ...deps, clock, eventLog: createEventLog(clock) };
}
