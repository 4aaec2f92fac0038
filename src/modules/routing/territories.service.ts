import type { Actor } from '../../contract/access.ts';
import { AppError, invalid, type FieldProblem } from '../../contract/errors.ts';
import type {
  CreateTerritoryInput,
  CriteriaInput,
  OverlapDto,
  TerritoryDto,
  TerritoryOfDto,
  TerritoryRole,
  UpdateTerritoryInput,
} from '../../contract/routing.ts';
import type { DbExecutor } from '../../db/database.ts';
import type { StoredCriteria } from '../../db/schema-routing.ts';
import { ancestorsOf, resolveTerritory, territoryOverlaps, type TerritoryDef } from '../../domain/territories.ts';
import { write, type Deps } from '../context.ts';
import { checkVersion, found, type ExpectedVersion } from '../shared.ts';
import { assertManageRouting, assertReadRouting, changed } from './pools.service.ts';
import * as repo from './routing.repository.ts';

const toDef = (t: repo.TerritoryRow): TerritoryDef => ({
  id: t.id,
  name: t.name,
  parentId: t.parent_id,
  criteria: t.criteria,
});

function toTerritoryDto(
  t: repo.TerritoryRow,
  members: repo.TerritoryMemberRow[],
  counts: Map<string, { account: number; lead: number }>,
): TerritoryDto {
  return {
    id: t.id,
    name: t.name,
    parentId: t.parent_id,
    poolId: t.pool_id,
    criteria: t.criteria,
    members: members
      .filter((m) => m.territory_id === t.id)
      .map((m) => ({ userId: m.user_id, name: m.name, role: m.role as TerritoryRole })),
    accounts: counts.get(t.id)?.account ?? 0,
    leads: counts.get(t.id)?.lead ?? 0,
    createdAt: t.created_at.toISOString(),
    updatedAt: t.updated_at.toISOString(),
    version: t.version,
  };
}

async function snapshot(db: DbExecutor, orgId: string, t: repo.TerritoryRow) {
  const members = (await repo.listTerritoryMembers(db, orgId)).filter((m) => m.territory_id === t.id);
  return {
    name: t.name,
    parentId: t.parent_id,
    poolId: t.pool_id,
    criteria: t.criteria,
    members: members.map((m) => ({ userId: m.user_id, role: m.role })),
  };
}

export async function listTerritories(deps: Deps, actor: Actor): Promise<TerritoryDto[]> {
  assertReadRouting(actor);
  const [rows, members, counts] = await Promise.all([
    repo.listTerritories(deps.db, actor.orgId),
    repo.listTerritoryMembers(deps.db, actor.orgId),
    repo.assignmentCounts(deps.db, actor.orgId),
  ]);
  return rows.map((t) => toTerritoryDto(t, members, counts));
}

export async function getTerritory(deps: Deps, actor: Actor, id: string): Promise<TerritoryDto> {
  assertReadRouting(actor);
  const t = found(await repo.getTerritory(deps.db, actor.orgId, id), 'territory', id);
  const [members, counts] = await Promise.all([
    repo.listTerritoryMembers(deps.db, actor.orgId),
    repo.assignmentCounts(deps.db, actor.orgId),
  ]);
  return toTerritoryDto(t, members, counts);
}

/** Territories whose criteria could match the same record, for the admin to resolve. */
export async function listOverlaps(deps: Deps, actor: Actor): Promise<OverlapDto[]> {
  assertReadRouting(actor);
  const rows = await repo.listTerritories(deps.db, actor.orgId);
  return territoryOverlaps(rows.map(toDef)).map((o) => ({
    territoryIds: [o.a, o.b],
    ambiguous: o.ambiguous,
    message: o.message,
  }));
}

