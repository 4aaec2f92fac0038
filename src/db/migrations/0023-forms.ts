/**
 * Inbound capture: forms whose submissions become leads (or touches of the lead or contact with
 * the same email). A form is published under a public key that carries the organization's id, so
 * the public endpoints look it up by (org_id, public_key) like every other table. Each stored
 * submission keeps the consent text shown and when it was given, its UTM codes and the touch it
 * recorded.
 */
export const forms = String.raw`
CREATE TABLE forms (
  org_id uuid NOT NULL REFERENCES organizations(id),
  id uuid NOT NULL,
  name text NOT NULL,
  public_key text NOT NULL,
  campaign_id uuid NOT NULL,
  fields jsonb NOT NULL,
  consent_text text,
  routing text NOT NULL CHECK (routing IN ('owner','round_robin')),
  owner_id uuid,
  team_id uuid,
  last_assigned_id uuid,
  submit_label text NOT NULL,
  thank_you_message text NOT NULL,
  enabled boolean NOT NULL DEFAULT true,
  created_by uuid,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, campaign_id) REFERENCES campaigns(org_id, id),
  FOREIGN KEY (org_id, owner_id) REFERENCES users(org_id, id),
  FOREIGN KEY (org_id, team_id) REFERENCES teams(org_id, id),
  CHECK ((routing = 'owner' AND owner_id IS NOT NULL AND team_id IS NULL)
      OR (routing = 'round_robin' AND team_id IS NOT NULL AND owner_id IS NULL))
);
CREATE UNIQUE INDEX forms_public_key_key ON forms (org_id, public_key);
CREATE INDEX forms_campaign_idx ON forms (org_id, campaign_id);

CREATE TABLE form_submissions (
  org_id uuid NOT NULL REFERENCES organizations(id),
  id uuid NOT NULL,
  form_id uuid NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('created_lead','matched_lead','matched_contact')),
  lead_id uuid,
  contact_id uuid,
  email text NOT NULL,
  "values" jsonb NOT NULL,
  consent_text text,
  consented_at timestamptz,
  utm_source text,
  utm_medium text,
  utm_campaign text,
  utm_content text,
  utm_term text,
  page_url text,
  touch_id uuid NOT NULL,
  submitted_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, form_id) REFERENCES forms(org_id, id),
  FOREIGN KEY (org_id, lead_id) REFERENCES leads(org_id, id),
  FOREIGN KEY (org_id, contact_id) REFERENCES contacts(org_id, id),
  FOREIGN KEY (org_id, touch_id) REFERENCES campaign_touches(org_id, id),
  CHECK ((lead_id IS NULL) <> (contact_id IS NULL))
);
CREATE INDEX form_submissions_form_idx ON form_submissions (org_id, form_id, submitted_at);
`;
