import { quantile } from './numbers.ts';

/** One lead that became MQL: who owns it, when it became MQL and SQL, and its first sales touch. */
export interface HandoffLead {
  ownerId: string | null;
  teamId: string | null;
  mqlAt: Date;
  /** First move to SQL at or after `mqlAt`; null while not accepted. */
  sqlAt: Date | null;
  /** The first call, email or meeting logged on the lead at or after `mqlAt`; null while untouched. */
  firstTouchAt: Date | null;
}

export interface HandoffRow {
  /** The owner's or team's id; null for leads without an owner (or an owner without a team). */
  key: string | null;
  mqls: number;
  sqls: number;
  /** SQLs ÷ MQLs; null without MQLs. */
  conversionRate: number | null;
  /** MQLs with a sales touch. */
  touched: number;
  /** Median and 90th percentile of minutes from MQL to the first sales touch, over the touched MQLs. */
  medianMinutesToTouch: number | null;
  p90MinutesToTouch: number | null;
}

const MINUTE_MS = 60_000;

/**
 * MQL → SQL conversion and speed to lead per owner or per team: per group, the MQLs, how many
 * became SQL, and the median and 90th percentile of the minutes from MQL to the first sales
 * touch. Groups are sorted by key (null last).
 */
export function handoffBy(leads: readonly HandoffLead[], by: 'owner' | 'team'): HandoffRow[] {
  const groups = new Map<string | null, HandoffLead[]>();
  for (const l of leads) {
    const key = by === 'owner' ? l.ownerId : l.teamId;
    groups.set(key, [...(groups.get(key) ?? []), l]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)))
    .map(([key, ls]) => {
      const minutes = ls
        .flatMap((l) => (l.firstTouchAt ? [(l.firstTouchAt.getTime() - l.mqlAt.getTime()) / MINUTE_MS] : []))
        .sort((x, y) => x - y);
      const sqls = ls.filter((l) => l.sqlAt !== null).length;
      return {
        key,
        mqls: ls.length,
        sqls,
        conversionRate: ls.length === 0 ? null : sqls / ls.length,
        touched: minutes.length,
        medianMinutesToTouch: quantile(minutes, 0.5),
        p90MinutesToTouch: quantile(minutes, 0.9),
      };
    });
}

/** One hand-off of an MQL to sales under the SLA policy: to whom, when due, and what happened. */
export interface SlaHandoff {
  /** The owner the lead was handed to, and their team at the time. */
  ownerId: string;
  teamId: string | null;
  dueAt: Date;
  firstTouchAt: Date | null;
  breachedAt: Date | null;
}

export interface SlaRow {
  key: string | null;
  handoffs: number;
  /** First touched at or before the due time. */
  met: number;
  /** Breached, or first touched after the due time. */
  missed: number;
  /** met ÷ (met + missed); null while no hand-off has an outcome (all still running or withdrawn in time). */
  metRate: number | null;
}

/**
 * The SLA of the MQL hand-off per owner handed to, or per team: hand-offs, how many had their first
 * touch by the due time (met), how many were breached or touched late (missed), and the share met
 * among those with an outcome. A hand-off still running, or withdrawn untouched before its due
 * time, counts in `handoffs` only. Groups are sorted by key (null last).
 */
export function slaBy(handoffs: readonly SlaHandoff[], by: 'owner' | 'team'): SlaRow[] {
  const groups = new Map<string | null, SlaHandoff[]>();
  for (const h of handoffs) {
    const key = by === 'owner' ? h.ownerId : h.teamId;
    groups.set(key, [...(groups.get(key) ?? []), h]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)))
    .map(([key, hs]) => {
      const met = hs.filter((h) => h.firstTouchAt !== null && h.firstTouchAt.getTime() <= h.dueAt.getTime()).length;
      const missed = hs.filter(
        (h) => h.breachedAt !== null || (h.firstTouchAt !== null && h.firstTouchAt.getTime() > h.dueAt.getTime()),
      ).length;
      return { key, handoffs: hs.length, met, missed, metRate: met + missed === 0 ? null : met / (met + missed) };
    });
}
