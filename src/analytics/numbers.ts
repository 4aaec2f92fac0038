import { fromScaled, toScaled } from '../contract/money.ts';

/** a / b, or null when b is 0 (a rate over nothing is unknown, not zero). */
export function ratio(a: number, b: number): number | null {
  return b === 0 ? null : a / b;
}

/** Exact sum of money strings (any number of decimals up to 2). */
export function addMoney(...amounts: readonly string[]): string {
  return fromScaled(
    amounts.reduce((acc, a) => acc + toScaled(a, 2), 0n),
    2,
  );
}

/**
 * a / b of two money strings as a fraction (a ratio, so a float is fine), or null when b is 0.
 * Computed on exact cents, so equal amounts give exactly 1.
 */
export function moneyRatio(a: string, b: string): number | null {
  const den = toScaled(b, 2);
  if (den === 0n) return null;
  return Number(toScaled(a, 2)) / Number(den);
}

/**
 * The value at quantile q (0..1) of ascending `sorted` by linear interpolation between closest
 * ranks (the "R-7" / PostgreSQL percentile_cont definition); null for an empty list.
 */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] ?? 0;
  const b = sorted[hi] ?? 0;
  return a + (b - a) * (pos - lo);
}

/** Orders currencies with the base currency first, the others alphabetically. */
export function currencyOrder(base: string): (a: string, b: string) => number {
  return (a, b) => (a === b ? 0 : a === base ? -1 : b === base ? 1 : a < b ? -1 : 1);
}
