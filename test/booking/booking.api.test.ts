import type { LightMyRequestResponse } from 'fastify';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/contract/access.ts';
import type { BookingDto } from '../../src/contract/booking.ts';
import { ManualClock } from '../../src/domain/deps.ts';
import { createBooking } from '../../src/modules/booking/booking.service.ts';
import { createApi, type Api } from '../helpers/api.ts';
import { createTestDeps, type TestDeps } from '../helpers/db.ts';
import { createTestOrg, createTestUser, type TestOrg } from '../helpers/factories.ts';

// Friday 27 March 2026, 10:00 UTC: Berlin is still on CET (UTC+1) and moves to CEST on Sunday.
const clock = new ManualClock('2026-03-27T10:00:00.000Z');
let deps: TestDeps;
let api: Api;
let org: TestOrg;
let berlin: Actor & { email: string };
let newYork: Actor;
let inside: Actor;
let otherInside: Actor;
let leadId: string;

const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));
const fieldsOf = (res: LightMyRequestResponse) =>
  res
    .json<{ errors: { field: string }[] }>()
    .errors.map((e) => e.field)
    .sort();

async function saveHours(actor: Actor, userId: string, body: Record<string, unknown>, version = 0) {
  return api.as(actor, {
    method: 'PUT',
    url: `/api/v1/users/${userId}/availability`,
    headers: { 'if-match': String(version) },
    payload: body,
  });
}

async function book(actor: Actor, payload: Record<string, unknown>) {
  return api.as(actor, { method: 'POST', url: '/api/v1/bookings', payload });
}

const eventsOf = (id: string) =>
  deps.db.selectFrom('events').select(['type', 'data']).where('entity_id', '=', id).orderBy('id').execute();

beforeAll(async () => {
  deps = await createTestDeps({ clock });
  api = await createApi(deps);
  org = await createTestOrg(deps);
  berlin = await createTestUser(deps, org.admin, 'rep', { name: 'Bea Berlin' });
  newYork = await createTestUser(deps, org.admin, 'rep', { name: 'Ned York' });
  inside = await createTestUser(deps, org.admin, 'inside_sales', { name: 'Ines Inside' });
  otherInside = await createTestUser(deps, org.admin, 'inside_sales', { name: 'Olaf Other' });
  const berlinHours = await saveHours(berlin, berlin.userId, {
    timezone: 'Europe/Berlin',
    workingHours: weekdays,
    bufferBeforeMinutes: 30,
    bufferAfterMinutes: 30,
    minNoticeMinutes: 120,
    maxPerDay: 4,
  });
  expect(berlinHours.statusCode, berlinHours.body).toBe(200);
  const nyHours = await saveHours(newYork, newYork.userId, { timezone: 'America/New_York', workingHours: weekdays });
  expect(nyHours.statusCode, nyHours.body).toBe(200);
  const lead = await api.as(inside, {
    method: 'POST',
    url: '/api/v1/leads',
    payload: { firstName: 'Lena', lastName: 'Lead', company: 'Lead GmbH' },
  });
  expect(lead.statusCode, lead.body).toBe(201);
  leadId = lead.json<{ id: string }>().id;
});
afterAll(async () => {
  await api.close();
  await deps.cleanup();
});

describe('availability settings', () => {
  it('are the rep’s own (or a manager’s or admin’s) to change, with If-Match, and name every bad field', async () => {
    const got = await api.as(inside, { method: 'GET', url: `/api/v1/users/${berlin.userId}/availability` });
    expect(got.json()).toMatchObject({
      timezone: 'Europe/Berlin',
      bookable: true,
      version: 1,
      bufferBeforeMinutes: 30,
    });
    expect((await saveHours(inside, berlin.userId, { timezone: 'UTC', workingHours: [] }, 1)).statusCode).toBe(403);
    expect((await saveHours(berlin, berlin.userId, { timezone: 'UTC', workingHours: weekdays }, 0)).statusCode).toBe(
      409,
    );
    const bad = await saveHours(
      berlin,
      berlin.userId,
      { timezone: 'Mars/Olympus', workingHours: [{ weekday: 8, start: '17:00', end: '09:00' }], maxPerDay: 0 },
      1,
    );
    expect(bad.statusCode).toBe(422);
    expect(fieldsOf(bad)).toEqual(['maxPerDay', 'timezone', 'workingHours.0.end', 'workingHours.0.weekday']);
    const events = await eventsOf(berlin.userId);
    expect(events.filter((e) => e.type === 'user.availability_changed')).toHaveLength(1);
  });
});

