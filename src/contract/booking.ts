import { z } from 'zod';
import { businessDateTimeSchema, dateTimeSchema, idSchema, nameSchema, optionalText } from './common.ts';

/** A time zone the runtime knows by its IANA name ("Europe/Berlin"). */
export const timeZoneSchema = z
  .string()
  .min(1)
  .max(100)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'must be an IANA time zone such as Europe/Berlin');

const wallTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be a time of day HH:mm (24:00 for midnight)');
const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

/** Working hours of one weekday (1 = Monday … 7 = Sunday) in the rep's time zone; several periods per day are allowed. */
export const workingHoursSchema = z
  .strictObject({ weekday: z.number().int().min(1).max(7), start: wallTime, end: wallTime })
  .refine((h) => minutes(h.end) > minutes(h.start), { path: ['end'], message: 'must be after start' });
export type WorkingHoursInput = z.infer<typeof workingHoursSchema>;

/** A rep's booking settings: working hours, travel buffers, notice and daily maximum. */
export const availabilitySchema = z.object({
  userId: idSchema,
  timezone: z.string(),
  workingHours: z.array(z.object({ weekday: z.number().int(), start: z.string(), end: z.string() })),
  bufferBeforeMinutes: z.number().int(),
  bufferAfterMinutes: z.number().int(),
  minNoticeMinutes: z.number().int(),
  maxPerDay: z.number().int(),
  /** Whether inside sales may book meetings for this rep. */
  bookable: z.boolean(),
  /** The rep's share of meetings routed from the pool (weighted round robin); 0 takes none. */
  routingWeight: z.number().int(),
  updatedAt: z.string().nullable(),
  /** 0 while the rep has never saved settings (the defaults are shown). */
  version: z.number().int(),
});
export type AvailabilityDto = z.infer<typeof availabilitySchema>;

export const updateAvailabilitySchema = z.strictObject({
  timezone: timeZoneSchema,
  workingHours: z.array(workingHoursSchema).max(50, 'must have at most 50 periods'),
  bufferBeforeMinutes: z.number().int().min(0).max(1440).default(0),
  bufferAfterMinutes: z.number().int().min(0).max(1440).default(0),
  minNoticeMinutes: z
    .number()
    .int()
    .min(0)
    .max(60 * 24 * 60)
    .default(0),
  maxPerDay: z.number().int().min(1).max(100).default(8),
  bookable: z.boolean().default(true),
  routingWeight: z.number().int().min(0).max(100).default(1),
});
export type UpdateAvailabilityInput = z.infer<typeof updateAvailabilitySchema>;

export const timeOffSchema = z.object({
  id: idSchema,
  userId: idSchema,
  start: z.string(),
  end: z.string(),
  reason: z.string().nullable(),
});
export type TimeOffDto = z.infer<typeof timeOffSchema>;

export const createTimeOffSchema = z
  .strictObject({ start: businessDateTimeSchema, end: businessDateTimeSchema, reason: optionalText(500) })
  .refine((t) => Date.parse(t.end) > Date.parse(t.start), { path: ['end'], message: 'must be after start' });
export type CreateTimeOffInput = z.infer<typeof createTimeOffSchema>;

/** An .ics export (or a feed's text) whose busy times become out-of-office ranges. */
export const importBusyTimesSchema = z.strictObject({
  ics: z.string().min(1, 'must not be empty').max(1_000_000, 'must be at most 1,000,000 characters'),
});
export type ImportBusyTimesInput = z.infer<typeof importBusyTimesSchema>;

export const busyTimesImportSchema = z.object({
  /** Busy ranges added as out-of-office ranges. */
  imported: z.number().int(),
  /** Busy ranges the rep already had as out-of-office ranges (an earlier import of the same file). */
  skipped: z.number().int(),
  items: z.array(timeOffSchema),
});
export type BusyTimesImportDto = z.infer<typeof busyTimesImportSchema>;

