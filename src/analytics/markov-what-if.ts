import { solveMarkov, type MarkovModel, type MarkovStageResult } from './markov.ts';

/** "Raise the conversion of stage X by p points (taken from its loss) or shorten it by d days." */
export interface MarkovScenario {
  stageId: string;
  /** Percentage points moved from P(X → lost) to X's forward moves; capped at P(X → lost). */
  conversionPoints: number;
  /** Days taken off X's mean sojourn; the sojourn never goes below 0. */
  shortenDays: number;
}

/** The open deals sitting in one stage now. */
export interface OpenStageLoad {
  stageId: string;
  deals: number;
  /** Σ amount in cents of those deals in the report currency (deals without an amount add 0). */
  amountCents: number;
}

export interface PipelineOutlook {
  openDeals: number;
  /** Open deals in a stage the chain can estimate (see `resolvableStages`); the rest are left out. */
  estimatedDeals: number;
  /** Σ P(win | current stage) over the estimated deals. */
  expectedWins: number;
  /** expectedWins / estimatedDeals; null without estimated deals. */
  winProbability: number | null;
  /** Σ amount × P(win | current stage), in cents (not rounded). */
  expectedWonCents: number;
  /** Mean over the estimated deals of the expected days from their stage until they close. */
  expectedDaysToClose: number | null;
}

/**
 * The model with the scenario applied to stage X (index x): the loss probability drops by
 * δ = min(p / 100, P(X → lost)) and the forward moves (to later open stages and to won) grow by δ
 * in proportion to their current shares; when X has no forward move yet, δ goes to the next open
 * stage in order, or to won when X is the last open stage. The sojourn m_X becomes max(0, m_X − d).
 * Unknown stage ids leave the model unchanged.
 */
export function applyScenario(model: MarkovModel, scenario: MarkovScenario): MarkovModel {
  const x = model.stages.findIndex((s) => s.id === scenario.stageId);
  if (x < 0) return model;
  const q = model.q.map((row) => [...row]);
  const won = [...model.won];
  const lost = [...model.lost];
  const sojournDays = [...model.sojournDays];
  const row = q[x] ?? [];
  const delta = Math.min(Math.max(scenario.conversionPoints, 0) / 100, lost[x] ?? 0);
  if (delta > 0) {
    const forward = row.reduce((s, p, j) => (j > x ? s + p : s), 0) + (won[x] ?? 0);
    if (forward > 0) {
      const grow = 1 + delta / forward;
      for (let j = x + 1; j < row.length; j++) row[j] = (row[j] ?? 0) * grow;
      won[x] = (won[x] ?? 0) * grow;
    } else if (x + 1 < row.length) {
      row[x + 1] = (row[x + 1] ?? 0) + delta;
    } else {
      won[x] = (won[x] ?? 0) + delta;
    }
    lost[x] = (lost[x] ?? 0) - delta;
  }
  sojournDays[x] = Math.max(0, (sojournDays[x] ?? 0) - Math.max(scenario.shortenDays, 0));
  return { ...model, q, won, lost, sojournDays };
}

/**
 * The open pipeline under a solved chain: each open deal counts with the win probability and the
 * expected days to close of the stage it is in now (the chain is memoryless: time already spent
 * in the stage is not used).
 */
export function pipelineOutlook(
  model: MarkovModel,
  solved: readonly MarkovStageResult[],
  load: readonly OpenStageLoad[],
): PipelineOutlook {
  const indexOf = new Map(model.stages.map((s, i) => [s.id, i]));
  let openDeals = 0;
  let estimatedDeals = 0;
  let expectedWins = 0;
  let expectedWonCents = 0;
  let dayTotal = 0;
  for (const l of load) {
    openDeals += l.deals;
    const i = indexOf.get(l.stageId);
    const r = i === undefined ? undefined : solved[i];
    if (!r || r.winProbability === null || r.expectedDaysToClose === null) continue;
    estimatedDeals += l.deals;
    expectedWins += l.deals * r.winProbability;
    expectedWonCents += l.amountCents * r.winProbability;
    dayTotal += l.deals * r.expectedDaysToClose;
  }
  return {
    openDeals,
    estimatedDeals,
    expectedWins,
    winProbability: estimatedDeals > 0 ? expectedWins / estimatedDeals : null,
    expectedWonCents,
    expectedDaysToClose: estimatedDeals > 0 ? dayTotal / estimatedDeals : null,
  };
}

export interface WhatIfResult {
  baseline: { model: MarkovModel; stages: MarkovStageResult[]; pipeline: PipelineOutlook };
  scenario: { model: MarkovModel; stages: MarkovStageResult[]; pipeline: PipelineOutlook };
}

/**
 * Baseline and scenario side by side. The cost is two solves of an (open stages)² system and one
 * pass over the per-stage load, so it answers a slider move at once; the heavy part (counting
 * transitions, summing the open pipeline) is done once, before.
 */
export function markovWhatIf(
  model: MarkovModel,
  load: readonly OpenStageLoad[],
  scenario: MarkovScenario,
): WhatIfResult {
  const baseStages = solveMarkov(model);
  const changed = applyScenario(model, scenario);
  const scenStages = solveMarkov(changed);
  return {
    baseline: { model, stages: baseStages, pipeline: pipelineOutlook(model, baseStages, load) },
    scenario: { model: changed, stages: scenStages, pipeline: pipelineOutlook(changed, scenStages, load) },
  };
}
