import { commissionParamsSchema, defaultCommissionParams } from './synthetic-accelerator.ts';
import { z } from 'zod';
import { campaignTypeSchema, touchKindSchema } from '../../contract/marketing.ts';
import {
  anomalyRatesSchema,
  defaultAnomalyRates,
  defaultNormalDiscounts,
  normalDiscountsSchema,
} from './synthetic-anomalies.ts';
import {
  agentParamsSchema,
  channelParamsSchema,
  defaultAgentParams,
  defaultChannelParams,
} from './synthetic-channel-params.ts';
import { bookingParamsSchema, bookingProblems, defaultBookingParams } from './synthetic-booking.ts';

/**
 * The generating parameters of a synthetic organization: the "truth" that analytics run on the
 * generated data should recover (stage transition probabilities, stage-time distributions, call
 * success, lead conversion, win rate). Written next to the data with `--params-out`, read with
 * `--params`.
 */

const probability = z.number().min(0).max(1);
const weights = z.record(z.string(), z.number().min(0));

const stageSchema = z.strictObject({
  name: z.string().min(1),
  kind: z.enum(['open', 'won', 'lost']),
  /** Win probability shown on the stage (the pipeline's own setting, not a generating parameter). */
  probability: z.number().int().min(0).max(100).optional(),
  forecastCategory: z.enum(['pipeline', 'best_case', 'commit']).optional(),
  expectedDays: z.number().int().min(0).optional(),
  requiredFields: z.array(z.string()).optional(),
  /** Time in the stage: log-normal with this median (days) and sigma (of the underlying normal). */
  medianDays: z.number().min(0).default(0),
  sigma: z.number().min(0).max(3).default(0.6),
  /** Leaving an open stage: lost with pLost, else skip the next stage with pSkip, else advance. */
  pLost: probability.default(0),
  pSkip: probability.default(0),
  /** Chance of a logged (connected) call with the buyer while in the stage, and of a meeting. */
  pCall: probability.default(0.6),
  pMeeting: probability.default(0),
});

const pipelineSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().optional(),
  enforceStageOrder: z.boolean(),
  stages: z.array(stageSchema).min(3),
});

const campaignSchema = z.strictObject({
  name: z.string().min(1).max(200),
  type: campaignTypeSchema,
  channel: z.string().min(1).max(100),
  /** How a touch of this campaign happens. */
  touchKind: touchKindSchema,
  /** Chance that a lead is touched by the campaign (each campaign independently of the others). */
  reach: probability,
  /**
   * The campaign's effect: added to the log-odds that a touched lead converts once connected. 0 is
   * no effect; the truth attribution should recover is the ranking of these effects.
   */
  logOddsLift: z.number().min(-5).max(5),
  /** Spent per 30 days of history, recorded as a dated cost entry at the start of each. */
  monthlyCost: z.number().min(0),
});

/** At most this many campaigns: the calibration sums over every subset of them. */
export const MAX_SYNTHETIC_CAMPAIGNS = 10;

const marketingSchema = z.strictObject({
  campaigns: z.array(campaignSchema).max(MAX_SYNTHETIC_CAMPAIGNS),
  /** A touched lead is touched 1 to this many times by each campaign that reaches it. */
  maxTouches: z.number().int().min(1).max(10),
});
export type MarketingParams = z.infer<typeof marketingSchema>;

/**
 * Four campaigns of equal reach and rising effect (display advertising has none): the touches of
 * a lead fall between its arrival and its first call.
 */
export const defaultMarketingParams: MarketingParams = {
  campaigns: [
    {
      name: 'Display advertising',
      type: 'advertising',
      channel: 'display',
      touchKind: 'clicked',
      reach: 0.3,
      logOddsLift: 0,
      monthlyCost: 4000,
    },
    {
      name: 'Content syndication',
      type: 'content',
      channel: 'content',
      touchKind: 'submitted_form',
      reach: 0.3,
      logOddsLift: 0.6,
      monthlyCost: 2500,
    },
    {
      name: 'Email nurture',
      type: 'email',
      channel: 'email',
      touchKind: 'clicked',
      reach: 0.3,
      logOddsLift: 1.2,
      monthlyCost: 800,
    },
    {
      name: 'Webinar series',
      type: 'event',
      channel: 'webinar',
      touchKind: 'attended',
      reach: 0.3,
      logOddsLift: 1.8,
      monthlyCost: 1500,
    },
  ],
  maxTouches: 3,
};

