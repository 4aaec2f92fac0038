import { z } from 'zod';
import { roleSchema } from './access.ts';
import {
  businessDateSchema,
  currencySchema,
  idSchema,
  listQueryBase,
  nonNegativeMoneySchema,
  percentSchema,
} from './common.ts';

/**
 * What an approval rule watches: a line item's discount from list price above a percentage, a
 * deal amount above a limit, reopening a won deal, or a change inside a locked fiscal period
 * (a close date in it, or a deal closed in it changing its amount or outcome).
 */
export const approvalRuleKinds = ['discount_above', 'amount_above', 'reopen_won', 'locked_period'] as const;
export type ApprovalRuleKind = (typeof approvalRuleKinds)[number];

/** Who approves: the deal owner's manager chain (so many levels up), or any user with a named role. */
export const approverKinds = ['manager_chain', 'role'] as const;

/**
 * How a step's escalation timeout is counted: in the organization's business hours (those of its
 * hand-off SLA policy: Mon–Fri 09:00–17:00 in its time zone unless it saved others), or elapsed.
 */
export const escalationClocks = ['business_hours', 'elapsed'] as const;

export const approvalRuleSchema = z.object({
  id: idSchema,
  kind: z.enum(approvalRuleKinds),
  /** A percentage for `discount_above`, an amount for `amount_above`, null otherwise. */
  threshold: z.string().nullable(),
  /** The currency of an `amount_above` limit (deals in other currencies are not compared). */
  currency: z.string().nullable(),
  approverKind: z.enum(approverKinds),
  approverRole: roleSchema.nullable(),
  /** How many managers up the chain approve, in order (manager_chain only). */
  levels: z.number().int(),
  /** Minutes a step waits for its approver before it goes to the approver above; null: never. */
  escalateAfterMinutes: z.number().int().nullable(),
  /** Whether those minutes are business hours or elapsed time. */
  escalateIn: z.enum(escalationClocks),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type ApprovalRuleDto = z.infer<typeof approvalRuleSchema>;

export const createApprovalRuleSchema = z
  .strictObject({
    kind: z.enum(approvalRuleKinds),
    threshold: z.string().optional(),
    currency: currencySchema.optional(),
    approverKind: z.enum(approverKinds).default('manager_chain'),
    approverRole: roleSchema.optional(),
    levels: z.number().int().min(1).max(5).default(1),
    /** At most a year (525,600 minutes). */
    escalateAfterMinutes: z.number().int().min(1).max(525_600).nullable().default(null),
    escalateIn: z.enum(escalationClocks).default('business_hours'),
    active: z.boolean().default(true),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'discount_above' && !percentSchema.safeParse(v.threshold).success)
      ctx.addIssue({ code: 'custom', path: ['threshold'], message: 'must be a percentage between 0 and 100' });
    if (v.kind === 'amount_above') {
      if (!nonNegativeMoneySchema.safeParse(v.threshold).success)
        ctx.addIssue({
          code: 'custom',
          path: ['threshold'],
          message: 'must be a non-negative amount such as "10000.00"',
        });
      if (v.currency === undefined) ctx.addIssue({ code: 'custom', path: ['currency'], message: 'is required' });
    }
    if ((v.kind === 'reopen_won' || v.kind === 'locked_period') && v.threshold !== undefined)
      ctx.addIssue({ code: 'custom', path: ['threshold'], message: `does not apply to ${v.kind}` });
    if (v.approverKind === 'role' && v.approverRole === undefined)
      ctx.addIssue({ code: 'custom', path: ['approverRole'], message: 'is required when approverKind is role' });
    if (v.approverRole === 'partner' || v.approverRole === 'rep')
      ctx.addIssue({ code: 'custom', path: ['approverRole'], message: 'must be a role that oversees others' });
  });
export type CreateApprovalRuleInput = z.infer<typeof createApprovalRuleSchema>;

export const updateApprovalRuleSchema = z.strictObject({ active: z.boolean() });

/** One step of an approval: a named user (from the manager chain) or anyone with a role. */
export const approverSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user'), userId: idSchema, name: z.string() }),
  z.object({ kind: z.literal('role'), role: roleSchema }),
]);
export type Approver = z.infer<typeof approverSchema>;

/** Why a change needs approval: the rule and what it saw. */
export const approvalReasonSchema = z.object({
  ruleId: idSchema,
  kind: z.enum(approvalRuleKinds),
  message: z.string(),
});
export type ApprovalReason = z.infer<typeof approvalReasonSchema>;

export const approvalDecisionSchema = z.object({
  step: z.number().int(),
  userId: idSchema,
  decision: z.enum(['approved', 'rejected']),
  note: z.string().nullable(),
  at: z.string(),
});
export type ApprovalDecision = z.infer<typeof approvalDecisionSchema>;

/** A step that waited past its timeout and went to the approver above. */
export const approvalEscalationSchema = z.object({
  step: z.number().int(),
  from: approverSchema,
  to: approverSchema,
  at: z.string(),
});
export type ApprovalEscalation = z.infer<typeof approvalEscalationSchema>;

export const approvalStatuses = ['pending', 'approved', 'rejected'] as const;
export const approvalActions = ['update_deal', 'move_stage'] as const;

