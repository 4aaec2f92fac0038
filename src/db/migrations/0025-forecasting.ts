/**
 * Forecasting and quotas: a deal's own forecast category (null: its stage's), forecast submissions
 * (immutable snapshots: a rep's figures with the open deals they were made of, or a manager's
 * roll-up of the team with overrides and a note; a later submission supersedes, none is changed),
 * and quotas per rep or team and fiscal quarter.
 */
export const forecasting = String.raw`
ALTER TABLE deals ADD COLUMN forecast_category text
  CHECK (forecast_category IN ('pipeline','best_case','commit','omitted'));

CREATE TABLE forecast_submissions (
  org_id uuid NOT NULL REFERENCES organizations(id),
  id uuid NOT NULL,
  period text NOT NULL,
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  kind text NOT NULL CHECK (kind IN ('rep','rollup')),
  user_id uuid NOT NULL,
  currency char(3) NOT NULL,
  commit_amount numeric(20,2) NOT NULL,
  best_case_amount numeric(20,2) NOT NULL,
  pipeline_amount numeric(20,2) NOT NULL,
  prefilled jsonb NOT NULL,
  won_amount numeric(20,2) NOT NULL,
  deals jsonb NOT NULL DEFAULT '[]',
  members jsonb NOT NULL DEFAULT '[]',
  note text,
  submitted_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, user_id) REFERENCES users(org_id, id)
);
CREATE INDEX forecast_submissions_period_idx ON forecast_submissions (org_id, period, user_id, submitted_at);

CREATE TABLE quotas (
  org_id uuid NOT NULL REFERENCES organizations(id),
  id uuid NOT NULL,
  period text NOT NULL,
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  user_id uuid,
  team_id uuid,
  currency char(3) NOT NULL,
  amount numeric(20,2) NOT NULL CHECK (amount >= 0),
  set_by uuid NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, id),
  CHECK ((user_id IS NULL) <> (team_id IS NULL)),
  FOREIGN KEY (org_id, user_id) REFERENCES users(org_id, id),
  FOREIGN KEY (org_id, team_id) REFERENCES teams(org_id, id)
);
CREATE UNIQUE INDEX quotas_user_key ON quotas (org_id, period, user_id) WHERE user_id IS NOT NULL;
CREATE UNIQUE INDEX quotas_team_key ON quotas (org_id, period, team_id) WHERE team_id IS NOT NULL;
`;
