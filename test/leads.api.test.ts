import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/contract/access.ts';
import { ManualClock } from '../src/domain/deps.ts';
import { write } from '../src/modules/context.ts';
import { markLeadConverted } from '../src/modules/leads/leads.service.ts';
import { createApi, type Api } from './helpers/api.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg, createTestUser, type TestOrg } from './helpers/factories.ts';
import { createSalesTeam } from './helpers/sales-team.ts';

interface Lead {
  id: string;
  lastName: string;
  status: string;
  disqualifiedReason: string | null;
  ownerId: string | null;
  convertedAt: string | null;
  convertedAccountId: string | null;
  version: number;
}
interface Page {
  items: Lead[];
  nextCursor: string | null;
}

const clock = new ManualClock('2026-03-02T09:00:00.000Z');
let deps: TestDeps;
let api: Api;
let org: TestOrg;

beforeAll(async () => {
  deps = await createTestDeps({ clock });
  api = await createApi(deps);
  org = await createTestOrg(deps);
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
const names = (res: LightMyRequestResponse) => res.json<Page>().items.map((l) => l.lastName);

async function createLead(actor: Actor, payload: Record<string, unknown>): Promise<Lead> {
  clock.advance(1000);
  const res = await api.as(actor, { method: 'POST', url: '/api/v1/leads', payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Lead>();
}

const patch = (actor: Actor, id: string, version: number | string, payload: Record<string, unknown>) =>
  api.as(actor, { method: 'PATCH', url: `/api/v1/leads/${id}`, headers: { 'if-match': String(version) }, payload });

const eventsOf = (id: string) =>
  deps.db.selectFrom('events').select(['type', 'data']).where('entity_id', '=', id).orderBy('id').execute();

describe('leads over HTTP', () => {
  it('creates, reads, updates with If-Match and refuses a stale version with 409', async () => {
    const lead = await createLead(org.admin, {
      firstName: 'Road',
      lastName: 'Runner',
      email: 'road@runner.example',
      phone: '+1 (555) 010-0200',
      company: 'Desert Birds',
      companyDomain: 'Desert.Example',
      source: 'webinar',
      campaignId: '0b8c5a3e-9d8e-4a47-9a84-0f0cbd7e8a11',
    });
    expect(lead).toMatchObject({
      status: 'new',
      companyDomain: 'desert.example',
      ownerId: org.admin.userId,
      disqualifiedReason: null,
      convertedAt: null,
      version: 1,
    });

    const updated = await patch(org.admin, lead.id, 1, { status: 'working', title: 'Chief Sprinter' });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ status: 'working', title: 'Chief Sprinter', version: 2 });

    const stale = await patch(org.admin, lead.id, 1, { title: 'x' });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(stale.json()).toMatchObject({ code: 'version_conflict', currentVersion: 2, sentVersion: 1 });
    expect(
      (await api.as(org.admin, { method: 'PATCH', url: `/api/v1/leads/${lead.id}`, payload: { title: 'x' } }))
        .statusCode,
    ).toBe(428);

    // A status change is its own event, never repeated inside lead.updated.
    const events = await eventsOf(lead.id);
    expect(events.map((e) => e.type)).toEqual(['lead.created', 'lead.status_changed', 'lead.updated']);
    expect(events[1]?.data).toEqual({ from: 'new', to: 'working' });
    expect(events[2]?.data).toEqual({ changes: { title: { from: null, to: 'Chief Sprinter' } } });

    const timeline = await api.as(org.admin, { method: 'GET', url: `/api/v1/leads/${lead.id}/timeline` });
    expect(timeline.json<{ items: { type: string }[] }>().items.map((i) => i.type)).toEqual([
      'lead.updated',
      'lead.status_changed',
      'lead.created',
    ]);
  });

  it('answers bad input with problem+json naming every bad field', async () => {
    const bad = await api.as(org.admin, {
      method: 'POST',
      url: '/api/v1/leads',
      payload: {
        lastName: '',
        email: 'nope',
        phone: 'ring ring',
        companyDomain: 'not a domain',
        campaignId: 'abc',
        status: 'converted',
        ownerId: 'me',
        colour: 'red',
      },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(fieldsOf(bad)).toEqual([
      'campaignId',
      'colour',
      'companyDomain',
      'email',
      'lastName',
      'ownerId',
      'phone',
      'status',
    ]);
    const status = bad
      .json<{ errors: { field: string; message: string }[] }>()
      .errors.find((e) => e.field === 'status');
    expect(status?.message).toMatch(/converted only by converting/);

    const together = await api.as(org.admin, {
      method: 'POST',
      url: '/api/v1/leads',
      payload: { lastName: 'X', status: 'disqualified', ownerId: '0b8c5a3e-9d8e-4a47-9a84-0f0cbd7e8a11' },
    });
    expect(together.statusCode).toBe(422);
    expect(fieldsOf(together)).toEqual(['disqualifiedReason', 'ownerId']);

    const badQuery = await api.as(org.admin, {
      method: 'GET',
      url: '/api/v1/leads?status=new,bogus&sort=name&limit=0',
    });
    expect(badQuery.statusCode).toBe(422);
    expect(fieldsOf(badQuery)).toEqual(['limit', 'sort', 'status.1']);
  });

  it('needs a reason to disqualify, clears it on reopening, and never sets converted by PATCH', async () => {
    const lead = await createLead(org.admin, { lastName: 'Maybe' });
    const noReason = await patch(org.admin, lead.id, 1, { status: 'disqualified' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'disqualifiedReason', message: 'is required when the status is disqualified' }],
    });
    const blank = await patch(org.admin, lead.id, 1, { status: 'disqualified', disqualifiedReason: '   ' });
    expect(fieldsOf(blank)).toEqual(['disqualifiedReason']);

    const dq = await patch(org.admin, lead.id, 1, {
      status: 'disqualified',
      disqualifiedReason: 'No budget this year',
    });
    expect(dq.statusCode).toBe(200);
    expect(dq.json()).toMatchObject({ status: 'disqualified', disqualifiedReason: 'No budget this year', version: 2 });
    const dropReason = await patch(org.admin, lead.id, 2, { disqualifiedReason: null });
    expect(fieldsOf(dropReason)).toEqual(['disqualifiedReason']);

    const reasonWithoutStatus = await patch(org.admin, lead.id, 2, {
      status: 'working',
      disqualifiedReason: 'still no budget',
    });
    expect(fieldsOf(reasonWithoutStatus)).toEqual(['disqualifiedReason']);
    const reopened = await patch(org.admin, lead.id, 2, { status: 'working' });
    expect(reopened.json()).toMatchObject({ status: 'working', disqualifiedReason: null, version: 3 });

    const converted = await patch(org.admin, lead.id, 3, { status: 'converted' });
    expect(converted.statusCode).toBe(422);
    expect(fieldsOf(converted)).toEqual(['status']);

    const events = await eventsOf(lead.id);
    expect(events.map((e) => e.type)).toEqual([
      'lead.created',
      'lead.status_changed',
      'lead.updated',
      'lead.status_changed',
      'lead.updated',
    ]);
    expect(events[3]?.data).toEqual({ from: 'disqualified', to: 'working' });
    expect(events[4]?.data).toEqual({ changes: { disqualifiedReason: { from: 'No budget this year', to: null } } });
  });

  it('becomes converted only through conversion, and a converted lead cannot be changed', async () => {
    const lead = await createLead(org.admin, { lastName: 'Convertible', company: 'Acme' });
    const account = (
      await api.as(org.admin, { method: 'POST', url: '/api/v1/accounts', payload: { name: 'Acme' } })
    ).json<{ id: string }>();
    const converted = await write(deps, org.orgId, (trx) =>
      markLeadConverted(trx, deps, org.admin, lead.id, 1, { accountId: account.id, contactId: null, dealId: null }),
    );
    expect(converted).toMatchObject({
      status: 'converted',
      convertedAccountId: account.id,
      convertedAt: clock.now().toISOString(),
      version: 2,
    });

    const edit = await patch(org.admin, lead.id, 2, { title: 'x' });
    expect(edit.statusCode).toBe(422);
    expect(edit.json()).toMatchObject({ code: 'invalid_transition', status: 422, leadStatus: 'converted' });
    const reopen = await patch(org.admin, lead.id, '*', { status: 'working' });
    expect(reopen.json()).toMatchObject({ code: 'invalid_transition' });
    const del = await api.as(org.admin, {
      method: 'DELETE',
      url: `/api/v1/leads/${lead.id}`,
      headers: { 'if-match': '2' },
    });
    expect(del.json()).toMatchObject({ code: 'invalid_transition' });
    await expect(
      write(deps, org.orgId, (trx) =>
        markLeadConverted(trx, deps, org.admin, lead.id, 2, { accountId: null, contactId: null, dealId: null }),
      ),
    ).rejects.toMatchObject({ code: 'invalid_transition' });

    const got = await api.as(org.admin, { method: 'GET', url: `/api/v1/leads/${lead.id}` });
    expect(got.json()).toMatchObject({ status: 'converted', version: 2 });
    const events = await eventsOf(lead.id);
    expect(events.map((e) => e.type)).toEqual(['lead.created', 'lead.status_changed', 'lead.updated']);
    expect(events[1]?.data).toEqual({ from: 'new', to: 'converted' });
    expect(events[2]?.data).toMatchObject({ changes: { convertedAccountId: { from: null, to: account.id } } });
  });

  it('scopes leads: reps their own, managers their team, marketing all; other organizations never', async () => {
    const o = await createTestOrg(deps);
    const t = await createSalesTeam(deps, o.admin);
    const mine = await createLead(t.rep, { lastName: 'Mine' });
    await createLead(t.teammate, { lastName: 'Teammates' });
    await createLead(t.outsider, { lastName: 'Outsiders' });
    const queued = await createLead(t.marketing, { lastName: 'Queued', ownerId: null, source: 'trade show' });
    expect(queued.ownerId).toBeNull();

    const list = (actor: Actor) => api.as(actor, { method: 'GET', url: '/api/v1/leads?sort=last_name' });
    expect(names(await list(t.rep))).toEqual(['Mine']);
    expect(names(await list(t.manager))).toEqual(['Mine', 'Teammates']);
    expect(names(await list(t.marketing))).toEqual(['Mine', 'Outsiders', 'Queued', 'Teammates']);
    expect((await api.as(t.teammate, { method: 'GET', url: `/api/v1/leads/${mine.id}` })).statusCode).toBe(404);

    // A rep cannot create an unowned lead or hand one over; marketing routes leads to anyone.
    const unowned = await api.as(t.rep, {
      method: 'POST',
      url: '/api/v1/leads',
      payload: { lastName: 'X', ownerId: null },
    });
    expect(fieldsOf(unowned)).toEqual(['ownerId']);
    expect((await patch(t.rep, mine.id, 1, { ownerId: t.teammate.userId })).statusCode).toBe(403);
    const routed = await patch(t.marketing, queued.id, 1, { ownerId: t.outsider.userId, status: 'working' });
    expect(routed.statusCode).toBe(200);
    expect((await eventsOf(queued.id)).map((e) => e.type)).toEqual([
      'lead.created',
      'lead.status_changed',
      'lead.assigned',
    ]);
    expect(names(await list(t.outsider))).toEqual(['Outsiders', 'Queued']);

    const partnerAccount = (
      await api.as(o.admin, {
        method: 'POST',
        url: '/api/v1/accounts',
        payload: { name: 'Channel Co', type: 'reseller' },
      })
    ).json<{ id: string }>();
    const partner = await createTestUser(deps, o.admin, 'partner', { partnerAccountId: partnerAccount.id });
    expect(names(await list(partner))).toEqual([]);
    expect(
      (await api.as(partner, { method: 'POST', url: '/api/v1/leads', payload: { lastName: 'X' } })).statusCode,
    ).toBe(403);

    const other = await createTestOrg(deps);
    expect((await api.as(other.admin, { method: 'GET', url: `/api/v1/leads/${mine.id}` })).statusCode).toBe(404);
    expect((await patch(other.admin, mine.id, '*', { title: 'x' })).statusCode).toBe(404);
    expect(names(await list(other.admin))).toEqual([]);
  });

  it('filters by status lists, owner, source, text and creation time, and pages', async () => {
    const o = await createTestOrg(deps);
    const rep = await createTestUser(deps, o.admin, 'rep');
    await createLead(o.admin, { lastName: 'Newman', source: 'web' });
    const cutoff = new Date(clock.now().getTime() + 500).toISOString();
    await createLead(o.admin, { lastName: 'Worker', status: 'working', source: 'web', ownerId: rep.userId });
    await createLead(o.admin, {
      lastName: 'Qualls',
      status: 'qualified',
      company: 'Initech',
      email: 'q@initech.example',
    });
    await createLead(o.admin, { lastName: 'Dropped', status: 'disqualified', disqualifiedReason: 'Student' });

    const get = (qs: string) => api.as(o.admin, { method: 'GET', url: `/api/v1/leads?${qs}` });
    expect(names(await get('status=working'))).toEqual(['Worker']);
    expect(names(await get('status=new,qualified'))).toEqual(['Newman', 'Qualls']);
    expect(names(await get('status=new&status=disqualified'))).toEqual(['Newman', 'Dropped']);
    expect(names(await get(`ownerId=${rep.userId}`))).toEqual(['Worker']);
    expect(names(await get('source=web&order=desc'))).toEqual(['Worker', 'Newman']);
    expect(names(await get('q=initech'))).toEqual(['Qualls']);
    expect(names(await get('q=q%40initech'))).toEqual(['Qualls']);
    expect(names(await get(`createdTo=${encodeURIComponent(cutoff)}`))).toEqual(['Newman']);
    expect(names(await get(`createdFrom=${encodeURIComponent(cutoff)}&status=new,working`))).toEqual(['Worker']);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await get(`sort=last_name&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...names(res));
      cursor = res.json<Page>().nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Dropped', 'Newman', 'Qualls', 'Worker']);
  });

  it('soft-deletes with If-Match', async () => {
    const lead = await createLead(org.admin, { lastName: 'Temporary' });
    expect(
      (await api.as(org.admin, { method: 'DELETE', url: `/api/v1/leads/${lead.id}`, headers: { 'if-match': '1' } }))
        .statusCode,
    ).toBe(204);
    expect((await api.as(org.admin, { method: 'GET', url: `/api/v1/leads/${lead.id}` })).statusCode).toBe(404);
    expect((await eventsOf(lead.id)).map((e) => e.type)).toEqual(['lead.created', 'lead.deleted']);
    const verify = await api.as(org.admin, { method: 'GET', url: '/api/v1/audit/verify' });
    expect(verify.json()).toMatchObject({ ok: true, unsealed: 0 });
  });
});

describe('inside sales works a lead by phone', () => {
  it('logs a call and a call-back task on its lead; the lead shows when it was last touched', async () => {
    const inside = await createTestUser(deps, org.admin, 'inside_sales');
    const lead = await createLead(inside, { lastName: 'Dialled', company: 'Phone Co' });
    expect(lead).toMatchObject({ lastTouchedAt: null });

    // A note or a task is not contact with the person: the lead stays untouched.
    clock.advance(60_000);
    const task = await api.as(inside, {
      method: 'POST',
      url: '/api/v1/activities',
      payload: { type: 'task', subject: 'Call Dialled back', leadId: lead.id, dueAt: '2026-03-03T10:00:00.000Z' },
    });
    expect(task.statusCode, task.body).toBe(201);
    const still = await api.as(inside, { method: 'GET', url: `/api/v1/leads/${lead.id}` });
    expect(still.json<Lead & { lastTouchedAt: string | null }>().lastTouchedAt).toBeNull();

    const call = await api.as(inside, {
      method: 'POST',
      url: '/api/v1/activities',
      payload: {
        type: 'call',
        leadId: lead.id,
        direction: 'outbound',
        disposition: 'call_back_later',
        occurredAt: '2026-03-02T08:30:00.000Z',
      },
    });
    expect(call.statusCode, call.body).toBe(201);
    const touched = await api.as(inside, { method: 'GET', url: `/api/v1/leads/${lead.id}` });
    expect(touched.json<{ lastTouchedAt: string }>().lastTouchedAt).toBe('2026-03-02T08:30:00.000Z');

    // The list carries it too, and an update of the lead keeps it.
    const list = await api.as(inside, { method: 'GET', url: '/api/v1/leads?limit=200' });
    const listed = list
      .json<{ items: (Lead & { lastTouchedAt: string | null })[] }>()
      .items.find((l) => l.id === lead.id);
    expect(listed?.lastTouchedAt).toBe('2026-03-02T08:30:00.000Z');
    const changed = await patch(inside, lead.id, lead.version, { status: 'working' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json<{ lastTouchedAt: string }>().lastTouchedAt).toBe('2026-03-02T08:30:00.000Z');

    // The call-back task is on the inside rep's agenda.
    const agenda = await api.as(inside, { method: 'GET', url: '/api/v1/tasks/agenda' });
    expect(agenda.statusCode, agenda.body).toBe(200);
    const due = agenda.json<{ upcoming: { subject: string; leadId: string }[] }>().upcoming;
    expect(due).toContainEqual(expect.objectContaining({ subject: 'Call Dialled back', leadId: lead.id }));
  });
});
