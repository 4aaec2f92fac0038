import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobDto } from '../src/contract/jobs.ts';
import { transaction } from '../src/db/database.ts';
import { ManualClock } from '../src/domain/deps.ts';
import { enqueueJob } from '../src/modules/jobs/enqueue.ts';
import * as repo from '../src/modules/jobs/jobs.repository.ts';
import { LocalJobQueue } from '../src/modules/jobs/local-queue.ts';
import { JobFailed, type JobContext, type JobHandlers } from '../src/modules/jobs/queue.ts';
import { createApi, type Api } from './helpers/api.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg, createTestUser } from './helpers/factories.ts';

const clock = new ManualClock('2026-06-01T08:00:00.000Z');
let deps: TestDeps;
let api: Api;
let queue: LocalJobQueue;
const errors: string[] = [];
/** Jobs the queue reported as failed for good. */
const gaveUp: string[] = [];

/** What the handlers of this file were asked to do, by job id. */
const seen = new Map<string, number>();
const waiters = new Map<string, (ctx: JobContext) => void>();
let transientFailures = 0;

const handlers: JobHandlers = {
  ok: (ctx) => {
    seen.set(ctx.job.id, (seen.get(ctx.job.id) ?? 0) + 1);
    return Promise.resolve();
  },
  flaky: (ctx) => {
    seen.set(ctx.job.id, (seen.get(ctx.job.id) ?? 0) + 1);
    if (transientFailures-- > 0) return Promise.reject(new Error('the other side is down'));
    return Promise.resolve();
  },
  broken: () => Promise.reject(new JobFailed('this input can never work')),
  // Runs until its signal says stop, committing work through the fence meanwhile.
  long: async (ctx) => {
    waiters.get(ctx.job.id)?.(ctx);
    while (!ctx.signal.aborted) {
      await transaction(deps.db, (trx) => ctx.fence(trx));
      await new Promise((r) => setTimeout(r, 10));
    }
    throw ctx.signal.reason;
  },
};

beforeAll(async () => {
  deps = await createTestDeps({ clock });
  api = await createApi(deps);
  // The in-process runner on either engine (on PostgreSQL beside nothing else: it claims with SKIP LOCKED).
  queue = new LocalJobQueue({
    db: deps.db,
    clock,
    ids: deps.ids,
    stallMs: 60_000,
    concurrency: 2,
    pollMs: 10,
    exclusive: false,
    onError: (err) => errors.push(String(err)),
    onFailed: (_trx, job) => {
      gaveUp.push(job.id);
      return Promise.resolve();
    },
  });
  await queue.start(handlers);
});
afterAll(async () => {
  await queue.stop();
  await api.close();
  await deps.cleanup();
});

