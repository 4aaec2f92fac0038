import type { StageKind } from '../contract/pipelines.ts';

/** A stage of the designed pipeline (structurally a subset of the analytics `StageModel`). */
export interface DesignedStage {
  id: string;
  name: string;
  position: number;
  kind: StageKind;
}

/** Deals of one owner/team/partner that followed the same trace (the repository groups them). */
export interface ConformanceTraceGroup {
  /** Stage ids of the deal's visits to this pipeline's stages, in visit order. */
  trace: readonly string[];
  ownerId: string | null;
  ownerName: string | null;
  teamId: string | null;
  teamName: string | null;
  partnerId: string | null;
  partnerName: string | null;
  /** Number of deals in the group. */
  deals: number;
  /** Some of the group's deals (for the drill-down), in a stable order. */
  sample: readonly { dealId: string; name: string }[];
}

/** The deviations of one trace from the designed pipeline. */
export interface TraceConformance {
  /** Designed stages jumped over by forward moves (and by entering after the first stage). */
  skips: number;
  /** Moves to an earlier stage (reopening a closed deal included). */
  backwardMoves: number;
  /** Visits to a stage beyond the first visit to it. */
  repeats: number;
  /** The model path the trace is aligned with (stage ids). */
  modelPath: string[];
  /** Unit-cost alignment cost: moves on the log only plus moves on the model only. */
  cost: number;
  /** 1 − cost / (|trace| + |model path|); 1 = conforming. */
  fitness: number;
}

export interface ConformanceTotals {
  deals: number;
  /** Deals with a cost above 0. */
  deviatingDeals: number;
  skips: number;
  backwardMoves: number;
  repeats: number;
  /** Mean of the deals' fitness (null without deals). */
  meanFitness: number | null;
}

export interface ConformanceGroupTotals extends ConformanceTotals {
  id: string | null;
  name: string | null;
}

export interface ConformanceDeal extends TraceConformance {
  dealId: string;
  name: string;
  trace: string[];
  ownerId: string | null;
  teamId: string | null;
  partnerId: string | null;
}

export interface ConformanceResult {
  overall: ConformanceTotals;
  byOwner: ConformanceGroupTotals[];
  byTeam: ConformanceGroupTotals[];
  /** Only deals registered by a partner. */
  byPartner: ConformanceGroupTotals[];
  /** The deviating deals of the sample, least fitting first, at most `dealLimit`. */
  deals: ConformanceDeal[];
}

/**
 * Rank in the designed order: open stages 1..n by position, every won or lost stage n + 1 (the
 * outcome comes after the last open stage).
 */
function ranker(stages: readonly DesignedStage[]) {
  const open = [...stages].filter((s) => s.kind === 'open').sort((a, b) => a.position - b.position);
  const rank = new Map<string, number>(open.map((s, i) => [s.id, i + 1]));
  const kind = new Map<string, StageKind>(stages.map((s) => [s.id, s.kind]));
  return {
    open,
    rankOf: (id: string) => rank.get(id) ?? open.length + 1,
    kindOf: (id: string) => kind.get(id) ?? 'open',
  };
}

