import ICAL from 'ical.js';
import { DateTime } from 'luxon';

/** A holiday read from a calendar file: its name and local dates (inclusive), and whether it recurs yearly. */
export interface IcsHoliday {
  name: string;
  start: string;
  end: string;
  recurring: boolean;
}

export class IcsHolidayError extends Error {}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
/** The local calendar date an ICAL time is written with (a holiday is a date, wherever it is kept). */
const dateOf = (t: ICAL.Time): string => `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}`;
const minusDay = (d: string): string => DateTime.fromISO(d, { zone: 'UTC' }).minus({ days: 1 }).toISODate() ?? d;

/** The last date of an event: an all-day event's DTEND is the day after it; a timed one ends on its end's date. */
function lastDate(start: ICAL.Time, end: ICAL.Time | null): string {
  if (!end) return dateOf(start);
  const last =
    start.isDate || (end.hour === 0 && end.minute === 0 && end.second === 0) ? minusDay(dateOf(end)) : dateOf(end);
  return last < dateOf(start) ? dateOf(start) : last;
}

/** A yearly rule on a fixed month and day (no weekday, count or end): the holiday recurs as one entry. */
function fixedYearly(e: ICAL.Event): boolean {
  const rules = e.component.getAllProperties('rrule');
  if (rules.length !== 1 || e.component.hasProperty('rdate') || e.component.hasProperty('exdate')) return false;
  const r = rules[0]?.getFirstValue() as ICAL.Recur | undefined;
  if (!r || r.freq !== 'YEARLY' || (r.interval ?? 1) !== 1 || r.count || r.until) return false;
  const parts = Object.keys(r.parts ?? {}).filter((k) => k !== 'BYMONTH' && k !== 'BYMONTHDAY');
  return parts.length === 0;
}

/**
 * The holidays of an RFC 5545 calendar (a holiday calendar's .ics export): each VEVENT that is not
 * cancelled, by its local dates (an all-day event's exclusive end read back to its last day). A
 * yearly event on a fixed date becomes one recurring holiday; another recurring event (the fourth
 * Thursday of November) gives its occurrences from `from` to `to` (local dates, inclusive). Sorted by
 * start; the same holiday twice is kept once; more than `max` is a refusal.
 */
export function holidaysFromIcs(text: string, window: { from: string; to: string; max: number }): IcsHoliday[] {
  let cal: ICAL.Component;
  try {
    cal = new ICAL.Component(ICAL.parse(text) as unknown[]);
  } catch (err) {
    throw new IcsHolidayError(`is not an iCalendar file (${err instanceof Error ? err.message : String(err)})`);
  }
  if (cal.name !== 'vcalendar') throw new IcsHolidayError('is not an iCalendar file (no VCALENDAR)');
  const out = new Map<string, IcsHoliday>();
  const add = (h: IcsHoliday) => {
    out.set(`${h.name}\u0000${h.start}\u0000${h.end}\u0000${String(h.recurring)}`, h);
    if (out.size > window.max) throw new IcsHolidayError(`has more than ${window.max} holidays`);
  };
  for (const c of cal.getAllSubcomponents('vevent')) {
    const e = new ICAL.Event(c);
    if (String(c.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED') continue;
    if (e.isRecurrenceException() || !e.startDate) continue;
    const name = (e.summary || 'Holiday').trim().slice(0, 300) || 'Holiday';
    const end = c.hasProperty('dtend') || c.hasProperty('duration') ? e.endDate : null;
    if (!e.isRecurring()) {
      add({ name, start: dateOf(e.startDate), end: lastDate(e.startDate, end), recurring: false });
      continue;
    }
    if (fixedYearly(e)) {
      add({ name, start: dateOf(e.startDate), end: lastDate(e.startDate, end), recurring: true });
      continue;
    }
    const it = e.iterator();
    for (let next = it.next(), n = 0; next; next = it.next(), n++) {
      const day = dateOf(next);
      if (day > window.to || n > 100_000) break;
      const o = e.getOccurrenceDetails(next) as unknown as { startDate: ICAL.Time; endDate: ICAL.Time };
      const last = lastDate(o.startDate, end ? o.endDate : null);
      if (last >= window.from) add({ name, start: dateOf(o.startDate), end: last, recurring: false });
    }
  }
  return [...out.values()].sort((a, b) => a.start.localeCompare(b.start) || a.name.localeCompare(b.name));
}