describe('booking a field rep', () => {
  let booking: BookingDto;

  it('offers slots across reps in their own zones and books across the daylight-saving change', async () => {
    const slots = await api.as(inside, {
      method: 'GET',
      url: '/api/v1/bookings/slots?from=2026-03-27T00:00:00Z&to=2026-03-31T00:00:00Z&durationMinutes=60&stepMinutes=60',
    });
    expect(slots.statusCode, slots.body).toBe(200);
    const items = slots.json<{ items: { repId: string; repName: string; start: string; timezone: string }[] }>().items;
    const firstOf = (repId: string, day: string) =>
      items.find((s) => s.repId === repId && s.start.startsWith(day))?.start;
    // Friday: two hours' notice from 10:00Z → 12:00Z (13:00 CET); Monday 09:00 CEST = 07:00Z.
    expect(firstOf(berlin.userId, '2026-03-27')).toBe('2026-03-27T12:00:00.000Z');
    expect(firstOf(berlin.userId, '2026-03-30')).toBe('2026-03-30T07:00:00.000Z');
    // New York is on EDT since 8 March: 09:00 = 13:00Z on both days.
    expect(firstOf(newYork.userId, '2026-03-27')).toBe('2026-03-27T13:00:00.000Z');
    expect(firstOf(newYork.userId, '2026-03-30')).toBe('2026-03-30T13:00:00.000Z');
    expect(items.find((s) => s.repId === berlin.userId)).toMatchObject({
      repName: 'Bea Berlin',
      timezone: 'Europe/Berlin',
    });

    const res = await book(inside, {
      ownerId: berlin.userId,
      start: '2026-03-30T07:00:00Z',
      durationMinutes: 60,
      leadId,
    });
    expect(res.statusCode, res.body).toBe(201);
    booking = res.json<BookingDto>();
    expect(booking).toMatchObject({
      ownerId: berlin.userId,
      bookedBy: inside.userId,
      leadId,
      status: 'booked',
      sequence: 0,
      timezone: 'Europe/Berlin',
      title: 'Meeting with Lena Lead',
      end: '2026-03-30T08:00:00.000Z',
    });
    expect((await eventsOf(booking.id)).map((e) => e.type)).toEqual(['booking.booked']);

    // The slot and its travel buffers are taken: the next Berlin slot that Monday is 10:00Z (12:00 CEST).
    const after = await api.as(inside, {
      method: 'GET',
      url: `/api/v1/bookings/slots?from=2026-03-30T00:00:00Z&to=2026-03-31T00:00:00Z&durationMinutes=60&stepMinutes=60&repId=${berlin.userId}`,
    });
    expect(
      after
        .json<{ items: { start: string }[] }>()
        .items.map((s) => s.start)
        .slice(0, 2),
    ).toEqual(['2026-03-30T09:00:00.000Z', '2026-03-30T10:00:00.000Z']);
  });

  it('refuses a time the rep cannot take, naming why, and bad input by field', async () => {
    const overlap = await book(inside, {
      ownerId: berlin.userId,
      start: '2026-03-30T08:15:00Z',
      durationMinutes: 30,
      leadId,
    });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json()).toMatchObject({ reason: 'another meeting (with travel buffers) overlaps' });
    const night = await book(inside, {
      ownerId: berlin.userId,
      start: '2026-03-30T20:00:00Z',
      durationMinutes: 60,
      leadId,
    });
    expect(night.json()).toMatchObject({ reason: 'outside working hours' });
    const soon = await book(inside, {
      ownerId: berlin.userId,
      start: '2026-03-27T11:00:00Z',
      durationMinutes: 60,
      leadId,
    });
    expect(soon.json()).toMatchObject({ reason: 'too little notice' });
    const bad = await book(inside, { ownerId: inside.userId, start: 'monday', durationMinutes: 5 });
    expect(bad.statusCode).toBe(422);
    expect(fieldsOf(bad)).toEqual(['durationMinutes', 'leadId', 'start']);
    const notRep = await book(inside, {
      ownerId: inside.userId,
      start: '2026-03-31T07:00:00Z',
      durationMinutes: 60,
      leadId,
    });
    expect(notRep.statusCode).toBe(422);
    expect(fieldsOf(notRep)).toEqual(['ownerId']);
    const noLink = await book(inside, { ownerId: berlin.userId, start: '2026-03-31T07:00:00Z', durationMinutes: 60 });
    expect(fieldsOf(noLink)).toEqual(['leadId']);
    // A lead the booker cannot see is refused like one that does not exist.
    const hidden = await book(otherInside, {
      ownerId: berlin.userId,
      start: '2026-03-31T07:00:00Z',
      durationMinutes: 60,
      leadId,
    });
    expect(hidden.statusCode).toBe(422);
    expect(fieldsOf(hidden)).toEqual(['leadId']);
    // A field rep does not book for others.
    expect(
      (await book(newYork, { ownerId: berlin.userId, start: '2026-03-31T07:00:00Z', durationMinutes: 60, leadId }))
        .statusCode,
    ).toBe(403);
  });

  it('lets the field rep see the booked lead, and the booker keep sight of what it booked', async () => {
    const asBerlin = await api.as(berlin, { method: 'GET', url: `/api/v1/leads/${leadId}` });
    expect(asBerlin.statusCode, asBerlin.body).toBe(200);
    expect((await api.as(newYork, { method: 'GET', url: `/api/v1/leads/${leadId}` })).statusCode).toBe(404);
    expect((await api.as(otherInside, { method: 'GET', url: `/api/v1/bookings/${booking.id}` })).statusCode).toBe(404);
    const mine = await api.as(berlin, { method: 'GET', url: '/api/v1/bookings' });
    expect(mine.json<{ items: BookingDto[] }>().items.map((b) => b.id)).toEqual([booking.id]);
    const booked = await api.as(inside, { method: 'GET', url: `/api/v1/bookings?bookedBy=${inside.userId}` });
    expect(booked.json<{ items: BookingDto[] }>().items.map((b) => b.id)).toEqual([booking.id]);
    // Reading is not changing: the field rep cannot edit the inside rep's lead.
    const edit = await api.as(berlin, {
      method: 'PATCH',
      url: `/api/v1/leads/${leadId}`,
      headers: { 'if-match': '*' },
      payload: { title: 'CEO' },
    });
    expect(edit.statusCode).toBe(404);
  });

  it('reschedules and cancels with reasons, raising the sequence; held and no-show once it has begun', async () => {
    const moved = await api.as(inside, {
      method: 'POST',
      url: `/api/v1/bookings/${booking.id}/reschedule`,
      headers: { 'if-match': String(booking.version) },
      payload: { start: '2026-03-31T07:00:00Z', durationMinutes: 45, reason: 'buyer asked for Tuesday' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const m = moved.json<BookingDto>();
    expect(m).toMatchObject({ start: '2026-03-31T07:00:00.000Z', end: '2026-03-31T07:45:00.000Z', sequence: 1 });
    // Monday's time is free again.
    const again = await book(inside, {
      ownerId: berlin.userId,
      start: '2026-03-30T07:00:00Z',
      durationMinutes: 60,
      leadId,
    });
    expect(again.statusCode, again.body).toBe(201);

    const early = await api.as(berlin, {
      method: 'POST',
      url: `/api/v1/bookings/${m.id}/outcome`,
      headers: { 'if-match': String(m.version) },
      payload: { outcome: 'held' },
    });
    expect(early.statusCode).toBe(422);
    expect(fieldsOf(early)).toEqual(['outcome']);
    // Only the field rep (or their manager, an admin) records the outcome.
    clock.set('2026-03-31T08:00:00Z');
    const byInside = await api.as(inside, {
      method: 'POST',
      url: `/api/v1/bookings/${m.id}/outcome`,
      headers: { 'if-match': String(m.version) },
      payload: { outcome: 'held' },
    });
    expect(byInside.statusCode).toBe(403);
    const held = await api.as(berlin, {
      method: 'POST',
      url: `/api/v1/bookings/${m.id}/outcome`,
      headers: { 'if-match': String(m.version) },
      payload: { outcome: 'held' },
    });
    expect(held.statusCode, held.body).toBe(200);
    expect(held.json()).toMatchObject({ status: 'held' });
    const cancelHeld = await api.as(inside, {
      method: 'POST',
      url: `/api/v1/bookings/${m.id}/cancel`,
      headers: { 'if-match': '*' },
      payload: { reason: 'too late' },
    });
    expect(cancelHeld.statusCode).toBe(422);

    const second = again.json<BookingDto>();
    const cancelled = await api.as(inside, {
      method: 'POST',
      url: `/api/v1/bookings/${second.id}/cancel`,
      headers: { 'if-match': String(second.version) },
      payload: { reason: 'lead went quiet' },
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelReason: 'lead went quiet', sequence: 1 });
    expect((await eventsOf(m.id)).map((e) => e.type)).toEqual([
      'booking.booked',
      'booking.rescheduled',
      'booking.held',
    ]);
    expect((await eventsOf(second.id)).map((e) => e.type)).toEqual(['booking.booked', 'booking.cancelled']);
    const rescheduled = (await eventsOf(m.id))[1];
    expect(rescheduled?.data).toMatchObject({ reason: 'buyer asked for Tuesday', sequence: 1 });
    clock.set('2026-03-27T10:00:00.000Z');
  });
});

describe('no double booking', () => {
  it('gives exactly one meeting when 50 bookings of one slot run at once', async () => {
    const rep = await createTestUser(deps, org.admin, 'rep', { name: 'Busy Bee' });
    expect((await saveHours(rep, rep.userId, { timezone: 'Europe/Berlin', workingHours: weekdays })).statusCode).toBe(
      200,
    );
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () =>
        createBooking(deps, inside, {
          ownerId: rep.userId,
          start: '2026-04-01T08:00:00Z',
          durationMinutes: 60,
          leadId,
        }),
      ),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as { code?: string }] : []));
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(49);
    expect(new Set(refused.map((e) => e.code))).toEqual(new Set(['conflict']));
    const rows = await deps.db
      .selectFrom('bookings')
      .select('id')
      .where('org_id', '=', org.orgId)
      .where('owner_id', '=', rep.userId)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('is held by the database itself: an overlapping row written past the service is refused', async () => {
    const [existing] = await deps.db
      .selectFrom('bookings')
      .selectAll()
      .where('org_id', '=', org.orgId)
      .where('status', '<>', 'cancelled')
      .limit(1)
      .execute();
    if (!existing) throw new Error('no booking to collide with');
    const copy = { ...existing, id: deps.ids.id(), status: 'booked', routing: null };
    await expect(deps.db.insertInto('bookings').values(copy).execute()).rejects.toMatchObject({ code: '23P01' });
    // A cancelled meeting holds no time.
    await deps.db
      .insertInto('bookings')
      .values({ ...copy, status: 'cancelled' })
      .execute();
  });
});

