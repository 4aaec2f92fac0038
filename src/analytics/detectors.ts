/**
 * Detectors of unfair or careless execution, read from the event log. Each is a pure function
 * over plain rows with a default threshold, and each finding carries its evidence: the ids of the
 * events that show it. Definitions are in docs/oversight.md.
 */

import type { DetectorName } from '../contract/oversight.ts';

export type Severity = 'low' | 'medium' | 'high';

export interface DetectedFinding {
  detector: DetectorName;
  /** Stable per anomaly, so running a detector again finds nothing new. */
  fingerprint: string;
  severity: Severity;
  summary: string;
  subjectType: string;
  subjectId: string;
  personId: string | null;
  evidence: string[];
  /** The measure compared with the threshold (days, z-score, stages, changes). */
  score: number;
}

const DAY_MS = 86_400_000;
export const round2 = (x: number) => Math.round(x * 100) / 100;

export interface BusinessTimeRecord {
  eventId: string;
  /** System time: when the event was written. */
  occurredAt: Date;
  /** Business time: when the user says it happened. */
  businessTime: Date;
  personId: string | null;
  subjectType: string;
  subjectId: string;
}

export interface LockedWindow {
  /** First instant of the period. */
  start: Date;
  /** First instant after the period. */
  end: Date;
  /** When the period was locked. */
  lockedAt: Date;
}

export const BACKDATING_DEFAULT_DAYS = 14;

/**
 * Backdating: a record whose business time lies more than `maxLagDays` (default 14) before the
 * system time it was written at, or inside a period that was already locked when it was written.
 * Severity high inside a locked period or beyond three times the threshold, else medium.
 */
export function detectBackdating(
  records: readonly BusinessTimeRecord[],
  opts: { maxLagDays?: number; locks?: readonly LockedWindow[] } = {},
): DetectedFinding[] {
  const maxLag = opts.maxLagDays ?? BACKDATING_DEFAULT_DAYS;
  const out: DetectedFinding[] = [];
  for (const r of records) {
    const lagDays = (r.occurredAt.getTime() - r.businessTime.getTime()) / DAY_MS;
    const lock = (opts.locks ?? []).find(
      (l) => r.businessTime >= l.start && r.businessTime < l.end && l.lockedAt <= r.occurredAt,
    );
    if (lagDays <= maxLag && !lock) continue;
    const day = r.businessTime.toISOString().slice(0, 10);
    out.push({
      detector: 'backdating',
      fingerprint: r.eventId,
      severity: lock || lagDays > 3 * maxLag ? 'high' : 'medium',
      summary: lock
        ? `${r.subjectType} recorded as of ${day}, inside a period locked before it was written`
        : `${r.subjectType} recorded as of ${day}, ${Math.floor(lagDays)} days before it was written`,
      subjectType: r.subjectType,
      subjectId: r.subjectId,
      personId: r.personId,
      evidence: [r.eventId],
      score: round2(Math.max(lagDays, 0)),
    });
  }
  return out;
}

export interface DiscountLine {
  /** The event that set the line (its deal's .created or .updated). */
  eventId: string;
  dealId: string;
  productId: string;
  /** The discount from list price, in percent. */
  discountPercent: number;
  personId: string | null;
}

export const DISCOUNT_DEFAULT_Z = 3.5;
export const DISCOUNT_MIN_LINES = 8;

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

/**
 * The robust z-score of each value: 0.6745 × (x − median) / MAD, MAD the median absolute deviation
 * (Iglewicz and Hoaglin). When more than half the values equal the median (MAD = 0) the mean
 * absolute deviation stands in: (x − median) / (1.253314 × meanAD). All zero when the values agree.
 */
export function robustZ(values: readonly number[]): number[] {
  const med = median(values);
  const deviations = values.map((v) => Math.abs(v - med));
  const mad = median(deviations);
  if (mad > 0) return values.map((v) => (0.6745 * (v - med)) / mad);
  const meanAd = deviations.reduce((a, b) => a + b, 0) / (values.length || 1);
  if (meanAd === 0) return values.map(() => 0);
  return values.map((v) => (v - med) / (1.253314 * meanAd));
}

/**
 * Discount outliers: per product (with at least `minLines` lines, default 8), a line whose
 * discount's robust z-score is above `z` (default 3.5). Only unusually high discounts are findings.
 * Severity high above twice the threshold, else medium.
 */
export function detectDiscountOutliers(
  lines: readonly DiscountLine[],
  opts: { z?: number; minLines?: number } = {},
): DetectedFinding[] {
  const limit = opts.z ?? DISCOUNT_DEFAULT_Z;
  const minLines = opts.minLines ?? DISCOUNT_MIN_LINES;
  const byProduct = new Map<string, DiscountLine[]>();
  for (const l of lines) byProduct.set(l.productId, [...(byProduct.get(l.productId) ?? []), l]);
  const out: DetectedFinding[] = [];
  for (const [productId, group] of byProduct) {
    if (group.length < minLines) continue;
    const zs = robustZ(group.map((l) => l.discountPercent));
    const med = median(group.map((l) => l.discountPercent));
    group.forEach((l, i) => {
      const z = zs[i] ?? 0;
      if (z <= limit) return;
      out.push({
        detector: 'discount_outlier',
        fingerprint: `${l.dealId}:${productId}:${l.discountPercent}`,
        severity: z > 2 * limit ? 'high' : 'medium',
        summary: `discount of ${round2(l.discountPercent)}% where this product's median is ${round2(med)}% (robust z ${round2(z)})`,
        subjectType: 'deal',
        subjectId: l.dealId,
        personId: l.personId,
        evidence: [l.eventId],
        score: round2(z),
      });
    });
  }
  return out;
}

