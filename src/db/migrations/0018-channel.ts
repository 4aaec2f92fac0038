/**
 * Channel sales: the partner programme (tiers with their benefits, each partner account's type
 * and tier, the organisation's conflict policy), deal registrations with their protection window,
 * and channel conflicts with the evidence they were found on.
 */
export const channel = String.raw`
CREATE TABLE partner_tiers (
  org_id uuid NOT NULL REFERENCES organizations(id),
  id uuid NOT NULL,
  name text NOT NULL,
  rank integer NOT NULL DEFAULT 0,
  discount_percent numeric(5,2) NOT NULL DEFAULT 0 CHECK (discount_percent >= 0 AND discount_percent <= 100),
  protection_days integer NOT NULL CHECK (protection_days >= 1),
  development_funds numeric(20,2) NOT NULL DEFAULT 0 CHECK (development_funds >= 0),
  currency char(3) NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, id)
);
CREATE UNIQUE INDEX partner_tiers_name_key ON partner_tiers (org_id, lower(name));

CREATE TABLE partner_profiles (
  org_id uuid NOT NULL REFERENCES organizations(id),
  account_id uuid NOT NULL,
  partner_type text NOT NULL
    CHECK (partner_type IN ('distributor','reseller','value_added_reseller','referral','managed_service_provider')),
  tier_id uuid,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, account_id),
  FOREIGN KEY (org_id, account_id) REFERENCES accounts(org_id, id),
  FOREIGN KEY (org_id, tier_id) REFERENCES partner_tiers(org_id, id)
);
CREATE INDEX partner_profiles_tier_idx ON partner_profiles (org_id, tier_id);

CREATE TABLE channel_settings (
  org_id uuid NOT NULL REFERENCES organizations(id),
  conflict_policy text NOT NULL DEFAULT 'first_to_register'
    CHECK (conflict_policy IN ('first_to_register','evidence_based')),
  approval_sla_days integer NOT NULL DEFAULT 2 CHECK (approval_sla_days >= 1),
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id)
);

CREATE TABLE deal_registrations (
  org_id uuid NOT NULL REFERENCES organizations(id),
  id uuid NOT NULL,
  partner_account_id uuid NOT NULL,
  registered_by uuid,
  customer_name text NOT NULL,
  customer_domain text,
  product_ids jsonb NOT NULL DEFAULT '[]',
  amount numeric(20,2),
  currency char(3) NOT NULL,
  expected_close_date date,
  notes text,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','approved','rejected','expired')),
  deal_id uuid,
  protection_days integer,
  protected_until timestamptz,
  decided_by uuid,
  decided_at timestamptz,
  rejection_reason text,
  registered_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, partner_account_id) REFERENCES accounts(org_id, id),
  FOREIGN KEY (org_id, registered_by) REFERENCES users(org_id, id),
  FOREIGN KEY (org_id, decided_by) REFERENCES users(org_id, id),
  FOREIGN KEY (org_id, deal_id) REFERENCES deals(org_id, id),
  CHECK (status <> 'approved' OR (deal_id IS NOT NULL AND protected_until IS NOT NULL)),
  CHECK (status <> 'rejected' OR rejection_reason IS NOT NULL)
);
CREATE INDEX deal_registrations_partner_idx ON deal_registrations (org_id, partner_account_id, status);
CREATE INDEX deal_registrations_status_idx ON deal_registrations (org_id, status, registered_at);
CREATE INDEX deal_registrations_deal_idx ON deal_registrations (org_id, deal_id) WHERE deal_id IS NOT NULL;

CREATE TABLE channel_conflicts (
  org_id uuid NOT NULL REFERENCES organizations(id),
  id uuid NOT NULL,
  subject_kind text NOT NULL CHECK (subject_kind IN ('registration','deal')),
  subject_id uuid NOT NULL,
  match_kind text NOT NULL CHECK (match_kind IN ('registration','deal')),
  match_id uuid NOT NULL,
  reasons jsonb NOT NULL,
  evidence jsonb NOT NULL,
  policy text NOT NULL,
  suggested_winner text NOT NULL CHECK (suggested_winner IN ('subject','match','undecided')),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','resolved')),
  winner text CHECK (winner IN ('subject','match','shared')),
  resolution_note text,
  resolved_by uuid,
  resolved_at timestamptz,
  detected_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, resolved_by) REFERENCES users(org_id, id)
);
CREATE UNIQUE INDEX channel_conflicts_pair_key ON channel_conflicts (org_id, subject_kind, subject_id, match_kind, match_id);
CREATE INDEX channel_conflicts_status_idx ON channel_conflicts (org_id, status, detected_at);
`;