describe('routing picks the rep when the booker does not', () => {
  it('gives the account owner the meeting, else the pool, and records the decision with its reasons', async () => {
    clock.set('2026-03-27T10:00:00.000Z');
    const post = async (url: string, payload: Record<string, unknown>) => {
      const r = await api.as(org.admin, { method: 'POST', url, payload });
      expect(r.statusCode, r.body).toBe(201);
      return r.json<{ id: string }>();
    };
    const account = await post('/api/v1/accounts', { name: 'Routed Inc', ownerId: newYork.userId });
    const contact = await post('/api/v1/contacts', {
      lastName: 'Routed',
      accountId: account.id,
      ownerId: inside.userId,
    });
    // 14:00Z on Thursday 2 April is 10:00 in New York: the account owner takes it.
    const toOwner = await book(inside, { start: '2026-04-02T14:00:00Z', durationMinutes: 60, contactId: contact.id });
    expect(toOwner.statusCode, toOwner.body).toBe(201);
    expect(toOwner.json()).toMatchObject({
      ownerId: newYork.userId,
      accountId: account.id,
      routing: { rule: 'account_owner', reasons: ['Ned York owns the account'] },
    });
    expect((await eventsOf(toOwner.json<BookingDto>().id)).map((e) => e.type)).toEqual([
      'booking.routed',
      'booking.booked',
    ]);
    // 07:00Z is 03:00 in New York: the owner is skipped and the pool decides among the Berlin reps.
    const toPool = await book(inside, { start: '2026-04-02T07:00:00Z', durationMinutes: 60, contactId: contact.id });
    expect(toPool.statusCode, toPool.body).toBe(201);
    const routed = toPool.json<BookingDto>();
    expect(routed.routing?.rule).toBe('pool');
    expect(routed.routing?.reasons[0]).toBe('account owner Ned York skipped: outside working hours');
    expect(routed.ownerId).not.toBe(newYork.userId);
    const shown = await api.as(inside, { method: 'GET', url: `/api/v1/bookings/${routed.id}` });
    expect(shown.json<BookingDto>().routing).toEqual(routed.routing);
  });
});

