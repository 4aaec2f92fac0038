import { statementOf } from '../../analytics/commissions.ts';
import {
  canAdjustCommissions,
  canRaiseCommissionDispute,
  canReadStatement,
  canSplitCommissions,
  type Actor,
  type CommissionPayee,
} from '../../contract/access.ts';
import type {
  AnswerDisputeInput,
  CommissionBonusDto,
  CommissionDisputeDto,
  CommissionSplitDto,
  CreateCommissionBonusInput,
  ListDisputesQuery,
  RaiseDisputeInput,
  SetCommissionSplitInput,
} from '../../contract/commissions.ts';
import { AppError, forbidden, invalid, notFound } from '../../contract/errors.ts';
import { fromScaled, toScaled } from '../../contract/money.ts';
import { write, type Deps } from '../context.ts';
import { readRecord, recordToWrite } from '../deals/deals.service.ts';
import { checkVersion, type ExpectedVersion } from '../shared.ts';
import * as repo from './commissions.repository.ts';
import { toDisputeDto } from './dto.ts';
import { ledgerUntil, payeeOf } from './statements.service.ts';

const payeeOfRow = (r: { payee_kind: string; payee_id: string }): CommissionPayee => ({
  kind: r.payee_kind === 'partner' ? 'partner' : 'user',
  id: r.payee_id,
});

async function splitDto(deps: Deps, orgId: string, dealId: string): Promise<CommissionSplitDto> {
  const row = await repo.getSplit(deps.db, orgId, dealId);
  const members = row?.members ?? [];
  const names = await repo.payeeNames(
    deps.db,
    orgId,
    members.map((m) => ({ kind: 'user', id: m.userId })),
  );
  return {
    dealId,
    members: members.map((m) => ({ ...m, name: names.get(`user:${m.userId}`) ?? '' })),
    updatedAt: row ? row.updated_at.toISOString() : null,
    version: row?.version ?? 0,
  };
}

/** A deal's split, for whoever reads the deal (no members: the owner is credited alone). */
export async function getSplit(deps: Deps, actor: Actor, dealId: string): Promise<CommissionSplitDto> {
  await readRecord(deps.db, actor, dealId);
  return splitDto(deps, actor.orgId, dealId);
}

/** Sets who shares a deal's credit; the split in force when the deal is won is the one paid. */
export async function setSplit(
  deps: Deps,
  actor: Actor,
  dealId: string,
  expected: ExpectedVersion | undefined,
  input: SetCommissionSplitInput,
): Promise<CommissionSplitDto> {
  if (!canSplitCommissions(actor)) throw forbidden('Only managers and admins split commissions');
  await write(deps, actor.orgId, async (trx) => {
    await recordToWrite(trx, actor, dealId);
    const current = await repo.getSplit(trx, actor.orgId, dealId);
    checkVersion('commission split', dealId, current?.version ?? 0, expected);
    const active = await repo.activeInternalUsers(
      trx,
      actor.orgId,
      input.members.map((m) => m.userId),
    );
    const problems = input.members.flatMap((m, i) =>
      active.has(m.userId)
        ? []
        : [{ field: `members.${i}.userId`, message: 'is not an active user of this organization' }],
    );
    if (problems.length) throw invalid(problems);
    const members = input.members.map((m) => ({ userId: m.userId, percent: fromScaled(toScaled(m.percent, 2), 2) }));
    await repo.saveSplit(trx, {
      org_id: actor.orgId,
      deal_id: dealId,
      members: JSON.stringify(members),
      updated_by: actor.userId,
      updated_at: deps.clock.now(),
    });
    await deps.eventLog.append(trx, actor, [
      { entityType: 'deal', entityId: dealId, type: 'commission_split.set', data: { members } },
    ]);
  });
  return splitDto(deps, actor.orgId, dealId);
}

export async function grantBonus(
  deps: Deps,
  actor: Actor,
  input: CreateCommissionBonusInput,
): Promise<CommissionBonusDto> {
  const payee: CommissionPayee = { kind: input.payeeKind, id: input.payeeId };
  if (!canAdjustCommissions(actor, payee)) throw forbidden('You may not grant this payee a bonus');
  const row = await write(deps, actor.orgId, async (trx) => {
    const names = await repo.payeeNames(trx, actor.orgId, [payee]);
    if (!names.has(`${payee.kind}:${payee.id}`))
      throw invalid([{ field: 'payeeId', message: 'is not a payee of this organization' }]);
    const currency = input.currency ?? (await repo.orgSettings(trx, actor.orgId)).currency;
    const amount = fromScaled(toScaled(input.amount, 2), 2);
    const inserted = await repo.insertBonus(trx, {
      org_id: actor.orgId,
      id: deps.ids.id(),
      payee_kind: payee.kind,
      payee_id: payee.id,
      amount,
      currency,
      reason: input.reason,
      granted_by: actor.userId,
      granted_at: deps.clock.now(),
    });
    await deps.eventLog.append(trx, actor, [
      {
        entityType: 'commission_bonus',
        entityId: inserted.id,
        type: 'commission_bonus.granted',
        data: { payeeKind: payee.kind, payeeId: payee.id, amount, currency, reason: input.reason },
      },
    ]);
    return inserted;
  });
  return {
    id: row.id,
    payeeKind: input.payeeKind,
    payeeId: row.payee_id,
    amount: row.amount,
    currency: row.currency.trim(),
    reason: row.reason,
    grantedBy: row.granted_by,
    grantedAt: row.granted_at.toISOString(),
  };
}

