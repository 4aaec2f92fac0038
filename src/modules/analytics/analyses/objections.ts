import { z } from 'zod';
import { objectionAnalytics } from '../../../analytics/objection-analytics.ts';
import type { AnalysisDefinition } from '../analysis.ts';
import { resolvePipeline } from '../analytics.repository.ts';
import { objectionFacts } from '../calls.repository.ts';
import { pct, textTable } from '../render.ts';

const interval = z.object({ low: z.number(), high: z.number() }).nullable();
const result = z.object({
  from: z.string().nullable(),
  to: z.string().nullable(),
  total: z.number().int(),
  frequency: z.array(
    z.object({
      category: z.string(),
      stageId: z.string().nullable(),
      stageName: z.string().nullable(),
      productId: z.string().nullable(),
      productName: z.string().nullable(),
      raised: z.number().int(),
    }),
  ),
  byCategory: z.array(
    z.object({
      category: z.string(),
      raised: z.number().int(),
      resolved: z.number().int(),
      rate: z.number().nullable(),
      interval,
    }),
  ),
  responses: z.array(
    z.object({
      category: z.string(),
      response: z.string().nullable(),
      used: z.number().int(),
      progressed: z.number().int(),
      rate: z.number().nullable(),
      interval,
    }),
  ),
});
export type ObjectionReport = z.infer<typeof result>;

const ci = (i: { low: number; high: number } | null) => (i === null ? '–' : `${pct(i.low)}–${pct(i.high)}`);

export const objectionAnalysis: AnalysisDefinition<Record<string, never>, ObjectionReport> = {
  name: 'objections',
  summary:
    'Objections raised: frequency by category × stage × product, resolution rate per category and progress after each recommended response, with 95 % Wilson intervals',
  params: z.object({}),
  result,
  run: async (deps, actor, filters) => {
    const { timezone } = await resolvePipeline(deps.db, actor.orgId, filters.pipelineId);
    const rows = await objectionFacts(deps.db, actor, filters, timezone);
    const stages = new Map(rows.map((r) => [r.stage_id, r.stage_name]));
    const products = new Map(rows.flatMap((r) => r.products.map((p): [string, string] => [p.id, p.name])));
    const a = objectionAnalytics(
      rows.map((r) => ({
        category: r.category,
        stageId: r.stage_id,
        productIds: r.products.map((p) => p.id),
        resolved: r.outcome === 'resolved',
        responseUsed: r.response_used,
        progressed: r.progressed,
      })),
    );
    return {
      from: filters.from ?? null,
      to: filters.to ?? null,
      ...a,
      frequency: a.frequency.map((c) => ({
        ...c,
        stageName: stages.get(c.stageId) ?? null,
        productName: c.productId === null ? null : (products.get(c.productId) ?? null),
      })),
    };
  },
  render: (r) =>
    [
      `Objections raised: ${r.total}`,
      textTable(
        ['Category', 'Stage', 'Product', 'Raised'],
        r.frequency.map((c) => [c.category, c.stageName ?? '(no deal)', c.productName ?? '(none)', String(c.raised)]),
      ),
      '',
      'Resolution rate per category (95 % Wilson interval)',
      textTable(
        ['Category', 'Raised', 'Resolved', 'Rate', 'Interval'],
        r.byCategory.map((c) => [c.category, String(c.raised), String(c.resolved), pct(c.rate), ci(c.interval)]),
      ),
      '',
      'Progress after each response (meeting booked or stage advanced afterwards)',
      textTable(
        ['Category', 'Response', 'Used', 'Progressed', 'Rate', 'Interval'],
        r.responses.map((x) => [
          x.category,
          x.response ?? '(none recorded)',
          String(x.used),
          String(x.progressed),
          pct(x.rate),
          ci(x.interval),
        ]),
      ),
    ].join('\n'),
};
