import { DateTime } from 'luxon';

/**
 * A holiday of a calendar: a local calendar date or range of dates ('YYYY-MM-DD', both ends
 * inclusive), optionally recurring every year on the same month and day. A date means the whole
 * local day of whoever it applies to, in their own time zone.
 */
export interface Holiday {
  calendarId: string;
  calendarName: string;
  name: string;
  start: string;
  end: string;
  recurring: boolean;
}

/** One concrete occurrence of a holiday (a recurring holiday in a given year). */
export interface HolidayOccurrence {
  calendarId: string;
  calendarName: string;
  name: string;
  start: string;
  end: string;
}

/** Which calendars apply to whom: the organization's default, and those assigned to territories and to reps. */
export interface CalendarAssignments {
  defaultCalendarId: string | null;
  territories: readonly { calendarId: string; territoryId: string }[];
  users: readonly { calendarId: string; userId: string }[];
}

/**
 * The calendars whose holidays a rep keeps: the organization's default calendar, the calendars of
 * the territories the rep is a member of, and the calendars assigned to the rep; each once, in
 * that order.
 */
export function effectiveCalendarIds(
  assignments: CalendarAssignments,
  rep: { userId: string; territoryIds: readonly string[] },
): string[] {
  const ids: string[] = [];
  const add = (id: string) => {
    if (!ids.includes(id)) ids.push(id);
  };
  if (assignments.defaultCalendarId) add(assignments.defaultCalendarId);
  for (const t of assignments.territories) if (rep.territoryIds.includes(t.territoryId)) add(t.calendarId);
  for (const u of assignments.users) if (u.userId === rep.userId) add(u.calendarId);
  return ids;
}

const isoDate = (d: DateTime): string => d.toISODate() ?? '';

/** Whether a string is a real calendar date 'YYYY-MM-DD' (2026-02-30 is not). */
export function isCalendarDate(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && DateTime.fromISO(s, { zone: 'UTC' }).isValid;
}

/**
 * The occurrence of a holiday that starts in `year`, or null when it has none that year: a
 * one-off holiday occurs only in the year it starts; a recurring one starts on its month and day
 * every year (a 29 February only in leap years) and lasts as many days as it was entered with, so a
 * range over New Year ends in the next year.
 */
function occurrenceIn(h: Holiday, year: number): HolidayOccurrence | null {
  const first = DateTime.fromISO(h.start, { zone: 'UTC' });
  const last = DateTime.fromISO(h.end, { zone: 'UTC' });
  if (!first.isValid || !last.isValid) return null;
  const base = { calendarId: h.calendarId, calendarName: h.calendarName, name: h.name };
  if (!h.recurring) return first.year === year ? { ...base, start: h.start, end: h.end } : null;
  const start = DateTime.fromObject({ year, month: first.month, day: first.day }, { zone: 'UTC' });
  if (!start.isValid) return null;
  const days = Math.round(last.diff(first, 'days').days);
  return { ...base, start: isoDate(start), end: isoDate(start.plus({ days })) };
}

/**
 * The occurrences of holidays that touch the dates `from`..`to` (inclusive, 'YYYY-MM-DD'),
 * soonest first (ties by name). A recurring holiday gives one occurrence per year.
 */
export function holidayOccurrences(holidays: readonly Holiday[], from: string, to: string): HolidayOccurrence[] {
  const y0 = Number(from.slice(0, 4)) - 1;
  const y1 = Number(to.slice(0, 4));
  const out: HolidayOccurrence[] = [];
  for (const h of holidays) {
    const years = h.recurring ? Array.from({ length: y1 - y0 + 1 }, (_, i) => y0 + i) : [Number(h.start.slice(0, 4))];
    for (const year of years) {
      const o = occurrenceIn(h, year);
      if (o && o.start <= to && o.end >= from) out.push(o);
    }
  }
  return out.sort((a, b) => a.start.localeCompare(b.start) || a.name.localeCompare(b.name));
}

/** The holiday on a local calendar date 'YYYY-MM-DD', or null (the first by start and name when several fall on it). */
export function holidayOn(holidays: readonly Holiday[], date: string): HolidayOccurrence | null {
  return holidayOccurrences(holidays, date, date)[0] ?? null;
}

/** The holiday on a local date 'YYYY-MM-DD', or null: `holidayOn` for many dates. */
export type HolidayLookup = (date: string) => HolidayOccurrence | null;

/**
 * `holidayOn` for one set of holidays asked about many dates (a clock walking day by day): each
 * year's occurrences are laid out by date once, the first time a date of that year is asked about.
 */
export function holidayLookup(holidays: readonly Holiday[]): HolidayLookup {
  if (holidays.length === 0) return () => null;
  const years = new Map<number, Map<string, HolidayOccurrence>>();
  const yearOf = (year: number) => {
    const known = years.get(year);
    if (known) return known;
    const from = `${String(year).padStart(4, '0')}-01-01`;
    const to = `${String(year).padStart(4, '0')}-12-31`;
    const byDate = new Map<string, HolidayOccurrence>();
    // Soonest first (ties by name), so each date keeps the occurrence `holidayOn` names.
    for (const o of holidayOccurrences(holidays, from, to)) {
      const last = DateTime.fromISO(o.end < to ? o.end : to, { zone: 'UTC' });
      for (
        let d = DateTime.fromISO(o.start > from ? o.start : from, { zone: 'UTC' });
        d <= last;
        d = d.plus({ days: 1 })
      ) {
        const date = isoDate(d);
        if (!byDate.has(date)) byDate.set(date, o);
      }
    }
    years.set(year, byDate);
    return byDate;
  };
  return (date) => yearOf(Number(date.slice(0, 4))).get(date) ?? null;
}

/** The holiday on the local day of an instant in a time zone, or null. */
export function holidayAt(holidays: readonly Holiday[], at: Date, zone: string): HolidayOccurrence | null {
  if (holidays.length === 0) return null;
  return holidayOn(holidays, isoDate(DateTime.fromJSDate(at, { zone })));
}

/** How a holiday reads in a reason: its name and, in brackets, its calendar's. */
export function holidayLabel(h: Pick<HolidayOccurrence, 'name' | 'calendarName'>): string {
  return `${h.name} (${h.calendarName})`;
}

/** Why a rep is unavailable on a holiday, as booking and routing both say it: `holiday: <name> (<calendar>)`. */
export function holidayReason(h: Pick<HolidayOccurrence, 'name' | 'calendarName'>): string {
  return `holiday: ${holidayLabel(h)}`;
}
