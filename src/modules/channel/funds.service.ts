import { canActOnFunds, fundScope, type Actor } from '../../contract/access.ts';
import { AppError, forbidden, invalid } from '../../contract/errors.ts';
import { fromScaled, toScaled } from '../../contract/money.ts';
import type {
  ChangeFundBudgetInput,
  ClaimFundsInput,
  DecideFundRequestInput,
  FundBudgetDto,
  FundRequestDto,
  FundRequestStatus,
  ListFundRequestsQuery,
  PayFundClaimInput,
  RequestFundsInput,
  SetFundBudgetInput,
} from '../../contract/partner-funds.ts';
import type { DbExecutor } from '../../db/database.ts';
import { encodeCursor } from '../../db/list.ts';
import { write, type Deps } from '../context.ts';
import { checkVersion, found, iso, toPage, type ExpectedVersion } from '../shared.ts';
import * as repo from './funds.repository.ts';

const cents = (v: string): bigint => toScaled(v, 2);
const money = (c: bigint): string => fromScaled(c, 2);

function toBudgetDto(r: repo.BudgetRow): FundBudgetDto {
  return {
    id: r.id,
    partnerAccountId: r.partner_account_id,
    partnerName: r.partner_name,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    amount: money(cents(r.amount)),
    currency: r.currency,
    committed: money(cents(r.committed)),
    pending: money(cents(r.pending)),
    remaining: money(cents(r.amount) - cents(r.committed) - cents(r.pending)),
    paid: money(cents(r.paid)),
    version: r.version,
  };
}

function toRequestDto(r: repo.RequestRow): FundRequestDto {
  return {
    id: r.id,
    budgetId: r.budget_id,
    partnerAccountId: r.partner_account_id,
    partnerName: r.partner_name,
    activity: r.activity,
    amount: money(cents(r.amount)),
    currency: r.currency,
    status: r.status as FundRequestStatus,
    requestedBy: r.requested_by,
    requestedAt: r.requested_at.toISOString(),
    decidedBy: r.decided_by,
    decidedAt: iso(r.decided_at),
    decisionNote: r.decision_note,
    claimedAmount: r.claimed_amount === null ? null : money(cents(r.claimed_amount)),
    claimProof: r.claim_proof,
    claimedBy: r.claimed_by,
    claimedAt: iso(r.claimed_at),
    paidBy: r.paid_by,
    paidAt: iso(r.paid_at),
    paymentReference: r.payment_reference,
    version: r.version,
  };
}

async function budgetDto(db: DbExecutor, actor: Actor, id: string): Promise<FundBudgetDto> {
  return toBudgetDto(found(await repo.getBudget(db, actor.orgId, id, fundScope(actor, 'read')), 'fund budget', id));
}

async function requestDto(db: DbExecutor, actor: Actor, id: string): Promise<FundRequestDto> {
  return toRequestDto(found(await repo.getRequest(db, actor.orgId, id, fundScope(actor, 'read')), 'fund request', id));
}

function assertReads(actor: Actor): void {
  if (fundScope(actor, 'read').kind === 'none') throw forbidden('Your role cannot read development funds');
}

/**
 * A channel manager sets a partner's development fund budget for a period: the amount given, or
 * the development funds of the partner's tier. A partner has one budget per period start, and its
 * periods do not overlap.
 */
export async function setFundBudget(deps: Deps, actor: Actor, input: SetFundBudgetInput): Promise<FundBudgetDto> {
  if (!canActOnFunds(actor, 'budget')) throw forbidden('Only channel managers set development fund budgets');
  const id = deps.ids.id();
  await write(deps, actor.orgId, async (trx) => {
    const partner = await repo.partnerWithTier(trx, actor.orgId, input.partnerAccountId);
    if (!partner)
      throw invalid([{ field: 'partnerAccountId', message: 'is not a partner account of this organization' }]);
    const amount = input.amount ?? partner.development_funds;
    const currency = input.currency ?? partner.tier_currency;
    const problems = [];
    if (amount === null)
      problems.push({ field: 'amount', message: 'is required: the partner has no tier with development funds' });
    if (!currency)
      problems.push({ field: 'currency', message: 'is required: the partner has no tier to take it from' });
    if (problems.length > 0 || amount === null || !currency) throw invalid(problems);
    const overlapping = await repo.overlappingBudget(
      trx,
      actor.orgId,
      input.partnerAccountId,
      input.periodStart,
      input.periodEnd,
    );
    if (overlapping)
      throw new AppError(
        'conflict',
        `${partner.name} already has a budget for ${overlapping.period_start} to ${overlapping.period_end}, which overlaps this period: change its amount instead`,
        { details: { budgetId: overlapping.id } },
      );
    const now = deps.clock.now();
    await repo.insertBudget(trx, {
      org_id: actor.orgId,
      id,
      partner_account_id: input.partnerAccountId,
      period_start: input.periodStart,
      period_end: input.periodEnd,
      amount,
      currency,
      created_at: now,
      updated_at: now,
    });
    await deps.eventLog.append(trx, actor, [
      {
        entityType: 'partner_fund_budget',
        entityId: id,
        type: 'partner_fund_budget.set',
        data: {
          partnerAccountId: input.partnerAccountId,
          periodStart: input.periodStart,
          periodEnd: input.periodEnd,
          currency,
          amount: { from: null, to: money(cents(amount)) },
        },
      },
    ]);
  });
  return budgetDto(deps.db, actor, id);
}

