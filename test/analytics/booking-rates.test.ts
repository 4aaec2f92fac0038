import { describe, expect, it } from 'vitest';
import { bookingRates, type BookingFact, type CallFact } from '../../src/analytics/booking-rates.ts';

const t = (iso: string) => new Date(iso);
const calls: CallFact[] = [
  // inside rep i1: 4 connected of 6 dials; i2: 2 connected of 2
  ...Array.from({ length: 4 }, () => ({ callerId: 'i1', connected: true })),
  { callerId: 'i1', connected: false },
  { callerId: 'i1', connected: false },
  { callerId: 'i2', connected: true },
  { callerId: 'i2', connected: true },
];
const b = (bookedBy: string, ownerId: string, hours: number, status: BookingFact['status'], opportunity = false) => ({
  bookedBy,
  ownerId,
  bookedAt: t('2026-03-02T09:00:00Z'),
  start: new Date(t('2026-03-02T09:00:00Z').getTime() + hours * 3_600_000),
  status,
  opportunity,
});
const bookings: BookingFact[] = [
  b('i1', 'o1', 24, 'held', true),
  b('i1', 'o1', 48, 'no_show'),
  b('i1', 'o2', 72, 'held', false),
  b('i1', 'o2', 10, 'cancelled'),
  b('i2', 'o1', 96, 'booked'),
];

describe('booking rates (hand-computed)', () => {
  const r = bookingRates(calls, bookings);

  it('in total', () => {
    // booked (not cancelled) 4 of 6 connected calls; held 2 of 3 known outcomes; 1 of 2 held became an opportunity;
    // hours to meeting 24, 48, 72, 96 → median 60
    expect(r.total).toEqual({
      booked: 4,
      cancelled: 1,
      held: 2,
      noShow: 1,
      connectedCalls: 6,
      setRate: 4 / 6,
      showRate: 2 / 3,
      meetingToOpportunity: 1 / 2,
      medianHoursToMeeting: 60,
    });
  });

  it('per inside rep, per outside rep and per pair', () => {
    expect(r.byInsideRep.map((x) => [x.userId, x.booked, x.connectedCalls, x.setRate, x.showRate])).toEqual([
      ['i1', 3, 4, 3 / 4, 2 / 3],
      ['i2', 1, 2, 1 / 2, null],
    ]);
    expect(
      r.byOutsideRep.map((x) => [x.userId, x.booked, x.held, x.noShow, x.showRate, x.setRate, x.medianHoursToMeeting]),
    ).toEqual([
      ['o1', 3, 1, 1, 1 / 2, null, 48],
      ['o2', 1, 1, 0, 1, null, 72],
    ]);
    expect(
      r.byPair.map((x) => [x.bookedBy, x.ownerId, x.booked, x.cancelled, x.showRate, x.meetingToOpportunity]),
    ).toEqual([
      ['i1', 'o1', 2, 0, 1 / 2, 1],
      ['i1', 'o2', 1, 1, 1, 0],
      ['i2', 'o1', 1, 0, null, null],
    ]);
  });

  it('is empty without data', () => {
    expect(bookingRates([], []).total).toMatchObject({
      booked: 0,
      setRate: null,
      showRate: null,
      medianHoursToMeeting: null,
    });
  });
});
