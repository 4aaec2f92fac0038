import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebhookAttemptDto, WebhookDto, WebhookWithSecretDto } from '../src/contract/webhooks.ts';
import { createApi, type Api } from './helpers/api.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg, createTestUser } from './helpers/factories.ts';
import { startReceiver, type Receiver } from './helpers/webhook-receiver.ts';

let deps: TestDeps;
let api: Api;
let receiver: Receiver;

beforeAll(async () => {
  deps = await createTestDeps({ webhooks: { allowPrivate: true } });
  api = await createApi(deps);
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.close();
  await api.close();
  await deps.cleanup();
});

describe('webhooks over HTTP', () => {
  it('lets admins manage endpoints, shows the secret only on creation and rotation, and logs attempts', async () => {
    const { admin } = await createTestOrg(deps);
    const created = await api.as(admin, {
      method: 'POST',
      url: '/api/v1/webhooks',
      payload: { url: receiver.url, eventTypes: ['deal.*', 'lead.converted'], description: 'CRM sync' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const ep = created.json<WebhookWithSecretDto>();
    expect(ep).toMatchObject({ enabled: true, eventTypes: ['deal.*', 'lead.converted'], backlog: 0, version: 1 });
    expect(ep.secret).toMatch(/^whsec_/);

    const got = await api.as(admin, { method: 'GET', url: `/api/v1/webhooks/${ep.id}` });
    expect(got.statusCode).toBe(200);
    expect(got.json()).not.toHaveProperty('secret');
    const list = await api.as(admin, { method: 'GET', url: '/api/v1/webhooks' });
    expect(list.json<{ items: WebhookDto[] }>().items.map((w) => w.id)).toEqual([ep.id]);

    const noVersion = await api.as(admin, {
      method: 'PATCH',
      url: `/api/v1/webhooks/${ep.id}`,
      payload: { enabled: false },
    });
    expect(noVersion.statusCode).toBe(428);
    const paused = await api.as(admin, {
      method: 'PATCH',
      url: `/api/v1/webhooks/${ep.id}`,
      headers: { 'if-match': '1' },
      payload: { enabled: false },
    });
    expect(paused.json()).toMatchObject({ enabled: false, disabledReason: 'Disabled by an administrator', version: 2 });
    const stale = await api.as(admin, {
      method: 'PATCH',
      url: `/api/v1/webhooks/${ep.id}`,
      headers: { 'if-match': '1' },
      payload: { description: 'x' },
    });
    expect(stale.statusCode).toBe(409);

    const rotated = await api.as(admin, {
      method: 'POST',
      url: `/api/v1/webhooks/${ep.id}/rotate-secret`,
      payload: { overlapHours: 2 },
    });
    expect(rotated.statusCode).toBe(200);
    expect(rotated.json<WebhookWithSecretDto>().secret).not.toBe(ep.secret);
    expect(rotated.json<WebhookDto>().previousSecretExpiresAt).not.toBeNull();

    // "Send test event" works on a paused endpoint and shows in the attempts log.
    receiver.answer = () => ({ status: 202, body: 'thanks' });
    const test = await api.as(admin, { method: 'POST', url: `/api/v1/webhooks/${ep.id}/test` });
    receiver.answer = () => ({ status: 204 });
    expect(test.statusCode, test.body).toBe(200);
    expect(test.json()).toMatchObject({ outcome: 'delivered', status: 202, responseExcerpt: 'thanks', test: true });
    expect(receiver.received.at(-1)?.headers['webhook-signature']?.split(' ')).toHaveLength(2);
    const attempts = await api.as(admin, { method: 'GET', url: `/api/v1/webhooks/${ep.id}/attempts?limit=10` });
    expect(attempts.json<{ items: WebhookAttemptDto[] }>().items).toHaveLength(1);

    const replay = await api.as(admin, {
      method: 'POST',
      url: `/api/v1/webhooks/${ep.id}/replay?from=2020-01-01T00:00:00Z`,
    });
    expect(replay.statusCode, replay.body).toBe(200);
    expect(replay.json<WebhookDto>().cursorSeq).toBe(0);

    const del = await api.as(admin, {
      method: 'DELETE',
      url: `/api/v1/webhooks/${ep.id}`,
      headers: { 'if-match': String(replay.json<WebhookDto>().version) },
    });
    expect(del.statusCode).toBe(204);
    expect((await api.as(admin, { method: 'GET', url: `/api/v1/webhooks/${ep.id}` })).statusCode).toBe(404);

    const types = await deps.db
      .selectFrom('events')
      .select(['type', 'data'])
      .where('org_id', '=', admin.orgId)
      .where('entity_id', '=', ep.id)
      .orderBy('id')
      .execute();
    expect(types.map((e) => e.type)).toEqual([
      'webhook_endpoint.created',
      'webhook_endpoint.updated',
      'webhook_endpoint.secret_rotated',
      'webhook_endpoint.replayed',
      'webhook_endpoint.deleted',
    ]);
    expect(JSON.stringify(types)).not.toContain('whsec_');
  });

  it('refuses other roles and other organizations, and names every bad field', async () => {
    const { admin } = await createTestOrg(deps);
    const other = await createTestOrg(deps);
    const rep = await createTestUser(deps, admin, 'rep');
    const auditor = await createTestUser(deps, admin, 'auditor');
    const ep = (
      await api.as(admin, {
        method: 'POST',
        url: '/api/v1/webhooks',
        payload: { url: receiver.url, eventTypes: ['*'] },
      })
    ).json<WebhookDto>();

    for (const actor of [rep, auditor]) {
      expect((await api.as(actor, { method: 'GET', url: '/api/v1/webhooks' })).statusCode).toBe(403);
      const post = await api.as(actor, {
        method: 'POST',
        url: '/api/v1/webhooks',
        payload: { url: receiver.url, eventTypes: ['*'] },
      });
      expect(post.statusCode).toBe(403);
    }
    expect((await api.as(other.admin, { method: 'GET', url: `/api/v1/webhooks/${ep.id}` })).statusCode).toBe(404);
    expect((await api.as(other.admin, { method: 'POST', url: `/api/v1/webhooks/${ep.id}/test` })).statusCode).toBe(404);
    expect((await api.as(other.admin, { method: 'GET', url: '/api/v1/webhooks' })).json()).toEqual({
      items: [],
      nextCursor: null,
    });

    const bad = await api.as(admin, {
      method: 'POST',
      url: '/api/v1/webhooks',
      payload: { url: 'ftp://example.com', eventTypes: ['Deal', 'deal.*', 'deal.*'], secret: 'whsec_short', colour: 1 },
    });
    expect(bad.statusCode).toBe(422);
    const fields = bad.json<{ errors: { field: string }[] }>().errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['url', 'eventTypes.0', 'eventTypes', 'secret']));
    expect(bad.body).toContain('colour');

    const badFrom = await api.as(admin, { method: 'POST', url: `/api/v1/webhooks/${ep.id}/replay?from=yesterday` });
    expect(badFrom.statusCode).toBe(422);
    expect(badFrom.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['from']);
  });

  it('accepts only event types and record kinds of the catalog in a filter, naming each bad one', async () => {
    const { admin } = await createTestOrg(deps);
    const bad = await api.as(admin, {
      method: 'POST',
      url: '/api/v1/webhooks',
      payload: { url: receiver.url, eventTypes: ['deal.won', 'deal.teleported', 'spaceship.*', 'lead.*'] },
    });
    expect(bad.statusCode).toBe(422);
    const errors = bad.json<{ errors: { field: string; message: string }[] }>().errors;
    expect(errors.map((e) => e.field)).toEqual(['eventTypes.1', 'eventTypes.2']);
    expect(errors[0]?.message).toMatch(/deal.teleported is not an event type/);
    expect(errors[1]?.message).toMatch(/spaceship is not a kind of record/);
    const list = await api.as(admin, { method: 'GET', url: '/api/v1/webhooks' });
    expect(list.json<{ items: unknown[] }>().items).toEqual([]);

    const created = await api.as(admin, {
      method: 'POST',
      url: '/api/v1/webhooks',
      payload: { url: receiver.url, eventTypes: ['deal.won', 'webhook_endpoint.*'] },
    });
    expect(created.statusCode).toBe(201);
    const ep = created.json<WebhookDto>();
    const patch = await api.as(admin, {
      method: 'PATCH',
      url: `/api/v1/webhooks/${ep.id}`,
      headers: { 'if-match': String(ep.version) },
      payload: { eventTypes: ['deal.closed'] },
    });
    expect(patch.statusCode).toBe(422);
    expect(patch.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['eventTypes.0']);
  });
});
