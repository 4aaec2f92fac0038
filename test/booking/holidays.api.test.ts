import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/contract/access.ts';
import type { EffectiveHolidaysDto, HolidayCalendarDto, ImportHolidaysResultDto } from '../../src/contract/holidays.ts';
import type { TerritoryDto } from '../../src/contract/routing.ts';
import { ManualClock } from '../../src/domain/deps.ts';
import { createApi, type Api } from '../helpers/api.ts';
import { createTestDeps, type TestDeps } from '../helpers/db.ts';
import { createTestOrg, createTestUser, type TestOrg } from '../helpers/factories.ts';

// Monday 2 March 2026, 09:00 UTC.
const clock = new ManualClock('2026-03-02T09:00:00.000Z');
let deps: TestDeps;
let api: Api;
let org: TestOrg;
let other: TestOrg;
let manager: Actor;
let inside: Actor;
let bea: Actor;
let ned: Actor;
let leadId: string;
let east: TerritoryDto;

type Problem = { code: string; reason?: string; detail?: string; errors?: { field: string; message: string }[] };

async function call<T>(
  actor: Actor,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
  status = 200,
  headers: Record<string, string> = {},
) {
  const res = await api.as(actor, {
    method,
    url,
    headers,
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
  expect(res.statusCode, res.body).toBe(status);
  return res.body ? res.json<T>() : (undefined as T);
}
const fields = (p: Problem) => (p.errors ?? []).map((e) => e.field).sort();
const eventsOf = (id: string) =>
  deps.db.selectFrom('events').select(['type', 'data']).where('entity_id', '=', id).orderBy('id').execute();
const calendarCount = async (orgId: string) =>
  (await deps.db.selectFrom('holiday_calendars').select('id').where('org_id', '=', orgId).execute()).length;

const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));
const slotDays = async (repId: string, from: string, to: string) => {
  const r = await call<{ items: { start: string }[] }>(
    inside,
    'GET',
    `/api/v1/bookings/slots?from=${from}&to=${to}&durationMinutes=60&stepMinutes=60&limit=500&repId=${repId}`,
  );
  return [...new Set(r.items.map((s) => s.start.slice(0, 10)))];
};

beforeAll(async () => {
  deps = await createTestDeps({ clock });
  api = await createApi(deps);
  org = await createTestOrg(deps);
  other = await createTestOrg(deps);
  manager = await createTestUser(deps, org.admin, 'manager');
  inside = await createTestUser(deps, org.admin, 'inside_sales', { name: 'Ines Inside' });
  bea = await createTestUser(deps, org.admin, 'rep', { name: 'Bea Berlin' });
  ned = await createTestUser(deps, org.admin, 'rep', { name: 'Ned York' });
  for (const [rep, timezone] of [
    [bea, 'Europe/Berlin'],
    [ned, 'America/New_York'],
  ] as const)
    await call(rep, 'PUT', `/api/v1/users/${rep.userId}/availability`, { timezone, workingHours: weekdays }, 200, {
      'if-match': '0',
    });
  leadId = (await call<{ id: string }>(inside, 'POST', '/api/v1/leads', { firstName: 'Lena', lastName: 'Lead' }, 201))
    .id;
  east = await call<TerritoryDto>(
    org.admin,
    'POST',
    '/api/v1/territories',
    { name: 'US East', criteria: { countries: ['US'] }, members: [{ userId: ned.userId, role: 'outside' }] },
    201,
  );
});
afterAll(async () => {
  await api.close();
  await deps.cleanup();
});