/** A channel manager changes a budget's amount; it may not go below what is already approved or claimed. */
export async function changeFundBudget(
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
  input: ChangeFundBudgetInput,
): Promise<FundBudgetDto> {
  await write(deps, actor.orgId, async (trx) => {
    const locked = await repo.lockBudget(trx, actor.orgId, id);
    const row = found(
      locked ? await repo.getBudget(trx, actor.orgId, id, fundScope(actor, 'read')) : undefined,
      'fund budget',
      id,
    );
    if (!canActOnFunds(actor, 'budget')) throw forbidden('Only channel managers change development fund budgets');
    const version = checkVersion('fund budget', id, row.version, expected);
    if (cents(input.amount) < cents(row.committed))
      throw invalid([
        {
          field: 'amount',
          message: `is below the ${row.currency} ${money(cents(row.committed))} already approved or claimed from this budget`,
        },
      ]);
    if (cents(input.amount) === cents(row.amount)) return;
    await repo.updateBudget(trx, actor.orgId, id, version, { amount: input.amount, updated_at: deps.clock.now() });
    await deps.eventLog.append(trx, actor, [
      {
        entityType: 'partner_fund_budget',
        entityId: id,
        type: 'partner_fund_budget.set',
        data: {
          partnerAccountId: row.partner_account_id,
          periodStart: row.period_start,
          periodEnd: row.period_end,
          currency: row.currency,
          amount: { from: money(cents(row.amount)), to: money(cents(input.amount)) },
        },
      },
    ]);
  });
  return budgetDto(deps.db, actor, id);
}

export async function listFundBudgets(
  deps: Deps,
  actor: Actor,
  q: { partnerAccountId?: string; on?: string },
): Promise<FundBudgetDto[]> {
  assertReads(actor);
  return (await repo.listBudgets(deps.db, actor.orgId, fundScope(actor, 'read'), q)).map(toBudgetDto);
}

export async function getFundBudget(deps: Deps, actor: Actor, id: string): Promise<FundBudgetDto> {
  return budgetDto(deps.db, actor, id);
}

/**
 * The partner (or a channel manager for it) asks for funds from a budget for an activity: at most
 * what is left (the amount less what is approved, claimed or still waiting for a decision).
 */
export async function requestFunds(deps: Deps, actor: Actor, input: RequestFundsInput): Promise<FundRequestDto> {
  const id = deps.ids.id();
  await write(deps, actor.orgId, async (trx) => {
    const locked = await repo.lockBudget(trx, actor.orgId, input.budgetId);
    const budget = locked
      ? await repo.getBudget(trx, actor.orgId, input.budgetId, fundScope(actor, 'read'))
      : undefined;
    if (!budget) throw invalid([{ field: 'budgetId', message: 'is not a development fund budget you can see' }]);
    if (!canActOnFunds(actor, 'request', budget.partner_account_id))
      throw forbidden("Only the partner's own users, or a channel manager, ask for its development funds");
    const left = cents(budget.amount) - cents(budget.committed) - cents(budget.pending);
    if (cents(input.amount) > left)
      throw invalid([
        {
          field: 'amount',
          message: `is more than the ${budget.currency} ${money(left < 0n ? 0n : left)} left in the budget`,
        },
      ]);
    const now = deps.clock.now();
    await repo.insertRequest(trx, {
      org_id: actor.orgId,
      id,
      budget_id: budget.id,
      partner_account_id: budget.partner_account_id,
      activity: input.activity,
      amount: input.amount,
      currency: budget.currency,
      requested_by: actor.userId,
      requested_at: now,
      updated_at: now,
    });
    await deps.eventLog.append(trx, actor, [
      {
        entityType: 'partner_fund_request',
        entityId: id,
        type: 'partner_fund_request.requested',
        data: {
          budgetId: budget.id,
          partnerAccountId: budget.partner_account_id,
          activity: input.activity,
          amount: money(cents(input.amount)),
          currency: budget.currency,
        },
      },
    ]);
  });
  return requestDto(deps.db, actor, id);
}

