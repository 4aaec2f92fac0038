/**
 * Business days (Monday to Friday, by UTC calendar date) from one instant to a later one: the
 * weekdays after the first date up to and including the second. Registered on a Friday and
 * decided on the next Monday is one business day; the same day is zero.
 */
export function businessDaysBetween(from: Date, to: Date): number {
  const day = 86_400_000;
  const start = Math.floor(from.getTime() / day);
  const end = Math.floor(to.getTime() / day);
  if (end <= start) return 0;
  let n = 0;
  for (let d = start + 1; d <= end; d++) {
    // 1970-01-01 was a Thursday: (d + 4) % 7 is the weekday, 0 = Sunday
    const weekday = (d + 4) % 7;
    if (weekday !== 0 && weekday !== 6) n++;
  }
  return n;
}

/**
 * When something that started at `from` passes an SLA of `days` business days: the first instant
 * at which `businessDaysBetween(from, t)` exceeds `days`, the start (UTC midnight) of the
 * (days + 1)-th weekday after `from`'s date. Registered on Friday 2 January with an SLA of 2:
 * Monday and Tuesday are within it, so it is due at Wednesday 7 January 00:00 UTC.
 */
export function businessDaysDueAt(from: Date, days: number): Date {
  const day = 86_400_000;
  let d = Math.floor(from.getTime() / day);
  let n = 0;
  while (n <= days) {
    d++;
    const weekday = (d + 4) % 7;
    if (weekday !== 0 && weekday !== 6) n++;
  }
  return new Date(d * day);
}
