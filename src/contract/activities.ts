import { z } from 'zod';
import { businessDateTimeSchema, dateTimeSchema, idSchema, listQueryBase, nameSchema, optionalText } from './common.ts';
import { raisedObjectionInput } from './objections.ts';

export const activityTypes = ['call', 'meeting', 'email', 'task', 'note'] as const;
export const activityTypeSchema = z.enum(activityTypes);
export type ActivityType = z.infer<typeof activityTypeSchema>;

export const directionSchema = z.enum(['inbound', 'outbound']);
export const callDispositions = [
  'connected',
  'no_answer',
  'left_voicemail',
  'busy',
  'wrong_number',
  'not_interested',
  'call_back_later',
  'meeting_booked',
] as const;
export const callDispositionSchema = z.enum(callDispositions);
export type CallDisposition = z.infer<typeof callDispositionSchema>;
export const meetingOutcomeSchema = z.enum(['held', 'no_show', 'cancelled', 'rescheduled']);

/** The records an activity can be about; at least one is required. */
export const activityLinkFields = ['dealId', 'contactId', 'accountId', 'leadId'] as const;
export type ActivityLinkField = (typeof activityLinkFields)[number];

const textBody = z.string().trim().min(1, 'must not be empty').max(50_000);
const attendee = z.string().trim().min(1, 'must not be empty').max(320);

/** Fields every activity type accepts. */
const commonFields = {
  subject: z.string().trim().max(300).nullable().optional(),
  body: optionalText(50_000),
  dealId: idSchema.nullable().optional(),
  contactId: idSchema.nullable().optional(),
  accountId: idSchema.nullable().optional(),
  leadId: idSchema.nullable().optional(),
  ownerId: idSchema.nullable().optional(),
  externalId: z.string().max(200).nullable().optional(),
  /**
   * The side of the deal the activity belongs to (`buyer` or `seller`): that side's agents see it,
   * the other side's do not. Null (the default) is internal: no agent sees it. Needs a dealId.
   */
  agentSide: z.enum(['buyer', 'seller']).nullable().optional(),
};

/**
 * The pitch-script version the call was made with (the one the call dialog showed): both or
 * neither, and the pair must be a stored version of a script of the organization (checked by the
 * service, which names the field at fault).
 */
const scriptFields = {
  scriptId: idSchema.nullable().optional(),
  scriptVersion: z.number().int().min(1).nullable().optional(),
};

/*
 * One strict object per type, so a field that belongs to another type is refused by name.
 * `occurredAt` is the business time the user gives ("the call happened at 14:10", possibly in the
 * past); the system time of the write is kept separately in the event log.
 */
const callFields = z.strictObject({
  type: z.literal('call'),
  ...commonFields,
  direction: directionSchema,
  disposition: callDispositionSchema,
  durationSeconds: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 3600)
    .nullable()
    .optional(),
  occurredAt: businessDateTimeSchema.optional(),
  ...scriptFields,
});

const meetingFields = z
  .strictObject({
    type: z.literal('meeting'),
    ...commonFields,
    start: businessDateTimeSchema,
    end: businessDateTimeSchema.nullable().optional(),
    location: optionalText(500),
    attendees: z.array(attendee).max(200, 'must have at most 200 attendees').optional(),
    outcome: meetingOutcomeSchema.nullable().optional(),
  })
  .refine((m) => !m.end || Date.parse(m.end) >= Date.parse(m.start), {
    path: ['end'],
    message: 'must not be before start',
  });

const emailFields = z.strictObject({
  type: z.literal('email'),
  ...commonFields,
  direction: directionSchema,
  occurredAt: businessDateTimeSchema.optional(),
});

const taskFields = z.strictObject({
  type: z.literal('task'),
  ...commonFields,
  subject: nameSchema,
  dueAt: businessDateTimeSchema.nullable().optional(),
  completed: z.boolean().optional(),
});

const noteFields = z.strictObject({
  type: z.literal('note'),
  ...commonFields,
  body: textBody,
});

/** The fields of each type (without create-only extras), used to validate an update against the stored type. */
export const activityVariants = {
  call: callFields,
  meeting: meetingFields,
  email: emailFields,
  task: taskFields,
  note: noteFields,
} as const;
export type ActivityFields = z.infer<(typeof activityVariants)[ActivityType]>;

export const createActivitySchema = z.discriminatedUnion('type', [
  // A call can be logged together with the objections the buyer raised on it, in one request.
  callFields.extend({
    objections: z.array(raisedObjectionInput).max(20, 'must have at most 20 objections').optional(),
  }),
  meetingFields,
  emailFields,
  taskFields,
  noteFields,
]);
export type CreateActivityInput = z.infer<typeof createActivitySchema>;

