import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  availabilitySchema,
  bookingOutcomeSchema,
  bookingOutcomeResultSchema,
  bookingRatesQuery,
  bookingRatesSchema,
  bookingSchema,
  busyFeedSchema,
  busyTimesImportSchema,
  calendarFeedSchema,
  cancelBookingSchema,
  createBookingSchema,
  createTimeOffSchema,
  importBusyTimesSchema,
  listBookingsQuery,
  rescheduleBookingSchema,
  setBusyFeedSchema,
  slotsQuery,
  slotsSchema,
  timeOffSchema,
  updateAvailabilitySchema,
} from '../../contract/booking.ts';
import { idParams, idSchema } from '../../contract/common.ts';
import { actorOf } from '../../server/auth.ts';
import { errorResponses, expectedVersion, ifMatchHeader } from '../../server/http.ts';
import { registerTimeline } from '../../server/timeline.ts';
import type { App } from '../../server/types.ts';
import type { Deps } from '../context.ts';
import * as availability from './availability.service.ts';
import * as svc from './booking.service.ts';
import * as busyFeeds from './busy-feed.service.ts';
import { importBusyTimes } from './busy-import.service.ts';
import * as calendar from './calendar.service.ts';

export function registerBookingRoutes(app: App, deps: Deps): void {
  const tags = ['bookings'];
  app.get(
    '/api/v1/users/:id/availability',
    {
      schema: {
        tags,
        summary: "A rep's booking settings: working hours in their time zone, buffers, notice, daily maximum",
        params: idParams,
        response: { 200: availabilitySchema, ...errorResponses },
      },
    },
    (request) => availability.getAvailability(deps, actorOf(request), request.params.id),
  );
  app.put(
    '/api/v1/users/:id/availability',
    {
      schema: {
        tags,
        summary: "Save a rep's booking settings (If-Match: the version shown, 0 before the first save)",
        params: idParams,
        headers: ifMatchHeader,
        body: updateAvailabilitySchema,
        response: { 200: availabilitySchema, ...errorResponses },
      },
    },
    (request) =>
      availability.updateAvailability(
        deps,
        actorOf(request),
        request.params.id,
        expectedVersion(request),
        request.body,
      ),
  );
  app.get(
    '/api/v1/users/:id/time-off',
    {
      schema: {
        tags,
        summary: "A rep's out-of-office ranges that have not ended",
        params: idParams,
        response: { 200: z.object({ items: z.array(timeOffSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await availability.listTimeOff(deps, actorOf(request), request.params.id) }),
  );
  app.post(
    '/api/v1/users/:id/time-off',
    {
      schema: {
        tags,
        summary: 'Add an out-of-office range to a rep’s calendar',
        params: idParams,
        body: createTimeOffSchema,
        response: { 201: timeOffSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await availability.addTimeOff(deps, actorOf(request), request.params.id, request.body)),
  );
  app.delete(
    '/api/v1/users/:id/time-off/:timeOffId',
    {
      schema: {
        tags,
        summary: 'Remove an out-of-office range',
        params: z.object({ id: idSchema, timeOffId: idSchema }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await availability.removeTimeOff(deps, actorOf(request), request.params.id, request.params.timeOffId);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/v1/users/:id/busy-times',
    {
      schema: {
        tags,
        summary: "Import busy times from an .ics file into a rep's calendar (as out-of-office ranges)",
        description:
          'The events of the next 180 days that are not free or cancelled, recurring ones expanded; floating times ' +
          "in the rep's time zone. Ranges the rep already has are skipped, so importing the same file twice adds nothing. " +
          '422 names `ics` when the text is not an iCalendar file or holds more than 1,000 busy times.',
        params: idParams,
        body: importBusyTimesSchema,
        response: { 200: busyTimesImportSchema, ...errorResponses },
      },
    },
    (request) => importBusyTimes(deps, actorOf(request), request.params.id, request.body),
  );
  app.get(
    '/api/v1/users/:id/busy-feed',
    {
      schema: {
        tags,
        summary: "A rep's busy-time feed and how its last sync went",
        description:
          'The URL in full only for the rep themselves; for a manager or admin only its scheme and host. `feed` is null when none is set.',
        params: idParams,
        response: { 200: z.object({ feed: busyFeedSchema.nullable() }), ...errorResponses },
      },
    },
    (request) => busyFeeds.getBusyFeed(deps, actorOf(request), request.params.id),
  );
  app.put(
    '/api/v1/users/:id/busy-feed',
    {
      schema: {
        tags,
        summary: "Set a rep's private calendar feed URL: its busy times are synced now and every hour",
        description:
          'https only. The feed is read by a job on the queue (10 s, 2 MB, hosts on private or loopback addresses refused); ' +
          'busy ranges new in it are added as out-of-office ranges, the ones it added that left it are removed, ranges added ' +
          'by hand are never touched. Failures are recorded on the feed (`lastError`). Replacing the URL starts over.',
        params: idParams,
        body: setBusyFeedSchema,
        response: { 200: busyFeedSchema, ...errorResponses },
      },
    },
    (request) => busyFeeds.setBusyFeed(deps, actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/api/v1/users/:id/busy-feed',
    {
      schema: {
        tags,
        summary: "Remove a rep's busy-time feed (the ranges it added stay)",
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await busyFeeds.removeBusyFeed(deps, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/v1/bookings/slots',
    {
      schema: {
        tags,
        summary: 'Free meeting slots across the bookable outside reps (or one), soonest first',
        querystring: slotsQuery,
        response: { 200: slotsSchema, ...errorResponses },
      },
    },
    (request) => svc.findBookingSlots(deps, actorOf(request), request.query),
  );
  app.get(
    '/api/v1/bookings/rates',
    {
      schema: {
        tags,
        summary:
          'Set rate, show rate, meeting → opportunity and booking-to-meeting time per inside rep, outside rep and pair',
        querystring: bookingRatesQuery,
        response: { 200: bookingRatesSchema, ...errorResponses },
      },
    },
    (request) => svc.bookingRatesReport(deps, actorOf(request), request.query),
  );
  app.get(
    '/api/v1/bookings',
    {
      schema: {
        tags,
        summary: 'Booked meetings the caller is a party to (or manages), soonest first',
        querystring: listBookingsQuery,
        response: { 200: z.object({ items: z.array(bookingSchema) }), ...errorResponses },
      },
    },
    (request) => svc.listBookings(deps, actorOf(request), request.query),
  );
  app.post(
    '/api/v1/bookings',
    {
      schema: {
        tags,
        summary: 'Book a meeting in an outside rep’s calendar for a lead, contact or deal',
        description:
          'Refusals: 422 naming each bad field; 409 conflict when the rep cannot take the time (outside working hours, ' +
          'out of office, too little notice, the day is full, or another meeting with its travel buffers overlaps, ' +
          'also when a concurrent booking took the slot first).',
        body: createBookingSchema,
        response: { 201: bookingSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await svc.createBooking(deps, actorOf(request), request.body)),
  );
  app.get(
    '/api/v1/bookings/:id',
    {
      schema: { tags, summary: 'Get a booking', params: idParams, response: { 200: bookingSchema, ...errorResponses } },
    },
    (request) => svc.getBooking(deps, actorOf(request), request.params.id),
  );
  app.post(
    '/api/v1/bookings/:id/reschedule',
    {
      schema: {
        tags,
        summary: 'Move a booked meeting (If-Match: version; with a reason)',
        params: idParams,
        headers: ifMatchHeader,
        body: rescheduleBookingSchema,
        response: { 200: bookingSchema, ...errorResponses },
      },
    },
    (request) =>
      svc.rescheduleBooking(deps, actorOf(request), request.params.id, expectedVersion(request), request.body),
  );
  app.post(
    '/api/v1/bookings/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a booked meeting (If-Match: version; with a reason)',
        params: idParams,
        headers: ifMatchHeader,
        body: cancelBookingSchema,
        response: { 200: bookingSchema, ...errorResponses },
      },
    },
    (request) => svc.cancelBooking(deps, actorOf(request), request.params.id, expectedVersion(request), request.body),
  );
  app.post(
    '/api/v1/bookings/:id/outcome',
    {
      schema: {
        tags,
        summary: 'Record that a meeting was held or the buyer did not show (If-Match: version)',
        description:
          "A held meeting also creates or advances the deal as the pipeline's held-meeting setting says (the first held " +
          'meeting of the deal, lead or contact only), as the field rep; `dealEffect` says what it did: created, advanced, ' +
          'pending_approval (an approval rule holds the move), refused (a stage requirement or permission: the message says ' +
          'which) or unchanged. The outcome is recorded in every case.',
        params: idParams,
        headers: ifMatchHeader,
        body: bookingOutcomeSchema,
        response: { 200: bookingOutcomeResultSchema, ...errorResponses },
      },
    },
    (request) =>
      svc.recordBookingOutcome(deps, actorOf(request), request.params.id, expectedVersion(request), request.body),
  );
  const ics = (description: string) => ({
    200: { description, content: { 'text/calendar': { schema: z.string() } } },
    ...errorResponses,
  });
  app.get(
    '/api/v1/bookings/:id/invitation',
    {
      schema: {
        tags,
        summary: 'The invitation of a booking as an .ics file (METHOD:REQUEST with SEQUENCE, or CANCEL once cancelled)',
        params: idParams,
        response: ics('RFC 5545 calendar with one event, the organizer and the attendees'),
      },
    },
    async (request, reply) => {
      const text = await calendar.bookingInvitation(deps, actorOf(request), request.params.id);
      return (reply as unknown as FastifyReply)
        .header(
          'content-type',
          'text/calendar; charset=utf-8; method=' + (/METHOD:CANCEL/.test(text) ? 'CANCEL' : 'REQUEST'),
        )
        .header('content-disposition', `attachment; filename="meeting-${request.params.id}.ics"`)
        .send(text);
    },
  );
  app.post(
    '/api/v1/users/:id/calendar-feed',
    {
      schema: {
        tags,
        summary: "Issue the rep's private calendar feed URL (replaces and so revokes any earlier one); shown once",
        params: idParams,
        response: { 201: calendarFeedSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await calendar.issueCalendarFeed(deps, actorOf(request), request.params.id)),
  );
  app.delete(
    '/api/v1/users/:id/calendar-feed',
    {
      schema: {
        tags,
        summary: "Revoke the rep's calendar feed URL",
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await calendar.revokeCalendarFeed(deps, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/v1/calendar-feeds/:token',
    {
      config: { public: true },
      schema: {
        tags,
        summary: "A rep's meetings as a calendar feed for any calendar client (the token in the URL is the key)",
        params: z.object({ token: z.string().max(200) }),
        response: ics('RFC 5545 calendar (METHOD:PUBLISH) with VTIMEZONE'),
      },
    },
    async (request, reply) => {
      const text = await calendar.readCalendarFeed(deps, request.params.token);
      return (reply as unknown as FastifyReply)
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('cache-control', 'private, no-store')
        .send(text);
    },
  );
  registerTimeline(app, deps, '/api/v1/bookings', 'booking', (actor, id) => svc.getBooking(deps, actor, id));
}
