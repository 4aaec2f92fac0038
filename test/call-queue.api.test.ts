import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../src/contract/access.ts';
import type { ActivityDto } from '../src/contract/activities.ts';
import type { CallQueueDto } from '../src/contract/call-queue.ts';
import type { LeadDto } from '../src/contract/leads.ts';
import { ManualClock } from '../src/domain/deps.ts';
import { createApi, type Api } from './helpers/api.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg, createTestTeam, createTestUser } from './helpers/factories.ts';

let deps: TestDeps;
let api: Api;
// Monday 2 March 2026, 09:00 UTC: in the default business hours of an organization in UTC.
const start = '2026-03-02T09:00:00.000Z';
const clock = new ManualClock(start);

beforeAll(async () => {
  deps = await createTestDeps({ clock });
  api = await createApi(deps);
});
afterAll(async () => {
  await api.close();
  await deps.cleanup();
});
beforeEach(() => clock.set(start));

async function call<T>(actor: Actor, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) {
  const r = await api.as(actor, { method, url, ...(payload ? { payload } : {}) });
  return { status: r.statusCode, body: r.json<T>(), raw: r };
}

const fieldsOf = (res: LightMyRequestResponse) =>
  res
    .json<{ errors: { field: string }[] }>()
    .errors.map((e) => e.field)
    .sort();

async function world() {
  const org = await createTestOrg(deps);
  const team = await createTestTeam(deps, org.admin, 'inside_sales');
  const manager = await createTestUser(deps, org.admin, 'manager', { teamId: team.id });
  const rep = await createTestUser(deps, org.admin, 'inside_sales', { teamId: team.id, managerId: manager.userId });
  const otherRep = await createTestUser(deps, org.admin, 'inside_sales');
  const marketer = await createTestUser(deps, org.admin, 'marketing');
  const auditor = await createTestUser(deps, org.admin, 'auditor');
  return { ...org, manager, rep, otherRep, marketer, auditor };
}

/** A lead created at the clock's time, owned by `ownerId`; identical leads score alike. */
async function newLead(creator: Actor, ownerId: string, lastName: string): Promise<LeadDto> {
  const r = await call<LeadDto>(creator, 'POST', '/api/v1/leads', { lastName, company: 'Analytical', ownerId });
  expect(r.status).toBe(201);
  return r.body;
}

const queueOf = async (actor: Actor, query = '') => {
  const r = await call<CallQueueDto>(actor, 'GET', `/api/v1/call-queue${query}`);
  expect(r.status).toBe(200);
  return r.body;
};
const names = (q: CallQueueDto) => q.items.map((i) => i.lead.lastName);

