import dns from 'node:dns/promises';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/contract/access.ts';
import { WEBHOOK_RETRY_DELAYS_MS, webhookEventPayloadSchema } from '../src/contract/webhooks.ts';
import { ManualClock } from '../src/domain/deps.ts';
import { createAccount, updateAccount } from '../src/modules/accounts/accounts.service.ts';
import { deliverEndpoint } from '../src/modules/webhooks/deliver-endpoint.ts';
import { createHttpTransport } from '../src/modules/webhooks/webhook-transport.ts';
import * as svc from '../src/modules/webhooks/webhooks.service.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg } from './helpers/factories.ts';
import { startReceiver, type Receiver } from './helpers/webhook-receiver.ts';

// Starts at the real time: the standardwebhooks receiver refuses timestamps 5 minutes off.
const clock = new ManualClock(new Date());
/** Where the resolver of the test deps sends `hooks.example.test` (changed by the rebinding test). */
let exampleAddress = '93.184.216.34';
let deps: TestDeps;
let open: TestDeps;
let receiver: Receiver;

beforeAll(async () => {
  const resolve = async (host: string) =>
    host === 'hooks.example.test' ? [{ address: exampleAddress, family: 4 }] : dns.lookup(host, { all: true });
  deps = await createTestDeps({ clock, webhooks: { allowPrivate: false, resolve } });
  // The same database seen by a server that allows private receivers (the tests' receiver is on 127.0.0.1).
  const webhooks = { ...deps.webhooks, allowPrivate: true };
  open = { ...deps, webhooks, webhookTransport: createHttpTransport(webhooks) };
  receiver = await startReceiver();
});
afterAll(async () => {
  open.webhookTransport.close();
  await receiver.close();
  await deps.cleanup();
});

async function accountEvents(admin: Actor, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await createAccount(deps, admin, { name: `Account ${i}` });
  await deps.sealer.flush(admin.orgId);
}

const run = (orgId: string, id: string, owner = 'server-a') => deliverEndpoint(open, owner, orgId, id);

