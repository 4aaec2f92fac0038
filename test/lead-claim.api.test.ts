import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canClaimLead, type Actor } from '../src/contract/access.ts';
import type { CallQueueDto } from '../src/contract/call-queue.ts';
import type { LeadDto } from '../src/contract/leads.ts';
import { createApi, type Api } from './helpers/api.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg, createTestUser, type TestOrg } from './helpers/factories.ts';

let deps: TestDeps;
let api: Api;
let org: TestOrg;
let member: Actor; // works the Robotics territory as its member
let pooled: Actor; // works it through the territory's pool
let outsider: Actor; // works no territory
let marketing: Actor;

async function post<T>(actor: Actor, url: string, payload?: object, ifMatch?: string) {
  const r = await api.as(actor, {
    method: 'POST',
    url,
    ...(payload ? { payload } : {}),
    ...(ifMatch ? { headers: { 'if-match': ifMatch } } : {}),
  });
  return { status: r.statusCode, body: r.json<T>() };
}

async function unownedLead(lastName: string, extra: Record<string, unknown> = {}): Promise<LeadDto> {
  const r = await post<LeadDto>(org.admin, '/api/v1/leads', {
    lastName,
    company: `${lastName} AG`,
    ownerId: null,
    ...extra,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

async function queueOf(actor: Actor): Promise<CallQueueDto> {
  const r = await api.as(actor, { method: 'GET', url: '/api/v1/call-queue?limit=200' });
  expect(r.statusCode, r.body).toBe(200);
  return r.json<CallQueueDto>();
}

const claim = (actor: Actor, lead: { id: string; version: number }) =>
  post<{ ownerId?: string; title?: string; detail?: string }>(
    actor,
    `/api/v1/leads/${lead.id}/claim`,
    undefined,
    String(lead.version),
  );

beforeAll(async () => {
  deps = await createTestDeps();
  api = await createApi(deps);
  org = await createTestOrg(deps);
  member = await createTestUser(deps, org.admin, 'inside_sales', { name: 'Mia Member' });
  pooled = await createTestUser(deps, org.admin, 'inside_sales', { name: 'Paul Pool' });
  outsider = await createTestUser(deps, org.admin, 'inside_sales', { name: 'Otto Outside' });
  marketing = await createTestUser(deps, org.admin, 'marketing', { name: 'Mara Marketing' });
  const pool = await post<{ id: string }>(org.admin, '/api/v1/routing-pools', {
    name: 'Robotics callers',
    algorithm: 'count_based',
    members: [{ userId: pooled.userId }],
  });
  expect(pool.status, JSON.stringify(pool.body)).toBe(201);
  const territory = await post(org.admin, '/api/v1/territories', {
    name: 'Robotics',
    poolId: pool.body.id,
    criteria: { industries: ['Robotics'] },
    members: [{ userId: member.userId, role: 'inside' }],
  });
  expect(territory.status, JSON.stringify(territory.body)).toBe(201);
});
afterAll(async () => {
  await api.close();
  await deps.cleanup();
});

describe('the claim rule', () => {
  it('lets roles with a queue claim open unowned leads of their territories and those no territory holds', () => {
    const open = { ownerId: null, status: 'new', territoryMemberIds: ['u1'] };
    const as = (role: Actor['role'], userId = 'u1') => ({ role, userId });
    expect(canClaimLead(as('inside_sales'), open)).toBe(true);
    expect(canClaimLead(as('inside_sales', 'u2'), open)).toBe(false);
    expect(canClaimLead(as('inside_sales', 'u2'), { ...open, territoryMemberIds: null })).toBe(true);
    expect(canClaimLead(as('manager', 'u2'), open)).toBe(true);
    expect(canClaimLead(as('marketing'), open)).toBe(false);
    expect(canClaimLead(as('inside_sales'), { ...open, ownerId: 'u3' })).toBe(false);
    expect(canClaimLead(as('admin'), { ...open, status: 'qualified' })).toBe(false);
  });
});

describe('unassigned leads in the call queue', () => {
  let robotics: LeadDto;
  let anywhere: LeadDto;

  it('appear, marked, in the queues of those who may claim them only', async () => {
    robotics = await unownedLead('Roboter', { industry: 'Robotics' });
    anywhere = await unownedLead('Nowhere');
    const owned = await post<LeadDto>(org.admin, '/api/v1/leads', { lastName: 'Taken', ownerId: outsider.userId });
    expect(owned.status).toBe(201);
    const ids = (q: CallQueueDto) =>
      q.items
        .filter((i) => i.unassigned)
        .map((i) => i.lead.lastName)
        .sort();
    const mine = await queueOf(member);
    expect(ids(mine)).toEqual(['Nowhere', 'Roboter']);
    expect(mine.unassigned).toBe(2);
    expect(mine.items.find((i) => i.lead.id === robotics.id)?.unassigned).toEqual({
      territoryId: expect.any(String) as string,
      territoryName: 'Robotics',
      territoryMemberIds: [member.userId, pooled.userId].sort(),
    });
    expect(ids(await queueOf(pooled))).toEqual(['Nowhere', 'Roboter']);
    const other = await queueOf(outsider);
    expect(ids(other)).toEqual(['Nowhere']);
    // The outsider's own lead is theirs, not marked.
    expect(other.items.find((i) => i.lead.lastName === 'Taken')?.unassigned).toBeNull();
  });

  it('are claimed with If-Match, once: another territory is 404, a late claim 409 naming the owner', async () => {
    expect((await claim(marketing, robotics)).status).toBe(403);
    expect((await claim(outsider, robotics)).status).toBe(404);
    expect((await claim(member, { ...robotics, version: robotics.version + 5 })).status).toBe(409);
    const won = await claim(member, robotics);
    expect(won.status, JSON.stringify(won.body)).toBe(200);
    expect(won.body).toMatchObject({ ownerId: member.userId, version: robotics.version + 1 });
    const late = await claim(pooled, robotics);
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ ownerId: member.userId });
    const events = await deps.db
      .selectFrom('events')
      .select(['type', 'data', 'actor_id'])
      .where('entity_id', '=', robotics.id)
      .where('type', '=', 'lead.assigned')
      .execute();
    expect(events).toEqual([
      {
        type: 'lead.assigned',
        actor_id: member.userId,
        data: { changes: { ownerId: { from: null, to: member.userId } }, cause: { kind: 'claim' } },
      },
    ]);
    // Now it is the member's own lead, and gone from the pooled caller's queue.
    expect((await queueOf(member)).items.find((i) => i.lead.id === robotics.id)?.unassigned).toBeNull();
    expect((await queueOf(pooled)).items.some((i) => i.lead.id === robotics.id)).toBe(false);
  });

  it('refuses a lead that is no longer open', async () => {
    const closed = await unownedLead('Closed', { status: 'disqualified', disqualifiedReason: 'no budget' });
    const r = await claim(outsider, closed);
    expect(r.status).toBe(422);
  });

  it('gives exactly one owner when many claim the same lead at once', async () => {
    const callers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => createTestUser(deps, org.admin, 'inside_sales', { name: `Caller ${i}` })),
    );
    const results = await Promise.all(callers.map((c) => claim(c, anywhere)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    const winner = results.find((r) => r.status === 200)?.body.ownerId;
    expect(callers.map((c) => c.userId)).toContain(winner);
    const stored = await deps.db
      .selectFrom('leads')
      .select(['owner_id', 'version'])
      .where('id', '=', anywhere.id)
      .executeTakeFirst();
    expect(stored).toEqual({ owner_id: winner, version: anywhere.version + 1 });
    const assigned = await deps.db
      .selectFrom('events')
      .select('actor_id')
      .where('entity_id', '=', anywhere.id)
      .where('type', '=', 'lead.assigned')
      .execute();
    expect(assigned).toEqual([{ actor_id: winner }]);
  });
});
