import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/contract/access.ts';
import type { HandoffDto, SlaPolicy, SlaPolicyDto } from '../src/contract/handoffs.ts';
import type { LeadDto } from '../src/contract/leads.ts';
import { ManualClock } from '../src/domain/deps.ts';
import { actorForUser } from '../src/modules/auth/auth.service.ts';
import { jobHandlers } from '../src/compose.ts';
import { checkHandoffSla } from '../src/modules/handoffs/handoff-jobs.ts';
import { createApi, type Api } from './helpers/api.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg, createTestTeam, createTestUser } from './helpers/factories.ts';

let deps: TestDeps;
let api: Api;
// Monday 2 March 2026, 09:00 UTC: in the default business hours of an organization in UTC.
const clock = new ManualClock('2026-03-02T09:00:00.000Z');

beforeAll(async () => {
  deps = await createTestDeps({ clock });
  api = await createApi(deps);
});
afterAll(async () => {
  await api.close();
  await deps.cleanup();
});

async function call<T>(
  actor: Actor,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH',
  url: string,
  payload?: object,
  headers: Record<string, string> = {},
) {
  const r = await api.as(actor, { method, url, ...(payload ? { payload } : {}), headers });
  return { status: r.statusCode, body: r.json<T>(), raw: r };
}

const fieldsOf = (res: LightMyRequestResponse) =>
  res
    .json<{ errors: { field: string }[] }>()
    .errors.map((e) => e.field)
    .sort();

/** An organization with a team: a manager, two reps reporting to them, marketing, a partner. */
async function world() {
  const org = await createTestOrg(deps);
  const team = await createTestTeam(deps, org.admin, 'inside_sales');
  const managerUser = await createTestUser(deps, org.admin, 'manager', { teamId: team.id });
  const rep = await createTestUser(deps, org.admin, 'inside_sales', { teamId: team.id, managerId: managerUser.userId });
  const otherRep = await createTestUser(deps, org.admin, 'rep', { teamId: team.id, managerId: managerUser.userId });
  const loneRep = await createTestUser(deps, org.admin, 'rep');
  const marketer = await createTestUser(deps, org.admin, 'marketing');
  const auditor = await createTestUser(deps, org.admin, 'auditor');
  const manager = await actorForUser(deps, org.orgId, managerUser.userId);
  return { ...org, team, manager, rep, otherRep, loneRep, marketer, auditor };
}

async function newLead(marketer: Actor, ownerId: string, lastName = 'Lovelace'): Promise<LeadDto> {
  const r = await call<LeadDto>(marketer, 'POST', '/api/v1/leads', { lastName, company: 'Analytical', ownerId });
  expect(r.status).toBe(201);
  return r.body;
}

/** Marketing moves the lead to MQL by hand; its owner gets a hand-off. */
async function toMql(marketer: Actor, lead: LeadDto): Promise<LeadDto> {
  const r = await call<LeadDto>(
    marketer,
    'POST',
    `/api/v1/leads/${lead.id}/lifecycle`,
    { stage: 'mql' },
    {
      'if-match': String(lead.version),
    },
  );
  expect(r.status).toBe(200);
  return r.body;
}

async function handoffOf(actor: Actor, leadId: string): Promise<HandoffDto> {
  const r = await call<{ items: HandoffDto[] }>(actor, 'GET', `/api/v1/handoffs?leadId=${leadId}`);
  expect(r.status).toBe(200);
  const h = r.body.items[0];
  if (!h) throw new Error('no hand-off');
  return h;
}

async function eventsOf(entityId: string) {
  return deps.db
    .selectFrom('events')
    .select(['type', 'data', 'actor_id'])
    .where('entity_id', '=', entityId)
    .orderBy('id')
    .execute();
}

const policy: SlaPolicy = {
  weekdays: [1, 2, 3, 4, 5],
  start: '08:00',
  end: '18:00',
  timeZone: 'Europe/Berlin',
  businessMinutes: 10,
  otherMinutes: 120,
  escalation: 'notify_manager',
};

