import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ActivityDto } from '../src/contract/activities.ts';
import { ManualClock } from '../src/domain/deps.ts';
import type { RaisedObjectionDto } from '../src/contract/objections.ts';
import { createApi, type Api } from './helpers/api.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg, createTestTeam, createTestUser } from './helpers/factories.ts';
import { insertContact, insertDeal, insertLead } from './helpers/sales-rows.ts';

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

/** An organization with a team (manager + rep), a rep outside the team, an auditor, and a deal and contact of the rep. */
async function world() {
  const org = await createTestOrg(deps);
  const team = await createTestTeam(deps, org.admin);
  const manager = await createTestUser(deps, org.admin, 'manager', { teamId: team.id });
  const rep = await createTestUser(deps, org.admin, 'rep', { teamId: team.id, managerId: manager.userId });
  const otherRep = await createTestUser(deps, org.admin, 'rep');
  const auditor = await createTestUser(deps, org.admin, 'auditor');
  const dealId = await insertDeal(deps, org.orgId, { ownerId: rep.userId });
  const contactId = await insertContact(deps, org.orgId, { ownerId: rep.userId });
  // Tokens are created (with an event) on first use; create them now so event counts stay about the test.
  for (const a of [org.admin, manager, rep, otherRep, auditor]) await api.tokenFor(a);
  return { ...org, manager, rep, otherRep, auditor, dealId, contactId };
}

const fieldsOf = (res: LightMyRequestResponse) =>
  res
    .json<{ errors: { field: string }[] }>()
    .errors.map((e) => e.field)
    .sort();

