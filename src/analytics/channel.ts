import { businessDaysBetween } from './business-days.ts';

/** A registration as the channel analytics read it. */
export interface RegistrationFact {
  partnerId: string;
  partnerName: string;
  partnerType: string | null;
  tier: string | null;
  status: 'pending' | 'approved' | 'rejected' | 'expired';
  registeredAt: Date;
  decidedAt: Date | null;
  /** Whether a conflict was ever found for it. */
  conflicted: boolean;
  /** The status of its deal, when approved into one. */
  dealStatus: 'open' | 'won' | 'lost' | null;
  /** The distributor it went through (two-tier), or null when the partner registered with us directly. */
  distributorName: string | null;
}

/** A deal as the channel analytics read it. */
export interface DealFact {
  channel: 'direct' | 'partner';
  partnerId: string | null;
  status: 'open' | 'won' | 'lost';
  createdAt: Date;
  closedAt: Date | null;
  /** Exact decimal as text, or null. */
  amount: string | null;
  /** The distributor of the registration approved into it (two-tier), or null. */
  distributorName: string | null;
}

export interface ChannelGroupStats {
  key: string;
  registered: number;
  approved: number;
  rejected: number;
  expired: number;
  won: number;
  /** Registrations with a conflict over all registrations (null without any). */
  conflictRate: number | null;
  /** Mean business days from registration to decision, over decided ones (null without any). */
  meanApprovalBusinessDays: number | null;
  /** Won over closed deals of the group's partner deals (null when none closed). */
  winRate: number | null;
  /** Mean days from creation to close of the won deals (null without any). */
  meanCycleDays: number | null;
  /** Sum of the won deals' amounts, as text with two decimals. */
  revenueWon: string;
}

export interface ChannelSideStats {
  deals: number;
  won: number;
  lost: number;
  winRate: number | null;
  meanCycleDays: number | null;
  revenueWon: string;
}

export interface ChannelAnalytics {
  funnel: { registered: number; approved: number; won: number };
  overall: ChannelGroupStats;
  byPartner: ChannelGroupStats[];
  byTier: ChannelGroupStats[];
  byType: ChannelGroupStats[];
  /** Two-tier: by the distributor registrations and deals went through; `ONE_TIER` for none. */
  byDistributor: ChannelGroupStats[];
  channelVsDirect: { direct: ChannelSideStats; partner: ChannelSideStats };
}

