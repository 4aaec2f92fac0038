import { z } from 'zod';
import type { EventDefinition } from './catalog.ts';
import { camelOnly, snakeCaseV1 } from './casing.ts';

// Inside sales books meetings in outside reps' calendars: the rep's availability and each step of
// a booking are events of the one log, so the hand-off from inside to outside sales is a process
// the analytics and the process map read like any other.

/** The record kinds these events are about (added to the log's entity types). */
export const bookingEntityTypes = ['booking'] as const;

const time = z.union([z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO date-time'), z.date()]);
const id = z.string().min(1);
const span = z.strictObject({ start: time, end: time });

const bookingSnapshot = camelOnly(
  z.looseObject({
    ownerId: id,
    bookedBy: id,
    leadId: id.nullable(),
    contactId: id.nullable(),
    accountId: id.nullable(),
    dealId: id.nullable(),
    startsAt: time,
    endsAt: time,
    timezone: z.string(),
    status: z.string(),
  }),
);
/** The first version: fields named as stored. */
const bookingSnapshotV1 = z.looseObject({
  owner_id: id,
  booked_by: id,
  lead_id: id.nullable(),
  contact_id: id.nullable(),
  account_id: id.nullable(),
  deal_id: id.nullable(),
  starts_at: time,
  ends_at: time,
  timezone: z.string(),
  status: z.string(),
});

const availabilitySnapshot = z.strictObject({
  timezone: z.string(),
  workingHours: z.array(z.strictObject({ weekday: z.number().int(), start: z.string(), end: z.string() })),
  bufferBeforeMinutes: z.number().int(),
  bufferAfterMinutes: z.number().int(),
  minNoticeMinutes: z.number().int(),
  maxPerDay: z.number().int(),
  bookable: z.boolean(),
  routingWeight: z.number().int(),
});

const one = (
  type: string,
  entityTypes: EventDefinition['entityTypes'],
  when: string,
  schema: z.ZodType,
  history: EventDefinition['history'] = [],
): EventDefinition => ({ type, entityTypes, version: history.length + 1, when, schema, history });

export const bookingEventDefinitions: EventDefinition[] = [
  one(
    'user.availability_changed',
    ['user'],
    "a rep's working hours, time zone, buffers, notice or daily maximum are saved",
    z.strictObject({ before: availabilitySnapshot.nullable(), after: availabilitySnapshot }),
  ),
  one(
    'user.time_off_added',
    ['user'],
    'an out-of-office range is added to a rep’s calendar',
    z.strictObject({ timeOffId: id, start: time, end: time, reason: z.string().nullable() }),
  ),
  one(
    'user.time_off_removed',
    ['user'],
    'an out-of-office range is removed from a rep’s calendar',
    z.strictObject({ timeOffId: id, start: time, end: time }),
  ),
  one(
    'user.calendar_feed_issued',
    ['user'],
    'a private calendar feed URL is issued to a rep (replacing any earlier one; the token is never logged)',
    z.strictObject({}),
  ),
  one(
    'user.busy_feed_set',
    ['user'],
    'a rep’s busy-time feed URL is set or replaced (only its host is logged; the URL is a secret)',
    z.strictObject({ host: z.string() }),
  ),
  one('user.busy_feed_removed', ['user'], 'a rep’s busy-time feed is removed', z.strictObject({})),
  one(
    'user.busy_feed_synced',
    ['user'],
    'a sync of a rep’s busy-time feed changed their out-of-office ranges, or succeeded after a failure',
    z.strictObject({ added: z.number().int(), removed: z.number().int(), busy: z.number().int() }),
  ),
  one(
    'user.busy_feed_failed',
    ['user'],
    'a rep’s busy-time feed could not be read or parsed (logged when the error differs from the previous one)',
    z.strictObject({ error: z.string() }),
  ),
  one('user.calendar_feed_revoked', ['user'], 'a rep’s calendar feed URL is revoked', z.strictObject({})),
  one(
    'booking.booked',
    ['booking'],
    'a meeting is booked in an outside rep’s calendar (by inside sales, for a lead, contact or deal)',
    z.strictObject({ after: bookingSnapshot }),
    [snakeCaseV1(z.strictObject({ after: bookingSnapshotV1 }))],
  ),
  one(
    'booking.routed',
    ['booking'],
    'routing picks the outside rep for a meeting (the account owner first, then the territory, then the pool), with its reasons',
    z.strictObject({
      ownerId: id,
      rule: z.enum(['account_owner', 'territory', 'pool']),
      /** The territory and pool of the decision (absent before territories existed). */
      territoryId: id.nullable().optional(),
      poolId: id.nullable().optional(),
      reasons: z.array(z.string()),
      candidates: z.array(
        z.strictObject({
          repId: id,
          weight: z.number().int(),
          assigned: z.number().int(),
          unavailable: z.string().nullable(),
        }),
      ),
    }),
  ),
  one(
    'booking.rescheduled',
    ['booking'],
    'a booked meeting moves to another time (with the reason)',
    z.strictObject({ from: span, to: span, reason: z.string(), sequence: z.number().int() }),
  ),
  one(
    'booking.cancelled',
    ['booking'],
    'a booked meeting is cancelled (with the reason); its time is free again',
    z.strictObject({ reason: z.string(), sequence: z.number().int() }),
  ),
  one(
    'booking.held',
    ['booking'],
    "the outside rep records that the meeting took place; `dealEffect` is what it did to the deal by the pipeline's setting",
    z.strictObject({
      dealEffect: z
        .strictObject({
          result: z.enum(['created', 'advanced', 'pending_approval', 'refused', 'unchanged']),
          dealId: id.nullable(),
          stageId: id.nullable(),
          approvalId: id.nullable(),
          message: z.string(),
        })
        .optional(),
    }),
  ),
  one('booking.no_show', ['booking'], 'the outside rep records that the buyer did not come', z.strictObject({})),
];
