import { queueReasons, type QueueReason } from '../contract/call-queue.ts';
import { quantile } from './numbers.ts';

/** An open lead (new or working) as the call queue weighs it. */
export interface QueueLead {
  id: string;
  createdAt: Date;
  /**
   * How promising the lead is, 0–100: the fitted model's probability in percent when the
   * organization has a model, else the mean of the fit and engagement scores; null when unscored.
   */
  score: number | null;
  /** Due time of the lead's open hand-off while it is untouched (the SLA clock); null otherwise. */
  slaDueAt: Date | null;
  /** The earliest open task with a due time on the lead (a promised call back); null when none. */
  callBackAt: Date | null;
  /**
   * The lead's open cadence enrolment: when its current step is due (null while paused until a call
   * back) and whether that step is a call; null when the lead is on no cadence.
   */
  cadence?: { dueAt: Date | null; call: boolean } | null;
}

/** The reason of a lead at `now` (see `queueReasons`). */
export function queueReason(lead: QueueLead, now: Date): QueueReason {
  if (lead.callBackAt && lead.callBackAt.getTime() <= now.getTime()) return 'call_back_due';
  if (lead.callBackAt) return 'call_back_later';
  if (lead.slaDueAt) return 'sla';
  const c = lead.cadence;
  if (c) return c.call && c.dueAt && c.dueAt.getTime() <= now.getTime() ? 'cadence_step_due' : 'cadence_later';
  return 'ready';
}

const byTime = (a: Date | null, b: Date | null) => (a?.getTime() ?? 0) - (b?.getTime() ?? 0);

/**
 * The call-queue order at `now`. By reason (call back due, SLA, cadence step due, ready, cadence
 * later, call back later); a due call back by its time (longest overdue first), an SLA by its due
 * time (soonest first), a cadence step by its due time (longest overdue first; a step still ahead
 * soonest first, one waiting for a call back last); then by score
 * (highest first, unscored last); then by age (oldest first); then by id, so the order is total.
 * A promised call back outranks an SLA because the rep gave the buyer a time; an SLA outranks a
 * cadence step because a fresh hand-off has not been touched at all; a due cadence call outranks
 * the rest because its timing is the plan. A cadence step or call back still ahead sinks below
 * everything callable now and rises when its time comes.
 */
export function compareQueueLeads(a: QueueLead, b: QueueLead, now: Date): number {
  const ra = queueReasons.indexOf(queueReason(a, now));
  const rb = queueReasons.indexOf(queueReason(b, now));
  if (ra !== rb) return ra - rb;
  const reason = queueReasons[ra];
  if (reason === 'call_back_due' || reason === 'call_back_later') {
    const d = byTime(a.callBackAt, b.callBackAt);
    if (d !== 0) return d;
  }
  if (reason === 'sla') {
    const d = byTime(a.slaDueAt, b.slaDueAt);
    if (d !== 0) return d;
  }
  if (reason === 'cadence_step_due' || reason === 'cadence_later') {
    const ta = a.cadence?.dueAt?.getTime() ?? Infinity;
    const tb = b.cadence?.dueAt?.getTime() ?? Infinity;
    if (ta !== tb) return ta < tb ? -1 : 1;
  }
  if (a.score !== b.score) {
    if (a.score === null) return 1;
    if (b.score === null) return -1;
    return b.score - a.score;
  }
  const age = a.createdAt.getTime() - b.createdAt.getTime();
  if (age !== 0) return age;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The leads in call-queue order at `now` (a new array; see `compareQueueLeads`). */
export function rankCallQueue<T extends QueueLead>(leads: readonly T[], now: Date): T[] {
  return [...leads].sort((a, b) => compareQueueLeads(a, b, now));
}

/** A lead for speed to lead: its owner, when it came in, and its first call (null while never called). */
export interface SpeedToLeadLead {
  ownerId: string | null;
  createdAt: Date;
  firstCallAt: Date | null;
}

/** Upper bounds (minutes, exclusive) of the speed-to-lead buckets; the last bucket is open. */
export const speedToLeadBuckets = [
  { label: '< 5 min', below: 5 },
  { label: '5–60 min', below: 60 },
  { label: '1–24 h', below: 24 * 60 },
  { label: '1–7 d', below: 7 * 24 * 60 },
  { label: '≥ 7 d', below: Infinity },
] as const;

export interface SpeedToLeadRow {
  /** The owner's id; null for leads without an owner. */
  ownerId: string | null;
  leads: number;
  /** Leads called at least once. */
  called: number;
  /** Called leads per bucket of `speedToLeadBuckets`, in that order. */
  buckets: number[];
  /** Median and 90th percentile of minutes from creation to the first call, over called leads. */
  medianMinutes: number | null;
  p90Minutes: number | null;
}

/** Minutes from a lead's creation to its first call; null while never called (never negative). */
export function minutesToFirstCall(lead: { createdAt: Date; firstCallAt: Date | null }): number | null {
  if (!lead.firstCallAt) return null;
  return Math.max(0, (lead.firstCallAt.getTime() - lead.createdAt.getTime()) / 60_000);
}

/**
 * Speed to lead per owner: how long leads waited from creation to their first call, as counts per
 * bucket, median and 90th percentile. Owners sorted by id, leads without an owner last.
 */
export function speedToLeadBy(leads: readonly SpeedToLeadLead[]): SpeedToLeadRow[] {
  const groups = new Map<string | null, SpeedToLeadLead[]>();
  for (const l of leads) groups.set(l.ownerId, [...(groups.get(l.ownerId) ?? []), l]);
  return [...groups.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)))
    .map(([ownerId, ls]) => {
      const minutes = ls.flatMap((l) => {
        const m = minutesToFirstCall(l);
        return m === null ? [] : [m];
      });
      minutes.sort((x, y) => x - y);
      const buckets = speedToLeadBuckets.map(() => 0);
      for (const m of minutes) {
        const i = speedToLeadBuckets.findIndex((b) => m < b.below);
        buckets[i] = (buckets[i] ?? 0) + 1;
      }
      return {
        ownerId,
        leads: ls.length,
        called: minutes.length,
        buckets,
        medianMinutes: quantile(minutes, 0.5),
        p90Minutes: quantile(minutes, 0.9),
      };
    });
}

