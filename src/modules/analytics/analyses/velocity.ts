import { z } from 'zod';
import {
  computeVelocity,
  velocityFactorNames,
  velocityWindows,
  type VelocityFactors,
} from '../../../analytics/velocity.ts';
import { currencySchema, dateOnlySchema, nonNegativeMoneySchema } from '../../../contract/common.ts';
import { invalid } from '../../../contract/errors.ts';
import type { AnalysisDefinition } from '../analysis.ts';
import { resolvePipeline } from '../analytics.repository.ts';
import { num, pct, textTable } from '../render.ts';
import { velocityInputs } from '../velocity.repository.ts';
import { analysisContextSchema, chooseWindowEnd, windowChoiceShape, windowNote } from './common.ts';

const params = z.object({
  /** The comparison window (default: the window of the same length just before from..to). */
  compareFrom: dateOnlySchema.optional(),
  compareTo: dateOnlySchema.optional(),
  /** Revenue target for pipeline coverage, in targetCurrency (default: the base currency). */
  target: nonNegativeMoneySchema.optional(),
  targetCurrency: currencySchema.optional(),
});
export type VelocityParams = z.infer<typeof params>;

const factorsSchema = z.object({
  openDeals: z.number().int(),
  openAmount: z.string(),
  won: z.number().int(),
  lost: z.number().int(),
  winRate: z.number().nullable(),
  avgWonAmount: z.string().nullable(),
  avgCycleDays: z.number().nullable(),
  velocity: z.string().nullable(),
});
/** The default window's length (velocityWindows: the 90 days up to today). */
const DEFAULT_WINDOW_DAYS = 90;
const window = z.object({ from: z.string(), to: z.string() });
const result = z.object({
  ...analysisContextSchema,
  ...windowChoiceShape,
  comparison: window,
  byCurrency: z.array(
    z.object({
      currency: z.string(),
      current: factorsSchema,
      comparison: factorsSchema,
      change: z.number().nullable(),
      factors: z.array(
        z.object({
          factor: z.enum(velocityFactorNames),
          logRatio: z.number().nullable(),
          share: z.number().nullable(),
          contribution: z.number().nullable(),
        }),
      ),
    }),
  ),
  coverage: z
    .object({ target: z.string(), currency: z.string(), openAmount: z.string(), ratio: z.number().nullable() })
    .nullable(),
});
export type VelocityReport = z.infer<typeof result>;

const cells = (f: VelocityFactors) => [
  String(f.openDeals),
  f.avgWonAmount ?? '–',
  pct(f.winRate),
  num(f.avgCycleDays),
  f.velocity ?? '–',
];

function render(r: VelocityReport): string {
  const lines = [
    `Velocity: pipeline "${r.pipeline.name}", ${r.from} to ${r.to} against ${r.comparison.from} to ${r.comparison.to}`,
  ];
  const note = windowNote(r);
  if (note) lines.push(note);
  for (const c of r.byCurrency) {
    lines.push(
      '',
      `${c.currency}: change ${num(c.change, 2)} per day`,
      textTable(
        ['Window', 'Open deals', 'Avg won', 'Win rate', 'Cycle days', 'Per day'],
        [
          ['current', ...cells(c.current)],
          ['comparison', ...cells(c.comparison)],
        ],
      ),
      textTable(
        ['Factor', 'Log ratio', 'Share', 'Contribution/day'],
        c.factors.map((f) => [f.factor, num(f.logRatio, 3), pct(f.share), num(f.contribution, 2)]),
      ),
    );
  }
  if (r.coverage)
    lines.push(
      '',
      `Coverage: open ${r.coverage.currency} ${r.coverage.openAmount} against target ${r.coverage.target} = ${num(r.coverage.ratio, 2)}×`,
    );
  return lines.join('\n');
}

/** 3. Velocity and coverage: see computeVelocity / decompose and docs/analytics.md. */
export const velocityAnalysis: AnalysisDefinition<VelocityParams, VelocityReport> = {
  name: 'velocity',
  summary:
    'Velocity (open deals × average won amount × win rate / cycle days) against a comparison window, with each factor’s contribution (LMDI), and pipeline coverage against a target',
  params,
  result,
  async run(deps, actor, filters, p) {
    const pipeline = await resolvePipeline(deps.db, actor.orgId, filters.pipelineId);
    const choice = await chooseWindowEnd(deps, actor.orgId, pipeline, filters, DEFAULT_WINDOW_DAYS);
    const w = velocityWindows(choice.today, filters, {
      from: p.compareFrom,
      to: p.compareTo,
    });
    if (w.comparison.from > w.comparison.to)
      throw invalid([{ field: 'compareTo', message: 'must not be before compareFrom' }]);
    const current = await velocityInputs(deps.db, actor, filters, pipeline, w.current);
    const comparison = await velocityInputs(deps.db, actor, filters, pipeline, w.comparison);
    const target =
      p.target === undefined ? null : { amount: p.target, currency: p.targetCurrency ?? pipeline.baseCurrency };
    return {
      pipeline: { id: pipeline.id, name: pipeline.name },
      ...w.current,
      windowBasis: choice.windowBasis,
      dataEnd: choice.dataEnd,
      comparison: w.comparison,
      ...computeVelocity(pipeline.baseCurrency, current, comparison, target),
    };
  },
  render,
};
