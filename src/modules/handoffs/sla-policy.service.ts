import { canConfigureSla, type Actor } from '../../contract/access.ts';
import { forbidden, notFound } from '../../contract/errors.ts';
import { defaultSlaPolicy, slaPolicySchema, type SlaPolicy, type SlaPolicyDto } from '../../contract/handoffs.ts';
import type { DbExecutor } from '../../db/database.ts';
import { write, type Deps } from '../context.ts';
import { checkVersion, type ExpectedVersion } from '../shared.ts';
import * as repo from './handoffs.repository.ts';

/** A saved policy read through the current schema (a row saved by an older release falls back to the defaults). */
function parsed(row: repo.PolicyRow, fallback: SlaPolicy): SlaPolicy {
  const p = slaPolicySchema.safeParse(row.policy);
  return p.success ? p.data : fallback;
}

/** The policy in force for a team: the team's own, else the organization's, else the defaults in its time zone. */
export async function policyFor(
  db: DbExecutor,
  orgId: string,
  teamId: string | null,
): Promise<{ policy: SlaPolicy; teamId: string | null }> {
  const fallback = defaultSlaPolicy(await repo.orgTimeZone(db, orgId));
  if (teamId) {
    const own = await repo.getPolicy(db, orgId, teamId);
    if (own) return { policy: parsed(own, fallback), teamId };
  }
  const org = await repo.getPolicy(db, orgId, null);
  return { policy: org ? parsed(org, fallback) : fallback, teamId: null };
}

function assertCanConfigure(actor: Actor): void {
  if (!canConfigureSla(actor)) throw forbidden('The hand-off SLA policy is configured by admins');
}

async function assertTeam(db: DbExecutor, orgId: string, teamId: string | null): Promise<void> {
  if (teamId && !(await repo.getTeam(db, orgId, teamId))) throw notFound('team', teamId);
}

/**
 * The organization's policy (teamId null) or a team's. A team without a policy of its own shows
 * the organization's, marked `inherited`, at version 0; so does an organization that saved none
 * (the defaults).
 */
export async function getSlaPolicy(deps: Deps, actor: Actor, teamId: string | null): Promise<SlaPolicyDto> {
  assertCanConfigure(actor);
  await assertTeam(deps.db, actor.orgId, teamId);
  const own = await repo.getPolicy(deps.db, actor.orgId, teamId);
  if (own) {
    const fallback = defaultSlaPolicy(await repo.orgTimeZone(deps.db, actor.orgId));
    return {
      ...parsed(own, fallback),
      teamId,
      inherited: false,
      version: own.version,
      updatedAt: own.updated_at.toISOString(),
    };
  }
  const inForce = await policyFor(deps.db, actor.orgId, null);
  return { ...inForce.policy, teamId, inherited: true, version: 0, updatedAt: null };
}

/**
 * Saves the organization's or a team's policy (If-Match: its version, 0 before the first save).
 * Hand-offs already open keep the due time they were given; new ones follow the new policy.
 */
export async function updateSlaPolicy(
  deps: Deps,
  actor: Actor,
  teamId: string | null,
  expected: ExpectedVersion | undefined,
  input: SlaPolicy,
): Promise<SlaPolicyDto> {
  assertCanConfigure(actor);
  const saved = await write(deps, actor.orgId, async (trx) => {
    await assertTeam(trx, actor.orgId, teamId);
    const current = await repo.getPolicy(trx, actor.orgId, teamId, true);
    const version = checkVersion('SLA policy', teamId ?? actor.orgId, current?.version ?? 0, expected);
    const now = deps.clock.now();
    const row = current
      ? await repo.updatePolicy(
          trx,
          { orgId: actor.orgId, id: current.id, version },
          { policy: input, updated_by: actor.userId, updated_at: now },
        )
      : await repo.insertPolicy(trx, {
          org_id: actor.orgId,
          id: deps.ids.id(),
          team_id: teamId,
          policy: input,
          updated_by: actor.userId,
          updated_at: now,
        });
    await deps.eventLog.append(trx, actor, [
      {
        entityType: teamId ? 'team' : 'organization',
        entityId: teamId ?? actor.orgId,
        type: 'sla.policy_changed',
        data: { teamId, before: current ? current.policy : null, after: input },
      },
    ]);
    return row;
  });
  return {
    ...input,
    teamId,
    inherited: false,
    version: saved.version,
    updatedAt: saved.updated_at.toISOString(),
  };
}
