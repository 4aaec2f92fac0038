import { solveMarkov, type MarkovModel } from './markov.ts';
import { mulberry32, quantileSorted } from './random.ts';

/**
 * The observed stay in an open stage as an empirical quantile function: `quantiles[k]` is the
 * duration in days at probability k / (quantiles.length − 1), ascending (e.g. 101 percentiles
 * computed in SQL, so millions of visits never leave the database).
 */
export interface StageTimeTable {
  stageId: string;
  quantiles: readonly number[];
}

/** An open deal as the simulation needs it. */
export interface OpenDealState {
  stageId: string;
  /** Days already spent in the current stage. */
  ageDays: number;
  /** Amount in cents in the report currency; 0 when the deal has none. */
  amountCents: number;
}

export interface MonteCarloInput {
  model: MarkovModel;
  stageTimes: readonly StageTimeTable[];
  deals: readonly OpenDealState[];
  /** The period, in days from now: a deal counts when it is won at a time t with start ≤ t < end. */
  periodStartDays: number;
  periodEndDays: number;
  runs: number;
  seed: number;
  /** Revenue target in cents; null to skip the probability of reaching it. */
  targetCents: number | null;
}

export interface ForecastBand {
  /** End of the bucket, in days from the period start. */
  dayEnd: number;
  p10Cents: number;
  p50Cents: number;
  p90Cents: number;
}

export interface MonteCarloResult {
  runs: number;
  simulatedDeals: number;
  /** Open deals in stages the chain cannot estimate (never left, or a loop never seen to close). */
  skippedDeals: number;
  meanCents: number;
  p10Cents: number;
  p50Cents: number;
  p90Cents: number;
  meanWonDeals: number;
  probabilityOfTarget: number | null;
  /** Cumulative won revenue by the end of each bucket of the period (P10 / P50 / P90 over runs). */
  bands: ForecastBand[];
  bucketDays: number;
}

/** Paths longer than this many stage moves stop unwon (a loop of zero-day stays would never end). */
const MAX_STEPS = 1000;
/** Continuations simulated per stage to learn the time from leaving it until a win. */
export const CONTINUATIONS = 65_536;
/** Stay tables are resampled to percentiles 0..100; win-time tables to 1,024 quantile steps. */
const POINTS = 100;
const WIN_POINTS = 1024;

/**
 * Monte Carlo forecast of the revenue won in a period. A run decides every open deal once,
 * independently of the others:
 *  - whether it is won at all: with probability w = P(win | its stage) from the absorbing chain
 *    (N R, exact; see `solveMarkov`);
 *  - if won, when: the rest of its current stay is drawn from the stage's empirical durations given
 *    that it has lasted `ageDays` already (u ~ U(F(age), 1), rest = F⁻¹(u) − age; a deal older than
 *    every observed stay is treated as entering the stage now), plus the time from leaving the
 *    stage to the win, drawn from the distribution of that time over `CONTINUATIONS` paths
 *    simulated per stage with the chain's rows and fresh empirical stays (kept as 1,025 quantiles);
 *  - it counts when it is won at a time t (days from now) with start ≤ t < end.
 * This is the same distribution as walking every deal's path in every run (the stay in a stage
 * is independent of where the deal goes next, as in the chain), at one or two random draws per
 * deal per run. A run's revenue is the Σ amount of the deals it won; quantiles over the runs
 * interpolate linearly (h = (runs − 1)·p). The same seed gives the same result.
 */