async function until<T>(what: () => Promise<T>, ok: (v: T) => boolean, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await what();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`timed out; last ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const jobOf = (orgId: string, id: string) => () => repo.getJob(deps.db, orgId, id);

describe('the job queue (in-process runner)', () => {
  it('runs a job only if the transaction that enqueued it commits, and a key enqueues one job while it waits', async () => {
    const { admin } = await createTestOrg(deps);
    await expect(
      transaction(deps.db, async (trx) => {
        await queue.enqueue(trx, { orgId: admin.orgId, kind: 'ok', payload: { n: 1 } });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await repo.listJobs(deps.db, admin.orgId, { limit: 10 })).toEqual([]);

    // Not due yet (an hour ahead), so both asks find the first one waiting.
    const later = new Date(clock.now().getTime() + 3_600_000);
    const [a, b] = await transaction(deps.db, async (trx) => [
      await queue.enqueue(trx, { orgId: admin.orgId, kind: 'ok', payload: {}, key: 'endpoint:1', runAt: later }),
      await queue.enqueue(trx, { orgId: admin.orgId, kind: 'ok', payload: {}, key: 'endpoint:1', runAt: later }),
    ]);
    expect(b?.id).toBe(a?.id);
    clock.advance(3_600_000);
    const done = await until(jobOf(admin.orgId, a.id), (j) => j?.status === 'succeeded');
    expect(done).toMatchObject({ attempts: 1, claim: null, last_error: null });
    expect(seen.get(a.id)).toBe(1);
  });

  it('retries a failing job with back-off until it succeeds, and fails one that cannot work at once', async () => {
    const { admin } = await createTestOrg(deps);
    transientFailures = 2;
    const flaky = await transaction(deps.db, (trx) =>
      enqueueJob({ jobs: queue }, trx, { orgId: admin.orgId, kind: 'flaky', payload: {} }),
    );
    const retrying = await until(jobOf(admin.orgId, flaky.id), (j) => j?.status === 'queued' && j.attempts === 1);
    expect(retrying?.last_error).toBe('the other side is down');
    // Two seconds after the first failure, four after the second.
    expect(retrying!.run_at.getTime() - clock.now().getTime()).toBe(2000);
    clock.advance(2000);
    await until(jobOf(admin.orgId, flaky.id), (j) => j?.attempts === 2 && j.status === 'queued');
    clock.advance(4000);
    const done = await until(jobOf(admin.orgId, flaky.id), (j) => j?.status === 'succeeded');
    expect(done?.attempts).toBe(3);
    expect(seen.get(flaky.id)).toBe(3);

    const broken = await transaction(deps.db, (trx) =>
      queue.enqueue(trx, { orgId: admin.orgId, kind: 'broken', payload: {}, maxAttempts: 5 }),
    );
    const failed = await until(jobOf(admin.orgId, broken.id), (j) => j?.status === 'failed');
    expect(failed).toMatchObject({ attempts: 1, last_error: 'this input can never work' });
    expect(gaveUp).toContain(broken.id);

    // A run whose server died on its last attempt: maintenance fails the job and says so too.
    const orphan = await transaction(deps.db, (trx) =>
      queue.enqueue(trx, { orgId: admin.orgId, kind: 'no-runner-here', payload: {}, maxAttempts: 1 }),
    );
    await repo.claimJob(deps.db, admin.orgId, orphan.id, { claim: 'c', claimedBy: 'dead:1', now: clock.now() });
    clock.advance(61_000);
    await until(jobOf(admin.orgId, orphan.id), (j) => j?.status === 'failed');
    expect(gaveUp).toContain(orphan.id);
  });

  it('hands a running job back when the runner stops, and a canceled job stops at its next commit', async () => {
    const { admin } = await createTestOrg(deps);
    const started = new Promise<JobContext>((resolve) => waiters.set('next', resolve));
    const job = await transaction(deps.db, (trx) =>
      queue.enqueue(trx, { orgId: admin.orgId, kind: 'long', payload: {} }),
    );
    waiters.set(job.id, (ctx) => waiters.get('next')?.(ctx));
    await started;
    await queue.stop();
    expect(await repo.getJob(deps.db, admin.orgId, job.id)).toMatchObject({
      status: 'queued',
      attempts: 0,
      claim: null,
    });

    const again = new Promise<JobContext>((resolve) => waiters.set(job.id, resolve));
    await queue.start(handlers);
    const ctx = await again;
    const res = await api.as(admin, { method: 'POST', url: `/api/v1/jobs/${job.id}/cancel` });
    expect(res.statusCode, res.body).toBe(200);
    await until(
      () => Promise.resolve(ctx.signal.aborted),
      (v) => v,
    );
    // The run found its claim gone and left the job as the cancel made it.
    await new Promise((r) => setTimeout(r, 50));
    expect(await repo.getJob(deps.db, admin.orgId, job.id)).toMatchObject({ status: 'canceled', claim: null });
  });

  it('ends a keyed run handed back while a job of its key waits as superseded (one waiting job per key)', async () => {
    const { admin } = await createTestOrg(deps);
    const started = new Promise<JobContext>((resolve) => waiters.set('next', resolve));
    const keyed = { orgId: admin.orgId, kind: 'long', payload: {}, key: 'endpoint:1' };
    const running = await transaction(deps.db, (trx) => queue.enqueue(trx, keyed));
    waiters.set(running.id, (ctx) => waiters.get('next')?.(ctx));
    await started;
    // Asked for again while it runs: a second job of the key waits (due in an hour, so this
    // runner does not start it before the hand-back; a due one could run beside it).
    const later = new Date(clock.now().getTime() + 3_600_000);
    const waiting = await transaction(deps.db, (trx) => queue.enqueue(trx, { ...keyed, runAt: later }));
    expect(waiting.id).not.toBe(running.id);
    await queue.stop();
    expect(await repo.getJob(deps.db, admin.orgId, running.id)).toMatchObject({
      status: 'canceled',
      last_error: 'superseded by a job of the same key already waiting',
    });
    expect(await repo.getJob(deps.db, admin.orgId, waiting.id)).toMatchObject({ status: 'queued' });
    await repo.cancel(deps.db, admin.orgId, waiting.id, clock.now());
    await queue.start(handlers);
  });
});

describe('GET /api/v1/jobs and its retry and cancel', () => {
  it('are for admins of the organization: listed newest first with a cursor, retried and canceled by state', async () => {
    const { admin } = await createTestOrg(deps);
    const rep = await createTestUser(deps, admin, 'rep');
    const other = await createTestOrg(deps);
    const far = new Date(clock.now().getTime() + 86_400_000);
    const made: string[] = [];
    for (let i = 0; i < 3; i++) {
      clock.advance(1000);
      made.push(
        (
          await transaction(deps.db, (trx) =>
            queue.enqueue(trx, { orgId: admin.orgId, kind: 'import', payload: { n: i }, runAt: far }),
          )
        ).id,
      );
    }
    const first = await api.as(admin, { method: 'GET', url: '/api/v1/jobs?limit=2&status=queued' });
    expect(first.statusCode, first.body).toBe(200);
    const page = first.json<{ items: JobDto[]; nextCursor: string | null }>();
    expect(page.items.map((j) => j.id)).toEqual([made[2], made[1]]);
    expect(page.items[0]).toMatchObject({ kind: 'import', status: 'queued', attempts: 0, runningOn: null });
    const second = await api.as(admin, {
      method: 'GET',
      url: `/api/v1/jobs?limit=2&cursor=${encodeURIComponent(page.nextCursor ?? '')}`,
    });
    expect(second.json<{ items: JobDto[] }>().items.map((j) => j.id)).toEqual([made[0]]);

    expect((await api.as(rep, { method: 'GET', url: '/api/v1/jobs' })).statusCode).toBe(403);
    expect((await api.as(other.admin, { method: 'GET', url: `/api/v1/jobs/${made[0]}` })).statusCode).toBe(404);
    expect((await api.as(other.admin, { method: 'POST', url: `/api/v1/jobs/${made[0]}/cancel` })).statusCode).toBe(404);
    const bad = await api.as(admin, { method: 'GET', url: '/api/v1/jobs?status=sleeping&limit=0' });
    expect(bad.statusCode).toBe(422);
    expect(
      bad
        .json<{ errors: { field: string }[] }>()
        .errors.map((e) => e.field)
        .sort(),
    ).toEqual(['limit', 'status.0']);

    const retryQueued = await api.as(admin, { method: 'POST', url: `/api/v1/jobs/${made[0]}/retry` });
    expect(retryQueued.statusCode).toBe(409);
    const canceled = await api.as(admin, { method: 'POST', url: `/api/v1/jobs/${made[0]}/cancel` });
    expect(canceled.json<JobDto>()).toMatchObject({ status: 'canceled' });
    expect((await api.as(admin, { method: 'POST', url: `/api/v1/jobs/${made[0]}/cancel` })).statusCode).toBe(409);
    const retried = await api.as(admin, { method: 'POST', url: `/api/v1/jobs/${made[0]}/retry` });
    expect(retried.json<JobDto>()).toMatchObject({ status: 'queued', attempts: 0 });
  });

  it('deletes succeeded jobs after a week, keeping failed ones', async () => {
    const { admin } = await createTestOrg(deps);
    const [ok, broken] = await transaction(deps.db, async (trx) => [
      await enqueueJob({ jobs: queue }, trx, { orgId: admin.orgId, kind: 'ok', payload: {} }),
      await enqueueJob({ jobs: queue }, trx, { orgId: admin.orgId, kind: 'broken', payload: {} }),
    ]);
    await until(jobOf(admin.orgId, ok.id), (j) => j?.status === 'succeeded');
    await until(jobOf(admin.orgId, broken.id), (j) => j?.status === 'failed');
    clock.advance(7 * 24 * 3_600_000 + 60_000);
    await until(jobOf(admin.orgId, ok.id), (j) => j === undefined);
    expect((await repo.getJob(deps.db, admin.orgId, broken.id))?.status).toBe('failed');
  });
});
