import { sql } from 'kysely';
import type { DbExecutor } from '../../db/database.ts';
import type { JobRow } from './jobs.repository.ts';

/**
 * Asks graphile-worker to deliver these `jobs` rows at their run time, in the caller's
 * transaction (its NOTIFY goes out at commit). Keyed by the row, so delivering a row again
 * replaces a delivery still waiting instead of adding one; a delivery that is running (or was
 * left locked by a server that died) keeps running and finds the row claimed.
 *
 * A row's `run_at` is on the application's clock (`now`), but graphile-worker runs a job when the
 * database's clock reaches its time. The delivery is therefore asked for after the same delay as
 * the application means (`run_at - now`, counted from the database's clock), so the two clocks
 * disagreeing never makes a job due at once that should wait (a job that queues its next run would
 * run again and again), nor leaves a due job waiting.
 */
export async function deliverJobs(db: DbExecutor, task: string, jobs: readonly JobRow[], now: Date): Promise<void> {
  for (const j of jobs) {
    const delayMs = j.run_at.getTime() - now.getTime();
    await sql`select graphile_worker.add_job(${task}, json_build_object('orgId', ${j.org_id}::text, 'id', ${j.id}::text),
      run_at => clock_timestamp() + ${delayMs}::double precision * interval '1 millisecond',
      max_attempts => 25, job_key => ${`pw:${j.id}`}::text)`.execute(db);
  }
}
