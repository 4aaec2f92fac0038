import { z } from 'zod';
import { idParams, idSchema } from '../../contract/common.ts';
import {
  addHolidaysSchema,
  createHolidayCalendarSchema,
  effectiveHolidaysQuerySchema,
  effectiveHolidaysSchema,
  holidayCalendarSchema,
  importHolidaysResultSchema,
  importHolidaysSchema,
  updateHolidayCalendarSchema,
} from '../../contract/holidays.ts';
import { actorOf } from '../../server/auth.ts';
import { errorResponses, expectedVersion, ifMatchHeader } from '../../server/http.ts';
import { registerTimeline } from '../../server/timeline.ts';
import type { App } from '../../server/types.ts';
import type { Deps } from '../context.ts';
import { getEffectiveHolidays } from './effective-holidays.ts';
import * as calendars from './holidays.service.ts';

export function registerHolidayRoutes(app: App, deps: Deps): void {
  const tags = ['holidays'];
  app.get(
    '/api/v1/holiday-calendars',
    {
      schema: {
        tags,
        summary: 'Holiday calendars with their holidays and the territories and reps they apply to',
        response: { 200: z.object({ items: z.array(holidayCalendarSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await calendars.listHolidayCalendars(deps, actorOf(request)) }),
  );
  app.post(
    '/api/v1/holiday-calendars',
    {
      schema: {
        tags,
        summary: 'Set up a holiday calendar (admins)',
        description:
          'A holiday is a local date or range of dates (inclusive), optionally recurring every year; it blocks the ' +
          "whole local day(s) of each rep it applies to, in the rep's own time zone. The default calendar applies to " +
          'every rep (making this one the default takes that off the current one); otherwise it applies to the members ' +
          'of its territories and to its reps.',
        body: createHolidayCalendarSchema,
        response: { 201: holidayCalendarSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await calendars.createHolidayCalendar(deps, actorOf(request), request.body)),
  );
  app.get(
    '/api/v1/holiday-calendars/:id',
    {
      schema: {
        tags,
        summary: 'A holiday calendar',
        params: idParams,
        response: { 200: holidayCalendarSchema, ...errorResponses },
      },
    },
    (request) => calendars.getHolidayCalendar(deps, actorOf(request), request.params.id),
  );
  app.patch(
    '/api/v1/holiday-calendars/:id',
    {
      schema: {
        tags,
        summary:
          'Rename a holiday calendar, make it the default, or change its territories and reps (If-Match: version; lists sent replace)',
        params: idParams,
        headers: ifMatchHeader,
        body: updateHolidayCalendarSchema,
        response: { 200: holidayCalendarSchema, ...errorResponses },
      },
    },
    (request) =>
      calendars.updateHolidayCalendar(
        deps,
        actorOf(request),
        request.params.id,
        expectedVersion(request),
        request.body,
      ),
  );
  app.delete(
    '/api/v1/holiday-calendars/:id',
    {
      schema: {
        tags,
        summary: 'Remove a holiday calendar with its holidays (If-Match: version)',
        params: idParams,
        headers: ifMatchHeader,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await calendars.deleteHolidayCalendar(deps, actorOf(request), request.params.id, expectedVersion(request));
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/v1/holiday-calendars/:id/holidays',
    {
      schema: {
        tags,
        summary: 'Add holidays to a calendar (one with the same name and dates already there is not added twice)',
        params: idParams,
        body: addHolidaysSchema,
        response: { 200: holidayCalendarSchema, ...errorResponses },
      },
    },
    (request) => calendars.addHolidays(deps, actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/api/v1/holiday-calendars/:id/holidays/:holidayId',
    {
      schema: {
        tags,
        summary: 'Remove a holiday from a calendar',
        params: z.object({ id: idSchema, holidayId: idSchema }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await calendars.removeHoliday(deps, actorOf(request), request.params.id, request.params.holidayId);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/v1/holiday-calendars/:id/import',
    {
      schema: {
        tags,
        summary: 'Add the holidays of an .ics file to a calendar',
        description:
          'Each event that is not cancelled, by its local dates (an all-day event ends the day before its DTEND). A ' +
          'yearly event on a fixed date becomes one recurring holiday; other recurring events give their dates from the ' +
          'start of this year for three years. Holidays already in the calendar are skipped, so importing the same file ' +
          'twice adds nothing. 422 names `ics` when the text is not an iCalendar file.',
        params: idParams,
        body: importHolidaysSchema,
        response: { 200: importHolidaysResultSchema, ...errorResponses },
      },
    },
    (request) => calendars.importHolidays(deps, actorOf(request), request.params.id, request.body),
  );
  registerTimeline(app, deps, '/api/v1/holiday-calendars', 'holiday_calendar', (actor, id) =>
    calendars.getHolidayCalendar(deps, actor, id),
  );
  app.get(
    '/api/v1/users/:id/holidays',
    {
      schema: {
        tags,
        summary: "The holidays a user keeps (default calendar, their territories', their own), as they fall",
        description:
          "Dates are local to the user's time zone. Without `from`, from today in that zone; without `to`, a year on. " +
          'Whoever may see the user may read them.',
        params: idParams,
        querystring: effectiveHolidaysQuerySchema,
        response: { 200: effectiveHolidaysSchema, ...errorResponses },
      },
    },
    (request) => getEffectiveHolidays(deps, actorOf(request), request.params.id, request.query),
  );
}
