/**
 * Agents: agent parties (a person or a firm, a person's firm, licence number and jurisdiction),
 * agency agreements (who an agent represents on which side, when, exclusive or not, and for what
 * compensation), the agents on a deal with their side and agreement, disclosures of whom an agent
 * represents, written consents to dual agency, the dual agency detected on deals, and the
 * organisation's agency settings (forbidden jurisdictions, the stage disclosures are due before).
 */
export const agents = String.raw`
CREATE TABLE agent_parties (
  org_id uuid NOT NULL REFERENCES organizations(id),
  id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('person','firm')),
  name text NOT NULL,
  firm_id uuid,
  licence_number text,
  jurisdiction text,
  email text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, id),
  -- Only a person has a firm, and never itself: checked by the service, not by a CHECK, so that a
  -- restore may load the column in a second pass (a key into the table's own rows).
  FOREIGN KEY (org_id, firm_id) REFERENCES agent_parties(org_id, id)
);
CREATE INDEX agent_parties_firm_idx ON agent_parties (org_id, firm_id) WHERE firm_id IS NOT NULL;

CREATE TABLE agency_agreements (
  org_id uuid NOT NULL REFERENCES organizations(id),
  id uuid NOT NULL,
  agent_party_id uuid NOT NULL,
  side text NOT NULL CHECK (side IN ('buyer','seller')),
  represented_account_id uuid,
  represented_contact_id uuid,
  effective_from date NOT NULL,
  effective_to date,
  exclusive boolean NOT NULL DEFAULT false,
  compensation_kind text NOT NULL CHECK (compensation_kind IN ('percent','amount')),
  compensation_percent numeric(7,4) CHECK (compensation_percent >= 0 AND compensation_percent <= 100),
  compensation_amount numeric(20,2) CHECK (compensation_amount >= 0),
  currency char(3),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, agent_party_id) REFERENCES agent_parties(org_id, id),
  FOREIGN KEY (org_id, represented_account_id) REFERENCES accounts(org_id, id),
  FOREIGN KEY (org_id, represented_contact_id) REFERENCES contacts(org_id, id),
  CHECK ((represented_account_id IS NULL) <> (represented_contact_id IS NULL)),
  CHECK (effective_to IS NULL OR effective_to >= effective_from),
  CHECK (compensation_kind <> 'percent' OR (compensation_percent IS NOT NULL AND compensation_amount IS NULL)),
  CHECK (compensation_kind <> 'amount' OR (compensation_amount IS NOT NULL AND currency IS NOT NULL AND compensation_percent IS NULL))
);
CREATE INDEX agency_agreements_agent_idx ON agency_agreements (org_id, agent_party_id, effective_from);

CREATE TABLE deal_agents (
  org_id uuid NOT NULL REFERENCES organizations(id),
  id uuid NOT NULL,
  deal_id uuid NOT NULL,
  agent_party_id uuid NOT NULL,
  agreement_id uuid NOT NULL,
  role text NOT NULL CHECK (role IN ('buyer_agent','seller_agent','co_agent')),
  side text NOT NULL CHECK (side IN ('buyer','seller')),
  assigned_by uuid,
  assigned_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, deal_id) REFERENCES deals(org_id, id),
  FOREIGN KEY (org_id, agent_party_id) REFERENCES agent_parties(org_id, id),
  FOREIGN KEY (org_id, agreement_id) REFERENCES agency_agreements(org_id, id),
  FOREIGN KEY (org_id, assigned_by) REFERENCES users(org_id, id),
  CHECK (role = 'co_agent' OR side = CASE role WHEN 'buyer_agent' THEN 'buyer' ELSE 'seller' END)
);
CREATE UNIQUE INDEX deal_agents_party_side_key ON deal_agents (org_id, deal_id, agent_party_id, side);
CREATE INDEX deal_agents_party_idx ON deal_agents (org_id, agent_party_id);

CREATE TABLE agent_disclosures (
  org_id uuid NOT NULL REFERENCES organizations(id),
  id uuid NOT NULL,
  deal_id uuid NOT NULL,
  agent_party_id uuid NOT NULL,
  disclosed_to text NOT NULL,
  disclosed_to_contact_id uuid,
  disclosed_at timestamptz NOT NULL,
  document_ref text NOT NULL,
  recorded_by uuid,
  recorded_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, deal_id) REFERENCES deals(org_id, id),
  FOREIGN KEY (org_id, agent_party_id) REFERENCES agent_parties(org_id, id),
  FOREIGN KEY (org_id, disclosed_to_contact_id) REFERENCES contacts(org_id, id),
  FOREIGN KEY (org_id, recorded_by) REFERENCES users(org_id, id)
);
CREATE INDEX agent_disclosures_deal_idx ON agent_disclosures (org_id, deal_id, agent_party_id);

CREATE TABLE dual_agency_consents (
  org_id uuid NOT NULL REFERENCES organizations(id),
  id uuid NOT NULL,
  deal_id uuid NOT NULL,
  side text NOT NULL CHECK (side IN ('buyer','seller')),
  given_by text NOT NULL,
  given_by_contact_id uuid,
  consented_at timestamptz NOT NULL,
  document_ref text NOT NULL,
  recorded_by uuid,
  recorded_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, deal_id) REFERENCES deals(org_id, id),
  FOREIGN KEY (org_id, given_by_contact_id) REFERENCES contacts(org_id, id),
  FOREIGN KEY (org_id, recorded_by) REFERENCES users(org_id, id)
);
CREATE UNIQUE INDEX dual_agency_consents_side_key ON dual_agency_consents (org_id, deal_id, side);

CREATE TABLE dual_agency_detections (
  org_id uuid NOT NULL REFERENCES organizations(id),
  id uuid NOT NULL,
  deal_id uuid NOT NULL,
  agent_party_id uuid NOT NULL,
  other_party_id uuid NOT NULL,
  basis text NOT NULL CHECK (basis IN ('same_agent','same_firm')),
  firm_id uuid,
  outcome text NOT NULL CHECK (outcome IN ('blocked','consented','forbidden')),
  detected_by uuid,
  detected_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, deal_id) REFERENCES deals(org_id, id),
  FOREIGN KEY (org_id, agent_party_id) REFERENCES agent_parties(org_id, id),
  FOREIGN KEY (org_id, other_party_id) REFERENCES agent_parties(org_id, id),
  FOREIGN KEY (org_id, firm_id) REFERENCES agent_parties(org_id, id),
  FOREIGN KEY (org_id, detected_by) REFERENCES users(org_id, id)
);
CREATE INDEX dual_agency_detections_deal_idx ON dual_agency_detections (org_id, deal_id, detected_at);

CREATE TABLE agency_settings (
  org_id uuid NOT NULL REFERENCES organizations(id),
  forbidden_jurisdictions jsonb NOT NULL DEFAULT '[]',
  disclosure_gates jsonb NOT NULL DEFAULT '[]',
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id)
);

-- A user with the agent role acts for one agent party (a person or a firm), as a partner user
-- acts for its partner account.
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check
  CHECK (role IN ('admin','manager','rep','inside_sales','marketing','partner','auditor','agent'));
ALTER TABLE users ADD COLUMN agent_party_id uuid;
ALTER TABLE users ADD CONSTRAINT users_agent_party_fkey
  FOREIGN KEY (org_id, agent_party_id) REFERENCES agent_parties(org_id, id);
ALTER TABLE users ADD CONSTRAINT users_agent_party_check CHECK (role <> 'agent' OR agent_party_id IS NOT NULL);
CREATE INDEX users_agent_party_idx ON users (org_id, agent_party_id) WHERE agent_party_id IS NOT NULL;

-- The side of a deal a note or activity belongs to: only that side's agents see it; null is
-- internal (no agent sees it).
ALTER TABLE activities ADD COLUMN agent_side text CHECK (agent_side IN ('buyer','seller'));
`;
