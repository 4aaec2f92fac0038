import type { Actor } from '../../contract/access.ts';
import { invalid } from '../../contract/errors.ts';
import type { RoutingDecisionDto, RoutingSettingsDto, UpdateRoutingSettingsInput } from '../../contract/routing.ts';
import type { DbExecutor } from '../../db/database.ts';
import type { PoolAlgorithm, PoolCandidate } from '../../domain/pools.ts';
import { leadUnavailableReason, routeByRules, type RoutingPoolStep, type RuleDecision } from '../../domain/routing.ts';
import { write, type Deps } from '../context.ts';
import { checkVersion, type ExpectedVersion } from '../shared.ts';
import { assertManageRouting, assertReadRouting, changed, poolLedger } from './pools.service.ts';
import { presenceOfReps } from './presence.ts';
import * as repo from './routing.repository.ts';

const DAY = 86_400_000;
/** The period of the fairness ledger for a territory routing to its own members. */
const TERRITORY_PERIOD_DAYS = 7;

const settingsDto = (s: repo.SettingsRow | undefined): RoutingSettingsDto => ({
  fallbackPoolId: s?.fallback_pool_id ?? null,
  routeLeads: s?.route_leads ?? false,
  order: ['account_owner', 'territory', 'fallback_pool'],
  version: s?.version ?? 0,
});

export async function getRoutingSettings(deps: Deps, actor: Actor): Promise<RoutingSettingsDto> {
  assertReadRouting(actor);
  return settingsDto(await repo.getSettings(deps.db, actor.orgId));
}

export async function updateRoutingSettings(
  deps: Deps,
  actor: Actor,
  expected: ExpectedVersion | undefined,
  input: UpdateRoutingSettingsInput,
): Promise<RoutingSettingsDto> {
  assertManageRouting(actor);
  const row = await write(deps, actor.orgId, async (trx) => {
    const before = await repo.getSettings(trx, actor.orgId, true);
    const version = checkVersion('routing settings', actor.orgId, before?.version ?? 0, expected);
    if (input.fallbackPoolId && !(await repo.getPool(trx, actor.orgId, input.fallbackPoolId)))
      throw invalid([{ field: 'fallbackPoolId', message: 'is not a routing pool of this organization' }]);
    const values = {
      fallback_pool_id: input.fallbackPoolId === undefined ? (before?.fallback_pool_id ?? null) : input.fallbackPoolId,
      route_leads: input.routeLeads ?? before?.route_leads ?? false,
      updated_at: deps.clock.now(),
    };
    const after = await repo.saveSettings(trx, actor.orgId, values, version);
    const changes = changed(
      { fallbackPoolId: before?.fallback_pool_id ?? null, routeLeads: before?.route_leads ?? false },
      { fallbackPoolId: after.fallback_pool_id, routeLeads: after.route_leads },
    );
    if (Object.keys(changes).length)
      await deps.eventLog.append(trx, actor, [
        {
          entityType: 'organization',
          entityId: actor.orgId,
          type: 'organization.routing_settings_changed',
          data: { changes },
        },
      ]);
    return after;
  });
  return settingsDto(row);
}

/** Start of the UTC day and of the Monday-to-Sunday UTC week of a time (the caps' periods). */
function capPeriods(at: Date): { day: Date; week: Date } {
  const day = new Date(Math.floor(at.getTime() / DAY) * DAY);
  const weekday = (day.getUTCDay() + 6) % 7;
  return { day, week: new Date(day.getTime() - weekday * DAY) };
}

interface StepMember {
  userId: string;
  name: string;
  weight: number;
  capPerDay: number | null;
  capPerWeek: number | null;
  joinedAt: Date | null;
}

