import { fiscalPeriodOf, isFiscalPeriodKey, shiftFiscalPeriod } from '../../src/contract/fiscal.ts';

/** Today (`YYYY-MM-DD`) in a time zone (the organization's; the browser's own when unknown). */
export function dayIn(timeZone: string | undefined, now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The fiscal quarter a day falls in. */
export function currentFiscalQuarter(today: string, fiscalYearStartMonth: number): string {
  return fiscalPeriodOf(today, fiscalYearStartMonth).key;
}

/** The quarters a period picker offers: the last four before the current one, the current one and the next. */
export function fiscalQuarterChoices(current: string, chosen?: string): string[] {
  const keys = [-4, -3, -2, -1, 0, 1].map((o) => shiftFiscalPeriod(current, o)).reverse();
  return chosen && isFiscalPeriodKey(chosen) && !keys.includes(chosen) ? [chosen, ...keys] : keys;
}

/** The last day of a period whose end (`endsOn`) is exclusive. */
export function lastDayBefore(endsOn: string): string {
  const d = new Date(`${endsOn}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The month (`YYYY-MM`) `offset` months after (negative: before) the one given. */
export function shiftMonth(month: string, offset: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + offset;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
