import { z } from 'zod';
import { conformance } from '../../../analytics/conformance.ts';
import type { AnalysisDefinition } from '../analysis.ts';
import { dealConditions, resolvePipeline } from '../analytics.repository.ts';
import { conformanceGroups } from '../conformance.repository.ts';
import { heading, num, textTable } from '../render.ts';
import { analysisContext, analysisContextSchema } from './common.ts';
import { journeyConformanceResult, renderJourneyConformance, runJourneyConformance } from './conformance-journey.ts';

const conformanceParams = z.object({
  /**
   * The cases: `deals` (the pipeline's deals against its stage order) or `journey` (each lead's
   * joint marketing and sales journey against the designed journey, see designedJourney).
   */
  scope: z.enum(['deals', 'journey']).default('deals'),
  /** Deviating deals (or journeys) listed (least fitting first). */
  dealLimit: z.coerce.number().int().min(1).max(1000).default(100),
});
export type ConformanceParams = z.infer<typeof conformanceParams>;

const totalsShape = {
  deals: z.number().int(),
  deviatingDeals: z.number().int(),
  skips: z.number().int(),
  backwardMoves: z.number().int(),
  repeats: z.number().int(),
  meanFitness: z.number().nullable(),
};
const groupTotals = z.array(z.object({ id: z.string().nullable(), name: z.string().nullable(), ...totalsShape }));
const dealConformanceResult = z.object({
  ...analysisContextSchema,
  scope: z.literal('deals'),
  overall: z.object(totalsShape),
  byOwner: groupTotals,
  byTeam: groupTotals,
  byPartner: groupTotals,
  deals: z.array(
    z.object({
      dealId: z.string(),
      name: z.string(),
      trace: z.array(z.string()),
      modelPath: z.array(z.string()),
      ownerId: z.string().nullable(),
      teamId: z.string().nullable(),
      partnerId: z.string().nullable(),
      skips: z.number().int(),
      backwardMoves: z.number().int(),
      repeats: z.number().int(),
      cost: z.number().int(),
      fitness: z.number(),
    }),
  ),
});
const conformanceResult = z.discriminatedUnion('scope', [dealConformanceResult, journeyConformanceResult]);
export type ConformanceReport = z.infer<typeof conformanceResult>;
export type DealConformanceReport = z.infer<typeof dealConformanceResult>;

function groupTable(title: string, rows: DealConformanceReport['byOwner']): string {
  return textTable(
    [title, 'Deals', 'Deviating', 'Skips', 'Backward', 'Repeats', 'Fitness'],
    rows.map((g) => [
      g.name ?? '(none)',
      String(g.deals),
      String(g.deviatingDeals),
      String(g.skips),
      String(g.backwardMoves),
      String(g.repeats),
      num(g.meanFitness, 3),
    ]),
  );
}

function render(r: ConformanceReport): string {
  if (r.scope === 'journey') return renderJourneyConformance(r);
  const o = r.overall;
  return [
    heading('Conformance', r),
    `${o.deals} deals, ${o.deviatingDeals} deviating: ${o.skips} skipped stages, ${o.backwardMoves} backward moves, ${o.repeats} repeats; mean fitness ${num(o.meanFitness, 3)}`,
    '',
    groupTable('Owner', r.byOwner),
    '',
    groupTable('Team', r.byTeam),
    '',
    groupTable('Partner', r.byPartner),
    '',
    textTable(
      ['Deal', 'Skips', 'Backward', 'Repeats', 'Cost', 'Fitness'],
      r.deals.map((d) => [
        d.name,
        String(d.skips),
        String(d.backwardMoves),
        String(d.repeats),
        String(d.cost),
        num(d.fitness, 3),
      ]),
    ),
  ].join('\n');
}

/**
 * 7. Conformance: see `conformance` and docs/analytics.md. The date range selects deals by their
 * first visit to the pipeline; with scope journey, leads by their creation (see runJourneyConformance).
 */
export const conformanceAnalysis: AnalysisDefinition<ConformanceParams, ConformanceReport> = {
  name: 'conformance',
  summary:
    "Conformance: skips, backward moves and repeats against the designed stage order, alignment fitness, totals per owner, team and partner with the deviating deals; with scope=journey each lead's marketing and sales journey against the designed journey (lead, MQL, SQL accepted, meetings as the pipeline places them, opportunity, stages, outcome) with skipped and out-of-order steps, counts per deviation and the deviating journeys",
  params: conformanceParams,
  result: conformanceResult,
  async run(deps, actor, filters, params) {
    const pipeline = await resolvePipeline(deps.db, actor.orgId, filters.pipelineId);
    if (params.scope === 'journey') return runJourneyConformance(deps, actor, filters, pipeline, params.dealLimit);
    const scope = {
      orgId: actor.orgId,
      pipelineId: pipeline.id,
      dealWhere: dealConditions(actor, filters),
      from: filters.from,
      to: filters.to,
      timezone: pipeline.timezone,
    };
    const groups = await conformanceGroups(deps.db, scope, params.dealLimit);
    return {
      ...analysisContext(pipeline, filters),
      scope: 'deals' as const,
      ...conformance(pipeline.stages, groups, { dealLimit: params.dealLimit }),
    };
  },
  render,
};
