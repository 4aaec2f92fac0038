import { canDecideApproval, oversightScope, seesOversight, type Actor } from '../../contract/access.ts';
import {
  moveDealStageSchema,
  updateDealSchema,
  type DealDto,
  type MoveDealStageInput,
  type UpdateDealInput,
} from '../../contract/deals.ts';
import { AppError, forbidden, invalid, notFound } from '../../contract/errors.ts';
import type {
  ApprovalDecision,
  ApprovalDto,
  ApprovalReason,
  Approver,
  DecideApprovalInput,
  HeldForApproval,
  ListApprovalsQuery,
} from '../../contract/oversight.ts';
import type { DbExecutor } from '../../db/database.ts';
import { encodeCursor } from '../../db/list.ts';
import { approvalReasons, type ChangeFacts, type DealFacts, type LineFacts } from '../../domain/approval-triggers.ts';
import { actorOfUser } from '../auth/auth.service.ts';
import { write, type Deps } from '../context.ts';
import { toDealDto, type DealRecord } from '../deals/deal-dto.ts';
import { recordToWrite, updateDealTx } from '../deals/deals.service.ts';
import { moveDealStageTx, versionOf } from '../deals/move-deal-stage.ts';
import { loadPipelineStages } from '../deals/deal-pipeline.ts';
import { productRows } from '../products/products.service.ts';
import { checkVersion, toPage, type EventCause, type ExpectedVersion } from '../shared.ts';
import { toApprovalDto } from './dto.ts';
import { dayIn } from '../../analytics/velocity.ts';
import * as repo from './oversight.repository.ts';
import { approversFor } from './approvers.ts';
import { escalatesAt, scheduleEscalation, timeoutOf } from './approval-escalation.ts';
import { approvalTimeout, type EscalationClock } from '../../domain/approval-escalation.ts';

/** What a guarded change did: applied at once, or held for approval (nothing changed yet). */
export type GuardedChange = { kind: 'applied'; deal: DealDto } | { kind: 'held'; held: HeldForApproval };

function dealFacts(record: DealRecord, timeZone: string): DealFacts {
  const d = record.deal;
  return {
    status: d.status as DealFacts['status'],
    amount: d.amount === null ? null : String(d.amount),
    currency: d.currency.trim(),
    expectedCloseDate: d.expected_close_date,
    closedOn: d.closed_at ? dayIn(d.closed_at, timeZone) : null,
  };
}

/** The lines as the change would write them, each with its product's list price in the deal's currency. */
async function lineFacts(
  trx: DbExecutor,
  orgId: string,
  record: DealRecord,
  input: UpdateDealInput,
): Promise<{ lines?: LineFacts[]; previous: LineFacts[] }> {
  const currency = input.currency ?? record.deal.currency.trim();
  const ids = [...(input.lineItems ?? []).map((l) => l.productId), ...record.lines.map((l) => l.product_id)];
  const products = new Map((await productRows(trx, orgId, ids)).map((p) => [p.id, p]));
  const listPrice = (productId: string, cur: string): string | null => {
    const p = products.get(productId);
    return p && p.currency.trim() === cur ? String(p.list_price) : null;
  };
  const previous = record.lines.map((l) => ({
    productId: l.product_id,
    unitPrice: String(l.unit_price),
    discountPercent: String(l.discount_percent),
    listPrice: listPrice(l.product_id, record.deal.currency.trim()),
  }));
  if (!input.lineItems) return { previous };
  const lines = input.lineItems.flatMap((l): LineFacts[] => {
    const list = listPrice(l.productId, currency);
    const unitPrice = l.unitPrice ?? list;
    // A line whose price cannot be known is refused by the change itself (named there).
    if (unitPrice === null) return [];
    return [{ productId: l.productId, unitPrice, discountPercent: l.discountPercent ?? '0', listPrice: list }];
  });
  return { lines, previous };
}

