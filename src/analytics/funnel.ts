import type { DealStatus } from '../contract/deals.ts';
import { openStages, type PipelineModel } from './model.ts';
import { addMoney, currencyOrder, moneyRatio, ratio } from './numbers.ts';

/*
 * Ranks: the open stages of the pipeline are ranks 1..n in designed order, any won stage is rank
 * n + 1 (the last step of the funnel). Lost stages have no rank: losing is leaving the funnel.
 */

/**
 * The funnel ranks a deal reached at any point: the distinct ranks of its visits, ascending.
 * `trace` is the ranks of its visits in the order they happened (visits to lost stages left out).
 */
export function reachedRanks(trace: readonly number[]): number[] {
  return [...new Set(trace)].sort((a, b) => a - b);
}

/**
 * How far a deal went down the strict (in-order) funnel: the largest k such that it entered ranks
 * 1, 2, …, k each at some point and entered them for the first time in that order. A skipped stage
 * ends the strict path (going back later to fill the gap does not restore it); backward moves and
 * repeats after the first entry do not matter. 0 when it never entered rank 1.
 * @example strictDepth([1, 2, 1, 3]) === 3; strictDepth([1, 3, 2]) === 2; strictDepth([2, 3]) === 0
 */
export function strictDepth(trace: readonly number[]): number {
  const first = new Map<number, number>();
  trace.forEach((rank, i) => {
    if (!first.has(rank)) first.set(rank, i);
  });
  let depth = 0;
  let prev = -1;
  for (;;) {
    const at = first.get(depth + 1);
    if (at === undefined || at < prev) return depth;
    prev = at;
    depth += 1;
  }
}

/** Deals with the same funnel signature, outcome, cohort and currency, as the database groups them. */
export interface FunnelGroup {
  /** Ranks reached at any point (see `reachedRanks`). */
  reached: readonly number[];
  /** See `strictDepth`. */
  strictDepth: number;
  /** The deal's current status: open deals are censored (still in progress), never losses. */
  status: DealStatus;
  /** Creation month 'YYYY-MM' in the organization's time zone. */
  cohort: string;
  currency: string;
  deals: number;
  /** Exact sum of the amounts of these deals (deals without an amount add nothing). */
  amount: string;
  /**
   * Imported from a flat export: how the deals got to their recorded stages is unknown, so they
   * count in the outcomes but not in the steps (their recorded path would read as a skip).
   */
  pathUnknown?: boolean;
}

/** Deals with the same path through the pipeline (stage ids of their visits in order), outcome, cohort and currency. */
export interface FunnelPathGroup extends Omit<FunnelGroup, 'reached' | 'strictDepth'> {
  path: readonly string[];
}

/** Stage id → funnel rank: open stages 1..n in designed order, every won stage n + 1; lost stages have none. */
export function stageRankOf(pipeline: Pick<PipelineModel, 'stages'>): ReadonlyMap<string, number> {
  const open = openStages(pipeline);
  const ranks = new Map(open.map((s, i) => [s.id, i + 1]));
  for (const s of pipeline.stages) if (s.kind === 'won') ranks.set(s.id, open.length + 1);
  return ranks;
}

/**
 * Funnel groups from path groups: each path becomes its trace of ranks (visits to stages without a
 * rank left out), then its reached ranks and strict depth; groups that end up with the same
 * signature, status, cohort and currency are merged (counts added, amounts added exactly).
 */
export function funnelGroupsFromPaths(
  pipeline: Pick<PipelineModel, 'stages'>,
  paths: readonly FunnelPathGroup[],
): FunnelGroup[] {
  const rankOf = stageRankOf(pipeline);
  const merged = new Map<string, FunnelGroup>();
  for (const { path, ...rest } of paths) {
    const trace = path.flatMap((id) => rankOf.get(id) ?? []);
    const reached = reachedRanks(trace);
    const depth = strictDepth(trace);
    const key = [reached.join(','), depth, rest.status, rest.cohort, rest.currency, rest.pathUnknown === true].join(
      '|',
    );
    const seen = merged.get(key);
    if (seen) merged.set(key, { ...seen, deals: seen.deals + rest.deals, amount: addMoney(seen.amount, rest.amount) });
    else merged.set(key, { ...rest, reached, strictDepth: depth });
  }
  return [...merged.values()];
}

export interface FunnelStep {
  /** Number of deals that reached this step. */
  reached: number;
  /** Of those, how many reached the next step (null on the won step). */
  advanced: number | null;
  /** Reached this step, not the next, and closed (won or lost): the step's exits. */
  exited: number | null;
  /** Reached this step, not the next, and still open: censored, neither advanced nor lost. */
  censored: number | null;
  /** advanced / (advanced + exited); null on the won step or with nothing decided. */
  conversion: number | null;
}

export interface FunnelStageRow {
  stageId: string | null;
  name: string;
  kind: 'open' | 'won';
  strict: FunnelStep;
  anyOrder: FunnelStep;
}