export async function listFundRequests(
  deps: Deps,
  actor: Actor,
  q: ListFundRequestsQuery,
): Promise<{ items: FundRequestDto[]; nextCursor: string | null }> {
  assertReads(actor);
  const rows = await repo.listRequests(deps.db, actor.orgId, fundScope(actor, 'read'), q);
  return toPage(rows, q.limit, toRequestDto, (r) => encodeCursor(r.requested_at, r.id));
}

export async function getFundRequest(deps: Deps, actor: Actor, id: string): Promise<FundRequestDto> {
  return requestDto(deps.db, actor, id);
}

type Step =
  | { kind: 'decide'; input: DecideFundRequestInput }
  | { kind: 'claim'; input: ClaimFundsInput }
  | { kind: 'pay'; input: PayFundClaimInput };

const NEEDS: Record<Step['kind'], FundRequestStatus> = { decide: 'requested', claim: 'approved', pay: 'claimed' };
const REFUSED: Record<Step['kind'], string> = {
  decide: 'Only channel managers approve or reject fund requests',
  claim: "Only the partner's own users, or a channel manager, claim its development funds",
  pay: 'Only admins record the payment of a claim',
};

/**
 * One step of a request, in order: a channel manager approves (the amount is held from the budget:
 * it must still fit what is not approved or claimed) or rejects it with a note; the partner claims
 * what it spent (at most the approved amount) with its proof; an admin records the payment.
 */
export async function advanceFundRequest(
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
  step: Step,
): Promise<FundRequestDto> {
  await write(deps, actor.orgId, async (trx) => {
    const budgetId = await repo.budgetOfRequest(trx, actor.orgId, id);
    const budget = budgetId ? await repo.lockBudget(trx, actor.orgId, budgetId) : undefined;
    const row = found(
      budget ? await repo.getRequest(trx, actor.orgId, id, fundScope(actor, 'read')) : undefined,
      'fund request',
      id,
    );
    const action = step.kind === 'decide' ? 'decide' : step.kind;
    if (!canActOnFunds(actor, action, row.partner_account_id)) throw forbidden(REFUSED[step.kind]);
    const version = checkVersion('fund request', id, row.version, expected);
    if (row.status !== NEEDS[step.kind])
      throw new AppError(
        'invalid_transition',
        `This request is ${row.status}: only a ${NEEDS[step.kind]} one can be ${step.kind === 'decide' ? 'decided' : step.kind === 'claim' ? 'claimed' : 'paid'}`,
        {
          details: { status: row.status },
        },
      );
    const now = deps.clock.now();
    const base = { budgetId: row.budget_id, partnerAccountId: row.partner_account_id };
    const event = (type: string, data: Record<string, unknown>) =>
      deps.eventLog.append(trx, actor, [
        { entityType: 'partner_fund_request', entityId: id, type, data: { ...base, ...data } },
      ]);
    if (step.kind === 'decide') {
      const note = step.input.note ?? null;
      if (step.input.decision === 'approve') {
        const stats = found(
          await repo.getBudget(trx, actor.orgId, row.budget_id, { kind: 'all' }),
          'fund budget',
          row.budget_id,
        );
        const free = cents(stats.amount) - cents(stats.committed);
        if (cents(row.amount) > free)
          throw new AppError(
            'conflict',
            `Approving would exceed the budget: ${stats.currency} ${money(free < 0n ? 0n : free)} is not yet approved or claimed`,
            { details: { free: money(free) } },
          );
      }
      const status = step.input.decision === 'approve' ? 'approved' : 'rejected';
      await repo.updateRequest(trx, actor.orgId, id, version, {
        status,
        decided_by: actor.userId,
        decided_at: now,
        decision_note: note,
        updated_at: now,
      });
      await (status === 'approved'
        ? event('partner_fund_request.approved', { amount: money(cents(row.amount)), note })
        : event('partner_fund_request.rejected', { note: note ?? '' }));
    } else if (step.kind === 'claim') {
      if (cents(step.input.amount) > cents(row.amount))
        throw invalid([
          { field: 'amount', message: `is more than the ${row.currency} ${money(cents(row.amount))} approved` },
        ]);
      await repo.updateRequest(trx, actor.orgId, id, version, {
        status: 'claimed',
        claimed_amount: step.input.amount,
        claim_proof: step.input.proof,
        claimed_by: actor.userId,
        claimed_at: now,
        updated_at: now,
      });
      await event('partner_fund_request.claimed', { amount: money(cents(step.input.amount)), proof: step.input.proof });
    } else {
      await repo.updateRequest(trx, actor.orgId, id, version, {
        status: 'paid',
        paid_by: actor.userId,
        paid_at: now,
        payment_reference: step.input.reference,
        updated_at: now,
      });
      await event('partner_fund_request.paid', {
        amount: money(cents(row.claimed_amount ?? '0')),
        reference: step.input.reference,
      });
    }
  });
  return requestDto(deps.db, actor, id);
}
