import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/contract/access.ts';
import type { BusyTimesImportDto, SlotDto, TimeOffDto } from '../../src/contract/booking.ts';
import { ManualClock } from '../../src/domain/deps.ts';
import { createApi, type Api } from '../helpers/api.ts';
import { createTestDeps, type TestDeps } from '../helpers/db.ts';
import { createTestOrg, createTestUser, type TestOrg } from '../helpers/factories.ts';

// Monday 30 March 2026, 06:00 UTC (08:00 in Berlin, on CEST since Sunday).
const clock = new ManualClock('2026-03-30T06:00:00.000Z');
let deps: TestDeps;
let api: Api;
let org: TestOrg;
let rep: Actor;
let inside: Actor;
let stranger: Actor;

const ics = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//test//busy//EN',
  'BEGIN:VEVENT',
  'UID:standup',
  'DTSTAMP:20260301T000000Z',
  'SUMMARY:Stand-up',
  'DTSTART;TZID=Europe/Berlin:20260330T100000',
  'DTEND;TZID=Europe/Berlin:20260330T110000',
  'RRULE:FREQ=DAILY;COUNT=3',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:lunch',
  'DTSTAMP:20260301T000000Z',
  'SUMMARY:Lunch (free)',
  'TRANSP:TRANSPARENT',
  'DTSTART:20260330T110000Z',
  'DTEND:20260330T120000Z',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

const fieldsOf = (res: LightMyRequestResponse) =>
  res.json<{ errors: { field: string }[] }>().errors.map((e) => e.field);
const importAs = (actor: Actor, userId: string, payload: unknown) =>
  api.as(actor, { method: 'POST', url: `/api/v1/users/${userId}/busy-times`, payload: payload as object });

beforeAll(async () => {
  deps = await createTestDeps({ clock });
  api = await createApi(deps);
  org = await createTestOrg(deps);
  rep = await createTestUser(deps, org.admin, 'rep', { name: 'Bea Berlin' });
  inside = await createTestUser(deps, org.admin, 'inside_sales', { name: 'Ines Inside' });
  const other = await createTestOrg(deps);
  stranger = other.admin;
  const hours = await api.as(rep, {
    method: 'PUT',
    url: `/api/v1/users/${rep.userId}/availability`,
    headers: { 'if-match': '0' },
    payload: {
      timezone: 'Europe/Berlin',
      workingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '13:00' })),
    },
  });
  expect(hours.statusCode, hours.body).toBe(200);
});
afterAll(async () => {
  await api.close();
  await deps.cleanup();
});

describe('importing busy times from an .ics file', () => {
  it('adds each busy occurrence as out of office, with an event, and the slot finder keeps them free', async () => {
    const res = await importAs(rep, rep.userId, { ics });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<BusyTimesImportDto>();
    expect(body.imported).toBe(3);
    expect(body.skipped).toBe(0);
    expect(body.items.map((t) => [t.start, t.end, t.reason])).toEqual([
      ['2026-03-30T08:00:00.000Z', '2026-03-30T09:00:00.000Z', 'Busy: Stand-up'],
      ['2026-03-31T08:00:00.000Z', '2026-03-31T09:00:00.000Z', 'Busy: Stand-up'],
      ['2026-04-01T08:00:00.000Z', '2026-04-01T09:00:00.000Z', 'Busy: Stand-up'],
    ]);
    const events = await deps.db
      .selectFrom('events')
      .select(['type', 'data'])
      .where('entity_id', '=', rep.userId)
      .where('type', '=', 'user.time_off_added')
      .execute();
    expect(events).toHaveLength(3);

    const slots = await api.as(inside, {
      method: 'GET',
      url: `/api/v1/bookings/slots?from=2026-03-30T07:00:00.000Z&to=2026-03-30T11:00:00.000Z&durationMinutes=60&repId=${rep.userId}`,
    });
    expect(slots.statusCode, slots.body).toBe(200);
    // 09:00–13:00 Berlin less the 10:00–11:00 stand-up: 09:00, 11:00, 11:30, 12:00 (07:00, 09:00… UTC)
    expect(slots.json<{ items: SlotDto[] }>().items.map((s) => s.start)).toEqual([
      '2026-03-30T07:00:00.000Z',
      '2026-03-30T09:00:00.000Z',
      '2026-03-30T09:30:00.000Z',
      '2026-03-30T10:00:00.000Z',
    ]);
  });

  it('adds nothing when the same file is imported again', async () => {
    const res = await importAs(rep, rep.userId, { ics });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<BusyTimesImportDto>()).toMatchObject({ imported: 0, skipped: 3, items: [] });
    const list = await api.as(rep, { method: 'GET', url: `/api/v1/users/${rep.userId}/time-off` });
    expect(list.json<{ items: TimeOffDto[] }>().items).toHaveLength(3);
  });

  it('names the field when the text is not a calendar or missing, refuses inside sales, hides the rep from another organization', async () => {
    const bad = await importAs(rep, rep.userId, { ics: 'not a calendar' });
    expect(bad.statusCode).toBe(422);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(fieldsOf(bad)).toEqual(['ics']);
    const missing = await importAs(rep, rep.userId, {});
    expect(missing.statusCode).toBe(422);
    expect(fieldsOf(missing)).toEqual(['ics']);
    expect((await importAs(inside, rep.userId, { ics })).statusCode).toBe(403);
    expect((await importAs(stranger, rep.userId, { ics })).statusCode).toBe(404);
  });
});
