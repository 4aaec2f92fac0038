import { z } from 'zod';
import { scriptExperiment } from '../../../analytics/script-experiment.ts';
import type { AnalysisDefinition } from '../analysis.ts';
import { resolvePipeline } from '../analytics.repository.ts';
import { scriptCalls } from '../calls.repository.ts';
import { num, pct, textTable } from '../render.ts';

const params = z.object({
  /** The absolute lift in set rate the experiment should be able to detect (0.05 = five points). */
  minimumDetectableEffect: z.coerce.number().gt(0).lt(1).default(0.05),
  /** The control arm as `scriptId@version`; default: the version with the most connected calls. */
  control: z
    .string()
    .regex(/^[0-9a-f-]{36}@\d+$/i, 'must be scriptId@version')
    .optional(),
});
export type ScriptExperimentParams = z.infer<typeof params>;

const result = z.object({
  from: z.string().nullable(),
  to: z.string().nullable(),
  test: z.literal('two-proportion z-test (pooled, two-sided)'),
  control: z.string().nullable(),
  minimumDetectableEffect: z.number(),
  alpha: z.number(),
  power: z.number(),
  requiredPerArm: z.number().int().nullable(),
  winner: z.string().nullable(),
  arms: z.array(
    z.object({
      arm: z.string(),
      scriptId: z.string(),
      scriptVersion: z.number().int(),
      name: z.string(),
      control: z.boolean(),
      calls: z.number().int(),
      conversions: z.number().int(),
      rate: z.number().nullable(),
      interval: z.object({ low: z.number(), high: z.number() }).nullable(),
      difference: z.number().nullable(),
      z: z.number().nullable(),
      pValue: z.number().nullable(),
      significant: z.boolean(),
      stillNeeded: z.number().int().nullable(),
    }),
  ),
});
export type ScriptExperimentReport = z.infer<typeof result>;

export const scriptExperimentAnalysis: AnalysisDefinition<ScriptExperimentParams, ScriptExperimentReport> = {
  name: 'script-experiment',
  summary:
    'Pitch-script versions compared as an experiment: meetings booked per connected call per version, a two-proportion z-test against the control, and the calls still needed for a minimum detectable effect at 80 % power and 5 % alpha',
  params,
  result,
  run: async (deps, actor, filters, p) => {
    const { timezone } = await resolvePipeline(deps.db, actor.orgId, filters.pipelineId);
    const rows = await scriptCalls(deps.db, actor, filters, timezone);
    const byArm = new Map(rows.map((r) => [`${r.script_id}@${r.script_version}`, r]));
    const calls = rows.flatMap((r) =>
      Array.from({ length: r.calls }, (_, i) => ({
        arm: `${r.script_id}@${r.script_version}`,
        converted: i < r.booked,
      })),
    );
    const e = scriptExperiment(calls, p.minimumDetectableEffect, p.control?.toLowerCase());
    return {
      from: filters.from ?? null,
      to: filters.to ?? null,
      test: 'two-proportion z-test (pooled, two-sided)',
      ...e,
      arms: e.arms.flatMap((a) => {
        const r = byArm.get(a.arm);
        if (!r) return [];
        return [
          {
            ...a,
            scriptId: r.script_id,
            scriptVersion: r.script_version,
            name: `${r.script_name} v${r.script_version}`,
          },
        ];
      }),
    };
  },
  render: (r) => {
    const name = (arm: string | null) => r.arms.find((a) => a.arm === arm)?.name ?? '(none)';
    return [
      `Pitch-script experiment: meetings booked per connected call; ${r.test} against ${name(r.control)}`,
      textTable(
        ['Version', 'Calls', 'Booked', 'Set rate', '95% interval', 'Difference', 'z', 'p', 'Still needed'],
        r.arms.map((a) => [
          `${a.name}${a.control ? ' (control)' : ''}`,
          String(a.calls),
          String(a.conversions),
          pct(a.rate),
          a.interval ? `${pct(a.interval.low)}–${pct(a.interval.high)}` : '–',
          a.difference === null ? '–' : `${(a.difference * 100).toFixed(1)} pts`,
          num(a.z, 2),
          num(a.pValue, 4),
          a.stillNeeded === null ? '–' : String(a.stillNeeded),
        ]),
      ),
      r.requiredPerArm === null
        ? 'No control rate yet: the sample size cannot be computed.'
        : `To detect +${(r.minimumDetectableEffect * 100).toFixed(1)} pts at 80% power and 5% alpha: ${r.requiredPerArm} connected calls per version.`,
      r.winner === null
        ? 'No version is significantly better than the control.'
        : `Better than the control: ${name(r.winner)}.`,
    ].join('\n');
  },
};
