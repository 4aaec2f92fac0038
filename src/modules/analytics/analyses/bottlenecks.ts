import { z } from 'zod';
import { bottlenecks } from '../../../analytics/bottlenecks.ts';
import type { AnalysisDefinition } from '../analysis.ts';
import { dealConditions, resolvePipeline } from '../analytics.repository.ts';
import { stageFlow } from '../bottlenecks.repository.ts';
import { heading, num, textTable } from '../render.ts';
import { analysisContext, analysisContextSchema, chooseWindowEnd, windowChoiceShape, windowNote } from './common.ts';

const DAY_MS = 86_400_000;
/** Default period: the 12 weeks up to `to`. */
const DEFAULT_DAYS = 84;

const bottleneckParams = z.object({
  /** Stale deals listed per stage (oldest first). */
  dealLimit: z.coerce.number().int().min(1).max(1000).default(50),
});
export type BottleneckParams = z.infer<typeof bottleneckParams>;

const bottleneckResult = z.object({
  ...analysisContextSchema,
  ...windowChoiceShape,
  periodStart: z.string(),
  periodEnd: z.string(),
  periodDays: z.number(),
  bottleneckStageId: z.string().nullable(),
  stages: z.array(
    z.object({
      stageId: z.string(),
      name: z.string(),
      arrivals: z.number().int(),
      arrivalsPerWeek: z.number(),
      meanSojournDays: z.number().nullable(),
      completed: z.number().int(),
      littlesLaw: z.object({
        averageWip: z.number(),
        arrivalRatePerDay: z.number(),
        predictedWip: z.number().nullable(),
        discrepancy: z.number().nullable(),
        relativeDiscrepancy: z.number().nullable(),
      }),
      wipNow: z.number().int(),
      staleThresholdDays: z.number().nullable(),
      staleCount: z.number().int(),
      staleDeals: z.array(
        z.object({
          dealId: z.string(),
          name: z.string(),
          ownerId: z.string().nullable(),
          enteredAt: z.string(),
          ageDays: z.number(),
        }),
      ),
      weekly: z.array(z.object({ weekStart: z.string(), arrivals: z.number().int(), wip: z.number().int() })),
    }),
  ),
});
export type BottleneckReport = z.infer<typeof bottleneckResult>;

/** Today in a time zone, as 'YYYY-MM-DD'. */
const minusDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);

function render(r: BottleneckReport): string {
  return [
    heading('Bottlenecks', { ...r, from: r.from, to: r.to }),
    `${num(r.periodDays)} days from ${r.periodStart} to ${r.periodEnd}; bottleneck: ${r.stages.find((s) => s.stageId === r.bottleneckStageId)?.name ?? '–'}`,
    ...[windowNote(r)].filter((n) => n !== null),
    '',
    textTable(
      ['Stage', 'Arrivals/wk', 'W days', 'L avg WIP', 'λW', 'L−λW', 'WIP now', 'Stale >', 'Stale'],
      r.stages.map((s) => [
        s.name,
        num(s.arrivalsPerWeek),
        num(s.meanSojournDays),
        num(s.littlesLaw.averageWip, 2),
        num(s.littlesLaw.predictedWip, 2),
        num(s.littlesLaw.discrepancy, 2),
        String(s.wipNow),
        num(s.staleThresholdDays),
        String(s.staleCount),
      ]),
    ),
  ].join('\n');
}

/** 8. Bottlenecks: see `bottlenecks` and docs/analytics.md. The date range is the observed period (default: the last 12 weeks). */
export const bottlenecksAnalysis: AnalysisDefinition<BottleneckParams, BottleneckReport> = {
  name: 'bottlenecks',
  summary:
    "Bottlenecks: per open stage arrivals per week, WIP over time, mean sojourn with a Little's law check, and stale deals (in the stage longer than won deals' P75)",
  params: bottleneckParams,
  result: bottleneckResult,
  async run(deps, actor, filters, params) {
    const pipeline = await resolvePipeline(deps.db, actor.orgId, filters.pipelineId);
    const choice = await chooseWindowEnd(deps, actor.orgId, pipeline, filters, DEFAULT_DAYS);
    const now = choice.now;
    const to = filters.to ?? choice.today;
    const from = filters.from ?? minusDays(to, DEFAULT_DAYS - 1);
    const open = pipeline.stages.filter((s) => s.kind === 'open');
    const flow = await stageFlow(
      deps.db,
      {
        orgId: actor.orgId,
        pipelineId: pipeline.id,
        openStageIds: open.map((s) => s.id),
        dealWhere: dealConditions(actor, filters),
        normWhere: dealConditions(actor, {}),
        from,
        to,
        timezone: pipeline.timezone,
        now,
      },
      params.dealLimit,
    );
    const result = bottlenecks(
      {
        stages: open,
        periodMs: flow.periodEnd.getTime() - flow.periodStart.getTime(),
        weeks: flow.weeks,
        counts: flow.counts,
        weekly: flow.weekly,
        stale: flow.stale,
      },
      { dealLimit: params.dealLimit },
    );
    return {
      ...analysisContext(pipeline, { ...filters, from, to }),
      windowBasis: choice.windowBasis,
      dataEnd: choice.dataEnd,
      periodStart: flow.periodStart.toISOString(),
      periodEnd: flow.periodEnd.toISOString(),
      ...result,
    };
  },
  render,
};
