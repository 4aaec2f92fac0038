import { fromScaled, toScaled } from '../contract/money.ts';

/**
 * Forecast submissions and quotas: the fiscal calendar's quarters, the figures a rep's submission
 * is pre-filled with, a manager's roll-up with overrides, accuracy once a period has closed, and
 * quota attainment with pacing. Pure functions over plain values; money as exact decimal strings.
 */

import type { FiscalPeriod } from '../contract/fiscal.ts';
export { fiscalPeriod, fiscalPeriodOf, isFiscalPeriodKey, type FiscalPeriod } from '../contract/fiscal.ts';

/** The three figures a forecast consists of (cumulative: best case includes commit, pipeline best case). */
export interface ForecastFigures {
  commit: string;
  bestCase: string;
  pipeline: string;
}

/** An open deal of a submission: its amount, its forecast category and its stage's probability then. */
export interface ForecastDeal {
  dealId: string;
  amount: string;
  category: 'pipeline' | 'best_case' | 'commit' | 'omitted';
  /** The win probability (percent) of the deal's stage when the forecast was made. */
  probability: number;
}

const cents = (v: string): bigint => toScaled(v, 2);
const money = (v: bigint): string => fromScaled(v, 2);

/**
 * The pre-filled figures of a rep's submission: `won` (deals won in the period so far) counts in
 * all three; commit adds the open deals forecast as commit, best case adds best case, pipeline adds
 * pipeline. Omitted deals count nowhere.
 * @example prefillForecast('100.00', [{amount: '50.00', category: 'commit'}, {amount: '20.00', category: 'pipeline'}])
 *   → { commit: '150.00', bestCase: '150.00', pipeline: '170.00' }
 */
export function prefillForecast(
  won: string,
  deals: readonly Pick<ForecastDeal, 'amount' | 'category'>[],
): ForecastFigures {
  let commit = cents(won);
  let best = 0n;
  let pipe = 0n;
  for (const d of deals) {
    const a = cents(d.amount);
    if (d.category === 'commit') commit += a;
    else if (d.category === 'best_case') best += a;
    else if (d.category === 'pipeline') pipe += a;
  }
  return { commit: money(commit), bestCase: money(commit + best), pipeline: money(commit + best + pipe) };
}

/** One member of a manager's roll-up: their figures and the manager's overrides of them. */
export interface RollUpMember {
  userId: string;
  /** The member's latest submission, or their pre-filled figures when they have not submitted. */
  figures: ForecastFigures;
  override?: Partial<ForecastFigures>;
}

export interface RolledUpMember extends RollUpMember {
  /** The figures counted: each overridden figure replaces the member's own. */
  counted: ForecastFigures;
}

/**
 * A manager's roll-up: each member's figures, overridden figure by figure, summed into the team's.
 * An override keeps the figures cumulative only if the manager gives them so; the roll-up does not
 * reorder them (a manager's judgement is recorded as given).
 */
export function rollUpForecast(members: readonly RollUpMember[]): {
  members: RolledUpMember[];
  total: ForecastFigures;
} {
  let commit = 0n;
  let best = 0n;
  let pipe = 0n;
  const out = members.map((m) => {
    const counted: ForecastFigures = {
      commit: m.override?.commit ?? m.figures.commit,
      bestCase: m.override?.bestCase ?? m.figures.bestCase,
      pipeline: m.override?.pipeline ?? m.figures.pipeline,
    };
    commit += cents(counted.commit);
    best += cents(counted.bestCase);
    pipe += cents(counted.pipeline);
    return { ...m, counted };
  });
  return { members: out, total: { commit: money(commit), bestCase: money(best), pipeline: money(pipe) } };
}

export interface ForecastAccuracy {
  /** Submitted commit − actual won (positive: over-forecast). */
  error: string;
  /** |error| / actual, or null when nothing was won. */
  absolutePercentError: number | null;
  /**
   * Mean of (p − outcome)² over the open deals of the submission, p the stage probability then
   * (0–1) and the outcome 1 if the deal was won within the period, else 0; null without deals.
   */
  brierScore: number | null;
  deals: number;
}

/**
 * How good a forecast was, once its period closed: the commit against what was won, and the
 * Brier score of the deal-level probabilities against the deals' outcomes.
 */
export function forecastAccuracy(
  commit: string,
  actualWon: string,
  deals: readonly Pick<ForecastDeal, 'dealId' | 'probability'>[],
  wonInPeriod: ReadonlySet<string>,
): ForecastAccuracy {
  const error = cents(commit) - cents(actualWon);
  const actual = cents(actualWon);
  let sum = 0;
  for (const d of deals) {
    const outcome = wonInPeriod.has(d.dealId) ? 1 : 0;
    sum += (d.probability / 100 - outcome) ** 2;
  }
  return {
    error: money(error),
    absolutePercentError: actual === 0n ? null : Number(error < 0n ? -error : error) / Number(actual),
    brierScore: deals.length === 0 ? null : sum / deals.length,
    deals: deals.length,
  };
}

const DAY_MS = 86_400_000;
const dayNumber = (day: string): number => Date.parse(`${day}T00:00:00Z`) / DAY_MS;

/** Divides rounding half away from zero. */
function divRound(n: bigint, d: bigint): bigint {
  const q = n / d;
  const r = n % d;
  if ((r < 0n ? -r : r) * 2n < d) return q;
  return n < 0n ? q - 1n : q + 1n;
}

export interface Attainment {
  quota: string;
  actual: string;
  /** actual / quota, or null for a zero quota. */
  attainment: number | null;
  /** Calendar days of the period, and those begun by `today` (today counts; 0 before the period). */
  daysTotal: number;
  daysElapsed: number;
  /** quota × daysElapsed / daysTotal, rounded to cents half away from zero: linear in calendar days. */
  expectedByNow: string;
  /** actual / expectedByNow, or null before the period (nothing expected yet). */
  pacing: number | null;
}

/**
 * Attainment and pacing of a quota on `today` (the organization's day): what was won against the
 * quota, and against the part of it a steady pace would have reached by today, linear in calendar
 * days (weekends and holidays count like any day).
 * @example attainment('900.00', '400.00', {startsOn: '2026-01-01', endsOn: '2026-04-01'}, '2026-01-30')
 *   → 90 days, 30 elapsed, expectedByNow '300.00', pacing 4/3
 */
export function attainment(
  quota: string,
  actual: string,
  period: Pick<FiscalPeriod, 'startsOn' | 'endsOn'>,
  today: string,
): Attainment {
  const start = dayNumber(period.startsOn);
  const total = dayNumber(period.endsOn) - start;
  const elapsed = Math.min(total, Math.max(0, dayNumber(today) - start + 1));
  const q = cents(quota);
  const expected = total === 0 ? 0n : divRound(q * BigInt(elapsed), BigInt(total));
  return {
    quota,
    actual,
    attainment: q === 0n ? null : Number(cents(actual)) / Number(q),
    daysTotal: total,
    daysElapsed: elapsed,
    expectedByNow: money(expected),
    pacing: expected === 0n ? null : Number(cents(actual)) / Number(expected),
  };
}