describe('the SLA policy', () => {
  it('starts at the defaults in the organization time zone, is saved by admins at a version, and names every bad field', async () => {
    const w = await world();
    const first = await call<SlaPolicyDto>(w.admin, 'GET', '/api/v1/sla-policy');
    expect(first.body).toEqual({
      weekdays: [1, 2, 3, 4, 5],
      start: '09:00',
      end: '17:00',
      timeZone: 'UTC',
      businessMinutes: 5,
      otherMinutes: 60,
      escalation: 'notify_manager',
      teamId: null,
      inherited: true,
      version: 0,
      updatedAt: null,
    });
    expect((await call(w.admin, 'PUT', '/api/v1/sla-policy', policy)).status).toBe(428);
    const bad = await call(
      w.admin,
      'PUT',
      '/api/v1/sla-policy',
      {
        weekdays: [0, 1, 1],
        start: '25:00',
        end: '09:00',
        timeZone: 'Mars/Olympus',
        businessMinutes: 0,
        otherMinutes: 1.5,
        escalation: 'shout',
        colour: 'red',
      },
      { 'if-match': '0' },
    );
    expect(bad.status).toBe(422);
    expect(bad.raw.headers['content-type']).toContain('application/problem+json');
    expect(fieldsOf(bad.raw)).toEqual(
      expect.arrayContaining(['businessMinutes', 'escalation', 'otherMinutes', 'start', 'timeZone', 'weekdays.0']),
    );
    expect(fieldsOf(bad.raw).some((f) => f === '' || f === 'colour')).toBe(true);
    const endBeforeStart = await call(
      w.admin,
      'PUT',
      '/api/v1/sla-policy',
      { ...policy, end: '07:00' },
      {
        'if-match': '0',
      },
    );
    expect(endBeforeStart.status).toBe(422);
    expect(fieldsOf(endBeforeStart.raw)).toEqual(['end']);

    const saved = await call<SlaPolicyDto>(w.admin, 'PUT', '/api/v1/sla-policy', policy, { 'if-match': '0' });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ ...policy, version: 1, inherited: false, teamId: null });
    expect((await call(w.admin, 'PUT', '/api/v1/sla-policy', policy, { 'if-match': '0' })).status).toBe(409);
    expect((await call(w.rep, 'GET', '/api/v1/sla-policy')).status).toBe(403);
    expect((await call(w.manager, 'PUT', '/api/v1/sla-policy', policy, { 'if-match': '1' })).status).toBe(403);
    const events = await eventsOf(w.orgId);
    expect(events.filter((e) => e.type === 'sla.policy_changed')).toHaveLength(1);
  });

  it('per team: inherits the organization policy until the team saves its own', async () => {
    const w = await world();
    const url = `/api/v1/teams/${w.team.id}/sla-policy`;
    expect((await call<SlaPolicyDto>(w.admin, 'GET', url)).body).toMatchObject({
      teamId: w.team.id,
      inherited: true,
      version: 0,
      businessMinutes: 5,
    });
    const own = await call<SlaPolicyDto>(w.admin, 'PUT', url, { ...policy, businessMinutes: 3 }, { 'if-match': '0' });
    expect(own.body).toMatchObject({ teamId: w.team.id, inherited: false, version: 1, businessMinutes: 3 });
    expect((await call<SlaPolicyDto>(w.admin, 'GET', '/api/v1/sla-policy')).body.businessMinutes).toBe(5);
    const unknownTeam = await call(w.admin, 'GET', `/api/v1/teams/${w.rep.userId}/sla-policy`);
    expect(unknownTeam.status).toBe(404);
  });
});

