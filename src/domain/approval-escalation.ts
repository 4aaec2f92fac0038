import { DateTime } from 'luxon';
import { holidayLookup, type Holiday, type HolidayLookup } from './holidays.ts';
import type { BusinessHours } from './sla.ts';

/** How an approval step's waiting time is counted: working time only, or every minute. */
export type EscalationClock = 'business_hours' | 'elapsed';

/** An approval's escalation timeout: so many minutes on its clock. */
export interface EscalationTimeout {
  minutes: number;
  clock: EscalationClock;
}

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Whether a local day (in the hours' time zone) is a working day: one of the hours' weekdays and
 * not a holiday (`holidayOf`, from `holidayLookup`).
 */
export function isWorkingDay(day: DateTime, hours: BusinessHours, holidayOf: HolidayLookup): boolean {
  return hours.weekdays.includes(day.weekday) && holidayOf(day.toISODate() ?? '') === null;
}

/**
 * The instant `minutes` of business hours after `from`: time outside the working days (a holiday
 * is none) and outside the working day's start and end (read in the hours' own time zone) does not
 * count. Started outside business hours, the count begins when they next open; a count that ends
 * exactly when a working day closes is due at the close. A working day is laid out on the local
 * wall clock, so a day with a daylight-saving change keeps its local start and end. Holidays that
 * leave no working time in three years are passed over as if there were none.
 */
export function addBusinessMinutes(
  from: Date,
  minutes: number,
  hours: BusinessHours,
  holidays: readonly Holiday[] = [],
): Date {
  const start = minutesOf(hours.start);
  const end = minutesOf(hours.end);
  let remaining = minutes * 60_000;
  let cursor = from.getTime();
  let day = DateTime.fromJSDate(from, { zone: hours.timeZone }).startOf('day');
  const holidayOf = holidayLookup(holidays);
  // Every week holds at least one working day with some time in it, so three years of days is
  // enough for any delay the rules allow (with holidays too, unless they fill whole years); the
  // bound only guards against hours or holidays that leave no time at all.
  for (let i = 0; i < 366 * 3 && end > start; i++) {
    if (isWorkingDay(day, hours, holidayOf)) {
      const at = (m: number) => day.set({ hour: Math.floor(m / 60), minute: m % 60 });
      const opens = at(start).toMillis();
      const closes = (end >= 24 * 60 ? day.plus({ days: 1 }) : at(end)).toMillis();
      const begin = Math.max(cursor, opens);
      if (begin < closes) {
        if (remaining <= closes - begin) return new Date(begin + remaining);
        remaining -= closes - begin;
      }
    }
    day = day.plus({ days: 1 });
    cursor = Math.max(cursor, day.toMillis());
  }
  // Holidays that leave no working time for years are not kept rather than stopping the clock.
  if (holidays.length) return addBusinessMinutes(from, minutes, hours);
  throw new RangeError('the business hours open no working time');
}

/**
 * When an approval step that started waiting at `stepStartedAt` escalates: its timeout counted in
 * business hours, or in elapsed minutes. Null when the approval has no timeout.
 */
export function escalationDueAt(
  stepStartedAt: Date,
  timeout: EscalationTimeout | null,
  hours: BusinessHours,
): Date | null {
  if (!timeout) return null;
  if (timeout.clock === 'elapsed') return new Date(stepStartedAt.getTime() + timeout.minutes * 60_000);
  return addBusinessMinutes(stepStartedAt, timeout.minutes, hours);
}

/**
 * The timeout of an approval held by several rules: the fewest minutes among those that set one
 * (the most urgent rule decides how long an approver may wait), counted on that rule's clock; null
 * when none sets one.
 */
export function approvalTimeout(
  rules: readonly { escalateAfterMinutes: number | null; escalateIn: EscalationClock }[],
): EscalationTimeout | null {
  let best: EscalationTimeout | null = null;
  for (const r of rules) {
    if (r.escalateAfterMinutes === null) continue;
    if (!best || r.escalateAfterMinutes < best.minutes) best = { minutes: r.escalateAfterMinutes, clock: r.escalateIn };
  }
  return best;
}
