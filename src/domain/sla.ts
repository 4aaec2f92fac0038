import { DateTime } from 'luxon';
import { holidayAt, type Holiday } from './holidays.ts';

/** Business hours: the weekdays (1 = Monday … 7 = Sunday) and the local times of a day in a time zone. */
export interface BusinessHours {
  weekdays: readonly number[];
  /** Local wall time HH:mm the working day starts (inclusive). */
  start: string;
  /** Local wall time HH:mm the working day ends (exclusive; 24:00 for midnight). */
  end: string;
  /** IANA time zone the hours are in. */
  timeZone: string;
}

/** How fast sales must first touch a handed-off lead: within and outside business hours. */
export interface SlaRule extends BusinessHours {
  businessMinutes: number;
  otherMinutes: number;
}

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Whether an instant falls in business hours: its local weekday is a working day, its local date
 * is not one of the `holidays`, and its local time of day is at or after `start` and before `end`,
 * all read in the hours' own time zone (so the same UTC instant can be in hours in winter and not
 * in summer).
 */
export function inBusinessHours(at: Date, hours: BusinessHours, holidays: readonly Holiday[] = []): boolean {
  const local = DateTime.fromJSDate(at, { zone: hours.timeZone });
  if (!hours.weekdays.includes(local.weekday)) return false;
  if (holidayAt(holidays, at, hours.timeZone)) return false;
  const minute = local.hour * 60 + local.minute + local.second / 60;
  return minute >= minutesOf(hours.start) && minute < minutesOf(hours.end);
}

/**
 * When the first sales touch of a hand-off opened at `openedAt` is due: `businessMinutes` after it
 * when it opens in business hours (a holiday is not), `otherMinutes` after it otherwise. Minutes are
 * elapsed time, so a window across a daylight-saving change lasts as many real minutes as the
 * policy says.
 */
export function handoffDueAt(
  openedAt: Date,
  rule: SlaRule,
  holidays: readonly Holiday[] = [],
): { dueAt: Date; inBusinessHours: boolean } {
  const inHours = inBusinessHours(openedAt, rule, holidays);
  const minutes = inHours ? rule.businessMinutes : rule.otherMinutes;
  return { dueAt: new Date(openedAt.getTime() + minutes * 60_000), inBusinessHours: inHours };
}
