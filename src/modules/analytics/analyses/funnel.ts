import { z } from 'zod';
import { computeFunnel, type FunnelStep } from '../../../analytics/funnel.ts';
import type { AnalysisDefinition } from '../analysis.ts';
import { resolvePipeline } from '../analytics.repository.ts';
import { funnelGroups } from '../funnel.repository.ts';
import { heading, pct, textTable } from '../render.ts';
import { analysisContext, analysisContextSchema, outcomesShape } from './common.ts';

const funnelParams = z.object({});
export type FunnelParams = z.infer<typeof funnelParams>;

const stepSchema = z.object({
  reached: z.number().int(),
  advanced: z.number().int().nullable(),
  exited: z.number().int().nullable(),
  censored: z.number().int().nullable(),
  conversion: z.number().nullable(),
});

const funnelResult = z.object({
  ...analysisContextSchema,
  ...outcomesShape,
  /** Deals imported from a flat export (path unknown): in the outcomes, not in the steps. */
  unknownPathDeals: z.number().int(),
  stages: z.array(
    z.object({
      stageId: z.string().nullable(),
      name: z.string(),
      kind: z.enum(['open', 'won']),
      strict: stepSchema,
      anyOrder: stepSchema,
    }),
  ),
  cohorts: z.array(z.object({ month: z.string(), ...outcomesShape })),
});
export type FunnelReport = z.infer<typeof funnelResult>;

const stepCells = (s: FunnelStep) => [
  String(s.reached),
  s.advanced === null ? '–' : String(s.advanced),
  s.censored === null ? '–' : String(s.censored),
  pct(s.conversion),
];

function render(r: FunnelReport): string {
  const stages = textTable(
    ['Stage', 'Reached', 'Advanced', 'Open', 'Conv.', 'Any: reached', 'Advanced', 'Open', 'Conv.'],
    r.stages.map((s) => [s.name, ...stepCells(s.strict), ...stepCells(s.anyOrder)]),
  );
  const money = textTable(
    ['Currency', 'Won', 'Lost', 'Open', 'Win rate by value'],
    r.byCurrency.map((c) => [c.currency, c.wonAmount, c.lostAmount, c.openAmount, pct(c.winRateByValue)]),
  );
  const cohorts = textTable(
    ['Created', 'Deals', 'Open', 'Won', 'Lost', 'Win rate', 'By value'],
    r.cohorts.map((c) => [
      c.month,
      String(c.deals),
      String(c.open),
      String(c.won),
      String(c.lost),
      pct(c.winRate),
      c.byCurrency.map((m) => `${m.currency} ${pct(m.winRateByValue)}`).join(', '),
    ]),
  );
  return [
    heading('Funnel', r),
    `${r.deals} deals: ${r.open} open, ${r.won} won, ${r.lost} lost; win rate ${pct(r.winRate)} by count`,
    ...(r.unknownPathDeals > 0
      ? [`${r.unknownPathDeals} deals imported without their stage history count in the outcomes, not in the stages.`]
      : []),
    '',
    'Strict (in order) | reached at any point; Open = censored (still open, not a loss)',
    stages,
    '',
    money,
    '',
    cohorts,
  ].join('\n');
}

/** 1. Funnel: see computeFunnel and docs/analytics.md. The date range selects deals by creation. */
export const funnelAnalysis: AnalysisDefinition<FunnelParams, FunnelReport> = {
  name: 'funnel',
  summary:
    'Funnel: deals reaching each stage and converting to the next (strict and any-order), win rate by count and value, per creation-month cohort',
  params: funnelParams,
  result: funnelResult,
  async run(deps, actor, filters) {
    const pipeline = await resolvePipeline(deps.db, actor.orgId, filters.pipelineId);
    const groups = await funnelGroups(deps.db, actor, filters, pipeline);
    return { ...analysisContext(pipeline, filters), ...computeFunnel(pipeline, groups) };
  },
  render,
};
