import { canManageOversightPolicy, seesOversight, type Actor } from '../../contract/access.ts';
import { forbidden, invalid, notFound } from '../../contract/errors.ts';
import type {
  ApprovalRuleDto,
  CreateApprovalRuleInput,
  CreatePeriodLockInput,
  PeriodLockDto,
} from '../../contract/oversight.ts';
import { write, type Deps } from '../context.ts';
import { checkVersion, type ExpectedVersion } from '../shared.ts';
import { toLockDto, toRuleDto } from './dto.ts';
import * as repo from './oversight.repository.ts';

/** Who reads the policy: everyone who sees any approvals (the rules explain why a change waits). */
function assertReadsPolicy(actor: Actor): void {
  if (!seesOversight(actor, [actor.userId])) throw forbidden('Approval rules are not shown to your role');
}

export async function listApprovalRules(deps: Deps, actor: Actor): Promise<{ items: ApprovalRuleDto[] }> {
  assertReadsPolicy(actor);
  return { items: (await repo.listRules(deps.db, actor.orgId, false)).map(toRuleDto) };
}

export async function createApprovalRule(
  deps: Deps,
  actor: Actor,
  input: CreateApprovalRuleInput,
): Promise<ApprovalRuleDto> {
  if (!canManageOversightPolicy(actor)) throw forbidden('Only admins set approval rules');
  const now = deps.clock.now();
  const row = await write(deps, actor.orgId, async (trx) => {
    const inserted = await repo.insertRule(trx, {
      org_id: actor.orgId,
      id: deps.ids.id(),
      kind: input.kind,
      threshold: input.threshold ?? null,
      currency: input.kind === 'amount_above' ? (input.currency ?? null) : null,
      approver_kind: input.approverKind,
      approver_role: input.approverKind === 'role' ? (input.approverRole ?? null) : null,
      levels: input.levels,
      escalate_after_minutes: input.escalateAfterMinutes,
      escalate_in: input.escalateIn,
      active: input.active,
      created_at: now,
      updated_at: now,
    });
    const dto = toRuleDto(inserted);
    await deps.eventLog.append(trx, actor, [
      {
        entityType: 'approval_rule',
        entityId: inserted.id,
        type: 'approval_rule.created',
        data: {
          after: {
            kind: dto.kind,
            threshold: dto.threshold,
            currency: dto.currency,
            approverKind: dto.approverKind,
            approverRole: dto.approverRole,
            levels: dto.levels,
            escalateAfterMinutes: dto.escalateAfterMinutes,
            escalateIn: dto.escalateIn,
            active: dto.active,
          },
        },
      },
    ]);
    return inserted;
  });
  return toRuleDto(row);
}

export async function setApprovalRuleActive(
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
  active: boolean,
): Promise<ApprovalRuleDto> {
  if (!canManageOversightPolicy(actor)) throw forbidden('Only admins set approval rules');
  const row = await write(deps, actor.orgId, async (trx) => {
    const before = await repo.lockRule(trx, actor.orgId, id);
    if (!before) throw notFound('approval rule', id);
    const version = checkVersion('approval rule', id, before.version, expected);
    const after = await repo.updateRule(trx, actor.orgId, id, version, { active, updated_at: deps.clock.now() });
    if (before.active !== active)
      await deps.eventLog.append(trx, actor, [
        {
          entityType: 'approval_rule',
          entityId: id,
          type: 'approval_rule.updated',
          data: { active: { from: before.active, to: active } },
        },
      ]);
    return after;
  });
  return toRuleDto(row);
}

export async function listPeriodLocks(deps: Deps, actor: Actor): Promise<{ items: PeriodLockDto[] }> {
  assertReadsPolicy(actor);
  return { items: (await repo.listLocks(deps.db, actor.orgId)).map(toLockDto) };
}

/** Closes a fiscal period: from now on its won/lost outcomes and amounts change only with approval. */
export async function lockPeriod(deps: Deps, actor: Actor, input: CreatePeriodLockInput): Promise<PeriodLockDto> {
  if (!canManageOversightPolicy(actor)) throw forbidden('Only admins close fiscal periods');
  const row = await write(deps, actor.orgId, async (trx) => {
    const existing = await repo.listLocks(trx, actor.orgId);
    const overlap = existing.find((l) => input.startsOn < l.ends_on && l.starts_on < input.endsOn);
    if (overlap)
      throw invalid([
        { field: 'startsOn', message: `overlaps the locked period ${overlap.starts_on} – ${overlap.ends_on}` },
      ]);
    const inserted = await repo.insertLock(trx, {
      org_id: actor.orgId,
      id: deps.ids.id(),
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      locked_by: actor.userId,
      locked_at: deps.clock.now(),
    });
    await deps.eventLog.append(trx, actor, [
      {
        entityType: 'period_lock',
        entityId: inserted.id,
        type: 'period.locked',
        data: { startsOn: input.startsOn, endsOn: input.endsOn },
      },
    ]);
    return inserted;
  });
  return toLockDto(row);
}
