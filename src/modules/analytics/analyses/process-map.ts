import { z } from 'zod';
import { journeyNodes, processMap, processNodeKinds } from '../../../analytics/process-map.ts';
import { activityTypes } from '../../../contract/activities.ts';
import { campaignTypes, lifecycleStages, touchKinds } from '../../../contract/marketing.ts';
import type { AnalysisDefinition } from '../analysis.ts';
import { dealConditions, resolvePipeline } from '../analytics.repository.ts';
import { journeyLeadConditions, journeyMapCounts, journeySalesConditions } from '../journey-map.repository.ts';
import { processMapCounts } from '../process-map.repository.ts';
import { heading, num, pct, textTable } from '../render.ts';
import { analysisContext, analysisContextSchema } from './common.ts';

const processMapParams = z.object({
  /**
   * The cases: `deals` (the deals of the pipeline, by their stage visits) or `journey` (the joint
   * map of marketing and sales: each lead with its touches, lifecycle, hand-off, activities and,
   * once converted, its deal's stages).
   */
  scope: z.enum(['deals', 'journey']).default('deals'),
  /** Deals: also show the deals' activities (by type) between the stage entries. */
  activities: z.enum(['true', 'false']).default('false'),
  /** Journey: one touch node per touch kind and campaign type instead of per kind. */
  campaignTypes: z.enum(['true', 'false']).default('false'),
  /** Variants listed; the rest are summed as other variants. */
  variantLimit: z.coerce.number().int().min(0).max(500).default(20),
});
export type ProcessMapParams = z.infer<typeof processMapParams>;

const processMapResult = z.object({
  ...analysisContextSchema,
  scope: z.enum(['deals', 'journey']),
  /** Deals (scope deals) or journeys (scope journey) with at least one event in the map. */
  cases: z.number().int(),
  nodes: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      kind: z.enum(processNodeKinds),
      /** Marketing (the lead's creation, touches, lifecycle) or sales (everything else). */
      side: z.enum(['marketing', 'sales']),
      position: z.number().int().nullable(),
      events: z.number().int(),
      cases: z.number().int(),
      starts: z.number().int(),
      ends: z.number().int(),
      open: z.number().int(),
    }),
  ),
  edges: z.array(
    z.object({
      from: z.string(),
      to: z.string(),
      count: z.number().int(),
      cases: z.number().int(),
      p50Days: z.number(),
      p90Days: z.number(),
    }),
  ),
  variants: z.array(
    z.object({
      sequence: z.array(z.string()),
      labels: z.array(z.string()),
      count: z.number().int(),
      share: z.number(),
      won: z.number().int(),
      lost: z.number().int(),
      winRate: z.number().nullable(),
      medianCycleDays: z.number().nullable(),
    }),
  ),
  otherVariants: z.object({ variants: z.number().int(), count: z.number().int(), share: z.number() }),
});
export type ProcessMapReport = z.infer<typeof processMapResult>;

function render(r: ProcessMapReport): string {
  const label = new Map(r.nodes.map((n) => [n.key, n.label]));
  const name = (k: string) => label.get(k) ?? k;
  const cases = r.scope === 'journey' ? 'Journeys' : 'Deals';
  return [
    heading(r.scope === 'journey' ? 'Process map of marketing and sales' : 'Process map', r),
    `${r.cases} ${cases.toLowerCase()}`,
    '',
    textTable(
      ['Node', ...(r.scope === 'journey' ? ['Side'] : []), 'Events', cases, 'Start', 'End', 'Still open'],
      r.nodes.map((n) => [
        n.label,
        ...(r.scope === 'journey' ? [n.side] : []),
        String(n.events),
        String(n.cases),
        String(n.starts),
        String(n.ends),
        String(n.open),
      ]),
    ),
    '',
    textTable(
      // A journey's steps are often hours apart: its times in hours.
      [
        'From',
        'To',
        'Count',
        cases,
        ...(r.scope === 'journey' ? ['P50 hours', 'P90 hours'] : ['P50 days', 'P90 days']),
      ],
      r.edges.map((e) => [
        name(e.from),
        name(e.to),
        String(e.count),
        String(e.cases),
        ...(r.scope === 'journey' ? [num(e.p50Days * 24), num(e.p90Days * 24)] : [num(e.p50Days), num(e.p90Days)]),
      ]),
    ),
    '',
    textTable(
      ['Variant', cases, 'Share', 'Win rate', 'Median cycle days'],
      [
        ...r.variants.map((v) => [
          v.labels.join(' → '),
          String(v.count),
          pct(v.share),
          pct(v.winRate),
          num(v.medianCycleDays),
        ]),
        ...(r.otherVariants.variants > 0
          ? [
              [
                `(${r.otherVariants.variants} other variants)`,
                String(r.otherVariants.count),
                pct(r.otherVariants.share),
                '–',
                '–',
              ],
            ]
          : []),
      ],
    ),
  ].join('\n');
}

/**
 * 6. Process map: see `processMap` and docs/analytics.md. The date range selects deals by their
 * first visit to the pipeline; with scope journey, leads by their creation (the lead's owner in the
 * actor's read scope of leads and in the owner and team filters; the deal filters do not apply).
 */
export const processMapAnalysis: AnalysisDefinition<ProcessMapParams, ProcessMapReport> = {
  name: 'process-map',
  summary:
    'Process map: directly-follows graph of stages (and optionally activity types), or with scope=journey of leads from marketing touches and lifecycle through sales activities to the deal stages, with counts and P50/P90 times, start/end counts, and variants with share, win rate and median cycle time',
  params: processMapParams,
  result: processMapResult,
  async run(deps, actor, filters, params) {
    const pipeline = await resolvePipeline(deps.db, actor.orgId, filters.pipelineId);
    if (params.scope === 'journey') {
      const byCampaignType = params.campaignTypes === 'true';
      const { edges, nodes, variants } = await journeyMapCounts(deps.db, {
        orgId: actor.orgId,
        pipelineId: pipeline.id,
        leadWhere: journeyLeadConditions(actor, filters, pipeline.timezone),
        ...journeySalesConditions(actor),
        byCampaignType,
      });
      const info = journeyNodes({
        stages: pipeline.stages,
        touchKinds,
        campaignTypes: byCampaignType ? campaignTypes : undefined,
        lifecycleStages,
      });
      const map = processMap(
        { nodes: info, nodeCounts: nodes.counts, edges, starts: nodes.starts, ends: nodes.ends, variants },
        { variantLimit: params.variantLimit },
      );
      return { ...analysisContext(pipeline, filters), scope: 'journey', ...map };
    }
    const scope = {
      orgId: actor.orgId,
      pipelineId: pipeline.id,
      dealWhere: dealConditions(actor, filters),
      from: filters.from,
      to: filters.to,
      timezone: pipeline.timezone,
    };
    const withActivities = params.activities === 'true';
    const { edges, nodes, variants } = await processMapCounts(deps.db, scope, withActivities);
    const info = [
      ...pipeline.stages.map((s) => ({ key: s.id, label: s.name, kind: 'stage' as const, position: s.position })),
      ...(withActivities
        ? activityTypes.map((t) => ({ key: `activity:${t}`, label: t, kind: 'activity' as const, position: null }))
        : []),
    ];
    const map = processMap(
      { nodes: info, nodeCounts: nodes.counts, edges, starts: nodes.starts, ends: nodes.ends, variants },
      { variantLimit: params.variantLimit },
    );
    return { ...analysisContext(pipeline, filters), scope: 'deals', ...map };
  },
  render,
};
