import { z } from 'zod';
import { computeStageDurations, type DurationStats } from '../../../analytics/durations.ts';
import type { AnalysisDefinition } from '../analysis.ts';
import { resolvePipeline } from '../analytics.repository.ts';
import { cycleAggregates, stageVisitAggregates } from '../durations.repository.ts';
import { heading, num, textTable } from '../render.ts';
import { analysisContext, analysisContextSchema } from './common.ts';

const params = z.object({});
export type StageDurationsParams = z.infer<typeof params>;

export const durationStatsSchema = z.object({
  count: z.number().int(),
  p50: z.number().nullable(),
  p75: z.number().nullable(),
  p90: z.number().nullable(),
  mean: z.number().nullable(),
});

const result = z.object({
  ...analysisContextSchema,
  /** Days per completed visit of each open stage; inProgress visits are not measured. */
  stages: z.array(durationStatsSchema.extend({ stageId: z.string(), name: z.string(), inProgress: z.number().int() })),
  cycle: z.object({ won: durationStatsSchema, lost: durationStatsSchema }),
});
export type StageDurationsReport = z.infer<typeof result>;

const cells = (s: DurationStats) => [String(s.count), num(s.p50), num(s.p75), num(s.p90), num(s.mean)];

function render(r: StageDurationsReport): string {
  return [
    heading('Stage durations (days per visit)', r),
    textTable(
      ['Stage', 'Visits', 'P50', 'P75', 'P90', 'Mean', 'In progress'],
      r.stages.map((s) => [s.name, ...cells(s), String(s.inProgress)]),
    ),
    '',
    'Cycle time (days from creation to close)',
    textTable(
      ['Outcome', 'Deals', 'P50', 'P75', 'P90', 'Mean'],
      [
        ['won', ...cells(r.cycle.won)],
        ['lost', ...cells(r.cycle.lost)],
      ],
    ),
  ].join('\n');
}

/** 2. Stage durations: see computeStageDurations and docs/analytics.md. The range selects visits by entry, closes by close time. */
export const stageDurationsAnalysis: AnalysisDefinition<StageDurationsParams, StageDurationsReport> = {
  name: 'stage-durations',
  summary: 'Stage durations: days per visit of each stage (P50, P75, P90, mean) and cycle time to won and to lost',
  params,
  result,
  async run(deps, actor, filters) {
    const pipeline = await resolvePipeline(deps.db, actor.orgId, filters.pipelineId);
    const visits = await stageVisitAggregates(deps.db, actor, filters, pipeline);
    const cycle = await cycleAggregates(deps.db, actor, filters, pipeline);
    return { ...analysisContext(pipeline, filters), ...computeStageDurations(pipeline, visits, cycle) };
  },
  render,
};
