/**
 * Commissions: a product's cost (for plans paid on margin), plans (rates per product family,
 * tiers, cap, clawback window, manager override), their assignment to a person or partner account
 * for a span of days, the current split of a deal between reps, one-off bonuses and disputes of
 * statement lines. Statements themselves are not stored: they are computed from the event log.
 */
export const commissions = String.raw`
ALTER TABLE products ADD COLUMN cost numeric(20,2) CHECK (cost >= 0);

CREATE TABLE commission_plans (
  org_id uuid NOT NULL REFERENCES organizations(id),
  id uuid NOT NULL,
  name text NOT NULL,
  basis text NOT NULL CHECK (basis IN ('amount','margin')),
  currency char(3) NOT NULL,
  rates jsonb NOT NULL,
  tiers jsonb NOT NULL,
  cap numeric(20,2) CHECK (cap >= 0),
  clawback_days integer NOT NULL CHECK (clawback_days >= 0),
  override_percent numeric(7,4),
  override_levels integer NOT NULL DEFAULT 0 CHECK (override_levels BETWEEN 0 AND 5),
  created_by uuid,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, created_by) REFERENCES users(org_id, id)
);
CREATE UNIQUE INDEX commission_plans_name_key ON commission_plans (org_id, lower(name));

CREATE TABLE commission_assignments (
  org_id uuid NOT NULL REFERENCES organizations(id),
  id uuid NOT NULL,
  plan_id uuid NOT NULL,
  payee_kind text NOT NULL CHECK (payee_kind IN ('user','partner')),
  payee_id uuid NOT NULL,
  starts_on date NOT NULL,
  ends_on date CHECK (ends_on >= starts_on),
  created_by uuid,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, plan_id) REFERENCES commission_plans(org_id, id),
  FOREIGN KEY (org_id, created_by) REFERENCES users(org_id, id)
);
CREATE INDEX commission_assignments_payee_idx ON commission_assignments (org_id, payee_kind, payee_id, starts_on);

CREATE TABLE commission_splits (
  org_id uuid NOT NULL REFERENCES organizations(id),
  deal_id uuid NOT NULL,
  members jsonb NOT NULL,
  updated_by uuid,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, deal_id),
  FOREIGN KEY (org_id, deal_id) REFERENCES deals(org_id, id),
  FOREIGN KEY (org_id, updated_by) REFERENCES users(org_id, id)
);

CREATE TABLE commission_bonuses (
  org_id uuid NOT NULL REFERENCES organizations(id),
  id uuid NOT NULL,
  payee_kind text NOT NULL CHECK (payee_kind IN ('user','partner')),
  payee_id uuid NOT NULL,
  amount numeric(20,2) NOT NULL,
  currency char(3) NOT NULL,
  reason text NOT NULL,
  granted_by uuid,
  granted_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, granted_by) REFERENCES users(org_id, id)
);
CREATE INDEX commission_bonuses_payee_idx ON commission_bonuses (org_id, payee_kind, payee_id, granted_at);

CREATE TABLE commission_disputes (
  org_id uuid NOT NULL REFERENCES organizations(id),
  id uuid NOT NULL,
  payee_kind text NOT NULL CHECK (payee_kind IN ('user','partner')),
  payee_id uuid NOT NULL,
  period char(7) NOT NULL,
  line_id text NOT NULL,
  reason text NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','accepted','rejected')),
  answer_note text,
  adjustment numeric(20,2),
  currency char(3) NOT NULL,
  raised_by uuid NOT NULL,
  raised_at timestamptz NOT NULL,
  answered_by uuid,
  answered_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, raised_by) REFERENCES users(org_id, id),
  FOREIGN KEY (org_id, answered_by) REFERENCES users(org_id, id),
  CHECK (status = 'open' OR answered_at IS NOT NULL)
);
CREATE INDEX commission_disputes_payee_idx ON commission_disputes (org_id, payee_kind, payee_id, period);
CREATE INDEX commission_disputes_status_idx ON commission_disputes (org_id, status, raised_at);
`;
