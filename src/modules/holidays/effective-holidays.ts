import { DateTime } from 'luxon';
import type { Actor } from '../../contract/access.ts';
import type { EffectiveHolidaysDto, EffectiveHolidaysQuery } from '../../contract/holidays.ts';
import type { DbExecutor } from '../../db/database.ts';
import {
  effectiveCalendarIds,
  holidayOccurrences,
  type CalendarAssignments,
  type Holiday,
} from '../../domain/holidays.ts';
import { getAvailability } from '../booking/availability.service.ts';
import type { Deps } from '../context.ts';
import * as repo from './holidays.repository.ts';

const toHoliday =
  (names: Map<string, string>) =>
  (r: repo.HolidayRow): Holiday => ({
    calendarId: r.calendar_id,
    calendarName: names.get(r.calendar_id) ?? '',
    name: r.name,
    start: r.starts_on,
    end: r.ends_on,
    recurring: r.recurring,
  });

/**
 * The holidays each rep keeps (the organization's default calendar, their territories' calendars,
 * their own), read in one statement for any number of reps: what the slot finder, the booking
 * check and lead routing hold against.
 */
export async function holidaysOfReps(
  db: DbExecutor,
  orgId: string,
  userIds: readonly string[],
): Promise<Map<string, { calendars: { id: string; name: string }[]; holidays: Holiday[] }>> {
  const read = await repo.calendarsOfUsers(db, orgId, userIds);
  const assignments: CalendarAssignments = {
    defaultCalendarId: read.defaultId,
    territories: read.territoryLinks.map((t) => ({ calendarId: t.calendar_id, territoryId: t.territory_id })),
    users: read.userLinks.map((u) => ({ calendarId: u.calendar_id, userId: u.user_id })),
  };
  const names = new Map(read.calendars.map((c) => [c.id, c.name]));
  const holidays = read.holidays.map((r) => ({
    calendarId: r.calendar_id,
    calendarName: names.get(r.calendar_id) ?? '',
    name: r.name,
    start: r.starts_on,
    end: r.ends_on,
    recurring: r.recurring,
  }));
  return new Map(
    userIds.map((userId) => {
      const territoryIds = read.memberships.filter((m) => m.user_id === userId).map((m) => m.territory_id);
      const calendarIds = effectiveCalendarIds(assignments, { userId, territoryIds });
      return [
        userId,
        {
          calendars: calendarIds.map((id) => ({ id, name: names.get(id) ?? '' })),
          holidays: holidays.filter((h) => calendarIds.includes(h.calendarId)),
        },
      ];
    }),
  );
}

/** The holidays of the organization's default calendar (none without one). */
export async function defaultCalendarHolidays(db: DbExecutor, orgId: string): Promise<Holiday[]> {
  const def = await repo.defaultCalendar(db, orgId);
  if (!def) return [];
  return (await repo.listHolidays(db, orgId, [def.id])).map(toHoliday(new Map([[def.id, def.name]])));
}

/**
 * The holidays a user keeps between two local dates (default: from today in their zone, a year
 * on), each recurring one as it falls. Whoever may see the user may read them (inside sales plans
 * with them), as with their working hours.
 */
export async function getEffectiveHolidays(
  deps: Deps,
  actor: Actor,
  userId: string,
  q: EffectiveHolidaysQuery,
): Promise<EffectiveHolidaysDto> {
  const availability = await getAvailability(deps, actor, userId);
  const today = DateTime.fromJSDate(deps.clock.now(), { zone: availability.timezone });
  const from = q.from ?? today.toISODate() ?? '';
  const to = q.to ?? DateTime.fromISO(from, { zone: 'UTC' }).plus({ years: 1 }).toISODate() ?? from;
  const mine = (await holidaysOfReps(deps.db, actor.orgId, [userId])).get(userId);
  return {
    userId,
    timezone: availability.timezone,
    calendars: mine?.calendars ?? [],
    from,
    to,
    items: holidayOccurrences(mine?.holidays ?? [], from, to),
  };
}
