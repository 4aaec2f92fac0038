import { fromScaled, toScaled } from '../../src/contract/money.ts';

export interface StageTotals {
  count: number;
  /** Per currency: the exact sum and the probability-weighted sum, as decimal strings. */
  byCurrency: { currency: string; sum: string; weighted: string }[];
}

/**
 * Count, sum and probability-weighted sum of deals in one stage. Amounts are summed as integer
 * cents (bigint), never as floats; the weighted sum is rounded to cents half up once, at the end.
 */
export function stageTotals(
  deals: readonly { amount: string | null; currency: string }[],
  probability: number,
): StageTotals {
  const cents = new Map<string, bigint>();
  for (const d of deals) {
    if (d.amount === null) continue;
    cents.set(d.currency, (cents.get(d.currency) ?? 0n) + toScaled(d.amount, 2));
  }
  const byCurrency = [...cents.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, sum]) => ({
      currency,
      sum: fromScaled(sum, 2),
      weighted: fromScaled((sum * BigInt(probability) + 50n) / 100n, 2),
    }));
  return { count: deals.length, byCurrency };
}

export { formatMoney } from './format.ts';