export const syntheticParamsSchema = z
  .strictObject({
    /** Share of the deals by origin: field-sales B2B, inside-sales B2C, partner-sourced, converted leads. */
    dealMix: z.strictObject({
      b2b: z.number().min(0),
      b2c: z.number().min(0),
      partner: z.number().min(0),
      lead: z.number().min(0),
    }),
    /** Growth: arrivals per day rise linearly so the last day sees this many times the first day's. */
    growth: z.number().min(0.1).max(10),
    pipelines: z.strictObject({ b2b: pipelineSchema, b2c: pipelineSchema, partner: pipelineSchema }),
    leads: z.strictObject({
      /** Leads that end up converted into a deal. */
      toDeal: probability,
      sources: weights,
      /** Outbound prospecting calls per lead, at most; attempts stop at the first connect. */
      maxCallAttempts: z.number().int().min(1).max(20),
      /** Median days between call attempts. */
      daysBetweenCalls: z.number().min(0),
      /** Dispositions of an unsuccessful attempt (weights). A successful one is connected or meeting_booked. */
      failedDispositions: weights,
      /** Share of connected leads that are disqualified on the call (not interested). */
      disqualifyOnConnect: probability,
    }),
    calls: z.strictObject({
      /** Outbound prospecting calls that reach the buyer (connected or meeting booked). */
      success: probability,
      /** Calls on deals that bring an objection, and objections handled successfully. */
      objectionRate: probability,
      objectionResolved: probability,
      objectionCategories: weights,
    }),
    accounts: z.strictObject({
      /** A B2B deal opens at a new account with this chance, else at an existing one. */
      newAccount: probability,
      contactsMin: z.number().int().min(1),
      contactsMax: z.number().int().min(1),
    }),
    /** A B2C deal is for a new consumer with this chance, else a returning one. */
    newConsumer: probability,
    amounts: z.strictObject({
      b2bMedian: z.number().positive(),
      b2bSigma: z.number().min(0),
      partnerMedian: z.number().positive(),
      partnerSigma: z.number().min(0),
      consumerUnit: z.number().positive(),
    }),
    /** Sellers per 10,000 deals per team, at least one each. */
    /** Campaigns touching the leads, with known effects on conversion (older parameter files: the defaults). */
    marketing: marketingSchema.default(defaultMarketingParams),
    staffing: z.strictObject({
      fieldReps: z.number().min(0),
      insideSales: z.number().min(0),
      channelReps: z.number().min(0),
      partners: z.number().int().min(1).max(50),
    }),
    /** Line items' discounts from list price in normal business (older parameter files: the defaults). */
    discounts: normalDiscountsSchema.default(defaultNormalDiscounts),
    /** The field reps' commission plan with its accelerator, and its gaming (older parameter files: the defaults). */
    commissions: commissionParamsSchema.default(defaultCommissionParams),
    /** Anomalies injected for the detectors, a rate each (older parameter files: the defaults). */
    anomalies: anomalyRatesSchema.default(defaultAnomalyRates),
    /** The partner programme, registrations, conflicts and lead offers (older parameter files: the defaults). */
    channel: channelParamsSchema.default(defaultChannelParams),
    /** Agents on deals and dual agency (older parameter files: the defaults). */
    agents: agentParamsSchema.default(defaultAgentParams),
    /** Territories, lead routing and booked meetings with their rates (older parameter files: the defaults). */
    booking: bookingParamsSchema.default(defaultBookingParams),
  })
  .superRefine((p, ctx) => {
    // Runs even when fields failed their checks: only well-formed numbers are compared.
    const raw = p as unknown as {
      booking?: Record<string, unknown>;
      leads?: Record<string, unknown>;
      calls?: Record<string, unknown>;
    };
    const nums = [
      raw.booking?.setRate,
      raw.booking?.cancellationRate,
      raw.booking?.showRate,
      raw.leads?.toDeal,
      raw.leads?.maxCallAttempts,
      raw.leads?.disqualifyOnConnect,
      raw.calls?.success,
    ];
    if (!nums.every((x) => typeof x === 'number' && Number.isFinite(x))) return;
    for (const problem of bookingProblems(p.booking, connectShares(p)))
      ctx.addIssue({ code: 'custom', path: ['booking', problem.field], message: problem.message });
  });
export type SyntheticParams = z.infer<typeof syntheticParamsSchema>;
export type StageParams = z.infer<typeof stageSchema>;
export type PipelineParams = z.infer<typeof pipelineSchema>;
export type PipelineKey = keyof SyntheticParams['pipelines'];

// Calibration: a deal wins when it survives every open stage, so the win rate of closed deals is
// the product of (1 - pLost) over the open stages: 0.912^5 ≈ 0.63 for B2B, 0.857^3 ≈ 0.63 for the
// three-stage pipelines (the ~63 % win rate of closed deals reported for B2B). Skipping a stage
// skips its loss chance, so the B2C pipeline (which allows skips) wins slightly more often.
const b2bLoss = 1 - 0.63 ** (1 / 5);
const shortLoss = 1 - 0.63 ** (1 / 3);
const round = (x: number) => Math.round(x * 10_000) / 10_000;