export function monteCarloForecast(input: MonteCarloInput): MonteCarloResult {
  const { model } = input;
  const n = model.stages.length;
  const solved = solveMarkov(model);
  // Every stay table resampled to 101 points (percentiles), laid out flat for the hot loop.
  const tables = model.stages.map((st, i) => {
    const q = input.stageTimes.find((x) => x.stageId === st.id)?.quantiles ?? [];
    const raw = Float64Array.from(q.length >= 2 ? q : [model.sojournDays[i] ?? 0, model.sojournDays[i] ?? 0]);
    return Float64Array.from({ length: POINTS + 1 }, (_, k) => sample(raw, k / POINTS));
  });
  const indexOf = new Map(model.stages.map((s, i) => [s.id, i]));
  // Grouped by stage, so that consecutive deals read the same tables (they stay in the CPU cache).
  const deals = input.deals
    .flatMap((d) => {
      const i = indexOf.get(d.stageId);
      const w = i === undefined ? null : (solved[i]?.winProbability ?? null);
      return i !== undefined && w !== null
        ? [
            {
              stage: i,
              w,
              age: Math.max(d.ageDays, 0),
              startU: cdf(tables[i], Math.max(d.ageDays, 0)),
              cents: d.amountCents,
            },
          ]
        : [];
    })
    .sort((a, b) => a.stage - b.stage);
  const start = input.periodStartDays;
  const end = input.periodEndDays;
  const length = Math.max(end - start, 0);
  const bucketDays = Math.max(7, Math.ceil(length / 104));
  const buckets = Math.max(1, Math.ceil(length / bucketDays));
  const runs = Math.max(1, Math.floor(input.runs));
  const totals = new Float64Array(runs);
  const byBucket = new Float64Array(runs * buckets);
  // The continuations use their own stream, so the runs' stream does not depend on them.
  const simRng = mulberry32(input.seed ^ 0x5bd1e995);
  const winTables = new Float64Array(n * (WIN_POINTS + 1));
  const canWin = model.stages.map(() => false);
  for (const i of new Set(deals.map((d) => d.stage))) {
    const times = timesToWin(model, i, tables, simRng);
    canWin[i] = times.length > 0;
    for (let k = 0; k <= WIN_POINTS; k++)
      winTables[i * (WIN_POINTS + 1) + k] = times.length > 0 ? quantileSorted(times, k / WIN_POINTS) : 0;
  }
  const flat = new Float64Array(n * (POINTS + 1));
  tables.forEach((t, i) => flat.set(t, i * (POINTS + 1)));
  // Per deal: its stage's tables, its win threshold out of 2^16, the quantile of its stay reached
  // so far and its age (a deal older than every observed stay starts again: u = 0, age 0), amount.
  const arrays: RunArrays = {
    runs,
    seed: input.seed,
    flat,
    winTables,
    tableAt: Int32Array.from(deals, (d) => d.stage * (POINTS + 1)),
    winAt: Int32Array.from(deals, (d) => d.stage * (WIN_POINTS + 1)),
    threshold: Float64Array.from(deals, (d) => (canWin[d.stage] ? d.w * 65536 : 0)),
    fromU: Float64Array.from(deals, (d) => (d.startU < 1 ? d.startU : 0)),
    age: Float64Array.from(deals, (d) => (d.startU < 1 ? d.age : 0)),
    cents: Float64Array.from(deals, (d) => d.cents),
    start,
    end,
    buckets,
    bucketDays,
    totals,
    byBucket,
  };
  const wonDeals = simulateRuns(arrays);

  const sorted = Float64Array.from(totals).sort();
  const mean = totals.reduce((a, b) => a + b, 0) / runs;
  const target = input.targetCents;
  return {
    runs,
    simulatedDeals: deals.length,
    skippedDeals: input.deals.length - deals.length,
    meanCents: mean,
    p10Cents: quantileSorted(sorted, 0.1),
    p50Cents: quantileSorted(sorted, 0.5),
    p90Cents: quantileSorted(sorted, 0.9),
    meanWonDeals: wonDeals / runs,
    probabilityOfTarget: target === null ? null : totals.reduce((c, v) => (v >= target ? c + 1 : c), 0) / runs,
    bands: cumulativeBands(byBucket, runs, buckets, bucketDays, length),
    bucketDays,
  };
}

function cumulativeBands(
  byBucket: Float64Array,
  runs: number,
  buckets: number,
  bucketDays: number,
  length: number,
): ForecastBand[] {
  const running = new Float64Array(runs);
  const column = new Float64Array(runs);
  const bands: ForecastBand[] = [];
  for (let b = 0; b < buckets; b++) {
    for (let r = 0; r < runs; r++) column[r] = running[r] = (running[r] ?? 0) + (byBucket[r * buckets + b] ?? 0);
    column.sort();
    bands.push({
      dayEnd: Math.min((b + 1) * bucketDays, length),
      p10Cents: quantileSorted(column, 0.1),
      p50Cents: quantileSorted(column, 0.5),
      p90Cents: quantileSorted(column, 0.9),
    });
  }
  return bands;
}

interface RunArrays {
  runs: number;
  seed: number;
  flat: Float64Array;
  winTables: Float64Array;
  tableAt: Int32Array;
  winAt: Int32Array;
  threshold: Float64Array;
  fromU: Float64Array;
  age: Float64Array;
  cents: Float64Array;
  start: number;
  end: number;
  buckets: number;
  bucketDays: number;
  totals: Float64Array;
  byBucket: Float64Array;
}

