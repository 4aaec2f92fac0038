import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { waterfall, waterfallReason, type WaterfallDealState } from '../../src/analytics/waterfall.ts';
import { sumMoney } from '../../src/contract/money.ts';

const deal = (dealId: string, over: Partial<WaterfallDealState>): WaterfallDealState => ({
  dealId,
  name: dealId,
  currency: 'USD',
  inStart: false,
  startAmount: null,
  inEnd: false,
  endAmount: null,
  createdInRange: false,
  endStatus: 'open',
  ...over,
});

// USD deals, each with the reason worked out by hand:
//   A 1000 → 1000 unchanged; B created, 500 at the end; C pulled in (close date moved in), 200;
//   D reopened after a loss before the start, 300 at the end → pulled in; E 400 → 650 amount up +250;
//   F 800 at the start, won (its amount rose to 900 first: the bar takes what it held at the start) → −800;
//   G 300 lost → −300; H 250 still open, close date pushed out → −250; I 700 → 600 amount down −100;
//   J created and won inside the range → no bar; K in at both without an amount → unchanged, 0.
// start = 1000+400+800+300+250+700+0 = 3450 (7 deals); end = 1000+500+200+300+650+600+0 = 3250 (7 deals)
// 3450 + 500 + 500 + 250 − 800 − 300 − 250 − 100 = 3250; counts 7 + 1 + 2 − 1 − 1 − 1 = 7.
const fixture: WaterfallDealState[] = [
  deal('A', { inStart: true, startAmount: '1000.00', inEnd: true, endAmount: '1000.00' }),
  deal('B', { createdInRange: true, inEnd: true, endAmount: '500.00' }),
  deal('C', { inEnd: true, endAmount: '200.00' }),
  deal('D', { inEnd: true, endAmount: '300.00' }),
  deal('E', { inStart: true, startAmount: '400.00', inEnd: true, endAmount: '650.00' }),
  deal('F', { inStart: true, startAmount: '800.00', endAmount: '900.00', endStatus: 'won' }),
  deal('G', { inStart: true, startAmount: '300.00', endStatus: 'lost' }),
  deal('H', { inStart: true, startAmount: '250.00' }),
  deal('I', { inStart: true, startAmount: '700.00', inEnd: true, endAmount: '600.00' }),
  deal('J', { createdInRange: true, endAmount: '120.00', endStatus: 'won' }),
  deal('K', { inStart: true, inEnd: true }),
  deal('L', { currency: 'EUR', inStart: true, startAmount: '100.00', endStatus: 'won' }),
];

describe('waterfall', () => {
  it('gives every deal one reason and bars that lead from start to end (hand-computed)', () => {
    const [usd, eur] = waterfall(fixture, { dealLimit: 10, firstCurrency: 'USD' });
    expect(usd?.currency).toBe('USD');
    expect(usd?.start).toEqual({ amount: '3450.00', count: 7 });
    expect(usd?.end).toEqual({ amount: '3250.00', count: 7 });
    expect(usd?.unchanged).toEqual({ amount: '1000.00', count: 2 });
    expect(usd?.bars.map((b) => [b.reason, b.amount, b.count])).toEqual([
      ['created', '500.00', 1],
      ['pulled_in', '500.00', 2],
      ['amount_up', '250.00', 1],
      ['won', '-800.00', 1],
      ['lost', '-300.00', 1],
      ['pushed_out', '-250.00', 1],
      ['amount_down', '-100.00', 1],
    ]);
    const pulled = usd?.bars.find((b) => b.reason === 'pulled_in');
    expect(pulled?.deals).toEqual([
      { dealId: 'D', name: 'D', startAmount: null, endAmount: '300.00', change: '300.00' },
      { dealId: 'C', name: 'C', startAmount: null, endAmount: '200.00', change: '200.00' },
    ]);
    expect(usd?.bars.find((b) => b.reason === 'won')?.deals).toEqual([
      { dealId: 'F', name: 'F', startAmount: '800.00', endAmount: null, change: '-800.00' },
    ]);
    expect(eur).toEqual({
      currency: 'EUR',
      start: { amount: '100.00', count: 1 },
      bars: expect.any(Array) as unknown,
      end: { amount: '0.00', count: 0 },
      unchanged: { amount: '0.00', count: 0 },
    });
    expect(eur?.bars.filter((b) => b.count > 0).map((b) => [b.reason, b.amount])).toEqual([['won', '-100.00']]);
  });

  it('applies the precedence: the end status beats the amount change, creation beats pulling in', () => {
    expect(
      waterfallReason(deal('x', { inStart: true, startAmount: '5.00', endAmount: '9.00', endStatus: 'lost' })),
    ).toBe('lost');
    expect(waterfallReason(deal('x', { createdInRange: true, inEnd: true, endAmount: '1.00' }))).toBe('created');
    expect(waterfallReason(deal('x', { inStart: true, startAmount: '5.00', endStatus: null }))).toBe('pushed_out');
    expect(waterfallReason(deal('x', { createdInRange: true, endStatus: 'lost' }))).toBeNull();
  });

  it('caps the deal list of a bar and says so; the first currency asked for comes first', () => {
    const result = waterfall(fixture, { dealLimit: 1, firstCurrency: 'EUR' });
    expect(result.map((w) => w.currency)).toEqual(['EUR', 'USD']);
    const pulled = result[1]?.bars.find((b) => b.reason === 'pulled_in');
    expect(pulled?.deals.map((d) => d.dealId)).toEqual(['D']);
    expect(pulled?.truncated).toBe(true);
    expect(pulled?.amount).toBe('500.00');
  });

  it('handles an empty range and a single deal', () => {
    expect(waterfall([], { dealLimit: 5 })).toEqual([]);
    const [only] = waterfall([deal('S', { createdInRange: true, inEnd: true, endAmount: '42.50' })], { dealLimit: 5 });
    expect(only?.start).toEqual({ amount: '0.00', count: 0 });
    expect(only?.end).toEqual({ amount: '42.50', count: 1 });
    expect(only?.bars.filter((b) => b.count > 0).map((b) => [b.reason, b.amount])).toEqual([['created', '42.50']]);
  });

  it('property: start + Σ bars = end, in amount and (without the amount bars) in count', () => {
    const amount = fc.option(
      fc.integer({ min: 0, max: 10_000_000 }).map((c) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`),
    );
    const state = fc.record({
      dealId: fc.uuid(),
      name: fc.string({ maxLength: 4 }),
      currency: fc.constantFrom('USD', 'EUR'),
      inStart: fc.boolean(),
      startAmount: amount,
      inEnd: fc.boolean(),
      endAmount: amount,
      createdInRange: fc.boolean(),
      endStatus: fc.constantFrom('open' as const, 'won' as const, 'lost' as const, null),
    });
    fc.assert(
      fc.property(fc.array(state, { maxLength: 40 }), (deals) => {
        for (const w of waterfall(deals, { dealLimit: 3 })) {
          expect(sumMoney([w.start.amount, ...w.bars.map((b) => b.amount)])).toBe(w.end.amount);
          const moved = w.bars.filter((b) => b.reason !== 'amount_up' && b.reason !== 'amount_down');
          const signed = moved.reduce(
            (n, b) => n + (['created', 'pulled_in'].includes(b.reason) ? b.count : -b.count),
            0,
          );
          expect(w.start.count + signed).toBe(w.end.count);
        }
      }),
    );
  });
});
