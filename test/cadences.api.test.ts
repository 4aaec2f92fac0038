import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../src/contract/access.ts';
import type { ActivityDto } from '../src/contract/activities.ts';
import type { CadenceDto, CadenceFiguresDto, EnrolmentDto } from '../src/contract/cadences.ts';
import type { CallQueueDto } from '../src/contract/call-queue.ts';
import type { LeadDto } from '../src/contract/leads.ts';
import { ManualClock } from '../src/domain/deps.ts';
import { checkEnrolment } from '../src/modules/cadences/cadences.service.ts';
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

async function call<T>(
  actor: Actor,
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  payload?: object,
  headers?: Record<string, string>,
) {
  const r = await api.as(actor, { method, url, ...(payload ? { payload } : {}), ...(headers ? { headers } : {}) });
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
  const otherRep = await createTestUser(deps, org.admin, 'rep');
  const marketer = await createTestUser(deps, org.admin, 'marketing');
  const auditor = await createTestUser(deps, org.admin, 'auditor');
  return { ...org, manager, rep, otherRep, marketer, auditor };
}

async function newLead(creator: Actor, ownerId: string, lastName: string): Promise<LeadDto> {
  const r = await call<LeadDto>(creator, 'POST', '/api/v1/leads', { lastName, company: 'Analytical', ownerId });
  expect(r.status).toBe(201);
  return r.body;
}

const outbound = {
  name: 'Outbound three touch',
  steps: [
    { kind: 'call', delay: { amount: 0, unit: 'hours', clock: 'calendar' }, instruction: 'Intro call' },
    { kind: 'email', delay: { amount: 1, unit: 'days', clock: 'business' }, instruction: 'Send the case study' },
    { kind: 'call', delay: { amount: 2, unit: 'hours', clock: 'business' }, instruction: 'Follow-up call' },
  ],
  rules: { busy: { action: 'pause', days: 2 } },
};

const logCall = (actor: Actor, leadId: string, disposition: string) =>
  call<ActivityDto>(actor, 'POST', '/api/v1/activities', { type: 'call', leadId, direction: 'outbound', disposition });

