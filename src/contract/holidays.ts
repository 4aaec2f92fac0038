import { z } from 'zod';
import { businessDateSchema, dateOnlySchema, idSchema, nameSchema } from './common.ts';

/**
 * Holiday calendars: an organization's named calendars of holidays ("Germany – Bavaria", "US
 * federal"), each holiday a local calendar date or range of dates, optionally recurring every year
 * on the same dates. A calendar applies to every rep when it is the organization's default, to the
 * members of the territories it is assigned to, and to the reps it is assigned to directly. A
 * holiday blocks the rep's whole local day(s) in the rep's own time zone (see `src/domain/holidays.ts`).
 */

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
const dayNumber = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
/** A recurring holiday lasts at most a year (it would meet its next occurrence). */
const MAX_RECURRING_DAYS = 365;

export const holidayInputSchema = z
  .strictObject({
    name: nameSchema,
    /** The first local date of the holiday. */
    start: businessDateSchema,
    /** The last local date (inclusive); the start date when left out. */
    end: businessDateSchema.optional(),
    /** Every year on the same month and day (for as many days). */
    recurring: z.boolean().default(false),
  })
  .superRefine((h, ctx) => {
    // The date checks above report a malformed date; these compare only well-formed ones.
    if (!h.end || !DATE_SHAPE.test(h.start) || !DATE_SHAPE.test(h.end)) return;
    if (h.end < h.start) ctx.addIssue({ code: 'custom', path: ['end'], message: 'must not be before start' });
    else if (h.recurring && (dayNumber(h.end) - dayNumber(h.start)) / 86_400_000 >= MAX_RECURRING_DAYS)
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'a recurring holiday must last less than a year' });
  });
export type HolidayInput = z.infer<typeof holidayInputSchema>;

const holidaysInput = z.array(holidayInputSchema).max(500, 'must have at most 500 holidays');
const territoryIdsInput = z.array(idSchema).max(500, 'must name at most 500 territories');
const userIdsInput = z.array(idSchema).max(1000, 'must name at most 1000 users');

export const createHolidayCalendarSchema = z.strictObject({
  name: nameSchema,
  /** The organization's default calendar applies to every rep (one at most: setting it moves it here). */
  isDefault: z.boolean().default(false),
  holidays: holidaysInput.default([]),
  territoryIds: territoryIdsInput.default([]),
  userIds: userIdsInput.default([]),
});
export type CreateHolidayCalendarInput = z.infer<typeof createHolidayCalendarSchema>;

export const updateHolidayCalendarSchema = z.strictObject({
  name: nameSchema.optional(),
  isDefault: z.boolean().optional(),
  territoryIds: territoryIdsInput.optional(),
  userIds: userIdsInput.optional(),
});
export type UpdateHolidayCalendarInput = z.infer<typeof updateHolidayCalendarSchema>;

export const addHolidaysSchema = z.strictObject({
  holidays: holidaysInput.min(1, 'must name at least one holiday'),
});
export type AddHolidaysInput = z.infer<typeof addHolidaysSchema>;

/** An .ics export of holidays (all-day events, or timed ones by their local dates; yearly ones recur). */
export const importHolidaysSchema = z.strictObject({
  ics: z.string().min(1, 'must not be empty').max(1_000_000, 'must be at most 1,000,000 characters'),
});
export type ImportHolidaysInput = z.infer<typeof importHolidaysSchema>;

export const holidaySchema = z.object({
  id: idSchema,
  name: z.string(),
  start: z.string(),
  end: z.string(),
  recurring: z.boolean(),
});
export type HolidayDto = z.infer<typeof holidaySchema>;

export const holidayCalendarSchema = z.object({
  id: idSchema,
  name: z.string(),
  isDefault: z.boolean(),
  /** Soonest first. */
  holidays: z.array(holidaySchema),
  territoryIds: z.array(idSchema),
  userIds: z.array(idSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type HolidayCalendarDto = z.infer<typeof holidayCalendarSchema>;

export const importHolidaysResultSchema = z.object({
  imported: z.number().int(),
  /** Events already in the calendar (same name and dates) or without a date. */
  skipped: z.number().int(),
  calendar: holidayCalendarSchema,
});
export type ImportHolidaysResultDto = z.infer<typeof importHolidaysResultSchema>;

/** One holiday a rep keeps, as it falls (a recurring one once per year). */
export const effectiveHolidaySchema = z.object({
  calendarId: idSchema,
  calendarName: z.string(),
  name: z.string(),
  start: z.string(),
  end: z.string(),
});
export type EffectiveHolidayDto = z.infer<typeof effectiveHolidaySchema>;

export const effectiveHolidaysQuerySchema = z
  .strictObject({
    /** First local date (default: today in the rep's zone). */
    from: dateOnlySchema.optional(),
    /** Last local date, inclusive (default: a year after `from`). */
    to: dateOnlySchema.optional(),
  })
  .superRefine((q, ctx) => {
    if (!q.from || !q.to || !DATE_SHAPE.test(q.from) || !DATE_SHAPE.test(q.to)) return;
    if (q.to < q.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
    else if (dayNumber(q.to) - dayNumber(q.from) > 3 * 366 * 86_400_000)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be at most three years after from' });
  });
export type EffectiveHolidaysQuery = z.infer<typeof effectiveHolidaysQuerySchema>;

export const effectiveHolidaysSchema = z.object({
  userId: idSchema,
  /** The rep's time zone the dates are read in. */
  timezone: z.string(),
  /** The calendars that apply to the rep: the default, their territories', their own. */
  calendars: z.array(z.object({ id: idSchema, name: z.string() })),
  from: z.string(),
  to: z.string(),
  items: z.array(effectiveHolidaySchema),
});
export type EffectiveHolidaysDto = z.infer<typeof effectiveHolidaysSchema>;
