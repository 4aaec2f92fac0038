/**
 * Exact decimal arithmetic on the decimal strings the API and the database exchange. Values are
 * scaled to bigint so that no amount ever passes through a binary float.
 */

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/**
 * A decimal string as an integer count of 10^-scale units, e.g. toScaled("19.99", 2) = 1999n.
 * Digits beyond `scale` must be zeros (the database pads numerics, e.g. "3.0000").
 */
export function toScaled(value: string, scale: number): bigint {
  const m = DECIMAL.exec(value.trim());
  if (!m) throw new RangeError(`not a decimal number: ${value}`);
  const [, sign, whole = '0', frac = ''] = m;
  if (frac.length > scale && /[^0]/.test(frac.slice(scale)))
    throw new RangeError(`${value} has more than ${scale} decimals`);
  const digits = BigInt(whole + frac.slice(0, scale).padEnd(scale, '0'));
  return sign ? -digits : digits;
}

/** The decimal string of a scaled integer, with exactly `scale` decimals. */
export function fromScaled(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const frac = digits.slice(digits.length - scale);
  return `${negative ? '-' : ''}${whole}${scale > 0 ? `.${frac}` : ''}`;
}

/** Divides rounding half away from zero (the rounding PostgreSQL's round() applies to numerics). */
function divRound(n: bigint, d: bigint): bigint {
  const q = n / d;
  const r = n % d;
  const twice = (r < 0n ? -r : r) * 2n;
  if (twice < d) return q;
  return n < 0n ? q - 1n : q + 1n;
}

/**
 * Net total of a line: quantity × unit price × (1 − discount/100), rounded to cents half away
 * from zero. Quantities carry up to 4 decimals, prices and percentages up to 2.
 * @example lineNetTotal('3', '19.99', '10') === '53.97'
 */
export function lineNetTotal(quantity: string, unitPrice: string, discountPercent: string): string {
  const q = toScaled(quantity, 4);
  const p = toScaled(unitPrice, 2);
  const keep = 10_000n - toScaled(discountPercent, 2);
  // q·10^4 × p·10^2 × keep·10^2 is the net at scale 10^8 of a percent, i.e. cents × 10^8.
  return fromScaled(divRound(q * p * keep, 100_000_000n), 2);
}

/** Sum of money amounts (2 decimals), exact. */
export function sumMoney(amounts: readonly string[]): string {
  return fromScaled(
    amounts.reduce((acc, a) => acc + toScaled(a, 2), 0n),
    2,
  );
}

/**
 * A percentage of an amount, rounded to cents half away from zero. Amounts carry 2 decimals,
 * percentages up to 4.
 * @example percentOf('450000.00', '2.5') === '11250.00'
 */
export function percentOf(amount: string, percent: string): string {
  // a·10^2 × p·10^4 is cents × 10^4 of a percent, i.e. cents × 10^6.
  return fromScaled(divRound(toScaled(amount, 2) * toScaled(percent, 4), 1_000_000n), 2);
}
