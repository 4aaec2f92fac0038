import { describe, expect, it } from 'vitest';
import { findSlots, unavailableReason, type RepCalendar } from '../../src/domain/availability.ts';

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
  holidays: [],
  meetings: [],
  ...extra,
});
const at = (iso: string) => new Date(iso);
const starts = (slots: { start: Date }[]) => slots.map((s) => s.start.toISOString());
const span = (start: string, end: string) => ({ start: at(start), end: at(end) });

describe('slot finder', () => {
  it('keeps a Berlin rep at 09:00 local across the European change (27 March CET, 30 March CEST)', () => {
    const slots = findSlots([rep('berlin', 'Europe/Berlin')], {
      from: at('2026-03-27T00:00:00Z'),
      to: at('2026-03-31T00:00:00Z'),
      durationMinutes: 60,
      stepMinutes: 60,
      now: at('2026-03-20T00:00:00Z'),
    });
    // Friday: 09:00..16:00 CET = 08:00Z..15:00Z; Monday: 09:00..16:00 CEST = 07:00Z..14:00Z; no weekend.
    expect(starts(slots)).toEqual([
      ...[8, 9, 10, 11, 12, 13, 14, 15].map((h) => `2026-03-27T${String(h).padStart(2, '0')}:00:00.000Z`),
      ...[7, 8, 9, 10, 11, 12, 13, 14].map((h) => `2026-03-30T${String(h).padStart(2, '0')}:00:00.000Z`),
    ]);
    expect(slots.every((s) => s.timezone === 'Europe/Berlin')).toBe(true);
  });

  it('keeps a New York rep at 09:00 local across the American change (6 March EST, 9 March EDT)', () => {
    const slots = findSlots([rep('ny', 'America/New_York')], {
      from: at('2026-03-06T00:00:00Z'),
      to: at('2026-03-10T00:00:00Z'),
      durationMinutes: 60,
      stepMinutes: 240,
      now: at('2026-03-01T00:00:00Z'),
    });
    // 09:00 and 13:00 local: EST is UTC-5, EDT UTC-4.
    expect(starts(slots)).toEqual([
      '2026-03-06T14:00:00.000Z',
      '2026-03-06T18:00:00.000Z',
      '2026-03-09T13:00:00.000Z',
      '2026-03-09T17:00:00.000Z',
    ]);
  });

  it('merges reps in two zones in instant order; between the two changes they are 5 hours apart, not 6', () => {
    const slots = findSlots([rep('ny', 'America/New_York'), rep('berlin', 'Europe/Berlin')], {
      from: at('2026-03-23T00:00:00Z'),
      to: at('2026-03-24T00:00:00Z'),
      durationMinutes: 60,
      stepMinutes: 60,
      now: at('2026-03-01T00:00:00Z'),
    });
    // Monday 23 March: Berlin still CET (08:00Z..15:00Z), New York already EDT (13:00Z..20:00Z).
    const berlin = slots.filter((s) => s.repId === 'berlin');
    const ny = slots.filter((s) => s.repId === 'ny');
    expect(berlin[0]?.start.toISOString()).toBe('2026-03-23T08:00:00.000Z');
    expect(ny[0]?.start.toISOString()).toBe('2026-03-23T13:00:00.000Z');
    expect((ny[0]!.start.getTime() - berlin[0]!.start.getTime()) / 3_600_000).toBe(5);
    // Where both are free at the same instant, Berlin sorts before ny by id.
    expect(slots.filter((s) => s.start.toISOString() === '2026-03-23T13:00:00.000Z').map((s) => s.repId)).toEqual([
      'berlin',
      'ny',
    ]);
    expect(slots).toHaveLength(16);
  });

  it('skips wall times that do not exist on the spring-forward night', () => {
    const night = rep('berlin', 'Europe/Berlin', { hours: [{ weekday: 7, start: '00:00', end: '04:00' }] });
    const slots = findSlots([night], {
      from: at('2026-03-28T20:00:00Z'),
      to: at('2026-03-29T06:00:00Z'),
      durationMinutes: 30,
      now: at('2026-03-01T00:00:00Z'),
    });
    // 00:00, 00:30, 01:00, 01:30 CET, then 03:00, 03:30 CEST: 02:00 and 02:30 never happen.
    expect(starts(slots)).toEqual([
      '2026-03-28T23:00:00.000Z',
      '2026-03-28T23:30:00.000Z',
      '2026-03-29T00:00:00.000Z',
      '2026-03-29T00:30:00.000Z',
      '2026-03-29T01:00:00.000Z',
      '2026-03-29T01:30:00.000Z',
    ]);
  });

  it('keeps the travel buffers free around a booked meeting', () => {
    const busy = rep('berlin', 'Europe/Berlin', {
      bufferBeforeMinutes: 30,
      bufferAfterMinutes: 30,
      hours: [{ weekday: 1, start: '09:00', end: '13:00' }],
      // 10:00-11:00 CEST; blocked 09:30-11:30 local
      meetings: [span('2026-03-30T08:00:00Z', '2026-03-30T09:00:00Z')],
    });
    const slots = findSlots([busy], {
      from: at('2026-03-30T00:00:00Z'),
      to: at('2026-03-31T00:00:00Z'),
      durationMinutes: 60,
      now: at('2026-03-01T00:00:00Z'),
    });
    // A new meeting blocks 30 min either side too: it must end by 09:00 local (impossible from 09:00)
    // or start at 12:00 local or later (its before-buffer 11:30 meets the booked one's after-buffer).
    expect(starts(slots)).toEqual(['2026-03-30T10:00:00.000Z']);
    expect(
      unavailableReason(busy, span('2026-03-30T09:30:00Z', '2026-03-30T10:30:00Z'), at('2026-03-01T00:00:00Z')),
    ).toBe('another meeting (with travel buffers) overlaps');
  });

  it('respects minimum notice, out of office and the daily maximum', () => {
    const now = at('2026-03-30T07:00:00Z'); // Monday 09:00 CEST
    const noticed = rep('b', 'Europe/Berlin', {
      minNoticeMinutes: 120,
      hours: [{ weekday: 1, start: '09:00', end: '13:00' }],
    });
    const q = {
      from: at('2026-03-30T00:00:00Z'),
      to: at('2026-03-31T00:00:00Z'),
      durationMinutes: 60,
      stepMinutes: 60,
      now,
    };
    expect(starts(findSlots([noticed], q))).toEqual(['2026-03-30T09:00:00.000Z', '2026-03-30T10:00:00.000Z']);

    const away = { ...noticed, minNoticeMinutes: 0, timeOff: [span('2026-03-30T08:30:00Z', '2026-03-30T10:00:00Z')] };
    expect(starts(findSlots([away], q))).toEqual(['2026-03-30T07:00:00.000Z', '2026-03-30T10:00:00.000Z']);
    expect(unavailableReason(away, span('2026-03-30T09:00:00Z', '2026-03-30T10:00:00Z'), now)).toBe('out of office');

    const full = {
      ...noticed,
      minNoticeMinutes: 0,
      maxPerDay: 1,
      meetings: [span('2026-03-30T10:00:00Z', '2026-03-30T11:00:00Z')],
    };
    expect(findSlots([full], q)).toEqual([]);
    expect(unavailableReason(full, span('2026-03-30T07:00:00Z', '2026-03-30T08:00:00Z'), now)).toBe('the day is full');
    expect(unavailableReason(noticed, span('2026-03-30T07:00:00Z', '2026-03-30T08:00:00Z'), now)).toBe(
      'too little notice',
    );
    expect(unavailableReason(full, span('2026-03-31T07:00:00Z', '2026-03-31T08:00:00Z'), now)).toBe(
      'outside working hours',
    );
  });
});
