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

export async function calendarsByIds(db: DbExecutor, orgId: string, ids: readonly string[]): Promise<CalendarRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('holiday_calendars')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', 'in', [...ids])
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

/** The territories each of the users is a member of (any role). */
export async function territoriesOfUsers(
  db: DbExecutor,
  orgId: string,
  userIds: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return out;
  const rows = await db
    .selectFrom('territory_members')
    .select(['user_id', 'territory_id'])
    .where('org_id', '=', orgId)
    .where('user_id', 'in', [...userIds])
    .execute();
  for (const r of rows) out.get(r.user_id)?.push(r.territory_id);
  return out;
}
