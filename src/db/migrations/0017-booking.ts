/**
 * Inside sales books meetings in outside reps' calendars. Each rep keeps working hours in their own
 * time zone, out-of-office ranges, travel buffers, a minimum notice and a daily maximum. A booked
 * meeting blocks its time widened by the buffers (`blocked`), and an exclusion constraint (btree_gist:
 * equality on org and rep, overlap on the range) refuses a second live meeting of the same rep in an
 * overlapping range, so two concurrent bookings of one slot cannot both commit.
 */
export const booking = String.raw`
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE rep_availability (
  org_id uuid NOT NULL REFERENCES organizations(id),
  user_id uuid NOT NULL,
  timezone text NOT NULL,
  working_hours jsonb NOT NULL DEFAULT '[]',
  buffer_before_minutes integer NOT NULL DEFAULT 0 CHECK (buffer_before_minutes BETWEEN 0 AND 1440),
  buffer_after_minutes integer NOT NULL DEFAULT 0 CHECK (buffer_after_minutes BETWEEN 0 AND 1440),
  min_notice_minutes integer NOT NULL DEFAULT 0 CHECK (min_notice_minutes >= 0),
  max_per_day integer NOT NULL DEFAULT 8 CHECK (max_per_day BETWEEN 1 AND 100),
  bookable boolean NOT NULL DEFAULT true,
  routing_weight integer NOT NULL DEFAULT 1 CHECK (routing_weight BETWEEN 0 AND 100),
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, user_id),
  FOREIGN KEY (org_id, user_id) REFERENCES users(org_id, id)
);

CREATE TABLE rep_time_off (
  org_id uuid NOT NULL REFERENCES organizations(id),
  id uuid NOT NULL,
  user_id uuid NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  reason text,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, user_id) REFERENCES users(org_id, id),
  CHECK (ends_at > starts_at)
);
CREATE INDEX rep_time_off_user_idx ON rep_time_off (org_id, user_id, starts_at);

CREATE TABLE bookings (
  org_id uuid NOT NULL REFERENCES organizations(id),
  id uuid NOT NULL,
  owner_id uuid NOT NULL,
  booked_by uuid NOT NULL,
  lead_id uuid,
  contact_id uuid,
  account_id uuid,
  deal_id uuid,
  title text NOT NULL,
  location text,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  timezone text NOT NULL,
  blocked tstzrange NOT NULL,
  status text NOT NULL DEFAULT 'booked' CHECK (status IN ('booked','held','no_show','cancelled')),
  cancel_reason text,
  sequence integer NOT NULL DEFAULT 0,
  routing jsonb,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, owner_id) REFERENCES users(org_id, id),
  FOREIGN KEY (org_id, booked_by) REFERENCES users(org_id, id),
  FOREIGN KEY (org_id, lead_id) REFERENCES leads(org_id, id),
  FOREIGN KEY (org_id, contact_id) REFERENCES contacts(org_id, id),
  FOREIGN KEY (org_id, account_id) REFERENCES accounts(org_id, id),
  FOREIGN KEY (org_id, deal_id) REFERENCES deals(org_id, id),
  CHECK (ends_at > starts_at),
  CHECK (lead_id IS NOT NULL OR contact_id IS NOT NULL OR deal_id IS NOT NULL),
  CONSTRAINT bookings_no_double_booking EXCLUDE USING gist (org_id WITH =, owner_id WITH =, blocked WITH &&)
    WHERE (status <> 'cancelled')
);
CREATE INDEX bookings_owner_idx ON bookings (org_id, owner_id, starts_at);
CREATE INDEX bookings_booked_by_idx ON bookings (org_id, booked_by, starts_at);
CREATE INDEX bookings_lead_idx ON bookings (org_id, lead_id) WHERE lead_id IS NOT NULL;
CREATE INDEX bookings_deal_idx ON bookings (org_id, deal_id) WHERE deal_id IS NOT NULL;
-- One private calendar feed per rep; the URL carries the token, only its HMAC is kept. Deleting the row revokes it.
CREATE TABLE rep_calendar_feeds (
  org_id uuid NOT NULL REFERENCES organizations(id),
  user_id uuid NOT NULL,
  token_hash text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, user_id),
  FOREIGN KEY (org_id, user_id) REFERENCES users(org_id, id)
);
CREATE UNIQUE INDEX rep_calendar_feeds_token_key ON rep_calendar_feeds (org_id, token_hash);

CREATE INDEX bookings_contact_idx ON bookings (org_id, contact_id) WHERE contact_id IS NOT NULL;
`;