const DAY = 86_400_000;
const mean = (xs: readonly number[]): number | null => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/** Sums decimal texts exactly (cents as bigint). */
function sumCents(amounts: readonly (string | null)[]): string {
  let cents = 0n;
  for (const a of amounts) {
    if (a === null) continue;
    const neg = a.startsWith('-');
    const [whole = '0', frac = ''] = (neg ? a.slice(1) : a).split('.');
    const c = BigInt(whole) * 100n + BigInt((frac + '00').slice(0, 2));
    cents += neg ? -c : c;
  }
  const neg = cents < 0n;
  const abs = neg ? -cents : cents;
  return `${neg ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

function sideStats(deals: readonly DealFact[]): ChannelSideStats {
  const won = deals.filter((d) => d.status === 'won');
  const lost = deals.filter((d) => d.status === 'lost');
  const closed = won.length + lost.length;
  return {
    deals: deals.length,
    won: won.length,
    lost: lost.length,
    winRate: closed ? won.length / closed : null,
    meanCycleDays: mean(won.flatMap((d) => (d.closedAt ? [(d.closedAt.getTime() - d.createdAt.getTime()) / DAY] : []))),
    revenueWon: sumCents(won.map((d) => d.amount)),
  };
}

function groupStats(key: string, regs: readonly RegistrationFact[], deals: readonly DealFact[]): ChannelGroupStats {
  const decided = regs.filter((r) => r.decidedAt !== null);
  const side = sideStats(deals);
  return {
    key,
    registered: regs.length,
    approved: regs.filter((r) => r.status === 'approved' || r.status === 'expired').length,
    rejected: regs.filter((r) => r.status === 'rejected').length,
    expired: regs.filter((r) => r.status === 'expired').length,
    won: regs.filter((r) => r.dealStatus === 'won').length,
    conflictRate: regs.length ? regs.filter((r) => r.conflicted).length / regs.length : null,
    meanApprovalBusinessDays: mean(
      decided.map((r) => businessDaysBetween(r.registeredAt, r.decidedAt ?? r.registeredAt)),
    ),
    winRate: side.winRate,
    meanCycleDays: side.meanCycleDays,
    revenueWon: side.revenueWon,
  };
}

function groupBy(
  regs: readonly RegistrationFact[],
  deals: readonly DealFact[],
  keyOf: (r: { partnerId: string }) => string,
): ChannelGroupStats[] {
  const keys = [...new Set(regs.map(keyOf))].sort();
  const dealKey = new Map(regs.map((r) => [r.partnerId, keyOf(r)]));
  return keys.map((k) =>
    groupStats(
      k,
      regs.filter((r) => keyOf(r) === k),
      deals.filter((d) => d.partnerId !== null && dealKey.get(d.partnerId) === k),
    ),
  );
}

/**
 * Registrations and partner deals by the distributor they went through, each by its own record (a
 * reseller may register some deals through a distributor and others directly), distributors by name
 * with the one-tier group last.
 */
function byDistributor(regs: readonly RegistrationFact[], partnerDeals: readonly DealFact[]): ChannelGroupStats[] {
  const keyOf = (x: { distributorName: string | null }) => x.distributorName ?? ONE_TIER;
  const registered = new Set(regs.map((r) => r.partnerId));
  const deals = partnerDeals.filter((d) => d.partnerId !== null && registered.has(d.partnerId));
  const names = [...new Set(regs.flatMap((r) => (r.distributorName === null ? [] : [r.distributorName])))].sort();
  const keys = regs.some((r) => r.distributorName === null) ? [...names, ONE_TIER] : names;
  return keys.map((k) =>
    groupStats(
      k,
      regs.filter((r) => keyOf(r) === k),
      deals.filter((d) => keyOf(d) === k),
    ),
  );
}

/** The group of registrations and deals that went through no distributor. */
export const ONE_TIER = 'no distributor';

/**
 * The channel's numbers: the partner funnel (registered → approved → won; an expired registration
 * was approved), approval times in business days, the conflict rate, win rate and cycle time of
 * partner deals by partner, tier and partner type, and channel beside direct. Partner deals are
 * grouped by their partner account; deals of partners without registrations are only in the
 * channel-vs-direct numbers.
 */
export function channelAnalytics(regs: readonly RegistrationFact[], deals: readonly DealFact[]): ChannelAnalytics {
  const partnerDeals = deals.filter((d) => d.channel === 'partner');
  const byPartnerName = new Map(regs.map((r) => [r.partnerId, r.partnerName]));
  const tierOf = new Map(regs.map((r) => [r.partnerId, r.tier ?? 'no tier']));
  const typeOf = new Map(regs.map((r) => [r.partnerId, r.partnerType ?? 'no type']));
  const overall = groupStats(
    'all',
    regs,
    partnerDeals.filter((d) => d.partnerId !== null && byPartnerName.has(d.partnerId)),
  );
  return {
    funnel: { registered: overall.registered, approved: overall.approved, won: overall.won },
    overall,
    byPartner: groupBy(regs, partnerDeals, (r) => byPartnerName.get(r.partnerId) ?? r.partnerId),
    byTier: groupBy(regs, partnerDeals, (r) => tierOf.get(r.partnerId) ?? 'no tier'),
    byType: groupBy(regs, partnerDeals, (r) => typeOf.get(r.partnerId) ?? 'no type'),
    byDistributor: byDistributor(regs, partnerDeals),
    channelVsDirect: {
      direct: sideStats(deals.filter((d) => d.channel === 'direct')),
      partner: sideStats(partnerDeals),
    },
  };
}
