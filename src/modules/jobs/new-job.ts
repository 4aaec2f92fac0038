import type { NewJobRow } from './jobs.repository.ts';
import type { NewJob } from './queue.ts';

/** Attempts of a job unless its enqueuer says otherwise. */
export const DEFAULT_MAX_ATTEMPTS = 5;

/** The row a new job is stored as. */
export function newJobRow(job: NewJob, id: string, now: Date): NewJobRow {
  return {
    org_id: job.orgId,
    id,
    kind: job.kind,
    payload: job.payload,
    job_key: job.key ?? null,
    max_attempts: job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    run_at: job.runAt ?? now,
    created_by: job.createdBy ?? null,
    created_at: now,
  };
}
