import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findSlots, unavailableReason, type RepCalendar } from '../../src/domain/availability.ts';
import {
  effectiveCalendarIds,
  holidayLookup,
  holidayOccurrences,
  holidayOn,
  type CalendarAssignments,
  type Holiday,
} from '../../src/domain/holidays.ts';
import { handoffDueAt, type SlaRule } from '../../src/domain/sla.ts';

const holiday = (name: string, start: string, end = start, recurring = false, calendar = 'US federal'): Holiday => ({
  calendarId: `cal-${calendar}`,
  calendarName: calendar,
  name,
  start,
  end,
  recurring,
});
const christmas = holiday('Christmas Day', '2020-12-25', '2020-12-25', true, 'Company');

describe('the calendars a rep keeps', () => {
  const assignments: CalendarAssignments = {
    defaultCalendarId: 'default',
    territories: [
      { calendarId: 'bavaria', territoryId: 'dach' },
      { calendarId: 'us', territoryId: 'east' },
      { calendarId: 'default', territoryId: 'dach' },
    ],
    users: [
      { calendarId: 'own', userId: 'ana' },
      { calendarId: 'bavaria', userId: 'ana' },
      { calendarId: 'us', userId: 'bob' },
    ],
  };

  it('are the default, their territories’ and their own, each once in that order', () => {
    expect(effectiveCalendarIds(assignments, { userId: 'ana', territoryIds: ['dach'] })).toEqual([
      'default',
      'bavaria',
      'own',
    ]);
    expect(effectiveCalendarIds(assignments, { userId: 'bob', territoryIds: [] })).toEqual(['default', 'us']);
    expect(effectiveCalendarIds(assignments, { userId: 'cy', territoryIds: ['west'] })).toEqual(['default']);
  });

  it('are only those assigned when the organization has no default', () => {
    expect(
      effectiveCalendarIds({ ...assignments, defaultCalendarId: null }, { userId: 'cy', territoryIds: ['east'] }),
    ).toEqual(['us']);
  });
});

describe('holiday occurrences', () => {
  it('gives a recurring holiday once a year, a one-off only in its year, soonest first', () => {
    const once = holiday('Founders’ day', '2026-07-03');
    expect(holidayOccurrences([christmas, once], '2026-01-01', '2027-12-31').map((o) => [o.name, o.start])).toEqual([
      ['Founders’ day', '2026-07-03'],
      ['Christmas Day', '2026-12-25'],
      ['Christmas Day', '2027-12-25'],
    ]);
  });

  it('keeps a recurring range across New Year as long as it was entered, ending in the next year', () => {
    const closed = holiday('Winter closing', '2024-12-24', '2025-01-01', true);
    expect(holidayOn([closed], '2027-01-01')).toMatchObject({ start: '2026-12-24', end: '2027-01-01' });
    expect(holidayOn([closed], '2026-12-31')).toMatchObject({ start: '2026-12-24', end: '2027-01-01' });
    expect(holidayOn([closed], '2027-01-02')).toBeNull();
    expect(holidayOn([closed], '2026-12-23')).toBeNull();
  });

  it('recurs a 29 February only in leap years', () => {
    const leap = holiday('Leap day', '2024-02-29', '2024-02-29', true);
    expect(holidayOccurrences([leap], '2025-01-01', '2028-12-31').map((o) => o.start)).toEqual(['2028-02-29']);
  });
});

const weekdays = (start: string, end: string) => [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start, end }));
const rep = (repId: string, timezone: string, extra: Partial<RepCalendar> = {}): RepCalendar => ({
  repId,
  timezone,
  hours: weekdays('09:00', '17:00'),
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  minNoticeMinutes: 0,
  maxPerDay: 10,
  timeOff: [],
  holidays: [christmas],
  meetings: [],
  ...extra,
});
const at = (iso: string) => new Date(iso);

