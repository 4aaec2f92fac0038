import { describe, expect, it } from 'vitest';
import { applyModel, fitConversionModel, leadFeatures } from '../../src/analytics/lead-model.ts';
import { fitAttributes } from '../../src/analytics/scoring.ts';

describe('the conversion model', () => {
  it('names its features: one indicator per fit rule, log(1 + touches) per kind', () => {
    const attrs = fitAttributes({
      industry: 'Software',
      title: null,
      source: null,
      company: null,
      companyDomain: null,
      email: null,
    });
    const f = leadFeatures([{ field: 'industry', op: 'in', values: ['software'], points: 10 }], attrs, [
      { kind: 'clicked' },
      { kind: 'clicked' },
      { kind: 'clicked' },
    ]);
    expect(f).toEqual({
      'industry in software': 1,
      'touches: responded': 0,
      'touches: attended': 0,
      'touches: clicked': Math.log(4),
      'touches: submitted form': 0,
      'touches: visited': 0,
    });
  });

  it('gives the probability and the top factors of a lead', () => {
    // z = −1 + 2·1 + 0.5·0 − 0.25·2 = 0.5 → σ(0.5) = 0.6224593312
    const m = applyModel(
      [
        { feature: '(intercept)', weight: -1 },
        { feature: 'a', weight: 2 },
        { feature: 'b', weight: 0.5 },
        { feature: 'c', weight: -0.25 },
      ],
      { a: 1, b: 0, c: 2 },
    );
    expect(m.probability).toBeCloseTo(0.6224593312, 9);
    expect(m.factors).toEqual([
      { label: 'model: a', weight: 2 },
      { label: 'model: c', weight: -0.5 },
    ]);
  });

  it('is not fitted below the minimum history', () => {
    const history = Array.from({ length: 39 }, (_, i) => ({
      id: String(i),
      features: { a: i % 2 },
      converted: i % 2 === 0,
    }));
    expect(fitConversionModel(history)).toMatchObject({
      status: 'insufficient_history',
      trainingLeads: 30,
      testLeads: 9,
    });
    const oneSided = Array.from({ length: 100 }, (_, i) => ({ id: String(i), features: { a: 1 }, converted: i < 9 }));
    expect(fitConversionModel(oneSided).status).toBe('insufficient_history');
  });
});