describe('hand-offs', () => {
  it('open when an MQL has a sales owner, due by the team policy, with a job keyed on the hand-off at the due time', async () => {
    clock.set('2026-03-02T09:00:00.000Z');
    const w = await world();
    await call(
      w.admin,
      'PUT',
      `/api/v1/teams/${w.team.id}/sla-policy`,
      { ...policy, businessMinutes: 3 },
      {
        'if-match': '0',
      },
    );
    const lead = await newLead(w.marketer, w.rep.userId);
    expect(
      (await call<{ items: HandoffDto[] }>(w.rep, 'GET', `/api/v1/handoffs?leadId=${lead.id}`)).body.items,
    ).toEqual([]);
    await toMql(w.marketer, lead);
    const h = await handoffOf(w.rep, lead.id);
    // 10:00 in Berlin on a Monday: business hours of the team's policy, 3 minutes.
    expect(h).toMatchObject({
      leadId: lead.id,
      leadName: 'Lovelace',
      ownerId: w.rep.userId,
      teamId: w.team.id,
      status: 'open',
      openedAt: '2026-03-02T09:00:00.000Z',
      dueAt: '2026-03-02T09:03:00.000Z',
      inBusinessHours: true,
      firstTouchAt: null,
      grade: 'D',
      version: 1,
    });
    const job = await deps.db
      .selectFrom('jobs')
      .select(['kind', 'job_key', 'run_at', 'payload'])
      .where('org_id', '=', w.orgId)
      .where('kind', '=', 'handoff.sla')
      .executeTakeFirstOrThrow();
    expect(job).toMatchObject({ job_key: `handoff.sla:${h.id}`, payload: { handoffId: h.id } });
    expect(job.run_at.toISOString()).toBe('2026-03-02T09:03:00.000Z');
    const opened = (await eventsOf(lead.id)).find((e) => e.type === 'lead.handoff_opened');
    expect(opened?.data).toMatchObject({ handoffId: h.id, dueAt: '2026-03-02T09:03:00.000Z', policyTeamId: w.team.id });
  });

  it("stop their timer at the owner's first call and record the speed to lead; another user's call does not count", async () => {
    clock.set('2026-03-02T09:00:00.000Z');
    const w = await world();
    const lead = await toMql(w.marketer, await newLead(w.marketer, w.rep.userId));
    clock.advance(60_000);
    const byOther = await call(w.manager, 'POST', '/api/v1/activities', {
      type: 'note',
      body: 'looked at it',
      leadId: lead.id,
    });
    expect(byOther.status).toBe(201);
    expect((await handoffOf(w.rep, lead.id)).firstTouchAt).toBeNull();
    clock.advance(90_000);
    const callRes = await call(w.rep, 'POST', '/api/v1/activities', {
      type: 'call',
      direction: 'outbound',
      disposition: 'connected',
      leadId: lead.id,
    });
    expect(callRes.status).toBe(201);
    const h = await handoffOf(w.rep, lead.id);
    expect(h).toMatchObject({ firstTouchAt: '2026-03-02T09:02:30.000Z', minutesToTouch: 2.5, status: 'open' });
    const touched = (await eventsOf(lead.id)).find((e) => e.type === 'lead.handoff_touched');
    expect(touched?.data).toMatchObject({ minutesToTouch: 2.5, withinSla: true });
    // The timer stopped: the check at the due time breaches nothing.
    clock.set('2026-03-02T10:00:00.000Z');
    expect(await checkHandoffSla(deps, w.orgId, h.id)).toBe('settled');
  });

  it('are accepted by their owner: the lead becomes SQL; a stale version is 409, a decided hand-off 409', async () => {
    clock.set('2026-03-02T09:00:00.000Z');
    const w = await world();
    const lead = await toMql(w.marketer, await newLead(w.marketer, w.rep.userId));
    const h = await handoffOf(w.rep, lead.id);
    expect((await call(w.rep, 'POST', `/api/v1/handoffs/${h.id}/accept`)).status).toBe(428);
    clock.advance(4 * 60_000);
    const stale = await call(w.rep, 'POST', `/api/v1/handoffs/${h.id}/accept`, undefined, { 'if-match': '7' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'version_conflict' });
    const accepted = await call<HandoffDto>(w.rep, 'POST', `/api/v1/handoffs/${h.id}/accept`, undefined, {
      'if-match': String(h.version),
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      status: 'accepted',
      decidedBy: w.rep.userId,
      firstTouchAt: '2026-03-02T09:04:00.000Z',
      minutesToTouch: 4,
    });
    const again = await call(w.rep, 'POST', `/api/v1/handoffs/${h.id}/accept`, undefined, { 'if-match': '*' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'conflict' });
    const after = await call<LeadDto>(w.rep, 'GET', `/api/v1/leads/${lead.id}`);
    expect(after.body.lifecycleStage).toBe('sql');
    const types = (await eventsOf(lead.id)).map((e) => e.type);
    expect(types.slice(-3)).toEqual(['lead.handoff_touched', 'lead.handoff_accepted', 'lead.lifecycle_changed']);
  });

  it('are rejected with a reason (required) that marketing reads; the lead goes back to marketing', async () => {
    clock.set('2026-03-02T09:00:00.000Z');
    const w = await world();
    const lead = await toMql(w.marketer, await newLead(w.marketer, w.rep.userId, 'Babbage'));
    const h = await handoffOf(w.rep, lead.id);
    const noReason = await call(
      w.rep,
      'POST',
      `/api/v1/handoffs/${h.id}/reject`,
      { reason: ' ', extra: 1 },
      {
        'if-match': '1',
      },
    );
    expect(noReason.status).toBe(422);
    expect(fieldsOf(noReason.raw)).toContain('reason');
    expect(fieldsOf(noReason.raw).some((f) => f === '' || f === 'extra')).toBe(true);
    const rejected = await call<HandoffDto>(
      w.rep,
      'POST',
      `/api/v1/handoffs/${h.id}/reject`,
      { reason: 'Student project, no budget' },
      { 'if-match': '1' },
    );
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectReason: 'Student project, no budget' });
    const seen = await call<{ items: HandoffDto[] }>(w.marketer, 'GET', '/api/v1/handoffs?status=rejected&order=desc');
    expect(seen.body.items.map((i) => [i.leadName, i.rejectReason])).toEqual([
      ['Babbage', 'Student project, no budget'],
    ]);
    const back = await call<LeadDto>(w.marketer, 'GET', `/api/v1/leads/${lead.id}`);
    expect(back.body).toMatchObject({
      lifecycleStage: 'lead',
      recycleReason: 'rejected by sales: Student project, no budget',
    });
    const rejectedEvent = (await eventsOf(lead.id)).find((e) => e.type === 'lead.handoff_rejected');
    expect(rejectedEvent?.data).toEqual({
      handoffId: h.id,
      ownerId: w.rep.userId,
      reason: 'Student project, no budget',
    });
    // Handed over again later, the lead gets a new hand-off.
    await toMql(w.marketer, back.body);
    const list = await call<{ items: HandoffDto[] }>(w.rep, 'GET', `/api/v1/handoffs?leadId=${lead.id}`);
    expect(list.body.items.map((i) => i.status).sort()).toEqual(['open', 'rejected']);
  });

  it('breach at the due time and notify the manager; checking again changes nothing', async () => {
    clock.set('2026-03-02T16:58:00.000Z');
    const w = await world();
    const lead = await toMql(w.marketer, await newLead(w.marketer, w.rep.userId));
    const h = await handoffOf(w.rep, lead.id);
    // 16:58 is in the default hours (09–17 UTC): due 5 minutes later, after the day's end.
    expect(h.dueAt).toBe('2026-03-02T17:03:00.000Z');
    clock.set('2026-03-02T17:02:59.000Z');
    expect(await checkHandoffSla(deps, w.orgId, h.id)).toBe('not_due');
    clock.set('2026-03-02T17:03:00.000Z');
    expect(await checkHandoffSla(deps, w.orgId, h.id)).toBe('breached');
    expect(await checkHandoffSla(deps, w.orgId, h.id)).toBe('settled');
    const after = await handoffOf(w.manager, lead.id);
    expect(after).toMatchObject({
      status: 'open',
      ownerId: w.rep.userId,
      breachedAt: '2026-03-02T17:03:00.000Z',
      escalation: 'notified',
      escalatedTo: w.manager.userId,
    });
    const events = (await eventsOf(lead.id)).filter(
      (e) => e.type === 'lead.sla_breached' || e.type === 'lead.handoff_escalated',
    );
    expect(events.map((e) => [e.type, e.actor_id])).toEqual([
      ['lead.sla_breached', null],
      ['lead.handoff_escalated', null],
    ]);
    expect(events[1]?.data).toEqual({
      handoffId: h.id,
      action: 'notified',
      fromOwnerId: w.rep.userId,
      managerId: w.manager.userId,
    });
    // A touch after the breach still records the speed to lead, outside the SLA.
    clock.set('2026-03-02T17:10:00.000Z');
    await call(w.rep, 'POST', '/api/v1/activities', {
      type: 'email',
      direction: 'outbound',
      subject: 'Hello',
      leadId: lead.id,
    });
    const touched = (await eventsOf(lead.id)).find((e) => e.type === 'lead.handoff_touched');
    expect(touched?.data).toMatchObject({ minutesToTouch: 12, withinSla: false });
  });

  it('breach outside hours after an hour and, by policy, reassign the lead to the manager', async () => {
    // Saturday 7 March 2026.
    clock.set('2026-03-07T10:00:00.000Z');
    const w = await world();
    await call(
      w.admin,
      'PUT',
      '/api/v1/sla-policy',
      { ...policy, timeZone: 'UTC', escalation: 'reassign_to_manager' },
      {
        'if-match': '0',
      },
    );
    const lead = await toMql(w.marketer, await newLead(w.marketer, w.rep.userId));
    const h = await handoffOf(w.rep, lead.id);
    expect(h).toMatchObject({ dueAt: '2026-03-07T12:00:00.000Z', inBusinessHours: false });
    clock.set('2026-03-07T12:00:01.000Z');
    expect(await checkHandoffSla(deps, w.orgId, h.id)).toBe('breached');
    const after = await handoffOf(w.manager, lead.id);
    expect(after).toMatchObject({ ownerId: w.manager.userId, escalation: 'reassigned', escalatedTo: w.manager.userId });
    expect((await call<LeadDto>(w.manager, 'GET', `/api/v1/leads/${lead.id}`)).body.ownerId).toBe(w.manager.userId);
    // The rep no longer sees it; the manager accepts it.
    expect((await call(w.rep, 'GET', `/api/v1/handoffs/${h.id}`)).status).toBe(404);
    const accepted = await call<HandoffDto>(w.manager, 'POST', `/api/v1/handoffs/${h.id}/accept`, undefined, {
      'if-match': String(after.version),
    });
    expect(accepted.body.status).toBe('accepted');
    const types = (await eventsOf(lead.id)).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['lead.sla_breached', 'lead.assigned', 'lead.handoff_escalated']));
  });

  it("run the out-of-hours clock on a date of the organization's default holiday calendar", async () => {
    // Monday 2 March 2026, 10:00 in Berlin: business hours, but the organization's holiday.
    clock.set('2026-03-02T09:00:00.000Z');
    const w = await world();
    await call(w.admin, 'PUT', '/api/v1/sla-policy', policy, { 'if-match': '0' });
    const created = await call(w.admin, 'POST', '/api/v1/holiday-calendars', {
      name: 'Company',
      isDefault: true,
      holidays: [{ name: 'Founding day', start: '2026-03-02' }],
    });
    expect(created.status).toBe(201);
    const lead = await toMql(w.marketer, await newLead(w.marketer, w.rep.userId));
    expect(await handoffOf(w.rep, lead.id)).toMatchObject({
      dueAt: '2026-03-02T11:00:00.000Z',
      inBusinessHours: false,
    });
  });

  it('breach without escalation when the owner has no manager', async () => {
    clock.set('2026-03-02T09:00:00.000Z');
    const w = await world();
    const lead = await toMql(w.marketer, await newLead(w.marketer, w.loneRep.userId));
    const h = await handoffOf(w.loneRep, lead.id);
    clock.set('2026-03-02T09:06:00.000Z');
    // Run by the queue's handler for the job the hand-off enqueued.
    const job = await deps.db
      .selectFrom('jobs')
      .selectAll()
      .where('org_id', '=', w.orgId)
      .where('job_key', '=', `handoff.sla:${h.id}`)
      .executeTakeFirstOrThrow();
    const handler = jobHandlers(deps)['handoff.sla'];
    if (!handler) throw new Error('no handler for handoff.sla');
    await handler({ job, signal: new AbortController().signal, fence: async () => {} });
    expect(await handoffOf(w.loneRep, lead.id)).toMatchObject({
      breachedAt: '2026-03-02T09:06:00.000Z',
      escalation: null,
    });
  });

  it('follow the owner, and are withdrawn when the lead leaves MQL another way; marketing-owned MQLs are not handed off', async () => {
    clock.set('2026-03-02T09:00:00.000Z');
    const w = await world();
    const lead = await toMql(w.marketer, await newLead(w.marketer, w.rep.userId));
    const h = await handoffOf(w.rep, lead.id);
    const moved = await call<LeadDto>(
      w.manager,
      'PATCH',
      `/api/v1/leads/${lead.id}`,
      { ownerId: w.otherRep.userId },
      {
        'if-match': String(lead.version),
      },
    );
    expect(moved.status).toBe(200);
    expect(await handoffOf(w.otherRep, lead.id)).toMatchObject({
      id: h.id,
      ownerId: w.otherRep.userId,
      status: 'open',
    });
    const recycled = await call<LeadDto>(
      w.marketer,
      'POST',
      `/api/v1/leads/${lead.id}/lifecycle`,
      { stage: 'lead', recycleReason: 'needs nurturing' },
      { 'if-match': String(moved.body.version) },
    );
    expect(recycled.status).toBe(200);
    expect(await handoffOf(w.otherRep, lead.id)).toMatchObject({ status: 'withdrawn' });
    const withdrawn = (await eventsOf(lead.id)).find((e) => e.type === 'lead.handoff_withdrawn');
    expect(withdrawn?.data).toEqual({ handoffId: h.id, reason: 'the lead moved to lead' });

    const own = await toMql(w.marketer, await newLead(w.marketer, w.marketer.userId, 'Nurture'));
    const none = await call<{ items: HandoffDto[] }>(w.marketer, 'GET', `/api/v1/handoffs?leadId=${own.id}`);
    expect(none.body.items).toEqual([]);
  });

  it('are read and acted on by role: reps their own, managers their team, marketing and auditors read (partners: the access matrix)', async () => {
    clock.set('2026-03-02T09:00:00.000Z');
    const w = await world();
    const lead = await toMql(w.marketer, await newLead(w.marketer, w.rep.userId));
    const h = await handoffOf(w.rep, lead.id);
    const ids = async (a: Actor) =>
      (await call<{ items: HandoffDto[] }>(a, 'GET', '/api/v1/handoffs')).body.items.map((i) => i.id);
    expect(await ids(w.rep)).toEqual([h.id]);
    expect(await ids(w.otherRep)).toEqual([]);
    expect(await ids(w.manager)).toEqual([h.id]);
    expect(await ids(w.marketer)).toEqual([h.id]);
    expect(await ids(w.auditor)).toEqual([h.id]);
    const accept = (a: Actor) => call(a, 'POST', `/api/v1/handoffs/${h.id}/accept`, undefined, { 'if-match': '1' });
    expect((await accept(w.otherRep)).status).toBe(404);
    expect((await accept(w.marketer)).status).toBe(403);
    expect((await accept(w.auditor)).status).toBe(403);
    const reject = await call(
      w.marketer,
      'POST',
      `/api/v1/handoffs/${h.id}/reject`,
      { reason: 'x' },
      { 'if-match': '1' },
    );
    expect(reject.status).toBe(403);
    expect((await accept(w.manager)).status).toBe(200);
  });

  it('list in pages by due time with a cursor, and refuse a bad cursor or status naming the field', async () => {
    clock.set('2026-03-02T09:00:00.000Z');
    const w = await world();
    for (const name of ['A', 'B', 'C']) {
      await toMql(w.marketer, await newLead(w.marketer, w.rep.userId, name));
      clock.advance(60_000);
    }
    const first = await call<{ items: HandoffDto[]; nextCursor: string | null }>(
      w.rep,
      'GET',
      '/api/v1/handoffs?limit=2',
    );
    expect(first.body.items.map((i) => i.leadName)).toEqual(['A', 'B']);
    const rest = await call<{ items: HandoffDto[]; nextCursor: string | null }>(
      w.rep,
      'GET',
      `/api/v1/handoffs?limit=2&cursor=${first.body.nextCursor ?? ''}`,
    );
    expect(rest.body).toMatchObject({ nextCursor: null });
    expect(rest.body.items.map((i) => i.leadName)).toEqual(['C']);
    const bad = await call(w.rep, 'GET', '/api/v1/handoffs?cursor=nope&status=later');
    expect(bad.status).toBe(422);
    expect(fieldsOf(bad.raw)).toEqual(expect.arrayContaining(['status.0']));
  });

  it('count in the MQL → SQL report: hand-offs and the SLA met per owner and team', async () => {
    clock.set('2026-03-02T09:00:00.000Z');
    const w = await world();
    const quick = await toMql(w.marketer, await newLead(w.marketer, w.rep.userId, 'Quick'));
    const slow = await toMql(w.marketer, await newLead(w.marketer, w.rep.userId, 'Slow'));
    clock.advance(2 * 60_000);
    await call(w.rep, 'POST', '/api/v1/activities', {
      type: 'call',
      direction: 'outbound',
      disposition: 'connected',
      leadId: quick.id,
    });
    clock.set('2026-03-02T09:05:00.000Z');
    expect(await checkHandoffSla(deps, w.orgId, (await handoffOf(w.rep, slow.id)).id)).toBe('breached');
    type Row = {
      id: string | null;
      mqls: number;
      handoffs: number;
      slaMet: number;
      slaMissed: number;
      slaMetRate: number | null;
    };
    const report = await call<{ byOwner: Row[]; byTeam: Row[] }>(w.manager, 'GET', '/api/v1/analytics/mql-handoff');
    expect(report.status).toBe(200);
    const figures = { mqls: 2, handoffs: 2, slaMet: 1, slaMissed: 1, slaMetRate: 0.5 };
    expect(report.body.byOwner.find((r) => r.id === w.rep.userId)).toMatchObject(figures);
    expect(report.body.byTeam.find((r) => r.id === w.team.id)).toMatchObject(figures);
  });
});
