import type { ColumnType } from 'kysely';

type Ts = Date;
/** A local calendar date 'YYYY-MM-DD' (both engines read DATE as that string). */
type DateOnly = string;
type Version = ColumnType<number, number | undefined, number>;

export interface HolidayCalendarsTable {
  org_id: string;
  id: string;
  name: string;
  is_default: boolean;
  created_at: Ts;
  updated_at: Ts;
  version: Version;
}

export interface HolidayDatesTable {
  org_id: string;
  id: string;
  calendar_id: string;
  name: string;
  starts_on: DateOnly;
  ends_on: DateOnly;
  recurring: boolean;
  created_at: Ts;
}

export interface HolidayCalendarTerritoriesTable {
  org_id: string;
  calendar_id: string;
  territory_id: string;
}

export interface HolidayCalendarUsersTable {
  org_id: string;
  calendar_id: string;
  user_id: string;
}

/** The tables of holiday calendars (migration 0036). */
export interface HolidayTables {
  holiday_calendars: HolidayCalendarsTable;
  holiday_dates: HolidayDatesTable;
  holiday_calendar_territories: HolidayCalendarTerritoriesTable;
  holiday_calendar_users: HolidayCalendarUsersTable;
}
