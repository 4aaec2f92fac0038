import { get, invert } from './matrix.ts';

/** Stage kinds as pipelines define them: open stages are transient, won and lost absorb. */
export type MarkovStageKind = 'open' | 'won' | 'lost';

export interface MarkovStage {
  id: string;
  name: string;
  kind: MarkovStageKind;
}

/**
 * Observed moves out of an open stage: how many visits of `fromStageId` were followed by a visit
 * of `toStageId` (same pipeline), and the total days those visits lasted.
 */
export interface StageTransitionCount {
  fromStageId: string;
  toStageId: string;
  count: number;
  totalDays: number;
}

export interface MarkovInput {
  /** The pipeline's stages in designed order (position). */
  stages: readonly MarkovStage[];
  transitions: readonly StageTransitionCount[];
}

/**
 * The estimated chain over the open stages (in designed order): for open stage i, `q[i][j]` is the
 * probability of moving to open stage j, `won[i]` / `lost[i]` of closing; a row sums to 1 when the
 * stage has exits and is all zeros when it has none. `sojournDays[i]` is the mean days per visit.
 */
export interface MarkovModel {
  stages: MarkovStage[];
  exits: number[];
  q: number[][];
  won: number[];
  lost: number[];
  sojournDays: number[];
}

/** What the chain says about each open stage; null where the observations cannot tell (see `solveMarkov`). */
export interface MarkovStageResult {
  winProbability: number | null;
  lossProbability: number | null;
  expectedDaysToClose: number | null;
  expectedDaysToWin: number | null;
  expectedVisits: number[] | null;
}

/**
 * Maximum-likelihood estimate of the absorbing chain from transition counts: P(i → j) =
 * count(i → j) / Σ_k count(i → k), all won stages merged into one absorbing state "won" and all
 * lost stages into "lost". Mean sojourn m_i = Σ days of the counted visits of i / their number.
 * Counts from a stage that is not open, or to a stage not in `stages`, are ignored (a closed deal
 * that is reopened starts a new path; leaving the pipeline is censoring, not a loss).
 */
export function estimateMarkov(input: MarkovInput): MarkovModel {
  const stages = input.stages.filter((s) => s.kind === 'open');
  const kindOf = new Map(input.stages.map((s) => [s.id, s.kind]));
  const indexOf = new Map(stages.map((s, i) => [s.id, i]));
  const n = stages.length;
  const counts = stages.map(() => new Array<number>(n).fill(0));
  const wonCounts = new Array<number>(n).fill(0);
  const lostCounts = new Array<number>(n).fill(0);
  const exits = new Array<number>(n).fill(0);
  const days = new Array<number>(n).fill(0);
  for (const t of input.transitions) {
    const i = indexOf.get(t.fromStageId);
    const toKind = kindOf.get(t.toStageId);
    if (i === undefined || toKind === undefined || t.count <= 0) continue;
    if (toKind === 'won') wonCounts[i] = (wonCounts[i] ?? 0) + t.count;
    else if (toKind === 'lost') lostCounts[i] = (lostCounts[i] ?? 0) + t.count;
    else {
      const row = counts[i];
      const j = indexOf.get(t.toStageId);
      if (!row || j === undefined) continue;
      row[j] = (row[j] ?? 0) + t.count;
    }
    exits[i] = (exits[i] ?? 0) + t.count;
    days[i] = (days[i] ?? 0) + t.totalDays;
  }
  const share = (c: number, i: number): number => {
    const e = exits[i] ?? 0;
    return e > 0 ? c / e : 0;
  };
  return {
    stages,
    exits,
    q: counts.map((row, i) => row.map((c) => share(c, i))),
    won: wonCounts.map(share),
    lost: lostCounts.map(share),
    sojournDays: exits.map((e, i) => (e > 0 ? (days[i] ?? 0) / e : 0)),
  };
}

/**
 * Open stages whose fate the observations determine: every stage reachable from them has been left
 * at least once and can reach won or lost. Only on that set is I − Q invertible; the others
 * (a stage never left, or a loop never seen to close) get null results rather than invented ones.
 */
export function resolvableStages(model: MarkovModel): boolean[] {
  const n = model.stages.length;
  const canClose = model.stages.map((_, i) => (model.won[i] ?? 0) + (model.lost[i] ?? 0) > 0);
  const successors = (i: number): number[] => (model.q[i] ?? []).flatMap((p, j) => (p > 0 ? [j] : []));
  for (let changed = true; changed;) {
    changed = false;
    for (let i = 0; i < n; i++) {
      if (!canClose[i] && successors(i).some((j) => canClose[j])) canClose[i] = changed = true;
    }
  }
  const ok = [...canClose];
  for (let changed = true; changed;) {
    changed = false;
    for (let i = 0; i < n; i++) {
      if (ok[i] && successors(i).some((j) => !ok[j])) {
        ok[i] = false;
        changed = true;
      }
    }
  }
  return ok;
}

/**
 * Solves the absorbing chain. On the resolvable open stages (see `resolvableStages`), with Q the
 * transitions among them and R the columns (won, lost):
 *   N = (I − Q)⁻¹ (N[i][j] = expected visits to j starting in i),
 *   B = N R (B[i] = [P(win | i), P(loss | i)], summing to 1),
 *   expected days to close t = N m (m = mean sojourn per stage),
 *   expected days to win, given a win, = Σ_j N[i][j] m_j B[j][won] / B[i][won]
 * (the sojourn in a stage is taken as independent of where the deal goes next).
 */
export function solveMarkov(model: MarkovModel): MarkovStageResult[] {
  const ok = resolvableStages(model);
  const idx = model.stages.flatMap((_, i) => (ok[i] ? [i] : []));
  const k = idx.length;
  const unknown: MarkovStageResult = {
    winProbability: null,
    lossProbability: null,
    expectedDaysToClose: null,
    expectedDaysToWin: null,
    expectedVisits: null,
  };
  const results: MarkovStageResult[] = model.stages.map(() => unknown);
  if (k === 0) return results;
  const iq = new Float64Array(k * k);
  idx.forEach((si, a) => {
    idx.forEach((sj, b) => {
      iq[a * k + b] = (a === b ? 1 : 0) - (model.q[si]?.[sj] ?? 0);
    });
  });
  const nMat = invert({ n: k, data: iq });
  // Cannot happen on the resolvable set (absorption is reachable from every state); kept total.
  if (!nMat) return results;
  const win = idx.map((_, a) => idx.reduce((s, sj, b) => s + get(nMat, a, b) * (model.won[sj] ?? 0), 0));
  const loss = idx.map((_, a) => idx.reduce((s, sj, b) => s + get(nMat, a, b) * (model.lost[sj] ?? 0), 0));
  idx.forEach((si, a) => {
    const w = win[a] ?? 0;
    const toClose = idx.reduce((s, sj, b) => s + get(nMat, a, b) * (model.sojournDays[sj] ?? 0), 0);
    const toWin = idx.reduce((s, sj, b) => s + get(nMat, a, b) * (model.sojournDays[sj] ?? 0) * (win[b] ?? 0), 0);
    const visits = model.stages.map(() => 0);
    idx.forEach((sj, b) => (visits[sj] = get(nMat, a, b)));
    results[si] = {
      winProbability: w,
      lossProbability: loss[a] ?? 0,
      expectedDaysToClose: toClose,
      expectedDaysToWin: w > 0 ? toWin / w : null,
      expectedVisits: visits,
    };
  });
  return results;
}