/**
 * Every field any type accepts; the type of an activity never changes. The service then checks the
 * merged record against its type's own schema, so fields of another type are still refused by name.
 */
export const updateActivitySchema = z.strictObject({
  ...commonFields,
  direction: directionSchema.optional(),
  disposition: callDispositionSchema.optional(),
  durationSeconds: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 3600)
    .nullable()
    .optional(),
  occurredAt: businessDateTimeSchema.optional(),
  ...scriptFields,
  start: businessDateTimeSchema.optional(),
  end: businessDateTimeSchema.nullable().optional(),
  location: optionalText(500),
  attendees: z.array(attendee).max(200, 'must have at most 200 attendees').optional(),
  outcome: meetingOutcomeSchema.nullable().optional(),
  dueAt: businessDateTimeSchema.nullable().optional(),
  completed: z.boolean().optional(),
});
export type UpdateActivityInput = z.infer<typeof updateActivitySchema>;

/** Flat view of an activity: fields that do not apply to its type are null. */
export const activitySchema = z.object({
  id: idSchema,
  type: activityTypeSchema,
  externalId: z.string().nullable(),
  subject: z.string().nullable(),
  body: z.string().nullable(),
  dealId: idSchema.nullable(),
  contactId: idSchema.nullable(),
  accountId: idSchema.nullable(),
  leadId: idSchema.nullable(),
  ownerId: idSchema.nullable(),
  agentSide: z.enum(['buyer', 'seller']).nullable(),
  /** Business time: when the call, email or meeting happened (for a meeting, its start). */
  occurredAt: z.string().nullable(),
  direction: directionSchema.nullable(),
  disposition: callDispositionSchema.nullable(),
  durationSeconds: z.number().int().nullable(),
  /** A call's pitch-script version: the script and its version number, both null when none was recorded. */
  scriptId: idSchema.nullable(),
  scriptVersion: z.number().int().nullable(),
  start: z.string().nullable(),
  end: z.string().nullable(),
  location: z.string().nullable(),
  attendees: z.array(z.string()),
  outcome: meetingOutcomeSchema.nullable(),
  dueAt: z.string().nullable(),
  completed: z.boolean().nullable(),
  completedAt: z.string().nullable(),
  createdBy: idSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type ActivityDto = z.infer<typeof activitySchema>;

export const listActivitiesQuery = listQueryBase.extend({
  /** occurred_at sorts by when it happened (a task by its due date); due_at puts tasks without a due date last. */
  sort: z.enum(['occurred_at', 'due_at', 'created_at']).default('occurred_at'),
  type: activityTypeSchema.optional(),
  ownerId: idSchema.optional(),
  dealId: idSchema.optional(),
  contactId: idSchema.optional(),
  accountId: idSchema.optional(),
  leadId: idSchema.optional(),
  disposition: callDispositionSchema.optional(),
  /** Inclusive lower and exclusive upper bound on occurred_at (due_at for tasks). */
  from: dateTimeSchema.optional(),
  to: dateTimeSchema.optional(),
  /** Tasks only: done or still open. */
  completed: z.enum(['true', 'false']).optional(),
});
export type ListActivitiesQuery = z.infer<typeof listActivitiesQuery>;

/** Whose task list: the caller's by default; a manager may ask for a member of the team, an admin for anyone. */
export const taskAgendaQuery = z.strictObject({
  ownerId: idSchema.optional(),
  /** At most this many tasks per group (the counts are always complete). */
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TaskAgendaQuery = z.infer<typeof taskAgendaQuery>;

/**
 * A user's open tasks in three groups, by the organization's calendar day: due before today
 * (overdue, oldest first), due today, and due later or undated (upcoming, soonest first, undated last).
 */
export const taskAgendaSchema = z.object({
  ownerId: idSchema,
  timezone: z.string(),
  /** The organization's today as instants: [todayStart, todayEnd). */
  todayStart: z.string(),
  todayEnd: z.string(),
  overdue: z.array(activitySchema),
  today: z.array(activitySchema),
  upcoming: z.array(activitySchema),
  counts: z.object({ overdue: z.number().int(), today: z.number().int(), upcoming: z.number().int() }),
});
export type TaskAgendaDto = z.infer<typeof taskAgendaSchema>;

/** Call dispositions after which a follow-up task is proposed (the caller promised to call or meet again). */
export const followUpDispositions: readonly (typeof callDispositions)[number][] = ['call_back_later', 'meeting_booked'];
