export const poolAlgorithms = ['weighted_round_robin', 'count_based'] as const;
export type PoolAlgorithm = (typeof poolAlgorithms)[number];

/** One member of a routing pool as the pool algorithm sees them. */
export interface PoolCandidate {
  repId: string;
  name: string;
  /** Share of the pool's assignments (weighted round robin); 0 takes none. */
  weight: number;
  /** The rep's fairness-ledger balance for the period (calibrated for a mid-period start). */
  balance: number;
  /** Assignments already taken today and this week (for the caps). */
  today: number;
  thisWeek: number;
  capPerDay: number | null;
  capPerWeek: number | null;
  skills: readonly string[];
  /** Why the rep cannot take it (out of office, outside hours, day full), or null. */
  unavailable: string | null;
}

export interface PoolSpec {
  name: string;
  algorithm: PoolAlgorithm;
  /** A skill every chosen rep must have, or null. */
  requiredSkill: string | null;
}

export interface PoolPick {
  repId: string | null;
  reasons: string[];
}

/** Why a member cannot be chosen from the pool, or null when they can. */
export function poolExclusion(pool: PoolSpec, c: PoolCandidate): string | null {
  if (c.unavailable !== null) return c.unavailable;
  if (c.weight <= 0) return 'weight 0';
  if (pool.requiredSkill !== null && !c.skills.some((s) => s.toLowerCase() === pool.requiredSkill?.toLowerCase()))
    return `lacks the skill ${pool.requiredSkill}`;
  if (c.capPerDay !== null && c.today >= c.capPerDay) return `daily cap of ${c.capPerDay} reached`;
  if (c.capPerWeek !== null && c.thisWeek >= c.capPerWeek) return `weekly cap of ${c.capPerWeek} reached`;
  return null;
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** How many skipped members and runners-up a decision names one by one; the rest are counted. */
export const REASONS_LISTED = 5;

/**
 * The reasons for skipped members: each named while there are few, then the rest counted by
 * reason ("14 more skipped: out of office 9, daily cap of 2 reached 5"), so a decision over a large
 * pool stays a few lines long in the record and its event.
 */
export function skippedReasons(skipped: readonly { name: string; why: string }[]): string[] {
  const named = skipped.slice(0, REASONS_LISTED).map((s) => `${s.name} skipped: ${s.why}`);
  const rest = skipped.slice(REASONS_LISTED);
  if (rest.length === 0) return named;
  const byWhy = new Map<string, number>();
  for (const s of rest) byWhy.set(s.why, (byWhy.get(s.why) ?? 0) + 1);
  const counts = [...byWhy].map(([why, n]) => `${why} ${n}`).join(', ');
  return [...named, `${rest.length} more skipped: ${counts}`];
}

/** Items in the order given, the first few named and the rest counted ("A 1/1, B 2/1 and 7 more"). */
export function namedFirst(items: readonly string[]): string {
  const named = items.slice(0, REASONS_LISTED).join(', ');
  const more = items.length - REASONS_LISTED;
  return more > 0 ? `${named} and ${more} more` : named;
}

/**
 * Picks a member of a pool. Members out of office or otherwise unavailable, with weight 0, without
 * the pool's required skill or at their daily or weekly cap are skipped with the reason. Of the
 * rest, weighted round robin takes the lowest ledger balance per unit of weight (`balance / weight`),
 * count-based the lowest balance; ties go to the first in the given order. Over any run of
 * assignments fed back into the balances, weighted round robin keeps each rep within one
 * assignment of their weighted share.
 */
export function pickFromPool(pool: PoolSpec, candidates: readonly PoolCandidate[]): PoolPick {
  const skipped: { name: string; why: string }[] = [];
  const open: PoolCandidate[] = [];
  for (const c of candidates) {
    const why = poolExclusion(pool, c);
    if (why === null) open.push(c);
    else if (why !== 'weight 0') skipped.push({ name: c.name, why });
  }
  const reasons = skippedReasons(skipped);
  const weighted = pool.algorithm === 'weighted_round_robin';
  let best: PoolCandidate | null = null;
  for (const c of open) {
    if (!best) best = c;
    else if (weighted ? c.balance * best.weight < best.balance * c.weight : c.balance < best.balance) best = c;
  }
  if (!best) return { repId: null, reasons: [...reasons, `no member of pool ${pool.name} can take it`] };
  const chosen = best;
  const others = open.filter((c) => c !== chosen);
  let why: string;
  if (weighted) {
    // The runners-up in the order they would be chosen next (lowest balance per weight first).
    const next = namedFirst(
      [...others]
        .sort((a, b) => a.balance * b.weight - b.balance * a.weight)
        .map((c) => `${c.name} ${fmt(c.balance)}/${c.weight}`),
    );
    why = `pool ${pool.name} (weighted round robin): ${chosen.name} had ${fmt(chosen.balance)} for weight ${chosen.weight}, the fewest per weight${next ? `; ${next}` : ''}`;
  } else {
    const runnerUp = others.reduce<PoolCandidate | null>((m, c) => (m === null || c.balance < m.balance ? c : m), null);
    const gap = runnerUp ? runnerUp.balance - chosen.balance : 0;
    why = runnerUp
      ? `pool ${pool.name} (fewest assignments): ${chosen.name} had ${fmt(gap)} fewer this period than ${runnerUp.name} (${fmt(chosen.balance)} vs ${fmt(runnerUp.balance)})`
      : `pool ${pool.name} (fewest assignments): ${chosen.name} is the only member who can take it`;
  }
  return { repId: chosen.repId, reasons: [...reasons, why] };
}
