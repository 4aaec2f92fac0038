import { canManageRouting, canReadRouting, type Actor } from '../../contract/access.ts';
import { AppError, forbidden, invalid, notFound, type FieldProblem } from '../../contract/errors.ts';
import type { CreatePoolInput, LedgerDto, PoolDto, RepSkillsDto, UpdatePoolInput } from '../../contract/routing.ts';
import { fairnessLedger } from '../../analytics/fairness.ts';
import type { DbExecutor } from '../../db/database.ts';
import type { PoolAlgorithm } from '../../domain/pools.ts';
import { write, type Deps } from '../context.ts';
import { checkVersion, found, type ExpectedVersion } from '../shared.ts';
import * as repo from './routing.repository.ts';

const DAY = 86_400_000;

export function assertReadRouting(actor: Actor): void {
  if (!canReadRouting(actor)) throw forbidden('Only admins and managers see territories and routing');
}
export function assertManageRouting(actor: Actor): void {
  if (!canManageRouting(actor)) throw forbidden('Only admins change territories and routing');
}

function toPoolDto(p: repo.PoolRow, members: repo.PoolMemberRow[], skills: Map<string, string[]>): PoolDto {
  return {
    id: p.id,
    name: p.name,
    algorithm: p.algorithm as PoolAlgorithm,
    requiredSkill: p.required_skill,
    periodDays: p.period_days,
    members: members
      .filter((m) => m.pool_id === p.id)
      .map((m) => ({
        userId: m.user_id,
        name: m.name,
        weight: m.weight,
        capPerDay: m.cap_per_day,
        capPerWeek: m.cap_per_week,
        joinedAt: m.joined_at.toISOString(),
        skills: skills.get(m.user_id) ?? [],
      })),
    createdAt: p.created_at.toISOString(),
    updatedAt: p.updated_at.toISOString(),
    version: p.version,
  };
}

async function withMembers(db: DbExecutor, orgId: string, pools: repo.PoolRow[]): Promise<PoolDto[]> {
  const members = await repo.listPoolMembers(
    db,
    orgId,
    pools.map((p) => p.id),
  );
  const skills = await repo.skillsOf(db, orgId, [...new Set(members.map((m) => m.user_id))]);
  return pools.map((p) => toPoolDto(p, members, skills));
}

/** The pool as events record it. */
async function poolSnapshot(db: DbExecutor, orgId: string, p: repo.PoolRow) {
  const members = await repo.listPoolMembers(db, orgId, [p.id]);
  return {
    name: p.name,
    algorithm: p.algorithm,
    requiredSkill: p.required_skill,
    periodDays: p.period_days,
    members: members.map((m) => ({
      userId: m.user_id,
      weight: m.weight,
      capPerDay: m.cap_per_day,
      capPerWeek: m.cap_per_week,
    })),
  };
}

/** Problems with a pool's name and members: unique name, live users of the organization, each once. */
async function poolProblems(
  db: DbExecutor,
  orgId: string,
  id: string,
  input: { name?: string | undefined; members?: readonly { userId: string }[] | undefined },
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  if (input.name !== undefined && (await repo.poolNameTaken(db, orgId, input.name, id)))
    problems.push({ field: 'name', message: 'is the name of another pool' });
  if (input.members) {
    const ids = input.members.map((m) => m.userId);
    const live = new Set((await repo.activeUsers(db, orgId, ids)).map((u) => u.id));
    const seen = new Set<string>();
    input.members.forEach((m, i) => {
      if (!live.has(m.userId))
        problems.push({ field: `members.${i}.userId`, message: 'is not an active user of this organization' });
      else if (seen.has(m.userId)) problems.push({ field: `members.${i}.userId`, message: 'is listed twice' });
      seen.add(m.userId);
    });
  }
  return problems;
}

export async function listPools(deps: Deps, actor: Actor): Promise<PoolDto[]> {
  assertReadRouting(actor);
  return withMembers(deps.db, actor.orgId, await repo.listPools(deps.db, actor.orgId));
}

export async function getPool(deps: Deps, actor: Actor, id: string): Promise<PoolDto> {
  assertReadRouting(actor);
  const p = found(await repo.getPool(deps.db, actor.orgId, id), 'routing pool', id);
  const [dto] = await withMembers(deps.db, actor.orgId, [p]);
  return found(dto, 'routing pool', id);
}

export async function createPool(deps: Deps, actor: Actor, input: CreatePoolInput): Promise<PoolDto> {
  assertManageRouting(actor);
  const id = deps.ids.id();
  const now = deps.clock.now();
  await write(deps, actor.orgId, async (trx) => {
    const problems = await poolProblems(trx, actor.orgId, id, input);
    if (problems.length) throw invalid(problems);
    const row = await repo.insertPool(trx, {
      org_id: actor.orgId,
      id,
      name: input.name,
      algorithm: input.algorithm,
      required_skill: input.requiredSkill,
      period_days: input.periodDays,
      created_at: now,
      updated_at: now,
    });
    await repo.replacePoolMembers(trx, actor.orgId, id, input.members, now);
    await deps.eventLog.append(trx, actor, [
      {
        entityType: 'routing_pool',
        entityId: id,
        type: 'routing_pool.created',
        data: { after: await poolSnapshot(trx, actor.orgId, row) },
      },
    ]);
  });
  return getPool(deps, actor, id);
}

