import { CholeskyDecomposition, Matrix } from 'ml-matrix';
import type { CalibrationRow } from '../contract/scoring.ts';

/**
 * Logistic regression fitted by iteratively reweighted least squares (Newton's method on the
 * log-likelihood), with an intercept and a small ridge penalty on the other weights so perfectly
 * separating features (common in small histories) still give finite weights.
 */

export interface LogisticFit {
  /** Intercept first, then one weight per feature column. */
  weights: number[];
  iterations: number;
  converged: boolean;
}

export interface LogisticOptions {
  /** L2 penalty on the feature weights (not the intercept). */
  ridge?: number;
  maxIterations?: number;
  /** Stop when no weight moves by more than this. */
  tolerance?: number;
}

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** The predicted probability of one row of features under the weights (intercept first). */
export function predictProbability(weights: readonly number[], features: readonly number[]): number {
  let z = weights[0] ?? 0;
  for (let j = 0; j < features.length; j++) z += (weights[j + 1] ?? 0) * (features[j] ?? 0);
  return sigmoid(z);
}

/**
 * Fits P(y = 1 | x) = σ(w0 + w·x) to rows `x` (all of the same length) and outcomes `y` (0/1) by
 * IRLS: w ← w + (XᵀWX + λI)⁻¹ (Xᵀ(y − p) − λw), W = diag(p(1 − p)), until the step is below
 * the tolerance. Returns null when the system is singular even with the ridge.
 */
export function fitLogistic(
  x: readonly (readonly number[])[],
  y: readonly number[],
  options: LogisticOptions = {},
): LogisticFit | null {
  const ridge = options.ridge ?? 1e-3;
  const maxIterations = options.maxIterations ?? 50;
  const tolerance = options.tolerance ?? 1e-8;
  const n = x.length;
  const k = (x[0]?.length ?? 0) + 1;
  const design = new Matrix(n, k);
  for (let i = 0; i < n; i++) {
    design.set(i, 0, 1);
    const row = x[i] ?? [];
    for (let j = 1; j < k; j++) design.set(i, j, row[j - 1] ?? 0);
  }
  let w = new Array<number>(k).fill(0);
  for (let iter = 1; iter <= maxIterations; iter++) {
    const hessian = new Matrix(k, k);
    const gradient = new Array<number>(k).fill(0);
    for (let i = 0; i < n; i++) {
      let z = 0;
      for (let j = 0; j < k; j++) z += (w[j] ?? 0) * design.get(i, j);
      const p = sigmoid(z);
      const weight = Math.max(p * (1 - p), 1e-12);
      const residual = (y[i] ?? 0) - p;
      for (let a = 0; a < k; a++) {
        const xa = design.get(i, a);
        if (xa === 0) continue;
        gradient[a] = (gradient[a] ?? 0) + xa * residual;
        for (let b = a; b < k; b++) hessian.set(a, b, hessian.get(a, b) + weight * xa * design.get(i, b));
      }
    }
    for (let a = 0; a < k; a++) {
      for (let b = 0; b < a; b++) hessian.set(a, b, hessian.get(b, a));
      if (a > 0) {
        hessian.set(a, a, hessian.get(a, a) + ridge);
        gradient[a] = (gradient[a] ?? 0) - ridge * (w[a] ?? 0);
      }
    }
    const chol = new CholeskyDecomposition(hessian);
    if (!chol.isPositiveDefinite()) return null;
    const step = chol.solve(Matrix.columnVector(gradient)).getColumn(0);
    w = w.map((v, j) => v + (step[j] ?? 0));
    if (step.every((s) => Math.abs(s) < tolerance)) return { weights: w, iterations: iter, converged: true };
  }
  return { weights: w, iterations: maxIterations, converged: false };
}

/**
 * Area under the ROC curve: the probability that a random positive scores above a random
 * negative, ties counting half (the Mann–Whitney statistic). Null without both classes.
 */
export function auc(scores: readonly number[], labels: readonly number[]): number | null {
  const rows = scores.map((s, i) => ({ s, y: labels[i] ?? 0 })).sort((a, b) => a.s - b.s);
  const positives = rows.filter((r) => r.y === 1).length;
  const negatives = rows.length - positives;
  if (positives === 0 || negatives === 0) return null;
  // Average ranks over ties, then the rank-sum form of the statistic.
  let rankSum = 0;
  for (let i = 0; i < rows.length;) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1]?.s === rows[i]?.s) j++;
    const avgRank = (i + j) / 2 + 1;
    for (let t = i; t <= j; t++) if (rows[t]?.y === 1) rankSum += avgRank;
    i = j + 1;
  }
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/**
 * Calibration table: predicted probabilities in `bins` equal-width bins of [0, 1] (1 falls in the
 * last), each with its count, mean prediction and observed rate (null in an empty bin).
 */
export function calibrationTable(predicted: readonly number[], labels: readonly number[], bins = 5): CalibrationRow[] {
  const rows = Array.from({ length: bins }, (_, b) => ({ from: b / bins, to: (b + 1) / bins, n: 0, p: 0, y: 0 }));
  predicted.forEach((p, i) => {
    const row = rows[Math.min(bins - 1, Math.floor(p * bins))];
    if (!row) return;
    row.n++;
    row.p += p;
    row.y += labels[i] ?? 0;
  });
  return rows.map((r) => ({
    from: r.from,
    to: r.to,
    leads: r.n,
    meanPredicted: r.n === 0 ? null : r.p / r.n,
    observedRate: r.n === 0 ? null : r.y / r.n,
  }));
}
