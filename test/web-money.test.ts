import { describe, expect, it } from 'vitest';
import { formatMoney, stageTotals } from '../web/src/money.ts';

describe('board column totals', () => {
  it('sums exactly per currency and weights by the stage probability, rounding once', () => {
    const deals = [
      { amount: '0.10', currency: 'USD' },
      { amount: '0.20', currency: 'USD' },
      { amount: '1000.05', currency: 'USD' },
      { amount: null, currency: 'USD' },
      { amount: '99.99', currency: 'EUR' },
    ];
    // USD: 1000.35 × 0.35 = 350.1225 → 350.12; EUR: 99.99 × 0.35 = 34.9965 → 35.00
    expect(stageTotals(deals, 35)).toEqual({
      count: 5,
      byCurrency: [
        { currency: 'EUR', sum: '99.99', weighted: '35.00' },
        { currency: 'USD', sum: '1000.35', weighted: '350.12' },
      ],
    });
    expect(stageTotals([{ amount: '0.05', currency: 'USD' }], 50).byCurrency[0]?.weighted).toBe('0.03');
  });

  it('formats exactly, through Intl, without floats (beyond what a double holds)', () => {
    // The tests run in the en-US locale: Intl puts a no-break space after the code.
    expect(formatMoney('1234567.50', 'USD')).toBe('USD\u00a01,234,567.50');
    expect(formatMoney('999.00')).toBe('999.00');
    expect(formatMoney('12345678901234567.89')).toBe('12,345,678,901,234,567.89');
    expect(formatMoney('0.10', 'EUR')).toBe('EUR\u00a00.10');
  });
});
