import { fromScaled, toScaled } from '../contract/money.ts';
import { currencyOrder, moneyRatio, ratio } from './numbers.ts';

/** A window of calendar days, both inclusive ('YYYY-MM-DD'). */
export interface DayWindow {
  from: string;
  to: string;
}

/** What the database counts for one window and currency. */
export interface VelocityInput {
  currency: string;
  /** Deals in an open stage of the pipeline at the end of the window. */
  openDeals: number;
  /** Exact sum of their amounts. */
  openAmount: string;
  /** Deals whose last close in the window was a win / a loss. */
  won: number;
  lost: number;
  /** Exact sum of the won deals' amounts, and how many of them have an amount. */
  wonAmount: string;
  wonWithAmount: number;
  /** Σ seconds from first visit to the win, over the won deals. */
  wonCycleSeconds: number;
}

export interface VelocityFactors {
  openDeals: number;
  openAmount: string;
  won: number;
  lost: number;
  /** won / (won + lost). */
  winRate: number | null;
  /** Mean amount of the won deals that have one, rounded to cents. */
  avgWonAmount: string | null;
  /** Mean days from creation to win of the won deals. */
  avgCycleDays: number | null;
  /** openDeals × avgWonAmount × winRate / avgCycleDays: expected revenue per day, rounded to cents. */
  velocity: string | null;
}

export const velocityFactorNames = ['openDeals', 'avgWonAmount', 'winRate', 'cycleSpeed'] as const;
export type VelocityFactorName = (typeof velocityFactorNames)[number];

export interface FactorContribution {
  factor: VelocityFactorName;
  /** ln(current / comparison) of the factor (cycleSpeed = 1 / avgCycleDays). */
  logRatio: number | null;
  /** logRatio / ln(V₁ / V₀): the factor's share of the change; the shares sum to 1. */
  share: number | null;
  /** The factor's part of V₁ − V₀ per day (LMDI): the parts sum to the change. */
  contribution: number | null;
}

export interface VelocityRow {
  currency: string;
  current: VelocityFactors;
  comparison: VelocityFactors;
  /** V₁ − V₀ per day, or null when either is unknown. */
  change: number | null;
  factors: FactorContribution[];
}

const DAY_SECONDS = 86_400;

function divideToCents(sumCents: bigint, n: number): string {
  const d = BigInt(n);
  const q = (2n * sumCents + d) / (2n * d); // half up for non-negative sums
  return fromScaled(q, 2);
}

/** The four factors and the velocity of one window. */
export function velocityFactors(x: VelocityInput): VelocityFactors {
  const winRate = ratio(x.won, x.won + x.lost);
  const avgWonAmount = x.wonWithAmount === 0 ? null : divideToCents(toScaled(x.wonAmount, 2), x.wonWithAmount);
  const avgCycleDays = x.won === 0 ? null : x.wonCycleSeconds / x.won / DAY_SECONDS;
  const velocity =
    winRate === null || avgWonAmount === null || avgCycleDays === null || avgCycleDays === 0
      ? null
      : ((x.openDeals * Number(avgWonAmount) * winRate) / avgCycleDays).toFixed(2);
  return {
    openDeals: x.openDeals,
    openAmount: x.openAmount,
    won: x.won,
    lost: x.lost,
    winRate,
    avgWonAmount,
    avgCycleDays,
    velocity,
  };
}

function factorValue(f: VelocityFactors, name: VelocityFactorName): number | null {
  switch (name) {
    case 'openDeals':
      return f.openDeals;
    case 'avgWonAmount':
      return f.avgWonAmount === null ? null : Number(f.avgWonAmount);
    case 'winRate':
      return f.winRate;
    case 'cycleSpeed':
      return f.avgCycleDays === null || f.avgCycleDays === 0 ? null : 1 / f.avgCycleDays;
  }
}

/** The product of the factors (unrounded), so the decomposition is exact. */
function product(f: VelocityFactors): number | null {
  let v = 1;
  for (const n of velocityFactorNames) {
    const x = factorValue(f, n);
    if (x === null) return null;
    v *= x;
  }
  return v;
}

