import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEventDto } from '../src/contract/audit.ts';
import { ManualClock } from '../src/domain/deps.ts';
import { createApi, type Api } from './helpers/api.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg, createTestUser } from './helpers/factories.ts';

let deps: TestDeps;
let api: Api;
const clock = new ManualClock('2026-03-02T08:00:00.000Z');

beforeAll(async () => {
  deps = await createTestDeps({ clock });
  api = await createApi(deps);
});
afterAll(async () => {
  await api.close();
  await deps.cleanup();
});

const fieldsOf = (res: LightMyRequestResponse) =>
  res
    .json<{ errors: { field: string }[] }>()
    .errors.map((e) => e.field)
    .sort();

type EventPage = { items: AuditEventDto[]; nextCursor: string | null };

describe('audit events', () => {
  it('lists the log newest first with before/after, filtered by entity, actor, type and time', async () => {
    const org = await createTestOrg(deps);
    const rep = await createTestUser(deps, org.admin, 'rep');
    const auditor = await createTestUser(deps, org.admin, 'auditor');
    for (const a of [org.admin, rep, auditor]) await api.tokenFor(a);

    clock.set('2026-03-02T09:00:00.000Z');
    const created = await api.as(org.admin, { method: 'POST', url: '/api/v1/accounts', payload: { name: 'Fjord' } });
    expect(created.statusCode).toBe(201);
    const account = created.json<{ id: string; version: number }>();
    clock.set('2026-03-02T10:00:00.000Z');
    const renamed = await api.as(org.admin, {
      method: 'PATCH',
      url: `/api/v1/accounts/${account.id}`,
      headers: { 'if-match': String(account.version) },
      payload: { name: 'Fjord Logistics' },
    });
    expect(renamed.statusCode).toBe(200);
    clock.set('2026-03-02T11:00:00.000Z');
    const contact = await api.as(rep, { method: 'POST', url: '/api/v1/contacts', payload: { lastName: 'Berg' } });
    expect(contact.statusCode).toBe(201);

    const list = async (query: string) => {
      const res = await api.as(auditor, { method: 'GET', url: `/api/v1/audit/events?${query}` });
      expect(res.statusCode).toBe(200);
      return res.json<EventPage>();
    };
    const accountEvents = await list('entityType=account');
    expect(accountEvents.items.map((e) => e.type)).toEqual(['account.updated', 'account.created']);
    expect(accountEvents.items[0]).toMatchObject({
      entityId: account.id,
      occurredAt: '2026-03-02T10:00:00.000Z',
      actor: { id: org.admin.userId, name: 'Ada Admin' },
      data: { changes: { name: { from: 'Fjord', to: 'Fjord Logistics' } } },
    });
    expect(accountEvents.items[1]?.data).toMatchObject({ after: { name: 'Fjord' } });
    expect((await list('type=account.*')).items.map((e) => e.type)).toEqual(['account.updated', 'account.created']);
    expect((await list('type=account.updated')).items).toHaveLength(1);
    expect((await list(`entityId=${account.id}&type=account.created`)).items).toHaveLength(1);
    expect((await list(`actorId=${rep.userId}`)).items.map((e) => e.type)).toEqual([
      'contact.created',
      'api_token.created',
    ]);
    expect((await list('from=2026-03-02T09:30:00Z&to=2026-03-02T10:30:00Z')).items.map((e) => e.type)).toEqual([
      'account.updated',
    ]);

    // Pages follow the cursor without gaps or repeats.
    const first = await list('entityType=account&limit=1');
    expect(first.items.map((e) => e.type)).toEqual(['account.updated']);
    const second = await list(`entityType=account&limit=1&cursor=${first.nextCursor ?? ''}`);
    expect(second.items.map((e) => e.type)).toEqual(['account.created']);
    expect(second.nextCursor).toBeNull();

    // Admins read it too; other roles are refused.
    expect((await api.as(org.admin, { method: 'GET', url: '/api/v1/audit/events' })).statusCode).toBe(200);
    expect((await api.as(rep, { method: 'GET', url: '/api/v1/audit/events' })).statusCode).toBe(403);
  });

  it('refuses bad filters by name', async () => {
    const org = await createTestOrg(deps);
    const res = await api.as(org.admin, {
      method: 'GET',
      url: '/api/v1/audit/events?type=bad&actorId=x&from=2026-03-02T10:00:00Z&to=2026-03-01T10:00:00Z',
    });
    expect(res.statusCode).toBe(422);
    expect(fieldsOf(res)).toEqual(['actorId', 'to', 'type']);
    const window = await api.as(org.admin, {
      method: 'GET',
      url: '/api/v1/audit/events?from=2026-03-02T10:00:00Z&to=2026-03-01T10:00:00Z',
    });
    expect(window.statusCode).toBe(422);
    expect(fieldsOf(window)).toEqual(['to']);
  });
});
