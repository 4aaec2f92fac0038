import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { DbExecutor } from '../../db/database.ts';
import type { HolidayCalendarsTable, HolidayDatesTable } from '../../db/schema-holidays.ts';
import { updateVersioned } from '../../db/versioned.ts';

export type CalendarRow = Selectable<HolidayCalendarsTable>;
export type HolidayRow = Selectable<HolidayDatesTable>;
export interface TerritoryLink {
  calendar_id: string;
  territory_id: string;
}
export interface UserLink {
  calendar_id: string;
  user_id: string;
}

// ---- Calendars ----

export async function listCalendars(db: DbExecutor, orgId: string): Promise<CalendarRow[]> {
  return db
    .selectFrom('holiday_calendars')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export async function getCalendar(
  db: DbExecutor,
  orgId: string,
  id: string,
  lock = false,
): Promise<CalendarRow | undefined> {
  const q = db.selectFrom('holiday_calendars').selectAll().where('org_id', '=', orgId).where('id', '=', id);
  return (lock ? q.forNoKeyUpdate() : q).executeTakeFirst();
}

/** The organization's default calendar (locked when asked: making another the default takes it off this one). */
export async function defaultCalendar(db: DbExecutor, orgId: string, lock = false): Promise<CalendarRow | undefined> {
  const q = db.selectFrom('holiday_calendars').selectAll().where('org_id', '=', orgId).where('is_default', '=', true);
  return (lock ? q.forNoKeyUpdate() : q).executeTakeFirst();
}

export async function calendarNameTaken(db: DbExecutor, orgId: string, name: string, exceptId: string) {
  const r = await db
    .selectFrom('holiday_calendars')
    .select('id')
    .where('org_id', '=', orgId)
    .where(sql<boolean>`lower(name) = lower(${name})`)
    .where('id', '<>', exceptId)
    .executeTakeFirst();
  return r !== undefined;
}

export async function insertCalendar(db: DbExecutor, row: Insertable<HolidayCalendarsTable>): Promise<CalendarRow> {
  return db.insertInto('holiday_calendars').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateCalendar(
  db: DbExecutor,
  key: { orgId: string; id: string; version: number },
  patch: Updateable<HolidayCalendarsTable>,
): Promise<CalendarRow> {
  return updateVersioned(db, 'holiday_calendars', key, patch);
}

/** Removes a calendar; its holidays and assignments go with it (the foreign keys cascade). */
export async function deleteCalendar(db: DbExecutor, orgId: string, id: string): Promise<void> {
  await db.deleteFrom('holiday_calendars').where('org_id', '=', orgId).where('id', '=', id).execute();
}

// ---- Holidays ----

export async function listHolidays(
  db: DbExecutor,
  orgId: string,
  calendarIds: readonly string[],
): Promise<HolidayRow[]> {
  if (calendarIds.length === 0) return [];
  return db
    .selectFrom('holiday_dates')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('calendar_id', 'in', [...calendarIds])
    .orderBy('starts_on')
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export async function insertHolidays(db: DbExecutor, rows: readonly Insertable<HolidayDatesTable>[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('holiday_dates')
    .values([...rows])
    .execute();
}

export async function getHoliday(db: DbExecutor, orgId: string, id: string): Promise<HolidayRow | undefined> {
  return db.selectFrom('holiday_dates').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

export async function deleteHoliday(db: DbExecutor, orgId: string, id: string): Promise<void> {
  await db.deleteFrom('holiday_dates').where('org_id', '=', orgId).where('id', '=', id).execute();
}

// ---- Assignments ----

export async function territoryLinks(db: DbExecutor, orgId: string): Promise<TerritoryLink[]> {
  return db
    .selectFrom('holiday_calendar_territories')
    .select(['calendar_id', 'territory_id'])
    .where('org_id', '=', orgId)
    .orderBy('calendar_id')
    .orderBy('territory_id')
    .execute();
}

export async function userLinks(db: DbExecutor, orgId: string): Promise<UserLink[]> {
  return db
    .selectFrom('holiday_calendar_users')
    .select(['calendar_id', 'user_id'])
    .where('org_id', '=', orgId)
    .orderBy('calendar_id')
    .orderBy('user_id')
    .execute();
}

export async function replaceTerritoryLinks(
  db: DbExecutor,
  orgId: string,
  calendarId: string,
  territoryIds: readonly string[],
): Promise<void> {
  await db
    .deleteFrom('holiday_calendar_territories')
    .where('org_id', '=', orgId)
    .where('calendar_id', '=', calendarId)
    .execute();
  if (territoryIds.length)
    await db
      .insertInto('holiday_calendar_territories')
      .values(territoryIds.map((territory_id) => ({ org_id: orgId, calendar_id: calendarId, territory_id })))
      .execute();
}

export async function replaceUserLinks(
  db: DbExecutor,
  orgId: string,
  calendarId: string,
  userIds: readonly string[],
): Promise<void> {
  await db
    .deleteFrom('holiday_calendar_users')
    .where('org_id', '=', orgId)
    .where('calendar_id', '=', calendarId)
    .execute();
  if (userIds.length)
    await db
      .insertInto('holiday_calendar_users')
      .values(userIds.map((user_id) => ({ org_id: orgId, calendar_id: calendarId, user_id })))
      .execute();
}

export async function territoriesExist(db: DbExecutor, orgId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('territories')
    .select('id')
    .where('org_id', '=', orgId)
    .where('id', 'in', [...ids])
    .execute();
  return new Set(rows.map((r) => r.id));
}

export async function usersExist(db: DbExecutor, orgId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('org_id', '=', orgId)
    .where('id', 'in', [...ids])
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** What decides the holidays of some users, read in one statement (see `calendarsOfUsers`). */
export interface CalendarsOfUsers {
  defaultId: string | null;
  territoryLinks: TerritoryLink[];
  userLinks: UserLink[];
  memberships: { user_id: string; territory_id: string }[];
  calendars: { id: string; name: string }[];
  holidays: Pick<HolidayRow, 'calendar_id' | 'name' | 'starts_on' | 'ends_on' | 'recurring'>[];
}

/**
 * In one statement, for any number of users: the default calendar, the territory and user
 * assignments and the users' territory memberships (what `effectiveCalendarIds` decides by), and
 * the calendars that may apply to one of them (the default, one assigned to them or to a territory
 * they are a member of) with their holidays, soonest first.
 */
export async function calendarsOfUsers(
  db: DbExecutor,
  orgId: string,
  userIds: readonly string[],
): Promise<CalendarsOfUsers> {
  if (userIds.length === 0)
    return { defaultId: null, territoryLinks: [], userLinks: [], memberships: [], calendars: [], holidays: [] };
  const users = sql.join([...userIds]);
  const { rows } = await sql<{
    default_id: string | null;
    territory_links: TerritoryLink[] | null;
    user_links: UserLink[] | null;
    memberships: { user_id: string; territory_id: string }[] | null;
    calendars: { id: string; name: string }[] | null;
    holidays: CalendarsOfUsers['holidays'] | null;
  }>`
    WITH mine AS (
      SELECT c.id, c.name FROM holiday_calendars c
      WHERE c.org_id = ${orgId} AND (
        c.is_default
        OR EXISTS (SELECT 1 FROM holiday_calendar_users cu
                   WHERE cu.org_id = c.org_id AND cu.calendar_id = c.id AND cu.user_id IN (${users}))
        OR EXISTS (SELECT 1 FROM holiday_calendar_territories ct
                   JOIN territory_members tm ON tm.org_id = ct.org_id AND tm.territory_id = ct.territory_id
                   WHERE ct.org_id = c.org_id AND ct.calendar_id = c.id AND tm.user_id IN (${users})))
    )
    SELECT
      (SELECT id FROM holiday_calendars WHERE org_id = ${orgId} AND is_default) AS default_id,
      (SELECT json_agg(json_build_object('calendar_id', calendar_id, 'territory_id', territory_id)
                       ORDER BY calendar_id, territory_id)
         FROM holiday_calendar_territories
        WHERE org_id = ${orgId} AND calendar_id IN (SELECT id FROM mine)) AS territory_links,
      (SELECT json_agg(json_build_object('calendar_id', calendar_id, 'user_id', user_id)
                       ORDER BY calendar_id, user_id)
         FROM holiday_calendar_users
        WHERE org_id = ${orgId} AND calendar_id IN (SELECT id FROM mine)) AS user_links,
      (SELECT json_agg(json_build_object('user_id', user_id, 'territory_id', territory_id))
         FROM territory_members
        WHERE org_id = ${orgId} AND user_id IN (${users})) AS memberships,
      (SELECT json_agg(json_build_object('id', id, 'name', name)) FROM mine) AS calendars,
      (SELECT json_agg(json_build_object('calendar_id', h.calendar_id, 'name', h.name, 'starts_on', h.starts_on,
                                         'ends_on', h.ends_on, 'recurring', h.recurring)
                       ORDER BY h.starts_on, h.name, h.id)
         FROM holiday_dates h
        WHERE h.org_id = ${orgId} AND h.calendar_id IN (SELECT id FROM mine)) AS holidays
  `.execute(db);
  const r = rows[0];
  return {
    defaultId: r?.default_id ?? null,
    territoryLinks: r?.territory_links ?? [],
    userLinks: r?.user_links ?? [],
    memberships: r?.memberships ?? [],
    calendars: r?.calendars ?? [],
    holidays: r?.holidays ?? [],
  };
}
