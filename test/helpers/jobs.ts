import { busy } from '../../src/modules/jobs/jobs.repository.ts';
import type { Deps } from '../../src/modules/context.ts';

/** Waits until no job of the database is due or running (the runner started by `createTestDeps({ runJobs: true })`). */
export async function settleJobs(deps: Deps, timeoutMs = 25_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (await busy(deps.db, deps.clock.now())) {
    if (Date.now() > until) throw new Error('jobs did not settle in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
