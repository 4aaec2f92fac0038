import { z } from 'zod';
import { markovWhatIf, type PipelineOutlook } from '../../../analytics/markov-what-if.ts';
import {
  journeyDropProbability,
  journeyDropShares,
  journeyMarkovStages,
  journeyTransitions,
} from '../../../analytics/journey-markov.ts';
import { estimateMarkov, type MarkovModel, type MarkovStageResult } from '../../../analytics/markov.ts';
import { currencySchema, idSchema } from '../../../contract/common.ts';
import { invalid } from '../../../contract/errors.ts';
import { fromScaled, toScaled } from '../../../contract/money.ts';
import type { AnalysisDefinition } from '../analysis.ts';
import { resolvePipeline } from '../analytics.repository.ts';
import { journeyLeadConditions, journeySalesConditions } from '../journey-map.repository.ts';
import { journeyMilestones } from '../journey-markov.repository.ts';
import { openLoad, transitionCounts, unknownMoves } from '../markov.repository.ts';
import { heading, num, pct, textTable } from '../render.ts';
import { analysisContext, analysisContextSchema } from './common.ts';

const markovParams = z.object({
  /**
   * The chain: `deals` (the pipeline's open stages, won and lost) or `journey` (the milestones of
   * the joint marketing and sales journey, lead to won, lost or dropped; see journeyTransitions).
   */
  scope: z.enum(['deals', 'journey']).default('deals'),
  /** The open stage of the what-if; without it only the baseline is reported. */
  stageId: idSchema.optional(),
  conversionPoints: z.coerce.number().min(0).max(100).default(0),
  shortenDays: z.coerce.number().min(0).max(3650).default(0),
  /** Currency of the revenue figures; the organization's base currency by default. */
  currency: currencySchema.optional(),
});
export type MarkovParams = z.infer<typeof markovParams>;

const outlookSchema = z.object({
  openDeals: z.number().int(),
  estimatedDeals: z.number().int(),
  expectedWins: z.number(),
  winProbability: z.number().nullable(),
  expectedWonRevenue: z.string(),
  expectedDaysToClose: z.number().nullable(),
});

const stageResult = {
  winProbability: z.number().nullable(),
  lossProbability: z.number().nullable(),
  expectedDaysToClose: z.number().nullable(),
  expectedDaysToWin: z.number().nullable(),
};

const markovResult = z.object({
  ...analysisContextSchema,
  scope: z.enum(['deals', 'journey']),
  currency: z.string(),
  /** Moves left out of the estimate because nobody observed them: flat imports' jumps to the close. */
  unknownMoves: z.number().int(),
  stages: z.array(
    z.object({
      stageId: z.string(),
      name: z.string(),
      exits: z.number().int(),
      sojournDays: z.number(),
      toWon: z.number(),
      toLost: z.number(),
      next: z.array(z.object({ stageId: z.string(), probability: z.number() })),
      ...stageResult,
    }),
  ),
  openPipeline: outlookSchema,
  whatIf: z
    .object({
      stageId: z.string(),
      conversionPoints: z.number(),
      shortenDays: z.number(),
      stages: z.array(z.object({ stageId: z.string(), ...stageResult })),
      openPipeline: outlookSchema,
      delta: z.object({
        winProbability: z.number().nullable(),
        expectedWins: z.number(),
        expectedWonRevenue: z.string(),
        expectedDaysToClose: z.number().nullable(),
      }),
    })
    .nullable(),
  /** The estimated chain and the open pipeline per stage, so a client can recompute what-ifs itself (markovWhatIf). */
  model: z.object({
    stages: z.array(z.object({ id: z.string(), name: z.string(), kind: z.enum(['open', 'won', 'lost']) })),
    exits: z.array(z.number()),
    q: z.array(z.array(z.number())),
    won: z.array(z.number()),
    lost: z.array(z.number()),
    sojournDays: z.array(z.number()),
  }),
  openLoad: z.array(z.object({ stageId: z.string(), deals: z.number().int(), amountCents: z.number() })),
  /**
   * Scope journey: the journeys counted, and per transient state (as in `stages`) the share of its
   * exits into dropped and P(dropped | state); `toLost` and `lossProbability` there cover lost and
   * dropped together. Null with scope deals.
   */
  journey: z
    .object({
      journeys: z.number().int(),
      states: z.array(
        z.object({
          stageId: z.string(),
          openJourneys: z.number().int(),
          toDropped: z.number(),
          dropProbability: z.number().nullable(),
        }),
      ),
    })
    .nullable(),
});
export type MarkovReport = z.infer<typeof markovResult>;

