import {
  attributionModels,
  markovCredit,
  ruleCredits,
  shapleyCredit,
  sortTouches,
  type AttributionModel,
  type AttributionTouch,
  type Journey,
} from '../../../analytics/attribution.ts';
import { canReadMarketingFigures, type Actor } from '../../../contract/access.ts';
import type { AnalyticsFilters } from '../../../contract/analytics.ts';
import { forbidden } from '../../../contract/errors.ts';
import type { Deps } from '../../context.ts';
import { dayIn } from '../../../analytics/velocity.ts';
import * as repo from '../attribution.repository.ts';

export function assertCanReadAttribution(actor: Actor): void {
  if (!canReadMarketingFigures(actor)) throw forbidden('Your role cannot see attributed revenue');
}

export interface AttributionOptions {
  asOf?: string | undefined;
  halfLifeDays: number;
  resamples: number;
}

export interface Credit {
  model: AttributionModel;
  amount: number;
}

export interface CampaignAttribution {
  campaignId: string;
  name: string;
  type: string;
  cost: number;
  pipeline: Record<AttributionModel, number>;
  won: Record<AttributionModel, number>;
  markov: {
    pipeline: { removalEffect: number; low: number; high: number };
    won: { removalEffect: number; low: number; high: number };
  };
}

export interface AttributionResult {
  asOf: string;
  currency: string;
  halfLifeDays: number;
  pipeline: { deals: number; amount: number };
  won: { deals: number; amount: number };
  journeysWithoutDeal: number;
  otherCurrencyDeals: number;
  campaigns: CampaignAttribution[];
}

function creditAll(journeys: Journey[], halfLifeDays: number, resamples: number) {
  const out = new Map<AttributionModel, Map<string, number>>(ruleCredits(journeys, halfLifeDays));
  out.set('shapley', shapleyCredit(journeys));
  const markov = markovCredit(journeys, { resamples, seed: 1 });
  out.set('markov', new Map(markov.map((c) => [c.campaignId, c.credit])));
  return { byModel: out, markov: new Map(markov.map((c) => [c.campaignId, c])) };
}

/** The journeys attribution credits as of the end of a day, and the totals they are credited from. */
export interface AttributionJourneys {
  asOfDay: string;
  currency: string;
  /** Deals created before then, each converting at its creation if that falls in the date range. */
  pipeline: Journey[];
  /** The same deals, converting when won before then within the date range. */
  won: Journey[];
  totals: { pipeline: { deals: number; amount: number }; won: { deals: number; amount: number } };
  journeysWithoutDeal: number;
  otherCurrencyDeals: number;
}

/**
 * Reads what attribution credits as of the end of a day: touches before then, deals created before
 * then (pipeline), deals won before then (revenue). Deals in another currency than the
 * organization's base currency are counted apart, not converted. Journeys of people on no deal
 * (and, for revenue, of deals not won) are paths that did not convert.
 */
export async function attributionJourneys(
  deps: Deps,
  actor: Actor,
  filters: AnalyticsFilters,
  asOfParam: string | undefined,
): Promise<AttributionJourneys> {
  assertCanReadAttribution(actor);
  const { currency, timezone } = await repo.orgSettings(deps.db, actor.orgId);
  const asOfDay = asOfParam ?? dayIn(deps.clock.now(), timezone);
  const asOf = await repo.endOfDay(deps.db, asOfDay, timezone);
  const where = repo.attributionDealWhere(actor, filters);
  const data = await repo.attributionData(deps.db, actor.orgId, where, asOf);
  const touchesOfPerson = new Map<string, AttributionTouch[]>();
  for (const p of data.people) touchesOfPerson.set(p.person, sortTouches(unpackTouches(p.touches, data.campaignIds)));
  // A deal's journey is its people's touches together (a person on two deals in both); a deal of
  // one person shares that person's (ordered, never changed) touches.
  const touchesOf = new Map<string, AttributionTouch[]>();
  const onDeal = new Set<string>();
  for (const { deal_id, person } of data.dealPeople) {
    onDeal.add(person);
    const theirs = touchesOfPerson.get(person);
    if (theirs === undefined) continue;
    const sofar = touchesOf.get(deal_id);
    touchesOf.set(deal_id, sofar === undefined ? theirs : sortTouches(sofar.concat(theirs)));
  }
  // People in a fixed order, so that the journeys (and the Markov model's resamples) do too.
  const noDeal: Journey[] = [...touchesOfPerson.keys()]
    .filter((person) => !onDeal.has(person))
    .sort()
    .map((person) => ({
      touches: touchesOfPerson.get(person) ?? [],
      leadAt: null,
      opportunityAt: null,
      convertedAt: null,
      value: 0,
    }));
  const dayOf = new Intl.DateTimeFormat('en-CA', { timeZone: timezone });
  // Formatting a day in a time zone costs microseconds, a second at a few hundred thousand deals:
  // only done when there is a range to compare it with.
  const ranged = Boolean(filters.from || filters.to);
  const inRange = (at: number) => !ranged || withinDays(dayOf.format(at), filters);
  const pipeline: Journey[] = [...noDeal];
  const won: Journey[] = [...noDeal];
  let otherCurrencyDeals = 0;
  const totals = { pipeline: { deals: 0, amount: 0 }, won: { deals: 0, amount: 0 } };
  for (const d of data.deals) {
    if (d.currency.trim() !== currency) {
      otherCurrencyDeals++;
      continue;
    }
    const touches = touchesOf.get(d.id) ?? [];
    const value = d.amount === null ? 0 : Number(d.amount);
    const base = { touches, leadAt: d.lead_ms, opportunityAt: d.created_ms };
    const created = inRange(d.created_ms);
    pipeline.push({ ...base, convertedAt: created ? d.created_ms : null, value });
    if (created) {
      totals.pipeline.deals++;
      totals.pipeline.amount += value;
    }
    const closed = d.closed_ms;
    const isWon = d.status === 'won' && closed !== null && closed < asOf.getTime() && inRange(closed);
    won.push({ ...base, convertedAt: isWon ? closed : null, value });
    if (isWon) {
      totals.won.deals++;
      totals.won.amount += value;
    }
  }
  return { asOfDay, currency, pipeline, won, totals, journeysWithoutDeal: noDeal.length, otherCurrencyDeals };
}