async function hold(
  trx: DbExecutor,
  deps: Deps,
  actor: Actor,
  record: DealRecord,
  action: 'update_deal' | 'move_stage',
  change: Record<string, unknown>,
  version: number,
  facts: ChangeFacts,
): Promise<HeldForApproval | null> {
  const rules = await repo.listRules(trx, actor.orgId, true);
  if (rules.length === 0) return null;
  const locks = await repo.listLocks(trx, actor.orgId);
  const timeZone = await repo.orgTimezone(trx, actor.orgId);
  const reasons = approvalReasons(
    rules.map((r) => ({
      id: r.id,
      kind: r.kind as ApprovalReason['kind'],
      threshold: r.threshold === null ? null : String(r.threshold),
      currency: r.currency?.trim() ?? null,
    })),
    dealFacts(record, timeZone),
    facts,
    locks.map((l) => ({ startsOn: l.starts_on, endsOn: l.ends_on })),
  );
  if (reasons.length === 0) return null;
  const dealId = record.deal.id;
  const waiting = await repo.pendingOfDeal(trx, actor.orgId, dealId);
  if (waiting)
    throw new AppError('conflict', `Deal ${dealId} already has a change waiting for approval (${waiting.id})`, {
      details: { approvalId: waiting.id },
    });
  const ownerId = record.deal.owner_id ?? actor.userId;
  const approvers = await approversFor(trx, actor.orgId, rules, reasons, ownerId, actor.userId);
  const timeout = approvalTimeout(
    rules
      .filter((r) => reasons.some((x) => x.ruleId === r.id))
      .map((r) => ({ escalateAfterMinutes: r.escalate_after_minutes, escalateIn: r.escalate_in as EscalationClock })),
  );
  const now = deps.clock.now();
  const escalation = await escalatesAt(trx, actor.orgId, now, timeout);
  const id = deps.ids.id();
  await repo.insertApproval(trx, {
    org_id: actor.orgId,
    id,
    deal_id: dealId,
    action,
    change,
    expected_version: version,
    reasons,
    approvers,
    step: 0,
    status: 'pending',
    requested_by: actor.userId,
    owner_id: record.deal.owner_id,
    escalate_after_minutes: timeout?.minutes ?? null,
    escalate_in: timeout?.clock ?? null,
    step_started_at: now,
    escalates_at: escalation,
    created_at: now,
  });
  await scheduleEscalation(deps, trx, actor.orgId, id, escalation);
  await deps.eventLog.append(trx, actor, [
    {
      entityType: 'approval',
      entityId: id,
      type: 'approval.requested',
      data: { dealId, action, change, expectedVersion: version, reasons, approvers },
    },
  ]);
  const row = await repo.getApproval(trx, actor.orgId, id);
  if (!row) throw new AppError('internal_error', `approval ${id} was not written`);
  return { status: 'pending_approval', approval: toApprovalDto(row, actor) };
}

/**
 * PATCH /deals/:id under the approval rules: a change no rule holds is applied as before; one that
 * a rule holds is kept with a new approval (202) and applied when the last approver agrees.
 */
export async function changeDeal(
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
  input: UpdateDealInput,
): Promise<GuardedChange> {
  return write(deps, actor.orgId, async (trx): Promise<GuardedChange> => {
    const record = await recordToWrite(trx, actor, id);
    const version = checkVersion('deal', id, record.deal.version, expected);
    const lines = await lineFacts(trx, actor.orgId, record, input);
    const facts: ChangeFacts = {
      action: 'update_deal',
      ...(input.amount !== undefined ? { amount: input.amount } : {}),
      ...(input.currency !== undefined ? { currency: input.currency } : {}),
      ...(input.expectedCloseDate !== undefined ? { expectedCloseDate: input.expectedCloseDate } : {}),
      ...lines,
    };
    const held = await hold(trx, deps, actor, record, 'update_deal', input, version, facts);
    if (held) return { kind: 'held', held };
    return { kind: 'applied', deal: toDealDto(await updateDealTx(trx, deps, actor, id, version, input)) };
  });
}

/** POST /deals/:id/stage under the approval rules (reopening a won deal, an outcome in a locked period). */
export async function changeDealStage(
  deps: Deps,
  actor: Actor,
  id: string,
  header: ExpectedVersion | undefined,
  input: MoveDealStageInput,
): Promise<GuardedChange> {
  const expected = versionOf(header, input.expectedVersion);
  const { expectedVersion: _ignored, ...change } = input;
  return write(deps, actor.orgId, (trx) => changeDealStageTx(trx, deps, actor, id, expected, change));
}

/**
 * The guarded stage move inside the caller's transaction: held for approval when a rule holds it,
 * otherwise moved under the stage rules (a refusal throws before anything is written).
 */
export async function changeDealStageTx(
  trx: DbExecutor,
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
  change: Omit<MoveDealStageInput, 'expectedVersion'>,
  opts: { cause?: EventCause } = {},
): Promise<GuardedChange> {
  const record = await recordToWrite(trx, actor, id);
  const version = checkVersion('deal', id, record.deal.version, expected);
  const pipelineId = change.pipelineId ?? record.deal.pipeline_id;
  const target = await loadPipelineStages(trx, actor.orgId, pipelineId, 'pipelineId');
  const to = target.stages.find((s) => s.id === change.stageId);
  if (!to) throw invalid([{ field: 'stageId', message: `is not a stage of pipeline "${target.pipeline.name}"` }]);
  const held = await hold(trx, deps, actor, record, 'move_stage', change, version, {
    action: 'move_stage',
    toKind: to.kind,
  });
  if (held) return { kind: 'held', held };
  return { kind: 'applied', deal: toDealDto(await moveDealStageTx(trx, deps, actor, id, version, change, opts)) };
}

/** Approvals about people in the actor's oversight scope, and those naming the actor as an approver. */
function assertSees(actor: Actor, row: repo.ApprovalRow | undefined, id: string): repo.ApprovalRow {
  const named = (row?.approvers as Approver[] | undefined)?.some((a) => a.kind === 'user' && a.userId === actor.userId);
  if (!row || !(named || seesOversight(actor, [row.requested_by, row.owner_id]))) throw notFound('approval', id);
  return row;
}

