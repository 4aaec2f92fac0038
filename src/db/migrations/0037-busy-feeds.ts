/**
 * Busy times from a calendar feed URL: one feed per rep, fetched every hour, and the out-of-office
 * ranges it added marked as the feed's own (so a sync removes only those, never hand-added ones).
 */
export const busyFeeds = String.raw`
CREATE TABLE user_busy_feeds (
  org_id uuid NOT NULL REFERENCES organizations(id),
  user_id uuid NOT NULL,
  url text NOT NULL,
  set_by uuid,
  last_attempt_at timestamptz,
  last_success_at timestamptz,
  last_error text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, user_id),
  FOREIGN KEY (org_id, user_id) REFERENCES users(org_id, id)
);
ALTER TABLE rep_time_off ADD COLUMN from_feed boolean NOT NULL DEFAULT false;
`;
