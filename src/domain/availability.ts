import { DateTime, Interval } from 'luxon';
import { holidayAt, holidayReason, type Holiday } from './holidays.ts';

/** Working hours of one weekday (ISO weekday: 1 = Monday … 7 = Sunday), local wall time "HH:mm" in the rep's zone. */
export interface WorkingHours {
  weekday: number;
  start: string;
  end: string;
}

/** A span of time as instants, end exclusive. */
export interface Span {
  start: Date;
  end: Date;
}

/** What the slot finder knows about one rep. */
export interface RepCalendar {
  repId: string;
  /** IANA time zone the working hours are written in. */
  timezone: string;
  hours: readonly WorkingHours[];
  /** Travel to a field meeting, and back from it: kept free around every meeting. */
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  /** No meeting starts sooner than this after now. */
  minNoticeMinutes: number;
  /** At most this many meetings on one of the rep's local days. */
  maxPerDay: number;
  /** Out of office. */
  timeOff: readonly Span[];
  /** Holidays of the rep's calendars: each blocks the rep's whole local day(s) in their zone. */
  holidays: readonly Holiday[];
  /** Meetings already booked (not cancelled), without their buffers. */
  meetings: readonly Span[];
}

export interface SlotQuery {
  from: Date;
  to: Date;
  durationMinutes: number;
  now: Date;
  /** Candidate starts are this far apart within a working period (local wall time); default 30. */
  stepMinutes?: number;
}

export interface Slot {
  repId: string;
  start: Date;
  end: Date;
  /** The rep's zone, so a screen can show the meeting in both parties' time. */
  timezone: string;
}

const minutesOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** The wall time `minutes` after midnight on a local day (set, not added: a DST change does not shift it). "24:00" is the next midnight. */
const wallTime = (day: DateTime, minutes: number): DateTime =>
  minutes >= 24 * 60
    ? day.plus({ days: 1 }).startOf('day')
    : day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60 });

/**
 * The time a meeting blocks in its rep's calendar: the meeting widened by the buffers. Two meetings
 * of a rep may not have overlapping blocked ranges (the database holds the same rule as an
 * exclusion constraint on this range).
 */
export function blockedSpan(meeting: Span, bufferBeforeMinutes: number, bufferAfterMinutes: number): Span {
  return {
    start: new Date(meeting.start.getTime() - bufferBeforeMinutes * 60_000),
    end: new Date(meeting.end.getTime() + bufferAfterMinutes * 60_000),
  };
}

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

/** The rep's local calendar day of an instant, as "yyyy-MM-dd". */
const localDay = (t: Date, zone: string): string => DateTime.fromJSDate(t, { zone }).toISODate() ?? '';

/** The holiday on a local day the meeting touches (its start's or its last minute's, in the rep's zone), or null. */
function holidayDuring(rep: RepCalendar, span: Span) {
  return (
    holidayAt(rep.holidays, span.start, rep.timezone) ??
    holidayAt(rep.holidays, new Date(Math.max(span.start.getTime(), span.end.getTime() - 1)), rep.timezone)
  );
}

/**
 * Why a rep cannot take a meeting at `span`, or null when they can: too little notice, a holiday
 * of one of the rep's calendars (named), outside working hours (in the rep's own zone, so a
 * daylight-saving change moves the instants and not the wall time), out of office, too close to
 * another meeting (buffers), or the day is full.
 */
export function unavailableReason(rep: RepCalendar, span: Span, now: Date): string | null {
  if (span.start.getTime() < now.getTime() + rep.minNoticeMinutes * 60_000) return 'too little notice';
  const holiday = holidayDuring(rep, span);
  if (holiday) return holidayReason(holiday);
  const start = DateTime.fromJSDate(span.start, { zone: rep.timezone });
  const end = DateTime.fromJSDate(span.end, { zone: rep.timezone });
  const dayStart = start.startOf('day');
  const inHours = rep.hours.some((h) => {
    if (h.weekday !== start.weekday) return false;
    const from = wallTime(dayStart, minutesOf(h.start));
    const to = wallTime(dayStart, minutesOf(h.end));
    return Interval.fromDateTimes(from, to).engulfs(Interval.fromDateTimes(start, end));
  });
  if (!inHours) return 'outside working hours';
  if (rep.timeOff.some((off) => overlaps(off, span))) return 'out of office';
  const blocked = blockedSpan(span, rep.bufferBeforeMinutes, rep.bufferAfterMinutes);
  if (rep.meetings.some((m) => overlaps(blockedSpan(m, rep.bufferBeforeMinutes, rep.bufferAfterMinutes), blocked)))
    return 'another meeting (with travel buffers) overlaps';
  const day = localDay(span.start, rep.timezone);
  const sameDay = rep.meetings.filter((m) => localDay(m.start, rep.timezone) === day).length;
  if (sameDay >= rep.maxPerDay) return 'the day is full';
  return null;
}

/**
 * Free slots of a meeting of the given length across reps, between `from` and `to`, soonest first
 * (ties by rep id). Candidates start at each working period's start and every `stepMinutes` of local
 * wall time after it; each is checked by `unavailableReason`. Working hours are read per local day
 * in the rep's zone, so a rep in Berlin and one in New York keep their 09:00 across their (different)
 * daylight-saving changes.
 */
export function findSlots(reps: readonly RepCalendar[], q: SlotQuery): Slot[] {
  const step = q.stepMinutes ?? 30;
  const out: Slot[] = [];
  for (const rep of reps) {
    let day = DateTime.fromJSDate(q.from, { zone: rep.timezone }).startOf('day');
    const last = DateTime.fromJSDate(q.to, { zone: rep.timezone });
    while (day <= last) {
      for (const h of rep.hours) {
        if (h.weekday !== day.weekday) continue;
        const endMin = minutesOf(h.end);
        for (let m = minutesOf(h.start); m + q.durationMinutes <= endMin; m += step) {
          const local = wallTime(day, m);
          // A wall time that does not exist on the day (inside a spring-forward gap) is skipped.
          if (local.hour * 60 + local.minute !== m) continue;
          const start = local.toJSDate();
          const end = local.plus({ minutes: q.durationMinutes }).toJSDate();
          if (start < q.from || end > q.to) continue;
          if (unavailableReason(rep, { start, end }, q.now) === null)
            out.push({ repId: rep.repId, start, end, timezone: rep.timezone });
        }
      }
      day = day.plus({ days: 1 });
    }
  }
  return out.sort((a, b) => a.start.getTime() - b.start.getTime() || a.repId.localeCompare(b.repId));
}

/** Whether a string names a time zone the runtime knows (IANA). */
export function isTimeZone(zone: string): boolean {
  return DateTime.local().setZone(zone).isValid;
}
