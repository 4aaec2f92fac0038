/**
 * Conversions of CSV cells as other systems export them into the values Pipewright stores. Each
 * returns the value or a reason (worded to follow the column name in a reject file).
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (reason: string): Parsed<never> => ({ ok: false, reason });

/** How to read dates written with slashes: 03/04/2025 is 4 March (mdy, US exports) or 3 April (dmy). */
export type DateOrder = 'mdy' | 'dmy';

const pad = (n: number) => String(n).padStart(2, '0');

function validYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1000 || y > 9999) return false;
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The date part and the rest (a time) of a cell in one of the accepted forms. */
function splitDate(s: string, order: DateOrder): { y: number; m: number; d: number; rest: string } | null {
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(.*)$/.exec(s);
  if (m) return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]), rest: m[4] ?? '' };
  m = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(.*)$/.exec(s);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    // A dot is the European convention whatever the order asked for slashes.
    const dayFirst = m[2] === '.' || order === 'dmy';
    return { y: Number(m[4]), m: dayFirst ? b : a, d: dayFirst ? a : b, rest: m[5] ?? '' };
  }
  m = /^(\d{1,2})[ -]([A-Za-z]{3})[a-z]*\.?[ -](\d{4})(.*)$/.exec(s);
  if (m) {
    const month = MONTHS.indexOf((m[2] ?? '').toLowerCase());
    if (month >= 0) return { y: Number(m[3]), m: month + 1, d: Number(m[1]), rest: m[4] ?? '' };
  }
  m = /^([A-Za-z]{3})[a-z]*\.? (\d{1,2}),? (\d{4})(.*)$/.exec(s);
  if (m) {
    const month = MONTHS.indexOf((m[1] ?? '').toLowerCase());
    if (month >= 0) return { y: Number(m[3]), m: month + 1, d: Number(m[2]), rest: m[4] ?? '' };
  }
  return null;
}

const DATE_FORMS =
  'YYYY-MM-DD, MM/DD/YYYY (or DD/MM/YYYY with --date-order dmy), DD.MM.YYYY, 5 Mar 2025 or an ISO date-time';

/** A calendar date 'YYYY-MM-DD' from the common written forms (a time part is ignored). */
export function parseDateOnly(raw: string, order: DateOrder = 'mdy'): Parsed<string> {
  const s = raw.trim();
  const p = splitDate(s, order);
  if (!p || !validYmd(p.y, p.m, p.d)) return bad(`"${raw}" is not a date (use ${DATE_FORMS})`);
  return ok(`${p.y}-${pad(p.m)}-${pad(p.d)}`);
}

/**
 * An instant from a date or a date-time. Without a zone the time is read as UTC; a bare date is
 * midnight UTC.
 */
export function parseDateTime(raw: string, order: DateOrder = 'mdy'): Parsed<Date> {
  const s = raw.trim();
  const p = splitDate(s, order);
  if (!p || !validYmd(p.y, p.m, p.d)) return bad(`"${raw}" is not a date (use ${DATE_FORMS})`);
  const rest = p.rest.trim().replace(/^T/, '');
  if (rest === '') return ok(new Date(Date.UTC(p.y, p.m - 1, p.d)));
  const t = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,6}))?)?\s*([AaPp][Mm])?\s*(Z|UTC|[+-]\d{2}:?\d{2})?$/.exec(rest);
  if (!t)
    return bad(`"${raw}" has a time that is not understood (use HH:MM[:SS] with an optional zone such as Z or +01:00)`);
  let hour = Number(t[1]);
  const ampm = t[5]?.toLowerCase();
  if (ampm) {
    if (hour < 1 || hour > 12) return bad(`"${raw}" has an hour outside 1-12 before ${ampm.toUpperCase()}`);
    hour = (hour % 12) + (ampm === 'pm' ? 12 : 0);
  }
  const minute = Number(t[2]);
  const second = Number(t[3] ?? 0);
  if (hour > 23 || minute > 59 || second > 59) return bad(`"${raw}" is not a valid time of day`);
  const ms = Math.round(Number(`0.${t[4] ?? '0'}`) * 1000);
  let offsetMin = 0;
  const zone = t[6];
  if (zone && zone !== 'Z' && zone !== 'UTC') {
    const z = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
    if (z) offsetMin = (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3]));
  }
  return ok(new Date(Date.UTC(p.y, p.m - 1, p.d, hour, minute, second, ms) - offsetMin * 60_000));
}

const CURRENCY_SIGNS: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR', CHF: 'CHF' };

/**
 * A money amount as an exact decimal string with at most two decimals, plus the currency when the
 * cell names one ("$1,250.00", "1.250,00 €", "EUR 1250", "1 250.5"). Thousands separators are
 * recognised by their position: a separator followed by exactly three digits at the end is one
 * when the other separator is the decimal mark.
 */