describe('holiday calendars', () => {
  let company: HolidayCalendarDto;
  let us: HolidayCalendarDto;
  let bavaria: HolidayCalendarDto;

  it('an admin sets up the default, a territory’s and a rep’s calendars, each change an event', async () => {
    company = await call<HolidayCalendarDto>(
      org.admin,
      'POST',
      '/api/v1/holiday-calendars',
      { name: 'Company', isDefault: true, holidays: [{ name: 'Company day', start: '2026-03-06' }] },
      201,
    );
    us = await call<HolidayCalendarDto>(
      org.admin,
      'POST',
      '/api/v1/holiday-calendars',
      {
        name: 'US federal',
        holidays: [
          { name: 'Founders’ day', start: '2026-03-04' },
          { name: 'Christmas Day', start: '2025-12-25', recurring: true },
        ],
        territoryIds: [east.id],
      },
      201,
    );
    bavaria = await call<HolidayCalendarDto>(
      org.admin,
      'POST',
      '/api/v1/holiday-calendars',
      { name: 'Germany – Bavaria', holidays: [{ name: 'Josefitag', start: '2026-03-19' }], userIds: [bea.userId] },
      201,
    );
    expect(us).toMatchObject({
      isDefault: false,
      territoryIds: [east.id],
      userIds: [],
      version: 1,
      holidays: [
        { name: 'Christmas Day', start: '2025-12-25', end: '2025-12-25', recurring: true },
        { name: 'Founders’ day', start: '2026-03-04', end: '2026-03-04', recurring: false },
      ],
    });
    expect((await eventsOf(us.id)).map((e) => e.type)).toEqual([
      'holiday_calendar.created',
      'holiday_calendar.holidays_added',
    ]);
    const list = await call<{ items: HolidayCalendarDto[] }>(manager, 'GET', '/api/v1/holiday-calendars');
    expect(list.items.map((c) => c.name)).toEqual(['Company', 'Germany – Bavaria', 'US federal']);
  });

  it('gives each rep the default, their territories’ and their own holidays, as they fall', async () => {
    const of = (rep: Actor, q = '') =>
      call<EffectiveHolidaysDto>(inside, 'GET', `/api/v1/users/${rep.userId}/holidays${q}`);
    const nedHolidays = await of(ned);
    expect(nedHolidays).toMatchObject({
      timezone: 'America/New_York',
      from: '2026-03-02',
      to: '2027-03-02',
      calendars: [
        { id: company.id, name: 'Company' },
        { id: us.id, name: 'US federal' },
      ],
    });
    expect(nedHolidays.items.map((h) => [h.name, h.start])).toEqual([
      ['Founders’ day', '2026-03-04'],
      ['Company day', '2026-03-06'],
      ['Christmas Day', '2026-12-25'],
    ]);
    const beaHolidays = await of(bea, '?from=2026-03-01&to=2026-03-31');
    expect(beaHolidays.items.map((h) => [h.calendarName, h.name, h.start])).toEqual([
      ['Company', 'Company day', '2026-03-06'],
      ['Germany – Bavaria', 'Josefitag', '2026-03-19'],
    ]);
    // The rep reads their own.
    expect((await call<EffectiveHolidaysDto>(bea, 'GET', `/api/v1/users/${bea.userId}/holidays`)).items).toHaveLength(
      2,
    );
  });

  it('the slot finder offers no slot on a rep’s holiday, and booking one is refused naming it', async () => {
    // Week of 2 March: Wednesday the 4th is Ned's (US East) holiday, Friday the 6th everyone's.
    expect(await slotDays(ned.userId, '2026-03-03T00:00:00Z', '2026-03-07T00:00:00Z')).toEqual([
      '2026-03-03',
      '2026-03-05',
    ]);
    expect(await slotDays(bea.userId, '2026-03-03T00:00:00Z', '2026-03-07T00:00:00Z')).toEqual([
      '2026-03-03',
      '2026-03-04',
      '2026-03-05',
    ]);
    const refused = await call<Problem>(
      inside,
      'POST',
      '/api/v1/bookings',
      { ownerId: ned.userId, start: '2026-03-04T15:00:00Z', durationMinutes: 60, leadId },
      409,
    );
    expect(refused).toMatchObject({ code: 'conflict', reason: 'holiday: Founders’ day (US federal)' });
    expect(refused.detail).toContain('Founders’ day');
    // Routing passes over a rep on holiday: Bea takes Wednesday.
    const routed = await call<{ ownerId: string }>(
      inside,
      'POST',
      '/api/v1/bookings',
      { start: '2026-03-04T15:00:00Z', durationMinutes: 60, leadId },
      201,
    );
    expect(routed.ownerId).toBe(bea.userId);
  });

  it('moves the default, reassigns and renames with If-Match, and records what changed', async () => {
    const stale = await call<Problem>(org.admin, 'PATCH', `/api/v1/holiday-calendars/${us.id}`, { name: 'US' }, 409, {
      'if-match': '0',
    });
    expect(stale.code).toBe('version_conflict');
    us = await call<HolidayCalendarDto>(
      org.admin,
      'PATCH',
      `/api/v1/holiday-calendars/${us.id}`,
      { isDefault: true, territoryIds: [], userIds: [ned.userId, ned.userId] },
      200,
      { 'if-match': String(us.version) },
    );
    expect(us).toMatchObject({ isDefault: true, territoryIds: [], userIds: [ned.userId], version: 2 });
    const was = await call<HolidayCalendarDto>(org.admin, 'GET', `/api/v1/holiday-calendars/${company.id}`);
    expect(was.isDefault).toBe(false);
    expect((await eventsOf(company.id)).at(-1)).toMatchObject({
      type: 'holiday_calendar.updated',
      data: { changes: { isDefault: { from: true, to: false } } },
    });
    expect((await eventsOf(us.id)).at(-1)).toMatchObject({
      type: 'holiday_calendar.updated',
      data: {
        changes: {
          isDefault: { from: false, to: true },
          territoryIds: { from: [east.id], to: [] },
          userIds: { from: [], to: [ned.userId] },
        },
      },
    });
  });

  it('adds and removes holidays, skipping one already there', async () => {
    const added = await call<HolidayCalendarDto>(
      org.admin,
      'POST',
      `/api/v1/holiday-calendars/${bavaria.id}/holidays`,
      {
        holidays: [
          { name: 'Josefitag', start: '2026-03-19' },
          { name: 'Pfingstferien', start: '2026-05-26', end: '2026-06-05' },
        ],
      },
    );
    expect(added.holidays.map((h) => [h.name, h.start, h.end])).toEqual([
      ['Josefitag', '2026-03-19', '2026-03-19'],
      ['Pfingstferien', '2026-05-26', '2026-06-05'],
    ]);
    expect(added.version).toBe(bavaria.version + 1);
    const josefi = added.holidays[0]?.id ?? '';
    await call(org.admin, 'DELETE', `/api/v1/holiday-calendars/${bavaria.id}/holidays/${josefi}`, undefined, 204);
    await call(org.admin, 'DELETE', `/api/v1/holiday-calendars/${us.id}/holidays/${josefi}`, undefined, 404);
    expect((await eventsOf(bavaria.id)).map((e) => e.type)).toEqual([
      'holiday_calendar.created',
      'holiday_calendar.holidays_added',
      'holiday_calendar.holidays_added',
      'holiday_calendar.holiday_removed',
    ]);
    expect((await eventsOf(bavaria.id))[2]?.data).toMatchObject({
      source: 'manual',
      holidays: [{ name: 'Pfingstferien', start: '2026-05-26', end: '2026-06-05', recurring: false }],
    });
  });

  it('imports holidays from an .ics file: all-day dates, a fixed yearly date as one, other rules as their dates', async () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//test//holidays//EN',
      'BEGIN:VEVENT',
      'UID:independence',
      'DTSTART;VALUE=DATE:20260704',
      'DTEND;VALUE=DATE:20260705',
      'RRULE:FREQ=YEARLY',
      'SUMMARY:Independence Day',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:thanksgiving',
      'DTSTART;VALUE=DATE:20261126',
      'DTEND;VALUE=DATE:20261128',
      'RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=4TH;COUNT=2',
      'SUMMARY:Thanksgiving',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:cancelled',
      'DTSTART;VALUE=DATE:20260901',
      'STATUS:CANCELLED',
      'SUMMARY:Not a holiday',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const first = await call<ImportHolidaysResultDto>(org.admin, 'POST', `/api/v1/holiday-calendars/${us.id}/import`, {
      ics,
    });
    expect(first).toMatchObject({ imported: 3, skipped: 0 });
    expect(
      first.calendar.holidays
        .filter((h) => h.name !== 'Founders’ day' && h.name !== 'Christmas Day')
        .map((h) => [h.name, h.start, h.end, h.recurring]),
    ).toEqual([
      ['Independence Day', '2026-07-04', '2026-07-04', true],
      ['Thanksgiving', '2026-11-26', '2026-11-27', false],
      ['Thanksgiving', '2027-11-25', '2027-11-26', false],
    ]);
    const again = await call<ImportHolidaysResultDto>(org.admin, 'POST', `/api/v1/holiday-calendars/${us.id}/import`, {
      ics,
    });
    expect(again).toMatchObject({ imported: 0, skipped: 3 });
    expect((await eventsOf(us.id)).filter((e) => e.type === 'holiday_calendar.holidays_added')).toHaveLength(2);
    const bad = await call<Problem>(
      org.admin,
      'POST',
      `/api/v1/holiday-calendars/${us.id}/import`,
      { ics: 'not a calendar' },
      422,
    );
    expect(fields(bad)).toEqual(['ics']);
  });

  it('names every bad field and stores nothing', async () => {
    const before = await calendarCount(org.orgId);
    const bad = await call<Problem>(
      org.admin,
      'POST',
      '/api/v1/holiday-calendars',
      {
        name: ' ',
        holidays: [
          { name: 'Nope', start: '2026-02-30' },
          { name: 'Backwards', start: '2026-05-02', end: '2026-05-01' },
          { name: 'Too long', start: '2026-01-01', end: '2027-01-01', recurring: true },
          { name: 'Odd', start: 'soon', end: 'later' },
        ],
        territoryIds: ['not-a-uuid'],
        colour: 'red',
      },
      422,
    );
    expect(fields(bad)).toEqual([
      'colour',
      'holidays.0.start',
      'holidays.1.end',
      'holidays.2.end',
      'holidays.3.end',
      'holidays.3.start',
      'name',
      'territoryIds.0',
    ]);
    const unknown = await call<Problem>(
      org.admin,
      'POST',
      '/api/v1/holiday-calendars',
      { name: 'company', territoryIds: [crypto.randomUUID()], userIds: [other.admin.userId] },
      422,
    );
    expect(fields(unknown)).toEqual(['name', 'territoryIds.0', 'userIds.0']);
    const range = await call<Problem>(
      inside,
      'GET',
      `/api/v1/users/${ned.userId}/holidays?from=2026-05-01&to=2026-04-01`,
      undefined,
      422,
    );
    expect(fields(range)).toEqual(['to']);
    expect(await calendarCount(org.orgId)).toBe(before);
  });

  it('is the admins’ to change and the admins’ and managers’ to read; another organization sees none of it', async () => {
    await call(manager, 'POST', '/api/v1/holiday-calendars', { name: 'Managers' }, 403);
    await call(
      manager,
      'POST',
      `/api/v1/holiday-calendars/${us.id}/holidays`,
      { holidays: [{ name: 'x', start: '2026-04-01' }] },
      403,
    );
    await call(inside, 'GET', '/api/v1/holiday-calendars', undefined, 403);
    await call(bea, 'GET', `/api/v1/holiday-calendars/${us.id}`, undefined, 403);
    await call(other.admin, 'GET', `/api/v1/holiday-calendars/${us.id}`, undefined, 404);
    await call(other.admin, 'GET', `/api/v1/users/${ned.userId}/holidays`, undefined, 404);
    expect((await call<{ items: unknown[] }>(other.admin, 'GET', '/api/v1/holiday-calendars')).items).toEqual([]);
  });

  it('lets a territory go while a calendar is assigned to it: the assignment goes with it', async () => {
    const temp = await call<TerritoryDto>(
      org.admin,
      'POST',
      '/api/v1/territories',
      { name: 'Temporary', criteria: { countries: ['AT'] } },
      201,
    );
    const assigned = await call<HolidayCalendarDto>(
      org.admin,
      'PATCH',
      `/api/v1/holiday-calendars/${bavaria.id}`,
      { territoryIds: [temp.id] },
      200,
      { 'if-match': '*' },
    );
    expect(assigned.territoryIds).toEqual([temp.id]);
    await call(org.admin, 'DELETE', `/api/v1/territories/${temp.id}`, undefined, 204);
    const after = await call<HolidayCalendarDto>(org.admin, 'GET', `/api/v1/holiday-calendars/${bavaria.id}`);
    expect(after.territoryIds).toEqual([]);
  });

  it('removes a calendar with its holidays (If-Match), and its holidays no longer apply', async () => {
    await call(org.admin, 'DELETE', `/api/v1/holiday-calendars/${us.id}`, undefined, 428);
    await call(org.admin, 'DELETE', `/api/v1/holiday-calendars/${us.id}`, undefined, 204, { 'if-match': '*' });
    expect((await eventsOf(us.id)).at(-1)).toMatchObject({
      type: 'holiday_calendar.deleted',
      data: { before: { name: 'US federal', isDefault: true, territoryIds: [], userIds: [ned.userId] } },
    });
    const left = await deps.db.selectFrom('holiday_dates').select('id').where('calendar_id', '=', us.id).execute();
    expect(left).toEqual([]);
    expect(await slotDays(ned.userId, '2026-03-04T00:00:00Z', '2026-03-05T00:00:00Z')).toEqual(['2026-03-04']);
  });
});
