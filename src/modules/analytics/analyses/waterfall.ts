import { z } from 'zod';
import { waterfall, waterfallReasons } from '../../../analytics/waterfall.ts';
import { dateOnlySchema } from '../../../contract/common.ts';
import { invalid, type FieldProblem } from '../../../contract/errors.ts';
import type { AnalysisDefinition } from '../analysis.ts';
import { dealConditions, resolvePipeline } from '../analytics.repository.ts';
import { heading, textTable } from '../render.ts';
import { waterfallStates } from '../waterfall.repository.ts';
import { analysisContext, analysisContextSchema } from './common.ts';

const waterfallParams = z.object({
  /** Forecast window on the expected close date (inclusive); unbounded where absent. */
  closeFrom: dateOnlySchema.optional(),
  closeTo: dateOnlySchema.optional(),
  /** Deals listed behind each bar. */
  dealLimit: z.coerce.number().int().min(1).max(1000).default(100),
});
export type WaterfallParams = z.infer<typeof waterfallParams>;

const amountCount = z.object({ amount: z.string(), count: z.number().int() });
const waterfallResult = z.object({
  ...analysisContextSchema,
  closeFrom: z.string().nullable(),
  closeTo: z.string().nullable(),
  /** One waterfall per currency, the organization's base currency first. */
  currencies: z.array(
    z.object({
      currency: z.string(),
      start: amountCount,
      bars: z.array(
        z.object({
          reason: z.enum(waterfallReasons as [string, ...string[]]),
          label: z.string(),
          amount: z.string(),
          count: z.number().int(),
          deals: z.array(
            z.object({
              dealId: z.string(),
              name: z.string(),
              startAmount: z.string().nullable(),
              endAmount: z.string().nullable(),
              change: z.string(),
            }),
          ),
          truncated: z.boolean(),
        }),
      ),
      end: amountCount,
      unchanged: amountCount,
    }),
  ),
});
export type WaterfallReport = z.infer<typeof waterfallResult>;

function render(r: WaterfallReport): string {
  const window = r.closeFrom || r.closeTo ? `; closing ${r.closeFrom ?? '…'} to ${r.closeTo ?? '…'}` : '';
  const parts = [heading('Waterfall', r) + window];
  if (r.currencies.length === 0) parts.push('', 'No deal was in the pipeline at either instant.');
  for (const c of r.currencies) {
    const rows = [
      ['Start', c.start.amount, String(c.start.count)],
      ...c.bars.map((b) => [b.label, b.amount, String(b.count)]),
      ['End', c.end.amount, String(c.end.count)],
    ];
    parts.push('', `${c.currency}`, textTable(['Bar', 'Amount', 'Deals'], rows));
  }
  return parts.join('\n');
}

/** 5. Waterfall: see `waterfall` and docs/analytics.md. `from` and `to` give the two instants. */
export const waterfallAnalysis: AnalysisDefinition<WaterfallParams, WaterfallReport> = {
  name: 'waterfall',
  summary:
    'Waterfall: how the open pipeline changed between two dates (created, pulled in, amount up, won, lost, pushed out, amount down), with the deals behind each bar',
  params: waterfallParams,
  result: waterfallResult,
  async run(deps, actor, filters, params) {
    const problems: FieldProblem[] = [];
    if (!filters.from) problems.push({ field: 'from', message: 'is required: the waterfall starts at this date' });
    if (!filters.to) problems.push({ field: 'to', message: 'is required: the waterfall ends after this date' });
    if (params.closeFrom && params.closeTo && params.closeFrom > params.closeTo)
      problems.push({ field: 'closeTo', message: 'must not be before closeFrom' });
    if (problems.length > 0 || !filters.from || !filters.to) throw invalid(problems);
    const pipeline = await resolvePipeline(deps.db, actor.orgId, filters.pipelineId);
    const states = await waterfallStates(deps.db, {
      orgId: actor.orgId,
      pipelineId: pipeline.id,
      dealWhere: dealConditions(actor, filters),
      from: filters.from,
      to: filters.to,
      timezone: pipeline.timezone,
      closeFrom: params.closeFrom,
      closeTo: params.closeTo,
    });
    return {
      ...analysisContext(pipeline, filters),
      closeFrom: params.closeFrom ?? null,
      closeTo: params.closeTo ?? null,
      currencies: waterfall(states, { dealLimit: params.dealLimit, firstCurrency: pipeline.baseCurrency }),
    };
  },
  render,
};