export async function updatePool(
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
  input: UpdatePoolInput,
): Promise<PoolDto> {
  assertManageRouting(actor);
  const now = deps.clock.now();
  await write(deps, actor.orgId, async (trx) => {
    const before = found(await repo.getPool(trx, actor.orgId, id, true), 'routing pool', id);
    const version = checkVersion('routing pool', id, before.version, expected);
    const problems = await poolProblems(trx, actor.orgId, id, input);
    if (problems.length) throw invalid(problems);
    const snapBefore = await poolSnapshot(trx, actor.orgId, before);
    const after = await repo.updatePool(
      trx,
      { orgId: actor.orgId, id, version },
      {
        ...(input.name === undefined ? {} : { name: input.name }),
        ...(input.algorithm === undefined ? {} : { algorithm: input.algorithm }),
        ...(input.requiredSkill === undefined ? {} : { required_skill: input.requiredSkill }),
        ...(input.periodDays === undefined ? {} : { period_days: input.periodDays }),
        updated_at: now,
      },
    );
    if (input.members) await repo.replacePoolMembers(trx, actor.orgId, id, input.members, now);
    const snapAfter = await poolSnapshot(trx, actor.orgId, after);
    const changes = changed(snapBefore, snapAfter);
    if (Object.keys(changes).length)
      await deps.eventLog.append(trx, actor, [
        { entityType: 'routing_pool', entityId: id, type: 'routing_pool.updated', data: { changes } },
      ]);
  });
  return getPool(deps, actor, id);
}

/** The fields of two snapshots that differ, as `{ field: { from, to } }`. */
export function changed(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(b))
    if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) out[k] = { from: a[k] ?? null, to: b[k] ?? null };
  return out;
}

/** Removes a pool no territory, setting or past decision uses (those keep the ledger's history). */
export async function deletePool(deps: Deps, actor: Actor, id: string): Promise<void> {
  assertManageRouting(actor);
  await write(deps, actor.orgId, async (trx) => {
    const before = found(await repo.getPool(trx, actor.orgId, id, true), 'routing pool', id);
    const uses = await repo.poolUses(trx, actor.orgId, id);
    if (uses.length)
      throw new AppError('conflict', `The pool is in use (${uses.join(', ')}): it cannot be removed`, {
        details: { uses },
      });
    const snapshot = await poolSnapshot(trx, actor.orgId, before);
    await repo.deletePool(trx, actor.orgId, id);
    await deps.eventLog.append(trx, actor, [
      { entityType: 'routing_pool', entityId: id, type: 'routing_pool.deleted', data: { before: snapshot } },
    ]);
  });
}

/** The ledger's view of a decision's outcome: what became of the meeting (a lead stays open). */
const outcomeOf = (status: string | null) =>
  status === 'held' || status === 'no_show' || status === 'cancelled' ? status : 'open';

/**
 * A pool's fairness ledger over the period ending now (or since the pool was set up, when that is
 * later): per member, assignments − no-shows − cancellations, pro-rated for members who joined
 * during the period.
 */
export async function poolLedger(
  db: DbExecutor,
  orgId: string,
  by: { poolId: string } | { territoryId: string },
  members: readonly { userId: string; joinedAt: Date | null }[],
  periodDays: number,
  now: Date,
  since: Date,
) {
  // The period starts no earlier than the pool itself: its first members did not join mid-period.
  const from = new Date(Math.max(now.getTime() - periodDays * DAY, since.getTime()));
  const facts = await repo.ledgerFacts(db, orgId, by, from);
  return fairnessLedger(
    members.map((m) => ({ repId: m.userId, joinedAt: m.joinedAt })),
    facts.map((f) => ({ repId: f.rep_id, at: f.decided_at, outcome: outcomeOf(f.status) })),
    from,
    now,
  );
}

export async function getLedger(deps: Deps, actor: Actor, id: string): Promise<LedgerDto> {
  const pool = await getPool(deps, actor, id);
  // Up to and including now: an assignment made this instant is in the ledger.
  const to = new Date(deps.clock.now().getTime() + 1);
  const since = new Date(pool.createdAt);
  const ledger = await poolLedger(
    deps.db,
    actor.orgId,
    { poolId: id },
    pool.members.map((m) => ({ userId: m.userId, joinedAt: new Date(m.joinedAt) })),
    pool.periodDays,
    to,
    since,
  );
  const names = new Map(pool.members.map((m) => [m.userId, m.name]));
  return {
    poolId: id,
    from: new Date(Math.max(to.getTime() - pool.periodDays * DAY, since.getTime())).toISOString(),
    to: to.toISOString(),
    periodDays: ledger.periodDays,
    spread: ledger.spread,
    rows: ledger.rows.map((r) => ({ ...r, name: names.get(r.repId) ?? '' })),
  };
}

export async function getSkills(deps: Deps, actor: Actor, userId: string): Promise<RepSkillsDto> {
  if (!canReadRouting(actor) && actor.userId !== userId) throw notFound('user', userId);
  const [user] = await repo.activeUsers(deps.db, actor.orgId, [userId]);
  if (!user) throw notFound('user', userId);
  return { skills: (await repo.skillsOf(deps.db, actor.orgId, [userId])).get(userId) ?? [] };
}

export async function setSkills(deps: Deps, actor: Actor, userId: string, input: RepSkillsDto): Promise<RepSkillsDto> {
  assertManageRouting(actor);
  const skills = [...new Set(input.skills)].sort();
  await write(deps, actor.orgId, async (trx) => {
    const [user] = await repo.activeUsers(trx, actor.orgId, [userId]);
    if (!user) throw notFound('user', userId);
    const before = (await repo.skillsOf(trx, actor.orgId, [userId])).get(userId) ?? [];
    await repo.replaceSkills(trx, actor.orgId, userId, skills);
    if (JSON.stringify(before) !== JSON.stringify(skills))
      await deps.eventLog.append(trx, actor, [
        { entityType: 'user', entityId: userId, type: 'user.skills_changed', data: { before, after: skills } },
      ]);
  });
  return { skills };
}
