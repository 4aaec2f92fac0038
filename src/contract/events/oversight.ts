import { z } from 'zod';
import type { EventDefinition } from './catalog.ts';
import { ids } from './payloads.ts';

/** The records of oversight the log is about. */
export const oversightEntityTypes = ['approval', 'approval_rule', 'period_lock', 'finding'] as const;

const note = ids.nullableText;
const reason = z.strictObject({ ruleId: ids.id, kind: ids.text, message: ids.text });
const approver = z.union([
  z.strictObject({ kind: z.literal('user'), userId: ids.id, name: ids.text }),
  z.strictObject({ kind: z.literal('role'), role: ids.text }),
]);

const ruleSnapshot = z.looseObject({
  kind: ids.text,
  threshold: ids.decimal.nullable(),
  currency: ids.nullableText,
  approverKind: ids.text,
  approverRole: ids.nullableText,
  levels: z.number().int(),
  /** Absent from rules added before escalation timeouts existed. */
  escalateAfterMinutes: z.number().int().nullable().optional(),
  escalateIn: z.enum(['business_hours', 'elapsed']).optional(),
  active: z.boolean(),
});

const def = (
  type: string,
  entityTypes: readonly (typeof oversightEntityTypes)[number][],
  when: string,
  schema: z.ZodType,
): EventDefinition => ({ type, entityTypes, version: 1, when, schema, history: [] });

/** Approvals, period locks and findings: every step of oversight is an event of the log. */
export const oversightEventDefinitions: EventDefinition[] = [
  def('approval_rule.created', ['approval_rule'], 'an approval rule is added', z.strictObject({ after: ruleSnapshot })),
  def(
    'approval_rule.updated',
    ['approval_rule'],
    'an approval rule is switched on or off',
    z.strictObject({ active: z.strictObject({ from: z.boolean(), to: z.boolean() }) }),
  ),
  def(
    'approval.requested',
    ['approval'],
    'a change of a deal meets approval rules and is held until approved',
    z.strictObject({
      dealId: ids.id,
      action: z.enum(['update_deal', 'move_stage']),
      change: z.record(z.string(), z.unknown()),
      expectedVersion: z.number().int(),
      reasons: z.array(reason).min(1),
      approvers: z.array(approver).min(1),
    }),
  ),
  def(
    'approval.step_approved',
    ['approval'],
    'one approver of several agrees; the next one in order is asked',
    z.strictObject({ step: z.number().int().nonnegative(), note, nextStep: z.number().int().positive() }),
  ),
  def(
    'approval.approved',
    ['approval'],
    'the last approver agrees; the held change is applied in the same transaction',
    z.strictObject({ step: z.number().int().nonnegative(), note, dealId: ids.id, dealVersion: z.number().int() }),
  ),
  def(
    'approval.rejected',
    ['approval'],
    'an approver refuses; the held change is dropped',
    z.strictObject({ step: z.number().int().nonnegative(), note, dealId: ids.id }),
  ),
  def(
    'approval.escalated',
    ['approval'],
    'a step waits past its escalation timeout and goes to the approver above (by the system)',
    z.strictObject({
      step: z.number().int().nonnegative(),
      from: approver,
      to: approver,
      /** When the step had started waiting for the approver it was taken from. */
      waitingSince: ids.isoTime,
      /** When the step escalates again, from the new approver; null when nobody is above. */
      escalatesAt: ids.isoTime.nullable(),
    }),
  ),
  def(
    'period.locked',
    ['period_lock'],
    'a fiscal period is closed: its won/lost outcomes and amounts change only with approval',
    z.strictObject({ startsOn: ids.text, endsOn: ids.text }),
  ),
  def(
    'finding.opened',
    ['finding'],
    'a detector finds an anomaly (with the events that show it)',
    z.strictObject({
      detector: ids.text,
      severity: z.enum(['low', 'medium', 'high']),
      summary: ids.text,
      subjectType: ids.text,
      subjectId: ids.id,
      personId: ids.nullableId,
      evidence: z.array(ids.text).min(1),
      score: ids.decimal.nullable(),
    }),
  ),
  def(
    'finding.assigned',
    ['finding'],
    'a finding is given to someone to look into',
    z.strictObject({ assigneeId: z.strictObject({ from: ids.nullableId, to: ids.nullableId }) }),
  ),
  def(
    'finding.confirmed',
    ['finding'],
    'a reviewer confirms a finding as a real exception',
    z.strictObject({ reason: note }),
  ),
  def(
    'finding.dismissed',
    ['finding'],
    'a reviewer dismisses a finding, saying why',
    z.strictObject({ reason: ids.text }),
  ),
];
