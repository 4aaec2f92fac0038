/**
 * Lead scoring: the organization's scoring settings (fit rules, touch points and half-life, grade
 * bands, MQL threshold), the scores each lead carries (recomputed when the lead or its touches
 * change), and the organization's fitted conversion model with its held-out report.
 */
export const scoring = String.raw`
CREATE TABLE scoring_settings (
  org_id uuid NOT NULL REFERENCES organizations(id),
  settings jsonb NOT NULL,
  updated_by uuid,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id)
);

CREATE TABLE lead_scores (
  org_id uuid NOT NULL REFERENCES organizations(id),
  lead_id uuid NOT NULL,
  fit_score double precision NOT NULL,
  engagement_score double precision NOT NULL,
  grade text NOT NULL CHECK (grade IN ('A','B','C','D')),
  qualifies boolean NOT NULL,
  probability double precision CHECK (probability IS NULL OR (probability >= 0 AND probability <= 1)),
  factors jsonb NOT NULL,
  computed_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, lead_id),
  FOREIGN KEY (org_id, lead_id) REFERENCES leads(org_id, id)
);
CREATE INDEX lead_scores_rank_idx ON lead_scores (org_id, qualifies, engagement_score DESC, lead_id);

CREATE TABLE scoring_models (
  org_id uuid NOT NULL REFERENCES organizations(id),
  status text NOT NULL CHECK (status IN ('fitted','insufficient_history')),
  fitted_at timestamptz NOT NULL,
  training_leads integer NOT NULL,
  test_leads integer NOT NULL,
  converted integer NOT NULL,
  auc double precision,
  calibration jsonb NOT NULL,
  coefficients jsonb NOT NULL,
  message text,
  PRIMARY KEY (org_id)
);
`;
