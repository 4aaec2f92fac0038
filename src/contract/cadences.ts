import { z } from 'zod';
import { callDispositions, type CallDisposition } from './activities.ts';
import { idSchema, listQueryBase, nameSchema } from './common.ts';
import { activeFilterSchema } from './objections.ts';

/** What a step asks of the owner: a call (worked from the call queue), an email or a task (worked as a task). */
export const cadenceStepKinds = ['call', 'email', 'task'] as const;
export type CadenceStepKind = (typeof cadenceStepKinds)[number];

/**
 * How long after the previous step (for the first, after enrolment) a step comes due: so many
 * hours or days, counted on the calendar or in the organization's business hours (business days
 * skip the days that are not working days and keep the time of day).
 */
export const cadenceDelaySchema = z.strictObject({
  amount: z.number().int().min(0).max(365),
  unit: z.enum(['hours', 'days']),
  clock: z.enum(['business', 'calendar']),
});
export type CadenceDelay = z.infer<typeof cadenceDelaySchema>;

export const cadenceStepSchema = z.strictObject({
  kind: z.enum(cadenceStepKinds),
  delay: cadenceDelaySchema,
  /** What to do or say at this step (shown to the owner with the step). */
  instruction: z.string().trim().max(2000).default(''),
});
export type CadenceStep = z.infer<typeof cadenceStepSchema>;

/**
 * What a call's disposition does to the enrolment: go on to the next step, wait so many days
 * (then the same step is due again), wait until the call back the caller promised (the lead's next
 * dated task), or end with a reason.
 */
export const cadenceRuleSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('advance') }),
  z.strictObject({ action: z.literal('pause'), days: z.number().int().min(1).max(90) }),
  z.strictObject({ action: z.literal('pause_until_call_back') }),
  z.strictObject({ action: z.literal('end'), reason: z.string().trim().min(1, 'must not be empty').max(100) }),
]);
export type CadenceRule = z.infer<typeof cadenceRuleSchema>;
type Disposition = CallDisposition;
export type CadenceRules = Record<Disposition, CadenceRule>;

/** The rules a cadence starts with; a definition names only those it changes. */
export const defaultCadenceRules: CadenceRules = {
  connected: { action: 'advance' },
  no_answer: { action: 'advance' },
  left_voicemail: { action: 'advance' },
  busy: { action: 'advance' },
  wrong_number: { action: 'end', reason: 'wrong number' },
  not_interested: { action: 'end', reason: 'not interested' },
  call_back_later: { action: 'pause_until_call_back' },
  meeting_booked: { action: 'end', reason: 'meeting booked' },
};

const rulesInput = z.strictObject(
  Object.fromEntries(callDispositions.map((d) => [d, cadenceRuleSchema.optional()])) as Record<
    Disposition,
    z.ZodOptional<typeof cadenceRuleSchema>
  >,
);
const rulesOutput = z.object(
  Object.fromEntries(callDispositions.map((d) => [d, cadenceRuleSchema])) as Record<
    Disposition,
    typeof cadenceRuleSchema
  >,
);

const stepsInput = z
  .array(cadenceStepSchema)
  .min(1, 'must have at least one step')
  .max(30, 'must have at most 30 steps');

export const cadenceSchema = z.object({
  id: idSchema,
  name: z.string(),
  /** Increases by one each time the steps or rules change; enrolments keep the version they started on. */
  cadenceVersion: z.number().int(),
  steps: z.array(cadenceStepSchema),
  rules: rulesOutput,
  active: z.boolean(),
  /** Enrolments open (active or paused) on any version. */
  openEnrolments: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type CadenceDto = z.infer<typeof cadenceSchema>;

export const createCadenceSchema = z.strictObject({
  name: nameSchema,
  steps: stepsInput,
  rules: rulesInput.optional(),
  active: z.boolean().optional(),
});
export type CreateCadenceInput = z.infer<typeof createCadenceSchema>;

export const updateCadenceSchema = z.strictObject({
  name: nameSchema.optional(),
  steps: stepsInput.optional(),
  rules: rulesInput.optional(),
  active: z.boolean().optional(),
});
export type UpdateCadenceInput = z.infer<typeof updateCadenceSchema>;

export const listCadencesQuery = listQueryBase.extend({
  sort: z.enum(['name', 'created_at', 'updated_at']).default('name'),
  active: activeFilterSchema,
});
export type ListCadencesQuery = z.infer<typeof listCadencesQuery>;

export const enrolmentStatuses = ['active', 'paused', 'ended'] as const;

/** A lead on a cadence: where it stands and when its current step is due. */
export const enrolmentSchema = z.object({
  id: idSchema,
  cadenceId: idSchema,
  cadenceName: z.string(),
  cadenceVersion: z.number().int(),
  leadId: idSchema,
  status: z.enum(enrolmentStatuses),
  /** The current step (0-based) and its definition; after the end, the step it ended at. */
  stepIndex: z.number().int(),
  stepCount: z.number().int(),
  step: cadenceStepSchema,
  /** When the current step is (or was) due; null while paused until a call back. */
  dueAt: z.string().nullable(),
  /** The open task of an email or task step. */
  stepTaskId: idSchema.nullable(),
  pausedUntil: z.string().nullable(),
  pauseReason: z.string().nullable(),
  endedReason: z.string().nullable(),
  endedAt: z.string().nullable(),
  enrolledBy: idSchema.nullable(),
  enrolledAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type EnrolmentDto = z.infer<typeof enrolmentSchema>;

export const enrolLeadSchema = z.strictObject({
  cadenceId: idSchema,
});
export type EnrolLeadInput = z.infer<typeof enrolLeadSchema>;

export const endEnrolmentSchema = z.strictObject({
  reason: z.string().trim().min(1, 'must not be empty').max(100),
});
export type EndEnrolmentInput = z.infer<typeof endEnrolmentSchema>;

export const cadenceStepFiguresSchema = z.object({
  stepIndex: z.number().int(),
  /** The kind of the step in the newest version; null for a step only older versions have. */
  kind: z.enum(cadenceStepKinds).nullable(),
  /** Enrolments that arrived at the step. */
  enrolled: z.number().int(),
  /** Enrolments whose first conversation with a person happened at the step. */
  reached: z.number().int(),
  /** Enrolments that booked a meeting or became an opportunity at the step. */
  converted: z.number().int(),
  /** Enrolments that ended at the step. */
  ended: z.number().int(),
});
export const cadenceFiguresSchema = z.object({
  cadenceId: idSchema,
  name: z.string(),
  enrolled: z.number().int(),
  reached: z.number().int(),
  converted: z.number().int(),
  ended: z.number().int(),
  open: z.number().int(),
  steps: z.array(cadenceStepFiguresSchema),
});
export type CadenceFiguresDto = z.infer<typeof cadenceFiguresSchema>;
