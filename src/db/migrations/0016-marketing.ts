/**
 * Marketing: campaigns (a hierarchy, with dated cost entries), the people who are members of a
 * campaign with their status, and every touch of a lead or contact with a campaign (with its UTM
 * codes), kept as rows beside their events so journeys are read without scanning the log. Leads
 * gain a lifecycle stage (subscriber → lead → MQL → SQL → opportunity → customer) and the reason
 * of their last recycle.
 */
export const marketing = String.raw`
CREATE TABLE campaigns (
  org_id uuid NOT NULL REFERENCES organizations(id),
  id uuid NOT NULL,
  name text NOT NULL,
  type text NOT NULL CHECK (type IN ('advertising','sales_promotion','publicity','public_relations','event','email','content','partner_co_marketing','product_launch','new_channel')),
  channel text,
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned','active','paused','completed','cancelled')),
  start_date date,
  end_date date,
  owner_id uuid,
  parent_id uuid,
  budget numeric(20,2) CHECK (budget >= 0),
  expected_revenue numeric(20,2) CHECK (expected_revenue >= 0),
  currency char(3) NOT NULL,
  utm_source text,
  utm_medium text,
  utm_campaign text,
  utm_content text,
  utm_term text,
  description text,
  created_by uuid,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  deleted_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, owner_id) REFERENCES users(org_id, id),
  FOREIGN KEY (org_id, parent_id) REFERENCES campaigns(org_id, id),
  CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
);
CREATE INDEX campaigns_parent_idx ON campaigns (org_id, parent_id);
CREATE INDEX campaigns_name_idx ON campaigns (org_id, name, id);
CREATE UNIQUE INDEX campaigns_utm_campaign_key ON campaigns (org_id, lower(utm_campaign))
  WHERE utm_campaign IS NOT NULL AND deleted_at IS NULL;

CREATE TABLE campaign_costs (
  org_id uuid NOT NULL REFERENCES organizations(id),
  id uuid NOT NULL,
  campaign_id uuid NOT NULL,
  incurred_on date NOT NULL,
  amount numeric(20,2) NOT NULL CHECK (amount >= 0),
  description text,
  created_by uuid,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, campaign_id) REFERENCES campaigns(org_id, id)
);
CREATE INDEX campaign_costs_campaign_idx ON campaign_costs (org_id, campaign_id, incurred_on);

CREATE TABLE campaign_touches (
  org_id uuid NOT NULL REFERENCES organizations(id),
  id uuid NOT NULL,
  campaign_id uuid NOT NULL,
  lead_id uuid,
  contact_id uuid,
  kind text NOT NULL CHECK (kind IN ('responded','attended','clicked','submitted_form','visited')),
  touched_at timestamptz NOT NULL,
  utm_source text,
  utm_medium text,
  utm_campaign text,
  utm_content text,
  utm_term text,
  recorded_by uuid,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, campaign_id) REFERENCES campaigns(org_id, id),
  FOREIGN KEY (org_id, lead_id) REFERENCES leads(org_id, id),
  FOREIGN KEY (org_id, contact_id) REFERENCES contacts(org_id, id),
  CHECK ((lead_id IS NULL) <> (contact_id IS NULL))
);
CREATE INDEX campaign_touches_campaign_idx ON campaign_touches (org_id, campaign_id, touched_at);
CREATE INDEX campaign_touches_lead_idx ON campaign_touches (org_id, lead_id, touched_at) WHERE lead_id IS NOT NULL;
CREATE INDEX campaign_touches_contact_idx ON campaign_touches (org_id, contact_id, touched_at) WHERE contact_id IS NOT NULL;

CREATE TABLE campaign_members (
  org_id uuid NOT NULL REFERENCES organizations(id),
  campaign_id uuid NOT NULL,
  person_id uuid NOT NULL,
  person_type text NOT NULL CHECK (person_type IN ('lead','contact')),
  status text NOT NULL CHECK (status IN ('targeted','sent','responded','attended','unsubscribed')),
  first_touch_at timestamptz,
  last_touch_at timestamptz,
  touches integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, campaign_id, person_id),
  FOREIGN KEY (org_id, campaign_id) REFERENCES campaigns(org_id, id)
);
CREATE INDEX campaign_members_person_idx ON campaign_members (org_id, person_id);

ALTER TABLE leads ADD COLUMN lifecycle_stage text NOT NULL DEFAULT 'lead'
  CHECK (lifecycle_stage IN ('subscriber','lead','mql','sql','opportunity','customer'));
ALTER TABLE leads ADD COLUMN recycle_reason text;
`;
