/** A call logged by an inside rep: connected calls are the base of the set rate. */
export interface CallFact {
  callerId: string;
  connected: boolean;
}

/** A booked meeting and what became of it. */
export interface BookingFact {
  bookedBy: string;
  ownerId: string;
  bookedAt: Date;
  start: Date;
  status: 'booked' | 'held' | 'no_show' | 'cancelled';
  /** Whether the meeting led to an opportunity (a deal linked to it, or created from its lead). */
  opportunity: boolean;
}

export interface BookingRates {
  /** Meetings booked (not counting cancelled ones). */
  booked: number;
  cancelled: number;
  held: number;
  noShow: number;
  /** Connected calls of the inside rep(s); null for an outside rep alone. */
  connectedCalls: number | null;
  /** booked ÷ connected calls; null without connected calls (or for an outside rep alone). */
  setRate: number | null;
  /** held ÷ (held + no-show): of the meetings whose outcome is known; null when none is. */
  showRate: number | null;
  /** held meetings that led to an opportunity ÷ held; null without held meetings. */
  meetingToOpportunity: number | null;
  /** Median hours from booking to the meeting's start over booked meetings; null when none. */
  medianHoursToMeeting: number | null;
}

export interface BookingRatesReport {
  total: BookingRates;
  byInsideRep: (BookingRates & { userId: string })[];
  byOutsideRep: (BookingRates & { userId: string })[];
  byPair: (BookingRates & { bookedBy: string; ownerId: string })[];
}

const ratio = (n: number, d: number): number | null => (d > 0 ? n / d : null);

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? null) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

function rates(bookings: readonly BookingFact[], connectedCalls: number | null): BookingRates {
  const live = bookings.filter((b) => b.status !== 'cancelled');
  const held = live.filter((b) => b.status === 'held');
  const noShow = live.filter((b) => b.status === 'no_show').length;
  return {
    booked: live.length,
    cancelled: bookings.length - live.length,
    held: held.length,
    noShow,
    connectedCalls,
    setRate: connectedCalls === null ? null : ratio(live.length, connectedCalls),
    showRate: ratio(held.length, held.length + noShow),
    meetingToOpportunity: ratio(held.filter((b) => b.opportunity).length, held.length),
    medianHoursToMeeting: median(live.map((b) => (b.start.getTime() - b.bookedAt.getTime()) / 3_600_000)),
  };
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const i of items) m.set(key(i), [...(m.get(key(i)) ?? []), i]);
  return m;
}

/**
 * The hand-off from inside to outside sales, measured: set rate (meetings booked per connected call,
 * by the inside rep who booked), show rate (held of those with a known outcome), meeting →
 * opportunity, and the median time from booking to meeting — in total, per inside rep, per outside
 * rep and per pair. Groups are sorted by id.
 */
export function bookingRates(calls: readonly CallFact[], bookings: readonly BookingFact[]): BookingRatesReport {
  const connectedBy = new Map<string, number>();
  for (const c of calls) if (c.connected) connectedBy.set(c.callerId, (connectedBy.get(c.callerId) ?? 0) + 1);
  const totalConnected = [...connectedBy.values()].reduce((s, n) => s + n, 0);
  const inside = new Set([...connectedBy.keys(), ...bookings.map((b) => b.bookedBy)]);
  const sorted = <T>(m: Map<string, T>) => [...m.entries()].sort(([a], [b]) => a.localeCompare(b));
  const byInside = groupBy(bookings, (b) => b.bookedBy);
  for (const id of inside) if (!byInside.has(id)) byInside.set(id, []);
  return {
    total: rates(bookings, totalConnected),
    byInsideRep: sorted(byInside).map(([userId, bs]) => ({ userId, ...rates(bs, connectedBy.get(userId) ?? 0) })),
    byOutsideRep: sorted(groupBy(bookings, (b) => b.ownerId)).map(([userId, bs]) => ({ userId, ...rates(bs, null) })),
    byPair: sorted(groupBy(bookings, (b) => `${b.bookedBy} ${b.ownerId}`)).map(([, bs]) => ({
      bookedBy: bs[0]?.bookedBy ?? '',
      ownerId: bs[0]?.ownerId ?? '',
      ...rates(bs, null),
    })),
  };
}