describe('calendars', () => {
  it('serves the rep a private feed by a revocable token, and each booking an invitation', async () => {
    clock.set('2026-03-27T10:00:00.000Z');
    const issued = await api.as(berlin, { method: 'POST', url: `/api/v1/users/${berlin.userId}/calendar-feed` });
    expect(issued.statusCode, issued.body).toBe(201);
    const { path } = issued.json<{ path: string }>();
    expect(
      (await api.as(inside, { method: 'POST', url: `/api/v1/users/${berlin.userId}/calendar-feed` })).statusCode,
    ).toBe(403);

    const feed = await api.inject({ method: 'GET', url: path });
    expect(feed.statusCode, feed.body).toBe(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    const cal = new ICAL.Component(ICAL.parse(feed.body) as unknown[]);
    expect(cal.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/Berlin');
    const berlinBookings = await deps.db
      .selectFrom('bookings')
      .select('id')
      .where('org_id', '=', org.orgId)
      .where('owner_id', '=', berlin.userId)
      .execute();
    const uids = cal.getAllSubcomponents('vevent').map((v) => String(v.getFirstPropertyValue('uid')));
    expect(uids.sort()).toEqual(berlinBookings.map((b) => `${b.id}@booking.pipewright`).sort());
    // the token is the key: a wrong one, or the right one after revoking, finds nothing
    expect((await api.inject({ method: 'GET', url: `${path}x` })).statusCode).toBe(404);
    expect(
      (await api.as(berlin, { method: 'DELETE', url: `/api/v1/users/${berlin.userId}/calendar-feed` })).statusCode,
    ).toBe(204);
    expect((await api.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    expect((await eventsOf(berlin.userId)).map((e) => e.type)).toEqual(
      expect.arrayContaining(['user.calendar_feed_issued', 'user.calendar_feed_revoked']),
    );

    const b = await book(inside, {
      ownerId: berlin.userId,
      start: '2026-04-03T08:00:00Z',
      durationMinutes: 60,
      leadId,
    });
    expect(b.statusCode, b.body).toBe(201);
    const id = b.json<BookingDto>().id;
    const inv = await api.as(inside, { method: 'GET', url: `/api/v1/bookings/${id}/invitation` });
    expect(inv.statusCode, inv.body).toBe(200);
    const parsed = new ICAL.Component(ICAL.parse(inv.body) as unknown[]);
    expect(parsed.getFirstPropertyValue('method')).toBe('REQUEST');
    const attendees = parsed.getFirstSubcomponent('vevent')?.getAllProperties('attendee') ?? [];
    expect(attendees.map((a) => String(a.getFirstValue()).toLowerCase())).toEqual([
      `mailto:${berlin.email}`.toLowerCase(),
    ]);
    await api.as(inside, {
      method: 'POST',
      url: `/api/v1/bookings/${id}/cancel`,
      headers: { 'if-match': '*' },
      payload: { reason: 'calendar test' },
    });
    const cancelled = await api.as(berlin, { method: 'GET', url: `/api/v1/bookings/${id}/invitation` });
    const c = new ICAL.Component(ICAL.parse(cancelled.body) as unknown[]);
    expect([
      c.getFirstPropertyValue('method'),
      c.getFirstSubcomponent('vevent')?.getFirstPropertyValue('sequence'),
    ]).toEqual(['CANCEL', 1]);
  });
});

describe('booking rates', () => {
  it('counts the organization’s bookings by outcome for an admin, and only their own for a rep', async () => {
    const url = '/api/v1/bookings/rates?from=2026-03-01T00:00:00Z&to=2026-05-01T00:00:00Z';
    const res = await api.as(org.admin, { method: 'GET', url });
    expect(res.statusCode, res.body).toBe(200);
    const rows = await deps.db
      .selectFrom('bookings')
      .select(['status', 'owner_id'])
      .where('org_id', '=', org.orgId)
      .execute();
    const count = (s: string) => rows.filter((r) => r.status === s).length;
    const r = res.json<{ total: { booked: number; cancelled: number; held: number; noShow: number } }>();
    expect(r.total).toMatchObject({
      booked: rows.length - count('cancelled'),
      cancelled: count('cancelled'),
      held: count('held'),
      noShow: count('no_show'),
    });
    const mine = await api.as(newYork, { method: 'GET', url });
    const outside = mine.json<{ byOutsideRep: { userId: string }[] }>().byOutsideRep.map((x) => x.userId);
    expect(outside).toEqual([newYork.userId]);
    const bad = await api.as(org.admin, { method: 'GET', url: '/api/v1/bookings/rates?from=yesterday' });
    expect(bad.statusCode).toBe(422);
    expect(fieldsOf(bad)).toEqual(['from', 'to']);
  });
});