describe('looking up many dates at once', () => {
  it('names the same holiday as holidayOn for any date, ranges over New Year and leap days included (property)', () => {
    const day = fc
      .integer({ min: 0, max: 4 * 366 })
      .map((n) => new Date(Date.UTC(2023, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    const aHoliday = fc
      .tuple(
        day,
        fc.integer({ min: 0, max: 20 }),
        fc.boolean(),
        fc.constantFrom('A', 'B', 'C'),
        fc.constantFrom('X', 'Y'),
      )
      .map(([start, days, recurring, name, calendar]) =>
        holiday(
          name,
          start,
          new Date(Date.parse(start) + days * 86_400_000).toISOString().slice(0, 10),
          recurring,
          calendar,
        ),
      );
    fc.assert(
      fc.property(fc.array(aHoliday, { maxLength: 6 }), fc.array(day, { minLength: 1, maxLength: 20 }), (hs, dates) => {
        const lookup = holidayLookup(hs);
        for (const d of dates) expect(lookup(d)).toEqual(holidayOn(hs, d));
      }),
    );
  });
});

describe('the slot finder on a holiday', () => {
  // Thursday 24 and Friday 25 December 2026; one calendar's Christmas Day for a Berlin and a New York rep.
  const query = {
    from: at('2026-12-24T00:00:00Z'),
    to: at('2026-12-26T12:00:00Z'),
    durationMinutes: 60,
    stepMinutes: 60,
    now: at('2026-12-01T00:00:00Z'),
  };

  it('offers neither rep a slot on their own local 25 December', () => {
    const slots = findSlots([rep('berlin', 'Europe/Berlin'), rep('ny', 'America/New_York')], query);
    const days = (id: string) => [
      ...new Set(slots.filter((s) => s.repId === id).map((s) => s.start.toISOString().slice(0, 10))),
    ];
    // Berlin: Thursday 09:00–16:00 CET = 08:00Z–15:00Z; New York: Thursday 09:00–16:00 EST = 14:00Z–21:00Z.
    expect(days('berlin')).toEqual(['2026-12-24']);
    expect(days('ny')).toEqual(['2026-12-24']);
    expect(slots.filter((s) => s.repId === 'berlin')).toHaveLength(8);
    expect(slots.filter((s) => s.repId === 'ny')).toHaveLength(8);
  });

  it('reads the date in the rep’s zone: New York’s Christmas Eve evening is already the 25th in Berlin', () => {
    // New York works 18:00–24:00 on Thursday: 23:00Z on the 24th to 05:00Z on the 25th, still the 24th there.
    const ny = rep('ny', 'America/New_York', { hours: [{ weekday: 4, start: '18:00', end: '24:00' }] });
    const berlin = rep('berlin', 'Europe/Berlin', { hours: [{ weekday: 5, start: '00:00', end: '06:00' }] });
    const slots = findSlots([ny, berlin], query);
    expect(slots.map((s) => [s.repId, s.start.toISOString()])).toEqual(
      [23, 24, 25, 26, 27, 28].map((h) => ['ny', new Date(Date.UTC(2026, 11, 24, h)).toISOString()]),
    );
  });

  it('refuses a meeting on the holiday by name, even one starting the evening before and running into it', () => {
    const berlin = rep('berlin', 'Europe/Berlin', { hours: [{ weekday: 4, start: '00:00', end: '24:00' }] });
    expect(
      unavailableReason(berlin, { start: at('2026-12-25T10:00:00Z'), end: at('2026-12-25T11:00:00Z') }, query.now),
    ).toBe('holiday: Christmas Day (Company)');
    // 23:30–00:30 Berlin on Thursday into Friday.
    expect(
      unavailableReason(berlin, { start: at('2026-12-24T22:30:00Z'), end: at('2026-12-24T23:30:00Z') }, query.now),
    ).toBe('holiday: Christmas Day (Company)');
    // Ending at midnight exactly stays on the 24th.
    expect(
      unavailableReason(berlin, { start: at('2026-12-24T22:00:00Z'), end: at('2026-12-24T23:00:00Z') }, query.now),
    ).toBeNull();
  });
});

describe('the hand-off SLA on a holiday', () => {
  const rule: SlaRule = {
    weekdays: [1, 2, 3, 4, 5],
    start: '09:00',
    end: '17:00',
    timeZone: 'Europe/Berlin',
    businessMinutes: 5,
    otherMinutes: 60,
  };

  it('runs the out-of-hours clock on a holiday of the calendar, in the policy’s zone', () => {
    // Friday 25 December 2026, 10:00 UTC = 11:00 Berlin: a working day and hour, but Christmas.
    const onHoliday = handoffDueAt(at('2026-12-25T10:00:00Z'), rule, [christmas]);
    expect(onHoliday).toEqual({ dueAt: at('2026-12-25T11:00:00Z'), inBusinessHours: false });
    expect(handoffDueAt(at('2026-12-25T10:00:00Z'), rule, []).inBusinessHours).toBe(true);
    expect(handoffDueAt(at('2026-12-24T10:00:00Z'), rule, [christmas]).inBusinessHours).toBe(true);
  });
});
