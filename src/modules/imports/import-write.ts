import { camelKey } from '../../contract/events/casing.ts';
import type { Actor } from '../../contract/access.ts';
import { AppError } from '../../contract/errors.ts';
import { singular } from '../../contract/import-fields.ts';
import type { DbExecutor } from '../../db/database.ts';
import type { Deps } from '../context.ts';
import type { CopyValue } from '../../db/bulk-copy.ts';
import { copyStageVisits, STAGE_VISIT_COLUMNS, stageVisitRow, type EventInput } from '../events/events.service.ts';
import { changeEvents } from '../shared.ts';
import type { Decision, ImportRun } from './import-batch.ts';
import { tableOf, type ImportTable, type StageKey } from './import-lookups.repository.ts';
import type { PlannedRecord } from './import-records.ts';
import { deferForeignKeyChecks } from '../../db/foreign-keys.ts';
import { verifyReferences, type WrittenRows } from './import-foreign-keys.repository.ts';
import { copyRows, insertRows, updateRow } from './import-writes.repository.ts';

const DAY_MS = 86_400_000;

export class ImportBatchError extends Error {
  constructor(
    readonly firstLine: number,
    readonly lastLine: number,
    cause: unknown,
  ) {
    super(
      `lines ${firstLine}-${lastLine} were not imported (the whole batch was rolled back): ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
  }
}

interface Created {
  kind: 'account' | 'product';
  value: string;
  id: string;
  currency: string;
  listPrice: string;
  accountType?: string;
}

const withCreatedBy: ReadonlySet<ImportTable> = new Set(['accounts', 'contacts', 'leads', 'deals', 'activities']);

/** A stored column as an event records it: JSON lists as lists, times as ISO text. */
const snapValue = (k: string, v: unknown): unknown =>
  (k === 'emails' || k === 'phones') && typeof v === 'string'
    ? (JSON.parse(v) as unknown)
    : v instanceof Date
      ? v.toISOString()
      : v;

/**
 * The stored columns the snapshots of records with these columns hold, in the sorted order of
 * the names events give them (camelCase): event data built in that order is serialized for its
 * hash by the native JSON serializer (see canonicalJson), and the order is worked out once per
 * batch rather than per record.
 */
function snapshotKeys(
  columns: Record<string, unknown>,
  extra: readonly string[],
  without: readonly string[] = [],
): string[] {
  return [...new Set([...Object.keys(columns), 'external_id', ...extra])]
    .filter((k) => k !== 'password_hash' && !without.includes(k))
    .map((k) => [camelKey(k), k] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, k]) => k);
}

/** What an event records of an imported row: its stored columns (and `extra` values, by column), named in camelCase, in `order`. */
function snapshotIn(
  order: readonly string[],
  columns: Record<string, unknown>,
  externalId: string | null,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const snap: Record<string, unknown> = {};
  for (const k of order)
    snap[camelKey(k)] = k in extra ? extra[k] : k === 'external_id' ? externalId : snapValue(k, columns[k]);
  return snap;
}

function comparable(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** Fields a re-import does not change: a deal's stage history moves only through stage moves. */
const FIXED_ON_UPDATE = new Set(['pipeline_id', 'stage_id', 'status', 'closed_at', 'password_hash']);

function patchFor(table: ImportTable, d: Decision): Record<string, unknown> {
  const before = d.existing ?? {};
  const patch: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(d.record.columns)) {
    // A re-import neither signs people out nor lets them in: that is the admin's invitation.
    if (table === 'users' && k === 'active') continue;
    if (FIXED_ON_UPDATE.has(k) || v === null || v === undefined || v === '[]') continue;
    if (
      comparable(before[k]) !==
      comparable(typeof v === 'string' && (k === 'emails' || k === 'phones') ? (JSON.parse(v) as unknown) : v)
    )
      patch[k] = v;
  }
  if (d.record.externalId && !before.external_id) patch.external_id = d.record.externalId;
  return patch;
}

// Keys in sorted order (see snapshotKeys).
const stageRef = (s: StageKey) => ({
  kind: s.kind,
  name: s.name,
  pipelineId: s.pipeline_id,
  position: s.position,
  stageId: s.id,
});

/** The events and stage visits of a new deal with its history. */
const DEAL_SNAPSHOT_EXTRA = ['stage_id', 'status', 'line_items', 'contact_roles'];

function dealHistory(
  r: PlannedRecord,
  order: readonly string[],
  id: string,
  createdAt: Date,
  imported: boolean,
): {
  events: EventInput[];
  visits: { stage: StageKey; at: Date; event: number; leftAt: Date | null; entryUnknown: boolean }[];
} {
  const h = r.history;
  if (!h) return { events: [], visits: [] };
  const c = r.columns;
  const businessTime = imported ? createdAt : null;
  // The deal as it was created: in its first stage, open, not closed.
  const after = snapshotIn(order, c, r.externalId, {
    stage_id: h.firstStage.id,
    status: 'open',
    line_items: r.lineItem
      ? [{ discountPercent: '0', productId: r.lineItem.productId, quantity: '1', unitPrice: r.lineItem.unitPrice }]
      : [],
    contact_roles: [],
  });
  const closedAt = h.finalStage.kind === 'open' ? null : h.closedAt;
  const createdData = closedAt === null && h.pathUnknown ? { after, pathUnknown: true } : { after };
  const events: EventInput[] = [
    { entityType: 'deal', entityId: id, type: 'deal.created', data: createdData, businessTime, imported: true },
  ];
  if (closedAt === null)
    return {
      events,
      visits: [{ stage: h.firstStage, at: createdAt, event: 0, leftAt: null, entryUnknown: h.pathUnknown }],
    };
  const kind = h.finalStage.kind;
  const ev = (type: string, data: Record<string, unknown>): EventInput => ({
    entityType: 'deal',
    entityId: id,
    type,
    data,
    businessTime: closedAt,
    imported: true,
  });
  events.push(
    ev('deal.stage_changed', {
      daysInPreviousStage: Math.round(((closedAt.getTime() - createdAt.getTime()) / DAY_MS) * 100) / 100,
      from: stageRef(h.firstStage),
      status: { from: 'open', to: kind },
      to: stageRef(h.finalStage),
      pathUnknown: true,
    }),
  );
  const [amount, closed, currency] = [c.amount ?? null, closedAt.toISOString(), c.currency];
  events.push(
    kind === 'won'
      ? ev('deal.won', {
          amount,
          closedAt: closed,
          currency,
          lineItemsCount: r.lineItem ? 1 : 0,
          stageId: h.finalStage.id,
        })
      : ev('deal.lost', {
          amount,
          closedAt: closed,
          currency,
          lostReason: c.lost_reason ?? null,
          stageId: h.finalStage.id,
        }),
  );
  return {
    events,
    visits: [
      { stage: h.firstStage, at: createdAt, event: 0, leftAt: closedAt, entryUnknown: false },
      { stage: h.finalStage, at: closedAt, event: 1, leftAt: null, entryUnknown: true },
    ],
  };
}

/** Accounts and products created for missing references: written first, with their events. */
async function createMissing(
  trx: DbExecutor,
  actor: Actor,
  created: readonly Created[],
  now: Date,
): Promise<EventInput[]> {
  const accounts = created.filter((c) => c.kind === 'account');
  const products = created.filter((c) => c.kind === 'product');
  const isDomain = (v: string) => /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(v) && !v.includes(' ');
  const accountRows = accounts.map((c) => ({
    org_id: actor.orgId,
    id: c.id,
    name: c.value,
    domain: isDomain(c.value) ? c.value.toLowerCase() : null,
    type: c.accountType ?? 'prospect',
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
  }));
  const productRows = products.map((c) => ({
    org_id: actor.orgId,
    id: c.id,
    sku: c.value,
    name: c.value,
    list_price: c.listPrice,
    currency: c.currency,
    created_at: now,
    updated_at: now,
  }));
  await insertRows(trx, 'accounts', accountRows);
  await insertRows(trx, 'products', productRows);
  return [
    ...accountRows.map((r) => ({
      entityType: 'account',
      entityId: r.id,
      type: 'account.created',
      data: { after: { domain: r.domain, name: r.name, type: r.type }, createdForImport: true },
      imported: true,
    })),
    ...productRows.map((r) => ({
      entityType: 'product',
      entityId: r.id,
      type: 'product.created',
      data: {
        after: { currency: r.currency, listPrice: r.list_price, name: r.name, sku: r.sku },
        createdForImport: true,
      },
      imported: true,
    })),
  ];
}

/** Updates of existing records, one by one (with the per-row key checks on), and their events. */
async function applyUpdates(
  trx: DbExecutor,
  actor: Actor,
  table: ImportTable,
  decisions: readonly Decision[],
  now: Date,
  events: EventInput[],
): Promise<{ updated: number; unchanged: number }> {
  const entity = singular[table];
  const result = { updated: 0, unchanged: 0 };
  for (const d of decisions) {
    if (!d.existing) continue;
    const id = String(d.existing.id);
    const patch = patchFor(table, d);
    if (Object.keys(patch).length === 0) {
      result.unchanged++;
      continue;
    }
    const after = await updateRow(trx, table, actor.orgId, id, { ...patch, updated_at: now });
    if (!after) throw new AppError('internal_error', `${entity} ${id} disappeared during the import`);
    const keys = Object.keys(patch);
    const pick = (src: Record<string, unknown>) =>
      Object.fromEntries(keys.map((k) => [k, src[k] instanceof Date ? src[k].toISOString() : src[k]]));
    events.push(
      ...changeEvents(entity, id, pick(d.existing), pick(after), keys).map((e) => ({
        ...e,
        imported: true,
        data: d.duplicateOf ? { ...e.data, mergedDuplicateRow: true } : e.data,
      })),
    );
    result.updated++;
  }
  return result;
}

type Visit = {
  dealId: string;
  visitNo: number;
  stage: StageKey;
  at: Date;
  leftAt: Date | null;
  eventIndex: number;
  entryUnknown: boolean;
};

/** The new rows of a batch as COPY rows, with their events and (deals) stage visits. */
function newRows(
  deps: Deps,
  actor: Actor,
  table: ImportTable,
  decisions: readonly Decision[],
  now: Date,
  events: EventInput[],
) {
  const entity = singular[table];
  const main: WrittenRows = { table, columns: [], rows: [] };
  const lineItems: WrittenRows = {
    table: 'deal_line_items',
    columns: ['org_id', 'id', 'deal_id', 'product_id', 'position', 'quantity', 'unit_price', 'discount_percent'],
    rows: [],
  };
  const visits: Visit[] = [];
  const rows = main.rows as CopyValue[][];
  let order: string[] = [];
  let keys: string[] = [];
  for (const d of decisions) {
    if (d.existing) continue;
    const r = d.record;
    // Every planned record of an entity has the same columns: the first one names them.
    if (keys.length === 0) {
      keys = Object.keys(r.columns);
      main.columns = [
        ...keys,
        'org_id',
        'id',
        'external_id',
        'created_at',
        'updated_at',
        ...(withCreatedBy.has(table) ? ['created_by'] : []),
        ...(table === 'deals' ? ['stage_entered_at', 'path_unknown'] : []),
      ];
      order =
        table === 'deals' ? snapshotKeys(r.columns, DEAL_SNAPSHOT_EXTRA, ['closed_at']) : snapshotKeys(r.columns, []);
    }
    const id = r.id;
    const closedAt = r.history?.closedAt ?? null;
    const createdAt = r.createdAt ?? closedAt ?? now;
    const historical = r.createdAt !== null || closedAt !== null;
    const row: CopyValue[] = [];
    for (const k of keys) row.push(r.columns[k] as CopyValue);
    row.push(actor.orgId, id, r.externalId, createdAt, now);
    if (withCreatedBy.has(table)) row.push(actor.userId);
    if (table === 'deals') row.push(closedAt ?? createdAt, r.history?.pathUnknown ?? false);
    rows.push(row);
    if (r.lineItem)
      (lineItems.rows as CopyValue[][]).push([
        actor.orgId,
        deps.ids.id(),
        id,
        r.lineItem.productId,
        0,
        '1',
        r.lineItem.unitPrice,
        '0',
      ]);
    if (table === 'deals') {
      const h = dealHistory(r, order, id, createdAt, historical);
      const base = events.length;
      for (const e of h.events) events.push(e);
      for (let n = 0; n < h.visits.length; n++) {
        const v = h.visits[n];
        if (v)
          visits.push({
            dealId: id,
            visitNo: n + 1,
            stage: v.stage,
            at: v.at,
            leftAt: v.leftAt,
            eventIndex: base + v.event,
            entryUnknown: v.entryUnknown,
          });
      }
      continue;
    }
    const data: Record<string, unknown> = { after: snapshotIn(order, r.columns, r.externalId) };
    if (d.duplicateOf) data.possibleDuplicateOf = d.duplicateOf;
    events.push({
      entityType: entity,
      entityId: id,
      type: `${entity}.created`,
      data,
      businessTime: historical ? createdAt : null,
      imported: true,
    });
  }
  return { main, lineItems, visits };
}

/**
 * Writes a planned batch in one transaction: records created for missing references, updates of
 * existing rows, new rows (COPY) with their `.created` events (business time = the row's creation
 * date, flagged imported), deals' stage history and visits. The per-row foreign-key triggers are
 * off for the bulk rows when the role may (their keys are then proved per batch, set-based), and
 * the events are sealed as they are written, under the organization's chain lock taken last. Any
 * failure rolls the whole batch back.
 */
export async function writeBatch(
  deps: Deps,
  actor: Actor,
  run: ImportRun,
  decisions: readonly Decision[],
  created: readonly Created[],
  /** Runs last in the batch's transaction with what it wrote (a job records its progress there). */
  onCommit?: (trx: DbExecutor, written: { inserted: number; updated: number; unchanged: number }) => Promise<void>,
): Promise<{ inserted: number; updated: number; unchanged: number }> {
  const table = tableOf(run.entity);
  const lines = decisions.map((d) => d.record.line);
  let result = { inserted: 0, updated: 0, unchanged: 0 };
  try {
    await deps.db.transaction().execute(async (trx) => {
      const now = deps.clock.now();
      const events = await createMissing(trx, actor, created, now);
      const updates = await applyUpdates(trx, actor, table, decisions, now, events);
      const { main, lineItems, visits } = newRows(deps, actor, table, decisions, now, events);
      const ids = await deps.eventLog.reserveIds(trx, events.length);
      const visitRows: WrittenRows = {
        table: 'deal_stage_visits',
        columns: STAGE_VISIT_COLUMNS,
        rows: visits.map((v) => {
          const eventId = ids[v.eventIndex];
          if (eventId === undefined)
            throw new AppError('internal_error', `no event recorded for the history of deal ${v.dealId}`);
          return stageVisitRow(actor.orgId, {
            dealId: v.dealId,
            visitNo: v.visitNo,
            pipelineId: v.stage.pipeline_id,
            stageId: v.stage.id,
            enteredAt: v.at,
            leftAt: v.leftAt,
            eventId,
            entryUnknown: v.entryUnknown,
          });
        }),
      };
      const bulk = [main, lineItems, visitRows];
      const { deferred } = await deferForeignKeyChecks(trx);
      await copyRows(trx, main);
      await copyRows(trx, lineItems);
      // The stage-visit projection (and the traces its triggers keep) as every bulk path writes it.
      if (visitRows.rows.length > 0) await copyStageVisits(trx, visitRows.rows);
      if (deferred) await verifyReferences(trx, bulk);
      await onCommit?.(trx, { inserted: main.rows.length, ...updates });
      // Last, so the chain lock is held only for the events and the commit.
      await deps.eventLog.appendSealed(trx, actor, events, ids);
      if (deferred)
        await verifyReferences(trx, [
          { table: 'events', columns: ['org_id'], rows: events.length > 0 ? [[actor.orgId]] : [] },
        ]);
      result = { inserted: main.rows.length, ...updates };
    });
  } catch (err) {
    throw new ImportBatchError(Math.min(...lines), Math.max(...lines), err);
  }
  return result;
}
