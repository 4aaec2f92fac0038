import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transaction } from '../src/db/database.ts';
import { ManualClock } from '../src/domain/deps.ts';
import { enqueueJob } from '../src/modules/jobs/enqueue.ts';
import * as repo from '../src/modules/jobs/jobs.repository.ts';
import type { JobHandlers } from '../src/modules/jobs/queue.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg } from './helpers/factories.ts';

// The application's clock years away from the database's: the queue of the engine (graphile-worker
// on a PostgreSQL server, the in-process runner on the embedded one) must keep to the application's.
const clock = new ManualClock('2020-01-06T09:00:00.000Z');
const HOUR = 3_600_000;
let deps: TestDeps;

/** Runs of each job, by the tag in its payload. */
const runs = new Map<string, number>();
const count = (ctx: { job: repo.JobRow }) => {
  const tag = String((ctx.job.payload as { tag?: unknown }).tag);
  runs.set(tag, (runs.get(tag) ?? 0) + 1);
  return tag;
};

const handlers: JobHandlers = {
  // Does its work, then asks for its next run an hour on (as the hourly jobs do).
  every_hour: async (ctx) => {
    const tag = count(ctx);
    await transaction(deps.db, async (trx) => {
      await ctx.fence(trx);
      await enqueueJob(deps, trx, {
        orgId: ctx.job.org_id,
        kind: 'every_hour',
        payload: { tag },
        key: `every_hour:${tag}`,
        runAt: new Date(clock.now().getTime() + HOUR),
      });
    });
  },
  // Run before its time, asks again at the time (as the SLA and escalation checks do).
  at_time: async (ctx) => {
    const { tag, dueAt } = ctx.job.payload as { tag: string; dueAt: string };
    count(ctx);
    if (clock.now().getTime() >= new Date(dueAt).getTime()) return;
    await transaction(deps.db, async (trx) => {
      await ctx.fence(trx);
      await enqueueJob(deps, trx, {
        orgId: ctx.job.org_id,
        kind: 'at_time',
        payload: { tag, dueAt },
        key: `at_time:${tag}`,
        runAt: new Date(dueAt),
      });
    });
  },
};

beforeAll(async () => {
  deps = await createTestDeps({ clock });
  await deps.jobs.start(handlers);
});
afterAll(async () => {
  await deps.cleanup();
});

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits for the first run of `tag`, then long enough for a queue that reruns it at once to do so many times. */
async function settle(tag: string): Promise<number> {
  for (let i = 0; i < 500 && !runs.get(tag); i++) await pause(20);
  await pause(1500);
  return runs.get(tag) ?? 0;
}

const jobsOf = async (orgId: string) =>
  (await repo.listJobs(deps.db, orgId, { limit: 50 }))
    .map((j) => [j.status, j.run_at.toISOString()])
    .sort((a, b) => String(a[1]).localeCompare(String(b[1])));

describe('the job queue with the application clock far from the database clock', () => {
  it('runs a job that queues itself an hour on once, not again at once (the clock years behind)', async () => {
    const { admin } = await createTestOrg(deps);
    await transaction(deps.db, (trx) =>
      enqueueJob(deps, trx, {
        orgId: admin.orgId,
        kind: 'every_hour',
        payload: { tag: 'hourly' },
        key: 'every_hour:hourly',
      }),
    );
    expect(await settle('hourly')).toBe(1);
    expect(await jobsOf(admin.orgId)).toEqual([
      ['succeeded', '2020-01-06T09:00:00.000Z'],
      ['queued', '2020-01-06T10:00:00.000Z'],
    ]);
  });

  it('leaves a job due in an hour waiting, and a check run before its time asks again at the time without spinning', async () => {
    const { admin } = await createTestOrg(deps);
    const inAnHour = new Date(clock.now().getTime() + HOUR).toISOString();
    await transaction(deps.db, async (trx) => {
      await enqueueJob(deps, trx, {
        orgId: admin.orgId,
        kind: 'at_time',
        payload: { tag: 'later', dueAt: inAnHour },
        key: 'at_time:later',
        runAt: new Date(inAnHour),
      });
      // Queued as due now, but its time is an hour on: the one run asks again at the time.
      await enqueueJob(deps, trx, {
        orgId: admin.orgId,
        kind: 'at_time',
        payload: { tag: 'early', dueAt: inAnHour },
        key: 'at_time:early',
      });
    });
    expect(await settle('early')).toBe(1);
    expect(runs.get('later')).toBeUndefined();
    expect(await jobsOf(admin.orgId)).toEqual([
      ['succeeded', '2020-01-06T09:00:00.000Z'],
      ['queued', inAnHour],
      ['queued', inAnHour],
    ]);
  });

  it('runs a due job at once when the clock is years ahead of the database', async () => {
    clock.set('2040-06-04T09:00:00.000Z');
    const { admin } = await createTestOrg(deps);
    await transaction(deps.db, (trx) =>
      enqueueJob(deps, trx, {
        orgId: admin.orgId,
        kind: 'every_hour',
        payload: { tag: 'ahead' },
        key: 'every_hour:ahead',
      }),
    );
    expect(await settle('ahead')).toBe(1);
    expect(await jobsOf(admin.orgId)).toEqual([
      ['succeeded', '2040-06-04T09:00:00.000Z'],
      ['queued', '2040-06-04T10:00:00.000Z'],
    ]);
  });
});
