import { holidayAt, holidayReason, type Holiday } from './holidays.ts';
import { namedFirst, pickFromPool, skippedReasons, type PoolCandidate, type PoolSpec } from './pools.ts';

/** One rep the meeting could go to, as the router sees them. */
export interface RoutingCandidate {
  repId: string;
  name: string;
  /** Share of the pool's meetings: a rep of weight 2 gets twice as many as one of weight 1; 0 takes none from the pool. */
  weight: number;
  /** Meetings already routed to or booked for the rep in the period. */
  assigned: number;
  /** Why the rep cannot take the meeting (out of office, day full, …), or null. */
  unavailable: string | null;
  /** The rep owns the account the meeting is for. */
  ownsAccount: boolean;
}

export interface RoutingDecision {
  repId: string | null;
  rule: 'account_owner' | 'pool' | 'none';
  /** Why, in words, for the record and the event. */
  reasons: string[];
}

/**
 * Picks the rep for a meeting by ordered rules: the account's owner first when they can take it;
 * otherwise the pool by weighted round robin, that is the available rep with the fewest meetings per
 * unit of weight (`assigned / weight`, ties in the given order). Over any run of assignments each
 * rep's count stays within one meeting of their weighted share, and after a whole number of rounds
 * (a multiple of the total weight) it equals it. Unavailable reps are skipped with their reason.
 */
export function routeMeeting(candidates: readonly RoutingCandidate[]): RoutingDecision {
  const owner = candidates.find((c) => c.ownsAccount);
  if (owner && owner.unavailable === null)
    return { repId: owner.repId, rule: 'account_owner', reasons: [`${owner.name} owns the account`] };
  const skipped: { name: string; why: string }[] = [];
  let best: RoutingCandidate | null = null;
  for (const c of candidates) {
    if (c.unavailable !== null) {
      if (c !== owner) skipped.push({ name: c.name, why: c.unavailable });
      continue;
    }
    if (c.weight <= 0) continue;
    if (!best || c.assigned * best.weight < best.assigned * c.weight) best = c;
  }
  const reasons = [
    ...(owner ? [`account owner ${owner.name} skipped: ${owner.unavailable ?? ''}`] : []),
    ...skippedReasons(skipped),
  ];
  if (!best) return { repId: null, rule: 'none', reasons: [...reasons, 'no rep in the pool can take the meeting'] };
  const others = candidates
    .filter((c) => c !== best && c.unavailable === null && c.weight > 0)
    .sort((a, b) => a.assigned * b.weight - b.assigned * a.weight);
  const ahead = others.length ? `; ${namedFirst(others.map((c) => `${c.name} ${c.assigned}/${c.weight}`))}` : '';
  return {
    repId: best.repId,
    rule: 'pool',
    reasons: [
      ...reasons,
      `pool round robin: ${best.name} had ${best.assigned} meetings for weight ${best.weight}, the fewest per weight${ahead}`,
    ],
  };
}

/** A pool as one step of the ordered rules: its spec and its members as candidates. */
export interface RoutingPoolStep {
  poolId: string | null;
  spec: PoolSpec;
  candidates: readonly PoolCandidate[];
}

/** The ordered rules for one record: account owner, then territory, then the fallback pool. */
export interface RoutingPlan {
  owner: { repId: string; name: string; unavailable: string | null } | null;
  territory: { id: string; name: string; reasons: readonly string[]; pool: RoutingPoolStep | null } | null;
  fallback: RoutingPoolStep | null;
}

export interface RuleDecision {
  repId: string | null;
  rule: 'account_owner' | 'territory' | 'pool' | 'none';
  territoryId: string | null;
  poolId: string | null;
  reasons: string[];
}

/**
 * Picks a rep by ordered rules: the account's owner when they can take it; otherwise the record's
 * territory, choosing among its pool (or its members) by the pool's algorithm; otherwise the
 * fallback pool. Each step that passes says why, so the reasons read as the whole decision
 * ("territory DACH: …", "pool West (fewest assignments): Dana had 3 fewer this period than …").
 */
export function routeByRules(plan: RoutingPlan): RuleDecision {
  const reasons: string[] = [];
  const territoryId = plan.territory?.id ?? null;
  if (plan.owner && plan.owner.unavailable === null)
    return {
      repId: plan.owner.repId,
      rule: 'account_owner',
      territoryId,
      poolId: null,
      reasons: [`${plan.owner.name} owns the account`],
    };
  if (plan.owner) reasons.push(`account owner ${plan.owner.name} skipped: ${plan.owner.unavailable ?? ''}`);
  if (plan.territory) {
    reasons.push(...plan.territory.reasons);
    const step = plan.territory.pool;
    if (step) {
      const pick = pickFromPool(step.spec, step.candidates);
      reasons.push(...pick.reasons);
      if (pick.repId !== null)
        return { repId: pick.repId, rule: 'territory', territoryId, poolId: step.poolId, reasons };
    } else reasons.push(`territory ${plan.territory.name} has no pool or members to route to`);
  }
  if (plan.fallback) {
    const pick = pickFromPool(plan.fallback.spec, plan.fallback.candidates);
    reasons.push(...pick.reasons);
    if (pick.repId !== null)
      return { repId: pick.repId, rule: 'pool', territoryId, poolId: plan.fallback.poolId, reasons };
  }
  return { repId: null, rule: 'none', territoryId, poolId: null, reasons: [...reasons, 'no rep can take it'] };
}

/** What lead routing knows of a rep's presence: their zone, their time off and the holidays they keep. */
export interface RepPresence {
  /** IANA time zone of the rep's working hours: a holiday is their whole local day in it. */
  timeZone: string;
  timeOff: readonly { start: Date; end: Date }[];
  holidays: readonly Holiday[];
}

/**
 * Why a rep cannot take a lead arriving at `at`, or null when they can (also when nothing is
 * known of them): a holiday of one of their calendars on their local day, named as the booking
 * check names it (`holiday: Christmas Day (US federal)`), else out of office while a time off
 * runs (its start included, its end not).
 */
export function leadUnavailableReason(rep: RepPresence | undefined, at: Date): string | null {
  if (!rep) return null;
  const holiday = holidayAt(rep.holidays, at, rep.timeZone);
  if (holiday) return holidayReason(holiday);
  if (rep.timeOff.some((s) => s.start.getTime() <= at.getTime() && at.getTime() < s.end.getTime()))
    return 'out of office';
  return null;
}
