import ICAL from 'ical.js';
import { DateTime } from 'luxon';

/** A busy range read from a calendar file, as instants. */
export interface BusyRange {
  start: Date;
  end: Date;
  summary: string | null;
}

export interface BusyWindow {
  /** Ranges ending at or before this are left out (they are over). */
  from: Date;
  /** Recurring events are expanded up to this instant. */
  to: Date;
  /** The zone of floating times and all-day dates (no TZID, no UTC mark): the rep's. */
  floatingZone: string;
  /** At most this many ranges; more is a refusal (the file is not a busy-time export). */
  max: number;
}

export class IcsBusyError extends Error {}

type Resolver = (t: ICAL.Time) => Date;

/**
 * Turns ICAL times into instants: UTC as is; a TZID that is an IANA name through the runtime's zone
 * data (the same as the slot finder's); another TZID through the file's own VTIMEZONE; floating
 * times and dates in the rep's zone.
 */
function resolver(cal: ICAL.Component, floatingZone: string): Resolver {
  const own = new Map<string, ICAL.Timezone>();
  for (const c of cal.getAllSubcomponents('vtimezone')) {
    const tz = new ICAL.Timezone(c);
    own.set(tz.tzid, tz);
  }
  const wall = (t: ICAL.Time, zone: string) =>
    DateTime.fromObject(
      { year: t.year, month: t.month, day: t.day, hour: t.isDate ? 0 : t.hour, minute: t.minute, second: t.second },
      { zone },
    );
  return (t) => {
    // ical.js keeps a TZID it has no definition for in `timezone` and makes the time floating.
    const tzid = (t as ICAL.Time & { timezone?: string }).timezone || t.zone?.tzid;
    if (tzid === 'UTC' || tzid === 'Z') return t.toJSDate();
    const iana = tzid && tzid !== 'floating' ? wall(t, tzid) : null;
    if (iana?.isValid) return iana.toJSDate();
    const file = tzid ? own.get(tzid) : undefined;
    if (file) {
      const local = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
      return new Date(local - file.utcOffset(t) * 1000);
    }
    if (tzid && tzid !== 'floating')
      throw new IcsBusyError(`time zone ${tzid} is neither known nor defined in the file`);
    return wall(t, floatingZone).toJSDate();
  };
}

/**
 * The busy times of an RFC 5545 calendar (an .ics export or feed) within a window: each VEVENT
 * that is not transparent (free) or cancelled, recurring ones expanded (RRULE, RDATE, EXDATE and
 * moved occurrences), as instants. Sorted by start; the same range twice is kept once.
 */
export function busyTimesFromIcs(text: string, w: BusyWindow): BusyRange[] {
  let cal: ICAL.Component;
  try {
    cal = new ICAL.Component(ICAL.parse(text) as unknown[]);
  } catch (err) {
    throw new IcsBusyError(`is not an iCalendar file (${err instanceof Error ? err.message : String(err)})`);
  }
  if (cal.name !== 'vcalendar') throw new IcsBusyError('is not an iCalendar file (no VCALENDAR)');
  const at = resolver(cal, w.floatingZone);
  const masters = new Map<string, ICAL.Event>();
  const exceptions: ICAL.Event[] = [];
  for (const c of cal.getAllSubcomponents('vevent')) {
    const e = new ICAL.Event(c);
    if (e.isRecurrenceException()) exceptions.push(e);
    else masters.set(e.uid || `#${masters.size}`, e);
  }
  for (const e of exceptions) masters.get(e.uid)?.relateException(e);

  const out = new Map<string, BusyRange>();
  const add = (component: ICAL.Component, start: ICAL.Time, end: ICAL.Time, summary: string | null) => {
    const transp = String(component.getFirstPropertyValue('transp') ?? '').toUpperCase();
    const status = String(component.getFirstPropertyValue('status') ?? '').toUpperCase();
    if (transp === 'TRANSPARENT' || status === 'CANCELLED') return;
    const s = at(start);
    const e = at(end);
    if (!(e > s) || e <= w.from || s >= w.to) return;
    out.set(`${s.toISOString()} ${e.toISOString()}`, { start: s, end: e, summary });
    if (out.size > w.max) throw new IcsBusyError(`has more than ${w.max} busy times in the coming days`);
  };
  for (const e of masters.values()) {
    if (!e.startDate) continue;
    if (!e.isRecurring()) {
      add(e.component, e.startDate, e.endDate, e.summary || null);
      continue;
    }
    const it = e.iterator();
    for (let next = it.next(), n = 0; next; next = it.next(), n++) {
      if (at(next) >= w.to || n > 100_000) break;
      // ical.js's typings leave the details' type unresolved: item is the master or its moved occurrence.
      const o = e.getOccurrenceDetails(next) as unknown as {
        item: ICAL.Event;
        startDate: ICAL.Time;
        endDate: ICAL.Time;
      };
      add(o.item.component, o.startDate, o.endDate, o.item.summary || e.summary || null);
    }
  }
  return [...out.values()].sort((a, b) => a.start.getTime() - b.start.getTime());
}