const money = (cents: number): string => fromScaled(BigInt(Math.round(cents)), 2);
const diff = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : b - a);

function outlook(o: PipelineOutlook): z.infer<typeof outlookSchema> {
  const { expectedWonCents, ...rest } = o;
  return { ...rest, expectedWonRevenue: money(expectedWonCents) };
}

const results = (r: MarkovStageResult | undefined) => ({
  winProbability: r?.winProbability ?? null,
  lossProbability: r?.lossProbability ?? null,
  expectedDaysToClose: r?.expectedDaysToClose ?? null,
  expectedDaysToWin: r?.expectedDaysToWin ?? null,
});

function stageRows(model: MarkovModel, solved: readonly MarkovStageResult[]): MarkovReport['stages'] {
  return model.stages.map((s, i) => ({
    stageId: s.id,
    name: s.name,
    exits: model.exits[i] ?? 0,
    sojournDays: model.sojournDays[i] ?? 0,
    toWon: model.won[i] ?? 0,
    toLost: model.lost[i] ?? 0,
    next: model.stages.flatMap((t, j) =>
      (model.q[i]?.[j] ?? 0) > 0 ? [{ stageId: t.id, probability: model.q[i]?.[j] ?? 0 }] : [],
    ),
    ...results(solved[i]),
  }));
}

function renderJourney(r: MarkovReport, j: NonNullable<MarkovReport['journey']>): string {
  const state = new Map(j.states.map((s) => [s.stageId, s]));
  const table = textTable(
    ['State', 'Exits', 'Stay d', '→ Won', '→ Lost', '→ Dropped', 'P(win)', 'P(dropped)', 'Days to close', 'Open'],
    r.stages.map((s) => [
      s.name,
      String(s.exits),
      num(s.sojournDays),
      pct(s.toWon),
      pct(s.toLost - (state.get(s.stageId)?.toDropped ?? 0)),
      pct(state.get(s.stageId)?.toDropped ?? 0),
      pct(s.winProbability),
      pct(state.get(s.stageId)?.dropProbability ?? null),
      num(s.expectedDaysToClose),
      String(state.get(s.stageId)?.openJourneys ?? 0),
    ]),
  );
  const p = r.openPipeline;
  return [
    heading('Absorbing Markov chain of the marketing and sales journey', r),
    `${j.journeys} journeys`,
    table,
    '',
    `Open journeys: ${p.openDeals} (${p.estimatedDeals} estimated), expected wins ${num(p.expectedWins, 2)} (${pct(p.winProbability)}), ${num(p.expectedDaysToClose)} days to close`,
  ].join('\n');
}

function render(r: MarkovReport): string {
  if (r.journey) return renderJourney(r, r.journey);
  const name = new Map(r.stages.map((s) => [s.stageId, s.name]));
  const table = textTable(
    ['Stage', 'Exits', 'Stay d', '→ Won', '→ Lost', 'P(win)', 'Days to close', 'Days to win'],
    r.stages.map((s) => [
      s.name,
      String(s.exits),
      num(s.sojournDays),
      pct(s.toWon),
      pct(s.toLost),
      pct(s.winProbability),
      num(s.expectedDaysToClose),
      num(s.expectedDaysToWin),
    ]),
  );
  const p = r.openPipeline;
  const lines = [
    heading('Absorbing Markov chain', r),
    ...(r.unknownMoves > 0
      ? [`${r.unknownMoves} moves of deals imported without their stage history are left out of the estimate.`]
      : []),
    table,
    '',
    `Open pipeline: ${p.openDeals} deals (${p.estimatedDeals} estimated), expected wins ${num(p.expectedWins, 2)} (${pct(p.winProbability)}), expected won revenue ${r.currency} ${p.expectedWonRevenue}, ${num(p.expectedDaysToClose)} days to close`,
  ];
  if (r.whatIf) {
    const w = r.whatIf;
    lines.push(
      `What-if "${name.get(w.stageId) ?? w.stageId}" +${w.conversionPoints} points, −${w.shortenDays} days: win ${pct(w.openPipeline.winProbability)} (Δ ${pct(w.delta.winProbability)}), revenue ${r.currency} ${w.openPipeline.expectedWonRevenue} (Δ ${w.delta.expectedWonRevenue}), ${num(w.openPipeline.expectedDaysToClose)} days to close (Δ ${num(w.delta.expectedDaysToClose)})`,
    );
  }
  return lines.join('\n');
}

/**
 * 9. Absorbing Markov chain and what-if: see estimateMarkov, solveMarkov, markovWhatIf and
 * docs/analytics.md. The date range selects the moves counted (by the time of the move); the open
 * pipeline is the deals open now.
 */
