import type { Database, DbExecutor } from '../../db/database.ts';
import { canonicalJson, EMPTY_CHAIN, GENESIS_HASH, sealNext } from '../../domain/event-hash.ts';
import type { Clock } from '../../domain/deps.ts';
import * as repo from './events.repository.ts';

const SEAL_BATCH = 2000;
const VERIFY_PAGE = 5000;

/**
 * Seals the event chain: gives committed, unsealed events of an organization the next sequence
 * numbers and SHA-256 hashes chained to the previous event, under a short per-organization lock.
 * Business transactions only append rows, so concurrent writers never wait on the chain.
 */
export async function sealOrg(db: DbExecutor, orgId: string, clock: Clock): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await db.transaction().execute(async (trx) => {
      await repo.lockChain(trx, orgId);
      const pending = await repo.unsealedEvents(trx, orgId, SEAL_BATCH);
      if (pending.length === 0) return 0;
      let head = (await repo.getChainHead(trx, orgId)) ?? EMPTY_CHAIN;
      const seals = pending.map((e) => {
        const next = sealNext(head, { ...e, orgId }, canonicalJson(e.data));
        head = next.head;
        return { id: e.id, ...next.seal };
      });
      await repo.applySeals(trx, orgId, seals);
      await repo.setChainHead(trx, orgId, head, clock.now());
      return pending.length;
    });
    total += n;
    if (n < SEAL_BATCH) return total;
  }
}

/**
 * Seals in the background right after commits. Calls for the same organization coalesce, so a
 * burst of writes is sealed by a few short transactions. `flush()` waits until all is sealed.
 */
export class ChainSealer {
  private readonly dirty = new Set<string>();
  private running: Promise<void> | null = null;
  private readonly listeners = new Set<(orgId: string) => void>();

  /** `onError` hears of a seal that failed; the events stay unsealed and are retried. */
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly onError: (err: unknown, orgId: string) => void,
  ) {}

  /** Calls `listener` after events of an organization were sealed (webhook delivery wakes on it); returns an unsubscribe. */
  onSealed(listener: (orgId: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async seal(orgId: string): Promise<void> {
    const n = await sealOrg(this.database.db, orgId, this.clock);
    if (n > 0) for (const listener of this.listeners) listener(orgId);
  }

  schedule(orgId: string): void {
    this.dirty.add(orgId);
    this.running ??= this.drain();
  }

  private async drain(): Promise<void> {
    await new Promise<void>((r) => setImmediate(r));
    try {
      while (this.dirty.size > 0) {
        const orgs = [...this.dirty];
        this.dirty.clear();
        for (const org of orgs) {
          try {
            await this.seal(org);
          } catch (err) {
            // Left unsealed; the next schedule, flush or start-up sealing picks it up again.
            this.onError(err, org);
          }
        }
      }
    } finally {
      this.running = null;
    }
  }

  /** Waits until every scheduled organization is sealed; seals `orgId` now if given. */
  async flush(orgId?: string): Promise<void> {
    while (this.running) await this.running;
    if (orgId) await this.seal(orgId);
  }

  /** Seals anything left unsealed, e.g. by a process that stopped between commit and seal. */
  async sealAll(): Promise<void> {
    for (const org of await repo.orgsWithUnsealed(this.database.db)) await this.seal(org);
  }
}

export interface ChainBreak {
  seq: number;
  eventId: number | null;
  reason: string;
}

export interface VerifyReport {
  ok: boolean;
  checked: number;
  lastSeq: number;
  unsealed: number;
  firstBreak: ChainBreak | null;
}

/** Walks the chain of an organization in sequence order and reports the first break. */
export async function verifyChain(
  db: DbExecutor,
  orgId: string,
  onProgress?: (checked: number) => void,
): Promise<VerifyReport> {
  const head = await repo.getChainHead(db, orgId);
  const unsealed = await repo.countUnsealed(db, orgId);
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  const fail = (b: ChainBreak): VerifyReport => ({
    ok: false,
    checked,
    lastSeq: expectedSeq - 1,
    unsealed,
    firstBreak: b,
  });
  for (;;) {
    const page = await repo.sealedEventsPage(db, orgId, expectedSeq - 1, VERIFY_PAGE);
    if (page.length === 0) break;
    for (const e of page) {
      const seq = e.seq ?? 0;
      if (seq !== expectedSeq) {
        return fail({
          seq: expectedSeq,
          eventId: null,
          reason: `event ${expectedSeq} is missing (next present is ${seq})`,
        });
      }
      if (e.prevHash !== prevHash) {
        return fail({ seq, eventId: e.id, reason: `event ${seq} does not link to the hash of event ${seq - 1}` });
      }
      const recomputed = sealNext({ lastSeq: seq - 1, lastHash: prevHash }, { ...e, orgId }, canonicalJson(e.data));
      if (recomputed.seal.hash !== e.hash) {
        return fail({ seq, eventId: e.id, reason: `event ${seq} was altered: its content no longer matches its hash` });
      }
      prevHash = e.hash;
      expectedSeq += 1;
      checked += 1;
    }
    onProgress?.(checked);
  }
  const lastSeq = expectedSeq - 1;
  if (head && (head.lastSeq !== lastSeq || head.lastHash !== prevHash)) {
    return fail({
      seq: lastSeq + 1,
      eventId: null,
      reason: `the chain ends at event ${lastSeq} but was sealed up to event ${head.lastSeq}: events were removed`,
    });
  }
  if (!head && lastSeq > 0) {
    return fail({ seq: lastSeq, eventId: null, reason: 'the chain head record is missing' });
  }
  return { ok: true, checked, lastSeq, unsealed, firstBreak: null };
}
