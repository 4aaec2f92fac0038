import { describe, expect, it } from 'vitest';
import {
  detectBackdating,
  detectBulkChanges,
  detectDiscountOutliers,
  detectStageDeviations,
  robustZ,
  type DiscountLine,
} from '../../src/analytics/detectors.ts';
import { approvalReasons, effectiveDiscount } from '../../src/domain/approval-triggers.ts';

const at = (s: string) => new Date(s);

describe('backdating', () => {
  const rec = (eventId: string, occurredAt: string, businessTime: string) => ({
    eventId,
    occurredAt: at(occurredAt),
    businessTime: at(businessTime),
    personId: 'rita',
    subjectType: 'activity',
    subjectId: `a-${eventId}`,
  });
  it('flags business time more than 14 days before system time, or inside a period locked before the write', () => {
    const found = detectBackdating(
      [
        rec('1', '2026-03-20T10:00:00Z', '2026-03-10T10:00:00Z'), // 10 days: normal
        rec('2', '2026-03-20T10:00:00Z', '2026-03-05T10:00:00Z'), // 15 days: medium
        rec('3', '2026-03-20T10:00:00Z', '2026-02-01T10:00:00Z'), // 47 days > 3 × 14: high
        rec('4', '2026-04-02T10:00:00Z', '2026-03-30T10:00:00Z'), // 3 days, but March locked on April 1st
        rec('5', '2026-03-31T10:00:00Z', '2026-03-30T10:00:00Z'), // written before the lock: fine
      ],
      {
        locks: [
          { start: at('2026-03-01T00:00:00Z'), end: at('2026-04-01T00:00:00Z'), lockedAt: at('2026-04-01T08:00:00Z') },
        ],
      },
    );
    expect(found.map((f) => [f.fingerprint, f.severity, f.score])).toEqual([
      ['2', 'medium', 15],
      ['3', 'high', 47],
      ['4', 'high', 3],
    ]);
    expect(found[0]?.summary).toBe('activity recorded as of 2026-03-05, 15 days before it was written');
    expect(found[2]?.evidence).toEqual(['4']);
  });
});

describe('discount outliers', () => {
  it('robust z by median absolute deviation, worked by hand', () => {
    // median 10; deviations 0,2,2,0,2,2,30 → sorted 0,0,2,2,2,2,30 → MAD 2;
    // z of 40 = 0.6745 × 30 / 2 = 10.1175; z of 12 = 0.6745 × 2 / 2 = 0.6745.
    const z = robustZ([10, 8, 12, 10, 8, 12, 40]);
    expect(z[6]).toBeCloseTo(10.1175, 4);
    expect(z[2]).toBeCloseTo(0.6745, 4);
    // More than half equal the median (MAD 0): the mean absolute deviation stands in.
    // median 5, mean AD = 20 / 5 = 4; z of 25 = 20 / (1.253314 × 4) = 3.9894.
    expect(robustZ([5, 5, 5, 5, 25])[4]).toBeCloseTo(3.9894, 4);
    expect(robustZ([7, 7, 7])).toEqual([0, 0, 0]);
  });
  it('flags only unusually high discounts, per product, with enough lines', () => {
    const line = (i: number, productId: string, d: number): DiscountLine => ({
      eventId: `e${productId}${i}`,
      dealId: `d${productId}${i}`,
      productId,
      discountPercent: d,
      personId: i === 8 ? 'tom' : 'rita',
    });
    const widgets = [10, 8, 12, 10, 8, 12, 10, 9, 40, 0].map((d, i) => line(i, 'w', d));
    // Seven gadget lines: too few to judge even with a 90% discount.
    const gadgets = [5, 5, 6, 5, 4, 5, 90].map((d, i) => line(i, 'g', d));
    const found = detectDiscountOutliers([...widgets, ...gadgets]);
    // Widgets: median 10, deviations 0,2,2,0,2,2,0,1,30,10 → sorted 0,0,0,1,2,2,2,2,10,30 → MAD 2;
    // 40 → 0.6745 × 30 / 2 = 10.12 (high: above 7); 0 → −3.37, a low discount is no finding.
    expect(found.map((f) => [f.subjectId, f.personId, f.severity, f.score])).toEqual([['dw8', 'tom', 'high', 10.12]]);
    expect(found[0]?.summary).toBe("discount of 40% where this product's median is 10% (robust z 10.12)");
  });
  it('measures the discount from list price, whatever the line calls its discount', () => {
    expect(effectiveDiscount({ productId: 'p', unitPrice: '80.00', discountPercent: '10', listPrice: '100.00' })).toBe(
      28,
    );
    expect(effectiveDiscount({ productId: 'p', unitPrice: '80.00', discountPercent: '10', listPrice: null })).toBe(10);
  });
});