/** A rep's private calendar feed (an .ics URL their calendar publishes), read every hour for busy times. */
export const setBusyFeedSchema = z.strictObject({
  url: z
    .string()
    .min(1, 'must not be empty')
    .max(2000, 'must be at most 2,000 characters')
    .refine((s) => URL.canParse(s), 'must be a URL'),
});
export type SetBusyFeedInput = z.infer<typeof setBusyFeedSchema>;

export const busyFeedSchema = z.object({
  userId: idSchema,
  /** The whole URL for the rep themselves; for anyone else only its scheme and host (the rest is a secret token). */
  url: z.string(),
  /** True when `url` is shortened to scheme and host. */
  urlHidden: z.boolean(),
  lastAttemptAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  /** Why the last attempt failed; null after a successful one. */
  lastError: z.string().nullable(),
  /** Out-of-office ranges from the feed that have not ended. */
  ranges: z.number().int(),
  updatedAt: z.string(),
});
export type BusyFeedDto = z.infer<typeof busyFeedSchema>;

const MAX_SLOT_RANGE_DAYS = 31;

export const slotsQuery = z
  .strictObject({
    from: dateTimeSchema,
    to: dateTimeSchema,
    durationMinutes: z.coerce.number().int().min(15).max(480).default(60),
    stepMinutes: z.coerce.number().int().min(5).max(240).default(30),
    /** Only this rep (the caller chose one); otherwise every bookable rep. */
    repId: idSchema.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .refine((q) => Date.parse(q.to) > Date.parse(q.from), { path: ['to'], message: 'must be after from' })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= MAX_SLOT_RANGE_DAYS * 86_400_000, {
    path: ['to'],
    message: `must be at most ${MAX_SLOT_RANGE_DAYS} days after from`,
  });
export type SlotsQuery = z.infer<typeof slotsQuery>;

export const slotSchema = z.object({
  repId: idSchema,
  repName: z.string(),
  start: z.string(),
  end: z.string(),
  /** The rep's time zone: the slot can be shown in the rep's time and the caller's. */
  timezone: z.string(),
});
export const slotsSchema = z.object({ items: z.array(slotSchema) });
export type SlotDto = z.infer<typeof slotSchema>;

export const bookingStatuses = ['booked', 'held', 'no_show', 'cancelled'] as const;
export const bookingStatusSchema = z.enum(bookingStatuses);
export type BookingStatus = z.infer<typeof bookingStatusSchema>;

/** The records a booking can be about: a lead, or a contact and/or a deal (an account is taken from the deal). */
const bookingLinks = {
  leadId: idSchema.nullable().optional(),
  contactId: idSchema.nullable().optional(),
  dealId: idSchema.nullable().optional(),
};

export const createBookingSchema = z
  .strictObject({
    /** The outside rep who will hold the meeting; omitted, routing picks one (the account's owner first, then the pool). */
    ownerId: idSchema.optional(),
    start: businessDateTimeSchema,
    durationMinutes: z.number().int().min(15).max(480),
    title: nameSchema.optional(),
    location: optionalText(500),
    ...bookingLinks,
  })
  .refine((b) => Boolean(b.leadId ?? b.contactId ?? b.dealId), {
    path: ['leadId'],
    message: 'one of leadId, contactId or dealId is required',
  });
export type CreateBookingInput = z.infer<typeof createBookingSchema>;

export const rescheduleBookingSchema = z.strictObject({
  start: businessDateTimeSchema,
  durationMinutes: z.number().int().min(15).max(480),
  reason: z.string().trim().min(1, 'must not be empty').max(2000),
});
export type RescheduleBookingInput = z.infer<typeof rescheduleBookingSchema>;

export const cancelBookingSchema = z.strictObject({
  reason: z.string().trim().min(1, 'must not be empty').max(2000),
});
export type CancelBookingInput = z.infer<typeof cancelBookingSchema>;

export const bookingOutcomeSchema = z.strictObject({ outcome: z.enum(['held', 'no_show']) });
export type BookingOutcomeInput = z.infer<typeof bookingOutcomeSchema>;

export const bookingSchema = z.object({
  id: idSchema,
  ownerId: idSchema,
  bookedBy: idSchema,
  leadId: idSchema.nullable(),
  contactId: idSchema.nullable(),
  accountId: idSchema.nullable(),
  dealId: idSchema.nullable(),
  title: z.string(),
  location: z.string().nullable(),
  start: z.string(),
  end: z.string(),
  /** The rep's time zone when booked. */
  timezone: z.string(),
  status: bookingStatusSchema,
  cancelReason: z.string().nullable(),
  /** How routing chose the rep, or null when the booker chose them. */
  routing: z.object({ rule: z.string(), reasons: z.array(z.string()) }).nullable(),
  /** Incremented on each change the invitation must carry (RFC 5545 SEQUENCE). */
  sequence: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type BookingDto = z.infer<typeof bookingSchema>;

/**
 * What a held meeting did to the deal, by its pipeline's setting: `created` or `advanced` (as the
 * field rep), `pending_approval` (an approval rule holds the move: `approvalId`), `refused` (a
 * stage requirement or permission stopped it), or `unchanged` (nothing to do); `message` says why.
 */
export const heldMeetingResults = ['created', 'advanced', 'pending_approval', 'refused', 'unchanged'] as const;
export type HeldMeetingResult = (typeof heldMeetingResults)[number];
export const heldMeetingEffectSchema = z.object({
  result: z.enum(heldMeetingResults),
  dealId: idSchema.nullable(),
  stageId: idSchema.nullable(),
  approvalId: idSchema.nullable(),
  message: z.string(),
});
export type HeldMeetingEffect = z.infer<typeof heldMeetingEffectSchema>;

/** The booking after its outcome, with what a held meeting did to the deal (null for a no-show). */
export const bookingOutcomeResultSchema = bookingSchema.extend({ dealEffect: heldMeetingEffectSchema.nullable() });
export type BookingOutcomeResultDto = z.infer<typeof bookingOutcomeResultSchema>;

export const calendarFeedSchema = z.object({
  /** The private URL path (below the server's address) any calendar client can subscribe to; shown once. */
  path: z.string(),
  token: z.string(),
});
export type CalendarFeedDto = z.infer<typeof calendarFeedSchema>;

export const bookingRatesQuery = z
  .strictObject({ from: dateTimeSchema, to: dateTimeSchema })
  .refine((q) => Date.parse(q.to) > Date.parse(q.from), { path: ['to'], message: 'must be after from' });
export type BookingRatesQuery = z.infer<typeof bookingRatesQuery>;

const ratesShape = {
  booked: z.number().int(),
  cancelled: z.number().int(),
  held: z.number().int(),
  noShow: z.number().int(),
  connectedCalls: z.number().int().nullable(),
  setRate: z.number().nullable(),
  showRate: z.number().nullable(),
  meetingToOpportunity: z.number().nullable(),
  medianHoursToMeeting: z.number().nullable(),
};
export const bookingRatesSchema = z.object({
  from: z.string(),
  to: z.string(),
  total: z.object(ratesShape),
  byInsideRep: z.array(z.object({ userId: idSchema, ...ratesShape })),
  byOutsideRep: z.array(z.object({ userId: idSchema, ...ratesShape })),
  byPair: z.array(z.object({ bookedBy: idSchema, ownerId: idSchema, ...ratesShape })),
});
export type BookingRatesDto = z.infer<typeof bookingRatesSchema>;

export const listBookingsQuery = z.strictObject({
  ownerId: idSchema.optional(),
  bookedBy: idSchema.optional(),
  leadId: idSchema.optional(),
  dealId: idSchema.optional(),
  contactId: idSchema.optional(),
  status: bookingStatusSchema.optional(),
  /** Meetings starting in [from, to). */
  from: dateTimeSchema.optional(),
  to: dateTimeSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type ListBookingsQuery = z.infer<typeof listBookingsQuery>;