/** The hot loop (runs × deals), kept small and monomorphic so the engine optimises it; returns Σ deals won. */
function simulateRuns(a: RunArrays): number {
  const {
    runs,
    flat,
    winTables,
    tableAt,
    winAt,
    threshold,
    fromU,
    age,
    cents,
    start,
    end,
    buckets,
    bucketDays,
    totals,
    byBucket,
  } = a;
  const m = tableAt.length;
  let wonDeals = 0;
  let state = a.seed >>> 0;
  for (let r = 0; r < runs; r++) {
    let total = 0;
    for (let k = 0; k < m; k++) {
      // mulberry32, inlined: the high 16 bits decide the win, the low 16 bits place the rest of
      // the current stay; a second draw places the time from leaving the stage to the win.
      state = (state + 0x6d2b79f5) | 0;
      let z = Math.imul(state ^ (state >>> 15), state | 1);
      z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
      z = (z ^ (z >>> 14)) >>> 0;
      if ((z >>> 16) + 0.5 >= (threshold[k] ?? 0)) continue;
      const u0 = fromU[k] ?? 0;
      const x = (u0 + (1 - u0) * (((z & 0xffff) + 0.5) / 65536)) * POINTS;
      const i = x < POINTS ? x | 0 : POINTS - 1;
      const base = (tableAt[k] ?? 0) + i;
      const lo = flat[base] ?? 0;
      const rest = lo + (x - i) * ((flat[base + 1] ?? lo) - lo) - (age[k] ?? 0);

      state = (state + 0x6d2b79f5) | 0;
      z = Math.imul(state ^ (state >>> 15), state | 1);
      z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
      const y = (((z ^ (z >>> 14)) >>> 0) / 4294967296) * WIN_POINTS;
      const j = y | 0;
      const wb = (winAt[k] ?? 0) + j;
      const wlo = winTables[wb] ?? 0;
      const t = rest + wlo + (y - j) * ((winTables[wb + 1] ?? wlo) - wlo);
      if (t < start || t >= end) continue;
      const c = cents[k] ?? 0;
      total += c;
      wonDeals++;
      const b = r * buckets + Math.min(buckets - 1, Math.floor((t - start) / bucketDays));
      byBucket[b] = (byBucket[b] ?? 0) + c;
    }
    totals[r] = total;
  }
  return wonDeals;
}

/**
 * Days from leaving `stage` until the win, over the won ones of CONTINUATIONS simulated paths
 * (next stage from the chain's row, a fresh stay from each later stage's table), ascending.
 */
function timesToWin(
  model: MarkovModel,
  stage: number,
  tables: readonly Float64Array[],
  rng: () => number,
): Float64Array {
  const n = model.stages.length;
  const cols = n + 2;
  // Cumulative transition rows: columns 0..n−1 open stages, n won, n + 1 lost.
  const cum = new Float64Array(n * cols);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) cum[i * cols + j] = s += model.q[i]?.[j] ?? 0;
    cum[i * cols + n] = s += model.won[i] ?? 0;
    cum[i * cols + n + 1] = s + (model.lost[i] ?? 0);
  }
  const won: number[] = [];
  for (let m = 0; m < CONTINUATIONS; m++) {
    let s = stage;
    let t = 0;
    for (let step = 0; step < MAX_STEPS; step++) {
      const u = rng();
      const base = s * cols;
      let j = 0;
      while (j < cols - 1 && u >= (cum[base + j] ?? 1)) j++;
      if (j === n) won.push(t);
      if (j >= n) break;
      s = j;
      t += sample(tables[s], rng());
    }
  }
  return Float64Array.from(won).sort();
}

/** F⁻¹(u) of the quantile table, interpolating linearly between its points. */
export function sample(table: Float64Array | undefined, u: number): number {
  if (!table) return 0;
  const k = table.length - 1;
  if (k < 1) return table[0] ?? 0;
  const x = u * k;
  const i = Math.min(Math.floor(x), k - 1);
  const a = table[i] ?? 0;
  return a + (x - i) * ((table[i + 1] ?? a) - a);
}

/** F(x) of the quantile table (the inverse of `sample`): the probability of a stay ≤ x. */
export function cdf(table: Float64Array | undefined, x: number): number {
  if (!table) return 1;
  const k = table.length - 1;
  if (k < 1) return x >= (table[0] ?? 0) ? 1 : 0;
  if (x < (table[0] ?? 0)) return 0;
  if (x >= (table[k] ?? 0)) return 1;
  let lo = 0;
  let hi = k;
  // Invariant: table[lo] ≤ x < table[hi].
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((table[mid] ?? 0) <= x) lo = mid;
    else hi = mid;
  }
  const a = table[lo] ?? 0;
  const b = table[hi] ?? a;
  return (lo + (b > a ? (x - a) / (b - a) : 0)) / k;
}
