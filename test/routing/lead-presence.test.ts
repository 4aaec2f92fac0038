import { describe, expect, it } from 'vitest';
import type { Holiday } from '../../src/domain/holidays.ts';
import { leadUnavailableReason } from '../../src/domain/routing.ts';

const christmas: Holiday = {
  calendarId: 'us',
  calendarName: 'US federal',
  name: 'Christmas Day',
  start: '2025-12-25',
  end: '2025-12-25',
  recurring: true,
};
const ny = (timeOff: { start: Date; end: Date }[] = []) => ({
  timeZone: 'America/New_York',
  timeOff,
  holidays: [christmas],
});

describe('whether a rep can take an arriving lead', () => {
  it('a holiday of their calendars on their own local day: named as a booking names it', () => {
    // 25 December 2026 10:00 in New York (15:00 UTC): Christmas in the rep's zone, recurring from 2025.
    expect(leadUnavailableReason(ny(), new Date('2026-12-25T15:00:00Z'))).toBe('holiday: Christmas Day (US federal)');
    // 26 December 03:00 UTC is still 25 December 22:00 in New York.
    expect(leadUnavailableReason(ny(), new Date('2026-12-26T03:00:00Z'))).toBe('holiday: Christmas Day (US federal)');
    // 25 December 02:00 UTC is 24 December 21:00 in New York: no holiday there yet.
    expect(leadUnavailableReason(ny(), new Date('2026-12-25T02:00:00Z'))).toBeNull();
    // In Berlin that same instant is already the 25th.
    expect(leadUnavailableReason({ ...ny(), timeZone: 'Europe/Berlin' }, new Date('2026-12-25T02:00:00Z'))).toBe(
      'holiday: Christmas Day (US federal)',
    );
  });

  it('out of office while a time off runs (start inclusive, end exclusive); in otherwise', () => {
    const off = { start: new Date('2026-03-02T08:00:00Z'), end: new Date('2026-03-02T12:00:00Z') };
    expect(leadUnavailableReason(ny([off]), new Date('2026-03-02T08:00:00Z'))).toBe('out of office');
    expect(leadUnavailableReason(ny([off]), new Date('2026-03-02T12:00:00Z'))).toBeNull();
    expect(leadUnavailableReason(undefined, new Date('2026-03-02T09:00:00Z'))).toBeNull();
  });

  it('on a holiday while also out of office, the holiday is named (as the booking check names it first)', () => {
    const off = { start: new Date('2026-12-24T00:00:00Z'), end: new Date('2027-01-02T00:00:00Z') };
    expect(leadUnavailableReason(ny([off]), new Date('2026-12-25T15:00:00Z'))).toBe(
      'holiday: Christmas Day (US federal)',
    );
    expect(leadUnavailableReason(ny([off]), new Date('2026-12-28T15:00:00Z'))).toBe('out of office');
  });
});
