import { z } from 'zod';
import { designedJourney, journeyConformance } from '../../../analytics/journey-conformance.ts';
import type { Actor } from '../../../contract/access.ts';
import type { AnalyticsFilters } from '../../../contract/analytics.ts';
import type { Deps } from '../../context.ts';
import type { PipelineModel } from '../../../analytics/model.ts';
import { heldMeetingSetting, journeyCases } from '../journey-conformance.repository.ts';
import { journeyLeadConditions, journeySalesConditions } from '../journey-map.repository.ts';
import { heading, num, textTable } from '../render.ts';
import { analysisContext, analysisContextSchema } from './common.ts';

const totalsShape = {
  journeys: z.number().int(),
  deviatingJourneys: z.number().int(),
  skips: z.number().int(),
  outOfOrder: z.number().int(),
  repeats: z.number().int(),
  meanFitness: z.number().nullable(),
};
const groupTotals = z.array(z.object({ id: z.string().nullable(), name: z.string().nullable(), ...totalsShape }));
const deviation = {
  kind: z.enum(['skipped', 'out_of_order', 'repeated']),
  step: z.string(),
  /** Out of order: the step (or outcome) taken before it that comes later in the design. */
  after: z.string().nullable(),
};

/** The answer of `conformance?scope=journey`. */
export const journeyConformanceResult = z.object({
  ...analysisContextSchema,
  scope: z.literal('journey'),
  /** The designed journey: the steps in order, then any one outcome. */
  design: z.object({
    steps: z.array(z.object({ id: z.string(), label: z.string(), side: z.enum(['marketing', 'sales']) })),
    outcomes: z.array(z.object({ id: z.string(), label: z.string(), kind: z.enum(['won', 'lost']) })),
  }),
  overall: z.object(totalsShape),
  byOwner: groupTotals,
  byTeam: groupTotals,
  deviations: z.array(z.object({ ...deviation, journeys: z.number().int(), occurrences: z.number().int() })),
  journeys: z.array(
    z.object({
      leadId: z.string(),
      name: z.string(),
      dealId: z.string().nullable(),
      dealName: z.string().nullable(),
      ownerId: z.string().nullable(),
      teamId: z.string().nullable(),
      trace: z.array(z.string()),
      modelPath: z.array(z.string()),
      deviations: z.array(z.object(deviation)),
      skips: z.number().int(),
      outOfOrder: z.number().int(),
      repeats: z.number().int(),
      cost: z.number().int(),
      fitness: z.number(),
    }),
  ),
});
export type JourneyConformanceReport = z.infer<typeof journeyConformanceResult>;

/**
 * Conformance of the joint marketing and sales journeys to the designed journey of the pipeline
 * (`designedJourney`): the journeys of the joint process map (leads created in the date range, the
 * lead's owner in the actor's read scope of leads and in the owner and team filters).
 */
export async function runJourneyConformance(
  deps: Deps,
  actor: Actor,
  filters: AnalyticsFilters,
  pipeline: PipelineModel,
  journeyLimit: number,
): Promise<JourneyConformanceReport> {
  const [held, cases] = await Promise.all([
    heldMeetingSetting(deps.db, actor.orgId, pipeline.id),
    journeyCases(deps.db, {
      orgId: actor.orgId,
      pipelineId: pipeline.id,
      leadWhere: journeyLeadConditions(actor, filters, pipeline.timezone),
      ...journeySalesConditions(actor),
    }),
  ]);
  const design = designedJourney(pipeline.stages, held);
  return {
    ...analysisContext(pipeline, filters),
    scope: 'journey',
    design,
    ...journeyConformance(design, cases, { journeyLimit }),
  };
}

const kindText = { skipped: 'skipped', out_of_order: 'out of order', repeated: 'repeated' } as const;

/** The plain-text tables of `pipewright report conformance --param scope=journey`. */
export function renderJourneyConformance(r: JourneyConformanceReport): string {
  const label = new Map([...r.design.steps, ...r.design.outcomes].map((s) => [s.id, s.label]));
  const name = (id: string) => label.get(id) ?? id;
  const o = r.overall;
  const groups = (title: string, rows: JourneyConformanceReport['byOwner']) =>
    textTable(
      [title, 'Journeys', 'Deviating', 'Skips', 'Out of order', 'Repeats', 'Fitness'],
      rows.map((g) => [
        g.name ?? '(none)',
        String(g.journeys),
        String(g.deviatingJourneys),
        String(g.skips),
        String(g.outOfOrder),
        String(g.repeats),
        num(g.meanFitness, 3),
      ]),
    );
  return [
    heading('Conformance of the marketing and sales journey', r),
    `Designed: ${r.design.steps.map((s) => s.label).join(' → ')} → ${r.design.outcomes.map((s) => s.label).join(' | ')}`,
    `${o.journeys} journeys, ${o.deviatingJourneys} deviating: ${o.skips} skipped steps, ${o.outOfOrder} out of order, ${o.repeats} repeats; mean fitness ${num(o.meanFitness, 3)}`,
    '',
    textTable(
      ['Deviation', 'Step', 'After', 'Journeys', 'Times'],
      r.deviations.map((d) => [
        kindText[d.kind],
        name(d.step),
        d.after === null ? '' : name(d.after),
        String(d.journeys),
        String(d.occurrences),
      ]),
    ),
    '',
    groups('Owner', r.byOwner),
    '',
    groups('Team', r.byTeam),
    '',
    textTable(
      ['Lead', 'Deal', 'Path taken', 'Skips', 'Out of order', 'Repeats', 'Fitness'],
      r.journeys.map((j) => [
        j.name,
        j.dealName ?? '',
        j.trace.map(name).join(' → '),
        String(j.skips),
        String(j.outOfOrder),
        String(j.repeats),
        num(j.fitness, 3),
      ]),
    ),
  ].join('\n');
}
