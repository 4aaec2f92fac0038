import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBusinessMinutes, approvalTimeout, escalationDueAt } from '../src/domain/approval-escalation.ts';
import type { BusinessHours } from '../src/domain/sla.ts';

/** Mon–Fri 09:00–17:00 in Berlin (UTC+1 in winter, UTC+2 from 2026-03-29). */
const berlin: BusinessHours = { weekdays: [1, 2, 3, 4, 5], start: '09:00', end: '17:00', timeZone: 'Europe/Berlin' };
const allDay: BusinessHours = { weekdays: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '24:00', timeZone: 'UTC' };

const plus = (at: string, minutes: number, hours = berlin) =>
  addBusinessMinutes(new Date(at), minutes, hours).toISOString();

describe('an approval step escalates after its timeout in business hours', () => {
  it('counts the rest of Friday, skips the weekend and goes on on Monday morning', () => {
    // Friday 2026-03-06 15:00 Berlin (14:00 UTC) + 4 h: 2 h to 17:00, then 09:00–11:00 Monday = 10:00 UTC.
    expect(plus('2026-03-06T14:00:00.000Z', 240)).toBe('2026-03-09T10:00:00.000Z');
  });

  it('starts counting when business hours open when the step starts outside them', () => {
    // Saturday 12:00 UTC + 60 min: Monday 09:00 Berlin + 1 h = 10:00 Berlin = 09:00 UTC.
    expect(plus('2026-03-07T12:00:00.000Z', 60)).toBe('2026-03-09T09:00:00.000Z');
    // Wednesday 07:00 Berlin (06:00 UTC), before the day opens: 09:00 + 30 min = 08:30 UTC.
    expect(plus('2026-01-07T06:00:00.000Z', 30)).toBe('2026-01-07T08:30:00.000Z');
  });

  it('is due at the close when the count ends exactly there, and spans whole working days', () => {
    // Wednesday 13:00 Berlin + 4 h = 17:00 Berlin (16:00 UTC), not Thursday 09:00.
    expect(plus('2026-01-07T12:00:00.000Z', 240)).toBe('2026-01-07T16:00:00.000Z');
    // Monday 09:00 Berlin + 16 h of business time = Tuesday 17:00 Berlin.
    expect(plus('2026-01-05T08:00:00.000Z', 960)).toBe('2026-01-06T16:00:00.000Z');
  });

  it('keeps the local opening time across the change to summer time', () => {
    // Friday 2026-03-27 16:00 Berlin (15:00 UTC) + 2 h: 1 h on Friday; the clocks change on Sunday;
    // Monday 09:00–10:00 Berlin is 07:00–08:00 UTC.
    expect(plus('2026-03-27T15:00:00.000Z', 120)).toBe('2026-03-30T08:00:00.000Z');
  });

  it('with hours open all day every day is the same as elapsed time', () => {
    expect(plus('2026-01-07T23:30:00.000Z', 60, allDay)).toBe('2026-01-08T00:30:00.000Z');
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 0, 1) }),
        fc.integer({ min: 1, max: 20_000 }),
        (t, m) => addBusinessMinutes(new Date(t), m, allDay).getTime() === t + m * 60_000,
      ),
    );
  });

  it('never escalates before the step started, and a longer timeout never escalates sooner', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 0, 1) }),
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 0, max: 5000 }),
        (t, m, more) => {
          const a = addBusinessMinutes(new Date(t), m, berlin).getTime();
          const b = addBusinessMinutes(new Date(t), m + more, berlin).getTime();
          return a >= t + m * 60_000 && b >= a;
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('the escalation time of an approval', () => {
  it('counts elapsed minutes, business minutes, or never', () => {
    const at = new Date('2026-03-07T12:00:00.000Z');
    expect(escalationDueAt(at, { minutes: 60, clock: 'elapsed' }, berlin)?.toISOString()).toBe(
      '2026-03-07T13:00:00.000Z',
    );
    expect(escalationDueAt(at, { minutes: 60, clock: 'business_hours' }, berlin)?.toISOString()).toBe(
      '2026-03-09T09:00:00.000Z',
    );
    expect(escalationDueAt(at, null, berlin)).toBeNull();
  });

  it('takes the fewest minutes among the holding rules that set a timeout', () => {
    expect(
      approvalTimeout([
        { escalateAfterMinutes: null, escalateIn: 'business_hours' },
        { escalateAfterMinutes: 240, escalateIn: 'business_hours' },
        { escalateAfterMinutes: 60, escalateIn: 'elapsed' },
      ]),
    ).toEqual({ minutes: 60, clock: 'elapsed' });
    expect(approvalTimeout([{ escalateAfterMinutes: null, escalateIn: 'elapsed' }])).toBeNull();
    expect(approvalTimeout([])).toBeNull();
  });
});
