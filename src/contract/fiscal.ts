/**
 * The organization's fiscal calendar: quarters of a fiscal year that starts in a chosen month.
 * Shared by the server (forecasts, quotas) and the web app (its period pickers).
 */

/** A fiscal quarter: `2026-Q1` is the first quarter of the fiscal year that starts in 2026. */
export interface FiscalPeriod {
  key: string;
  /** First day (inclusive) and the day after the last (exclusive), `YYYY-MM-DD`. */
  startsOn: string;
  endsOn: string;
}

const PERIOD_KEY = /^(\d{4})-Q([1-4])$/;

const ymd = (y: number, m: number): string => {
  // m is 0-based and may run past 11.
  const year = y + Math.floor(m / 12);
  const month = (m % 12) + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
};

/** Whether a text names a fiscal quarter (`YYYY-Qn`). */
export function isFiscalPeriodKey(key: string): boolean {
  return PERIOD_KEY.test(key);
}

/**
 * The days of a fiscal quarter, for a fiscal year starting in month `fiscalYearStartMonth` (1–12).
 * @example fiscalPeriod('2026-Q1', 4) → { startsOn: '2026-04-01', endsOn: '2026-07-01' }
 */
export function fiscalPeriod(key: string, fiscalYearStartMonth: number): FiscalPeriod {
  const m = PERIOD_KEY.exec(key);
  if (!m) throw new RangeError(`not a fiscal quarter: ${key}`);
  const year = Number(m[1]);
  const quarter = Number(m[2]);
  const first = fiscalYearStartMonth - 1 + (quarter - 1) * 3;
  return { key, startsOn: ymd(year, first), endsOn: ymd(year, first + 3) };
}

/** The fiscal quarter a day (`YYYY-MM-DD`) falls in. */
export function fiscalPeriodOf(day: string, fiscalYearStartMonth: number): FiscalPeriod {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7)) - 1;
  const offset = (month - (fiscalYearStartMonth - 1) + 12) % 12;
  const fiscalYear = month >= fiscalYearStartMonth - 1 ? year : year - 1;
  return fiscalPeriod(`${fiscalYear}-Q${Math.floor(offset / 3) + 1}`, fiscalYearStartMonth);
}

/**
 * The fiscal quarter `offset` quarters after (negative: before) the one given.
 * @example shiftFiscalPeriod('2026-Q1', -1) → '2025-Q4'
 */
export function shiftFiscalPeriod(key: string, offset: number): string {
  const m = PERIOD_KEY.exec(key);
  if (!m) throw new RangeError(`not a fiscal quarter: ${key}`);
  const index = Number(m[1]) * 4 + Number(m[2]) - 1 + offset;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}
