import {
  canManageCommissionPlans,
  canReadStatement,
  canReadTeamStatements,
  type Actor,
} from '../../contract/access.ts';
import type {
  CommissionPlanDto,
  CreateCommissionPlanInput,
  CreatePlanAssignmentInput,
  PlanAssignmentDto,
  PayeeKind,
} from '../../contract/commissions.ts';
import { AppError, forbidden, invalid } from '../../contract/errors.ts';
import { write, type Deps } from '../context.ts';
import * as repo from './commissions.repository.ts';
import { toPlanDto } from './dto.ts';

/** Plans are read by those who read others' statements (and set by admins). */
export async function listPlans(deps: Deps, actor: Actor): Promise<{ items: CommissionPlanDto[] }> {
  if (!canReadTeamStatements(actor)) throw forbidden('Commission plans are not shown to your role');
  return { items: (await repo.listPlans(deps.db, actor.orgId)).map(toPlanDto) };
}

export async function createPlan(
  deps: Deps,
  actor: Actor,
  input: CreateCommissionPlanInput,
): Promise<CommissionPlanDto> {
  if (!canManageCommissionPlans(actor)) throw forbidden('Only admins make commission plans');
  const row = await write(deps, actor.orgId, async (trx) => {
    if (await repo.planByName(trx, actor.orgId, input.name))
      throw new AppError('duplicate', `A plan named "${input.name}" exists`, {
        fields: [{ field: 'name', message: 'is already the name of a plan' }],
      });
    const currency = input.currency ?? (await repo.orgSettings(trx, actor.orgId)).currency;
    const inserted = await repo.insertPlan(trx, {
      org_id: actor.orgId,
      id: deps.ids.id(),
      name: input.name,
      basis: input.basis,
      currency,
      rates: JSON.stringify(input.rates),
      tiers: JSON.stringify(input.tiers),
      cap: input.cap,
      clawback_days: input.clawbackDays,
      override_percent: input.overridePercent,
      override_levels: input.overrideLevels,
      created_by: actor.userId,
      created_at: deps.clock.now(),
    });
    const dto = toPlanDto(inserted);
    await deps.eventLog.append(trx, actor, [
      {
        entityType: 'commission_plan',
        entityId: inserted.id,
        type: 'commission_plan.created',
        data: {
          after: {
            name: dto.name,
            basis: dto.basis,
            currency: dto.currency,
            rates: dto.rates,
            tiers: dto.tiers,
            cap: dto.cap,
            clawbackDays: dto.clawbackDays,
            overridePercent: dto.overridePercent,
            overrideLevels: dto.overrideLevels,
          },
        },
      },
    ]);
    return inserted;
  });
  return toPlanDto(row);
}

/** Assignments the actor may see: those of the payees whose statements they read. */
export async function listAssignments(
  deps: Deps,
  actor: Actor,
  f: { payeeKind?: PayeeKind | undefined; payeeId?: string | undefined },
): Promise<{ items: PlanAssignmentDto[] }> {
  const rows = (await repo.listAssignments(deps.db, actor.orgId)).filter(
    (r) =>
      (f.payeeKind === undefined || r.payee_kind === f.payeeKind) &&
      (f.payeeId === undefined || r.payee_id === f.payeeId) &&
      canReadStatement(actor, { kind: r.payee_kind === 'partner' ? 'partner' : 'user', id: r.payee_id }),
  );
  const plans = new Map((await repo.listPlans(deps.db, actor.orgId)).map((p) => [p.id, p.name]));
  const names = await repo.payeeNames(
    deps.db,
    actor.orgId,
    rows.map((r) => ({ kind: r.payee_kind, id: r.payee_id })),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      planId: r.plan_id,
      planName: plans.get(r.plan_id) ?? '',
      payeeKind: r.payee_kind === 'partner' ? 'partner' : 'user',
      payeeId: r.payee_id,
      payeeName: names.get(`${r.payee_kind}:${r.payee_id}`) ?? '',
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      createdAt: r.created_at.toISOString(),
    })),
  };
}

/** Gives a plan to a user or partner account for a span of days that overlaps none of theirs. */
export async function assignPlan(
  deps: Deps,
  actor: Actor,
  input: CreatePlanAssignmentInput,
): Promise<PlanAssignmentDto> {
  if (!canManageCommissionPlans(actor)) throw forbidden('Only admins assign commission plans');
  const { row, planName, payeeName } = await write(deps, actor.orgId, async (trx) => {
    const plan = await repo.getPlan(trx, actor.orgId, input.planId);
    const names = await repo.payeeNames(trx, actor.orgId, [{ kind: input.payeeKind, id: input.payeeId }]);
    const payeeName = names.get(`${input.payeeKind}:${input.payeeId}`);
    const problems = [];
    if (!plan) problems.push({ field: 'planId', message: 'is not a commission plan of this organization' });
    if (payeeName === undefined)
      problems.push({
        field: 'payeeId',
        message: input.payeeKind === 'user' ? 'is not a user of this organization' : 'is not a partner account',
      });
    if (problems.length) throw invalid(problems);
    const existing = await repo.lockPayeeAssignments(trx, actor.orgId, input.payeeKind, input.payeeId);
    const end = input.endsOn ?? '9999-12-31';
    const clash = existing.find((a) => a.starts_on <= end && input.startsOn <= (a.ends_on ?? '9999-12-31'));
    if (clash)
      throw invalid([
        {
          field: 'startsOn',
          message: `overlaps the assignment from ${clash.starts_on}${clash.ends_on ? ` to ${clash.ends_on}` : ''}`,
        },
      ]);
    const inserted = await repo.insertAssignment(trx, {
      org_id: actor.orgId,
      id: deps.ids.id(),
      plan_id: input.planId,
      payee_kind: input.payeeKind,
      payee_id: input.payeeId,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      created_by: actor.userId,
      created_at: deps.clock.now(),
    });
    await deps.eventLog.append(trx, actor, [
      {
        entityType: 'commission_assignment',
        entityId: inserted.id,
        type: 'commission_plan.assigned',
        data: {
          planId: input.planId,
          payeeKind: input.payeeKind,
          payeeId: input.payeeId,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
        },
      },
    ]);
    return { row: inserted, planName: plan?.name ?? '', payeeName: payeeName ?? '' };
  });
  return {
    id: row.id,
    planId: row.plan_id,
    planName,
    payeeKind: input.payeeKind,
    payeeId: row.payee_id,
    payeeName,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    createdAt: row.created_at.toISOString(),
  };
}