export async function getApproval(deps: Deps, actor: Actor, id: string): Promise<ApprovalDto> {
  return toApprovalDto(assertSees(actor, await repo.getApproval(deps.db, actor.orgId, id), id), actor);
}

/**
 * The approvals the actor may see, newest first; `mine=true` keeps those whose current step the
 * actor decides (the inbox). Approvers named on a step see it even outside their team.
 */
export async function listApprovals(
  deps: Deps,
  actor: Actor,
  q: ListApprovalsQuery,
): Promise<{ items: ApprovalDto[]; nextCursor: string | null }> {
  const scope = q.mine === 'true' && actor.role !== 'auditor' ? { kind: 'all' as const } : oversightScope(actor);
  // The inbox reads pending approvals of the whole organization and keeps the actor's steps.
  const rows = await repo.listApprovals(
    deps.db,
    actor.orgId,
    scope,
    q.mine === 'true' ? { ...q, status: 'pending' } : q,
    q.mine === 'true' ? 200 : q.limit,
  );
  const visible = rows.filter((r) =>
    q.mine === 'true'
      ? canDecideApproval(actor, {
          requestedBy: r.requested_by,
          status: r.status,
          step: r.step,
          approvers: r.approvers as Approver[],
        })
      : true,
  );
  return toPage(
    visible,
    q.limit,
    (r) => toApprovalDto(r, actor),
    (r) => encodeCursor(r.created_at, r.id),
  );
}

/**
 * Approves or rejects the current step. The last approval applies the held change, as its
 * requester, in the same transaction: if the deal changed since (version) or the change is no
 * longer possible, the decision fails with that error and the approval stays pending.
 */
export async function decideApproval(
  deps: Deps,
  actor: Actor,
  id: string,
  input: DecideApprovalInput,
): Promise<ApprovalDto> {
  const peek = assertSees(actor, await repo.getApproval(deps.db, actor.orgId, id), id);
  // Read before the transaction: the embedded engine has one connection, busy inside it.
  const requester = await actorOfUser(deps, actor.orgId, peek.requested_by);
  const row = await write(deps, actor.orgId, async (trx) => {
    const current = await repo.lockApproval(trx, actor.orgId, id);
    if (!current) throw notFound('approval', id);
    const approvers = current.approvers as Approver[];
    const decidable = { requestedBy: current.requested_by, status: current.status, step: current.step, approvers };
    if (current.status !== 'pending')
      throw new AppError('conflict', `Approval ${id} is already ${current.status}`, {
        details: { status: current.status },
      });
    if (!canDecideApproval(actor, decidable)) throw forbidden('You do not decide this step of the approval');
    const now = deps.clock.now();
    const note = input.note ?? null;
    const decisions = [
      ...(current.decisions as ApprovalDecision[]),
      {
        step: current.step,
        userId: actor.userId,
        decision: input.decision === 'approve' ? 'approved' : 'rejected',
        note,
        at: now.toISOString(),
      } satisfies ApprovalDecision,
    ];
    const event = (type: string, data: Record<string, unknown>) => ({
      entityType: 'approval',
      entityId: id,
      type,
      data,
    });
    if (input.decision === 'reject') {
      await repo.updateApproval(trx, actor.orgId, id, current.version, {
        status: 'rejected',
        decisions,
        decided_at: now,
        escalates_at: null,
      });
      await deps.eventLog.append(trx, actor, [
        event('approval.rejected', { step: current.step, note, dealId: current.deal_id }),
      ]);
    } else if (current.step + 1 < approvers.length) {
      // The next step waits from now, under the same timeout.
      const next = await escalatesAt(trx, actor.orgId, now, timeoutOf(current));
      await repo.updateApproval(trx, actor.orgId, id, current.version, {
        step: current.step + 1,
        decisions,
        step_started_at: now,
        escalates_at: next,
      });
      await scheduleEscalation(deps, trx, actor.orgId, id, next);
      await deps.eventLog.append(trx, actor, [
        event('approval.step_approved', { step: current.step, note, nextStep: current.step + 1 }),
      ]);
    } else {
      if (!requester)
        throw new AppError('conflict', 'The user who asked for this change is no longer active; reject it instead');
      const applied =
        current.action === 'update_deal'
          ? await updateDealTx(
              trx,
              deps,
              requester,
              current.deal_id,
              current.expected_version,
              updateDealSchema.parse(current.change),
            )
          : await moveDealStageTx(
              trx,
              deps,
              requester,
              current.deal_id,
              current.expected_version,
              moveDealStageSchema.parse(current.change),
              { reopenApproved: true },
            );
      await repo.updateApproval(trx, actor.orgId, id, current.version, {
        status: 'approved',
        decisions,
        decided_at: now,
        escalates_at: null,
      });
      await deps.eventLog.append(trx, actor, [
        event('approval.approved', {
          step: current.step,
          note,
          dealId: current.deal_id,
          dealVersion: applied.deal.version,
        }),
      ]);
    }
    return repo.getApproval(trx, actor.orgId, id);
  });
  if (!row) throw notFound('approval', id);
  return toApprovalDto(row, actor);
}