export const markovAnalysis: AnalysisDefinition<MarkovParams, MarkovReport> = {
  name: 'markov',
  summary:
    'Absorbing Markov chain of stage moves: win probability and expected days to close from every stage; what-if on one stage (conversion points, days shorter) for the open pipeline; with scope=journey the chain of the joint marketing and sales journey (lead, MQL, SQL, meeting booked, meeting held, opportunity to won, lost or dropped)',
  params: markovParams,
  result: markovResult,
  async run(deps, actor, filters, params) {
    const pipeline = await resolvePipeline(deps.db, actor.orgId, filters.pipelineId);
    if (params.scope === 'journey') {
      if (params.stageId) {
        throw invalid([{ field: 'stageId', message: 'the what-if applies to deal stages (scope deals)' }]);
      }
      const traces = await journeyMilestones(deps.db, {
        orgId: actor.orgId,
        pipelineId: pipeline.id,
        leadWhere: journeyLeadConditions(actor, filters, pipeline.timezone),
        ...journeySalesConditions(actor),
      });
      const counted = journeyTransitions(traces);
      const model = estimateMarkov({ stages: journeyMarkovStages, transitions: counted.transitions });
      // Journeys carry no amount: the open ones are counted for the outlook, their revenue is not estimated.
      const load = counted.open.map((o) => ({ stageId: o.state, deals: o.journeys, amountCents: 0 }));
      const solved = markovWhatIf(model, load, { stageId: '', conversionPoints: 0, shortenDays: 0 }).baseline;
      const drop = journeyDropProbability(model, solved.stages, counted.transitions);
      const toDropped = journeyDropShares(model, counted.transitions);
      return {
        ...analysisContext(pipeline, filters),
        scope: 'journey',
        currency: params.currency ?? pipeline.baseCurrency,
        unknownMoves: 0,
        stages: stageRows(model, solved.stages),
        openPipeline: outlook(solved.pipeline),
        whatIf: null,
        model: { ...model, stages: model.stages.map((s) => ({ id: s.id, name: s.name, kind: s.kind })) },
        openLoad: load,
        journey: {
          journeys: counted.journeys,
          states: model.stages.map((s, i) => ({
            stageId: s.id,
            openJourneys: counted.open.find((o) => o.state === s.id)?.journeys ?? 0,
            toDropped: toDropped[i] ?? 0,
            dropProbability: drop[i] ?? null,
          })),
        },
      };
    }
    if (params.stageId && !pipeline.stages.some((s) => s.id === params.stageId && s.kind === 'open')) {
      throw invalid([{ field: 'stageId', message: 'is not an open stage of the pipeline' }]);
    }
    const currency = params.currency ?? pipeline.baseCurrency;
    const [counts, load, unknown] = await Promise.all([
      transitionCounts(deps.db, actor, filters, pipeline),
      openLoad(deps.db, actor, filters, pipeline, currency),
      unknownMoves(deps.db, actor, filters, pipeline),
    ]);
    const model = estimateMarkov({ stages: pipeline.stages, transitions: counts });
    const cents = load.map((l) => ({ stageId: l.stageId, deals: l.deals, amountCents: Number(toScaled(l.amount, 2)) }));
    const w = markovWhatIf(model, cents, {
      stageId: params.stageId ?? '',
      conversionPoints: params.conversionPoints,
      shortenDays: params.shortenDays,
    });
    const base = w.baseline.pipeline;
    const scen = w.scenario.pipeline;
    return {
      ...analysisContext(pipeline, filters),
      scope: 'deals',
      currency,
      unknownMoves: unknown,
      stages: stageRows(model, w.baseline.stages),
      openPipeline: outlook(base),
      whatIf: params.stageId
        ? {
            stageId: params.stageId,
            conversionPoints: params.conversionPoints,
            shortenDays: params.shortenDays,
            stages: model.stages.map((s, i) => ({ stageId: s.id, ...results(w.scenario.stages[i]) })),
            openPipeline: outlook(scen),
            delta: {
              winProbability: diff(base.winProbability, scen.winProbability),
              expectedWins: scen.expectedWins - base.expectedWins,
              expectedWonRevenue: money(scen.expectedWonCents - base.expectedWonCents),
              expectedDaysToClose: diff(base.expectedDaysToClose, scen.expectedDaysToClose),
            },
          }
        : null,
      model: { ...model, stages: model.stages.map((s) => ({ id: s.id, name: s.name, kind: s.kind })) },
      openLoad: cents,
      journey: null,
    };
  },
  render,
};