/** The payee disputes a line of one of their statements (one open dispute per line). */
export async function raiseDispute(deps: Deps, actor: Actor, input: RaiseDisputeInput): Promise<CommissionDisputeDto> {
  const payee = payeeOf(actor, input.payeeKind, input.payeeId);
  if (!canRaiseCommissionDispute(actor, payee)) throw forbidden('Only the payee disputes a statement');
  const { row, name } = await write(deps, actor.orgId, async (trx) => {
    const { lines } = await ledgerUntil(trx, actor.orgId, input.period);
    const line = statementOf(lines, payee, input.period).lines.find((l) => l.id === input.lineId);
    if (!line) throw invalid([{ field: 'lineId', message: 'is not a line of this statement' }]);
    if (await repo.openDisputeOfLine(trx, actor.orgId, input.lineId))
      throw new AppError('conflict', 'This line is disputed already', {
        fields: [{ field: 'lineId', message: 'has an open dispute' }],
      });
    const inserted = await repo.insertDispute(trx, {
      org_id: actor.orgId,
      id: deps.ids.id(),
      payee_kind: payee.kind,
      payee_id: payee.id,
      period: input.period,
      line_id: input.lineId,
      reason: input.reason,
      status: 'open',
      currency: line.currency,
      raised_by: actor.userId,
      raised_at: deps.clock.now(),
    });
    await deps.eventLog.append(trx, actor, [
      {
        entityType: 'commission_dispute',
        entityId: inserted.id,
        type: 'commission_dispute.raised',
        data: {
          payeeKind: payee.kind,
          payeeId: payee.id,
          period: input.period,
          lineId: input.lineId,
          reason: input.reason,
        },
      },
    ]);
    const names = await repo.payeeNames(trx, actor.orgId, [payee]);
    return { row: inserted, name: names.get(`${payee.kind}:${payee.id}`) ?? '' };
  });
  return toDisputeDto(row, name);
}

/**
 * A manager of the payee (or an admin, as finance) answers an open dispute; an accepted one with an
 * adjustment adds that amount as a line of the month it is answered in.
 */
export async function answerDispute(
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
  input: AnswerDisputeInput,
): Promise<CommissionDisputeDto> {
  const { row, name } = await write(deps, actor.orgId, async (trx) => {
    const before = await repo.lockDispute(trx, actor.orgId, id);
    if (!before || !canReadStatement(actor, payeeOfRow(before))) throw notFound('commission dispute', id);
    const payee = payeeOfRow(before);
    if (!canAdjustCommissions(actor, payee)) throw forbidden('You may not answer this dispute');
    const version = checkVersion('commission dispute', id, before.version, expected);
    if (before.status !== 'open') throw new AppError('conflict', `This dispute was ${before.status} already`);
    const adjustment =
      input.adjustment === null || toScaled(input.adjustment, 2) === 0n
        ? null
        : fromScaled(toScaled(input.adjustment, 2), 2);
    const after = await repo.updateDispute(trx, actor.orgId, id, version, {
      status: input.decision,
      answer_note: input.note,
      adjustment,
      answered_by: actor.userId,
      answered_at: deps.clock.now(),
    });
    await deps.eventLog.append(trx, actor, [
      {
        entityType: 'commission_dispute',
        entityId: id,
        type: 'commission_dispute.answered',
        data: {
          payeeKind: payee.kind,
          payeeId: payee.id,
          decision: input.decision,
          note: input.note,
          adjustment,
          currency: before.currency.trim(),
        },
      },
    ]);
    const names = await repo.payeeNames(trx, actor.orgId, [payee]);
    return { row: after, name: names.get(`${payee.kind}:${payee.id}`) ?? '' };
  });
  return toDisputeDto(row, name);
}

/** The disputes of the statements the actor reads. */
export async function listDisputes(
  deps: Deps,
  actor: Actor,
  q: ListDisputesQuery,
): Promise<{ items: CommissionDisputeDto[] }> {
  const rows = (await repo.listDisputes(deps.db, actor.orgId, q)).filter((r) => canReadStatement(actor, payeeOfRow(r)));
  const names = await repo.payeeNames(
    deps.db,
    actor.orgId,
    rows.map((r) => ({ kind: r.payee_kind, id: r.payee_id })),
  );
  return { items: rows.map((r) => toDisputeDto(r, names.get(`${r.payee_kind}:${r.payee_id}`) ?? '')) };
}

export async function getDispute(deps: Deps, actor: Actor, id: string): Promise<CommissionDisputeDto> {
  const row = (await repo.listDisputes(deps.db, actor.orgId, {})).find((r) => r.id === id);
  if (!row || !canReadStatement(actor, payeeOfRow(row))) throw notFound('commission dispute', id);
  const names = await repo.payeeNames(deps.db, actor.orgId, [payeeOfRow(row)]);
  return toDisputeDto(row, names.get(`${row.payee_kind}:${row.payee_id}`) ?? '');
}