export interface MoneyOutcome {
  currency: string;
  wonAmount: string;
  lostAmount: string;
  openAmount: string;
  /** wonAmount / (wonAmount + lostAmount); null when nothing of that currency closed with an amount. */
  winRateByValue: number | null;
}

export interface Outcomes {
  deals: number;
  open: number;
  won: number;
  lost: number;
  /** won / (won + lost) by count, 0..1; null when no deal closed. */
  winRate: number | null;
  byCurrency: MoneyOutcome[];
}

export interface FunnelResult extends Outcomes {
  /** Deals counted in the outcomes but not in the steps: their path is unknown (see FunnelGroup). */
  unknownPathDeals: number;
  stages: FunnelStageRow[];
  cohorts: (Outcomes & { month: string })[];
}

function step(
  groups: readonly FunnelGroup[],
  isAt: (g: FunnelGroup) => boolean,
  isNext: ((g: FunnelGroup) => boolean) | null,
): FunnelStep {
  let reached = 0;
  let advanced = 0;
  let exited = 0;
  let censored = 0;
  for (const g of groups) {
    if (!isAt(g)) continue;
    reached += g.deals;
    if (isNext === null) continue;
    if (isNext(g)) advanced += g.deals;
    else if (g.status === 'open') censored += g.deals;
    else exited += g.deals;
  }
  if (isNext === null) return { reached, advanced: null, exited: null, censored: null, conversion: null };
  return { reached, advanced, exited, censored, conversion: ratio(advanced, advanced + exited) };
}

function outcomes(groups: readonly FunnelGroup[], baseCurrency: string): Outcomes {
  const count = (s: DealStatus) => groups.reduce((n, g) => (g.status === s ? n + g.deals : n), 0);
  const open = count('open');
  const won = count('won');
  const lost = count('lost');
  const currencies = [...new Set(groups.map((g) => g.currency))].sort(currencyOrder(baseCurrency));
  const byCurrency = currencies.map((currency) => {
    const sum = (s: DealStatus) =>
      addMoney(...groups.filter((g) => g.currency === currency && g.status === s).map((g) => g.amount));
    const wonAmount = sum('won');
    const lostAmount = sum('lost');
    return {
      currency,
      wonAmount,
      lostAmount,
      openAmount: sum('open'),
      winRateByValue: moneyRatio(wonAmount, addMoney(wonAmount, lostAmount)),
    };
  });
  return { deals: open + won + lost, open, won, lost, winRate: ratio(won, won + lost), byCurrency };
}

/**
 * The funnel of a pipeline. For each open stage in designed order, then the won step:
 * - strict (in order): reached = deals with strictDepth ≥ rank; advanced = strictDepth ≥ rank + 1;
 * - anyOrder: reached = deals that visited the step at any point; advanced = visited the next one.
 * exited = reached − advanced among closed deals, censored = the same among open deals, and
 * conversion = advanced / (advanced + exited): open deals are censored, never counted as losses.
 * Outcomes (overall and per creation-month cohort): win rate by count won / (won + lost), and by
 * value per currency wonAmount / (wonAmount + lostAmount), exact sums, never converted.
 * Strict counts never increase down the funnel (reached at rank k + 1 ⊆ reached at rank k).
 * Deals whose path is unknown (flat imports) count in the outcomes only, and `unknownPathDeals`
 * says how many.
 */
export function computeFunnel(
  pipeline: Pick<PipelineModel, 'stages' | 'baseCurrency'>,
  groups: readonly FunnelGroup[],
): FunnelResult {
  const open = openStages(pipeline);
  const wonRank = open.length + 1;
  // Several won stages form one step; a single one lends it its id and name.
  const wonStages = pipeline.stages.filter((s) => s.kind === 'won');
  const [onlyWon] = wonStages.length === 1 ? wonStages : [];
  const steps: { stageId: string | null; name: string; kind: 'open' | 'won' }[] = [
    ...open.map((s) => ({ stageId: s.id, name: s.name, kind: 'open' as const })),
    { stageId: onlyWon?.id ?? null, name: onlyWon?.name ?? 'Won', kind: 'won' },
  ];
  const known = groups.filter((g) => g.pathUnknown !== true);
  const stages = steps.map((s, i) => {
    const rank = i + 1;
    const hasNext = rank < wonRank;
    return {
      ...s,
      strict: step(known, (g) => g.strictDepth >= rank, hasNext ? (g) => g.strictDepth >= rank + 1 : null),
      anyOrder: step(known, (g) => g.reached.includes(rank), hasNext ? (g) => g.reached.includes(rank + 1) : null),
    };
  });
  const months = [...new Set(groups.map((g) => g.cohort))].sort();
  return {
    ...outcomes(groups, pipeline.baseCurrency),
    unknownPathDeals: groups.reduce((n, g) => (g.pathUnknown === true ? n + g.deals : n), 0),
    stages,
    cohorts: months.map((month) => ({
      month,
      ...outcomes(
        groups.filter((g) => g.cohort === month),
        pipeline.baseCurrency,
      ),
    })),
  };
}
