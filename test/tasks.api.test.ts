import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ActivityDto, TaskAgendaDto } from '../src/contract/activities.ts';
import type { Actor } from '../src/contract/access.ts';
import { dealRotting, type DealAttentionDto } from '../src/contract/attention.ts';
import { ManualClock } from '../src/domain/deps.ts';
import { createApi, type Api } from './helpers/api.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg, createTestTeam, createTestUser } from './helpers/factories.ts';
import { insertDeal, insertPipeline } from './helpers/sales-rows.ts';

let deps: TestDeps;
let api: Api;
const clock = new ManualClock('2026-01-05T09:00:00.000Z');

beforeAll(async () => {
  deps = await createTestDeps({ clock });
  api = await createApi(deps);
});
afterAll(async () => {
  await api.close();
  await deps.cleanup();
});
beforeEach(() => clock.set('2026-01-05T09:00:00.000Z'));

/** An organization in Auckland (UTC+13 in January) with a team (manager + rep), a rep outside it and an auditor. */
async function world() {
  const org = await createTestOrg(deps);
  await deps.db
    .updateTable('organizations')
    .set({ timezone: 'Pacific/Auckland' })
    .where('id', '=', org.orgId)
    .execute();
  const team = await createTestTeam(deps, org.admin);
  const manager = await createTestUser(deps, org.admin, 'manager', { teamId: team.id });
  const rep = await createTestUser(deps, org.admin, 'rep', { teamId: team.id, managerId: manager.userId });
  const otherRep = await createTestUser(deps, org.admin, 'rep');
  const auditor = await createTestUser(deps, org.admin, 'auditor');
  const { pipelineId, stageIds } = await insertPipeline(deps, org.orgId, 2);
  const [stageA, stageB] = stageIds as [string, string];
  // Three days expected in the first stage; the second sets none.
  await deps.db.updateTable('stages').set({ expected_days: 3 }).where('id', '=', stageA).execute();
  const deal = (ownerId: string, stageId = stageA) => insertDeal(deps, org.orgId, { ownerId, pipelineId, stageId });
  return { ...org, manager, rep, otherRep, auditor, stageA, stageB, deal };
}

const fieldsOf = (res: LightMyRequestResponse) =>
  res
    .json<{ errors: { field: string }[] }>()
    .errors.map((e) => e.field)
    .sort();

describe('task agenda', () => {
  it("groups a user's open tasks by the organization's today, in its time zone", async () => {
    const w = await world();
    const dealId = await w.deal(w.rep.userId);
    const task = async (actor: Actor, subject: string, extra: Record<string, unknown> = {}) => {
      const res = await api.as(actor, {
        method: 'POST',
        url: '/api/v1/activities',
        payload: { type: 'task', subject, dealId, ...extra },
      });
      expect(res.statusCode).toBe(201);
      return res.json<ActivityDto>();
    };
    // Now is 22:00 on 5 January in Auckland: its today is [4 Jan 11:00Z, 5 Jan 11:00Z).
    await task(w.rep, 'undated');
    await task(w.rep, 'late evening', { dueAt: '2026-01-05T10:30:00Z' });
    await task(w.rep, 'just after midnight', { dueAt: '2026-01-04T12:00:00Z' });
    await task(w.rep, 'yesterday', { dueAt: '2026-01-04T10:00:00Z' });
    await task(w.rep, 'tomorrow', { dueAt: '2026-01-05T11:30:00Z' });
    await task(w.rep, 'done', { dueAt: '2026-01-05T10:00:00Z', completed: true });
    const gone = await task(w.rep, 'deleted', { dueAt: '2026-01-05T10:00:00Z' });
    expect(
      (
        await api.as(w.rep, {
          method: 'DELETE',
          url: `/api/v1/activities/${gone.id}`,
          headers: { 'if-match': '1' },
        })
      ).statusCode,
    ).toBe(204);
    // A call is not a task; another user's task is not on this agenda.
    expect(
      (
        await api.as(w.rep, {
          method: 'POST',
          url: '/api/v1/activities',
          payload: { type: 'call', direction: 'outbound', disposition: 'connected', dealId },
        })
      ).statusCode,
    ).toBe(201);
    await task(w.manager, "manager's", { dueAt: '2026-01-05T10:00:00Z' });

    const res = await api.as(w.rep, { method: 'GET', url: '/api/v1/tasks/agenda' });
    expect(res.statusCode).toBe(200);
    const agenda = res.json<TaskAgendaDto>();
    expect(agenda).toMatchObject({
      ownerId: w.rep.userId,
      timezone: 'Pacific/Auckland',
      todayStart: '2026-01-04T11:00:00.000Z',
      todayEnd: '2026-01-05T11:00:00.000Z',
      counts: { overdue: 1, today: 2, upcoming: 2 },
    });
    const subjects = (list: ActivityDto[]) => list.map((t) => t.subject);
    expect(subjects(agenda.overdue)).toEqual(['yesterday']);
    expect(subjects(agenda.today)).toEqual(['just after midnight', 'late evening']);
    expect(subjects(agenda.upcoming)).toEqual(['tomorrow', 'undated']);

    // Completing a task takes it off the agenda; the limit caps each group but not the counts.
    const first = agenda.today[0];
    if (!first) throw new Error('no task today');
    const done = await api.as(w.rep, {
      method: 'PATCH',
      url: `/api/v1/activities/${first.id}`,
      headers: { 'if-match': String(first.version) },
      payload: { completed: true },
    });
    expect(done.statusCode).toBe(200);
    const after = (await api.as(w.rep, { method: 'GET', url: '/api/v1/tasks/agenda?limit=1' })).json<TaskAgendaDto>();
    expect(after.counts).toEqual({ overdue: 1, today: 1, upcoming: 2 });
    expect(subjects(after.today)).toEqual(['late evening']);
    expect(subjects(after.upcoming)).toEqual(['tomorrow']);
  });

  it("shows another user's agenda only to those who may read that user's activities", async () => {
    const w = await world();
    const url = `/api/v1/tasks/agenda?ownerId=${w.rep.userId}`;
    expect((await api.as(w.manager, { method: 'GET', url })).statusCode).toBe(200);
    expect((await api.as(w.auditor, { method: 'GET', url })).statusCode).toBe(200);
    expect((await api.as(w.admin, { method: 'GET', url })).statusCode).toBe(200);
    expect((await api.as(w.otherRep, { method: 'GET', url })).statusCode).toBe(404);
  });

  it('refuses bad parameters by name', async () => {
    const w = await world();
    const res = await api.as(w.rep, { method: 'GET', url: '/api/v1/tasks/agenda?ownerId=nope&limit=0' });
    expect(res.statusCode).toBe(422);
    expect(fieldsOf(res)).toEqual(['limit', 'ownerId']);
  });
});

