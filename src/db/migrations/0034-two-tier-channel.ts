/**
 * Channel, two-tier: which resellers a distributor serves (a relation between partner accounts,
 * set by the channel managers), the distributor a reseller's registration names, and when a
 * registration left waiting past the approval SLA was escalated.
 */
export const twoTierChannel = String.raw`
CREATE TABLE partner_resellers (
  org_id uuid NOT NULL REFERENCES organizations(id),
  distributor_account_id uuid NOT NULL,
  reseller_account_id uuid NOT NULL,
  created_by uuid,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, distributor_account_id, reseller_account_id),
  FOREIGN KEY (org_id, distributor_account_id) REFERENCES accounts(org_id, id),
  FOREIGN KEY (org_id, reseller_account_id) REFERENCES accounts(org_id, id),
  FOREIGN KEY (org_id, created_by) REFERENCES users(org_id, id),
  CHECK (distributor_account_id <> reseller_account_id)
);
CREATE INDEX partner_resellers_reseller_idx ON partner_resellers (org_id, reseller_account_id);

ALTER TABLE deal_registrations ADD COLUMN distributor_account_id uuid;
ALTER TABLE deal_registrations ADD CONSTRAINT deal_registrations_distributor_fkey
  FOREIGN KEY (org_id, distributor_account_id) REFERENCES accounts(org_id, id);
ALTER TABLE deal_registrations ADD CONSTRAINT deal_registrations_distributor_check
  CHECK (distributor_account_id IS NULL OR distributor_account_id <> partner_account_id);
CREATE INDEX deal_registrations_distributor_idx ON deal_registrations (org_id, distributor_account_id, registered_at)
  WHERE distributor_account_id IS NOT NULL;
ALTER TABLE deal_registrations ADD COLUMN escalated_at timestamptz;
`;
