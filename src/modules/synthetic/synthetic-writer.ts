import { bulkCopy, type CopyValue } from '../../db/bulk-copy.ts';
import type { DbExecutor } from '../../db/database.ts';
import type { ChainHead } from '../../domain/event-hash.ts';
import {
  copySealedEvents,
  copyStageVisits,
  reserveEventIds,
  sealedEventRow,
  stageVisitRow,
} from '../events/events.service.ts';
import type { PendingEvent, Sink, TableName } from './synthetic-records.ts';

/** Parents before children, so every foreign key finds its row (leads point at their deal). */
const TABLE_ORDER: readonly TableName[] = [
  'accounts',
  'contacts',
  'deals',
  'deal_contacts',
  'deal_line_items',
  'leads',
  'activities',
  'raised_objections',
  'campaign_costs',
  'campaign_touches',
  'campaign_members',
  'lead_scores',
  'deal_registrations',
  'channel_conflicts',
  'partner_lead_offers',
  'agency_agreements',
  'deal_agents',
  'agent_disclosures',
  'dual_agency_consents',
  'dual_agency_detections',
  'bookings',
  'routing_decisions',
  'territory_assignments',
];
/** Every table the writer fills, for the foreign-key proof after the load. */
export const WRITTEN_TABLES: readonly string[] = [...TABLE_ORDER, 'events', 'deal_stage_visits'];
const ID_BLOCK = 10_000;
/**
 * Events waiting for their time are held in memory; past this many, the earliest are written
 * early so memory stays bounded whatever the number of deals (a deal's own events still come in
 * time order; only the interleaving of different records' events in seq order loosens).
 */
export const MAX_PENDING_EVENTS = 100_000;

type Entry = { t: number; o: number; e: PendingEvent };
const before = (a: Entry, b: Entry) => a.t < b.t || (a.t === b.t && a.o < b.o);

/** A binary min-heap of events by time, then by the order they were made. */
class EventHeap {
  private readonly a: Entry[] = [];
  private order = 0;
  get size(): number {
    return this.a.length;
  }
  push(e: PendingEvent): void {
    const a = this.a;
    let i = a.push({ t: e.t, o: this.order++, e }) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pi = a[parent] as Entry;
      const ci = a[i] as Entry;
      if (!before(ci, pi)) break;
      a[parent] = ci;
      a[i] = pi;
      i = parent;
    }
  }
  peekTime(): number {
    return this.a[0]?.t ?? Infinity;
  }
  pop(): PendingEvent | undefined {
    const a = this.a;
    const top = a[0];
    const last = a.pop();
    if (!top || !last) return undefined;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && before(a[l] as Entry, a[m] as Entry)) m = l;
        if (r < a.length && before(a[r] as Entry, a[m] as Entry)) m = r;
        if (m === i) break;
        const tmp = a[i] as Entry;
        a[i] = a[m] as Entry;
        a[m] = tmp;
        i = m;
      }
    }
    return top.e;
  }
}

/**
 * Collects the generated rows and events and writes them with COPY in batches. Events are written
 * in time order: each gets the next id from the events sequence, the next seq of the
 * organization's chain and its hash chained to the previous one (what the sealer would give it),
 * and a deal.created / deal.stage_changed event writes its deal_stage_visits row.
 */
export class SyntheticWriter implements Sink {
  private readonly rows = new Map<TableName, { columns: string[]; rows: CopyValue[][] }>();
  private events: CopyValue[][] = [];
  private visits: CopyValue[][] = [];
  private buffered = 0;
  private readonly heap = new EventHeap();
  private ids: number[] = [];
  private nextId = 0;
  private inFlight: Promise<void> | null = null;
  written = { events: 0, rows: 0 };

  constructor(
    private readonly trx: DbExecutor,
    private readonly orgId: string,
    private head: ChainHead,
    private readonly maxPending = MAX_PENDING_EVENTS,
  ) {}

  get chainHead(): ChainHead {
    return this.head;
  }

  get pendingRows(): number {
    return this.buffered;
  }

  row(table: TableName, row: object): void {
    const r = row as Record<string, unknown>;
    let t = this.rows.get(table);
    if (!t) {
      t = { columns: Object.keys(r), rows: [] };
      this.rows.set(table, t);
    }
    t.rows.push(t.columns.map((c) => r[c] as CopyValue));
    this.buffered += 1;
  }

  event(e: PendingEvent): void {
    this.heap.push(e);
  }

  /** Tops the pool of event ids up to `reserve`, from the sequence as the column default would draw (ids never collide with other writers'). */
  private async reserveIds(reserve: number): Promise<void> {
    const left = this.ids.length - this.nextId;
    if (left >= reserve) return;
    const drawn = await reserveEventIds(this.trx, reserve - left + ID_BLOCK);
    this.ids = [...this.ids.slice(this.nextId), ...drawn];
    this.nextId = 0;
  }

  private async takeId(): Promise<number> {
    if (this.nextId >= this.ids.length) {
      // The pool ran dry between flushes: the connection is free once the write in flight ends.
      await this.settle();
      await this.reserveIds(ID_BLOCK);
    }
    return this.ids[this.nextId++] as number;
  }

  /** Moves the events that happen before `t` (and any beyond the memory bound) into the log, in time order. */
  async release(t: number): Promise<void> {
    while (this.heap.peekTime() < t || this.heap.size > this.maxPending) {
      const e = this.heap.pop();
      if (!e) break;
      const id = this.nextId < this.ids.length ? (this.ids[this.nextId++] as number) : await this.takeId();
      const occurredAt = new Date(e.t);
      const sealed = sealedEventRow(this.orgId, this.head, id, { ...e, occurredAt, imported: false });
      this.events.push(sealed.row);
      this.head = sealed.head;
      this.buffered += 1;
      const v = e.visit;
      if (v) {
        this.visits.push(stageVisitRow(this.orgId, { ...v, enteredAt: occurredAt, eventId: id }));
        this.buffered += 1;
      }
    }
  }

  /**
   * Hands what is buffered to the database and returns without waiting for it, so the next batch
   * is generated while this one is copied (the connection carries one COPY at a time: the write
   * before is awaited first). `finish` waits for the last one. A failed write fails the next
   * flush or finish, and the transaction with it.
   */
  async flush(reserve = 0): Promise<void> {
    await this.settle();
    // Ids for the events of the next batch are drawn now, while the connection is free.
    if (reserve > 0) await this.reserveIds(reserve);
    const tables = TABLE_ORDER.flatMap((table) => {
      const t = this.rows.get(table);
      if (!t || t.rows.length === 0) return [];
      const batch = { table, columns: t.columns, rows: t.rows };
      t.rows = [];
      return [batch];
    });
    const events = this.events;
    const visits = this.visits;
    this.events = [];
    this.visits = [];
    this.buffered = 0;
    const write = async () => {
      for (const t of tables)
        this.written.rows += await bulkCopy(this.trx, { table: t.table, columns: t.columns }, t.rows);
      if (events.length) this.written.events += await copySealedEvents(this.trx, events);
      if (visits.length) this.written.rows += await copyStageVisits(this.trx, visits);
    };
    const inFlight = write();
    // Marked handled here; the failure is rethrown by settle().
    inFlight.catch(() => undefined);
    this.inFlight = inFlight;
  }

  /** Writes what is buffered and waits until everything handed over is in the database. */
  async finish(): Promise<void> {
    await this.flush();
    await this.settle();
  }

  private async settle(): Promise<void> {
    const inFlight = this.inFlight;
    this.inFlight = null;
    if (inFlight) await inFlight;
  }
}