/**
 * Attribution of pipeline created and of won revenue to campaigns, every model side by side, as
 * of the end of a day (see `attributionJourneys`), with costs incurred up to that day. Journeys
 * that did not convert feed the Markov model.
 */
export async function attribution(
  deps: Deps,
  actor: Actor,
  filters: AnalyticsFilters,
  opts: AttributionOptions,
): Promise<AttributionResult> {
  const { asOfDay, currency, pipeline, won, totals, journeysWithoutDeal, otherCurrencyDeals } =
    await attributionJourneys(deps, actor, filters, opts.asOf);
  const p = creditAll(pipeline, opts.halfLifeDays, opts.resamples);
  const w = creditAll(won, opts.halfLifeDays, opts.resamples);
  const figures = await repo.campaignFigures(deps.db, actor.orgId, asOfDay);
  const byModel = (credit: Map<AttributionModel, Map<string, number>>, id: string) =>
    Object.fromEntries(attributionModels.map((m) => [m, credit.get(m)?.get(id) ?? 0])) as Record<
      AttributionModel,
      number
    >;
  const markovOf = (m: Map<string, { removalEffect: number; low: number; high: number }>, id: string) => {
    const c = m.get(id);
    return { removalEffect: c?.removalEffect ?? 0, low: c?.low ?? 0, high: c?.high ?? 0 };
  };
  return {
    asOf: asOfDay,
    currency,
    halfLifeDays: opts.halfLifeDays,
    pipeline: totals.pipeline,
    won: totals.won,
    journeysWithoutDeal,
    otherCurrencyDeals,
    campaigns: figures.map((c) => ({
      campaignId: c.id,
      name: c.name,
      type: c.type,
      cost: Number(c.cost),
      pipeline: byModel(p.byModel, c.id),
      won: byModel(w.byModel, c.id),
      markov: { pipeline: markovOf(p.markov, c.id), won: markovOf(w.markov, c.id) },
    })),
  };
}

/** Whether a day (`YYYY-MM-DD` in the organization's time zone) lies in the filters' range (both ends inclusive). */
function withinDays(day: string, filters: Pick<AnalyticsFilters, 'from' | 'to'>): boolean {
  if (filters.from && day < filters.from) return false;
  if (filters.to && day > filters.to) return false;
  return true;
}

export interface CampaignFunnel {
  campaignId: string;
  name: string;
  steps: {
    touches: number;
    people: number;
    leads: number;
    mql: number;
    sql: number;
    opportunities: number;
    won: number;
  };
}

/**
 * The campaign funnel as of the end of a day: per campaign, its touches, the people touched, and
 * how many of them became leads, MQLs, SQLs, opportunities and customers (won deals) by then.
 */
export async function campaignFunnel(
  deps: Deps,
  actor: Actor,
  filters: AnalyticsFilters,
  asOfParam: string | undefined,
): Promise<{ asOf: string; campaigns: CampaignFunnel[] }> {
  assertCanReadAttribution(actor);
  const { timezone } = await repo.orgSettings(deps.db, actor.orgId);
  const asOfDay = asOfParam ?? dayIn(deps.clock.now(), timezone);
  const asOf = await repo.endOfDay(deps.db, asOfDay, timezone);
  const where = repo.attributionDealWhere(actor, filters);
  const rows = new Map((await repo.campaignFunnel(deps.db, actor.orgId, where, asOf)).map((r) => [r.campaign_id, r]));
  const figures = await repo.campaignFigures(deps.db, actor.orgId, asOfDay);
  return {
    asOf: asOfDay,
    campaigns: figures.map((c) => {
      const r = rows.get(c.id);
      return {
        campaignId: c.id,
        name: c.name,
        steps: {
          touches: r?.touches ?? 0,
          people: r?.people ?? 0,
          leads: r?.leads ?? 0,
          mql: r?.mql ?? 0,
          sql: r?.sql ?? 0,
          opportunities: r?.opportunities ?? 0,
          won: r?.won ?? 0,
        },
      };
    }),
  };
}

/** The touches of a packed person (`n:ms,n:ms,…`, see `PackedPersonRow`), in the order they came. */
export function unpackTouches(packed: string, campaignIds: readonly string[]): AttributionTouch[] {
  const touches: AttributionTouch[] = [];
  let start = 0;
  while (start < packed.length) {
    const colon = packed.indexOf(':', start);
    let comma = packed.indexOf(',', colon);
    if (comma === -1) comma = packed.length;
    const campaignId = campaignIds[Number(packed.slice(start, colon))];
    if (campaignId === undefined)
      throw new Error(`A packed touch names campaign ${packed.slice(start, colon)} of ${campaignIds.length}`);
    touches.push({ campaignId, at: Number(packed.slice(colon + 1, comma)) });
    start = comma + 1;
  }
  return touches;
}
