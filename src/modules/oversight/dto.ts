import { canDecideApproval, canWorkFinding, type Actor } from '../../contract/access.ts';
import type {
  ApprovalDecision,
  ApprovalDto,
  ApprovalEscalation,
  ApprovalReason,
  ApprovalRuleDto,
  Approver,
  FindingDto,
  PeriodLockDto,
} from '../../contract/oversight.ts';
import type { EscalationClock } from '../../domain/approval-escalation.ts';
import { iso } from '../shared.ts';
import type { ApprovalRow, ApprovalRuleRow, FindingRow, PeriodLockRow } from './oversight.repository.ts';

/** A numeric as the API shows it: "15.00" stays, trailing zeros beyond cents are dropped by the column. */
const decimalText = (v: string | number | null): string | null => (v === null ? null : String(v));

export function toRuleDto(r: ApprovalRuleRow): ApprovalRuleDto {
  return {
    id: r.id,
    kind: r.kind as ApprovalRuleDto['kind'],
    threshold: decimalText(r.threshold),
    currency: r.currency?.trim() ?? null,
    approverKind: r.approver_kind as ApprovalRuleDto['approverKind'],
    approverRole: r.approver_role as ApprovalRuleDto['approverRole'],
    levels: r.levels,
    escalateAfterMinutes: r.escalate_after_minutes,
    escalateIn: r.escalate_in as ApprovalRuleDto['escalateIn'],
    active: r.active,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    version: r.version,
  };
}

export function toLockDto(r: PeriodLockRow): PeriodLockDto {
  return {
    id: r.id,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    lockedBy: r.locked_by,
    lockedAt: r.locked_at.toISOString(),
  };
}

export function toApprovalDto(r: ApprovalRow, actor: Actor): ApprovalDto {
  const approvers = r.approvers as Approver[];
  const base = {
    id: r.id,
    dealId: r.deal_id,
    dealName: r.deal_name,
    action: r.action as ApprovalDto['action'],
    change: r.change,
    expectedVersion: r.expected_version,
    reasons: r.reasons as ApprovalReason[],
    approvers,
    step: r.step,
    status: r.status as ApprovalDto['status'],
    requestedBy: r.requested_by,
    ownerId: r.owner_id,
    decisions: r.decisions as ApprovalDecision[],
    escalation:
      r.escalate_after_minutes === null
        ? null
        : { minutes: r.escalate_after_minutes, clock: (r.escalate_in ?? 'elapsed') as EscalationClock },
    stepStartedAt: r.step_started_at.toISOString(),
    escalatesAt: iso(r.escalates_at),
    escalations: r.escalations as ApprovalEscalation[],
    createdAt: r.created_at.toISOString(),
    decidedAt: iso(r.decided_at),
    version: r.version,
  };
  return { ...base, canDecide: canDecideApproval(actor, base) };
}

export function toFindingDto(r: FindingRow, actor: Actor): FindingDto {
  return {
    id: r.id,
    detector: r.detector as FindingDto['detector'],
    severity: r.severity as FindingDto['severity'],
    summary: r.summary,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    personId: r.person_id,
    evidence: r.evidence as string[],
    score: decimalText(r.score),
    assigneeId: r.assignee_id,
    status: r.status as FindingDto['status'],
    reason: r.reason,
    detectedAt: r.detected_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    canWork: canWorkFinding(actor, { personId: r.person_id }),
    version: r.version,
  };
}
