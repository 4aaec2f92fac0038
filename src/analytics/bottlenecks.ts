const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/** An open stage of the pipeline (won and lost stages absorb deals, so they have no flow to measure). */
export interface FlowStage {
  id: string;
  name: string;
  position: number;
}

/** What the repository aggregates per stage over the period [start, end). */
export interface StageFlowCounts {
  stageId: string;
  /** Visits that entered the stage in the period. */
  arrivals: number;
  /** Of those arrivals, the visits that have ended, and their total length (ms). */
  completed: number;
  completedSojournMs: number;
  /** ∫ WIP(t) dt over the period: Σ over all visits of the overlap of [entered, left) with it (ms). */
  wipTimeMs: number;
  /** Deals in the stage now. */
  wipNow: number;
  /** 75th percentile (continuous) of the completed visits of won deals to the stage (ms); null if none. */
  wonP75Ms: number | null;
  /** Open deals now in the stage for longer than `wonP75Ms`. */
  staleCount: number;
}

/** Arrivals in and WIP at the start of one calendar week (in the organization's time zone). */
export interface StageWeekCounts {
  stageId: string;
  weekStart: string;
  arrivals: number;
  wip: number;
}

/** A deal now in an open stage for longer than the stage's won P75 (the oldest few per stage). */
export interface StaleDealRow {
  stageId: string;
  dealId: string;
  name: string;
  ownerId: string | null;
  enteredAt: string;
  ageMs: number;
}

export interface BottleneckInput {
  stages: readonly FlowStage[];
  /** Length of the period in ms (> 0). */
  periodMs: number;
  /** Week starts of the series, in order. */
  weeks: readonly string[];
  counts: readonly StageFlowCounts[];
  weekly: readonly StageWeekCounts[];
  stale: readonly StaleDealRow[];
}

export interface StageBottleneck {
  stageId: string;
  name: string;
  arrivals: number;
  /** arrivals / (period length in weeks). */
  arrivalsPerWeek: number;
  /** Mean length of the completed visits that arrived in the period (days); null if none completed. */
  meanSojournDays: number | null;
  completed: number;
  /** Little's law check: L = time-average WIP, λ = arrivals per day, W = mean sojourn (days). */
  littlesLaw: {
    averageWip: number;
    arrivalRatePerDay: number;
    /** λ·W (null without a W). */
    predictedWip: number | null;
    /** L − λW (null without a W). */
    discrepancy: number | null;
    /** (L − λW) / L (null when L is 0 or there is no W). */
    relativeDiscrepancy: number | null;
  };
  wipNow: number;
  /** The won deals' P75 time in the stage (days) that makes a deal stale; null if no won deal passed it. */
  staleThresholdDays: number | null;
  staleCount: number;
  /** Oldest first, at most `dealLimit` (the repository sends at most that many). */
  staleDeals: { dealId: string; name: string; ownerId: string | null; enteredAt: string; ageDays: number }[];
  weekly: { weekStart: string; arrivals: number; wip: number }[];
}

export interface BottleneckResult {
  periodDays: number;
  stages: StageBottleneck[];
  /** The open stage with the highest average WIP in the period (where work piles up); null if none holds any. */
  bottleneckStageId: string | null;
}

/**
 * Flow per open stage over a period of length T: arrivals per week = arrivals / (T / 7 days);
 * L = ∫WIP dt / T; λ = arrivals / T; W = mean length of the completed visits that arrived in the
 * period. Little's law says L = λW for a stable system observed long enough; the difference
 * L − λW (absolute and relative to L) measures boundary effects (work carried in or still
 * running at the ends of the period) and non-stationarity, and is reported, not hidden.
 */
export function bottlenecks(input: BottleneckInput, opts: { dealLimit: number }): BottleneckResult {
  const periodDays = input.periodMs / DAY_MS;
  const counts = new Map(input.counts.map((c) => [c.stageId, c]));
  const stages = [...input.stages]
    .sort((a, b) => a.position - b.position)
    .map((s): StageBottleneck => {
      const c = counts.get(s.id) ?? {
        stageId: s.id,
        arrivals: 0,
        completed: 0,
        completedSojournMs: 0,
        wipTimeMs: 0,
        wipNow: 0,
        wonP75Ms: null,
        staleCount: 0,
      };
      const averageWip = input.periodMs > 0 ? c.wipTimeMs / input.periodMs : 0;
      const arrivalRatePerDay = periodDays > 0 ? c.arrivals / periodDays : 0;
      const meanSojournDays = c.completed > 0 ? c.completedSojournMs / c.completed / DAY_MS : null;
      const predictedWip = meanSojournDays === null ? null : arrivalRatePerDay * meanSojournDays;
      const discrepancy = predictedWip === null ? null : averageWip - predictedWip;
      const stale = input.stale
        .filter((d) => d.stageId === s.id)
        .sort((a, b) => b.ageMs - a.ageMs || a.dealId.localeCompare(b.dealId));
      const weekly = new Map(input.weekly.filter((w) => w.stageId === s.id).map((w) => [w.weekStart, w]));
      return {
        stageId: s.id,
        name: s.name,
        arrivals: c.arrivals,
        arrivalsPerWeek: input.periodMs > 0 ? c.arrivals / (input.periodMs / WEEK_MS) : 0,
        meanSojournDays,
        completed: c.completed,
        littlesLaw: {
          averageWip,
          arrivalRatePerDay,
          predictedWip,
          discrepancy,
          relativeDiscrepancy: discrepancy === null || averageWip === 0 ? null : discrepancy / averageWip,
        },
        wipNow: c.wipNow,
        staleThresholdDays: c.wonP75Ms === null ? null : c.wonP75Ms / DAY_MS,
        staleCount: c.staleCount,
        staleDeals: stale.slice(0, opts.dealLimit).map((d) => ({
          dealId: d.dealId,
          name: d.name,
          ownerId: d.ownerId,
          enteredAt: d.enteredAt,
          ageDays: d.ageMs / DAY_MS,
        })),
        weekly: input.weeks.map((weekStart) => ({
          weekStart,
          arrivals: weekly.get(weekStart)?.arrivals ?? 0,
          wip: weekly.get(weekStart)?.wip ?? 0,
        })),
      };
    });
  let bottleneck: StageBottleneck | null = null;
  for (const s of stages)
    if (
      s.littlesLaw.averageWip > 0 &&
      (bottleneck === null || s.littlesLaw.averageWip > bottleneck.littlesLaw.averageWip)
    )
      bottleneck = s;
  return { periodDays, stages, bottleneckStageId: bottleneck?.stageId ?? null };
}
