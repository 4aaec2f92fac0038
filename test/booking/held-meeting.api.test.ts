import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/contract/access.ts';
import type { BookingDto, BookingOutcomeResultDto } from '../../src/contract/booking.ts';
import type { DealDto } from '../../src/contract/deals.ts';
import type { PipelineDto } from '../../src/contract/pipelines.ts';
import { ManualClock } from '../../src/domain/deps.ts';
import { createApi, type Api } from '../helpers/api.ts';
import { createTestDeps, type TestDeps } from '../helpers/db.ts';
import { createTestOrg, createTestUser, type TestOrg } from '../helpers/factories.ts';

// Monday 2 March 2026, 06:00 UTC; meetings are booked later that week and recorded on Saturday.
const clock = new ManualClock('2026-03-02T06:00:00.000Z');
let deps: TestDeps;
let api: Api;
let org: TestOrg;
let rep: Actor;
let otherRep: Actor;
let inside: Actor;
let pipeline: PipelineDto;
let slot = 0;

const stage = (name: string) => {
  const s = pipeline.stages.find((x) => x.name === name);
  if (!s) throw new Error(`no stage ${name}`);
  return s.id;
};

/** The next free hour in the rep's week (UTC working hours 08:00–17:00, one a day at most 8). */
function nextStart(): string {
  const day = 2 + Math.floor(slot / 8);
  const hour = 8 + (slot % 8);
  slot += 1;
  return `2026-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00Z`;
}

