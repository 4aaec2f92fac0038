import { describe, expect, it } from 'vitest';
import { auc, calibrationTable, fitLogistic, predictProbability } from '../../src/analytics/logistic.ts';
import { mulberry32 } from '../../src/analytics/random.ts';

describe('logistic regression by IRLS', () => {
  it('recovers known coefficients from synthetic data', () => {
    // y ~ Bernoulli(σ(−1 + 2·x1 − 0.5·x2)), x1 ∈ {0, 1}, x2 uniform on [−2, 2]
    const rand = mulberry32(16);
    const truth = [-1, 2, -0.5];
    const x: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < 20_000; i++) {
      const row = [rand() < 0.5 ? 1 : 0, rand() * 4 - 2];
      x.push(row);
      y.push(rand() < predictProbability(truth, row) ? 1 : 0);
    }
    const fit = fitLogistic(x, y, { ridge: 0 });
    expect(fit?.converged).toBe(true);
    fit?.weights.forEach((w, j) => expect(Math.abs(w - (truth[j] ?? 0))).toBeLessThan(0.1));
  });

  it('keeps weights finite when a feature separates the classes', () => {
    const x = [[0], [0], [1], [1]];
    const fit = fitLogistic(x, [0, 0, 1, 1]);
    expect(fit?.weights.every(Number.isFinite)).toBe(true);
    expect(predictProbability(fit?.weights ?? [], [1])).toBeGreaterThan(0.9);
  });
});

describe('AUC', () => {
  it('matches the pairs counted by hand', () => {
    // positives 0.35, 0.8; negatives 0.1, 0.4: pairs won 0.35>0.1, 0.8>0.1, 0.8>0.4; lost 0.35<0.4 → 3/4
    expect(auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.75);
    // positives 0.5, 0.9; negatives 0.5, 0.2: one tie (½) and three wins → 3.5/4
    expect(auc([0.5, 0.5, 0.2, 0.9], [1, 0, 0, 1])).toBe(0.875);
    expect(auc([0.3, 0.6], [1, 1])).toBeNull();
  });
});

describe('calibration table', () => {
  it('bins predictions with their mean and the observed rate', () => {
    const table = calibrationTable([0.1, 0.15, 0.5, 0.9, 1], [0, 1, 1, 1, 0], 5);
    expect(table.map((r) => [r.leads, r.meanPredicted, r.observedRate])).toEqual([
      [2, 0.125, 0.5],
      [0, null, null],
      [1, 0.5, 1],
      [0, null, null],
      [2, 0.95, 0.5],
    ]);
  });
});
