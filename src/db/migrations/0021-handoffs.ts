/**
 * The MQL → SQL hand-off: the SLA policy of the organization and optionally of each team (business
 * hours in a time zone, response minutes in and outside them, the escalation), and the hand-offs
 * of leads to sales with their timer, first touch, breach, escalation and decision. One open
 * hand-off per lead at a time.
 */
export const handoffs = String.raw`
CREATE TABLE sla_policies (
  org_id uuid NOT NULL REFERENCES organizations(id),
  id uuid NOT NULL,
  team_id uuid,
  policy jsonb NOT NULL,
  updated_by uuid,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, team_id) REFERENCES teams(org_id, id),
  UNIQUE NULLS NOT DISTINCT (org_id, team_id)
);

CREATE TABLE lead_handoffs (
  org_id uuid NOT NULL REFERENCES organizations(id),
  id uuid NOT NULL,
  lead_id uuid NOT NULL,
  owner_id uuid NOT NULL,
  -- the owner the lead was handed to (owner_id follows later reassignments); the SLA is theirs
  handed_to uuid NOT NULL,
  team_id uuid,
  status text NOT NULL CHECK (status IN ('open','accepted','rejected','withdrawn')),
  opened_at timestamptz NOT NULL,
  due_at timestamptz NOT NULL,
  in_business_hours boolean NOT NULL,
  policy_team_id uuid,
  first_touch_at timestamptz,
  breached_at timestamptz,
  escalation text CHECK (escalation IS NULL OR escalation IN ('notified','reassigned')),
  escalated_at timestamptz,
  escalated_to uuid,
  decided_at timestamptz,
  decided_by uuid,
  reject_reason text,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, lead_id) REFERENCES leads(org_id, id),
  FOREIGN KEY (org_id, owner_id) REFERENCES users(org_id, id),
  FOREIGN KEY (org_id, handed_to) REFERENCES users(org_id, id),
  FOREIGN KEY (org_id, team_id) REFERENCES teams(org_id, id),
  FOREIGN KEY (org_id, escalated_to) REFERENCES users(org_id, id),
  FOREIGN KEY (org_id, decided_by) REFERENCES users(org_id, id),
  CHECK (status <> 'rejected' OR reject_reason IS NOT NULL)
);
CREATE UNIQUE INDEX lead_handoffs_open_key ON lead_handoffs (org_id, lead_id) WHERE status = 'open';
CREATE INDEX lead_handoffs_lead_idx ON lead_handoffs (org_id, lead_id, opened_at);
CREATE INDEX lead_handoffs_due_idx ON lead_handoffs (org_id, due_at, id);
CREATE INDEX lead_handoffs_owner_idx ON lead_handoffs (org_id, owner_id, due_at);
`;