async function poolStep(
  db: DbExecutor,
  orgId: string,
  at: Date,
  by: { poolId: string } | { territoryId: string },
  spec: { name: string; algorithm: PoolAlgorithm; requiredSkill: string | null; periodDays: number; since: Date },
  members: readonly StepMember[],
  unavailable: (repId: string) => string | null,
): Promise<RoutingPoolStep> {
  const ids = members.map((m) => m.userId);
  const periods = capPeriods(at);
  const [ledger, recent, skills] = await Promise.all([
    poolLedger(db, orgId, by, members, spec.periodDays, new Date(at.getTime() + 1), spec.since),
    repo.assignedSince(db, orgId, ids, periods.week),
    repo.skillsOf(db, orgId, ids),
  ]);
  const balance = new Map(ledger.rows.map((r) => [r.repId, r.balance]));
  const candidates = members.map((m): PoolCandidate => ({
    repId: m.userId,
    name: m.name,
    weight: m.weight,
    balance: balance.get(m.userId) ?? 0,
    today: recent.filter((r) => r.rep_id === m.userId && r.decided_at >= periods.day).length,
    thisWeek: recent.filter((r) => r.rep_id === m.userId).length,
    capPerDay: m.capPerDay,
    capPerWeek: m.capPerWeek,
    skills: skills.get(m.userId) ?? [],
    unavailable: unavailable(m.userId),
  }));
  return { poolId: 'poolId' in by ? by.poolId : null, spec, candidates };
}

async function stepOfPool(
  db: DbExecutor,
  orgId: string,
  at: Date,
  poolId: string,
  unavailable: (repId: string) => string | null,
): Promise<RoutingPoolStep | null> {
  const pool = await repo.getPool(db, orgId, poolId);
  if (!pool) return null;
  const members = (await repo.listPoolMembers(db, orgId, [poolId])).filter((m) => m.active);
  return poolStep(
    db,
    orgId,
    at,
    { poolId },
    {
      name: pool.name,
      algorithm: pool.algorithm as PoolAlgorithm,
      requiredSkill: pool.required_skill,
      periodDays: pool.period_days,
      since: pool.created_at,
    },
    members.map((m) => ({
      userId: m.user_id,
      name: m.name,
      weight: m.weight,
      capPerDay: m.cap_per_day,
      capPerWeek: m.cap_per_week,
      joinedAt: m.joined_at,
    })),
    unavailable,
  );
}

export interface RouteRequest {
  /** A meeting goes to an outside rep of the territory, a lead to an inside rep. */
  purpose: 'meeting' | 'lead';
  at: Date;
  accountId: string | null;
  /** The record whose stored territory applies (the account of a meeting, else the lead). */
  territoryOf: { kind: 'account' | 'lead'; id: string } | null;
  /** Why a rep cannot take it now (a holiday, out of office, outside hours, does not take bookings), or null. */
  unavailable: (repId: string) => string | null;
}

export interface RouteResult {
  decision: RuleDecision;
  /** Whether the organization routes by territory or a fallback pool (else the caller's own default applies). */
  configured: boolean;
  /** The members the decision weighed, for the event. */
  candidates: PoolCandidate[];
}

/**
 * Decides who takes a meeting or a lead by the organization's ordered rules: the account owner,
 * then the record's territory (its pool, or its outside or inside members fewest first), then the
 * fallback pool. Each pool balances by its fairness ledger and respects caps, skills and absence.
 */
export async function decideRoute(deps: Deps, db: DbExecutor, orgId: string, req: RouteRequest): Promise<RouteResult> {
  const [settings, owner, assignment] = await Promise.all([
    repo.getSettings(db, orgId),
    req.accountId ? repo.accountOwner(db, orgId, req.accountId) : Promise.resolve(undefined),
    req.territoryOf
      ? repo.getAssignment(db, orgId, req.territoryOf.kind, req.territoryOf.id)
      : Promise.resolve(undefined),
  ]);
  let territory: Parameters<typeof routeByRules>[0]['territory'] = null;
  if (assignment) {
    const t = await repo.getTerritory(db, orgId, assignment.territory_id);
    if (t) {
      let pool: RoutingPoolStep | null = null;
      if (t.pool_id) pool = await stepOfPool(db, orgId, req.at, t.pool_id, req.unavailable);
      else {
        const role = req.purpose === 'meeting' ? 'outside' : 'inside';
        const members = (await repo.listTerritoryMembers(db, orgId)).filter(
          (m) => m.territory_id === t.id && m.role === role && m.active,
        );
        if (members.length)
          pool = await poolStep(
            db,
            orgId,
            req.at,
            { territoryId: t.id },
            {
              name: t.name,
              algorithm: 'count_based',
              requiredSkill: null,
              periodDays: TERRITORY_PERIOD_DAYS,
              since: t.created_at,
            },
            members.map((m) => ({
              userId: m.user_id,
              name: m.name,
              weight: 1,
              capPerDay: null,
              capPerWeek: null,
              joinedAt: null,
            })),
            req.unavailable,
          );
      }
      territory = { id: t.id, name: t.name, reasons: assignment.reasons, pool };
    }
  }
  const fallback = settings?.fallback_pool_id
    ? await stepOfPool(db, orgId, req.at, settings.fallback_pool_id, req.unavailable)
    : null;
  const ownerStep =
    owner && owner.active ? { repId: owner.id, name: owner.name, unavailable: req.unavailable(owner.id) } : null;
  const decision = routeByRules({ owner: ownerStep, territory, fallback });
  const weighed =
    decision.rule === 'territory'
      ? (territory?.pool?.candidates ?? [])
      : decision.rule === 'pool'
        ? (fallback?.candidates ?? [])
        : [];
  return { decision, configured: territory !== null || fallback !== null, candidates: [...weighed] };
}

