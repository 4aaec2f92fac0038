/**
 * One format for money, numbers, dates and times everywhere in the web app: `Intl`, in the user's
 * locale (the browser's first language) and the organization's time zone (set once the
 * organization is known; the browser's own zone until then). Amounts are exact decimal strings and
 * are formatted as strings, never through a float.
 */

let displayTimeZone: string | undefined;
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

/** The organization's IANA time zone, for every date and time shown from now on. */
export function setDisplayTimeZone(timeZone: string | undefined): void {
  if (timeZone === displayTimeZone) return;
  displayTimeZone = timeZone;
  formatters.clear();
}

export function userLocale(): string | undefined {
  // Read through globalThis: the tests run this module in Node, where there is no browser.
  const nav = (globalThis as { navigator?: { languages?: readonly string[]; language?: string } }).navigator;
  return nav?.languages?.[0] ?? nav?.language;
}

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = formatters.get(key) as T | undefined;
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f;
}

/** Intl formats decimal strings exactly (no float in between). */
type Decimal = `${number}`;

/** "1234567.50", "USD" → "USD 1,234,567.50" (en-US), "1.234.567,50 USD" (de-DE); keeps the amount's decimals. */
export function formatMoney(amount: string, currency?: string): string {
  const decimals = amount.split('.')[1]?.length ?? 0;
  const key = `m|${currency ?? ''}|${decimals}`;
  const f = cached(key, () =>
    currency
      ? new Intl.NumberFormat(userLocale(), {
          style: 'currency',
          currency,
          currencyDisplay: 'code',
          minimumFractionDigits: decimals,
          maximumFractionDigits: decimals,
        })
      : new Intl.NumberFormat(userLocale(), { minimumFractionDigits: decimals, maximumFractionDigits: decimals }),
  );
  return f.format(amount as Decimal);
}

export function formatNumber(n: number): string {
  return cached('n', () => new Intl.NumberFormat(userLocale())).format(n);
}

/**
 * A business date ("2026-12-31", a calendar day with no time zone) as the same day, or an instant
 * as its day in the organization's time zone.
 */
export function formatDate(value: string | null | undefined, empty = '—'): string {
  if (!value) return empty;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const f = cached(
    `d|${dateOnly}`,
    () => new Intl.DateTimeFormat(userLocale(), { dateStyle: 'medium', timeZone: dateOnly ? 'UTC' : displayTimeZone }),
  );
  return f.format(new Date(dateOnly ? `${value}T00:00:00Z` : value));
}

/** An instant as date and time in the organization's time zone. */
export function formatDateTime(value: string | null | undefined, empty = '—'): string {
  if (!value) return empty;
  const f = cached(
    'dt',
    () => new Intl.DateTimeFormat(userLocale(), { dateStyle: 'medium', timeStyle: 'short', timeZone: displayTimeZone }),
  );
  return f.format(new Date(value));
}
