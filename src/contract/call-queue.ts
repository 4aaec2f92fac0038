import { z } from 'zod';
import { idSchema } from './common.ts';
import { leadSchema } from './leads.ts';
import { enrolmentSchema } from './cadences.ts';

/**
 * Why a lead stands where it does in the call queue, in queue order: a call back that has come due,
 * then an SLA running (or breached), then a cadence call step that has come due, then the rest;
 * then leads whose cadence step is still ahead (or is an email or task step, or paused), then leads
 * whose call back is still ahead.
 */
export const queueReasons = [
  'call_back_due',
  'sla',
  'cadence_step_due',
  'ready',
  'cadence_later',
  'call_back_later',
] as const;
export type QueueReason = (typeof queueReasons)[number];
export const queueReasonSchema = z.enum(queueReasons);

/** Whose queue, and which page of it (the cursor is the position to continue from). */
export const callQueueQuery = z.strictObject({
  /** The caller's own queue by default; a manager may ask for a member of the team, an admin for anyone. */
  ownerId: idSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(25),
  cursor: z
    .string()
    .regex(/^\d{1,5}$/, 'must be the nextCursor of the previous page')
    .optional(),
});
export type CallQueueQuery = z.infer<typeof callQueueQuery>;

/** One lead in the queue: the lead, why it stands where it does, and the figures the order uses. */
export const callQueueItemSchema = z.object({
  lead: leadSchema,
  reason: queueReasonSchema,
  /** 0–100: the model's probability in percent when the organization has a model, else the mean of fit and engagement; null when unscored. */
  score: z.number().nullable(),
  grade: z.enum(['A', 'B', 'C', 'D']).nullable(),
  /** Due time of the lead's open, untouched hand-off (its SLA); null when none is running. */
  slaDueAt: z.string().nullable(),
  /** The earliest open task with a due time on the lead (a promised call back). */
  callBack: z.object({ taskId: idSchema, subject: z.string().nullable(), dueAt: z.string() }).nullable(),
  /** The first call logged on the lead, and the minutes from its creation to that call (speed to lead). */
  firstCallAt: z.string().nullable(),
  minutesToFirstCall: z.number().nullable(),
  /**
   * Set when the lead has no owner and the caller may claim it (`POST /leads/{id}/claim`): the
   * territory holding it (null: none) and who works that territory. Null for the owner's own leads.
   */
  unassigned: z
    .object({
      territoryId: idSchema.nullable(),
      territoryName: z.string().nullable(),
      territoryMemberIds: z.array(idSchema),
    })
    .nullable(),
  /** The lead's open cadence enrolment (its current step and due time); null when it is on none. */
  cadence: enrolmentSchema.nullable(),
});
export type CallQueueItemDto = z.infer<typeof callQueueItemSchema>;

export const callQueueSchema = z.object({
  ownerId: idSchema,
  /** The instant the queue was ranked at (call backs due by then count as due). */
  rankedAt: z.string(),
  /** Open leads (new or working) in the whole queue, not only this page (unassigned ones the caller may claim included). */
  total: z.number().int(),
  /** Of them, unassigned leads the caller may claim (only in the caller's own queue). */
  unassigned: z.number().int(),
  items: z.array(callQueueItemSchema),
  nextCursor: z.string().nullable(),
});
export type CallQueueDto = z.infer<typeof callQueueSchema>;
