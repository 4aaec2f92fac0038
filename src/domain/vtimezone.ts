import { DateTime } from 'luxon';

const HOUR = 3_600_000;

/** "+0100", "-0430": a UTC offset in minutes as RFC 5545 writes it. */
function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

const offsetAt = (zone: string, ms: number): number => DateTime.fromMillis(ms, { zone }).offset;

/** The instants in [from, to) where the zone's UTC offset changes, found hour by hour then to the minute. */
function transitions(zone: string, from: number, to: number): { at: number; before: number; after: number }[] {
  const out: { at: number; before: number; after: number }[] = [];
  let prev = offsetAt(zone, from);
  for (let t = from + HOUR; t < to; t += HOUR) {
    const now = offsetAt(zone, t);
    if (now === prev) continue;
    let lo = t - HOUR;
    let hi = t;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      if (offsetAt(zone, mid) === prev) lo = mid;
      else hi = mid;
    }
    out.push({ at: hi, before: prev, after: now });
    prev = now;
  }
  return out;
}

/**
 * A VTIMEZONE component (RFC 5545 §3.6.5) for an IANA zone, from the runtime's time-zone data:
 * one STANDARD or DAYLIGHT observance per offset change in the years around `around` (one year
 * before to two after), each starting at the local wall time before the change; a zone without
 * changes gets one STANDARD observance. Calendar clients read times in the zone through it.
 */
export function vtimezone(zone: string, around: Date): string {
  const year = DateTime.fromJSDate(around, { zone: 'UTC' }).year;
  const from = Date.UTC(year - 1, 0, 1);
  const to = Date.UTC(year + 3, 0, 1);
  const changes = transitions(zone, from, to);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  if (changes.length === 0) {
    const off = offsetText(offsetAt(zone, from));
    lines.push('BEGIN:STANDARD', 'DTSTART:19700101T000000', `TZOFFSETFROM:${off}`, `TZOFFSETTO:${off}`, 'END:STANDARD');
  }
  for (const c of changes) {
    // DST is the larger of the two offsets of a pair; a permanent change is written as standard time.
    const kind = c.after > c.before ? 'DAYLIGHT' : 'STANDARD';
    const local = DateTime.fromMillis(c.at, { zone: 'UTC' }).plus({ minutes: c.before });
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${local.toFormat("yyyyMMdd'T'HHmmss")}`,
      `TZOFFSETFROM:${offsetText(c.before)}`,
      `TZOFFSETTO:${offsetText(c.after)}`,
      `TZNAME:${DateTime.fromMillis(c.at, { zone }).offsetNameShort ?? offsetText(c.after)}`,
      `END:${kind}`,
    );
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}