describe('cadences', () => {
  it('are defined by admins and managers only, with 422 naming each bad field and 409 on a stale version', async () => {
    const w = await world();
    expect((await call(w.rep, 'POST', '/api/v1/cadences', outbound)).status).toBe(403);
    const bad = await call(w.admin, 'POST', '/api/v1/cadences', {
      name: ' ',
      steps: [{ kind: 'fax', delay: { amount: -1, unit: 'weeks', clock: 'calendar' } }],
      rules: { busy: { action: 'pause' }, nonsense: { action: 'advance' } },
    });
    expect(bad.status).toBe(422);
    expect(fieldsOf(bad.raw)).toEqual([
      'name',
      'rules.busy.days',
      'rules.nonsense',
      'steps.0.delay.amount',
      'steps.0.delay.unit',
      'steps.0.kind',
    ]);
    const created = await call<CadenceDto>(w.manager, 'POST', '/api/v1/cadences', outbound);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ cadenceVersion: 1, version: 1, openEnrolments: 0 });
    expect(created.body.rules.busy).toEqual({ action: 'pause', days: 2 });
    expect(created.body.rules.no_answer).toEqual({ action: 'advance' });
    expect(created.body.rules.meeting_booked).toEqual({ action: 'end', reason: 'meeting booked' });
    const dup = await call(w.admin, 'POST', '/api/v1/cadences', outbound);
    expect(fieldsOf(dup.raw)).toEqual(['name']);

    const renamed = await call<CadenceDto>(
      w.admin,
      'PATCH',
      `/api/v1/cadences/${created.body.id}`,
      { name: 'Outbound' },
      { 'if-match': '1' },
    );
    expect(renamed.body).toMatchObject({ name: 'Outbound', cadenceVersion: 1, version: 2 });
    const stale = await call(
      w.admin,
      'PATCH',
      `/api/v1/cadences/${created.body.id}`,
      { name: 'X' },
      { 'if-match': '1' },
    );
    expect(stale.status).toBe(409);
    // Inside sales read cadences (to enrol); marketing does not.
    expect((await call(w.rep, 'GET', '/api/v1/cadences')).status).toBe(200);
    expect((await call(w.marketer, 'GET', '/api/v1/cadences')).status).toBe(403);
  });

  it('moves an enrolled lead by its calls and done steps, and ranks a due call step in the queue', async () => {
    const w = await world();
    const cadence = (await call<CadenceDto>(w.admin, 'POST', '/api/v1/cadences', outbound)).body;
    const lead = await newLead(w.marketer, w.rep.userId, 'Lovelace');
    await newLead(w.marketer, w.rep.userId, 'Babbage');
    const otherLead = await newLead(w.marketer, w.otherRep.userId, 'Elsewhere');
    const enrol = (actor: Actor, leadId: string, cadenceId = cadence.id) =>
      call<EnrolmentDto>(actor, 'POST', `/api/v1/leads/${leadId}/cadence-enrolments`, { cadenceId });

    // Only roles that work the lead enrol it.
    expect((await enrol(w.rep, otherLead.id)).status).toBe(404);
    expect((await enrol(w.marketer, lead.id)).status).toBe(403);
    expect((await enrol(w.auditor, lead.id)).status).toBe(403);
    expect(fieldsOf((await enrol(w.rep, lead.id, '0b8c5a3e-9d8e-4a47-9a84-0f0cbd7e8a11')).raw)).toEqual(['cadenceId']);
    const e = await enrol(w.rep, lead.id);
    expect(e.status).toBe(201);
    expect(e.body).toMatchObject({ status: 'active', stepIndex: 0, stepCount: 3, dueAt: start, cadenceVersion: 1 });
    expect((await enrol(w.manager, lead.id)).status).toBe(409);

    // The due call step ranks the lead first, with its reason and step.
    clock.set('2026-03-02T09:05:00.000Z');
    let q = (await call<CallQueueDto>(w.rep, 'GET', '/api/v1/call-queue')).body;
    expect(q.items.map((i) => [i.lead.lastName, i.reason])).toEqual([
      ['Lovelace', 'cadence_step_due'],
      ['Babbage', 'ready'],
    ]);
    expect(q.items[0]?.cadence?.step.instruction).toBe('Intro call');

    // Editing the cadence does not move the enrolment: it keeps version 1.
    const edited = await call<CadenceDto>(
      w.admin,
      'PATCH',
      `/api/v1/cadences/${cadence.id}`,
      { steps: outbound.steps.slice(0, 1) },
      { 'if-match': '1' },
    );
    expect(edited.body).toMatchObject({ cadenceVersion: 2, openEnrolments: 1 });
    expect(edited.body.steps).toHaveLength(1);

    // No answer: on to the email step, worked as a task due one business day later.
    expect((await logCall(w.rep, lead.id, 'no_answer')).status).toBe(201);
    let [now] = (await call<{ items: EnrolmentDto[] }>(w.rep, 'GET', `/api/v1/leads/${lead.id}/cadence-enrolments`))
      .body.items;
    expect(now).toMatchObject({ status: 'active', stepIndex: 1, stepCount: 3, dueAt: '2026-03-03T09:05:00.000Z' });
    expect(now?.step.kind).toBe('email');
    const task = (await call<ActivityDto>(w.rep, 'GET', `/api/v1/activities/${now?.stepTaskId}`)).body;
    expect(task).toMatchObject({
      type: 'task',
      leadId: lead.id,
      ownerId: w.rep.userId,
      dueAt: '2026-03-03T09:05:00.000Z',
    });
    q = (await call<CallQueueDto>(w.rep, 'GET', '/api/v1/call-queue')).body;
    // The step task is not a promised call back: the lead waits on its cadence.
    expect(q.items.map((i) => [i.lead.lastName, i.reason])).toEqual([
      ['Babbage', 'ready'],
      ['Lovelace', 'cadence_later'],
    ]);

    // The task done: the follow-up call is due two business hours later.
    clock.set('2026-03-03T16:00:00.000Z');
    const done = await call<ActivityDto>(
      w.rep,
      'PATCH',
      `/api/v1/activities/${task.id}`,
      { completed: true },
      { 'if-match': String(task.version) },
    );
    expect(done.status).toBe(200);
    [now] = (
      await call<{ items: EnrolmentDto[] }>(w.rep, 'GET', `/api/v1/leads/${lead.id}/cadence-enrolments`)
    ).body.items;
    expect(now).toMatchObject({ stepIndex: 2, dueAt: '2026-03-04T10:00:00.000Z', stepTaskId: null });

    // The job at the due time records the step as due, once.
    clock.set('2026-03-04T10:00:00.000Z');
    await checkEnrolment(deps, w.orgId, now?.id ?? '');
    await checkEnrolment(deps, w.orgId, now?.id ?? '');
    // Busy pauses two days; the next call resumes and books a meeting, which ends the enrolment.
    await logCall(w.rep, lead.id, 'busy');
    [now] = (
      await call<{ items: EnrolmentDto[] }>(w.rep, 'GET', `/api/v1/leads/${lead.id}/cadence-enrolments`)
    ).body.items;
    expect(now).toMatchObject({ status: 'paused', pausedUntil: '2026-03-06T10:00:00.000Z', pauseReason: 'busy' });
    await logCall(w.rep, lead.id, 'meeting_booked');
    [now] = (
      await call<{ items: EnrolmentDto[] }>(w.rep, 'GET', `/api/v1/leads/${lead.id}/cadence-enrolments`)
    ).body.items;
    expect(now).toMatchObject({ status: 'ended', endedReason: 'meeting booked', stepIndex: 2 });

    const types = await deps.db
      .selectFrom('events')
      .select('type')
      .where('org_id', '=', w.orgId)
      .where('entity_type', '=', 'cadence_enrolment')
      .orderBy('id')
      .execute();
    expect(types.map((t) => t.type)).toEqual([
      'cadence_enrolment.enrolled',
      'cadence_enrolment.advanced',
      'cadence_enrolment.advanced',
      'cadence_enrolment.step_due',
      'cadence_enrolment.paused',
      'cadence_enrolment.resumed',
      'cadence_enrolment.ended',
    ]);

    const figures = await call<{ items: CadenceFiguresDto[] }>(w.manager, 'GET', '/api/v1/cadences/performance');
    expect(figures.body.items[0]).toMatchObject({ enrolled: 1, reached: 1, converted: 1, ended: 1, open: 0 });
    expect(figures.body.items[0]?.steps.map((s) => [s.enrolled, s.converted, s.ended])).toEqual([
      [1, 0, 0],
      [1, 0, 0],
      [1, 1, 1],
    ]);
    expect((await call(w.rep, 'GET', '/api/v1/cadences/performance')).status).toBe(403);
  });

  it('ends the enrolment when the lead is disqualified, and by hand with If-Match', async () => {
    const w = await world();
    const cadence = (await call<CadenceDto>(w.admin, 'POST', '/api/v1/cadences', outbound)).body;
    const a = await newLead(w.marketer, w.rep.userId, 'Hopper');
    const b = await newLead(w.marketer, w.rep.userId, 'Turing');
    await call(w.manager, 'POST', `/api/v1/leads/${a.id}/cadence-enrolments`, { cadenceId: cadence.id });
    const eb = (
      await call<EnrolmentDto>(w.rep, 'POST', `/api/v1/leads/${b.id}/cadence-enrolments`, { cadenceId: cadence.id })
    ).body;
    const lead = (await call<LeadDto>(w.rep, 'GET', `/api/v1/leads/${a.id}`)).body;
    const dq = await call(
      w.rep,
      'PATCH',
      `/api/v1/leads/${a.id}`,
      { status: 'disqualified', disqualifiedReason: 'no budget' },
      { 'if-match': String(lead.version) },
    );
    expect(dq.status).toBe(200);
    const [ea] = (await call<{ items: EnrolmentDto[] }>(w.rep, 'GET', `/api/v1/leads/${a.id}/cadence-enrolments`)).body
      .items;
    expect(ea).toMatchObject({ status: 'ended', endedReason: 'lead disqualified' });

    const bad = await call(
      w.rep,
      'POST',
      `/api/v1/cadence-enrolments/${eb.id}/end`,
      { reason: '' },
      { 'if-match': '1' },
    );
    expect(fieldsOf(bad.raw)).toEqual(['reason']);
    const stale = await call(
      w.rep,
      'POST',
      `/api/v1/cadence-enrolments/${eb.id}/end`,
      { reason: 'x' },
      { 'if-match': '9' },
    );
    expect(stale.status).toBe(409);
    const ended = await call<EnrolmentDto>(
      w.rep,
      'POST',
      `/api/v1/cadence-enrolments/${eb.id}/end`,
      { reason: 'asked to stop' },
      { 'if-match': String(eb.version) },
    );
    expect(ended.body).toMatchObject({ status: 'ended', endedReason: 'asked to stop' });
    // A new enrolment is possible once the last one ended.
    expect(
      (await call(w.rep, 'POST', `/api/v1/leads/${b.id}/cadence-enrolments`, { cadenceId: cadence.id })).status,
    ).toBe(201);
  });

  it('counts business delays past the days of the organization’s default holiday calendar', async () => {
    const w = await world();
    const holidays = (name: string, start: string, extra: object) =>
      call(w.admin, 'POST', '/api/v1/holiday-calendars', { name, holidays: [{ name: 'Off', start }], ...extra });
    // Tuesday 3 March is a holiday of the default calendar; Wednesday 4 March only of the rep's own
    // calendar, which business hours (the organization's, as the hand-off SLA's) do not follow.
    expect((await holidays('Company', '2026-03-03', { isDefault: true })).status).toBe(201);
    expect((await holidays('Rep’s own', '2026-03-04', { userIds: [w.rep.userId] })).status).toBe(201);
    const cadence = (
      await call<CadenceDto>(w.admin, 'POST', '/api/v1/cadences', {
        name: 'Across a holiday',
        steps: [
          { kind: 'call', delay: { amount: 2, unit: 'hours', clock: 'business' }, instruction: 'First call' },
          { kind: 'call', delay: { amount: 1, unit: 'days', clock: 'business' }, instruction: 'Second call' },
        ],
        rules: {},
      })
    ).body;
    const lead = await newLead(w.marketer, w.rep.userId, 'Noether');
    // Monday 16:00: one business hour on Monday, Tuesday is the holiday, one on Wednesday from 09:00.
    clock.set('2026-03-02T16:00:00.000Z');
    const e = await call<EnrolmentDto>(w.rep, 'POST', `/api/v1/leads/${lead.id}/cadence-enrolments`, {
      cadenceId: cadence.id,
    });
    expect(e.status).toBe(201);
    expect(e.body.dueAt).toBe('2026-03-04T10:00:00.000Z');
    // No answer on Monday 16:30: the next call is one business day on, Wednesday (Tuesday is off).
    clock.set('2026-03-02T16:30:00.000Z');
    expect((await logCall(w.rep, lead.id, 'no_answer')).status).toBe(201);
    const [now] = (await call<{ items: EnrolmentDto[] }>(w.rep, 'GET', `/api/v1/leads/${lead.id}/cadence-enrolments`))
      .body.items;
    expect(now).toMatchObject({ stepIndex: 1, dueAt: '2026-03-04T16:30:00.000Z' });
  });
});
