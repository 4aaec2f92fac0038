/**
 * Holiday calendars: an organization's named calendars of holidays (one may be the organization's
 * default, which applies to every rep), each holiday a local calendar date or range of dates,
 * optionally recurring every year on the same dates, and the territories and reps a calendar is
 * assigned to. A rep's holidays are read in the rep's own time zone. Removing a territory removes
 * its calendar assignments with it.
 */
export const holidayCalendars = String.raw`
CREATE TABLE holiday_calendars (
  org_id uuid NOT NULL REFERENCES organizations(id),
  id uuid NOT NULL,
  name text NOT NULL,
  is_default boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, id)
);
CREATE UNIQUE INDEX holiday_calendars_name_key ON holiday_calendars (org_id, lower(name));
CREATE UNIQUE INDEX holiday_calendars_default_key ON holiday_calendars (org_id) WHERE is_default;

CREATE TABLE holiday_dates (
  org_id uuid NOT NULL REFERENCES organizations(id),
  id uuid NOT NULL,
  calendar_id uuid NOT NULL,
  name text NOT NULL,
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  recurring boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, calendar_id) REFERENCES holiday_calendars(org_id, id) ON DELETE CASCADE,
  CHECK (ends_on >= starts_on),
  CHECK (NOT recurring OR ends_on < starts_on + 366)
);
CREATE INDEX holiday_dates_calendar_idx ON holiday_dates (org_id, calendar_id, starts_on);

CREATE TABLE holiday_calendar_territories (
  org_id uuid NOT NULL REFERENCES organizations(id),
  calendar_id uuid NOT NULL,
  territory_id uuid NOT NULL,
  PRIMARY KEY (org_id, calendar_id, territory_id),
  FOREIGN KEY (org_id, calendar_id) REFERENCES holiday_calendars(org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, territory_id) REFERENCES territories(org_id, id) ON DELETE CASCADE
);
CREATE INDEX holiday_calendar_territories_territory_idx ON holiday_calendar_territories (org_id, territory_id);

CREATE TABLE holiday_calendar_users (
  org_id uuid NOT NULL REFERENCES organizations(id),
  calendar_id uuid NOT NULL,
  user_id uuid NOT NULL,
  PRIMARY KEY (org_id, calendar_id, user_id),
  FOREIGN KEY (org_id, calendar_id) REFERENCES holiday_calendars(org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, user_id) REFERENCES users(org_id, id)
);
CREATE INDEX holiday_calendar_users_user_idx ON holiday_calendar_users (org_id, user_id);
`;
