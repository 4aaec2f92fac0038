/**
 * CSV imports run as jobs in the server process: the job row carries the options, the progress and
 * the summary; rejected rows (the original cells and the reason) are kept for download. The upload
 * itself waits in a file of the instance that received it until its job has run. merged_records remembers which record was merged into which, so the survivor's timeline
 * shows the history of both.
 */
export const imports = String.raw`
CREATE TABLE import_jobs (
  org_id uuid NOT NULL REFERENCES organizations(id),
  id uuid NOT NULL,
  entity text NOT NULL CHECK (entity IN ('accounts','contacts','leads','deals','products','activities','users')),
  status text NOT NULL CHECK (status IN ('queued','running','succeeded','failed')),
  options jsonb NOT NULL,
  file_name text,
  file_bytes bigint NOT NULL,
  bytes_read bigint NOT NULL DEFAULT 0,
  rows_read integer NOT NULL DEFAULT 0,
  summary jsonb,
  error text,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL,
  started_at timestamptz,
  finished_at timestamptz,
  PRIMARY KEY (org_id, id)
);
CREATE INDEX import_jobs_created_idx ON import_jobs (org_id, created_at);

CREATE TABLE import_rejects (
  org_id uuid NOT NULL,
  job_id uuid NOT NULL,
  line integer NOT NULL,
  cells jsonb NOT NULL,
  reason text NOT NULL,
  PRIMARY KEY (org_id, job_id, line),
  FOREIGN KEY (org_id, job_id) REFERENCES import_jobs(org_id, id) ON DELETE CASCADE
);

-- Duplicate detection on import looks contacts up by email (like the trigram indexes, not led by org_id).
CREATE INDEX contacts_emails_idx ON contacts USING gin (emails jsonb_path_ops);

CREATE TABLE merged_records (
  org_id uuid NOT NULL REFERENCES organizations(id),
  entity_type text NOT NULL CHECK (entity_type IN ('account','contact','lead','deal')),
  merged_id uuid NOT NULL,
  into_id uuid NOT NULL,
  merged_at timestamptz NOT NULL,
  merged_by uuid,
  PRIMARY KEY (org_id, entity_type, merged_id)
);
CREATE INDEX merged_records_into_idx ON merged_records (org_id, entity_type, into_id);
`;