/** One point of the speed-to-lead ECDF: the share of all leads first called within `minutes`. */
export interface SpeedToLeadPoint {
  minutes: number;
  share: number;
}

export interface SpeedToLeadDistribution {
  leads: number;
  called: number;
  neverCalled: number;
  /** Called leads per bucket of `speedToLeadBuckets`, in that order. */
  buckets: number[];
  medianMinutes: number | null;
  p90Minutes: number | null;
  /** Leads first called within the SLA target (at most `slaMinutes` after creation). */
  withinSla: number;
  /** `withinSla` over all leads (a lead never called misses the target); null without leads. */
  withinSlaShare: number | null;
  /**
   * Empirical distribution of the minutes to the first call, one point per distinct value: the
   * share of all leads (never-called ones included, so the curve ends at called / leads) first
   * called within that many minutes.
   */
  ecdf: SpeedToLeadPoint[];
}

/**
 * Speed to lead of one group of leads measured against an SLA target: the buckets, median and
 * 90th percentile of `speedToLeadBy`, how many were first called within `slaMinutes`, how many
 * were never called, and the ECDF of the minutes to the first call.
 */
export function speedToLeadDistribution(
  leads: readonly Pick<SpeedToLeadLead, 'createdAt' | 'firstCallAt'>[],
  slaMinutes: number,
): SpeedToLeadDistribution {
  const row = speedToLeadBy(leads.map((l) => ({ ...l, ownerId: null })))[0];
  const minutes = leads.flatMap((l) => {
    const m = minutesToFirstCall(l);
    return m === null ? [] : [m];
  });
  minutes.sort((x, y) => x - y);
  const ecdf: SpeedToLeadPoint[] = [];
  minutes.forEach((m, i) => {
    const point = { minutes: m, share: (i + 1) / leads.length };
    if (ecdf.at(-1)?.minutes === m) ecdf[ecdf.length - 1] = point;
    else ecdf.push(point);
  });
  const withinSla = minutes.filter((m) => m <= slaMinutes).length;
  return {
    leads: leads.length,
    called: minutes.length,
    neverCalled: leads.length - minutes.length,
    buckets: row?.buckets ?? speedToLeadBuckets.map(() => 0),
    medianMinutes: row?.medianMinutes ?? null,
    p90Minutes: row?.p90Minutes ?? null,
    withinSla,
    withinSlaShare: leads.length === 0 ? null : withinSla / leads.length,
    ecdf,
  };
}