/**
 * Decomposes the change of velocity V = N × A × p × (1/C) between a comparison and a current
 * window into the factors' contributions, by the logarithmic mean Divisia index (LMDI):
 * ln(V₁/V₀) = Σ ln(f₁/f₀), and the part of V₁ − V₀ due to factor f is L(V₁, V₀) × ln(f₁/f₀) with
 * L(a, b) = (a − b) / (ln a − ln b) (L(a, a) = a). The parts sum exactly to V₁ − V₀ and do not
 * depend on the order of the factors. When a factor is zero or unknown in either window, its log
 * ratio and every contribution are null (a log of 0 has no value).
 */
export function decompose(
  current: VelocityFactors,
  comparison: VelocityFactors,
): { change: number | null; factors: FactorContribution[] } {
  const v1 = product(current);
  const v0 = product(comparison);
  const change = v1 === null || v0 === null ? null : v1 - v0;
  const logs = velocityFactorNames.map((name) => {
    const a = factorValue(current, name);
    const b = factorValue(comparison, name);
    return a === null || b === null || a <= 0 || b <= 0 ? null : Math.log(a / b);
  });
  const complete = logs.every((l) => l !== null) && v1 !== null && v0 !== null && v1 > 0 && v0 > 0;
  const lnV = complete ? Math.log(v1 / v0) : null;
  const mean = complete ? (v1 === v0 ? v1 : (v1 - v0) / Math.log(v1 / v0)) : null;
  return {
    change,
    factors: velocityFactorNames.map((factor, i) => {
      const logRatio = logs[i] ?? null;
      return {
        factor,
        logRatio,
        share: lnV === null || lnV === 0 || logRatio === null ? null : logRatio / lnV,
        contribution: mean === null || logRatio === null ? null : mean * logRatio,
      };
    }),
  };
}

const none = (currency: string): VelocityInput => ({
  currency,
  openDeals: 0,
  openAmount: '0',
  won: 0,
  lost: 0,
  wonAmount: '0',
  wonWithAmount: 0,
  wonCycleSeconds: 0,
});

/**
 * Velocity per currency for the current and the comparison window, with the contribution of each
 * factor to the change (see `decompose`) and, when a target is given, pipeline coverage: the open
 * amount at the end of the current window in the target's currency / target.
 */
export function computeVelocity(
  baseCurrency: string,
  current: readonly VelocityInput[],
  comparison: readonly VelocityInput[],
  target: { amount: string; currency: string } | null,
): {
  byCurrency: VelocityRow[];
  coverage: { target: string; currency: string; openAmount: string; ratio: number | null } | null;
} {
  const currencies = [...new Set([...current, ...comparison].map((x) => x.currency))].sort(currencyOrder(baseCurrency));
  const byCurrency = currencies.map((currency) => {
    const c = velocityFactors(current.find((x) => x.currency === currency) ?? none(currency));
    const p = velocityFactors(comparison.find((x) => x.currency === currency) ?? none(currency));
    return { currency, current: c, comparison: p, ...decompose(c, p) };
  });
  if (!target) return { byCurrency, coverage: null };
  const openAmount = fromScaled(toScaled(current.find((x) => x.currency === target.currency)?.openAmount ?? '0', 2), 2);
  return {
    byCurrency,
    coverage: {
      target: fromScaled(toScaled(target.amount, 2), 2),
      currency: target.currency,
      openAmount,
      ratio: moneyRatio(openAmount, target.amount),
    },
  };
}

const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);
const dayMs = (d: string) => Date.parse(`${d}T00:00:00Z`);

/** The calendar day of an instant in a time zone. */
export function dayIn(instant: Date, timezone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/**
 * The current window: from/to as given; a missing `to` is today, a missing `from` is 89 days before
 * `to` (90 days). The comparison window: as given, or the window of the same length just before.
 */
export function velocityWindows(
  today: string,
  f: { from?: string | undefined; to?: string | undefined },
  compare: { from?: string | undefined; to?: string | undefined },
): { current: DayWindow; comparison: DayWindow } {
  const to = f.to ?? today;
  const from = f.from ?? isoDay(dayMs(to) - 89 * 86_400_000);
  const days = Math.round((dayMs(to) - dayMs(from)) / 86_400_000) + 1;
  const cTo = compare.to ?? isoDay(dayMs(from) - 86_400_000);
  const cFrom = compare.from ?? isoDay(dayMs(cTo) - (days - 1) * 86_400_000);
  return { current: { from, to }, comparison: { from: cFrom, to: cTo } };
}