export const defaultSyntheticParams: SyntheticParams = {
  dealMix: { b2b: 0.45, b2c: 0.3, partner: 0.15, lead: 0.1 },
  growth: 2,
  pipelines: {
    b2b: {
      name: 'B2B field sales',
      description: 'Opportunity identification → pitch → objections → close, run by field reps.',
      enforceStageOrder: true,
      stages: [
        {
          name: 'Qualify',
          kind: 'open',
          probability: 10,
          expectedDays: 7,
          medianDays: 8,
          sigma: 0.6,
          pLost: round(b2bLoss),
          pSkip: 0,
          pCall: 0.7,
          pMeeting: 0,
        },
        {
          name: 'Discovery',
          kind: 'open',
          probability: 20,
          expectedDays: 14,
          medianDays: 15,
          sigma: 0.6,
          pLost: round(b2bLoss),
          pSkip: 0,
          pCall: 0.6,
          pMeeting: 0.3,
        },
        {
          name: 'Demo',
          kind: 'open',
          probability: 40,
          expectedDays: 10,
          medianDays: 10,
          sigma: 0.5,
          pLost: round(b2bLoss),
          pSkip: 0,
          pCall: 0.2,
          pMeeting: 1,
        },
        {
          name: 'Proposal',
          kind: 'open',
          probability: 60,
          forecastCategory: 'best_case',
          expectedDays: 14,
          requiredFields: ['amount', 'expectedCloseDate'],
          medianDays: 14,
          sigma: 0.6,
          pLost: round(b2bLoss),
          pSkip: 0,
          pCall: 0.7,
          pMeeting: 0,
        },
        {
          name: 'Negotiation',
          kind: 'open',
          probability: 80,
          forecastCategory: 'commit',
          expectedDays: 10,
          requiredFields: ['primaryContactId'],
          medianDays: 9,
          sigma: 0.7,
          pLost: round(b2bLoss),
          pSkip: 0,
          pCall: 0.8,
          pMeeting: 0.2,
        },
        { name: 'Closed won', kind: 'won', medianDays: 0, sigma: 0, pLost: 0, pSkip: 0, pCall: 0, pMeeting: 0 },
        { name: 'Closed lost', kind: 'lost', medianDays: 0, sigma: 0, pLost: 0, pSkip: 0, pCall: 0, pMeeting: 0 },
      ],
    },
    b2c: {
      name: 'B2C inside sales',
      description: 'Consumers handled by phone by the inside-sales team.',
      enforceStageOrder: false,
      stages: [
        {
          name: 'New',
          kind: 'open',
          probability: 10,
          expectedDays: 2,
          medianDays: 1.5,
          sigma: 0.6,
          pLost: round(shortLoss),
          pSkip: 0.1,
          pCall: 0.8,
          pMeeting: 0,
        },
        {
          name: 'Contacted',
          kind: 'open',
          probability: 30,
          expectedDays: 4,
          medianDays: 3,
          sigma: 0.6,
          pLost: round(shortLoss),
          pSkip: 0,
          pCall: 0.6,
          pMeeting: 0,
        },
        {
          name: 'Quote sent',
          kind: 'open',
          probability: 60,
          forecastCategory: 'commit',
          expectedDays: 5,
          requiredFields: ['amount'],
          medianDays: 4,
          sigma: 0.6,
          pLost: round(shortLoss),
          pSkip: 0,
          pCall: 0.5,
          pMeeting: 0,
        },
        { name: 'Won', kind: 'won', medianDays: 0, sigma: 0, pLost: 0, pSkip: 0, pCall: 0, pMeeting: 0 },
        { name: 'Lost', kind: 'lost', medianDays: 0, sigma: 0, pLost: 0, pSkip: 0, pCall: 0, pMeeting: 0 },
      ],
    },
    partner: {
      name: 'Partner deals',
      description: 'Deals registered and worked by channel partners.',
      enforceStageOrder: true,
      stages: [
        {
          name: 'Registered',
          kind: 'open',
          probability: 10,
          expectedDays: 5,
          requiredFields: ['partnerAccountId'],
          medianDays: 4,
          sigma: 0.5,
          pLost: round(shortLoss),
          pSkip: 0,
          pCall: 0.3,
          pMeeting: 0,
        },
        {
          name: 'Approved',
          kind: 'open',
          probability: 30,
          expectedDays: 10,
          medianDays: 12,
          sigma: 0.6,
          pLost: round(shortLoss),
          pSkip: 0,
          pCall: 0.5,
          pMeeting: 0.2,
        },
        {
          name: 'Closing',
          kind: 'open',
          probability: 70,
          forecastCategory: 'commit',
          expectedDays: 20,
          requiredFields: ['amount'],
          medianDays: 15,
          sigma: 0.6,
          pLost: round(shortLoss),
          pSkip: 0,
          pCall: 0.6,
          pMeeting: 0,
        },
        { name: 'Won', kind: 'won', medianDays: 0, sigma: 0, pLost: 0, pSkip: 0, pCall: 0, pMeeting: 0 },
        { name: 'Lost', kind: 'lost', medianDays: 0, sigma: 0, pLost: 0, pSkip: 0, pCall: 0, pMeeting: 0 },
      ],
    },
  },
  leads: {
    toDeal: 0.1,
    sources: { web: 35, event: 15, referral: 10, outbound: 25, webinar: 15 },
    maxCallAttempts: 6,
    daysBetweenCalls: 2,
    failedDispositions: { no_answer: 60, left_voicemail: 25, busy: 10, wrong_number: 5 },
    disqualifyOnConnect: 0.3,
  },
  calls: {
    success: 0.12,
    objectionRate: 0.3,
    objectionResolved: 0.6,
    objectionCategories: { price: 30, timing: 20, authority: 15, budget: 15, competitor: 10, need: 5, trust: 5 },
  },
  accounts: { newAccount: 0.6, contactsMin: 2, contactsMax: 4 },
  newConsumer: 0.9,
  amounts: { b2bMedian: 35_000, b2bSigma: 0.7, partnerMedian: 25_000, partnerSigma: 0.6, consumerUnit: 199 },
  marketing: defaultMarketingParams,
  staffing: { fieldReps: 8, insideSales: 6, channelReps: 2, partners: 6 },
  discounts: defaultNormalDiscounts,
  commissions: defaultCommissionParams,
  anomalies: defaultAnomalyRates,
  channel: defaultChannelParams,
  agents: defaultAgentParams,
  booking: defaultBookingParams,
};