export function parseMoney(raw: string): Parsed<{ amount: string; currency: string | null }> {
  let s = raw.trim();
  let currency: string | null = null;
  const code = /^([A-Z]{3})\s*(.*)$/.exec(s) ?? /^(.*?)\s*([A-Z]{3})$/.exec(s);
  if (code) {
    const [, a, b] = code;
    const isPrefix = /^[A-Z]{3}$/.test(a ?? '');
    currency = (isPrefix ? a : b) ?? null;
    s = ((isPrefix ? b : a) ?? '').trim();
  }
  for (const [sign, iso] of Object.entries(CURRENCY_SIGNS)) {
    if (s.startsWith(sign) || s.endsWith(sign)) {
      currency ??= iso;
      s = (s.startsWith(sign) ? s.slice(sign.length) : s.slice(0, -sign.length)).trim();
    }
  }
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  if (s.startsWith('-')) {
    negative = true;
    s = s.slice(1).trim();
  }
  s = s.replace(/[\s\u00a0'’]/g, '');
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let normalised: string;
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const thousands = decimal === '.' ? ',' : '.';
    const groups = s.slice(0, s.lastIndexOf(decimal)).split(thousands);
    if (!groups.slice(1).every((g) => g.length === 3)) return bad(`"${raw}" is not an amount of money`);
    normalised = s.split(thousands).join('').replace(decimal, '.');
  } else if (lastComma >= 0) {
    // "1,250" is a thousands separator, "12,5" and "1250,00" a decimal comma.
    const groups = s.split(',');
    const thousands =
      groups.length > 1 && groups.slice(1).every((g) => g.length === 3) && (groups[0] ?? '').length <= 3;
    normalised = thousands ? groups.join('') : s.replace(',', '.');
  } else {
    const groups = s.split('.');
    normalised = groups.length > 2 && groups.slice(1).every((g) => g.length === 3) ? groups.join('') : s;
  }
  if (!/^\d{1,18}(\.\d+)?$/.test(normalised)) return bad(`"${raw}" is not an amount of money`);
  const [whole = '0', frac = ''] = normalised.split('.');
  if (frac.length > 2 && /[1-9]/.test(frac.slice(2))) return bad(`"${raw}" has more than 2 decimals`);
  const amount = `${negative ? '-' : ''}${whole.replace(/^0+(?=\d)/, '')}.${frac.slice(0, 2).padEnd(2, '0')}`;
  return ok({ amount, currency });
}

/** A whole number within bounds ("1,200" and "1200.0" are accepted). */
export function parseWhole(raw: string, min: number, max: number): Parsed<number> {
  const s = raw.trim().replace(/[,\s]/g, '').replace(/\.0+$/, '');
  if (!/^-?\d+$/.test(s)) return bad(`"${raw}" is not a whole number`);
  const n = Number(s);
  if (n < min || n > max) return bad(`${n} is outside ${min}..${max}`);
  return ok(n);
}

const TRUE = new Set(['true', 'yes', 'y', '1', 'x', 'on', 'ja', 'oui', 'si', 'sí']);
const FALSE = new Set(['false', 'no', 'n', '0', 'off', 'nein', 'non']);

export function parseBoolean(raw: string): Parsed<boolean> {
  const s = raw.trim().toLowerCase();
  if (TRUE.has(s)) return ok(true);
  if (FALSE.has(s)) return ok(false);
  return bad(`"${raw}" is not yes/no (true/false, 1/0)`);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function parseEmail(raw: string): Parsed<string> {
  const s = raw.trim();
  if (s.length > 320 || !EMAIL.test(s)) return bad(`"${raw}" is not an email address`);
  return ok(s);
}

/** A web domain from a domain or a URL ("https://www.acme.com/about" → "acme.com"). */
export function parseDomain(raw: string): Parsed<string> {
  let s = raw.trim().toLowerCase();
  s = s.replace(/^[a-z]+:\/\//, '').replace(/^www\./, '');
  s = s.split(/[/?#]/)[0] ?? '';
  if (!/^([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(s)) return bad(`"${raw}" is not a web domain`);
  return ok(s);
}

/** One of the allowed values, matched without regard to case, spaces or dashes ("Closed Won" → closed_won). */
export function parseChoice<T extends string>(
  raw: string,
  allowed: readonly T[],
  aliases: Record<string, T> = {},
): Parsed<T> {
  const key = raw
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  // An alias counts only where its value is allowed: the same field name has other choices elsewhere.
  const alias = aliases[key];
  const hit = allowed.find((a) => a === key) ?? allowed.find((a) => a === alias);
  if (hit) return ok(hit);
  return bad(`"${raw}" is not one of ${allowed.join(', ')}`);
}
