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
  const reasons: string[] = [];
  const owner = candidates.find((c) => c.ownsAccount);
  if (owner && owner.unavailable === null)
    return { repId: owner.repId, rule: 'account_owner', reasons: [`${owner.name} owns the account`] };
  if (owner) reasons.push(`account owner ${owner.name} skipped: ${owner.unavailable ?? ''}`);
  let best: RoutingCandidate | null = null;
  for (const c of candidates) {
    if (c.unavailable !== null) {
      if (c !== owner) reasons.push(`${c.name} skipped: ${c.unavailable}`);
      continue;
    }
    if (c.weight <= 0) continue;
    if (!best || c.assigned * best.weight < best.assigned * c.weight) best = c;
  }
  if (!best) return { repId: null, rule: 'none', reasons: [...reasons, 'no rep in the pool can take the meeting'] };
  const others = candidates.filter((c) => c !== best && c.unavailable === null && c.weight > 0);
  const ahead = others.length ? `; ${others.map((c) => `${c.name} ${c.assigned}/${c.weight}`).join(', ')}` : '';
  return {
    repId: best.repId,
    rule: 'pool',
    reasons: [
      ...reasons,
      `pool round robin: ${best.name} had ${best.assigned} meetings for weight ${best.weight}, the fewest per weight${ahead}`,
    ],
  };
}
