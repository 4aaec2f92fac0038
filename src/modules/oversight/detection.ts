import type { FindingDto } from '../../contract/oversight.ts';
import type { DbExecutor } from '../../db/database.ts';
import {
  detectBackdating,
  detectBulkChanges,
  detectDiscountOutliers,
  detectStageDeviations,
  type BulkChange,
  type BusinessTimeRecord,
  type DesignedOrder,
  type DetectedFinding,
  type DiscountLine,
  type LockedWindow,
  type StageMove,
} from '../../analytics/detectors.ts';
import { upcastEvent } from '../../contract/events/index.ts';
import { effectiveDiscount } from '../../domain/approval-triggers.ts';
import { pipelineRowWithStages } from '../pipelines/pipelines.service.ts';
import { productRows } from '../products/products.service.ts';
import { detectAgency, detectChannel, detectGaming } from './detection-records.ts';
import type { DetectorEventRow, PeriodLockRow } from './oversight.repository.ts';

const DETECTED_TYPES = [
  'activity.created',
  'deal.created',
  'deal.updated',
  'deal.stage_changed',
  'deal.won',
  ...['account', 'contact', 'lead', 'deal'].flatMap((e) => [`${e}.assigned`, `${e}.deleted`]),
];
export const detectorEventTypes: readonly string[] = DETECTED_TYPES;

const obj = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
/** A decimal of a snapshot (text, or a number in older payloads); 0 when missing. */
const decimalOf = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '0');
const time = (v: unknown): Date | null => {
  const s = str(v);
  if (!s) return null;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? null : d;
};

/** The business time of an event: stored with it, else an activity's "happened at". */
function businessTimeOf(e: DetectorEventRow): Date | null {
  if (e.business_time) return e.business_time;
  if (e.type === 'activity.created') return time(obj(e.data.after).occurredAt);
  return null;
}

/** Lines a deal event sets: a created deal's, or an update that replaced them. */
function linesOf(e: DetectorEventRow): Record<string, unknown>[] | null {
  const raw =
    e.type === 'deal.created'
      ? obj(e.data.after).lineItems
      : e.type === 'deal.updated'
        ? obj(obj(obj(e.data.changes).lineItems)).to
        : undefined;
  return Array.isArray(raw) ? raw.map(obj) : null;
}

/** Locked periods as instants (UTC days: the detector's resolution is a day). */
export function lockWindows(locks: readonly PeriodLockRow[]): LockedWindow[] {
  return locks.map((l) => ({
    start: new Date(`${l.starts_on}T00:00:00Z`),
    end: new Date(`${l.ends_on}T00:00:00Z`),
    lockedAt: l.locked_at,
  }));
}

/**
 * Runs every detector over the events since `window.since` (in log order, each read as the current
 * version of its type) and the records the channel, agency and commission detectors read, and
 * returns their findings. Deal owners are not looked up: each finding is about the person whose
 * event shows it (a registration's finding: the user who registered it).
 */
export async function detectAll(
  db: DbExecutor,
  orgId: string,
  stored: readonly DetectorEventRow[],
  locks: readonly PeriodLockRow[],
  window: { now: Date; since: Date },
): Promise<DetectedFinding[]> {
  const events = stored.map((e) => ({ ...e, data: upcastEvent(e.type, e.version, e.data).data }));
  const business: BusinessTimeRecord[] = [];
  const latestLines = new Map<string, { event: DetectorEventRow; lines: Record<string, unknown>[] }>();
  const moves: StageMove[] = [];
  const bulk: BulkChange[] = [];
  for (const e of events) {
    const eventId = String(e.id);
    const bt = businessTimeOf(e);
    if (bt)
      business.push({
        eventId,
        occurredAt: e.occurred_at,
        businessTime: bt,
        personId: e.actor_id,
        subjectType: e.entity_type,
        subjectId: e.entity_id,
      });
    const lines = linesOf(e);
    if (lines) latestLines.set(e.entity_id, { event: e, lines });
    if (e.type === 'deal.stage_changed') {
      const from = obj(e.data.from);
      const to = obj(e.data.to);
      const pipelineId = str(from.pipelineId);
      const fromStageId = str(from.stageId);
      const toStageId = str(to.stageId);
      if (pipelineId && fromStageId && toStageId && pipelineId === str(to.pipelineId))
        moves.push({ eventId, dealId: e.entity_id, personId: e.actor_id, pipelineId, fromStageId, toStageId });
    }
    const kind = e.type.endsWith('.assigned') ? 'assigned' : e.type.endsWith('.deleted') ? 'deleted' : null;
    if (kind && e.actor_id)
      bulk.push({ eventId, at: e.occurred_at, personId: e.actor_id, kind, entityType: e.entity_type });
  }

  const productIds = new Set<string>();
  for (const { lines } of latestLines.values())
    for (const l of lines) if (str(l.productId)) productIds.add(String(l.productId));
  const prices = new Map((await productRows(db, orgId, [...productIds])).map((p) => [p.id, String(p.list_price)]));
  const discounts: DiscountLine[] = [];
  for (const [dealId, { event, lines }] of latestLines)
    for (const l of lines) {
      const productId = str(l.productId);
      if (!productId) continue;
      discounts.push({
        eventId: String(event.id),
        dealId,
        productId,
        personId: event.actor_id,
        discountPercent: effectiveDiscount({
          productId,
          unitPrice: decimalOf(l.unitPrice),
          discountPercent: decimalOf(l.discountPercent),
          listPrice: prices.get(productId) ?? null,
        }),
      });
    }

  const pipelines = new Map<string, DesignedOrder>();
  for (const id of new Set(moves.map((m) => m.pipelineId))) {
    const p = await pipelineRowWithStages(db, orgId, id);
    if (p)
      pipelines.set(id, {
        stages: [...p.stages]
          .sort((a, b) => a.position - b.position)
          .map((s) => ({ id: s.id, kind: s.kind as 'open' | 'won' | 'lost' })),
      });
  }

  return [
    ...detectBackdating(business, { locks: lockWindows(locks) }),
    ...detectDiscountOutliers(discounts),
    ...detectStageDeviations(moves, pipelines),
    ...detectBulkChanges(bulk),
    ...(await detectGaming(db, orgId, events, window)),
    ...(await detectChannel(db, orgId, window.now, window.since)),
    ...(await detectAgency(db, orgId, window.since)),
  ];
}

export type DetectorName = FindingDto['detector'];