describe('deal attention', () => {
  it('gives each deal its next activity and marks deals with nothing planned or stuck past the stage', async () => {
    const w = await world();
    const planned = await w.deal(w.rep.userId);
    const idle = await w.deal(w.rep.userId);
    const calm = await w.deal(w.rep.userId, w.stageB);
    const closed = await w.deal(w.rep.userId);
    await deps.db.updateTable('deals').set({ status: 'won' }).where('id', '=', closed).execute();
    const others = await w.deal(w.otherRep.userId);
    const task = async (dealId: string, subject: string, dueAt: string | null) => {
      const res = await api.as(w.rep, {
        method: 'POST',
        url: '/api/v1/activities',
        payload: { type: 'task', subject, dealId, dueAt },
      });
      expect(res.statusCode).toBe(201);
      return res.json<ActivityDto>();
    };
    await task(planned, 'later', null);
    const soon = await task(planned, 'soon', '2026-01-07T09:00:00Z');
    await task(calm, 'check in', '2026-02-01T09:00:00Z');

    const byIds = async (actor: Actor, ids: string[]) => {
      const res = await api.as(actor, { method: 'GET', url: `/api/v1/deals/attention?dealId=${ids.join(',')}` });
      expect(res.statusCode).toBe(200);
      return new Map(res.json<{ items: DealAttentionDto[] }>().items.map((d) => [d.dealId, d]));
    };
    const rotting = async (actor: Actor, query = '') => {
      const res = await api.as(actor, { method: 'GET', url: `/api/v1/deals/attention?rotting=true${query}` });
      expect(res.statusCode).toBe(200);
      return res
        .json<{ items: DealAttentionDto[] }>()
        .items.map((d) => d.dealId)
        .sort();
    };

    const all = [planned, idle, calm, closed, others];
    const seen = await byIds(w.rep, all);
    expect([...seen.keys()].sort()).toEqual([planned, idle, calm, closed].sort());
    expect(seen.get(planned)).toMatchObject({
      nextActivity: { id: soon.id, subject: 'soon', dueAt: '2026-01-07T09:00:00.000Z', ownerId: w.rep.userId },
      stageExpectedDays: 3,
      rotting: [],
    });
    expect(seen.get(idle)).toMatchObject({ nextActivity: null, rotting: ['no_next_activity'] });
    expect(seen.get(calm)).toMatchObject({ stageExpectedDays: null, rotting: [] });
    expect(seen.get(closed)).toMatchObject({ nextActivity: null, rotting: [] });
    expect(await rotting(w.rep)).toEqual([idle]);

    // Three days in the stage is still on time; a second more is stuck.
    clock.set('2026-01-08T09:00:00.000Z');
    expect(await rotting(w.rep)).toEqual([idle]);
    clock.set('2026-01-08T09:00:01.000Z');
    expect(await rotting(w.rep)).toEqual([idle, planned].sort());
    expect((await byIds(w.rep, [planned])).get(planned)?.rotting).toEqual(['stuck']);

    // The SQL filter and the contract's rule agree on every deal, as the manager and the admin see them.
    for (const actor of [w.manager, w.admin]) {
      const facts = await byIds(actor, all);
      const expected = [...facts.values()]
        .filter((d) => dealRotting(d, clock.now()).length > 0)
        .map((d) => d.dealId)
        .sort();
      expect(await rotting(actor)).toEqual(expected);
    }
    expect(await rotting(w.admin, `&ownerId=${w.otherRep.userId}`)).toEqual([others]);
    expect(await rotting(w.otherRep)).toEqual([others]);
  });

  it('asks for either deals or rotting, by name', async () => {
    const w = await world();
    const neither = await api.as(w.rep, { method: 'GET', url: '/api/v1/deals/attention' });
    expect(neither.statusCode).toBe(422);
    expect(fieldsOf(neither)).toEqual(['dealId']);
    const bad = await api.as(w.rep, { method: 'GET', url: '/api/v1/deals/attention?dealId=x&limit=500' });
    expect(bad.statusCode).toBe(422);
    expect(fieldsOf(bad)).toEqual(['dealId.0', 'limit']);
  });
});
