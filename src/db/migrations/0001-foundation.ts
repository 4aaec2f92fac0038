/**
 * Foundation schema. Every business table carries org_id first in its primary key and every index,
 * so tenants stay apart and the tables can later be distributed by org_id. Never edit once landed:
 * add a new migration instead.
 */
export const foundation = String.raw`
CREATE TABLE organizations (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  base_currency char(3) NOT NULL DEFAULT 'USD',
  timezone text NOT NULL DEFAULT 'UTC',
  fiscal_year_start_month smallint NOT NULL DEFAULT 1 CHECK (fiscal_year_start_month BETWEEN 1 AND 12),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX organizations_name_key ON organizations (lower(name));

CREATE TABLE teams (
  org_id uuid NOT NULL REFERENCES organizations(id),
  id uuid NOT NULL,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('inside_sales','field_sales','marketing','channel','management','other')),
  manager_id uuid,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  deleted_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, id)
);
CREATE UNIQUE INDEX teams_name_key ON teams (org_id, lower(name)) WHERE deleted_at IS NULL;

CREATE TABLE accounts (
  org_id uuid NOT NULL REFERENCES organizations(id),
  id uuid NOT NULL,
  external_id text,
  name text NOT NULL,
  domain text,
  industry text,
  employees integer CHECK (employees >= 0),
  annual_revenue numeric(20,2),
  revenue_currency char(3),
  street text, city text, region text, postal_code text, country text,
  type text NOT NULL DEFAULT 'prospect' CHECK (type IN ('prospect','customer','distributor','reseller','value_added_reseller','agency','competitor','other')),
  owner_id uuid,
  parent_account_id uuid,
  created_by uuid,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  deleted_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, parent_account_id) REFERENCES accounts(org_id, id)
);
CREATE INDEX accounts_owner_idx ON accounts (org_id, owner_id);
CREATE INDEX accounts_name_idx ON accounts (org_id, lower(name));
CREATE INDEX accounts_domain_idx ON accounts (org_id, lower(domain));
CREATE UNIQUE INDEX accounts_external_id_key ON accounts (org_id, external_id) WHERE external_id IS NOT NULL;

CREATE TABLE users (
  org_id uuid NOT NULL REFERENCES organizations(id),
  id uuid NOT NULL,
  external_id text,
  email text NOT NULL,
  name text NOT NULL,
  password_hash text,
  role text NOT NULL CHECK (role IN ('admin','manager','rep','inside_sales','marketing','partner','auditor')),
  team_id uuid,
  manager_id uuid,
  partner_account_id uuid,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, team_id) REFERENCES teams(org_id, id),
  FOREIGN KEY (org_id, manager_id) REFERENCES users(org_id, id),
  FOREIGN KEY (org_id, partner_account_id) REFERENCES accounts(org_id, id),
  CHECK (role <> 'partner' OR partner_account_id IS NOT NULL)
);
CREATE UNIQUE INDEX users_email_key ON users (org_id, lower(email));
CREATE INDEX users_team_idx ON users (org_id, team_id);
-- Sign-in looks a user up by email before the organization is known; the one lookup index that
-- cannot start with org_id (not unique, so it does not hinder distribution by org_id).
CREATE INDEX users_login_email_idx ON users (lower(email));

ALTER TABLE teams ADD FOREIGN KEY (org_id, manager_id) REFERENCES users(org_id, id);
ALTER TABLE accounts ADD FOREIGN KEY (org_id, owner_id) REFERENCES users(org_id, id);

CREATE TABLE sessions (
  org_id uuid NOT NULL REFERENCES organizations(id),
  token_hash text NOT NULL,
  user_id uuid NOT NULL,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, token_hash),
  FOREIGN KEY (org_id, user_id) REFERENCES users(org_id, id)
);

CREATE TABLE api_tokens (
  org_id uuid NOT NULL REFERENCES organizations(id),
  id uuid NOT NULL,
  user_id uuid NOT NULL,
  name text NOT NULL,
  token_hash text NOT NULL,
  created_at timestamptz NOT NULL,
  last_used_at timestamptz,
  expires_at timestamptz,
  revoked_at timestamptz,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, user_id) REFERENCES users(org_id, id)
);
CREATE UNIQUE INDEX api_tokens_hash_key ON api_tokens (org_id, token_hash);

CREATE TABLE contacts (
  org_id uuid NOT NULL REFERENCES organizations(id),
  id uuid NOT NULL,
  external_id text,
  account_id uuid,
  first_name text,
  last_name text NOT NULL,
  title text,
  emails jsonb NOT NULL DEFAULT '[]',
  phones jsonb NOT NULL DEFAULT '[]',
  owner_id uuid,
  do_not_contact boolean NOT NULL DEFAULT false,
  email_opt_out boolean NOT NULL DEFAULT false,
  created_by uuid,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  deleted_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, account_id) REFERENCES accounts(org_id, id),
  FOREIGN KEY (org_id, owner_id) REFERENCES users(org_id, id)
);
CREATE INDEX contacts_account_idx ON contacts (org_id, account_id);
CREATE INDEX contacts_owner_idx ON contacts (org_id, owner_id);
CREATE INDEX contacts_name_idx ON contacts (org_id, lower(last_name), lower(first_name));
CREATE UNIQUE INDEX contacts_external_id_key ON contacts (org_id, external_id) WHERE external_id IS NOT NULL;

CREATE TABLE leads (
  org_id uuid NOT NULL REFERENCES organizations(id),
  id uuid NOT NULL,
  external_id text,
  first_name text,
  last_name text NOT NULL,
  email text,
  phone text,
  title text,
  company text,
  company_domain text,
  industry text,
  source text,
  campaign_id uuid,
  status text NOT NULL DEFAULT 'new' CHECK (status IN ('new','working','qualified','disqualified','converted')),
  disqualified_reason text,
  owner_id uuid,
  converted_at timestamptz,
  converted_account_id uuid,
  converted_contact_id uuid,
  converted_deal_id uuid,
  created_by uuid,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  deleted_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, owner_id) REFERENCES users(org_id, id)
);
CREATE INDEX leads_owner_status_idx ON leads (org_id, owner_id, status);
CREATE INDEX leads_status_idx ON leads (org_id, status, created_at);
CREATE UNIQUE INDEX leads_external_id_key ON leads (org_id, external_id) WHERE external_id IS NOT NULL;

CREATE TABLE products (
  org_id uuid NOT NULL REFERENCES organizations(id),
  id uuid NOT NULL,
  external_id text,
  sku text NOT NULL,
  name text NOT NULL,
  family text,
  description text,
  list_price numeric(20,2) NOT NULL CHECK (list_price >= 0),
  currency char(3) NOT NULL,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, id)
);
CREATE UNIQUE INDEX products_sku_key ON products (org_id, lower(sku));

CREATE TABLE pipelines (
  org_id uuid NOT NULL REFERENCES organizations(id),
  id uuid NOT NULL,
  name text NOT NULL,
  description text,
  enforce_stage_order boolean NOT NULL DEFAULT false,
  is_default boolean NOT NULL DEFAULT false,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, id)
);
CREATE UNIQUE INDEX pipelines_name_key ON pipelines (org_id, lower(name));

CREATE TABLE stages (
  org_id uuid NOT NULL,
  id uuid NOT NULL,
  pipeline_id uuid NOT NULL,
  name text NOT NULL,
  position integer NOT NULL,
  probability integer NOT NULL CHECK (probability BETWEEN 0 AND 100),
  forecast_category text NOT NULL CHECK (forecast_category IN ('pipeline','best_case','commit','closed','omitted')),
  kind text NOT NULL CHECK (kind IN ('open','won','lost')),
  expected_days integer CHECK (expected_days >= 0),
  required_fields jsonb NOT NULL DEFAULT '[]',
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, pipeline_id) REFERENCES pipelines(org_id, id) ON DELETE CASCADE
);
CREATE INDEX stages_pipeline_idx ON stages (org_id, pipeline_id, position);

CREATE TABLE deals (
  org_id uuid NOT NULL REFERENCES organizations(id),
  id uuid NOT NULL,
  external_id text,
  name text NOT NULL,
  account_id uuid,
  primary_contact_id uuid,
  pipeline_id uuid NOT NULL,
  stage_id uuid NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','won','lost')),
  amount numeric(20,2),
  currency char(3) NOT NULL,
  expected_close_date date,
  closed_at timestamptz,
  owner_id uuid,
  source text,
  channel text NOT NULL DEFAULT 'direct' CHECK (channel IN ('direct','partner')),
  partner_account_id uuid,
  lost_reason text,
  next_step text,
  stage_entered_at timestamptz NOT NULL,
  created_by uuid,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  deleted_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, account_id) REFERENCES accounts(org_id, id),
  FOREIGN KEY (org_id, primary_contact_id) REFERENCES contacts(org_id, id),
  FOREIGN KEY (org_id, pipeline_id) REFERENCES pipelines(org_id, id),
  FOREIGN KEY (org_id, stage_id) REFERENCES stages(org_id, id),
  FOREIGN KEY (org_id, owner_id) REFERENCES users(org_id, id),
  FOREIGN KEY (org_id, partner_account_id) REFERENCES accounts(org_id, id),
  CHECK (channel = 'direct' OR partner_account_id IS NOT NULL)
);
CREATE INDEX deals_pipeline_stage_idx ON deals (org_id, pipeline_id, stage_id) WHERE deleted_at IS NULL;
CREATE INDEX deals_owner_idx ON deals (org_id, owner_id, status);
CREATE INDEX deals_account_idx ON deals (org_id, account_id);
CREATE INDEX deals_partner_idx ON deals (org_id, partner_account_id) WHERE partner_account_id IS NOT NULL;
CREATE INDEX deals_created_idx ON deals (org_id, created_at, id);
CREATE UNIQUE INDEX deals_external_id_key ON deals (org_id, external_id) WHERE external_id IS NOT NULL;

ALTER TABLE leads ADD FOREIGN KEY (org_id, converted_account_id) REFERENCES accounts(org_id, id);
ALTER TABLE leads ADD FOREIGN KEY (org_id, converted_contact_id) REFERENCES contacts(org_id, id);
ALTER TABLE leads ADD FOREIGN KEY (org_id, converted_deal_id) REFERENCES deals(org_id, id);

CREATE TABLE deal_contacts (
  org_id uuid NOT NULL,
  deal_id uuid NOT NULL,
  contact_id uuid NOT NULL,
  role text NOT NULL CHECK (role IN ('decision_maker','economic_buyer','champion','influencer','user')),
  PRIMARY KEY (org_id, deal_id, contact_id, role),
  FOREIGN KEY (org_id, deal_id) REFERENCES deals(org_id, id),
  FOREIGN KEY (org_id, contact_id) REFERENCES contacts(org_id, id)
);
CREATE INDEX deal_contacts_contact_idx ON deal_contacts (org_id, contact_id);

CREATE TABLE deal_line_items (
  org_id uuid NOT NULL,
  id uuid NOT NULL,
  deal_id uuid NOT NULL,
  product_id uuid NOT NULL,
  position integer NOT NULL,
  quantity numeric(20,4) NOT NULL CHECK (quantity > 0),
  unit_price numeric(20,2) NOT NULL CHECK (unit_price >= 0),
  discount_percent numeric(5,2) NOT NULL DEFAULT 0 CHECK (discount_percent BETWEEN 0 AND 100),
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, deal_id) REFERENCES deals(org_id, id),
  FOREIGN KEY (org_id, product_id) REFERENCES products(org_id, id)
);
CREATE INDEX deal_line_items_deal_idx ON deal_line_items (org_id, deal_id, position);

CREATE TABLE activities (
  org_id uuid NOT NULL REFERENCES organizations(id),
  id uuid NOT NULL,
  external_id text,
  type text NOT NULL CHECK (type IN ('call','meeting','email','task','note')),
  subject text,
  body text,
  deal_id uuid,
  contact_id uuid,
  account_id uuid,
  lead_id uuid,
  owner_id uuid,
  occurred_at timestamptz,
  due_at timestamptz,
  completed_at timestamptz,
  call_direction text CHECK (call_direction IN ('inbound','outbound')),
  call_disposition text CHECK (call_disposition IN ('connected','no_answer','left_voicemail','busy','wrong_number','not_interested','call_back_later','meeting_booked')),
  duration_seconds integer CHECK (duration_seconds >= 0),
  meeting_start timestamptz,
  meeting_end timestamptz,
  location text,
  attendees jsonb NOT NULL DEFAULT '[]',
  meeting_outcome text CHECK (meeting_outcome IN ('held','no_show','cancelled','rescheduled')),
  email_direction text CHECK (email_direction IN ('inbound','outbound')),
  created_by uuid,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  deleted_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, deal_id) REFERENCES deals(org_id, id),
  FOREIGN KEY (org_id, contact_id) REFERENCES contacts(org_id, id),
  FOREIGN KEY (org_id, account_id) REFERENCES accounts(org_id, id),
  FOREIGN KEY (org_id, lead_id) REFERENCES leads(org_id, id),
  FOREIGN KEY (org_id, owner_id) REFERENCES users(org_id, id),
  CHECK (meeting_end IS NULL OR meeting_start IS NULL OR meeting_end >= meeting_start)
);
CREATE INDEX activities_deal_idx ON activities (org_id, deal_id, occurred_at);
CREATE INDEX activities_contact_idx ON activities (org_id, contact_id, occurred_at);
CREATE INDEX activities_account_idx ON activities (org_id, account_id, occurred_at);
CREATE INDEX activities_lead_idx ON activities (org_id, lead_id, occurred_at);
CREATE INDEX activities_owner_idx ON activities (org_id, owner_id, type, occurred_at);
CREATE UNIQUE INDEX activities_external_id_key ON activities (org_id, external_id) WHERE external_id IS NOT NULL;

CREATE TABLE objections (
  org_id uuid NOT NULL REFERENCES organizations(id),
  id uuid NOT NULL,
  category text NOT NULL CHECK (category IN ('price','budget','timing','authority','need','competitor','trust','other')),
  title text NOT NULL,
  description text,
  recommended_responses jsonb NOT NULL DEFAULT '[]',
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, id)
);
CREATE INDEX objections_category_idx ON objections (org_id, category);

CREATE TABLE raised_objections (
  org_id uuid NOT NULL REFERENCES organizations(id),
  id uuid NOT NULL,
  deal_id uuid,
  activity_id uuid,
  objection_id uuid,
  category text NOT NULL CHECK (category IN ('price','budget','timing','authority','need','competitor','trust','other')),
  buyer_words text NOT NULL,
  response_used text,
  outcome text NOT NULL CHECK (outcome IN ('resolved','unresolved')),
  raised_by uuid,
  raised_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, deal_id) REFERENCES deals(org_id, id),
  FOREIGN KEY (org_id, activity_id) REFERENCES activities(org_id, id),
  FOREIGN KEY (org_id, objection_id) REFERENCES objections(org_id, id),
  CHECK (deal_id IS NOT NULL OR activity_id IS NOT NULL)
);
CREATE INDEX raised_objections_deal_idx ON raised_objections (org_id, deal_id);
CREATE INDEX raised_objections_activity_idx ON raised_objections (org_id, activity_id);
CREATE INDEX raised_objections_category_idx ON raised_objections (org_id, category, raised_at);

CREATE TABLE pitch_scripts (
  org_id uuid NOT NULL REFERENCES organizations(id),
  id uuid NOT NULL,
  name text NOT NULL,
  pipeline_id uuid,
  stage_id uuid,
  product_id uuid,
  body text NOT NULL,
  script_version integer NOT NULL DEFAULT 1,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, pipeline_id) REFERENCES pipelines(org_id, id),
  FOREIGN KEY (org_id, stage_id) REFERENCES stages(org_id, id),
  FOREIGN KEY (org_id, product_id) REFERENCES products(org_id, id)
);
CREATE INDEX pitch_scripts_stage_idx ON pitch_scripts (org_id, stage_id);

CREATE TABLE pitch_script_versions (
  org_id uuid NOT NULL,
  script_id uuid NOT NULL,
  script_version integer NOT NULL,
  body text NOT NULL,
  created_by uuid,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, script_id, script_version),
  FOREIGN KEY (org_id, script_id) REFERENCES pitch_scripts(org_id, id)
);

-- The event log: append-only. seq and hash are assigned by the sealer right after commit, in
-- sequence order per organization, so writers never queue behind one chain lock.
CREATE SEQUENCE events_id_seq;
CREATE TABLE events (
  org_id uuid NOT NULL REFERENCES organizations(id),
  id bigint NOT NULL DEFAULT nextval('events_id_seq'),
  seq bigint,
  occurred_at timestamptz NOT NULL,
  business_time timestamptz,
  imported boolean NOT NULL DEFAULT false,
  actor_id uuid,
  entity_type text NOT NULL,
  entity_id uuid NOT NULL,
  type text NOT NULL,
  data jsonb NOT NULL,
  prev_hash text,
  hash text,
  PRIMARY KEY (org_id, id)
);
CREATE UNIQUE INDEX events_seq_key ON events (org_id, seq);
CREATE INDEX events_entity_idx ON events (org_id, entity_type, entity_id, id);
CREATE INDEX events_unsealed_idx ON events (org_id, id) WHERE seq IS NULL;
CREATE INDEX events_type_idx ON events (org_id, type, occurred_at);

CREATE TABLE event_chain_heads (
  org_id uuid PRIMARY KEY REFERENCES organizations(id),
  last_seq bigint NOT NULL,
  last_hash text NOT NULL,
  sealed_at timestamptz NOT NULL
);

CREATE TABLE idempotency_keys (
  org_id uuid NOT NULL REFERENCES organizations(id),
  user_id uuid NOT NULL,
  key text NOT NULL,
  method text NOT NULL,
  path text NOT NULL,
  request_hash text NOT NULL,
  status_code integer,
  response jsonb,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, user_id, key)
);

-- Instance-wide settings (not tenant data), e.g. the generated session-hash secret.
CREATE TABLE instance_settings (
  key text PRIMARY KEY,
  value text NOT NULL
);

CREATE TABLE login_attempts (
  email text NOT NULL,
  attempted_at timestamptz NOT NULL,
  succeeded boolean NOT NULL
);
CREATE INDEX login_attempts_email_idx ON login_attempts (lower(email), attempted_at);
`;
