import { fromScaled, lineNetTotal, toScaled } from '../contract/money.ts';

/*
 * The arithmetic of a commission line: a deal's basis per product family, its split across a
 * plan's tiers, and basis × rate × multiplier, in exact cents.
 */

/** How a plan measures a deal: its amount, or its margin (net of line items less their products' cost). */
export type CommissionBasis = 'amount' | 'margin';

/** A line item of a deal as the log gives it. */
export interface LineItem {
  productId: string | null;
  quantity: string;
  unitPrice: string;
  discountPercent: string;
}

/** Divides rounding half away from zero. */
export function divRound(n: bigint, d: bigint): bigint {
  const q = n / d;
  const r = n % d;
  const twice = (r < 0n ? -r : r) * 2n;
  if (twice < d) return q;
  return n < 0n === d < 0n ? q + 1n : q - 1n;
}

export const cents = (v: string): bigint => toScaled(v, 2);
export const money = (v: bigint): string => fromScaled(v, 2);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** A deal's line items from an event payload (unreadable ones left out). */
export function readItems(v: unknown): LineItem[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((raw: unknown) => {
    if (typeof raw !== 'object' || raw === null) return [];
    const r = raw as Record<string, unknown>;
    const quantity = str(r.quantity);
    const unitPrice = str(r.unitPrice);
    if (quantity === null || unitPrice === null) return [];
    return [{ productId: str(r.productId), quantity, unitPrice, discountPercent: str(r.discountPercent) ?? '0' }];
  });
}

/**
 * The basis of a won deal per product family, in cents, in line-item order: on `amount` the net
 * of each line (or the deal amount when it has no lines, family null); on `margin` the net less
 * quantity × the product's cost (a product without a cost counts in full). A family's basis below
 * zero counts as zero.
 */
export function dealBasis(
  basis: CommissionBasis,
  deal: { amount: string | null; items: readonly LineItem[] },
  products: ReadonlyMap<string, { family: string | null; cost: string | null }>,
): { family: string | null; basis: bigint }[] {
  if (deal.items.length === 0) {
    const amount = deal.amount === null ? 0n : cents(deal.amount);
    return [{ family: null, basis: amount > 0n ? amount : 0n }];
  }
  const byFamily = new Map<string | null, bigint>();
  for (const item of deal.items) {
    const product = item.productId === null ? undefined : products.get(item.productId);
    let value = cents(lineNetTotal(item.quantity, item.unitPrice, item.discountPercent));
    if (basis === 'margin' && product?.cost != null)
      value -= divRound(toScaled(item.quantity, 4) * cents(product.cost), 10_000n);
    const family = product?.family ?? null;
    byFamily.set(family, (byFamily.get(family) ?? 0n) + value);
  }
  return [...byFamily].map(([family, b]) => ({ family, basis: b > 0n ? b : 0n }));
}

/**
 * Splits a credit of `basis` cents, starting at `before` cents already credited in the month,
 * across the plan's tiers: one portion per tier the credit touches, so a deal that crosses a tier
 * boundary is paid at the lower multiplier up to the boundary and the higher one past it.
 */
export function tierPortions(
  tiers: readonly { from: string; multiplier: string }[],
  before: bigint,
  basis: bigint,
): { portion: bigint; multiplier: string }[] {
  const sorted = [...tiers].sort((a, b) => (cents(a.from) < cents(b.from) ? -1 : 1));
  if (sorted.length === 0) return [{ portion: basis, multiplier: '1' }];
  const out: { portion: bigint; multiplier: string }[] = [];
  const end = before + basis;
  sorted.forEach((tier, i) => {
    const lo = i === 0 ? 0n : cents(tier.from);
    const next = sorted[i + 1];
    const hi = next ? cents(next.from) : null;
    const from = before > lo ? before : lo;
    const to = hi === null || end < hi ? end : hi;
    if (to > from) out.push({ portion: to - from, multiplier: tier.multiplier });
  });
  return out;
}

/** basis × rate% × multiplier, to the cent, half away from zero. */
export function commissionOn(basis: bigint, ratePercent: string, multiplier: string): bigint {
  return divRound(basis * toScaled(ratePercent, 4) * toScaled(multiplier, 4), 100n * 10_000n * 10_000n);
}
