import { describe, expect, it } from 'vitest';
import {
  detectAcceleratorDiscounts,
  detectQuarterEndPushes,
  type AcceleratorCredit,
  type CloseDateMove,
  type WonDealDiscount,
} from '../../src/analytics/detectors-gaming.ts';

describe('quarter-end gaming: pushed past the period end', () => {
  it('flags a close date moved out of the quarter in its last 7 days and won within 10 days of the next', () => {
    // The fiscal year starts in April: 2025-Q4 runs 2026-01-01 to 2026-03-31 (ends before 2026-04-01).
    const move = (dealId: string, day: string, from: string | null, to: string | null): CloseDateMove => ({
      eventId: `m-${dealId}-${day}`,
      dealId,
      personId: 'rita',
      day,
      from,
      to,
    });
    const found = detectQuarterEndPushes(
      [
        move('a', '2026-03-27', '2026-03-30', '2026-04-10'), // 5 days before the end, won on April 6th: found
        move('a', '2026-03-30', '2026-04-10', '2026-04-12'), // already outside the quarter
        move('b', '2026-03-20', '2026-03-28', '2026-04-05'), // 12 days before the end: too early
        move('c', '2026-03-28', '2026-03-30', '2026-04-15'), // won on day 12 of the next quarter: too late
        move('d', '2026-03-29', '2026-04-02', '2026-04-20'), // moved from outside the quarter
        move('e', '2026-03-26', '2026-03-31', '2026-04-02'), // never won
        move('f', '2026-03-25', '2026-03-31', '2026-04-01'), // the 7th day before the end; won on day 10: found
        move('g', '2026-03-29', '2026-03-31', null), // close date cleared
        move('h', '2026-03-27', '2026-03-26', '2026-04-20'), // a date already passed, moved out: a slip
        move('i', '2026-03-27', '2026-03-27', '2026-04-20'), // due that very day: still a push, found
      ],
      [
        { eventId: 'w-a', dealId: 'a', day: '2026-04-06' },
        { eventId: 'w-b', dealId: 'b', day: '2026-04-03' },
        { eventId: 'w-c', dealId: 'c', day: '2026-04-12' },
        { eventId: 'w-d', dealId: 'd', day: '2026-04-04' },
        { eventId: 'w-f', dealId: 'f', day: '2026-04-10' },
        { eventId: 'w-g', dealId: 'g', day: '2026-04-02' },
        { eventId: 'w-h', dealId: 'h', day: '2026-04-03' },
        { eventId: 'w-i', dealId: 'i', day: '2026-04-03' },
      ],
      { fiscalYearStartMonth: 4 },
    );
    expect(found.map((f) => [f.fingerprint, f.subjectId, f.severity, f.score, f.evidence])).toEqual([
      ['push:a:2025-Q4', 'a', 'medium', 5, ['m-a-2026-03-27', 'w-a']],
      ['push:f:2025-Q4', 'f', 'medium', 9, ['m-f-2026-03-25', 'w-f']],
      ['push:i:2025-Q4', 'i', 'medium', 2, ['m-i-2026-03-27', 'w-i']],
    ]);
    expect(found[0]?.summary).toBe(
      'expected close moved from 2026-03-30 to 2026-04-10 on 2026-03-27, 5 day(s) before 2025-Q4 ended; won on day 6 of the next quarter',
    );
    expect(found[0]?.personId).toBe('rita');
  });
});

describe('quarter-end gaming: discounts near a commission accelerator', () => {
  it('flags a deal that crosses the accelerator from within 80 % of it with an outlying discount', () => {
    // The accelerator starts at 10,000 of credit in the month: 80 % of it is 8,000.
    const credit = (dealId: string, personId: string, before: number, after: number): AcceleratorCredit => ({
      eventId: `won-${dealId}`,
      dealId,
      personId,
      period: '2026-03',
      before,
      after,
      threshold: 10_000,
    });
    const discount = (dealId: string, personId: string, discountPercent: number): WonDealDiscount => ({
      dealId,
      personId,
      discountPercent,
    });
    const rita = [5, 6, 5, 4, 6].map((d, i) => discount(`r${i}`, 'rita', d));
    const found = detectAcceleratorDiscounts(
      [
        credit('x', 'rita', 8_500, 10_500), // inside [8,000, 10,000), crosses: judged
        credit('y', 'rita', 7_900, 10_200), // started below 80 %: not judged
        credit('z', 'rita', 8_000, 9_999), // does not reach the accelerator
        credit('v', 'rita', 9_500, 10_000), // reaches it exactly, with an ordinary discount
        credit('w', 'tom', 9_000, 11_000), // only four other won deals: not judged
      ],
      [
        ...rita,
        discount('x', 'rita', 20),
        discount('y', 'rita', 20),
        discount('z', 'rita', 20),
        discount('v', 'rita', 7),
        ...[3, 3, 3, 3].map((d, i) => discount(`t${i}`, 'tom', d)),
        discount('w', 'tom', 30),
      ],
    );
    // Rita's nine discounts: 4 5 5 6 6 7 20 20 20, median 6; deviations 0 0 1 1 1 2 14 14 14, MAD 1.
    // x: 0.6745 × 14 / 1 = 9.443 (high: above 7); v: 0.6745 × 1 / 1 = 0.67.
    expect(found.map((f) => [f.fingerprint, f.subjectId, f.personId, f.severity, f.score, f.evidence])).toEqual([
      ['accelerator:x', 'x', 'rita', 'high', 9.44, ['won-x']],
    ]);
    expect(found[0]?.summary).toBe(
      'won with a 20% discount (robust z 9.44 against 8 other won deals), taking the 2026-03 credit from 8500 to 10500 past the accelerator at 10000',
    );
  });
});
