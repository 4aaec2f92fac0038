import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { objectionAnalytics, type ObjectionFact } from '../../src/analytics/objection-analytics.ts';

const facts: ObjectionFact[] = [
  { category: 'price', stageId: 's1', productIds: ['p1', 'p2'], resolved: true, responseUsed: 'ROI', progressed: true },
  { category: 'price', stageId: 's1', productIds: ['p1'], resolved: false, responseUsed: 'ROI', progressed: false },
  { category: 'price', stageId: 's2', productIds: [], resolved: true, responseUsed: null, progressed: true },
  { category: 'timing', stageId: null, productIds: [], resolved: true, responseUsed: 'Call later', progressed: true },
];

describe('objection analytics (hand-computed)', () => {
  const r = objectionAnalytics(facts);

  it('frequency by category × stage × product: an objection counts under each product of its deal', () => {
    expect(r.total).toBe(4);
    expect(r.frequency).toEqual([
      { category: 'price', stageId: 's1', productId: 'p1', raised: 2 },
      { category: 'price', stageId: 's1', productId: 'p2', raised: 1 },
      { category: 'price', stageId: 's2', productId: null, raised: 1 },
      { category: 'timing', stageId: null, productId: null, raised: 1 },
    ]);
  });

  it('resolution rate per category with the Wilson interval: 2 of 3 is (0.2077, 0.9385), 1 of 1 is (0.2065, 1)', () => {
    const [price, timing] = r.byCategory;
    expect(price).toMatchObject({ category: 'price', raised: 3, resolved: 2 });
    expect(price?.rate).toBeCloseTo(2 / 3, 12);
    expect(price?.interval?.low).toBeCloseTo(0.2077, 4);
    expect(price?.interval?.high).toBeCloseTo(0.9385, 4);
    expect(timing).toMatchObject({ category: 'timing', raised: 1, resolved: 1, rate: 1 });
    expect(timing?.interval?.low).toBeCloseTo(0.2065, 4);
  });

  it('progress after each response, most used first; no response recorded is its own row', () => {
    expect(r.responses.map((x) => [x.category, x.response, x.used, x.progressed, x.rate])).toEqual([
      ['price', 'ROI', 2, 1, 0.5],
      ['price', null, 1, 1, 1],
      ['timing', 'Call later', 1, 1, 1],
    ]);
  });
});

describe('objection analytics (properties)', () => {
  const fact = fc.record({
    category: fc.constantFrom('price', 'timing', 'need'),
    stageId: fc.constantFrom('s1', 's2', null),
    productIds: fc.uniqueArray(fc.constantFrom('p1', 'p2', 'p3'), { maxLength: 3 }),
    resolved: fc.boolean(),
    responseUsed: fc.constantFrom('A', 'B', null),
    progressed: fc.boolean(),
  });

  it('every interval contains its rate; categories and responses account for every objection', () => {
    fc.assert(
      fc.property(fc.array(fact, { maxLength: 60 }), (fs) => {
        const r = objectionAnalytics(fs);
        for (const row of [...r.byCategory, ...r.responses]) {
          if (row.rate === null || row.interval === null) continue;
          expect(row.interval.low).toBeLessThanOrEqual(row.rate + 1e-12);
          expect(row.interval.high).toBeGreaterThanOrEqual(row.rate - 1e-12);
        }
        expect(r.byCategory.reduce((s, c) => s + c.raised, 0)).toBe(fs.length);
        expect(r.responses.reduce((s, c) => s + c.used, 0)).toBe(fs.length);
        expect(r.frequency.reduce((s, c) => s + c.raised, 0)).toBe(
          fs.reduce((s, f) => s + Math.max(1, f.productIds.length), 0),
        );
      }),
    );
  });
});