/**
 * The chance that a connected lead converts, so that overall `leads.toDeal` of the leads become
 * deals: a lead connects at least once in `maxCallAttempts` with 1 - (1 - success)^attempts, and
 * of those a share `disqualifyOnConnect` is disqualified on the spot.
 */
export function conversionGivenConnect(p: Pick<SyntheticParams, 'leads' | 'calls'>): number {
  const connects = 1 - (1 - p.calls.success) ** p.leads.maxCallAttempts;
  const open = connects * (1 - p.leads.disqualifyOnConnect);
  return Math.min(1, p.leads.toDeal / open);
}

/** Of connected leads: the share not disqualified on the call, and the share that converts (on average over the campaigns' touches). */
export function connectShares(p: Pick<SyntheticParams, 'leads' | 'calls'>): { open: number; converting: number } {
  const open = 1 - p.leads.disqualifyOnConnect;
  return { open, converting: open * conversionGivenConnect(p) };
}

const logistic = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * How campaigns move conversion: a connected lead touched by the campaigns in `touched` converts
 * with logistic(intercept + Σ logOddsLift), the intercept chosen so that the mean over the touch
 * distribution (each campaign reaching a lead independently with its `reach`) is exactly
 * `conversionGivenConnect`: the campaigns change who converts, not how many leads do.
 */
export class CampaignEffects {
  readonly intercept: number;

  constructor(private readonly p: SyntheticParams) {
    const base = conversionGivenConnect(p);
    const mean = (b: number) => {
      const cs = p.marketing.campaigns;
      let total = 0;
      for (let mask = 0; mask < 1 << cs.length; mask++) {
        let weight = 1;
        let lift = 0;
        cs.forEach((c, i) => {
          const on = (mask >> i) & 1;
          weight *= on ? c.reach : 1 - c.reach;
          if (on) lift += c.logOddsLift;
        });
        total += weight * logistic(b + lift);
      }
      return total;
    };
    if (base <= 0 || base >= 1) this.intercept = base <= 0 ? -Infinity : Infinity;
    else {
      // The mean rises with the intercept: bisection to double precision.
      let lo = -50;
      let hi = 50;
      for (let i = 0; i < 200 && hi - lo > 1e-12; i++) {
        const mid = (lo + hi) / 2;
        if (mean(mid) < base) lo = mid;
        else hi = mid;
      }
      this.intercept = (lo + hi) / 2;
    }
  }

  /** The chance a connected lead touched by these campaigns (indexes into the parameters) converts. */
  conversion(touched: readonly number[]): number {
    if (!Number.isFinite(this.intercept)) return this.intercept > 0 ? 1 : 0;
    const lift = touched.reduce((a, i) => a + (this.p.marketing.campaigns[i]?.logOddsLift ?? 0), 0);
    return logistic(this.intercept + lift);
  }
}
