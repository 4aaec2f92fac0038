import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromScaled, lineNetTotal, percentOf, sumMoney, toScaled } from '../src/contract/money.ts';

describe('exact money arithmetic', () => {
  it('computes line totals to the cent (worked out by hand)', () => {
    expect(lineNetTotal('3', '19.99', '10')).toBe('53.97'); // 59.97 × 0.9 = 53.973
    expect(lineNetTotal('3.0000', '19.99', '10.00')).toBe('53.97');
    expect(lineNetTotal('1', '0.10', '0')).toBe('0.10');
    expect(lineNetTotal('0.5', '0.05', '0')).toBe('0.03'); // 0.025 rounds half away from zero
    expect(lineNetTotal('1.5', '333.33', '33.33')).toBe('333.35'); // 499.995 × 0.6667 = 333.3466665
    expect(lineNetTotal('7', '100.00', '100')).toBe('0.00');
    expect(lineNetTotal('1000000', '999999.99', '0')).toBe('999999990000.00');
  });

  it('takes a percentage to the cent, half away from zero (worked out by hand)', () => {
    expect(percentOf('450000.00', '2.5')).toBe('11250.00');
    expect(percentOf('333.33', '2.5')).toBe('8.33'); // 8.33325
    expect(percentOf('0.50', '1')).toBe('0.01'); // 0.005 rounds up
    expect(percentOf('1000.00', '1.2345')).toBe('12.35'); // 12.345
    expect(percentOf('-0.50', '1')).toBe('-0.01');
  });

  it('sums without float drift', () => {
    expect(sumMoney(['0.10', '0.20'])).toBe('0.30');
    expect(sumMoney([])).toBe('0.00');
    expect(sumMoney(['-1.50', '1.25'])).toBe('-0.25');
  });

  it('round-trips scaled values', () => {
    expect(toScaled('19.99', 2)).toBe(1999n);
    expect(toScaled('3.0000', 2)).toBe(300n);
    expect(fromScaled(-5n, 2)).toBe('-0.05');
    expect(() => toScaled('1.234', 2)).toThrow(RangeError);
  });

  it('matches repeated addition for whole quantities without discount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 10_000_000 }), (qty, cents) => {
        const price = fromScaled(BigInt(cents), 2);
        expect(lineNetTotal(String(qty), price, '0')).toBe(sumMoney(Array.from({ length: qty }, () => price)));
      }),
    );
  });

  it('never exceeds the undiscounted total and never goes below zero', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        (q, p, d) => {
          const quantity = fromScaled(BigInt(q), 4);
          const price = fromScaled(BigInt(p), 2);
          const net = toScaled(lineNetTotal(quantity, price, fromScaled(BigInt(d), 2)), 2);
          const full = toScaled(lineNetTotal(quantity, price, '0'), 2);
          expect(net >= 0n && net <= full).toBe(true);
        },
      ),
    );
  });
});
