import { sumMoney } from '../contract/money.ts';

/**
 * The protection-window what-if: replays an organisation's approved registrations and their deals
 * under a candidate protection window per tier and says what would have come out differently.
 *
 * A registration is protected from its approval for its window (the tier's days plus any
 * extension). Against a window that ends at `end`:
 * - its deal **closed inside protection** when it was won or lost before `end`;
 * - it **expired** when `end` has passed (by `now`) and the deal had not closed before it;
 * - otherwise the window is still running.
 * A party for the same customer (another partner's registration, or a deal) that started while the
 * registration was live — from its registration until the end of its window — is a conflict; one
 * that started between the two window ends would have arisen (candidate window longer) or vanished
 * (candidate window shorter).
 */

const DAY_MS = 86_400_000;

export interface WhatIfRegistration {
  tierId: string | null;
  registeredAt: Date;
  approvedAt: Date;
  /** The end of its actual protection window (extensions included). */
  protectedUntil: Date;
  /** Days added to the window by extensions (kept under the candidate window). */
  extendedDays: number;
  deal: { status: 'open' | 'won' | 'lost'; closedAt: Date | null; amount: string | null; currency: string };
  /** When each party matching its customer started, after the registration. */
  matchStarts: readonly Date[];
}

export interface WhatIfTier {
  tierId: string | null;
  tierName: string | null;
  currentDays: number;
  candidateDays: number;
}

export interface MoneyByCurrency {
  currency: string;
  amount: string;
}

export interface WhatIfFigures {
  registrations: number;
  expiredInsteadOfClosed: number;
  closedInsteadOfExpired: number;
  revenueLosingProtection: MoneyByCurrency[];
  revenueGainingProtection: MoneyByCurrency[];
  conflictsArising: number;
  conflictsVanishing: number;
}

export interface WhatIfResult {
  byTier: (WhatIfFigures & WhatIfTier)[];
  overall: WhatIfFigures;
}

export type WindowOutcome = 'closed' | 'expired' | 'running';

/** What became of a registration's deal against a window ending at `end`, seen at `now`. */
export function outcomeAt(deal: WhatIfRegistration['deal'], end: Date, now: Date): WindowOutcome {
  if (deal.status !== 'open' && deal.closedAt && deal.closedAt.getTime() < end.getTime()) return 'closed';
  return end.getTime() <= now.getTime() ? 'expired' : 'running';
}

/** The end of the window under a candidate number of days (extensions kept). */
export function candidateEnd(r: Pick<WhatIfRegistration, 'approvedAt' | 'extendedDays'>, days: number): Date {
  return new Date(r.approvedAt.getTime() + (days + r.extendedDays) * DAY_MS);
}

interface Tally {
  registrations: number;
  expiredInsteadOfClosed: number;
  closedInsteadOfExpired: number;
  losing: Map<string, string[]>;
  gaining: Map<string, string[]>;
  conflictsArising: number;
  conflictsVanishing: number;
}

const emptyTally = (): Tally => ({
  registrations: 0,
  expiredInsteadOfClosed: 0,
  closedInsteadOfExpired: 0,
  losing: new Map(),
  gaining: new Map(),
  conflictsArising: 0,
  conflictsVanishing: 0,
});

function add(m: Map<string, string[]>, currency: string, amount: string | null): void {
  if (amount === null) return;
  m.set(currency, [...(m.get(currency) ?? []), amount]);
}

const sums = (m: Map<string, string[]>): MoneyByCurrency[] =>
  [...m.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, amounts]) => ({ currency, amount: sumMoney(amounts) }));

function tally(t: Tally, r: WhatIfRegistration, candidateDays: number, now: Date): void {
  const baseEnd = r.protectedUntil;
  const candEnd = candidateEnd(r, candidateDays);
  const base = outcomeAt(r.deal, baseEnd, now);
  const cand = outcomeAt(r.deal, candEnd, now);
  t.registrations++;
  if (base === 'closed' && cand === 'expired') t.expiredInsteadOfClosed++;
  if (base === 'expired' && cand === 'closed') t.closedInsteadOfExpired++;
  if (r.deal.status === 'won') {
    if (base === 'closed' && cand !== 'closed') add(t.losing, r.deal.currency, r.deal.amount);
    if (base !== 'closed' && cand === 'closed') add(t.gaining, r.deal.currency, r.deal.amount);
  }
  for (const start of r.matchStarts) {
    const at = start.getTime();
    if (at > now.getTime() || at < r.registeredAt.getTime()) continue;
    const liveBase = at < baseEnd.getTime();
    const liveCand = at < candEnd.getTime();
    if (!liveBase && liveCand) t.conflictsArising++;
    if (liveBase && !liveCand) t.conflictsVanishing++;
  }
}

const figures = (t: Tally): WhatIfFigures => ({
  registrations: t.registrations,
  expiredInsteadOfClosed: t.expiredInsteadOfClosed,
  closedInsteadOfExpired: t.closedInsteadOfExpired,
  revenueLosingProtection: sums(t.losing),
  revenueGainingProtection: sums(t.gaining),
  conflictsArising: t.conflictsArising,
  conflictsVanishing: t.conflictsVanishing,
});

/**
 * Replays the registrations of the tiers named under their candidate windows (registrations of a
 * tier not named keep their window and are left out). Per tier and overall.
 */
export function protectionWhatIf(
  registrations: readonly WhatIfRegistration[],
  tiers: readonly WhatIfTier[],
  now: Date,
): WhatIfResult {
  const overall = emptyTally();
  const byTier = tiers.map((tier) => {
    const t = emptyTally();
    for (const r of registrations) {
      if (r.tierId !== tier.tierId) continue;
      tally(t, r, tier.candidateDays, now);
      tally(overall, r, tier.candidateDays, now);
    }
    return { ...tier, ...figures(t) };
  });
  return { byTier, overall: figures(overall) };
}
