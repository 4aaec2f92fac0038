import type { PoolAlgorithm, PoolCandidate } from '../domain/pools.ts';
import {
  leadUnavailableReason,
  routeByRules,
  type RepPresence,
  type RoutingPoolStep,
  type RuleDecision,
} from '../domain/routing.ts';
import { resolveTerritory, type TerritoryDef, type TerritorySubject } from '../domain/territories.ts';

export interface BacktestPool {
  id: string;
  name: string;
  algorithm: PoolAlgorithm;
  requiredSkill: string | null;
  members: readonly { userId: string; weight: number; capPerDay: number | null; capPerWeek: number | null }[];
}

export interface BacktestTerritory extends TerritoryDef {
  poolId: string | null;
  members: readonly { userId: string; role: 'outside' | 'inside' | 'manager' }[];
}

export interface BacktestRuleSet {
  territories: readonly BacktestTerritory[];
  pools: readonly BacktestPool[];
  fallbackPoolId: string | null;
}

export interface BacktestLead {
  id: string;
  createdAt: Date;
  /** Who owns the lead now (what actually happened). */
  actualOwnerId: string | null;
  /** Predicted value: the lead score's probability, else its fit score as a share, else 0. */
  value: number;
  subject: TerritorySubject;
  /** The owner of the lead's account, when it has one. */
  accountOwnerId: string | null;
}

export interface BacktestInput {
  leads: readonly BacktestLead[];
  rules: BacktestRuleSet;
  names: ReadonlyMap<string, string>;
  skills: ReadonlyMap<string, readonly string[]>;
  /** Each rep's zone, out-of-office ranges and holidays (a rep not here is always in). */
  presence: ReadonlyMap<string, RepPresence>;
}

export interface BacktestRep {
  repId: string;
  actual: number;
  predicted: number;
  actualValue: number;
  predictedValue: number;
}

export interface BacktestResult {
  leads: number;
  changed: number;
  unrouted: number;
  reps: BacktestRep[];
  fairness: { actualSpread: number; predictedSpread: number };
  byRule: Record<RuleDecision['rule'], number>;
}

const DAY = 86_400_000;
const dayOf = (d: Date) => Math.floor(d.getTime() / DAY);
/** Days since Monday 1970-01-05, whole weeks: the Monday-to-Sunday (UTC) week of a time. */
const weekOf = (d: Date) => Math.floor((dayOf(d) - 4) / 7);
const round = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * Replays leads, oldest first, through a rule set as if it had been switched on: each lead goes to
 * its account's owner when they are in, else its territory's pool (or the territory's inside
 * members, fewest first), else the fallback pool, with reps on a holiday (their own local day) or
 * out of office skipped, skills and daily and weekly caps respected, and each pool balancing by the
 * assignments it made in the replay.
 * Compared with who owns each lead now: counts and summed predicted value per rep, the leads that
 * would change hands, and the spread (highest − lowest count) either way.
 */