/** Stores a decision for the record's history and the fairness ledger. */
export async function recordDecision(
  deps: Deps,
  trx: DbExecutor,
  orgId: string,
  entity: { type: 'booking' | 'lead'; id: string },
  d: RuleDecision,
): Promise<void> {
  await repo.insertDecision(trx, {
    org_id: orgId,
    id: deps.ids.id(),
    entity_type: entity.type,
    entity_id: entity.id,
    rep_id: d.repId,
    rule: d.rule,
    territory_id: d.territoryId,
    pool_id: d.poolId,
    reasons: JSON.stringify(d.reasons),
    decided_at: deps.clock.now(),
  });
}

export async function listDecisions(
  db: DbExecutor,
  orgId: string,
  entityType: 'booking' | 'lead',
  entityId: string,
): Promise<RoutingDecisionDto[]> {
  const rows = await repo.listDecisions(db, orgId, entityType, entityId);
  return rows.map((r) => ({
    id: r.id,
    entityType,
    entityId,
    repId: r.rep_id,
    repName: r.rep_name,
    rule: r.rule as RuleDecision['rule'],
    territoryId: r.territory_id,
    poolId: r.pool_id,
    reasons: r.reasons,
    decidedAt: r.decided_at.toISOString(),
  }));
}

/**
 * Routes an arriving lead when the organization switched lead routing on: returns the new owner
 * (null: keep the owner it was created with) after recording the decision and `lead.routed`. A rep
 * on a holiday of their calendars (their own local day) or out of office is passed over, the
 * account's owner as much as a pool's member.
 */
export async function routeArrivingLead(
  deps: Deps,
  trx: DbExecutor,
  actor: Actor,
  leadId: string,
): Promise<string | null> {
  const settings = await repo.getSettings(trx, actor.orgId);
  if (!settings?.route_leads) return null;
  const [subject] = await repo.subjects(trx, actor.orgId, 'lead', leadId);
  const now = deps.clock.now();
  const accountId = subject?.account_id ?? null;
  const [territoryMembers, poolMembers, owner] = await Promise.all([
    repo.listTerritoryMembers(trx, actor.orgId),
    repo.listPoolMembers(trx, actor.orgId),
    accountId ? repo.accountOwner(trx, actor.orgId, accountId) : Promise.resolve(undefined),
  ]);
  // Everyone the rules may weigh, the account's owner included, read at once.
  const everyone = [
    ...territoryMembers.map((m) => m.user_id),
    ...poolMembers.map((m) => m.user_id),
    ...(owner ? [owner.id] : []),
  ];
  const presence = await presenceOfReps(trx, actor.orgId, everyone, now, new Date(now.getTime() + 1));
  const { decision, configured } = await decideRoute(deps, trx, actor.orgId, {
    purpose: 'lead',
    at: now,
    accountId,
    territoryOf: { kind: 'lead', id: leadId },
    unavailable: (id) => leadUnavailableReason(presence.get(id), now),
  });
  if (!configured && decision.rule === 'none') return null;
  await recordDecision(deps, trx, actor.orgId, { type: 'lead', id: leadId }, decision);
  await deps.eventLog.append(trx, actor, [
    {
      entityType: 'lead',
      entityId: leadId,
      type: 'lead.routed',
      data: {
        ownerId: decision.repId,
        rule: decision.rule,
        territoryId: decision.territoryId,
        poolId: decision.poolId,
        reasons: decision.reasons,
      },
    },
  ]);
  return decision.repId;
}
