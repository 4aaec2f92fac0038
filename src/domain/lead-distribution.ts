/** A partner as the lead distribution rule weighs it. */
export interface DistributionCandidate {
  accountId: string;
  name: string;
  tierName: string | null;
  /** The tier's rank (higher is better); null for a partner without a tier. */
  tierRank: number | null;
  /** How many leads its tier lets it hold at once; null: no limit. */
  leadCapacity: number | null;
  /** Leads it holds now: offered (waiting for an answer) or accepted, while the lead is still open. */
  openLeads: number;
  /** Whether this lead was offered to it before (it declined or let the offer lapse). */
  offeredBefore: boolean;
}

/** Whether a partner may take one more lead under its tier's capacity. */
export function hasCapacity(c: Pick<DistributionCandidate, 'leadCapacity' | 'openLeads'>): boolean {
  return c.leadCapacity === null || c.openLeads < c.leadCapacity;
}

/**
 * The distribution rule: of the partners with room under their tier's capacity that have not had
 * this lead before, the highest tier first; within a tier the one holding the fewest leads; then
 * by name (and id) so the choice is reproducible. Returns the partner and why, or null when no
 * partner can take the lead.
 */
export function choosePartner(
  candidates: readonly DistributionCandidate[],
): { accountId: string; detail: string } | null {
  const eligible = candidates.filter((c) => !c.offeredBefore && hasCapacity(c));
  const rank = (c: DistributionCandidate) => c.tierRank ?? Number.NEGATIVE_INFINITY;
  const best = [...eligible].sort(
    (a, b) =>
      rank(b) - rank(a) ||
      a.openLeads - b.openLeads ||
      a.name.localeCompare(b.name) ||
      a.accountId.localeCompare(b.accountId),
  )[0];
  if (!best) return null;
  const tier = best.tierName ? `tier ${best.tierName}` : 'no tier';
  const load =
    best.leadCapacity === null
      ? `${best.openLeads} open leads`
      : `${best.openLeads} of ${best.leadCapacity} open leads`;
  return { accountId: best.accountId, detail: `${tier}, ${load}, of ${eligible.length} partners with room` };
}