export const approvalSchema = z.object({
  id: idSchema,
  dealId: idSchema,
  dealName: z.string(),
  /** The held change: the deal fields of a PATCH, or the stage move. */
  action: z.enum(approvalActions),
  change: z.record(z.string(), z.unknown()),
  /** The deal's version the change was made against; it is applied against that version. */
  expectedVersion: z.number().int(),
  reasons: z.array(approvalReasonSchema),
  approvers: z.array(approverSchema),
  /** The index of the approver whose decision is awaited (pending only). */
  step: z.number().int(),
  status: z.enum(approvalStatuses),
  requestedBy: idSchema,
  ownerId: idSchema.nullable(),
  decisions: z.array(approvalDecisionSchema),
  /** The timeout each step waits before it escalates (from the holding rules); null: never. */
  escalation: z.object({ minutes: z.number().int(), clock: z.enum(escalationClocks) }).nullable(),
  /** When the current step started waiting for its approver (`approvers[step]`). */
  stepStartedAt: z.string(),
  /** When the current step escalates to the approver above; null when decided or nobody is above. */
  escalatesAt: z.string().nullable(),
  escalations: z.array(approvalEscalationSchema),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  /** Whether the asking user may decide the current step. */
  canDecide: z.boolean(),
  version: z.number().int(),
});
export type ApprovalDto = z.infer<typeof approvalSchema>;

/** The answer (202) to a change that a rule holds for approval: nothing changed yet. */
export const heldForApprovalSchema = z.object({
  status: z.literal('pending_approval'),
  approval: approvalSchema,
});
export type HeldForApproval = z.infer<typeof heldForApprovalSchema>;

export const listApprovalsQuery = listQueryBase.pick({ limit: true, cursor: true }).extend({
  status: z.enum(approvalStatuses).optional(),
  /** Only approvals whose current step the asking user may decide. */
  mine: z.enum(['true', 'false']).default('false'),
  dealId: idSchema.optional(),
});
export type ListApprovalsQuery = z.infer<typeof listApprovalsQuery>;

export const decideApprovalSchema = z.strictObject({
  decision: z.enum(['approve', 'reject']),
  note: z.string().trim().max(2000).optional(),
});
export type DecideApprovalInput = z.infer<typeof decideApprovalSchema>;

export const periodLockSchema = z.object({
  id: idSchema,
  startsOn: z.string(),
  /** Exclusive. */
  endsOn: z.string(),
  lockedBy: idSchema,
  lockedAt: z.string(),
});
export type PeriodLockDto = z.infer<typeof periodLockSchema>;

export const createPeriodLockSchema = z
  .strictObject({ startsOn: businessDateSchema, endsOn: businessDateSchema })
  .refine((v) => v.endsOn > v.startsOn, { path: ['endsOn'], message: 'must be after startsOn' });
export type CreatePeriodLockInput = z.infer<typeof createPeriodLockSchema>;

export const detectorNames = [
  'backdating',
  'discount_outlier',
  'stage_skip',
  'stage_regression',
  'bulk_change',
  'quarter_end_gaming',
  'registration_hoarding',
  'duplicate_registration',
  'dual_agency_unconsented',
] as const;
export type DetectorName = (typeof detectorNames)[number];
export const findingSeverities = ['low', 'medium', 'high'] as const;
export const findingStatuses = ['open', 'confirmed', 'dismissed'] as const;

export const findingSchema = z.object({
  id: idSchema,
  detector: z.enum(detectorNames),
  severity: z.enum(findingSeverities),
  summary: z.string(),
  subjectType: z.string(),
  subjectId: idSchema,
  /** Whose exception it is (the actor of the evidence, or the deal's owner). */
  personId: idSchema.nullable(),
  /** The ids of the events that show it. */
  evidence: z.array(z.string()),
  score: z.string().nullable(),
  assigneeId: idSchema.nullable(),
  status: z.enum(findingStatuses),
  reason: z.string().nullable(),
  detectedAt: z.string(),
  updatedAt: z.string(),
  canWork: z.boolean(),
  version: z.number().int(),
});
export type FindingDto = z.infer<typeof findingSchema>;

export const listFindingsQuery = listQueryBase.pick({ limit: true, cursor: true }).extend({
  status: z.enum(findingStatuses).optional(),
  detector: z.enum(detectorNames).optional(),
  personId: idSchema.optional(),
});
export type ListFindingsQuery = z.infer<typeof listFindingsQuery>;

export const workFindingSchema = z
  .strictObject({
    status: z.enum(['confirmed', 'dismissed']).optional(),
    reason: z.string().trim().min(1, 'must not be empty').max(2000).optional(),
    assigneeId: idSchema.nullable().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.status === 'dismissed' && v.reason === undefined)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'is required to dismiss a finding' });
    if (v.status === undefined && v.assigneeId === undefined)
      ctx.addIssue({ code: 'custom', path: ['status'], message: 'send a status or an assignee' });
  });
export type WorkFindingInput = z.infer<typeof workFindingSchema>;

/** Exceptions per person: findings (not dismissed) against the changes they made in the window. */
export const exceptionRateSchema = z.object({
  personId: idSchema,
  name: z.string(),
  findings: z.number().int(),
  changes: z.number().int(),
  /** findings / changes, 0 when there were no changes. */
  rate: z.number(),
});
export const exceptionRatesSchema = z.object({ items: z.array(exceptionRateSchema) });
export type ExceptionRateDto = z.infer<typeof exceptionRateSchema>;

export const detectionRunSchema = z.object({ jobId: idSchema });
