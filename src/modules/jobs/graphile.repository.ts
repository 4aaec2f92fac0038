import { sql } from 'kysely';
import type { DbExecutor } from '../../db/database.ts';
import type { JobRow } from './jobs.repository.ts';

/**
 * Asks graphile-worker to deliver these `jobs` rows at their run time, in the caller's
 * transaction (its NOTIFY goes out at commit). Keyed by the row, so delivering a row again
 * replaces a delivery still waiting instead of adding one; a delivery that is running (or was
 * left locked by a server that died) keeps running and finds the row claimed.
 */
export async function deliverJobs(db: DbExecutor, task: string, jobs: readonly JobRow[]): Promise<void> {
  for (const j of jobs)
    await sql`select graphile_worker.add_job(${task}, json_build_object('orgId', ${j.org_id}::text, 'id', ${j.id}::text),
      run_at => ${j.run_at}::timestamptz, max_attempts => 25, job_key => ${`pw:${j.id}`}::text)`.execute(db);
}