export function backtestRouting(input: BacktestInput): BacktestResult {
  const { rules } = input;
  const pools = new Map(rules.pools.map((p) => [p.id, p]));
  const name = (id: string) => input.names.get(id) ?? id;
  const poolBalance = new Map<string, Map<string, number>>();
  const perDay = new Map<string, number>();
  const perWeek = new Map<string, number>();
  const unavailable = (repId: string, at: Date) => leadUnavailableReason(input.presence.get(repId), at);

  const step = (
    key: string,
    spec: { name: string; algorithm: PoolAlgorithm; requiredSkill: string | null },
    members: BacktestPool['members'],
    poolId: string | null,
    at: Date,
  ): RoutingPoolStep => {
    const balances = poolBalance.get(key) ?? new Map<string, number>();
    const candidates = members.map((m): PoolCandidate => ({
      repId: m.userId,
      name: name(m.userId),
      weight: m.weight,
      balance: balances.get(m.userId) ?? 0,
      today: perDay.get(`${m.userId}|${dayOf(at)}`) ?? 0,
      thisWeek: perWeek.get(`${m.userId}|${weekOf(at)}`) ?? 0,
      capPerDay: m.capPerDay,
      capPerWeek: m.capPerWeek,
      skills: input.skills.get(m.userId) ?? [],
      unavailable: unavailable(m.userId, at),
    }));
    return { poolId, spec, candidates };
  };

  const byRule: Record<RuleDecision['rule'], number> = { account_owner: 0, territory: 0, pool: 0, none: 0 };
  const reps = new Map<string, BacktestRep>();
  const rep = (id: string) => {
    const r = reps.get(id) ?? { repId: id, actual: 0, predicted: 0, actualValue: 0, predictedValue: 0 };
    reps.set(id, r);
    return r;
  };
  let changed = 0;
  for (const lead of input.leads) {
    const at = lead.createdAt;
    const resolved = resolveTerritory(rules.territories, lead.subject);
    const territory = rules.territories.find((t) => t.id === resolved.territoryId) ?? null;
    const territoryPool = territory?.poolId ? pools.get(territory.poolId) : undefined;
    const territoryStep = territory
      ? territoryPool
        ? step(territoryPool.id, territoryPool, territoryPool.members, territoryPool.id, at)
        : territory.members.some((m) => m.role === 'inside')
          ? step(
              `territory:${territory.id}`,
              { name: territory.name, algorithm: 'count_based', requiredSkill: null },
              territory.members
                .filter((m) => m.role === 'inside')
                .map((m) => ({ userId: m.userId, weight: 1, capPerDay: null, capPerWeek: null })),
              null,
              at,
            )
          : null
      : null;
    const fallback = rules.fallbackPoolId ? pools.get(rules.fallbackPoolId) : undefined;
    const decision = routeByRules({
      owner: lead.accountOwnerId
        ? {
            repId: lead.accountOwnerId,
            name: name(lead.accountOwnerId),
            unavailable: unavailable(lead.accountOwnerId, at),
          }
        : null,
      territory: territory
        ? {
            id: territory.id,
            name: territory.name,
            reasons: resolved.reasons,
            pool: territoryStep,
          }
        : null,
      fallback: fallback ? step(fallback.id, fallback, fallback.members, fallback.id, at) : null,
    });
    byRule[decision.rule]++;
    if (lead.actualOwnerId !== null) {
      const a = rep(lead.actualOwnerId);
      a.actual++;
      a.actualValue += lead.value;
    }
    if (decision.repId === null) continue;
    if (decision.repId !== lead.actualOwnerId) changed++;
    const p = rep(decision.repId);
    p.predicted++;
    p.predictedValue += lead.value;
    const key =
      decision.rule === 'territory'
        ? (decision.poolId ?? `territory:${decision.territoryId ?? ''}`)
        : decision.rule === 'pool'
          ? decision.poolId
          : null;
    if (key !== null) {
      const balances = poolBalance.get(key) ?? new Map<string, number>();
      balances.set(decision.repId, (balances.get(decision.repId) ?? 0) + 1);
      poolBalance.set(key, balances);
    }
    const dk = `${decision.repId}|${dayOf(at)}`;
    const wk = `${decision.repId}|${weekOf(at)}`;
    perDay.set(dk, (perDay.get(dk) ?? 0) + 1);
    perWeek.set(wk, (perWeek.get(wk) ?? 0) + 1);
  }
  const list = [...reps.values()]
    .map((r) => ({ ...r, actualValue: round(r.actualValue), predictedValue: round(r.predictedValue) }))
    .sort((a, b) => name(a.repId).localeCompare(name(b.repId)) || (a.repId < b.repId ? -1 : 1));
  const spread = (xs: number[]) => (xs.length ? Math.max(...xs) - Math.min(...xs) : 0);
  return {
    leads: input.leads.length,
    changed,
    unrouted: byRule.none,
    reps: list,
    fairness: {
      actualSpread: spread(list.map((r) => r.actual)),
      predictedSpread: spread(list.map((r) => r.predicted)),
    },
    byRule,
  };
}
