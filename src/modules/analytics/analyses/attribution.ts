import { z } from 'zod';
import { attributionModels, roi } from '../../../analytics/attribution.ts';
import { businessDateSchema } from '../../../contract/common.ts';
import type { AnalysisDefinition } from '../analysis.ts';
import { textTable } from '../render.ts';
import { attribution, campaignFunnel } from './attribution-journeys.ts';

const modelRecord = <T extends z.ZodType>(value: T) =>
  z.object(
    Object.fromEntries(attributionModels.map((m) => [m, value])) as Record<(typeof attributionModels)[number], T>,
  );

const attributionParams = z.object({
  /** Credit as it stood at the end of this day (organization time zone); default today. */
  asOf: businessDateSchema.optional(),
  /** Half-life of the time-decay model in days. */
  halfLifeDays: z.coerce.number().min(0.1).max(365).default(7),
  /** Bootstrap resamples of the Markov model's interval. */
  resamples: z.coerce.number().int().min(10).max(2000).default(200),
});
export type AttributionParams = z.infer<typeof attributionParams>;

const money = z.string();
const markovInterval = z.object({ removalEffect: z.number(), low: money, high: money });
const attributionResult = z.object({
  asOf: z.string(),
  currency: z.string(),
  halfLifeDays: z.number(),
  models: z.array(z.enum(attributionModels)),
  pipeline: z.object({ deals: z.number().int(), amount: money }),
  won: z.object({ deals: z.number().int(), amount: money }),
  /** People touched by campaigns who are on no deal (paths that did not convert, for the Markov model). */
  journeysWithoutDeal: z.number().int(),
  /** Deals in another currency than the base currency: left out, not converted. */
  otherCurrencyDeals: z.number().int(),
  campaigns: z.array(
    z.object({
      campaignId: z.string(),
      name: z.string(),
      type: z.string(),
      cost: money,
      /** Credit of pipeline created (deal amounts at creation) per model. */
      pipeline: modelRecord(money),
      /** Credit of won revenue per model. */
      won: modelRecord(money),
      /** Won revenue credit ÷ cost per model; null without cost. */
      roi: modelRecord(z.number().nullable()),
      markov: z.object({ pipeline: markovInterval, won: markovInterval }),
    }),
  ),
});
export type AttributionReport = z.infer<typeof attributionResult>;

const fixed = (n: number) => n.toFixed(2);

function renderAttribution(r: AttributionReport): string {
  const head = `Attribution as of ${r.asOf} (${r.currency}): pipeline ${r.pipeline.amount} in ${r.pipeline.deals} deals, won ${r.won.amount} in ${r.won.deals} deals`;
  const rows = r.campaigns.map((c) => [
    c.name,
    c.cost,
    ...attributionModels.map((m) => c.won[m]),
    c.roi.linear === null ? '–' : c.roi.linear.toFixed(2),
  ]);
  return [
    head,
    '',
    'Won revenue by model',
    textTable(['Campaign', 'Cost', ...attributionModels, 'ROI (linear)'], rows),
  ].join('\n');
}

/** Attribution of pipeline and won revenue to campaigns, every model side by side, with ROI. */
export const attributionAnalysis: AnalysisDefinition<AttributionParams, AttributionReport> = {
  name: 'attribution',
  summary:
    'Attribution: pipeline created and won revenue credited to campaigns by first touch, last touch, linear, U, W, full path, time decay, Markov removal effect (bootstrap interval) and Shapley; ROI per campaign; as of a day',
  params: attributionParams,
  result: attributionResult,
  async run(deps, actor, filters, params) {
    const r = await attribution(deps, actor, filters, {
      asOf: params.asOf,
      halfLifeDays: params.halfLifeDays,
      resamples: params.resamples,
    });
    const record = (m: Record<string, number>) =>
      Object.fromEntries(attributionModels.map((k) => [k, fixed(m[k] ?? 0)])) as Record<
        (typeof attributionModels)[number],
        string
      >;
    const interval = (x: { removalEffect: number; low: number; high: number }) => ({
      removalEffect: x.removalEffect,
      low: fixed(x.low),
      high: fixed(x.high),
    });
    return {
      asOf: r.asOf,
      currency: r.currency,
      halfLifeDays: r.halfLifeDays,
      models: [...attributionModels],
      pipeline: { deals: r.pipeline.deals, amount: fixed(r.pipeline.amount) },
      won: { deals: r.won.deals, amount: fixed(r.won.amount) },
      journeysWithoutDeal: r.journeysWithoutDeal,
      otherCurrencyDeals: r.otherCurrencyDeals,
      campaigns: r.campaigns.map((c) => ({
        campaignId: c.campaignId,
        name: c.name,
        type: c.type,
        cost: fixed(c.cost),
        pipeline: record(c.pipeline),
        won: record(c.won),
        roi: Object.fromEntries(attributionModels.map((m) => [m, roi(c.won[m], c.cost)])) as Record<
          (typeof attributionModels)[number],
          number | null
        >,
        markov: { pipeline: interval(c.markov.pipeline), won: interval(c.markov.won) },
      })),
    };
  },
  render: renderAttribution,
};

const funnelParams = z.object({ asOf: businessDateSchema.optional() });
export type CampaignFunnelParams = z.infer<typeof funnelParams>;
const count = z.number().int();
const funnelResult = z.object({
  asOf: z.string(),
  campaigns: z.array(
    z.object({
      campaignId: z.string(),
      name: z.string(),
      steps: z.object({
        touches: count,
        people: count,
        leads: count,
        mql: count,
        sql: count,
        opportunities: count,
        won: count,
      }),
    }),
  ),
});
export type CampaignFunnelReport = z.infer<typeof funnelResult>;

/** The campaign funnel: touches → people → leads → MQL → SQL → opportunities → won, per campaign. */
export const campaignFunnelAnalysis: AnalysisDefinition<CampaignFunnelParams, CampaignFunnelReport> = {
  name: 'campaign-funnel',
  summary:
    'Campaign funnel: per campaign, its touches and the people touched, and how many became leads, MQLs, SQLs, opportunities and won customers; as of a day',
  params: funnelParams,
  result: funnelResult,
  run: (deps, actor, filters, params) => campaignFunnel(deps, actor, filters, params.asOf),
  render: (r) =>
    [
      `Campaign funnel as of ${r.asOf}`,
      '',
      textTable(
        ['Campaign', 'Touches', 'People', 'Leads', 'MQL', 'SQL', 'Opportunities', 'Won'],
        r.campaigns.map((c) => [
          c.name,
          ...[
            c.steps.touches,
            c.steps.people,
            c.steps.leads,
            c.steps.mql,
            c.steps.sql,
            c.steps.opportunities,
            c.steps.won,
          ].map(String),
        ]),
      ),
    ].join('\n'),
};
