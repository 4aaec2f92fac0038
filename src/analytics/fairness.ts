/** A pool member over the period: when they joined the pool (null: before the period). */
export interface LedgerMember {
  repId: string;
  joinedAt: Date | null;
}

/** One assignment the pool made in the period and what became of it. */
export interface LedgerAssignment {
  repId: string;
  at: Date;
  /** no_show and cancelled are taken off the rep's balance: the rep got nothing from them. */
  outcome: 'open' | 'held' | 'no_show' | 'cancelled';
}

export interface LedgerRow {
  repId: string;
  assignments: number;
  noShows: number;
  cancellations: number;
  /** assignments − no-shows − cancellations. */
  net: number;
  /** Days of the period the rep was a member. */
  daysPresent: number;
  /** `net` scaled to the whole period: net × periodDays / daysPresent (a rep who joined halfway with 3 counts as 6). */
  balance: number;
}

export interface Ledger {
  periodDays: number;
  rows: LedgerRow[];
  /** Highest minus lowest balance: 0 is perfectly even. */
  spread: number;
}

const DAY = 86_400_000;

/**
 * The fairness ledger of a pool over [from, to): per member, assignments − no-shows − cancellations,
 * calibrated for members who joined during the period by pro-rating to the days present (at least
 * one day), so a newcomer is neither flooded to catch up nor starved. Assignments of people who are
 * no longer members are left out.
 */
export function fairnessLedger(
  members: readonly LedgerMember[],
  assignments: readonly LedgerAssignment[],
  from: Date,
  to: Date,
): Ledger {
  const periodDays = Math.max(1, Math.round((to.getTime() - from.getTime()) / DAY));
  const rows = members.map((m): LedgerRow => {
    const own = assignments.filter((a) => a.repId === m.repId && a.at >= from && a.at < to);
    const noShows = own.filter((a) => a.outcome === 'no_show').length;
    const cancellations = own.filter((a) => a.outcome === 'cancelled').length;
    const net = own.length - noShows - cancellations;
    const start = m.joinedAt && m.joinedAt > from ? m.joinedAt : from;
    const daysPresent = Math.min(periodDays, Math.max(1, Math.ceil((to.getTime() - start.getTime()) / DAY)));
    return {
      repId: m.repId,
      assignments: own.length,
      noShows,
      cancellations,
      net,
      daysPresent,
      balance: (net * periodDays) / daysPresent,
    };
  });
  const balances = rows.map((r) => r.balance);
  const spread = balances.length ? Math.max(...balances) - Math.min(...balances) : 0;
  return { periodDays, rows, spread };
}