async function book(actor: Actor, about: Record<string, string>): Promise<BookingDto> {
  const res = await api.as(actor, {
    method: 'POST',
    url: '/api/v1/bookings',
    payload: { ownerId: rep.userId, start: nextStart(), durationMinutes: 30, ...about },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<BookingDto>();
}

async function held(b: BookingDto, by: Actor = rep): Promise<BookingOutcomeResultDto> {
  const res = await api.as(by, {
    method: 'POST',
    url: `/api/v1/bookings/${b.id}/outcome`,
    headers: { 'if-match': String(b.version) },
    payload: { outcome: 'held' },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<BookingOutcomeResultDto>();
}

async function setHeldMeeting(body: Record<string, unknown>) {
  const res = await api.as(org.admin, {
    method: 'PATCH',
    url: `/api/v1/pipelines/${pipeline.id}`,
    headers: { 'if-match': String(pipeline.version) },
    payload: { heldMeeting: body },
  });
  if (res.statusCode === 200) pipeline = res.json<PipelineDto>();
  return res;
}

async function newLead(company: string): Promise<string> {
  const res = await api.as(inside, {
    method: 'POST',
    url: '/api/v1/leads',
    payload: { firstName: 'Lea', lastName: company, company, source: 'webinar' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

async function newDeal(ownerId: string, extra: Record<string, unknown> = {}): Promise<DealDto> {
  const res = await api.as(org.admin, {
    method: 'POST',
    url: '/api/v1/deals',
    payload: { name: `Deal ${slot}`, pipelineId: pipeline.id, ownerId, ...extra },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<DealDto>();
}

const dealOf = async (id: string) =>
  (await api.as(org.admin, { method: 'GET', url: `/api/v1/deals/${id}` })).json<DealDto>();
const eventsOf = (id: string) =>
  deps.db.selectFrom('events').select(['type', 'data', 'actor_id']).where('entity_id', '=', id).orderBy('id').execute();

beforeAll(async () => {
  deps = await createTestDeps({ clock });
  api = await createApi(deps);
  org = await createTestOrg(deps);
  rep = await createTestUser(deps, org.admin, 'rep', { name: 'Finn Field' });
  otherRep = await createTestUser(deps, org.admin, 'rep', { name: 'Olga Other' });
  inside = await createTestUser(deps, org.admin, 'inside_sales', { name: 'Ivo Inside' });
  const hours = await api.as(rep, {
    method: 'PUT',
    url: `/api/v1/users/${rep.userId}/availability`,
    headers: { 'if-match': '0' },
    payload: {
      timezone: 'UTC',
      workingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '17:00' })),
      minNoticeMinutes: 0,
      maxPerDay: 8,
    },
  });
  expect(hours.statusCode, hours.body).toBe(200);
  const created = await api.as(org.admin, {
    method: 'POST',
    url: '/api/v1/pipelines',
    payload: {
      name: 'Field sales',
      isDefault: true,
      stages: [
        { name: 'Booked', probability: 10 },
        { name: 'Met', probability: 30 },
        { name: 'Proposal', probability: 60, requiredFields: ['amount'] },
        { name: 'Won', kind: 'won' },
        { name: 'Lost', kind: 'lost' },
      ],
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  pipeline = created.json<PipelineDto>();
});
afterAll(async () => {
  await api.close();
  await deps.cleanup();
});

describe('the held-meeting setting of a pipeline', () => {
  it('starts as nothing, takes an open stage of the pipeline and names a bad one', async () => {
    expect(pipeline.heldMeeting).toEqual({ action: 'none', stageId: null });
    const closed = await setHeldMeeting({ action: 'create_deal', stageId: stage('Won') });
    expect(closed.statusCode).toBe(422);
    expect(closed.json()).toMatchObject({ errors: [{ field: 'heldMeeting.stageId' }] });
    const missing = await setHeldMeeting({ action: 'advance_deal' });
    expect(missing.json()).toMatchObject({ errors: [{ field: 'heldMeeting.stageId' }] });
    const stranger = await setHeldMeeting({ action: 'advance_deal', stageId: '00000000-0000-4000-8000-000000000000' });
    expect(stranger.json()).toMatchObject({ errors: [{ field: 'heldMeeting.stageId', message: /not a stage/ }] });
    const malformed = await setHeldMeeting({ action: 'sometimes', stageId: 'x' });
    expect(malformed.statusCode).toBe(422);
    expect(
      malformed
        .json<{ errors: { field: string }[] }>()
        .errors.map((e) => e.field)
        .sort(),
    ).toEqual(['heldMeeting.action', 'heldMeeting.stageId']);
    const byRep = await api.as(rep, {
      method: 'PATCH',
      url: `/api/v1/pipelines/${pipeline.id}`,
      headers: { 'if-match': String(pipeline.version) },
      payload: { heldMeeting: { action: 'none' } },
    });
    expect(byRep.statusCode).toBe(403);
  });

  it('with nothing set, a held meeting changes no deal', async () => {
    const b = await book(inside, { leadId: await newLead('Quiet AG') });
    clock.set('2026-03-07T00:00:00Z');
    const res = await held(b);
    expect(res).toMatchObject({ status: 'held', dealId: null, dealEffect: { result: 'unchanged' } });
    clock.set('2026-03-02T06:00:00Z');
  });

  it('cannot lose its stage: removing it or making it closed is refused while it is named', async () => {
    const set = await setHeldMeeting({ action: 'create_or_advance', stageId: stage('Met') });
    expect(set.statusCode, set.body).toBe(200);
    expect(pipeline.heldMeeting).toEqual({ action: 'create_or_advance', stageId: stage('Met') });
    const events = await eventsOf(pipeline.id);
    expect(events.at(-1)).toMatchObject({
      type: 'pipeline.updated',
      data: { changes: { heldMeetingAction: { from: 'none', to: 'create_or_advance' } } },
    });
    const without = pipeline.stages
      .filter((s) => s.name !== 'Met')
      .map(({ id, name, kind, probability }) => ({ id, name, kind, probability }));
    const res = await api.as(org.admin, {
      method: 'PUT',
      url: `/api/v1/pipelines/${pipeline.id}/stages`,
      headers: { 'if-match': String(pipeline.version) },
      payload: { stages: without },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json<{ detail: string }>().detail).toContain('"Met"');
  });
});

describe('a held first meeting', () => {
  it('on a lead creates the deal in the stage, owned by the field rep, and links the meeting; a second one does nothing', async () => {
    const leadId = await newLead('Fresh GmbH');
    const first = await book(inside, { leadId });
    const second = await book(inside, { leadId });
    clock.set('2026-03-07T00:00:00Z');
    // The field rep's manager or an admin may record it: the deal is still the field rep's.
    const res = await held(first, org.admin);
    expect(res.dealEffect).toMatchObject({ result: 'created', stageId: stage('Met') });
    const dealId = res.dealEffect?.dealId ?? '';
    expect(res).toMatchObject({ dealId, status: 'held' });
    expect(await dealOf(dealId)).toMatchObject({
      name: 'Fresh GmbH – new deal',
      ownerId: rep.userId,
      pipelineId: pipeline.id,
      stageId: stage('Met'),
      source: 'webinar',
    });
    const events = await eventsOf(dealId);
    expect(events.map((e) => e.type)).toEqual(['deal.created']);
    expect(events[0]).toMatchObject({
      actor_id: rep.userId,
      data: { cause: { kind: 'meeting_held', bookingId: first.id } },
    });
    const bookingEvents = await eventsOf(first.id);
    expect(bookingEvents.at(-1)).toMatchObject({
      type: 'booking.held',
      data: { dealEffect: { result: 'created', dealId } },
    });

    const again = await held(second);
    expect(again.dealEffect?.result).toBe('unchanged');
    expect(again.dealEffect?.message).toContain('earlier meeting');
    expect(again.dealId).toBeNull();
    clock.set('2026-03-02T06:00:00Z');
  });

  it('on a deal advances it when it stands earlier, with a cause naming the meeting, and leaves it when not', async () => {
    const early = await newDeal(rep.userId, { stageId: stage('Booked') });
    const late = await newDeal(rep.userId, { stageId: stage('Met') });
    const b1 = await book(org.admin, { dealId: early.id });
    const b2 = await book(org.admin, { dealId: late.id });
    clock.set('2026-03-07T00:00:00Z');
    const moved = await held(b1);
    expect(moved.dealEffect).toEqual({
      result: 'advanced',
      dealId: early.id,
      stageId: stage('Met'),
      approvalId: null,
      message: 'The deal moved to "Met"',
    });
    expect(await dealOf(early.id)).toMatchObject({ stageId: stage('Met'), version: early.version + 1 });
    const change = (await eventsOf(early.id)).find((e) => e.type === 'deal.stage_changed');
    expect(change).toMatchObject({
      actor_id: rep.userId,
      data: { cause: { kind: 'meeting_held', bookingId: b1.id }, to: { name: 'Met' } },
    });
    const kept = await held(b2);
    expect(kept.dealEffect).toMatchObject({ result: 'unchanged', message: 'The deal already stands at or past "Met"' });
    expect(await dealOf(late.id)).toMatchObject({ version: late.version });
    clock.set('2026-03-02T06:00:00Z');
  });

  it('is recorded while a stage requirement or a permission holds the deal back, and says why', async () => {
    const set = await setHeldMeeting({ action: 'advance_deal', stageId: stage('Proposal') });
    expect(set.statusCode, set.body).toBe(200);
    const bare = await newDeal(rep.userId, { stageId: stage('Met') });
    const foreign = await newDeal(otherRep.userId, { stageId: stage('Booked') });
    const b1 = await book(org.admin, { dealId: bare.id });
    const b2 = await book(org.admin, { dealId: foreign.id });
    // A lead meeting: this pipeline only advances deals now.
    const b3 = await book(inside, { leadId: await newLead('Later Ltd') });
    clock.set('2026-03-07T00:00:00Z');
    const gated = await held(b1);
    expect(gated).toMatchObject({
      status: 'held',
      dealEffect: { result: 'refused', dealId: bare.id },
    });
    expect(gated.dealEffect?.message).toContain('amount');
    expect(await dealOf(bare.id)).toMatchObject({ stageId: stage('Met'), version: bare.version });
    const notTheirs = await held(b2);
    expect(notTheirs).toMatchObject({
      status: 'held',
      dealEffect: {
        result: 'refused',
        message: 'The deal was not advanced to "Proposal": the field rep may not change this deal',
      },
    });
    expect(await dealOf(foreign.id)).toMatchObject({ stageId: stage('Booked') });
    const lead = await held(b3);
    expect(lead.dealEffect?.result).toBe('unchanged');
    expect(lead.dealEffect?.message).toContain('does not create');
  });

  it('on a contact creates the deal at the contact’s account with the contact as primary, which the field rep may attach', async () => {
    clock.set('2026-03-02T06:00:00Z');
    const set = await setHeldMeeting({ action: 'create_deal', stageId: stage('Met') });
    expect(set.statusCode, set.body).toBe(200);
    const account = await api.as(org.admin, {
      method: 'POST',
      url: '/api/v1/accounts',
      payload: { name: 'Harbour AB' },
    });
    expect(account.statusCode, account.body).toBe(201);
    const accountId = account.json<{ id: string }>().id;
    const contact = await api.as(org.admin, {
      method: 'POST',
      url: '/api/v1/contacts',
      payload: { firstName: 'Hanna', lastName: 'Holm', accountId },
    });
    expect(contact.statusCode, contact.body).toBe(201);
    const contactId = contact.json<{ id: string }>().id;
    const b = await book(org.admin, { contactId });
    clock.set('2026-03-07T00:00:00Z');
    const res = await held(b);
    expect(res.dealEffect?.result, res.dealEffect?.message).toBe('created');
    const dealId = res.dealEffect?.dealId ?? '';
    expect(res).toMatchObject({ dealId, accountId, contactId });
    expect(await dealOf(dealId)).toMatchObject({
      name: 'Harbour AB – new deal',
      ownerId: rep.userId,
      accountId,
      primaryContactId: contactId,
      stageId: stage('Met'),
    });
  });
});
