/**
 * Quarter-end gaming: deals held back past a period's end to land in the next one, and discounts
 * given to cross a commission accelerator. Pure functions over plain rows, like the detectors of
 * `detectors.ts`; definitions are in docs/oversight.md.
 */
import { fiscalPeriodOf } from '../contract/fiscal.ts';
import { DISCOUNT_DEFAULT_Z, robustZ, round2, type DetectedFinding } from './detectors.ts';

const DAY_MS = 86_400_000;
const dayNumber = (day: string): number => Date.parse(`${day}T00:00:00Z`) / DAY_MS;

/** A change of a deal's expected close date, dated by the day it was made in the organization's time zone. */
export interface CloseDateMove {
  eventId: string;
  dealId: string;
  personId: string | null;
  /** The day (`YYYY-MM-DD`, organization time zone) the change was made. */
  day: string;
  from: string | null;
  to: string | null;
}

/** A deal won, on the day (`YYYY-MM-DD`, organization time zone) it was won. */
export interface DealWin {
  eventId: string;
  dealId: string;
  day: string;
}

export const PUSH_DEFAULT_LAST_DAYS = 7;
export const PUSH_DEFAULT_WIN_DAYS = 10;

/**
 * Pushed past the period end: in the last `lastDays` (default 7) days of a fiscal quarter, a deal's
 * expected close date is moved from a day of that quarter not yet passed (the day of the move or
 * later: a date already passed that is moved out is a slip) to after its end, and the deal is then won
 * within `winDays` (default 10) days of the next quarter's start. One finding per deal and quarter
 * (the first such move), severity medium; the score is the day of the new quarter it was won on
 * (0: its first day).
 */
export function detectQuarterEndPushes(
  moves: readonly CloseDateMove[],
  wins: readonly DealWin[],
  opts: { fiscalYearStartMonth: number; lastDays?: number; winDays?: number },
): DetectedFinding[] {
  const lastDays = opts.lastDays ?? PUSH_DEFAULT_LAST_DAYS;
  const winDays = opts.winDays ?? PUSH_DEFAULT_WIN_DAYS;
  const out: DetectedFinding[] = [];
  const seen = new Set<string>();
  for (const m of moves) {
    if (!m.from || !m.to) continue;
    const quarter = fiscalPeriodOf(m.day, opts.fiscalYearStartMonth);
    const end = dayNumber(quarter.endsOn);
    if (end - dayNumber(m.day) > lastDays) continue;
    if (m.from < quarter.startsOn || m.from >= quarter.endsOn || m.to < quarter.endsOn) continue;
    // A close date that had already passed and is moved out is a slip being tidied, not a push.
    if (m.from < m.day) continue;
    const fingerprint = `push:${m.dealId}:${quarter.key}`;
    if (seen.has(fingerprint)) continue;
    const win = wins.find((w) => w.dealId === m.dealId && w.day >= quarter.endsOn && dayNumber(w.day) - end < winDays);
    if (!win) continue;
    seen.add(fingerprint);
    const into = dayNumber(win.day) - end;
    out.push({
      detector: 'quarter_end_gaming',
      fingerprint,
      severity: 'medium',
      summary: `expected close moved from ${m.from} to ${m.to} on ${m.day}, ${end - dayNumber(m.day)} day(s) before ${quarter.key} ended; won on day ${into + 1} of the next quarter`,
      subjectType: 'deal',
      subjectId: m.dealId,
      personId: m.personId,
      evidence: [m.eventId, win.eventId],
      score: into,
    });
  }
  return out;
}

/** What a won deal credited to a rep in a commission period, against the rep's accelerator. */
export interface AcceleratorCredit {
  /** The win event. */
  eventId: string;
  dealId: string;
  personId: string;
  /** The commission period (`YYYY-MM`). */
  period: string;
  /** Credited to the rep in the period before this deal, and after it (in the plan's currency). */
  before: number;
  after: number;
  /** Where the rep's plan's first accelerator tier (multiplier above 1) starts. */
  threshold: number;
}

/** The discount of a rep's won deal: its highest line discount from list price, in percent. */
export interface WonDealDiscount {
  dealId: string;
  personId: string;
  discountPercent: number;
}

export const ACCELERATOR_NEAR_FRACTION = 0.8;
export const ACCELERATOR_MIN_OTHER_DEALS = 5;

/**
 * Discounts that rise near an accelerator: a deal won while the rep's credit of the period lay in
 * [0.8 T, T) and that takes it to T or beyond, T the start of the plan's accelerator tier, whose
 * discount's robust z-score (as discount outliers: the rep's other won deals with this one) is above
 * `z` (default 3.5), judged only with at least `minOthers` (default 5) other won deals with a
 * discount. Severity high above twice the threshold, else medium.
 */
export function detectAcceleratorDiscounts(
  credits: readonly AcceleratorCredit[],
  discounts: readonly WonDealDiscount[],
  opts: { z?: number; minOthers?: number } = {},
): DetectedFinding[] {
  const limit = opts.z ?? DISCOUNT_DEFAULT_Z;
  const minOthers = opts.minOthers ?? ACCELERATOR_MIN_OTHER_DEALS;
  const out: DetectedFinding[] = [];
  const seen = new Set<string>();
  for (const c of credits) {
    if (seen.has(c.dealId) || c.threshold <= 0) continue;
    if (c.before < ACCELERATOR_NEAR_FRACTION * c.threshold || c.before >= c.threshold || c.after < c.threshold)
      continue;
    const own = discounts.find((d) => d.dealId === c.dealId && d.personId === c.personId);
    if (!own) continue;
    const others = discounts.filter((d) => d.personId === c.personId && d.dealId !== c.dealId);
    if (others.length < minOthers) continue;
    const z = robustZ([...others.map((d) => d.discountPercent), own.discountPercent]).at(-1) ?? 0;
    if (z <= limit) continue;
    seen.add(c.dealId);
    out.push({
      detector: 'quarter_end_gaming',
      fingerprint: `accelerator:${c.dealId}`,
      severity: z > 2 * limit ? 'high' : 'medium',
      summary: `won with a ${round2(own.discountPercent)}% discount (robust z ${round2(z)} against ${others.length} other won deals), taking the ${c.period} credit from ${round2(c.before)} to ${round2(c.after)} past the accelerator at ${round2(c.threshold)}`,
      subjectType: 'deal',
      subjectId: c.dealId,
      personId: c.personId,
      evidence: [c.eventId],
      score: round2(z),
    });
  }
  return out;
}
