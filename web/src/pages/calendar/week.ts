import { DateTime } from 'luxon';

/** One day of a rep's week, in the rep's time zone. */
export interface WeekDay {
  /** `YYYY-MM-DD` in the rep's zone. */
  date: string;
  /** 1 = Monday … 7 = Sunday, as working hours number them. */
  weekday: number;
  label: string;
}

/** The Monday-to-Sunday week holding `day` (default: today) in `timeZone`, as instants and days. */
export function weekOf(day: string | undefined, timeZone: string) {
  const base = day ? DateTime.fromISO(day, { zone: timeZone }) : DateTime.now().setZone(timeZone);
  const monday = (base.isValid ? base : DateTime.now().setZone(timeZone))
    .startOf('day')
    .minus({ days: base.weekday - 1 });
  const days: WeekDay[] = Array.from({ length: 7 }, (_, i) => {
    const d = monday.plus({ days: i });
    return { date: d.toISODate() ?? '', weekday: d.weekday, label: d.toFormat('ccc d LLL') };
  });
  return {
    from: monday.toUTC().toISO() ?? '',
    to: monday.plus({ weeks: 1 }).toUTC().toISO() ?? '',
    monday: monday.toISODate() ?? '',
    previous: monday.minus({ weeks: 1 }).toISODate() ?? '',
    next: monday.plus({ weeks: 1 }).toISODate() ?? '',
    days,
  };
}

/** Where a meeting sits in the rep's week: its local day and hour, and its local times. */
export function placeInZone(iso: string, timeZone: string) {
  const t = DateTime.fromISO(iso, { zone: 'utc' }).setZone(timeZone);
  return { date: t.toISODate() ?? '', hour: t.hour, time: t.toFormat('HH:mm') };
}

/** "16:00 Tue (America/New_York)": an instant in another party's zone. */
export function timeIn(iso: string, timeZone: string): string {
  return `${DateTime.fromISO(iso, { zone: 'utc' }).setZone(timeZone).toFormat('HH:mm ccc')} (${timeZone})`;
}

/** A wall time in `timeZone` (from a datetime-local input) as an ISO instant; null when it is not a time. */
export function wallToInstant(local: string, timeZone: string): string | null {
  const t = DateTime.fromISO(local, { zone: timeZone });
  return t.isValid ? t.toUTC().toISO() : null;
}

/** An instant as the value of a datetime-local input in `timeZone`. */
export function instantToWall(iso: string, timeZone: string): string {
  return DateTime.fromISO(iso, { zone: 'utc' }).setZone(timeZone).toFormat("yyyy-LL-dd'T'HH:mm");
}

/** Whether the hour [hour, hour+1) of the weekday lies within one of the working periods. */
export function isWorkingHour(
  periods: readonly { weekday: number; start: string; end: string }[],
  weekday: number,
  hour: number,
): boolean {
  const m = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
  return periods.some((p) => p.weekday === weekday && m(p.start) <= hour * 60 && m(p.end) >= hour * 60 + 60);
}
