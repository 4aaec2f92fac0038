/**
 * A seeded pseudo-random generator (mulberry32): 32 bits of state, uniform in [0, 1), the same
 * sequence for the same seed on every machine, so a simulation can be repeated exactly. Fast and
 * good enough for Monte Carlo sampling; not for anything secret.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The p-quantile (0 ≤ p ≤ 1) of ascending `sorted` values, interpolating linearly between the
 * two nearest ranks (h = (n − 1)·p, as PostgreSQL's percentile_cont); NaN for no values.
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * Math.min(Math.max(p, 0), 1);
  const lo = Math.floor(h);
  const a = sorted[lo] ?? 0;
  const b = sorted[Math.min(lo + 1, n - 1)] ?? a;
  return a + (h - lo) * (b - a);
}
