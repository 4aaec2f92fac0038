import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../src/modules/accounts/accounts.service.ts';
import * as jobs from '../src/modules/jobs/jobs.repository.ts';
import { WebhookDispatcher } from '../src/modules/webhooks/webhook-dispatcher.ts';
import { WEBHOOK_JOB } from '../src/modules/webhooks/webhook-jobs.ts';
import * as svc from '../src/modules/webhooks/webhooks.service.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg } from './helpers/factories.ts';
import { settleJobs } from './helpers/jobs.ts';
import { startReceiver, type Receiver } from './helpers/webhook-receiver.ts';

let deps: TestDeps;
let receiver: Receiver;
let dispatcher: WebhookDispatcher;

beforeAll(async () => {
  // A served process: the job runner of the engine, the dispatcher queueing due endpoints.
  deps = await createTestDeps({ runJobs: true, webhooks: { allowPrivate: true } });
  receiver = await startReceiver();
  dispatcher = new WebhookDispatcher(deps, { pollMs: 100 });
  dispatcher.start();
});
afterAll(async () => {
  await dispatcher.stop();
  await receiver.close();
  await deps.cleanup();
});

describe('webhook delivery on the job queue', () => {
  it('queues a delivery job when events are sealed and delivers every event once, in log order', async () => {
    const { admin } = await createTestOrg(deps);
    const ep = await svc.createWebhook(deps, admin, { url: receiver.url, eventTypes: ['account.created'] });
    const names = Array.from({ length: 25 }, (_, i) => `Account ${i}`);
    for (const name of names) await createAccount(deps, admin, { name });
    await receiver.waitFor(names.length);
    await settleJobs(deps);
    const bodies = receiver.received.map((r) => JSON.parse(r.body) as { data: { seq: number; payload: unknown } });
    const seqs = bodies.map((b) => b.data.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(receiver.received.map((r) => r.headers['webhook-id'])).size).toBe(names.length);
    expect(receiver.received).toHaveLength(names.length);
    const runs = (await jobs.listJobs(deps.db, admin.orgId, { kind: [WEBHOOK_JOB], limit: 100 })).filter(
      (j) => j.payload.endpointId === ep.id,
    );
    expect(runs.length).toBeGreaterThan(0);
    expect(runs.every((j) => j.status === 'succeeded')).toBe(true);
    expect((await svc.getWebhook(deps, admin, ep.id)).backlog).toBe(0);
  });
});
