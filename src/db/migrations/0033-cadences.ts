/**
 * Cadences: sequences of call, email and task steps with delays, and what each call disposition
 * does to a lead working through one. A cadence keeps every version of its steps and rules; an
 * enrolment follows the version it was enrolled in, so editing a cadence never changes the path of
 * a lead already on it. One enrolment per lead is open (active or paused) at a time. Email and
 * task steps are worked as tasks (activities) tagged with their enrolment.
 */
export const cadences = String.raw`
CREATE TABLE cadences (
  org_id uuid NOT NULL REFERENCES organizations(id),
  id uuid NOT NULL,
  name text NOT NULL,
  cadence_version integer NOT NULL DEFAULT 1,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, id)
);
CREATE UNIQUE INDEX cadences_name_key ON cadences (org_id, lower(name));

CREATE TABLE cadence_versions (
  org_id uuid NOT NULL,
  cadence_id uuid NOT NULL,
  cadence_version integer NOT NULL,
  steps jsonb NOT NULL,
  rules jsonb NOT NULL,
  created_by uuid,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, cadence_id, cadence_version),
  FOREIGN KEY (org_id, cadence_id) REFERENCES cadences(org_id, id)
);

CREATE TABLE cadence_enrolments (
  org_id uuid NOT NULL REFERENCES organizations(id),
  id uuid NOT NULL,
  cadence_id uuid NOT NULL,
  cadence_version integer NOT NULL,
  lead_id uuid NOT NULL,
  status text NOT NULL CHECK (status IN ('active', 'paused', 'ended')),
  step_index integer NOT NULL CHECK (step_index >= 0),
  step_due_at timestamptz,
  step_due_noted boolean NOT NULL DEFAULT false,
  step_task_id uuid,
  paused_until timestamptz,
  pause_reason text,
  reached_step integer,
  converted_step integer,
  ended_reason text,
  ended_at timestamptz,
  enrolled_by uuid,
  enrolled_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, cadence_id, cadence_version) REFERENCES cadence_versions(org_id, cadence_id, cadence_version),
  FOREIGN KEY (org_id, lead_id) REFERENCES leads(org_id, id),
  CHECK ((status = 'ended') = (ended_at IS NOT NULL)),
  CHECK (status <> 'active' OR step_due_at IS NOT NULL)
);
CREATE UNIQUE INDEX cadence_enrolments_open_key ON cadence_enrolments (org_id, lead_id) WHERE status <> 'ended';
CREATE INDEX cadence_enrolments_lead_idx ON cadence_enrolments (org_id, lead_id, enrolled_at);
CREATE INDEX cadence_enrolments_cadence_idx ON cadence_enrolments (org_id, cadence_id);

ALTER TABLE activities ADD COLUMN cadence_enrolment_id uuid;
ALTER TABLE activities ADD CONSTRAINT activities_cadence_enrolment_fkey
  FOREIGN KEY (org_id, cadence_enrolment_id) REFERENCES cadence_enrolments(org_id, id);
CREATE INDEX activities_cadence_enrolment_idx ON activities (org_id, cadence_enrolment_id)
  WHERE cadence_enrolment_id IS NOT NULL;
`;
