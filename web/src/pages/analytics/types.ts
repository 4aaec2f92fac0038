// Result shapes of GET /api/v1/analytics/<name>, as the server's zod result schemas define them
// (src/modules/analytics/analyses/*.ts).

export interface AnalysisContext {
  pipeline: { id: string; name: string };
  from: string | null;
  to: string | null;
}

// Result shapes the pure analytics functions already define are imported, not repeated.
import type { MoneyOutcome, Outcomes } from '../../../../src/analytics/funnel.ts';

export type { MoneyOutcome, Outcomes };

export interface AnalysisInfo {
  name: string;
  summary: string;
  path: string;
  params: string[];
}

export interface FunnelStep {
  reached: number;
  advanced: number | null;
  exited: number | null;
  censored: number | null;
  conversion: number | null;
}

export interface FunnelReport extends AnalysisContext, Outcomes {
  stages: { stageId: string | null; name: string; kind: 'open' | 'won'; strict: FunnelStep; anyOrder: FunnelStep }[];
  cohorts: (Outcomes & { month: string })[];
}

export interface DurationStats {
  count: number;
  p50: number | null;
  p75: number | null;
  p90: number | null;
  mean: number | null;
}

export interface StageDurationsReport extends AnalysisContext {
  stages: (DurationStats & { stageId: string; name: string; inProgress: number })[];
  cycle: { won: DurationStats; lost: DurationStats };
}

export interface VelocityFactors {
  openDeals: number;
  openAmount: string;
  won: number;
  lost: number;
  winRate: number | null;
  avgWonAmount: string | null;
  avgCycleDays: number | null;
  velocity: string | null;
}

export interface VelocityReport extends AnalysisContext {
  from: string;
  to: string;
  comparison: { from: string; to: string };
  byCurrency: {
    currency: string;
    current: VelocityFactors;
    comparison: VelocityFactors;
    change: number | null;
    factors: { factor: string; logRatio: number | null; share: number | null; contribution: number | null }[];
  }[];
  coverage: { target: string; currency: string; openAmount: string; ratio: number | null } | null;
}

export interface ForecastPeriodCurrency {
  currency: string;
  closed: string;
  commit: string;
  bestCase: string;
  pipeline: string;
  omitted: string;
  rollup: { commit: string; bestCase: string; pipeline: string };
  weightedOpen: string;
}

export interface ForecastReport extends AnalysisContext {
  period: 'month' | 'quarter';
  weighted: {
    stages: {
      stageId: string;
      name: string;
      probability: number;
      forecastCategory: string;
      byCurrency: { currency: string; deals: number; amount: string; weighted: string }[];
    }[];
    totals: { currency: string; deals: number; amount: string; weighted: string }[];
  };
  periods: { period: string | null; byCurrency: ForecastPeriodCurrency[] }[];
}

export interface WaterfallDeal {
  dealId: string;
  name: string;
  startAmount: string | null;
  endAmount: string | null;
  change: string;
}

export interface WaterfallReport extends AnalysisContext {
  closeFrom: string | null;
  closeTo: string | null;
  currencies: {
    currency: string;
    start: { amount: string; count: number };
    bars: {
      reason: string;
      label: string;
      amount: string;
      count: number;
      deals: WaterfallDeal[];
      truncated: boolean;
    }[];
    end: { amount: string; count: number };
    unchanged: { amount: string; count: number };
  }[];
}

export interface ProcessMapReport extends AnalysisContext {
  cases: number;
  nodes: {
    key: string;
    label: string;
    kind: 'stage' | 'activity';
    position: number | null;
    events: number;
    cases: number;
    starts: number;
    ends: number;
    open: number;
  }[];
  edges: { from: string; to: string; count: number; cases: number; p50Days: number; p90Days: number }[];
  variants: {
    sequence: string[];
    labels: string[];
    count: number;
    share: number;
    won: number;
    lost: number;
    winRate: number | null;
    medianCycleDays: number | null;
  }[];
  otherVariants: { variants: number; count: number; share: number };
}

export interface ConformanceTotals {
  deals: number;
  deviatingDeals: number;
  skips: number;
  backwardMoves: number;
  repeats: number;
  meanFitness: number | null;
}

export interface ConformanceReport extends AnalysisContext {
  overall: ConformanceTotals;
  byOwner: (ConformanceTotals & { id: string | null; name: string | null })[];
  byTeam: (ConformanceTotals & { id: string | null; name: string | null })[];
  byPartner: (ConformanceTotals & { id: string | null; name: string | null })[];
  deals: {
    dealId: string;
    name: string;
    trace: string[];
    modelPath: string[];
    ownerId: string | null;
    teamId: string | null;
    partnerId: string | null;
    skips: number;
    backwardMoves: number;
    repeats: number;
    cost: number;
    fitness: number;
  }[];
}

export interface MarkovStageResult {
  winProbability: number | null;
  lossProbability: number | null;
  expectedDaysToClose: number | null;
  expectedDaysToWin: number | null;
}

export interface MarkovOutlook {
  openDeals: number;
  estimatedDeals: number;
  expectedWins: number;
  winProbability: number | null;
  expectedWonRevenue: string;
  expectedDaysToClose: number | null;
}

export interface MarkovReport extends AnalysisContext {
  currency: string;
  stages: (MarkovStageResult & {
    stageId: string;
    name: string;
    exits: number;
    sojournDays: number;
    toWon: number;
    toLost: number;
  })[];
  openPipeline: MarkovOutlook;
  whatIf: {
    stageId: string;
    conversionPoints: number;
    shortenDays: number;
    stages: (MarkovStageResult & { stageId: string })[];
    openPipeline: MarkovOutlook;
    delta: {
      winProbability: number | null;
      expectedWins: number;
      expectedWonRevenue: string;
      expectedDaysToClose: number | null;
    };
  } | null;
}

export interface MonteCarloReport extends AnalysisContext {
  currency: string;
  period: { startDays: number; endDays: number };
  runs: number;
  seed: number;
  simulatedDeals: number;
  skippedDeals: number;
  mean: string;
  p10: string;
  p50: string;
  p90: string;
  meanWonDeals: number;
  target: string | null;
  probabilityOfTarget: number | null;
  bucketDays: number;
  bands: { dayEnd: number; p10: string; p50: string; p90: string }[];
}

import type { BottleneckResult } from '../../../../src/analytics/bottlenecks.ts';

export type { StageBottleneck } from '../../../../src/analytics/bottlenecks.ts';

/** GET /analytics/bottlenecks. */
export interface BottleneckReport extends AnalysisContext, BottleneckResult {
  periodStart: string;
  periodEnd: string;
}
