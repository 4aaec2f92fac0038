/**
 * Background work goes through a durable job queue. `jobs` is the record of each unit of work
 * (what, for which organization, its state, attempts and last error): the queue engine (graphile-
 * worker on a PostgreSQL server, an in-process runner on the embedded engine) only decides where
 * and when it runs. A running job holds a claim token and a heartbeat; a claim whose heartbeat
 * stops is taken over by another server. `job_key` lets a unit of work be enqueued once however
 * often it is asked for while it waits.
 *
 * An import's upload is kept in the database (`import_uploads`, 1 MiB chunks) so that any server
 * can run or resume the import, and `rows_done` records how many rows of the file the committed
 * batches consumed, written in each batch's own transaction: a resumed import starts after them.
 */
export const jobs = String.raw`
CREATE TABLE jobs (
  org_id uuid NOT NULL REFERENCES organizations(id),
  id uuid NOT NULL,
  kind text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}',
  status text NOT NULL CHECK (status IN ('queued','running','succeeded','failed','canceled')),
  job_key text,
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL CHECK (max_attempts >= 1),
  run_at timestamptz NOT NULL,
  claim text,
  claimed_by text,
  heartbeat_at timestamptz,
  last_error text,
  created_by uuid,
  created_at timestamptz NOT NULL,
  started_at timestamptz,
  finished_at timestamptz,
  PRIMARY KEY (org_id, id)
);
CREATE INDEX jobs_created_idx ON jobs (org_id, created_at);
-- At most one waiting job per key and organization: asking again while it waits adds nothing.
CREATE UNIQUE INDEX jobs_key_idx ON jobs (org_id, job_key) WHERE status = 'queued';
-- The runners' scans across organizations: what is due, and which claims have gone silent.
CREATE INDEX jobs_due_idx ON jobs (run_at) WHERE status = 'queued';
CREATE INDEX jobs_running_idx ON jobs (heartbeat_at) WHERE status = 'running';
-- Succeeded jobs are kept a week (webhook deliveries run as many short jobs).
CREATE INDEX jobs_succeeded_idx ON jobs (finished_at) WHERE status = 'succeeded';

CREATE TABLE import_uploads (
  org_id uuid NOT NULL REFERENCES organizations(id),
  job_id uuid NOT NULL,
  chunk_no integer NOT NULL,
  data bytea NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, job_id, chunk_no)
);

ALTER TABLE import_jobs ADD COLUMN rows_done integer NOT NULL DEFAULT 0;
`;
