import { openStages, type PipelineModel } from './model.ts';
import { quantile } from './numbers.ts';

const DAY_SECONDS = 86_400;

/** Count, quantiles and mean of durations, in days. Quantiles interpolate (see `quantile`). */
export interface DurationStats {
  count: number;
  p50: number | null;
  p75: number | null;
  p90: number | null;
  mean: number | null;
}

/** The same, in seconds, as the database aggregates them (percentile_cont, avg). */
export interface SecondsAggregate {
  count: number;
  p50: number | null;
  p75: number | null;
  p90: number | null;
  mean: number | null;
}

/**
 * Duration statistics of a list of durations in seconds, reported in days: P50, P75, P90 by
 * linear interpolation between closest ranks (PostgreSQL's percentile_cont, which the SQL uses)
 * and the arithmetic mean; all null for an empty list. The reference the SQL aggregate matches.
 */
export function durationStats(seconds: readonly number[]): DurationStats {
  const sorted = [...seconds].sort((a, b) => a - b);
  const mean = sorted.length === 0 ? null : sorted.reduce((a, b) => a + b, 0) / sorted.length;
  return toDays({
    count: sorted.length,
    p50: quantile(sorted, 0.5),
    p75: quantile(sorted, 0.75),
    p90: quantile(sorted, 0.9),
    mean,
  });
}

/** Seconds → days for every figure of an aggregate. */
export function toDays(a: SecondsAggregate): DurationStats {
  const d = (v: number | null) => (v === null ? null : v / DAY_SECONDS);
  return { count: a.count, p50: d(a.p50), p75: d(a.p75), p90: d(a.p90), mean: d(a.mean) };
}

/** Per stage: completed visits' durations, and visits still in progress (censored, not measured). */
export interface StageVisitAggregate extends SecondsAggregate {
  stageId: string;
  /** Visits still in the stage: their duration is unknown yet, so they are left out of the figures. */
  inProgress: number;
}

export interface StageDurationRow extends DurationStats {
  stageId: string;
  name: string;
  inProgress: number;
}

export interface StageDurationsResult {
  stages: StageDurationRow[];
  /** Days from a deal's first visit (its creation) to the close that stands, per outcome. */
  cycle: { won: DurationStats; lost: DurationStats };
}

const empty: SecondsAggregate = { count: 0, p50: null, p75: null, p90: null, mean: null };

/**
 * Stage durations: for each open stage in designed order, the time of each completed visit
 * (left_at − entered_at; a deal that entered the stage three times contributes three visits),
 * as count, P50, P75, P90 and mean in days. Visits in progress are counted apart, not measured.
 * A stage no deal visited has count 0 and null figures: skipped stages are absent, not zero.
 * Cycle time: days from the first visit to the won/lost visit of deals closed in the range.
 */
export function computeStageDurations(
  pipeline: Pick<PipelineModel, 'stages'>,
  visits: readonly StageVisitAggregate[],
  cycle: { won?: SecondsAggregate | undefined; lost?: SecondsAggregate | undefined },
): StageDurationsResult {
  return {
    stages: openStages(pipeline).map((s) => {
      const a = visits.find((v) => v.stageId === s.id);
      return { stageId: s.id, name: s.name, inProgress: a?.inProgress ?? 0, ...toDays(a ?? empty) };
    }),
    cycle: { won: toDays(cycle.won ?? empty), lost: toDays(cycle.lost ?? empty) },
  };
}