const normalized = (c: CriteriaInput): StoredCriteria => ({
  countries: [...new Set(c.countries)],
  regions: [...new Set(c.regions)],
  postalPrefixes: [...new Set(c.postalPrefixes)],
  industries: [...new Set(c.industries)],
  employeesMin: c.employeesMin,
  employeesMax: c.employeesMax,
  accountIds: [...new Set(c.accountIds)],
});

async function territoryProblems(
  db: DbExecutor,
  orgId: string,
  id: string,
  input: UpdateTerritoryInput,
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  if (input.name !== undefined && (await repo.territoryNameTaken(db, orgId, input.name, id)))
    problems.push({ field: 'name', message: 'is the name of another territory' });
  if (input.parentId) {
    const all = (await repo.listTerritories(db, orgId)).map(toDef);
    if (!all.some((t) => t.id === input.parentId))
      problems.push({ field: 'parentId', message: 'is not a territory of this organization' });
    else if (input.parentId === id || ancestorsOf(all, input.parentId).some((t) => t.id === id))
      problems.push({ field: 'parentId', message: 'would make the territory its own ancestor' });
  }
  if (input.poolId && !(await repo.getPool(db, orgId, input.poolId)))
    problems.push({ field: 'poolId', message: 'is not a routing pool of this organization' });
  if (input.criteria) {
    const known = await repo.accountsExist(db, orgId, input.criteria.accountIds);
    input.criteria.accountIds.forEach((a, i) => {
      if (!known.has(a))
        problems.push({ field: `criteria.accountIds.${i}`, message: 'is not an account of this organization' });
    });
  }
  if (input.members) {
    const live = new Set(
      (
        await repo.activeUsers(
          db,
          orgId,
          input.members.map((m) => m.userId),
        )
      ).map((u) => u.id),
    );
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

export async function createTerritory(deps: Deps, actor: Actor, input: CreateTerritoryInput): Promise<TerritoryDto> {
  assertManageRouting(actor);
  const id = deps.ids.id();
  const now = deps.clock.now();
  await write(deps, actor.orgId, async (trx) => {
    const problems = await territoryProblems(trx, actor.orgId, id, input);
    if (problems.length) throw invalid(problems);
    const row = await repo.insertTerritory(trx, {
      org_id: actor.orgId,
      id,
      name: input.name,
      parent_id: input.parentId,
      pool_id: input.poolId,
      criteria: JSON.stringify(normalized(input.criteria)),
      created_at: now,
      updated_at: now,
    });
    await repo.replaceTerritoryMembers(trx, actor.orgId, id, input.members);
    await deps.eventLog.append(trx, actor, [
      {
        entityType: 'territory',
        entityId: id,
        type: 'territory.created',
        data: { after: await snapshot(trx, actor.orgId, row) },
      },
    ]);
    await resolveAll(deps, trx, actor);
  });
  return getTerritory(deps, actor, id);
}

export async function updateTerritory(
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
  input: UpdateTerritoryInput,
): Promise<TerritoryDto> {
  assertManageRouting(actor);
  const now = deps.clock.now();
  await write(deps, actor.orgId, async (trx) => {
    const before = found(await repo.getTerritory(trx, actor.orgId, id, true), 'territory', id);
    const version = checkVersion('territory', id, before.version, expected);
    const problems = await territoryProblems(trx, actor.orgId, id, input);
    if (problems.length) throw invalid(problems);
    const snapBefore = await snapshot(trx, actor.orgId, before);
    const after = await repo.updateTerritory(
      trx,
      { orgId: actor.orgId, id, version },
      {
        ...(input.name === undefined ? {} : { name: input.name }),
        ...(input.parentId === undefined ? {} : { parent_id: input.parentId }),
        ...(input.poolId === undefined ? {} : { pool_id: input.poolId }),
        ...(input.criteria === undefined ? {} : { criteria: JSON.stringify(normalized(input.criteria)) }),
        updated_at: now,
      },
    );
    if (input.members) await repo.replaceTerritoryMembers(trx, actor.orgId, id, input.members);
    const changes = changed(snapBefore, await snapshot(trx, actor.orgId, after));
    if (Object.keys(changes).length)
      await deps.eventLog.append(trx, actor, [
        { entityType: 'territory', entityId: id, type: 'territory.updated', data: { changes } },
      ]);
    if (input.criteria || input.parentId !== undefined) await resolveAll(deps, trx, actor);
  });
  return getTerritory(deps, actor, id);
}

/** Removes a territory without children or past decisions; its accounts and leads resolve again. */
export async function deleteTerritory(deps: Deps, actor: Actor, id: string): Promise<void> {
  assertManageRouting(actor);
  await write(deps, actor.orgId, async (trx) => {
    const before = found(await repo.getTerritory(trx, actor.orgId, id, true), 'territory', id);
    if (await repo.hasChildren(trx, actor.orgId, id))
      throw new AppError('conflict', 'The territory has child territories: remove or move them first');
    if (await repo.territoryInDecisions(trx, actor.orgId, id))
      throw new AppError('conflict', 'Routing decisions name the territory: rename it or change its criteria instead');
    const snap = await snapshot(trx, actor.orgId, before);
    const others = (await repo.listTerritories(trx, actor.orgId)).filter((t) => t.id !== id);
    // Its accounts and leads move first (the assignment rows refer to it).
    await resolveAll(deps, trx, actor, others);
    await repo.deleteTerritory(trx, actor.orgId, id);
    await deps.eventLog.append(trx, actor, [
      { entityType: 'territory', entityId: id, type: 'territory.deleted', data: { before: snap } },
    ]);
  });
}

/**
 * Resolves accounts and leads (all, or one) against the territories and stores each answer that
 * changed, with a `territory.assigned` event on the record. Called in the transaction that
 * changed the record or the territories.
 */
async function resolveAll(
  deps: Deps,
  trx: DbExecutor,
  actor: Actor,
  territories?: repo.TerritoryRow[],
  only?: { kind: 'account' | 'lead'; id: string },
): Promise<void> {
  const defs = (territories ?? (await repo.listTerritories(trx, actor.orgId))).map(toDef);
  const kinds = only ? [only.kind] : (['account', 'lead'] as const);
  const now = deps.clock.now();
  for (const kind of kinds) {
    const rows = await repo.subjects(trx, actor.orgId, kind, only?.id);
    const events = [];
    for (const s of rows) {
      const r = resolveTerritory(defs, {
        accountId: s.account_id,
        country: s.country,
        region: s.region,
        postalCode: s.postal_code,
        industry: s.industry,
        employees: s.employees,
      });
      if (r.territoryId === s.territory_id) continue;
      await repo.setAssignment(trx, actor.orgId, kind, s.id, r.territoryId, r.reasons, now);
      events.push({
        entityType: kind,
        entityId: s.id,
        type: 'territory.assigned',
        data: { territoryId: r.territoryId, previousTerritoryId: s.territory_id, reasons: r.reasons },
      });
    }
    if (events.length) await deps.eventLog.append(trx, actor, events);
  }
}

/** Re-resolves one account or lead after it changed (called by the accounts and leads services). */
export async function resolveRecordTerritory(
  deps: Deps,
  trx: DbExecutor,
  actor: Actor,
  kind: 'account' | 'lead',
  id: string,
): Promise<void> {
  await resolveAll(deps, trx, actor, undefined, { kind, id });
}

/** The territory an account or lead resolved to, with the reasons (shown on the record). */
export async function territoryOf(
  db: DbExecutor,
  orgId: string,
  kind: 'account' | 'lead',
  id: string,
): Promise<TerritoryOfDto> {
  const a = await repo.getAssignment(db, orgId, kind, id);
  if (!a) return { territoryId: null, territoryName: null, reasons: ['no territory matches'] };
  return { territoryId: a.territory_id, territoryName: a.name, reasons: a.reasons };
}