export interface DesignedOrder {
  /** The pipeline's stages in designed order (position), with their kind. */
  stages: readonly { id: string; kind: 'open' | 'won' | 'lost' }[];
}

export interface StageMove {
  eventId: string;
  dealId: string;
  personId: string | null;
  pipelineId: string;
  fromStageId: string;
  toStageId: string;
}

export const SKIP_DEFAULT_STAGES = 1;

/**
 * Stage skipping and regressions against the designed order of a pipeline's open stages. A move
 * forward (to a later open stage, or to won) that jumps over at least `minSkipped` (default 1)
 * open stages is a skip; a move from an open stage to an earlier open stage is a regression.
 * Moving to lost, reopening a closed deal and moves between pipelines are neither. Severity:
 * skips over two or more stages and won reached by a skip are medium, others low.
 */
export function detectStageDeviations(
  moves: readonly StageMove[],
  pipelines: ReadonlyMap<string, DesignedOrder>,
  opts: { minSkipped?: number } = {},
): DetectedFinding[] {
  const minSkipped = opts.minSkipped ?? SKIP_DEFAULT_STAGES;
  const out: DetectedFinding[] = [];
  for (const m of moves) {
    const order = pipelines.get(m.pipelineId);
    if (!order) continue;
    const open = order.stages.filter((s) => s.kind === 'open').map((s) => s.id);
    const from = open.indexOf(m.fromStageId);
    if (from < 0) continue;
    const toStage = order.stages.find((s) => s.id === m.toStageId);
    if (!toStage || toStage.kind === 'lost') continue;
    const to = toStage.kind === 'won' ? open.length : open.indexOf(m.toStageId);
    if (to < 0) continue;
    const skipped = to - from - 1;
    if (skipped >= minSkipped) {
      out.push({
        detector: 'stage_skip',
        fingerprint: m.eventId,
        severity: skipped >= 2 || toStage.kind === 'won' ? 'medium' : 'low',
        summary: `moved ${toStage.kind === 'won' ? 'to won' : 'forward'} over ${skipped} designed stage${skipped === 1 ? '' : 's'}`,
        subjectType: 'deal',
        subjectId: m.dealId,
        personId: m.personId,
        evidence: [m.eventId],
        score: skipped,
      });
    } else if (to < from) {
      out.push({
        detector: 'stage_regression',
        fingerprint: m.eventId,
        severity: 'low',
        summary: `moved back ${from - to} designed stage${from - to === 1 ? '' : 's'}`,
        subjectType: 'deal',
        subjectId: m.dealId,
        personId: m.personId,
        evidence: [m.eventId],
        score: from - to,
      });
    }
  }
  return out;
}

export interface BulkChange {
  eventId: string;
  at: Date;
  personId: string;
  kind: 'assigned' | 'deleted';
  entityType: string;
}

export const BULK_DEFAULT_COUNT = 20;
export const BULK_DEFAULT_WINDOW_MINUTES = 60;

/**
 * Unusual bulk reassignments or deletes: a person who reassigns or deletes at least `minCount`
 * (default 20) records within `windowMinutes` (default 60). Each burst is one finding (the first
 * such window, then the next one starting after it), severity high from three times the count.
 */
export function detectBulkChanges(
  changes: readonly BulkChange[],
  opts: { minCount?: number; windowMinutes?: number } = {},
): DetectedFinding[] {
  const minCount = opts.minCount ?? BULK_DEFAULT_COUNT;
  const windowMs = (opts.windowMinutes ?? BULK_DEFAULT_WINDOW_MINUTES) * 60_000;
  const byPerson = new Map<string, BulkChange[]>();
  for (const c of changes) byPerson.set(c.personId, [...(byPerson.get(c.personId) ?? []), c]);
  const out: DetectedFinding[] = [];
  for (const [personId, list] of byPerson) {
    for (const kind of ['assigned', 'deleted'] as const) {
      const xs = list.filter((c) => c.kind === kind).sort((a, b) => a.at.getTime() - b.at.getTime());
      let i = 0;
      while (i < xs.length) {
        const first = xs[i];
        if (!first) break;
        let j = i;
        while (j + 1 < xs.length && (xs[j + 1]?.at.getTime() ?? 0) - first.at.getTime() <= windowMs) j++;
        const burst = xs.slice(i, j + 1);
        if (burst.length < minCount) {
          i++;
          continue;
        }
        // The burst runs on while changes keep coming within the window of the previous one.
        while (j + 1 < xs.length && (xs[j + 1]?.at.getTime() ?? 0) - (xs[j]?.at.getTime() ?? 0) <= windowMs) j++;
        const all = xs.slice(i, j + 1);
        out.push({
          detector: 'bulk_change',
          fingerprint: `${personId}:${kind}:${first.eventId}`,
          severity: all.length >= 3 * minCount ? 'high' : 'medium',
          summary: `${all.length} records ${kind === 'assigned' ? 'reassigned' : 'deleted'} from ${first.at.toISOString()}`,
          subjectType: 'user',
          subjectId: personId,
          personId,
          evidence: all.slice(0, 500).map((c) => c.eventId),
          score: all.length,
        });
        i = j + 1;
      }
    }
  }
  return out;
}