describe('webhook delivery', () => {
  it('signs every delivery so a standardwebhooks receiver verifies it, in log order, with the previous event of the record', async () => {
    const { admin } = await createTestOrg(deps);
    const ep = await svc.createWebhook(open, admin, { url: receiver.url, eventTypes: ['account.*'] });
    expect(ep.secret).toMatch(/^whsec_/);
    const a = await createAccount(deps, admin, { name: 'Acme' });
    await updateAccount(deps, admin, a.id, a.version, { name: 'Acme Inc' });
    await createAccount(deps, admin, { name: 'Globex' });
    await deps.sealer.flush(admin.orgId);
    receiver.received.length = 0;

    // Two servers at once: the lease lets one of them deliver; the other finds nothing due.
    const runs = await Promise.all([run(admin.orgId, ep.id, 'server-a'), run(admin.orgId, ep.id, 'server-b')]);
    expect(runs.map((r) => r.delivered).sort()).toEqual([0, 3]);

    const wh = new Webhook(ep.secret);
    const payloads = receiver.received.map((r) => webhookEventPayloadSchema.parse(wh.verify(r.body, r.headers)));
    expect(payloads.map((p) => p.type)).toEqual(['account.created', 'account.updated', 'account.created']);
    const seqs = payloads.map((p) => p.data.seq);
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    expect(receiver.received.map((r) => r.headers['webhook-id'])).toEqual(payloads.map((p) => p.data.eventId));
    expect(payloads[0]?.data).toMatchObject({ entityType: 'account', entityId: a.id, previousEventId: null });
    expect(payloads[1]?.data.previousEventId).toBe(payloads[0]?.data.eventId);
    expect(payloads[2]?.data.previousEventId).toBeNull();
    expect(payloads[1]?.data.payload).toMatchObject({ changes: { name: { from: 'Acme', to: 'Acme Inc' } } });

    // A tampered body does not verify.
    const first = receiver.received[0]!;
    expect(() => wh.verify(first.body.replace('Acme', 'Acmf'), first.headers)).toThrow();

    // Rotation with overlap: both secrets verify; without overlap only the new one.
    const rotated = await svc.rotateWebhookSecret(open, admin, ep.id, { overlapHours: 1 });
    await accountEvents(admin, 1);
    receiver.received.length = 0;
    await run(admin.orgId, ep.id);
    const [overlapped] = receiver.received;
    expect(overlapped!.headers['webhook-signature']!.split(' ')).toHaveLength(2);
    expect(() => new Webhook(ep.secret).verify(overlapped!.body, overlapped!.headers)).not.toThrow();
    expect(() => new Webhook(rotated.secret).verify(overlapped!.body, overlapped!.headers)).not.toThrow();
    const again = await svc.rotateWebhookSecret(open, admin, ep.id, { overlapHours: 0 });
    await accountEvents(admin, 1);
    receiver.received.length = 0;
    await run(admin.orgId, ep.id);
    const [single] = receiver.received;
    expect(() => new Webhook(rotated.secret).verify(single!.body, single!.headers)).toThrow();
    expect(() => new Webhook(again.secret).verify(single!.body, single!.headers)).not.toThrow();

    // Replay from a time: the cursor moves back and the same events come again, in order.
    const before = (await svc.getWebhook(open, admin, ep.id)).cursorSeq;
    await svc.replayWebhook(open, admin, ep.id, new Date(0));
    receiver.received.length = 0;
    await run(admin.orgId, ep.id);
    const replayed = receiver.received.map((r) => webhookEventPayloadSchema.parse(JSON.parse(r.body)));
    expect(replayed.slice(0, 3).map((p) => p.type)).toEqual(['account.created', 'account.updated', 'account.created']);
    expect(replayed.at(-1)?.data.seq).toBe(before);
  });

  it('skips the events its filter does not select and moves the cursor past them', async () => {
    const { admin } = await createTestOrg(deps);
    const ep = await svc.createWebhook(open, admin, { url: receiver.url, eventTypes: ['deal.*', 'lead.converted'] });
    await accountEvents(admin, 3);
    receiver.received.length = 0;
    expect(await run(admin.orgId, ep.id)).toEqual({ outcome: 'caught_up', delivered: 0 });
    expect(receiver.received).toHaveLength(0);
    const after = await svc.getWebhook(open, admin, ep.id);
    expect(after.backlog).toBe(0);
    expect(after.cursorSeq).toBeGreaterThan(ep.cursorSeq);
    // Nothing is due any more: another run takes no lease and sends nothing.
    expect(await run(admin.orgId, ep.id)).toEqual({ outcome: 'caught_up', delivered: 0 });
  });

  it('retries on the schedule of a controlled clock, honours Retry-After, and resumes in order after success', async () => {
    const { admin } = await createTestOrg(deps);
    const ep = await svc.createWebhook(open, admin, { url: receiver.url, eventTypes: ['account.*'] });
    await accountEvents(admin, 2);
    receiver.received.length = 0;
    receiver.answer = () => ({ status: 500, body: 'receiver is down' });
    try {
      const start = clock.now().getTime();
      let at = start;
      // Attempt 1 at once, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, and every 10 h after that.
      const delays = [...WEBHOOK_RETRY_DELAYS_MS, 10 * 3_600_000];
      expect((await run(admin.orgId, ep.id)).outcome).toBe('failed');
      for (const [i, delay] of delays.entries()) {
        const state = await svc.getWebhook(open, admin, ep.id);
        expect(state.failedAttempts).toBe(i + 1);
        expect(state.nextAttemptAt).toBe(new Date(at + delay).toISOString());
        clock.set(new Date(at + delay - 1));
        expect(await run(admin.orgId, ep.id)).toEqual({ outcome: 'not_due', delivered: 0 });
        at += delay;
        clock.set(new Date(at));
        expect((await run(admin.orgId, ep.id)).outcome).toBe('failed');
      }
      expect(receiver.received).toHaveLength(delays.length + 1);
      // Every attempt was at the same event: the first after the cursor.
      expect(new Set(receiver.received.map((r) => r.headers['webhook-id'])).size).toBe(1);

      receiver.answer = () => ({ status: 503, headers: { 'retry-after': '120' } });
      clock.set(new Date((at += 10 * 3_600_000)));
      await run(admin.orgId, ep.id);
      expect((await svc.getWebhook(open, admin, ep.id)).nextAttemptAt).toBe(new Date(at + 120_000).toISOString());

      receiver.answer = () => ({ status: 200, body: 'ok' });
      clock.set(new Date(at + 120_000));
      expect(await run(admin.orgId, ep.id)).toMatchObject({ outcome: 'caught_up', delivered: 2 });
      const ids = receiver.received.map((r) => r.headers['webhook-id']);
      expect(new Set(ids).size).toBe(2);
      const done = await svc.getWebhook(open, admin, ep.id);
      expect(done).toMatchObject({ failedAttempts: 0, nextAttemptAt: null, failingSince: null, backlog: 0 });

      const log = await svc.listWebhookAttempts(open, admin, ep.id, { limit: 200 });
      const oldestFirst = [...log.items].reverse();
      expect(oldestFirst.map((x) => x.attempt)).toEqual([...Array.from({ length: 10 }, (_, i) => i + 1), 11, 1]);
      expect(oldestFirst[0]).toMatchObject({ outcome: 'failed', status: 500, responseExcerpt: 'receiver is down' });
      expect(oldestFirst.at(-1)).toMatchObject({ outcome: 'delivered', status: 200, responseExcerpt: 'ok' });
    } finally {
      receiver.answer = () => ({ status: 204 });
      clock.set(new Date());
    }
  });

  it('disables the endpoint on 410 Gone and after 5 days of failures, with the reason; enabling resumes from the cursor', async () => {
    const { admin } = await createTestOrg(deps);
    const gone = await svc.createWebhook(open, admin, { url: receiver.url, eventTypes: ['account.*'] });
    await accountEvents(admin, 1);
    receiver.answer = () => ({ status: 410 });
    try {
      expect((await run(admin.orgId, gone.id)).outcome).toBe('disabled');
      const disabled = await svc.getWebhook(open, admin, gone.id);
      expect(disabled).toMatchObject({ enabled: false, version: gone.version + 1 });
      expect(disabled.disabledReason).toContain('410');
      expect(await run(admin.orgId, gone.id)).toEqual({ outcome: 'not_due', delivered: 0 });
      await deps.sealer.flush(admin.orgId);
      const logged = await deps.db
        .selectFrom('events')
        .select(['type', 'actor_id'])
        .where('org_id', '=', admin.orgId)
        .where('entity_id', '=', gone.id)
        .orderBy('id')
        .execute();
      expect(logged.map((e) => e.type)).toEqual(['webhook_endpoint.created', 'webhook_endpoint.disabled']);

      receiver.answer = () => ({ status: 204 });
      receiver.received.length = 0;
      await svc.updateWebhook(open, admin, gone.id, disabled.version, { enabled: true });
      await run(admin.orgId, gone.id);
      expect(receiver.received.map((r) => (JSON.parse(r.body) as { type: string }).type)[0]).toBe('account.created');

      // Failing for 5 days: attempts go on every 10 h until the first failure 5 days after the first one.
      const failing = await svc.createWebhook(open, admin, { url: receiver.url, eventTypes: ['*'] });
      await accountEvents(admin, 1);
      receiver.answer = () => ({ status: 500 });
      const start = clock.now().getTime();
      let outcome = (await run(admin.orgId, failing.id)).outcome;
      for (let i = 0; i < 30 && outcome === 'failed'; i++) {
        const next = (await svc.getWebhook(open, admin, failing.id)).nextAttemptAt;
        clock.set(next!);
        outcome = (await run(admin.orgId, failing.id)).outcome;
      }
      expect(outcome).toBe('disabled');
      const off = await svc.getWebhook(open, admin, failing.id);
      expect(clock.now().getTime() - start).toBeGreaterThanOrEqual(5 * 24 * 3_600_000);
      expect(clock.now().getTime() - start).toBeLessThan(5 * 24 * 3_600_000 + 10 * 3_600_000);
      expect(off.disabledReason).toContain('5 days');
    } finally {
      receiver.answer = () => ({ status: 204 });
      clock.set(new Date());
    }
  });

  it('refuses private addresses by default: at registration, and at delivery when a name starts resolving to one', async () => {
    const { admin } = await createTestOrg(deps);
    for (const url of [
      receiver.url,
      `http://localhost:${receiver.port}/`,
      'http://[::1]/',
      'http://169.254.169.254/',
    ]) {
      const err = await svc.createWebhook(deps, admin, { url, eventTypes: ['*'] }).catch((e: unknown) => e);
      expect(err, url).toMatchObject({ code: 'validation_failed', fields: [{ field: 'url' }] });
    }
    // A public name at registration that resolves to the receiver's loopback address at delivery.
    exampleAddress = '93.184.216.34';
    const ep = await svc.createWebhook(deps, admin, {
      url: `http://hooks.example.test:${receiver.port}/`,
      eventTypes: ['account.*'],
    });
    exampleAddress = '127.0.0.1';
    try {
      await accountEvents(admin, 1);
      receiver.received.length = 0;
      expect((await deliverEndpoint(deps, 'server-a', admin.orgId, ep.id)).outcome).toBe('failed');
      expect(receiver.received).toHaveLength(0);
      const [attempt] = (await svc.listWebhookAttempts(deps, admin, ep.id, { limit: 1 })).items;
      expect(attempt).toMatchObject({ outcome: 'refused', status: null });
      expect(attempt?.error).toContain('127.0.0.1');
      // The test message is checked the same way.
      expect(await svc.sendTestWebhook(deps, admin, ep.id)).toMatchObject({ outcome: 'refused', test: true });
      expect(receiver.received).toHaveLength(0);
      // With private receivers allowed, the same endpoint is delivered to.
      clock.set((await svc.getWebhook(deps, admin, ep.id)).nextAttemptAt!);
      expect((await deliverEndpoint(open, 'server-a', admin.orgId, ep.id)).delivered).toBe(1);
    } finally {
      exampleAddress = '93.184.216.34';
      clock.set(new Date());
    }
  });
});