/** Length of the longest common subsequence (the matched moves of an optimal unit-cost alignment). */
export function lcs(a: readonly string[], b: readonly string[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const row = [0];
    for (let j = 1; j <= b.length; j++)
      row.push(x === b[j - 1] ? (prev[j - 1] ?? 0) + 1 : Math.max(prev[j] ?? 0, row[j - 1] ?? 0));
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/**
 * Conformance of one trace (stage ids in visit order, not empty) to the sequential model
 * o1 → o2 → … → on → outcome of the pipeline's open stages o1..on.
 *
 * Model path: let m be the highest rank of an open stage the trace visits (0 if none). A trace
 * ending in a won stage W aligns with o1..on, W; ending in a lost stage L with o1..om, L (a deal
 * may be lost from any stage); ending in an open stage with o1..om.
 * Cost of the optimal unit-cost alignment (a synchronous move costs 0, a move on the log or on
 * the model alone 1): |trace| + |model| − 2·LCS(trace, model). Fitness = 1 − cost / (|trace| + |model|).
 *
 * Skips: for the first visit, rank − 1 open stages (n for a deal created won; 0 for one created
 * lost); for each move a → b to a higher rank, rank(b) − rank(a) − 1, except a move from an open
 * stage to a lost stage (allowed from anywhere). Backward moves: moves to a lower rank, and moves
 * between two different closed stages (an outcome reversed). Repeats: visits beyond the first to
 * the same stage.
 */
export function traceConformance(stages: readonly DesignedStage[], trace: readonly string[]): TraceConformance {
  const { open, rankOf, kindOf } = ranker(stages);
  let skips = 0;
  let backwardMoves = 0;
  let highestOpen = 0;
  const seen = new Set<string>();
  let repeats = 0;
  trace.forEach((id, i) => {
    if (seen.has(id)) repeats += 1;
    seen.add(id);
    if (kindOf(id) === 'open') highestOpen = Math.max(highestOpen, rankOf(id));
    if (i === 0) {
      if (kindOf(id) !== 'lost') skips += rankOf(id) - 1;
      return;
    }
    const from = trace[i - 1] ?? id;
    const [a, b] = [rankOf(from), rankOf(id)];
    if (kindOf(id) === 'lost' && kindOf(from) === 'open') return;
    if (b > a) skips += b - a - 1;
    else if (b < a || (from !== id && kindOf(from) !== 'open' && kindOf(id) !== 'open')) backwardMoves += 1;
  });
  const last = trace[trace.length - 1];
  const lastKind = last === undefined ? 'open' : kindOf(last);
  const reached = open.slice(0, lastKind === 'won' ? open.length : highestOpen).map((s) => s.id);
  const modelPath = last !== undefined && lastKind !== 'open' ? [...reached, last] : reached;
  const size = trace.length + modelPath.length;
  const cost = size - 2 * lcs(trace, modelPath);
  return { skips, backwardMoves, repeats, modelPath, cost, fitness: size === 0 ? 1 : 1 - cost / size };
}

interface Acc {
  id: string | null;
  name: string | null;
  deals: number;
  deviatingDeals: number;
  skips: number;
  backwardMoves: number;
  repeats: number;
  fitnessSum: number;
}

const newAcc = (id: string | null, name: string | null): Acc => ({
  id,
  name,
  deals: 0,
  deviatingDeals: 0,
  skips: 0,
  backwardMoves: 0,
  repeats: 0,
  fitnessSum: 0,
});

function add(acc: Acc, c: TraceConformance, n: number): void {
  acc.deals += n;
  if (c.cost > 0) acc.deviatingDeals += n;
  acc.skips += c.skips * n;
  acc.backwardMoves += c.backwardMoves * n;
  acc.repeats += c.repeats * n;
  acc.fitnessSum += c.fitness * n;
}

const totals = ({ deals, deviatingDeals, skips, backwardMoves, repeats, fitnessSum }: Acc): ConformanceTotals => ({
  deals,
  deviatingDeals,
  skips,
  backwardMoves,
  repeats,
  meanFitness: deals === 0 ? null : fitnessSum / deals,
});

/** Least fitting first; then more deals; then by name so the order is stable. */
function ranked(map: Map<string, Acc>): ConformanceGroupTotals[] {
  return [...map.values()]
    .map((a) => ({ id: a.id, name: a.name, ...totals(a) }))
    .sort(
      (a, b) =>
        (a.meanFitness ?? 1) - (b.meanFitness ?? 1) ||
        b.deals - a.deals ||
        (a.name ?? '').localeCompare(b.name ?? '') ||
        (a.id ?? '').localeCompare(b.id ?? ''),
    );
}

/**
 * Conformance of the deals (given as groups of equal traces) to the designed pipeline: per deal
 * `traceConformance`, totals overall and per owner, team and partner (counts summed, fitness the
 * mean over deals), and the deviating deals of the samples, least fitting first.
 */
export function conformance(
  stages: readonly DesignedStage[],
  groups: readonly ConformanceTraceGroup[],
  opts: { dealLimit: number },
): ConformanceResult {
  const overall = newAcc(null, null);
  const owners = new Map<string, Acc>();
  const teams = new Map<string, Acc>();
  const partners = new Map<string, Acc>();
  const deals: ConformanceDeal[] = [];
  const into = (map: Map<string, Acc>, id: string | null, name: string | null) => {
    const key = id ?? '';
    const acc = map.get(key) ?? newAcc(id, name);
    map.set(key, acc);
    return acc;
  };
  for (const g of groups) {
    if (g.trace.length === 0 || g.deals === 0) continue;
    const c = traceConformance(stages, g.trace);
    add(overall, c, g.deals);
    add(into(owners, g.ownerId, g.ownerName), c, g.deals);
    add(into(teams, g.teamId, g.teamName), c, g.deals);
    if (g.partnerId !== null) add(into(partners, g.partnerId, g.partnerName), c, g.deals);
    if (c.cost > 0) {
      for (const s of g.sample)
        deals.push({
          dealId: s.dealId,
          name: s.name,
          trace: [...g.trace],
          ownerId: g.ownerId,
          teamId: g.teamId,
          partnerId: g.partnerId,
          ...c,
        });
    }
  }
  deals.sort(
    (a, b) =>
      a.fitness - b.fitness || b.cost - a.cost || a.name.localeCompare(b.name) || a.dealId.localeCompare(b.dealId),
  );
  return {
    overall: totals(overall),
    byOwner: ranked(owners),
    byTeam: ranked(teams),
    byPartner: ranked(partners),
    deals: deals.slice(0, opts.dealLimit),
  };
}
