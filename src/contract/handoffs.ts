import { z } from 'zod';
import { timeZoneSchema } from './booking.ts';
import { idSchema, queryList } from './common.ts';
import { grades } from './scoring.ts';

/**
 * The hand-off of a marketing-qualified lead to sales: the SLA policy that says how fast sales must
 * first touch it (per organization, optionally per team), and each hand-off with its timer, its
 * breach and escalation, and sales' acceptance or rejection. The due time is computed by
 * `handoffDueAt` (`src/domain/sla.ts`).
 */

const wallTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be a time of day HH:mm (24:00 for midnight)');
const minutesOfDay = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

/** What happens when a hand-off breaches its SLA: the owner's manager is told, or takes the lead over. */
export const slaEscalations = ['notify_manager', 'reassign_to_manager'] as const;
export type SlaEscalation = (typeof slaEscalations)[number];

export const slaPolicySchema = z
  .strictObject({
    /** Working days, 1 = Monday … 7 = Sunday. */
    weekdays: z
      .array(z.number().int().min(1).max(7))
      .min(1, 'must name at least one working day')
      .max(7)
      .refine((d) => new Set(d).size === d.length, 'must not name a day twice'),
    /** Local time the working day starts (HH:mm). */
    start: wallTime,
    /** Local time the working day ends (HH:mm, after start; 24:00 for midnight). */
    end: wallTime,
    /** The IANA time zone of the business hours. */
    timeZone: timeZoneSchema,
    /** Minutes sales has for the first touch of a lead handed over in business hours. */
    businessMinutes: z.number().int().min(1).max(10_080),
    /** Minutes sales has for the first touch of a lead handed over outside business hours. */
    otherMinutes: z.number().int().min(1).max(43_200),
    escalation: z.enum(slaEscalations),
  })
  .refine((p) => minutesOfDay(p.end) > minutesOfDay(p.start), { path: ['end'], message: 'must be after start' });
export type SlaPolicy = z.infer<typeof slaPolicySchema>;

/** The policy an organization starts with: Mon–Fri 09:00–17:00 in its time zone, 5 minutes / 1 hour. */
export function defaultSlaPolicy(timeZone: string): SlaPolicy {
  return {
    weekdays: [1, 2, 3, 4, 5],
    start: '09:00',
    end: '17:00',
    timeZone,
    businessMinutes: 5,
    otherMinutes: 60,
    escalation: 'notify_manager',
  };
}

export const slaPolicyDtoSchema = z.object({
  weekdays: z.array(z.number().int()),
  start: z.string(),
  end: z.string(),
  timeZone: z.string(),
  businessMinutes: z.number().int(),
  otherMinutes: z.number().int(),
  escalation: z.enum(slaEscalations),
  /** The team the policy is for; null for the organization's. */
  teamId: z.string().nullable(),
  /** True when the team has no policy of its own and the organization's applies (or the defaults). */
  inherited: z.boolean(),
  /** 0 while nothing was saved (the defaults, or for a team the organization's policy, are shown). */
  version: z.number().int(),
  updatedAt: z.string().nullable(),
});
export type SlaPolicyDto = z.infer<typeof slaPolicyDtoSchema>;

export const handoffStatuses = ['open', 'accepted', 'rejected', 'withdrawn'] as const;
export type HandoffStatus = (typeof handoffStatuses)[number];

export const handoffSchema = z.object({
  id: z.string(),
  leadId: z.string(),
  leadName: z.string(),
  company: z.string().nullable(),
  /** The sales owner the lead was handed to (after an escalation by reassignment: the manager). */
  ownerId: z.string(),
  ownerName: z.string().nullable(),
  teamId: z.string().nullable(),
  /** `open` until sales accepts or rejects it; `withdrawn` when the lead left MQL another way. */
  status: z.enum(handoffStatuses),
  openedAt: z.string(),
  /** When the first sales touch is due (by the SLA policy in force at the hand-off). */
  dueAt: z.string(),
  /** Whether the hand-off opened in business hours (so the shorter response time applies). */
  inBusinessHours: z.boolean(),
  /** The first call, email or meeting of the owner on the lead, or the acceptance, whichever came first. */
  firstTouchAt: z.string().nullable(),
  /** Minutes from the hand-off to the first touch (speed to lead). */
  minutesToTouch: z.number().nullable(),
  /** When the SLA was breached (no touch by the due time). */
  breachedAt: z.string().nullable(),
  /** What the breach led to: the manager notified, or the lead reassigned to the manager. */
  escalation: z.enum(['notified', 'reassigned']).nullable(),
  escalatedTo: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  /** Why sales rejected the lead (marketing reads it). */
  rejectReason: z.string().nullable(),
  fitScore: z.number(),
  engagementScore: z.number(),
  grade: z.enum(grades),
  version: z.number().int(),
});
export type HandoffDto = z.infer<typeof handoffSchema>;

export const listHandoffsQuery = z.object({
  status: queryList(z.enum(handoffStatuses)).optional(),
  /** Only the hand-offs of this owner (the web app's "mine"). */
  ownerId: idSchema.optional(),
  /** Only the hand-offs of members of this team (by the owner's team at the hand-off). */
  teamId: idSchema.optional(),
  leadId: idSchema.optional(),
  /** By due time: soonest first (`asc`, the inbox) or latest first (`desc`, what happened lately). */
  order: z.enum(['asc', 'desc']).default('asc'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type ListHandoffsQuery = z.infer<typeof listHandoffsQuery>;

export const rejectHandoffSchema = z.strictObject({
  /** Why the lead is not sales-ready; shown to marketing. */
  reason: z.string().trim().min(1, 'must say why the lead is rejected').max(1000),
});
export type RejectHandoffInput = z.infer<typeof rejectHandoffSchema>;

export const teamParams = z.object({ teamId: idSchema });
