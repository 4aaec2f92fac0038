import { describe, expect, it } from 'vitest';
import { handoffDueAt, inBusinessHours, type SlaRule } from '../src/domain/sla.ts';

/** The default policy (Mon–Fri 09:00–17:00, 5 minutes in hours, 60 outside) in Berlin. */
const berlin: SlaRule = {
  weekdays: [1, 2, 3, 4, 5],
  start: '09:00',
  end: '17:00',
  timeZone: 'Europe/Berlin',
  businessMinutes: 5,
  otherMinutes: 60,
};

const due = (at: string, rule = berlin) => {
  const r = handoffDueAt(new Date(at), rule);
  return { dueAt: r.dueAt.toISOString(), inBusinessHours: r.inBusinessHours };
};

describe('the hand-off due time', () => {
  it('is 5 minutes after a hand-off in business hours (Wednesday 10:00 in Berlin, winter: UTC+1)', () => {
    // 2026-01-07 is a Wednesday; 09:00 UTC is 10:00 in Berlin.
    expect(due('2026-01-07T09:00:00.000Z')).toEqual({ dueAt: '2026-01-07T09:05:00.000Z', inBusinessHours: true });
  });

  it('counts the start of the day in and its end out', () => {
    // 08:00 UTC = 09:00 Berlin (in); 16:00 UTC = 17:00 Berlin (out); 15:59 UTC = 16:59 (in).
    expect(due('2026-01-07T08:00:00.000Z').inBusinessHours).toBe(true);
    expect(due('2026-01-07T16:00:00.000Z')).toEqual({ dueAt: '2026-01-07T17:00:00.000Z', inBusinessHours: false });
    expect(due('2026-01-07T15:59:00.000Z')).toEqual({ dueAt: '2026-01-07T16:04:00.000Z', inBusinessHours: true });
  });

  it('is an hour after a hand-off on a weekend, whatever the time of day', () => {
    // 2026-01-10 is a Saturday; 10:00 UTC is 11:00 in Berlin, inside 09–17 but not a working day.
    expect(due('2026-01-10T10:00:00.000Z')).toEqual({ dueAt: '2026-01-10T11:00:00.000Z', inBusinessHours: false });
    // Sunday 2026-01-11 likewise.
    expect(due('2026-01-11T12:30:00.000Z')).toEqual({ dueAt: '2026-01-11T13:30:00.000Z', inBusinessHours: false });
  });

  it('reads the weekday in the time zone: Friday night in New York is Saturday in UTC', () => {
    const ny: SlaRule = { ...berlin, timeZone: 'America/New_York', start: '09:00', end: '24:00' };
    // 2026-01-10T02:00Z is Saturday in UTC but Friday 21:00 in New York (UTC−5): in business hours.
    expect(due('2026-01-10T02:00:00.000Z', ny)).toEqual({ dueAt: '2026-01-10T02:05:00.000Z', inBusinessHours: true });
  });

  it('follows daylight saving time: the same UTC time is outside hours in winter and inside in summer', () => {
    // Friday 2026-03-27, 07:30 UTC = 08:30 in Berlin (UTC+1): before 09:00, outside.
    expect(due('2026-03-27T07:30:00.000Z')).toEqual({ dueAt: '2026-03-27T08:30:00.000Z', inBusinessHours: false });
    // Clocks go forward on Sunday 2026-03-29. Monday 2026-03-30, 07:30 UTC = 09:30 in Berlin (UTC+2): inside.
    expect(due('2026-03-30T07:30:00.000Z')).toEqual({ dueAt: '2026-03-30T07:35:00.000Z', inBusinessHours: true });
  });

  it('counts elapsed minutes across the change of clocks', () => {
    // Sunday 2026-03-29 00:30 UTC = 01:30 Berlin (UTC+1); an hour later it is 03:30 Berlin (UTC+2),
    // since the wall clock skips 02:00–03:00: the due instant is 60 real minutes later.
    const r = handoffDueAt(new Date('2026-03-29T00:30:00.000Z'), berlin);
    expect(r.dueAt.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(r.dueAt.toLocaleString('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' })).toBe(
      '03:30',
    );
  });

  it('takes the working days the policy names (a Sunday–Thursday week)', () => {
    const dubai: SlaRule = { ...berlin, weekdays: [7, 1, 2, 3, 4], timeZone: 'Asia/Dubai' };
    // Sunday 2026-01-11 06:00 UTC = 10:00 in Dubai (UTC+4): a working day there.
    expect(inBusinessHours(new Date('2026-01-11T06:00:00.000Z'), dubai)).toBe(true);
    // Friday 2026-01-09 06:00 UTC = 10:00 in Dubai: not a working day.
    expect(inBusinessHours(new Date('2026-01-09T06:00:00.000Z'), dubai)).toBe(false);
  });
});
