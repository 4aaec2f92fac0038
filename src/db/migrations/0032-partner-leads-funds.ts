/**
 * Channel, continued: leads offered to partners (accept or decline within a time limit; the tier's
 * lead capacity bounds how many a partner holds at once) and partner development funds (a budget
 * per partner and period; requests that are approved or rejected, claimed with proof and paid).
 */
export const partnerLeadsFunds = String.raw`
ALTER TABLE partner_tiers ADD COLUMN lead_capacity integer CHECK (lead_capacity >= 0);

CREATE TABLE partner_lead_offers (
  org_id uuid NOT NULL REFERENCES organizations(id),
  id uuid NOT NULL,
  lead_id uuid NOT NULL,
  partner_account_id uuid NOT NULL,
  status text NOT NULL DEFAULT 'offered' CHECK (status IN ('offered','accepted','declined','expired')),
  chosen_by text NOT NULL CHECK (chosen_by IN ('manager','rule')),
  rule_detail text,
  offered_by uuid,
  offered_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  responded_by uuid,
  responded_at timestamptz,
  decline_reason text,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, lead_id) REFERENCES leads(org_id, id),
  FOREIGN KEY (org_id, partner_account_id) REFERENCES accounts(org_id, id),
  FOREIGN KEY (org_id, offered_by) REFERENCES users(org_id, id),
  FOREIGN KEY (org_id, responded_by) REFERENCES users(org_id, id),
  CHECK (expires_at > offered_at)
);
-- A lead is offered to one partner at a time, and worked by at most one.
CREATE UNIQUE INDEX partner_lead_offers_live_key ON partner_lead_offers (org_id, lead_id)
  WHERE status IN ('offered','accepted');
CREATE INDEX partner_lead_offers_partner_idx ON partner_lead_offers (org_id, partner_account_id, status, offered_at);
CREATE INDEX partner_lead_offers_status_idx ON partner_lead_offers (org_id, status, offered_at);

CREATE TABLE partner_fund_budgets (
  org_id uuid NOT NULL REFERENCES organizations(id),
  id uuid NOT NULL,
  partner_account_id uuid NOT NULL,
  period_start date NOT NULL,
  period_end date NOT NULL,
  amount numeric(20,2) NOT NULL CHECK (amount >= 0),
  currency char(3) NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, partner_account_id) REFERENCES accounts(org_id, id),
  CHECK (period_end >= period_start)
);
CREATE UNIQUE INDEX partner_fund_budgets_period_key ON partner_fund_budgets (org_id, partner_account_id, period_start);

CREATE TABLE partner_fund_requests (
  org_id uuid NOT NULL REFERENCES organizations(id),
  id uuid NOT NULL,
  budget_id uuid NOT NULL,
  partner_account_id uuid NOT NULL,
  activity text NOT NULL,
  amount numeric(20,2) NOT NULL CHECK (amount > 0),
  currency char(3) NOT NULL,
  status text NOT NULL DEFAULT 'requested'
    CHECK (status IN ('requested','approved','rejected','claimed','paid')),
  requested_by uuid,
  requested_at timestamptz NOT NULL,
  decided_by uuid,
  decided_at timestamptz,
  decision_note text,
  claimed_amount numeric(20,2) CHECK (claimed_amount > 0),
  claim_proof text,
  claimed_by uuid,
  claimed_at timestamptz,
  paid_by uuid,
  paid_at timestamptz,
  payment_reference text,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, budget_id) REFERENCES partner_fund_budgets(org_id, id),
  FOREIGN KEY (org_id, partner_account_id) REFERENCES accounts(org_id, id),
  FOREIGN KEY (org_id, requested_by) REFERENCES users(org_id, id),
  FOREIGN KEY (org_id, decided_by) REFERENCES users(org_id, id),
  FOREIGN KEY (org_id, claimed_by) REFERENCES users(org_id, id),
  FOREIGN KEY (org_id, paid_by) REFERENCES users(org_id, id),
  CHECK (status <> 'rejected' OR decision_note IS NOT NULL),
  CHECK (status NOT IN ('claimed','paid') OR (claimed_amount IS NOT NULL AND claim_proof IS NOT NULL))
);
CREATE INDEX partner_fund_requests_partner_idx ON partner_fund_requests (org_id, partner_account_id, requested_at);
CREATE INDEX partner_fund_requests_budget_idx ON partner_fund_requests (org_id, budget_id, status);
`;
