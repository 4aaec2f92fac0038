/**
 * Saved views of the record tables: per user and table, a name, the list filters, the sort and the
 * visible columns. A personal preference, not a business record, so no events are recorded for
 * it; it goes when its user's organization goes, like sessions.
 */
export const savedViews = String.raw`
CREATE TABLE saved_views (
  org_id uuid NOT NULL REFERENCES organizations(id),
  id uuid NOT NULL,
  user_id uuid NOT NULL,
  entity text NOT NULL CHECK (entity IN ('deal', 'account', 'contact', 'lead', 'activity')),
  name text NOT NULL,
  filters jsonb NOT NULL DEFAULT '{}',
  sort jsonb,
  columns jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, user_id) REFERENCES users(org_id, id)
);
CREATE UNIQUE INDEX saved_views_name_key ON saved_views (org_id, user_id, entity, lower(name));
`;