async function counts(orgId: string) {
  const n = async (table: 'activities' | 'raised_objections' | 'events') =>
    Number(
      (
        await deps.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .where('org_id', '=', orgId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { activities: await n('activities'), raised: await n('raised_objections'), events: await n('events') };
}

beforeEach(() => clock.set('2026-01-05T09:00:00.000Z'));

describe('activity types', () => {
  it('logs each type with its own fields, keeping the business time apart from the system time', async () => {
    const w = await world();
    const post = (payload: Record<string, unknown>) =>
      api.as(w.rep, { method: 'POST', url: '/api/v1/activities', payload: { dealId: w.dealId, ...payload } });

    const call = await post({
      type: 'call',
      direction: 'outbound',
      disposition: 'connected',
      durationSeconds: 240,
      occurredAt: '2025-12-30T14:10:00+01:00',
      subject: 'Discovery',
    });
    expect(call.statusCode).toBe(201);
    const c = call.json<ActivityDto>();
    expect(c).toMatchObject({
      type: 'call',
      direction: 'outbound',
      disposition: 'connected',
      durationSeconds: 240,
      occurredAt: '2025-12-30T13:10:00.000Z',
      ownerId: w.rep.userId,
      version: 1,
    });
    expect(c.createdAt).toBe('2026-01-05T09:00:00.000Z');

    const meeting = await post({
      type: 'meeting',
      start: '2026-01-10T10:00:00Z',
      end: '2026-01-10T11:00:00Z',
      location: 'HQ',
      attendees: ['buyer@example.test', 'Pat Buyer'],
      outcome: 'held',
    });
    expect(meeting.statusCode).toBe(201);
    expect(meeting.json()).toMatchObject({
      type: 'meeting',
      occurredAt: '2026-01-10T10:00:00.000Z',
      start: '2026-01-10T10:00:00.000Z',
      end: '2026-01-10T11:00:00.000Z',
      attendees: ['buyer@example.test', 'Pat Buyer'],
      outcome: 'held',
      direction: null,
    });

    const email = await post({
      type: 'email',
      direction: 'inbound',
      subject: 'Re: pricing',
      body: 'Can you do 10% off?',
    });
    expect(email.statusCode).toBe(201);
    expect(email.json()).toMatchObject({
      type: 'email',
      direction: 'inbound',
      occurredAt: '2026-01-05T09:00:00.000Z',
      disposition: null,
    });

    const task = await post({ type: 'task', subject: 'Send proposal', dueAt: '2026-01-12T17:00:00Z' });
    expect(task.statusCode).toBe(201);
    expect(task.json()).toMatchObject({
      type: 'task',
      dueAt: '2026-01-12T17:00:00.000Z',
      completed: false,
      completedAt: null,
      occurredAt: null,
    });

    const note = await post({ type: 'note', body: 'Budget owner is the CFO' });
    expect(note.statusCode).toBe(201);
    expect(note.json()).toMatchObject({ type: 'note', body: 'Budget owner is the CFO', completed: null });

    const ev = await deps.db
      .selectFrom('events')
      .select(['type', 'occurred_at', 'business_time'])
      .where('entity_id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(ev.type).toBe('activity.created');
    expect(ev.occurred_at.toISOString()).toBe('2026-01-05T09:00:00.000Z');
    expect(ev.business_time?.toISOString()).toBe('2025-12-30T13:10:00.000Z');
  });

  it('refuses fields of another type, and missing required ones, naming each', async () => {
    const w = await world();
    const before = await counts(w.orgId);
    const post = (payload: Record<string, unknown>) =>
      api.as(w.rep, { method: 'POST', url: '/api/v1/activities', payload: { dealId: w.dealId, ...payload } });
    const cases: [Record<string, unknown>, string[]][] = [
      [
        { type: 'call', direction: 'outbound', disposition: 'connected', start: '2026-01-10T10:00:00Z', attendees: [] },
        ['attendees', 'start'],
      ],
      [{ type: 'call', direction: 'sideways', disposition: 'maybe' }, ['direction', 'disposition']],
      [{ type: 'meeting', disposition: 'connected', location: 'HQ' }, ['disposition', 'start']],
      [{ type: 'meeting', start: '2026-01-10T10:00:00Z', end: '2026-01-10T09:00:00Z' }, ['end']],
      [{ type: 'email', direction: 'inbound', dueAt: '2026-01-10T10:00:00Z' }, ['dueAt']],
      [{ type: 'task', durationSeconds: 60, completed: 'yes' }, ['completed', 'durationSeconds', 'subject']],
      [{ type: 'note', direction: 'inbound' }, ['body', 'direction']],
      [{ type: 'fax', body: 'x' }, ['type']],
      // business dates are bounded (1990-01-01 … 2099-12-31): a typo is refused by name, not stored
      [
        { type: 'call', direction: 'outbound', disposition: 'connected', occurredAt: '1900-01-01T10:00:00Z' },
        ['occurredAt'],
      ],
      [{ type: 'meeting', start: '0999-09-09T10:00:00Z', end: '2100-01-01T00:00:00Z' }, ['end', 'start']],
      [{ type: 'task', subject: 'Call back', dueAt: '2100-01-01T01:00:00Z' }, ['dueAt']],
    ];
    for (const [payload, fields] of cases) {
      const res = await post(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(422);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(fieldsOf(res), JSON.stringify(payload)).toEqual(fields);
    }
    expect(await counts(w.orgId)).toEqual(before);
  });

  it('requires a link to a live record the actor can see', async () => {
    const w = await world();
    const none = await api.as(w.rep, {
      method: 'POST',
      url: '/api/v1/activities',
      payload: { type: 'note', body: 'orphan' },
    });
    expect(none.statusCode).toBe(422);
    expect(fieldsOf(none)).toEqual(['accountId', 'contactId', 'dealId', 'leadId']);

    const othersDeal = await insertDeal(deps, w.orgId, { ownerId: w.otherRep.userId });
    const deletedContact = await insertContact(deps, w.orgId, { ownerId: w.rep.userId, deleted: true });
    const foreign = await createTestOrg(deps);
    const foreignLead = await insertLead(deps, foreign.orgId, { ownerId: foreign.admin.userId });
    const bad = await api.as(w.rep, {
      method: 'POST',
      url: '/api/v1/activities',
      payload: {
        type: 'note',
        body: 'x',
        dealId: othersDeal,
        contactId: deletedContact,
        leadId: foreignLead,
        accountId: '00000000-0000-4000-8000-000000000000',
      },
    });
    expect(bad.statusCode).toBe(422);
    expect(fieldsOf(bad)).toEqual(['accountId', 'contactId', 'dealId', 'leadId']);

    const ok = await api.as(w.rep, {
      method: 'POST',
      url: '/api/v1/activities',
      payload: { type: 'note', body: 'x', contactId: w.contactId },
    });
    expect(ok.statusCode).toBe(201);
    const unlink = await api.as(w.rep, {
      method: 'PATCH',
      url: `/api/v1/activities/${ok.json<ActivityDto>().id}`,
      headers: { 'if-match': '1' },
      payload: { contactId: null },
    });
    expect(unlink.statusCode).toBe(422);
    expect(fieldsOf(unlink)).toEqual(['accountId', 'contactId', 'dealId', 'leadId']);
  });
});

describe('a call with objections', () => {
  it('writes the call, its objections and their events together', async () => {
    const w = await world();
    const lib = await api.as(w.manager, {
      method: 'POST',
      url: '/api/v1/objections',
      payload: { category: 'price', title: 'Too expensive', recommendedResponses: ['Break down the ROI'] },
    });
    expect(lib.statusCode).toBe(201);
    const libId = lib.json<{ id: string }>().id;
    const before = await counts(w.orgId);

    const res = await api.as(w.rep, {
      method: 'POST',
      url: '/api/v1/activities',
      payload: {
        type: 'call',
        direction: 'outbound',
        disposition: 'connected',
        occurredAt: '2026-01-04T15:00:00Z',
        dealId: w.dealId,
        objections: [
          {
            objectionId: libId,
            category: 'price',
            buyerWords: 'That is way over our budget',
            responseUsed: 'ROI breakdown',
            outcome: 'resolved',
          },
          { category: 'timing', buyerWords: 'Call me after Q2', outcome: 'unresolved' },
        ],
      },
    });
    expect(res.statusCode).toBe(201);
    const call = res.json<ActivityDto & { objections: RaisedObjectionDto[] }>();
    expect(call.objections).toHaveLength(2);
    expect(call.objections[0]).toMatchObject({
      objectionTitle: 'Too expensive',
      activityId: call.id,
      dealId: w.dealId,
      raisedAt: '2026-01-04T15:00:00.000Z',
      raisedBy: w.rep.userId,
    });

    const after = await counts(w.orgId);
    expect(after).toEqual({ activities: before.activities + 1, raised: before.raised + 2, events: before.events + 3 });
    const types = await deps.db
      .selectFrom('events')
      .select('type')
      .where('org_id', '=', w.orgId)
      .where('type', 'in', ['activity.created', 'objection.raised'])
      .execute();
    expect(types.map((t) => t.type).sort()).toEqual(['activity.created', 'objection.raised', 'objection.raised']);

    const listed = await api.as(w.rep, { method: 'GET', url: `/api/v1/activities/${call.id}/objections` });
    // Objections of one call share its time; their order among themselves is not kept.
    expect(
      listed
        .json<{ items: RaisedObjectionDto[] }>()
        .items.map((o) => [o.category, o.objectionTitle])
        .sort(),
    ).toEqual([
      ['price', 'Too expensive'],
      ['timing', null],
    ]);
    const onDeal = await api.as(w.rep, { method: 'GET', url: `/api/v1/deals/${w.dealId}/objections` });
    expect(onDeal.json<{ items: unknown[] }>().items).toHaveLength(2);
  });

  it('rolls the whole call back when one objection is bad', async () => {
    const w = await world();
    const before = await counts(w.orgId);
    const res = await api.as(w.rep, {
      method: 'POST',
      url: '/api/v1/activities',
      payload: {
        type: 'call',
        direction: 'outbound',
        disposition: 'connected',
        dealId: w.dealId,
        objections: [
          { category: 'need', buyerWords: 'We already have a tool', outcome: 'unresolved' },
          {
            objectionId: '00000000-0000-4000-8000-000000000000',
            category: 'price',
            buyerWords: 'Too pricey',
            outcome: 'resolved',
          },
        ],
      },
    });
    expect(res.statusCode).toBe(422);
    expect(fieldsOf(res)).toEqual(['objections.1.objectionId']);
    const shape = await api.as(w.rep, {
      method: 'POST',
      url: '/api/v1/activities',
      payload: {
        type: 'call',
        direction: 'outbound',
        disposition: 'connected',
        dealId: w.dealId,
        objections: [{ category: 'vibes', buyerWords: '', outcome: 'resolved', extra: 1 }],
      },
    });
    expect(shape.statusCode).toBe(422);
    expect(fieldsOf(shape)).toEqual(['objections.0.buyerWords', 'objections.0.category', 'objections.0.extra']);
    const notACall = await api.as(w.rep, {
      method: 'POST',
      url: '/api/v1/activities',
      payload: {
        type: 'note',
        body: 'x',
        dealId: w.dealId,
        objections: [{ category: 'need', buyerWords: 'No need', outcome: 'unresolved' }],
      },
    });
    expect(fieldsOf(notACall)).toEqual(['objections']);
    expect(await counts(w.orgId)).toEqual(before);
  });
});

describe('activity access', () => {
  it('hides another rep’s activities (404) and shows the team’s to its manager', async () => {
    const w = await world();
    const mine = (
      await api.as(w.rep, {
        method: 'POST',
        url: '/api/v1/activities',
        payload: { type: 'note', body: 'secret', dealId: w.dealId },
      })
    ).json<ActivityDto>();
    for (const url of [
      `/api/v1/activities/${mine.id}`,
      `/api/v1/activities/${mine.id}/timeline`,
      `/api/v1/activities/${mine.id}/objections`,
    ]) {
      expect((await api.as(w.otherRep, { method: 'GET', url })).statusCode, url).toBe(404);
    }
    const patch = await api.as(w.otherRep, {
      method: 'PATCH',
      url: `/api/v1/activities/${mine.id}`,
      headers: { 'if-match': '1' },
      payload: { body: 'mine now' },
    });
    expect(patch.statusCode).toBe(404);
    const list = await api.as(w.otherRep, { method: 'GET', url: '/api/v1/activities' });
    expect(list.json<{ items: unknown[] }>().items).toHaveLength(0);
    expect((await api.as(w.manager, { method: 'GET', url: `/api/v1/activities/${mine.id}` })).statusCode).toBe(200);
    const handOff = await api.as(w.rep, {
      method: 'PATCH',
      url: `/api/v1/activities/${mine.id}`,
      headers: { 'if-match': '1' },
      payload: { ownerId: w.otherRep.userId },
    });
    expect(handOff.statusCode).toBe(403);
  });

  it('lets an auditor read but not write (403)', async () => {
    const w = await world();
    const a = (
      await api.as(w.rep, {
        method: 'POST',
        url: '/api/v1/activities',
        payload: { type: 'note', body: 'audited', dealId: w.dealId },
      })
    ).json<ActivityDto>();
    expect((await api.as(w.auditor, { method: 'GET', url: `/api/v1/activities/${a.id}` })).statusCode).toBe(200);
    expect(
      (await api.as(w.auditor, { method: 'GET', url: '/api/v1/activities' })).json<{ items: unknown[] }>().items,
    ).toHaveLength(1);
    const create = await api.as(w.auditor, {
      method: 'POST',
      url: '/api/v1/activities',
      payload: { type: 'note', body: 'x', dealId: w.dealId },
    });
    expect(create.statusCode).toBe(403);
    expect(
      (
        await api.as(w.auditor, {
          method: 'PATCH',
          url: `/api/v1/activities/${a.id}`,
          headers: { 'if-match': '1' },
          payload: { body: 'y' },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await api.as(w.auditor, { method: 'DELETE', url: `/api/v1/activities/${a.id}`, headers: { 'if-match': '1' } }))
        .statusCode,
    ).toBe(403);
  });
});

describe('updating and deleting activities', () => {
  it('updates with If-Match, refuses a stale version (409) and fields of another type (422)', async () => {
    const w = await world();
    const a = (
      await api.as(w.rep, {
        method: 'POST',
        url: '/api/v1/activities',
        payload: { type: 'call', direction: 'outbound', disposition: 'no_answer', dealId: w.dealId },
      })
    ).json<ActivityDto>();
    const ok = await api.as(w.rep, {
      method: 'PATCH',
      url: `/api/v1/activities/${a.id}`,
      headers: { 'if-match': '1' },
      payload: { disposition: 'left_voicemail', durationSeconds: 30 },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      version: 2,
      disposition: 'left_voicemail',
      durationSeconds: 30,
      direction: 'outbound',
    });
    const stale = await api.as(w.rep, {
      method: 'PATCH',
      url: `/api/v1/activities/${a.id}`,
      headers: { 'if-match': '1' },
      payload: { disposition: 'busy' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'version_conflict', currentVersion: 2, sentVersion: 1 });
    expect(
      (await api.as(w.rep, { method: 'PATCH', url: `/api/v1/activities/${a.id}`, payload: { disposition: 'busy' } }))
        .statusCode,
    ).toBe(428);
    const wrong = await api.as(w.rep, {
      method: 'PATCH',
      url: `/api/v1/activities/${a.id}`,
      headers: { 'if-match': '2' },
      payload: { dueAt: '2026-02-01T00:00:00Z', location: 'HQ' },
    });
    expect(wrong.statusCode).toBe(422);
    const errors = wrong.json<{ errors: { field: string; message: string }[] }>().errors;
    expect([...errors].sort((x, y) => x.field.localeCompare(y.field))).toEqual([
      { field: 'dueAt', message: 'is not a field of a call activity' },
      { field: 'location', message: 'is not a field of a call activity' },
    ]);
    const ev = await deps.db
      .selectFrom('events')
      .select(['type', 'data'])
      .where('entity_id', '=', a.id)
      .orderBy('id')
      .execute();
    expect(ev.map((e) => e.type)).toEqual(['activity.created', 'activity.updated']);
    expect(ev[1]?.data).toEqual({
      changes: {
        callDisposition: { from: 'no_answer', to: 'left_voicemail' },
        durationSeconds: { from: null, to: 30 },
      },
    });
  });

  it('completes a task once (activity.completed), reassigns within the team and soft-deletes', async () => {
    const w = await world();
    const t = (
      await api.as(w.manager, {
        method: 'POST',
        url: '/api/v1/activities',
        payload: { type: 'task', subject: 'Follow up', dealId: w.dealId, ownerId: w.rep.userId },
      })
    ).json<ActivityDto>();
    expect(t.ownerId).toBe(w.rep.userId);
    clock.set('2026-01-06T08:00:00.000Z');
    const done = await api.as(w.rep, {
      method: 'PATCH',
      url: `/api/v1/activities/${t.id}`,
      headers: { 'if-match': '1' },
      payload: { completed: true },
    });
    expect(done.json()).toMatchObject({ completed: true, completedAt: '2026-01-06T08:00:00.000Z' });
    clock.set('2026-01-07T08:00:00.000Z');
    const again = await api.as(w.rep, {
      method: 'PATCH',
      url: `/api/v1/activities/${t.id}`,
      headers: { 'if-match': '2' },
      payload: { completed: true, body: 'done' },
    });
    expect(again.json()).toMatchObject({ completedAt: '2026-01-06T08:00:00.000Z', body: 'done' });
    const moved = await api.as(w.manager, {
      method: 'PATCH',
      url: `/api/v1/activities/${t.id}`,
      headers: { 'if-match': '3' },
      payload: { ownerId: w.manager.userId },
    });
    expect(moved.statusCode).toBe(200);
    const del = await api.as(w.manager, {
      method: 'DELETE',
      url: `/api/v1/activities/${t.id}`,
      headers: { 'if-match': '4' },
    });
    expect(del.statusCode).toBe(204);
    expect((await api.as(w.manager, { method: 'GET', url: `/api/v1/activities/${t.id}` })).statusCode).toBe(404);
    const ev = await deps.db.selectFrom('events').select('type').where('entity_id', '=', t.id).orderBy('id').execute();
    expect(ev.map((e) => e.type)).toEqual([
      'activity.created',
      'activity.completed',
      'activity.updated',
      'activity.assigned',
      'activity.deleted',
    ]);
  });
});

describe('listing activities', () => {
  it('filters, sorts by business time and pages exactly through ties', async () => {
    const w = await world();
    const lead = await insertLead(deps, w.orgId, { ownerId: w.rep.userId });
    const post = (payload: Record<string, unknown>) => {
      clock.advance(1000);
      return api.as(w.rep, { method: 'POST', url: '/api/v1/activities', payload: { dealId: w.dealId, ...payload } });
    };
    const same = '2026-01-03T10:00:00Z';
    for (let i = 0; i < 4; i++)
      await post({
        type: 'call',
        direction: 'outbound',
        disposition: i % 2 ? 'busy' : 'connected',
        occurredAt: same,
        subject: `Call ${i}`,
      });
    await post({ type: 'email', direction: 'outbound', occurredAt: '2026-01-01T10:00:00Z', subject: 'Intro email' });
    await post({ type: 'task', subject: 'Undated task' });
    await post({ type: 'task', subject: 'Dated task', dueAt: '2026-01-02T12:00:00Z', completed: true });
    await api.as(w.rep, {
      method: 'POST',
      url: '/api/v1/activities',
      payload: { type: 'note', body: 'about the lead', leadId: lead },
    });

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await api.as(w.rep, {
        method: 'GET',
        url: `/api/v1/activities?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      });
      expect(res.statusCode).toBe(200);
      const page = res.json<{ items: ActivityDto[]; nextCursor: string | null }>();
      seen.push(...page.items.map((i) => i.subject ?? i.body ?? ''));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(8);
    expect(seen.slice(0, 2)).toEqual(['Intro email', 'Dated task']);
    expect(seen.slice(2, 6).sort()).toEqual(['Call 0', 'Call 1', 'Call 2', 'Call 3']);
    expect(seen.slice(6).sort()).toEqual(['Undated task', 'about the lead']);

    const get = async (qs: string) =>
      (await api.as(w.rep, { method: 'GET', url: `/api/v1/activities?${qs}` }))
        .json<{ items: ActivityDto[] }>()
        .items.map((i) => i.subject ?? i.body);
    expect(await get('type=call&disposition=busy&sort=created_at')).toEqual(['Call 1', 'Call 3']);
    expect(await get('completed=true')).toEqual(['Dated task']);
    expect(await get('completed=false')).toEqual(['Undated task']);
    expect(await get('sort=due_at&type=task')).toEqual(['Dated task', 'Undated task']);
    expect(await get('from=2026-01-01T00:00:00Z&to=2026-01-03T00:00:00Z')).toEqual(['Intro email', 'Dated task']);
    expect(await get(`leadId=${lead}`)).toEqual(['about the lead']);
    expect(await get('q=intro')).toEqual(['Intro email']);
    expect((await get(`dealId=${w.dealId}&order=desc&sort=created_at`))[0]).toBe('Dated task');
    const bad = await api.as(w.rep, {
      method: 'GET',
      url: '/api/v1/activities?type=fax&completed=maybe&from=yesterday',
    });
    expect(bad.statusCode).toBe(422);
    expect(fieldsOf(bad)).toEqual(['completed', 'from', 'type']);
  });
});