describe('stage skipping and regressions', () => {
  const order = new Map([
    [
      'p',
      {
        stages: [
          { id: 'qualify', kind: 'open' as const },
          { id: 'discovery', kind: 'open' as const },
          { id: 'proposal', kind: 'open' as const },
          { id: 'negotiation', kind: 'open' as const },
          { id: 'won', kind: 'won' as const },
          { id: 'lost', kind: 'lost' as const },
        ],
      },
    ],
  ]);
  const move = (eventId: string, from: string, to: string) => ({
    eventId,
    dealId: 'd',
    personId: 'rita',
    pipelineId: 'p',
    fromStageId: from,
    toStageId: to,
  });
  it('against the designed order of the open stages', () => {
    const found = detectStageDeviations(
      [
        move('1', 'qualify', 'discovery'), // next stage: fine
        move('2', 'discovery', 'negotiation'), // skips proposal: low
        move('3', 'qualify', 'won'), // skips three open stages to won: medium
        move('4', 'negotiation', 'discovery'), // back two stages: regression
        move('5', 'qualify', 'lost'), // losing early is no deviation
        move('6', 'won', 'qualify'), // reopening is the approval rules' matter
        move('7', 'negotiation', 'won'),
      ],
      order,
    );
    expect(found.map((f) => [f.detector, f.fingerprint, f.severity, f.score])).toEqual([
      ['stage_skip', '2', 'low', 1],
      ['stage_skip', '3', 'medium', 3],
      ['stage_regression', '4', 'low', 2],
    ]);
    expect(found[1]?.summary).toBe('moved to won over 3 designed stages');
  });
});

describe('bulk reassignments and deletes', () => {
  it('a burst of at least 20 in an hour per person and kind, as one finding', () => {
    const t0 = at('2026-03-10T09:00:00Z').getTime();
    const change = (i: number, personId: string, minutes: number, kind: 'assigned' | 'deleted' = 'assigned') => ({
      eventId: `${personId}${kind}${i}`,
      at: new Date(t0 + minutes * 60_000),
      personId,
      kind,
      entityType: 'deal',
    });
    const changes = [
      // Mona: 25 reassignments 2 minutes apart (48 minutes): one burst of 25.
      ...Array.from({ length: 25 }, (_, i) => change(i, 'mona', i * 2)),
      // Rita: 30 reassignments, one every 5 minutes: at most 13 in any hour, no finding.
      ...Array.from({ length: 30 }, (_, i) => change(i, 'rita', i * 5)),
      // Tom: 19 deletes in 10 minutes: below the count.
      ...Array.from({ length: 19 }, (_, i) => change(i, 'tom', i / 2, 'deleted')),
    ];
    const found = detectBulkChanges(changes);
    expect(found.map((f) => [f.personId, f.score, f.severity, f.evidence.length])).toEqual([
      ['mona', 25, 'medium', 25],
    ]);
    expect(found[0]?.fingerprint).toBe('mona:assigned:monaassigned0');
    expect(
      detectBulkChanges(changes, { minCount: 10 })
        .map((f) => f.personId)
        .sort(),
    ).toEqual(['mona', 'rita', 'tom']);
  });
});

describe('approval triggers', () => {
  const rules = [
    { id: 'r1', kind: 'discount_above' as const, threshold: '20', currency: null },
    { id: 'r2', kind: 'amount_above' as const, threshold: '50000.00', currency: 'USD' },
  ];
  const deal = { status: 'open' as const, amount: '1000.00', currency: 'USD', expectedCloseDate: null, closedOn: null };
  it('an amount in another currency than the limit, or unchanged, is not held', () => {
    expect(approvalReasons(rules, deal, { action: 'update_deal', amount: '60000.00', previous: [] }, [])).toHaveLength(
      1,
    );
    expect(
      approvalReasons(rules, deal, { action: 'update_deal', amount: '60000.00', currency: 'EUR', previous: [] }, []),
    ).toEqual([]);
    expect(
      approvalReasons(
        rules,
        { ...deal, amount: '60000.00' },
        { action: 'update_deal', amount: '60000', previous: [] },
        [],
      ),
    ).toEqual([]);
  });
});
