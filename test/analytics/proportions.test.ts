import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleSizePerGroup, twoProportionZTest, wilsonInterval } from '../../src/analytics/proportions.ts';

describe('proportions (hand-computed)', () => {
  it('Wilson interval of 8 of 10: (0.8 + 0.19208 ± 1.96·√0.025604) / 1.38416', () => {
    const i = wilsonInterval(8, 10);
    expect(i?.low).toBeCloseTo(0.49016, 4);
    expect(i?.high).toBeCloseTo(0.94332, 4);
  });

  it('Wilson interval of 1 of 1 reaches 1 and starts at 1 / (1 + 1.96²) = 0.2065', () => {
    const i = wilsonInterval(1, 1);
    expect(i?.low).toBeCloseTo(0.20654, 4);
    expect(i?.high).toBe(1);
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  it('two-proportion z-test of 10/100 against 20/100: pooled 0.15, SE 0.050498, z 1.9803, p 0.0477', () => {
    const t = twoProportionZTest(10, 100, 20, 100);
    expect(t?.z).toBeCloseTo(1.9803, 3);
    expect(t?.pValue).toBeCloseTo(0.0477, 3);
    expect(twoProportionZTest(0, 10, 0, 10)).toBeNull();
    expect(twoProportionZTest(1, 0, 1, 10)).toBeNull();
  });

  it('sample size to lift 10 % to 15 % at 80 % power, 5 % alpha: 686 per group (the textbook figure)', () => {
    expect(sampleSizePerGroup(0.1, 0.05)).toBe(686);
    expect(sampleSizePerGroup(0.5, 0)).toBeNull();
    expect(sampleSizePerGroup(0.97, 0.05)).toBeNull();
  });
});

describe('proportions (properties)', () => {
  it('the Wilson interval lies in [0, 1] and contains the point estimate', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, f) => {
        const x = Math.round(f * n);
        const i = wilsonInterval(x, n);
        expect(i).not.toBeNull();
        if (!i) return;
        expect(i.low).toBeGreaterThanOrEqual(0);
        expect(i.high).toBeLessThanOrEqual(1);
        expect(i.low).toBeLessThanOrEqual(x / n + 1e-12);
        expect(i.high).toBeGreaterThanOrEqual(x / n - 1e-12);
      }),
    );
  });

  it('gives two equal groups z = 0 and a p-value of exactly 1', () => {
    // 4 of 7 against 4 of 7: the erfc fit alone would answer 1.00000003.
    expect(twoProportionZTest(4, 7, 4, 7)).toEqual({ z: 0, pValue: 1 });
  });

  it('swapping the groups negates z and keeps the p-value, which lies in [0, 1]', () => {
    const group = fc
      .integer({ min: 1, max: 500 })
      .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));
    fc.assert(
      fc.property(group, group, ([x1, n1], [x2, n2]) => {
        const a = twoProportionZTest(x1, n1, x2, n2);
        const b = twoProportionZTest(x2, n2, x1, n1);
        expect(a === null).toBe(b === null);
        if (a === null || b === null) return;
        expect(a.z).toBeCloseTo(-b.z, 9);
        expect(a.pValue).toBeCloseTo(b.pValue, 9);
        expect(a.pValue).toBeGreaterThanOrEqual(0);
        expect(a.pValue).toBeLessThanOrEqual(1);
      }),
    );
  });
});
