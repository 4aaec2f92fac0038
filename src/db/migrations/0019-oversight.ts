/**
 * Oversight: approval rules an organization configures, the approvals they open (the held change
 * is kept with the approval and applied when the last approver agrees), period locks (a closed
 * fiscal period's won/lost outcomes and amounts change only with approval), and the findings of the
 * detectors (one row per anomaly, keyed by a fingerprint so a detector run twice adds nothing).
 */
export const oversight = String.raw`
CREATE TABLE approval_rules (
  org_id uuid NOT NULL REFERENCES organizations(id),
  id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('discount_above','amount_above','reopen_won','locked_period')),
  threshold numeric(20,2),
  currency char(3),
  approver_kind text NOT NULL CHECK (approver_kind IN ('manager_chain','role')),
  approver_role text,
  levels integer NOT NULL DEFAULT 1 CHECK (levels BETWEEN 1 AND 5),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, id)
);

CREATE TABLE approvals (
  org_id uuid NOT NULL REFERENCES organizations(id),
  id uuid NOT NULL,
  deal_id uuid NOT NULL,
  action text NOT NULL CHECK (action IN ('update_deal','move_stage')),
  change jsonb NOT NULL,
  expected_version integer NOT NULL,
  reasons jsonb NOT NULL,
  approvers jsonb NOT NULL,
  step integer NOT NULL DEFAULT 0,
  status text NOT NULL CHECK (status IN ('pending','approved','rejected')),
  requested_by uuid NOT NULL,
  owner_id uuid,
  decisions jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz NOT NULL,
  decided_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, id)
);
CREATE INDEX approvals_status_idx ON approvals (org_id, status, created_at);
CREATE INDEX approvals_deal_idx ON approvals (org_id, deal_id);

CREATE TABLE period_locks (
  org_id uuid NOT NULL REFERENCES organizations(id),
  id uuid NOT NULL,
  starts_on date NOT NULL,
  ends_on date NOT NULL CHECK (ends_on > starts_on),
  locked_by uuid NOT NULL,
  locked_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, id)
);

CREATE TABLE findings (
  org_id uuid NOT NULL REFERENCES organizations(id),
  id uuid NOT NULL,
  detector text NOT NULL,
  fingerprint text NOT NULL,
  severity text NOT NULL CHECK (severity IN ('low','medium','high')),
  summary text NOT NULL,
  subject_type text NOT NULL,
  subject_id uuid NOT NULL,
  person_id uuid,
  evidence jsonb NOT NULL,
  score numeric(12,4),
  assignee_id uuid,
  status text NOT NULL CHECK (status IN ('open','confirmed','dismissed')),
  reason text,
  detected_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, id)
);
CREATE UNIQUE INDEX findings_fingerprint_key ON findings (org_id, detector, fingerprint);
CREATE INDEX findings_status_idx ON findings (org_id, status, detected_at);
`;
