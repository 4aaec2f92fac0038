/**
 * Small dense linear algebra for the Markov analyses: square matrices of a few dozen rows stored
 * row-major in a Float64Array. Plain loops are enough at this size (a pipeline has tens of stages).
 */

/** A square matrix of size n, row-major: element (i, j) at i * n + j. */
export interface SquareMatrix {
  n: number;
  data: Float64Array;
}

/** Element (i, j); 0 outside the stored range, so callers need no undefined checks. */
export function get(m: SquareMatrix, i: number, j: number): number {
  return m.data[i * m.n + j] ?? 0;
}

/**
 * The inverse of `m` by Gauss–Jordan elimination with partial pivoting, or null when `m` is
 * singular (a pivot below `eps` in absolute value).
 */
export function invert(m: SquareMatrix, eps = 1e-12): SquareMatrix | null {
  const n = m.n;
  const a = Float64Array.from(m.data);
  const inv = new Float64Array(n * n);
  for (let i = 0; i < n; i++) inv[i * n + i] = 1;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) {
      if (Math.abs(a[r * n + col] ?? 0) > Math.abs(a[pivot * n + col] ?? 0)) pivot = r;
    }
    const p = a[pivot * n + col] ?? 0;
    if (Math.abs(p) < eps) return null;
    if (pivot !== col) {
      swapRows(a, n, pivot, col);
      swapRows(inv, n, pivot, col);
    }
    for (let j = 0; j < n; j++) {
      a[col * n + j] = (a[col * n + j] ?? 0) / p;
      inv[col * n + j] = (inv[col * n + j] ?? 0) / p;
    }
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = a[r * n + col] ?? 0;
      if (f === 0) continue;
      for (let j = 0; j < n; j++) {
        a[r * n + j] = (a[r * n + j] ?? 0) - f * (a[col * n + j] ?? 0);
        inv[r * n + j] = (inv[r * n + j] ?? 0) - f * (inv[col * n + j] ?? 0);
      }
    }
  }
  return { n, data: inv };
}

function swapRows(a: Float64Array, n: number, r1: number, r2: number): void {
  for (let j = 0; j < n; j++) {
    const t = a[r1 * n + j] ?? 0;
    a[r1 * n + j] = a[r2 * n + j] ?? 0;
    a[r2 * n + j] = t;
  }
}
