import type { CommissionPlan, PlanAssignment } from '../../analytics/commissions.ts';
import type { CommissionDisputeDto, CommissionPlanDto } from '../../contract/commissions.ts';
import { iso } from '../shared.ts';
import type { AssignmentRow, DisputeRow, PlanRow } from './commissions.repository.ts';

export function toPlanDto(r: PlanRow): CommissionPlanDto {
  return {
    id: r.id,
    name: r.name,
    basis: r.basis === 'margin' ? 'margin' : 'amount',
    currency: r.currency.trim(),
    rates: r.rates,
    tiers: r.tiers,
    cap: r.cap,
    clawbackDays: r.clawback_days,
    overridePercent: r.override_percent,
    overrideLevels: r.override_levels,
    createdAt: r.created_at.toISOString(),
  };
}

/** A plan as the statement computation reads it. */
export function toPlan(r: PlanRow): CommissionPlan {
  const dto = toPlanDto(r);
  return {
    id: dto.id,
    basis: dto.basis,
    currency: dto.currency,
    rates: dto.rates,
    tiers: dto.tiers,
    cap: dto.cap,
    clawbackDays: dto.clawbackDays,
    overridePercent: dto.overridePercent,
    overrideLevels: dto.overrideLevels,
  };
}

export function toAssignment(r: AssignmentRow): PlanAssignment {
  return {
    planId: r.plan_id,
    payeeKind: r.payee_kind === 'partner' ? 'partner' : 'user',
    payeeId: r.payee_id,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    assignedAt: r.created_at,
  };
}

export function toDisputeDto(r: DisputeRow, payeeName: string): CommissionDisputeDto {
  return {
    id: r.id,
    payee: { kind: r.payee_kind === 'partner' ? 'partner' : 'user', id: r.payee_id, name: payeeName },
    period: r.period.trim(),
    lineId: r.line_id,
    reason: r.reason,
    status: r.status === 'accepted' ? 'accepted' : r.status === 'rejected' ? 'rejected' : 'open',
    answerNote: r.answer_note,
    adjustment: r.adjustment,
    currency: r.currency.trim(),
    raisedBy: r.raised_by,
    raisedAt: r.raised_at.toISOString(),
    answeredBy: r.answered_by,
    answeredAt: iso(r.answered_at),
    version: r.version,
  };
}
