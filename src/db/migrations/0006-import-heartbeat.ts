/**
 * An import job runs in the server process that received its upload. That process writes a
 * heartbeat while the job is queued or running; a job whose heartbeat has stopped (the process
 * ended mid-import) is marked failed instead of showing "running" for ever.
 */
export const importHeartbeat = String.raw`
ALTER TABLE import_jobs ADD COLUMN heartbeat_at timestamptz;
UPDATE import_jobs SET heartbeat_at = coalesce(finished_at, started_at, created_at);
CREATE INDEX import_jobs_unfinished_idx ON import_jobs (org_id, heartbeat_at) WHERE status IN ('queued', 'running');
`;