describe('call queue', () => {
  it('ranks by call back, SLA, score and age; a call back later moves the lead, and brings it back when due', async () => {
    const w = await world();
    const babbage = await newLead(w.marketer, w.rep.userId, 'Babbage');
    clock.set('2026-03-02T09:10:00.000Z');
    const lovelace = await newLead(w.marketer, w.rep.userId, 'Lovelace');
    clock.set('2026-03-02T09:20:00.000Z');
    const hopper = await newLead(w.marketer, w.rep.userId, 'Hopper');
    await newLead(w.marketer, w.otherRep.userId, 'Elsewhere');

    // Alike in score: the oldest first.
    let q = await queueOf(w.rep);
    expect(names(q)).toEqual(['Babbage', 'Lovelace', 'Hopper']);
    expect(q.items.map((i) => i.reason)).toEqual(['ready', 'ready', 'ready']);
    expect(q.total).toBe(3);
    expect(q.items[0]?.lead.lastTouchedAt).toBeNull();

    // Marketing hands Hopper over as an MQL: the SLA clock puts it first.
    const handed = await api.as(w.marketer, {
      method: 'POST',
      url: `/api/v1/leads/${hopper.id}/lifecycle`,
      payload: { stage: 'mql' },
      headers: { 'if-match': String(hopper.version) },
    });
    expect(handed.statusCode).toBe(200);
    q = await queueOf(w.rep);
    expect(names(q)).toEqual(['Hopper', 'Babbage', 'Lovelace']);
    expect(q.items[0]?.reason).toBe('sla');
    expect(q.items[0]?.slaDueAt).not.toBeNull();

    // The rep calls Babbage at 09:30 (30 minutes after it came in) and promises to call back
    // tomorrow at 10:00: Babbage sinks to the end.
    clock.set('2026-03-02T09:30:00.000Z');
    const callRes = await call<ActivityDto>(w.rep, 'POST', '/api/v1/activities', {
      type: 'call',
      leadId: babbage.id,
      direction: 'outbound',
      disposition: 'call_back_later',
    });
    expect(callRes.status).toBe(201);
    const task = await call<ActivityDto>(w.rep, 'POST', '/api/v1/activities', {
      type: 'task',
      leadId: babbage.id,
      subject: 'Call Babbage back',
      dueAt: '2026-03-03T10:00:00.000Z',
    });
    expect(task.status).toBe(201);
    q = await queueOf(w.rep);
    expect(names(q)).toEqual(['Hopper', 'Lovelace', 'Babbage']);
    const b = q.items[2];
    expect(b?.reason).toBe('call_back_later');
    expect(b?.callBack).toEqual({
      taskId: task.body.id,
      subject: 'Call Babbage back',
      dueAt: '2026-03-03T10:00:00.000Z',
    });
    expect(b?.firstCallAt).toBe('2026-03-02T09:30:00.000Z');
    expect(b?.minutesToFirstCall).toBe(30);
    expect(b?.lead.lastTouchedAt).toBe('2026-03-02T09:30:00.000Z');

    // Tomorrow at 10:05 the call back is due: Babbage is first again.
    clock.set('2026-03-03T10:05:00.000Z');
    q = await queueOf(w.rep);
    expect(names(q)[0]).toBe('Babbage');
    expect(q.items[0]?.reason).toBe('call_back_due');

    // Done with the task: Babbage is back among the others by age (Hopper's SLA still runs).
    const done = await api.as(w.rep, {
      method: 'PATCH',
      url: `/api/v1/activities/${task.body.id}`,
      payload: { completed: true },
      headers: { 'if-match': String(task.body.version) },
    });
    expect(done.statusCode).toBe(200);
    q = await queueOf(w.rep);
    expect(names(q)).toEqual(['Hopper', 'Babbage', 'Lovelace']);
    expect(lovelace.id).toBe(q.items[2]?.lead.id);
  });

  it('pages through the whole queue', async () => {
    const w = await world();
    for (const [i, n] of ['A', 'B', 'C'].entries()) {
      clock.set(new Date(Date.parse(start) + i * 60_000).toISOString());
      await newLead(w.admin, w.rep.userId, n);
    }
    const p1 = await queueOf(w.rep, '?limit=2');
    expect(names(p1)).toEqual(['A', 'B']);
    expect(p1.nextCursor).toBe('2');
    const p2 = await queueOf(w.rep, `?limit=2&cursor=${p1.nextCursor}`);
    expect(names(p2)).toEqual(['C']);
    expect(p2.nextCursor).toBeNull();
  });

  it('shows each user only the queues they may work; other tenants see nothing', async () => {
    const w = await world();
    await newLead(w.admin, w.rep.userId, 'Mine');
    expect(names(await queueOf(w.otherRep))).toEqual([]);
    // Another inside rep's queue is not theirs to open.
    const peek = await call(w.otherRep, 'GET', `/api/v1/call-queue?ownerId=${w.rep.userId}`);
    expect(peek.status).toBe(404);
    // The manager opens the team member's queue; the admin anyone's.
    expect(names(await queueOf(w.manager, `?ownerId=${w.rep.userId}`))).toEqual(['Mine']);
    expect(names(await queueOf(w.admin, `?ownerId=${w.rep.userId}`))).toEqual(['Mine']);
    expect((await call(w.manager, 'GET', `/api/v1/call-queue?ownerId=${w.otherRep.userId}`)).status).toBe(404);
    // Roles that do not call leads have no queue.
    expect((await call(w.marketer, 'GET', '/api/v1/call-queue')).status).toBe(403);
    expect((await call(w.auditor, 'GET', '/api/v1/call-queue')).status).toBe(403);
    // Another organization's admin cannot name this rep.
    const other = await createTestOrg(deps);
    expect((await call(other.admin, 'GET', `/api/v1/call-queue?ownerId=${w.rep.userId}`)).status).toBe(404);
    expect(names(await queueOf(other.admin))).toEqual([]);
  });

  it('refuses a bad query naming every bad field', async () => {
    const w = await world();
    const r = await call(w.rep, 'GET', '/api/v1/call-queue?limit=0&cursor=abc&ownerId=nope&colour=red');
    expect(r.status).toBe(422);
    expect(r.raw.headers['content-type']).toContain('application/problem+json');
    expect(fieldsOf(r.raw)).toEqual(['colour', 'cursor', 'limit', 'ownerId']);
  });
});
