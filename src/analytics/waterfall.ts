import { fromScaled, toScaled } from '../contract/money.ts';

/** Why a deal's contribution to the pipeline changed between the two instants (one per deal). */
export type WaterfallReason = 'created' | 'pulled_in' | 'amount_up' | 'won' | 'lost' | 'pushed_out' | 'amount_down';

/** The bars in chart order: additions first, then removals. */
export const waterfallReasons: readonly WaterfallReason[] = [
  'created',
  'pulled_in',
  'amount_up',
  'won',
  'lost',
  'pushed_out',
  'amount_down',
];

const labels: Record<WaterfallReason, string> = {
  created: 'Created',
  pulled_in: 'Pulled in',
  amount_up: 'Amount up',
  won: 'Won',
  lost: 'Lost',
  pushed_out: 'Pushed out',
  amount_down: 'Amount down',
};

/** One deal as the repository reconstructs it from the event log at the two instants. */
export interface WaterfallDealState {
  dealId: string;
  name: string;
  /** The deal's currency (amounts of different currencies are never added up). */
  currency: string;
  /** In the measured pipeline at the start instant (open, in the pipeline, close date in the window). */
  inStart: boolean;
  /** Amount at the start instant (decimal string; null = no amount, counted as 0). */
  startAmount: string | null;
  inEnd: boolean;
  endAmount: string | null;
  /** Created at or after the start instant (and before the end instant). */
  createdInRange: boolean;
  /** Kind of the stage the deal is in at the end instant, in whatever pipeline; null if it did not exist yet. */
  endStatus: 'open' | 'won' | 'lost' | null;
}

export interface WaterfallDeal {
  dealId: string;
  name: string;
  startAmount: string | null;
  endAmount: string | null;
  /** Signed contribution of the deal to its bar. */
  change: string;
}

export interface WaterfallBar {
  reason: WaterfallReason;
  label: string;
  /** Signed total: positive for additions, negative (or zero) for removals. */
  amount: string;
  count: number;
  /** The deals behind the bar, largest change first, at most `dealLimit` of them. */
  deals: WaterfallDeal[];
  /** True when more than `dealLimit` deals are behind the bar. */
  truncated: boolean;
}

export interface CurrencyWaterfall {
  currency: string;
  start: { amount: string; count: number };
  bars: WaterfallBar[];
  end: { amount: string; count: number };
  /** Deals in the pipeline at both instants with the same amount (no bar). */
  unchanged: { amount: string; count: number };
}

/**
 * The single reason of a deal, by this precedence (first rule that applies):
 * 1. out at the start, in at the end: `created` if created in the range, else `pulled_in`;
 * 2. in at the start, out at the end: `won` / `lost` by the kind of its stage at the end, else
 *    `pushed_out` (still open, but its close date left the window or it left the pipeline);
 * 3. in at both: `amount_up` / `amount_down` by the sign of end − start amount; unchanged → none;
 * 4. out at both (e.g. created and closed inside the range): none.
 */
export function waterfallReason(d: WaterfallDealState): WaterfallReason | null {
  if (!d.inStart && d.inEnd) return d.createdInRange ? 'created' : 'pulled_in';
  if (d.inStart && !d.inEnd) return d.endStatus === 'won' ? 'won' : d.endStatus === 'lost' ? 'lost' : 'pushed_out';
  if (d.inStart && d.inEnd) {
    const delta = cents(d.endAmount) - cents(d.startAmount);
    return delta > 0n ? 'amount_up' : delta < 0n ? 'amount_down' : null;
  }
  return null;
}

const cents = (amount: string | null): bigint => (amount === null ? 0n : toScaled(amount, 2));
const money = (units: bigint): string => fromScaled(units, 2);
const abs = (n: bigint): bigint => (n < 0n ? -n : n);

/** The signed amount a deal adds to its bar: what entered, what left, or the change. */
function contribution(d: WaterfallDealState, reason: WaterfallReason): bigint {
  switch (reason) {
    case 'created':
    case 'pulled_in':
      return cents(d.endAmount);
    case 'won':
    case 'lost':
    case 'pushed_out':
      return -cents(d.startAmount);
    case 'amount_up':
    case 'amount_down':
      return cents(d.endAmount) - cents(d.startAmount);
  }
}

/**
 * Pipeline waterfall between two instants, one per currency (the `firstCurrency` first, then by
 * code): start = Σ amount of the deals in the measured pipeline at the start; each deal changing
 * its contribution lands in exactly one bar (see `waterfallReason`), so
 * start + created + pulled in + amount up − won − lost − pushed out − amount down = end,
 * exactly (amounts in cents), and the same holds for the deal counts without the amount bars.
 */
export function waterfall(
  deals: readonly WaterfallDealState[],
  opts: { dealLimit: number; firstCurrency?: string },
): CurrencyWaterfall[] {
  const byCurrency = new Map<string, WaterfallDealState[]>();
  for (const d of deals) {
    const list = byCurrency.get(d.currency) ?? [];
    list.push(d);
    byCurrency.set(d.currency, list);
  }
  const codes = [...byCurrency.keys()].sort((a, b) =>
    a === opts.firstCurrency ? -1 : b === opts.firstCurrency ? 1 : a.localeCompare(b),
  );
  return codes.map((currency) => currencyWaterfall(currency, byCurrency.get(currency) ?? [], opts.dealLimit));
}

function currencyWaterfall(
  currency: string,
  deals: readonly WaterfallDealState[],
  dealLimit: number,
): CurrencyWaterfall {
  let start = 0n;
  let end = 0n;
  let startCount = 0;
  let endCount = 0;
  let unchanged = 0n;
  let unchangedCount = 0;
  const grouped = new Map<WaterfallReason, { d: WaterfallDealState; change: bigint }[]>(
    waterfallReasons.map((r) => [r, []]),
  );
  for (const d of deals) {
    if (d.inStart) {
      start += cents(d.startAmount);
      startCount += 1;
    }
    if (d.inEnd) {
      end += cents(d.endAmount);
      endCount += 1;
    }
    const reason = waterfallReason(d);
    if (reason === null) {
      if (d.inStart && d.inEnd) {
        unchanged += cents(d.startAmount);
        unchangedCount += 1;
      }
      continue;
    }
    grouped.get(reason)?.push({ d, change: contribution(d, reason) });
  }
  const bars = waterfallReasons.map((reason): WaterfallBar => {
    const items = grouped.get(reason) ?? [];
    // Largest movement first; name and id make the order total, so equal inputs give equal outputs.
    items.sort((a, b) => {
      const byChange = abs(b.change) - abs(a.change);
      if (byChange !== 0n) return byChange > 0n ? 1 : -1;
      return a.d.name.localeCompare(b.d.name) || a.d.dealId.localeCompare(b.d.dealId);
    });
    return {
      reason,
      label: labels[reason],
      amount: money(items.reduce((acc, i) => acc + i.change, 0n)),
      count: items.length,
      deals: items.slice(0, dealLimit).map(({ d, change }) => ({
        dealId: d.dealId,
        name: d.name,
        startAmount: d.inStart ? d.startAmount : null,
        endAmount: d.inEnd ? d.endAmount : null,
        change: money(change),
      })),
      truncated: items.length > dealLimit,
    };
  });
  return {
    currency,
    start: { amount: money(start), count: startCount },
    bars,
    end: { amount: money(end), count: endCount },
    unchanged: { amount: money(unchanged), count: unchangedCount },
  };
}
