import type { Actor } from '../../contract/access.ts';
import { invalid, type FieldProblem } from '../../contract/errors.ts';
import type { BacktestDto, BacktestRequest, CandidateRuleSet } from '../../contract/routing.ts';
import { backtestRouting, type BacktestRuleSet } from '../../analytics/routing-backtest.ts';
import type { DbExecutor } from '../../db/database.ts';
import type { PoolAlgorithm } from '../../domain/pools.ts';
import { reading, type Deps } from '../context.ts';
import { assertReadRouting } from './pools.service.ts';
import { presenceOfReps } from './presence.ts';
import * as repo from './routing.repository.ts';

const DAY = 86_400_000;

/** The saved territories, pools and fallback pool as a rule set. */
async function savedRuleSet(db: DbExecutor, orgId: string): Promise<BacktestRuleSet> {
  const [territories, members, pools, poolMembers, settings] = await Promise.all([
    repo.listTerritories(db, orgId),
    repo.listTerritoryMembers(db, orgId),
    repo.listPools(db, orgId),
    repo.listPoolMembers(db, orgId),
    repo.getSettings(db, orgId),
  ]);
  return {
    territories: territories.map((t) => ({
      id: t.id,
      name: t.name,
      parentId: t.parent_id,
      poolId: t.pool_id,
      criteria: t.criteria,
      members: members
        .filter((m) => m.territory_id === t.id && m.active)
        .map((m) => ({ userId: m.user_id, role: m.role as 'outside' | 'inside' | 'manager' })),
    })),
    pools: pools.map((p) => ({
      id: p.id,
      name: p.name,
      algorithm: p.algorithm as PoolAlgorithm,
      requiredSkill: p.required_skill,
      members: poolMembers
        .filter((m) => m.pool_id === p.id && m.active)
        .map((m) => ({ userId: m.user_id, weight: m.weight, capPerDay: m.cap_per_day, capPerWeek: m.cap_per_week })),
    })),
    fallbackPoolId: settings?.fallback_pool_id ?? null,
  };
}

/** Problems with a candidate rule set: references to pools, parents and users that do not exist. */
async function candidateProblems(db: DbExecutor, orgId: string, c: CandidateRuleSet): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const poolIds = new Set(c.pools.map((p) => p.id));
  const territoryIds = new Set(c.territories.map((t) => t.id));
  const userIds = [
    ...c.pools.flatMap((p) => p.members.map((m) => m.userId)),
    ...c.territories.flatMap((t) => t.members.map((m) => m.userId)),
  ];
  const live = new Set((await repo.activeUsers(db, orgId, [...new Set(userIds)])).map((u) => u.id));
  c.territories.forEach((t, i) => {
    if (t.poolId !== null && !poolIds.has(t.poolId))
      problems.push({ field: `candidate.territories.${i}.poolId`, message: 'is not a pool of the candidate' });
    if (t.parentId !== null && !territoryIds.has(t.parentId))
      problems.push({ field: `candidate.territories.${i}.parentId`, message: 'is not a territory of the candidate' });
    t.members.forEach((m, j) => {
      if (!live.has(m.userId))
        problems.push({
          field: `candidate.territories.${i}.members.${j}.userId`,
          message: 'is not an active user of this organization',
        });
    });
  });
  c.pools.forEach((p, i) =>
    p.members.forEach((m, j) => {
      if (!live.has(m.userId))
        problems.push({
          field: `candidate.pools.${i}.members.${j}.userId`,
          message: 'is not an active user of this organization',
        });
    }),
  );
  if (c.fallbackPoolId !== null && !poolIds.has(c.fallbackPoolId))
    problems.push({ field: 'candidate.fallbackPoolId', message: 'is not a pool of the candidate' });
  return problems;
}

/**
 * Replays the leads created in the last N days through a candidate rule set (or the saved one)
 * and compares who would have received them with who owns them: nothing is saved.
 */
export async function runBacktest(deps: Deps, actor: Actor, req: BacktestRequest): Promise<BacktestDto> {
  assertReadRouting(actor);
  const db = reading(deps).db;
  if (req.candidate) {
    const problems = await candidateProblems(db, actor.orgId, req.candidate);
    if (problems.length) throw invalid(problems);
  }
  const rules: BacktestRuleSet = req.candidate
    ? {
        territories: req.candidate.territories,
        pools: req.candidate.pools,
        fallbackPoolId: req.candidate.fallbackPoolId,
      }
    : await savedRuleSet(db, actor.orgId);
  const to = deps.clock.now();
  const from = new Date(to.getTime() - req.days * DAY);
  const leads = await repo.backtestLeads(db, actor.orgId, from, to);
  const subjects = new Map((await repo.subjects(db, actor.orgId, 'lead')).map((s) => [s.id, s]));
  const accountIds = [...new Set([...subjects.values()].flatMap((s) => (s.account_id ? [s.account_id] : [])))];
  const owners = await repo.accountOwners(db, actor.orgId, accountIds);
  const memberIds = [
    ...new Set([
      ...rules.pools.flatMap((p) => p.members.map((m) => m.userId)),
      ...rules.territories.flatMap((t) => t.members.map((m) => m.userId)),
    ]),
  ];
  const people = [
    ...new Set([...memberIds, ...owners.values(), ...leads.flatMap((l) => (l.owner_id ? [l.owner_id] : []))]),
  ];
  const [names, skills, presence] = await Promise.all([
    repo.userNames(db, actor.orgId, people),
    repo.skillsOf(db, actor.orgId, memberIds),
    presenceOfReps(db, actor.orgId, people, from, to),
  ]);
  const result = backtestRouting({
    leads: leads.map((l) => {
      const s = subjects.get(l.id);
      return {
        id: l.id,
        createdAt: l.created_at,
        actualOwnerId: l.owner_id,
        value: l.probability ?? (l.fit_score === null ? 0 : l.fit_score / 100),
        accountOwnerId: s?.account_id ? (owners.get(s.account_id) ?? null) : null,
        subject: {
          accountId: s?.account_id ?? null,
          country: s?.country ?? null,
          region: s?.region ?? null,
          postalCode: s?.postal_code ?? null,
          industry: s?.industry ?? null,
          employees: s?.employees ?? null,
        },
      };
    }),
    rules,
    names,
    skills,
    presence,
  });
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    leads: result.leads,
    changed: result.changed,
    unrouted: result.unrouted,
    reps: result.reps.map((r) => ({ ...r, name: names.get(r.repId) ?? '' })),
    fairness: result.fairness,
    byRule: result.byRule,
  };
}
