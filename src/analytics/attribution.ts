import { invert } from './matrix.ts';
import { mulberry32, quantileSorted } from './random.ts';

/** One interaction of a person with a campaign, at a time (epoch milliseconds). */
export interface AttributionTouch {
  campaignId: string;
  at: number;
}

/**
 * The touches that led to one outcome (a deal created, a deal won), or to none. `leadAt` is when
 * the person became a lead (null when unknown: the first touch stands in), `opportunityAt` when the
 * deal was created (null: the last touch stands in), `convertedAt` when the outcome happened (null
 * for a journey that has not converted; it only counts for the Markov model). Touches after
 * `convertedAt` get no credit. `value` is what the outcome is worth (the deal amount).
 */
export interface Journey {
  touches: readonly AttributionTouch[];
  leadAt: number | null;
  opportunityAt: number | null;
  convertedAt: number | null;
  value: number;
}

export const ruleModels = [
  'first_touch',
  'last_touch',
  'linear',
  'u_shaped',
  'w_shaped',
  'full_path',
  'time_decay',
] as const;
export type RuleModel = (typeof ruleModels)[number];
export const attributionModels = [...ruleModels, 'markov', 'shapley'] as const;
export type AttributionModel = (typeof attributionModels)[number];

const DAY_MS = 86_400_000;

const byTimeThenCampaign = (a: AttributionTouch, b: AttributionTouch): number =>
  a.at - b.at || (a.campaignId < b.campaignId ? -1 : a.campaignId > b.campaignId ? 1 : 0);

/**
 * The touches of a converting journey that count (at or before the conversion), oldest first;
 * touches at the same instant in the order of their campaign ids, so that positions do not depend
 * on the order the touches were read in.
 */
export function creditedTouches(j: Journey): AttributionTouch[] {
  const end = j.convertedAt ?? Number.POSITIVE_INFINITY;
  const kept = j.touches.filter((t) => t.at <= end);
  for (let i = 1; i < kept.length; i++)
    if (byTimeThenCampaign(kept[i - 1] as AttributionTouch, kept[i] as AttributionTouch) > 0)
      return kept.sort(byTimeThenCampaign);
  return kept;
}

/** Sorts touches in place as `creditedTouches` orders them (done once when journeys are built, the check is then all it costs). */
export function sortTouches(touches: AttributionTouch[]): AttributionTouch[] {
  return touches.sort(byTimeThenCampaign);
}

/** Index of the last touch at or before `at`; `fallback` when `at` is null or no touch is that early. */
function lastAtOrBefore(touches: readonly AttributionTouch[], at: number | null, fallback: number): number {
  if (at === null) return fallback;
  let idx = -1;
  for (let i = 0; i < touches.length; i++) if ((touches[i]?.at ?? Infinity) <= at) idx = i;
  return idx === -1 ? fallback : idx;
}

/**
 * Position-based weights: `milestones` are [touch index, share] pairs (shares add up where two
 * milestones are the same touch); what is left of 1 is spread evenly over the other touches, and
 * when there is no other touch the milestone shares are scaled to sum to 1.
 */
function positionWeights(n: number, milestones: readonly [number, number][]): number[] {
  const w = new Array<number>(n).fill(0);
  const isMilestone = new Array<boolean>(n).fill(false);
  let used = 0;
  for (const [i, share] of milestones) {
    w[i] = (w[i] ?? 0) + share;
    isMilestone[i] = true;
    used += share;
  }
  const others = isMilestone.filter((m) => !m).length;
  if (others > 0) {
    const each = (1 - used) / others;
    return w.map((x, i) => (isMilestone[i] ? x : each));
  }
  return w.map((x) => x / used);
}

/**
 * The share of a converting journey's value each credited touch gets under a rule-based model,
 * in the order of `creditedTouches` (summing to 1; empty without touches):
 * - first_touch / last_touch: all to the first / last touch;
 * - linear: equal shares;
 * - u_shaped: 40% first touch, 40% lead-creation touch (the last touch at or before `leadAt`),
 *   20% spread over the others;
 * - w_shaped: 30% each to the first, lead-creation and opportunity-creation touches (the last at
 *   or before `opportunityAt`), 10% over the others;
 * - full_path: 22.5% each to those three and the last touch, 10% over the others;
 * - time_decay: weight 2^(−age/halfLife), age = time from the touch to the conversion.
 * Milestones falling on the same touch add up; with no other touch the shares are rescaled to 1.
 */
export function touchWeights(model: RuleModel, j: Journey, halfLifeDays = 7): number[] {
  return weightsOf(model, creditedTouches(j), j, halfLifeDays);
}

/** `touchWeights` over the journey's credited touches, already taken. */
function weightsOf(model: RuleModel, touches: readonly AttributionTouch[], j: Journey, halfLifeDays: number): number[] {
  const n = touches.length;
  if (n === 0) return [];
  const last = n - 1;
  const leadIdx = lastAtOrBefore(touches, j.leadAt, 0);
  const oppIdx = lastAtOrBefore(touches, j.opportunityAt, last);
  switch (model) {
    case 'first_touch':
      return touches.map((_, i) => (i === 0 ? 1 : 0));
    case 'last_touch':
      return touches.map((_, i) => (i === last ? 1 : 0));
    case 'linear':
      return touches.map(() => 1 / n);
    case 'u_shaped':
      return positionWeights(n, [
        [0, 0.4],
        [leadIdx, 0.4],
      ]);
    case 'w_shaped':
      return positionWeights(n, [
        [0, 0.3],
        [leadIdx, 0.3],
        [oppIdx, 0.3],
      ]);
    case 'full_path':
      return positionWeights(n, [
        [0, 0.225],
        [leadIdx, 0.225],
        [oppIdx, 0.225],
        [last, 0.225],
      ]);
    case 'time_decay': {
      const end = j.convertedAt ?? touches[last]?.at ?? 0;
      const halfLife = halfLifeDays * DAY_MS;
      const raw = touches.map((t) => 2 ** (-(end - t.at) / halfLife));
      const sum = raw.reduce((a, b) => a + b, 0);
      return raw.map((x) => x / sum);
    }
  }
}

/**
 * Credit per campaign under every rule-based model at once: for each model exactly what
 * `ruleCredit` gives (the same shares added in the same order), with each journey's credited
 * touches taken once instead of once per model.
 */
export function ruleCredits(
  journeys: readonly Journey[],
  halfLifeDays = 7,
  models: readonly RuleModel[] = ruleModels,
): Map<RuleModel, Map<string, number>> {
  const out = new Map<RuleModel, Map<string, number>>(models.map((m) => [m, new Map<string, number>()]));
  for (const j of journeys) {
    if (j.convertedAt === null) continue;
    const touches = creditedTouches(j);
    if (touches.length === 0) continue;
    for (const [model, credit] of out) {
      const w = weightsOf(model, touches, j, halfLifeDays);
      for (let i = 0; i < touches.length; i++) {
        const c = (touches[i] as AttributionTouch).campaignId;
        credit.set(c, (credit.get(c) ?? 0) + j.value * (w[i] ?? 0));
      }
    }
  }
  return out;
}

/** Credit per campaign under a rule-based model: each converting journey's value split by `touchWeights`. */
export function ruleCredit(model: RuleModel, journeys: readonly Journey[], halfLifeDays = 7): Map<string, number> {
  const out = new Map<string, number>();
  for (const j of journeys) {
    if (j.convertedAt === null) continue;
    const touches = creditedTouches(j);
    const w = touchWeights(model, j, halfLifeDays);
    touches.forEach((t, i) => out.set(t.campaignId, (out.get(t.campaignId) ?? 0) + j.value * (w[i] ?? 0)));
  }
  return out;
}

/**
 * Shapley values of the cooperative game in which a coalition S of campaigns is worth the value of
 * the converting journeys whose campaigns all lie in S: v(S) = Σ value · [campaigns(j) ⊆ S]. That
 * game is a sum of unanimity games, one per journey, so each campaign's Shapley value is the sum,
 * over the journeys it appears in, of the journey's value divided by its number of distinct
 * campaigns (exact, without enumerating coalitions).
 */
export function shapleyCredit(journeys: readonly Journey[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const j of journeys) {
    if (j.convertedAt === null) continue;
    const set = new Set(creditedTouches(j).map((t) => t.campaignId));
    if (set.size === 0) continue;
    for (const c of set) out.set(c, (out.get(c) ?? 0) + j.value / set.size);
  }
  return out;
}

/** Paths of campaign ids (oldest first) and whether each converted: what the Markov model is fitted on. */
export interface MarkovPath {
  campaigns: readonly string[];
  converted: boolean;
}

export function markovPaths(journeys: readonly Journey[]): MarkovPath[] {
  const out: MarkovPath[] = [];
  for (const j of journeys) {
    const campaigns = creditedTouches(j).map((t) => t.campaignId);
    if (campaigns.length > 0) out.push({ campaigns, converted: j.convertedAt !== null });
  }
  return out;
}

/** A first-order chain: start → campaign states → conversion or null, from transition counts. */
export interface MarkovChain {
  states: string[];
  /** start → state i probabilities. */
  start: Float64Array;
  /** state i → state j probabilities, row-major. */
  between: Float64Array;
  /** state i → conversion probabilities. */
  toConversion: Float64Array;
}

export function fitMarkovChain(paths: readonly MarkovPath[]): MarkovChain {
  const states = [...new Set(paths.flatMap((p) => p.campaigns))].sort();
  const index = new Map(states.map((s, i) => [s, i]));
  const n = states.length;
  const start = new Float64Array(n);
  const between = new Float64Array(n * n);
  const toConversion = new Float64Array(n);
  const outTotal = new Float64Array(n);
  for (const p of paths) {
    const ix = p.campaigns.map((c) => index.get(c) ?? 0);
    const first = ix[0];
    if (first === undefined) continue;
    start[first] = (start[first] ?? 0) + 1;
    for (let k = 0; k < ix.length; k++) {
      const from = ix[k] ?? 0;
      outTotal[from] = (outTotal[from] ?? 0) + 1;
      const to = ix[k + 1];
      if (to !== undefined) between[from * n + to] = (between[from * n + to] ?? 0) + 1;
      else if (p.converted) toConversion[from] = (toConversion[from] ?? 0) + 1;
    }
  }
  const starts = paths.length;
  for (let i = 0; i < n; i++) {
    start[i] = (start[i] ?? 0) / starts;
    const total = outTotal[i] ?? 0;
    if (total === 0) continue;
    toConversion[i] = (toConversion[i] ?? 0) / total;
    for (let j = 0; j < n; j++) between[i * n + j] = (between[i * n + j] ?? 0) / total;
  }
  return { states, start, between, toConversion };
}

/**
 * The probability of reaching conversion from the start, with the states in `removed` taken out
 * (every transition into them goes to null instead): p = start · (I − Q)⁻¹ · r over the kept states.
 */
export function conversionProbability(chain: MarkovChain, removed: ReadonlySet<number> = new Set()): number {
  const kept = chain.states.map((_, i) => i).filter((i) => !removed.has(i));
  const m = kept.length;
  if (m === 0) return 0;
  const n = chain.states.length;
  const a = new Float64Array(m * m);
  kept.forEach((i, r) => {
    kept.forEach((j, c) => {
      a[r * m + c] = (r === c ? 1 : 0) - (chain.between[i * n + j] ?? 0);
    });
  });
  const inv = invert({ n: m, data: a });
  if (!inv) return 0;
  let p = 0;
  kept.forEach((i, r) => {
    const s = chain.start[i] ?? 0;
    if (s === 0) return;
    let reach = 0;
    kept.forEach((j, c) => {
      reach += (inv.data[r * m + c] ?? 0) * (chain.toConversion[j] ?? 0);
    });
    p += s * reach;
  });
  return p;
}

/**
 * Removal effect of each campaign: 1 − P(conversion without it) / P(conversion); 0 for every
 * campaign when nothing converts.
 */
export function removalEffects(chain: MarkovChain): Map<string, number> {
  const base = conversionProbability(chain);
  const out = new Map<string, number>();
  chain.states.forEach((s, i) => {
    out.set(s, base > 0 ? 1 - conversionProbability(chain, new Set([i])) / base : 0);
  });
  return out;
}

/** Shares of the converting value in proportion to the removal effects. */
function sharesOf(effects: Map<string, number>): Map<string, number> {
  const total = [...effects.values()].reduce((a, b) => a + b, 0);
  const out = new Map<string, number>();
  for (const [c, e] of effects) out.set(c, total > 0 ? e / total : 0);
  return out;
}

/** Paths compiled once for refitting: state indexes over the sorted states of every path, in one flat array. */
interface CompiledPaths {
  states: string[];
  flat: Int32Array;
  /** Path k is flat[offsets[k]] .. flat[offsets[k + 1] - 1]. */
  offsets: Int32Array;
  converted: Uint8Array;
}

function compilePaths(paths: readonly MarkovPath[]): CompiledPaths {
  const states = [...new Set(paths.flatMap((p) => p.campaigns))].sort();
  const index = new Map(states.map((st, i) => [st, i]));
  const offsets = new Int32Array(paths.length + 1);
  let total = 0;
  paths.forEach((p, k) => {
    total += p.campaigns.length;
    offsets[k + 1] = total;
  });
  const flat = new Int32Array(total);
  const converted = new Uint8Array(paths.length);
  paths.forEach((p, k) => {
    const at = offsets[k] ?? 0;
    p.campaigns.forEach((c, i) => (flat[at + i] = index.get(c) ?? 0));
    converted[k] = p.converted ? 1 : 0;
  });
  return { states, flat, offsets, converted };
}

/**
 * The chain `fitMarkovChain` fits on the paths taken `weight[k]` times each (a bootstrap
 * resample), over the states those paths visit: the same counts, so the same chain, without
 * building the sample.
 */
function fitWeighted(cp: CompiledPaths, weight: Float64Array): MarkovChain {
  const n = cp.states.length;
  const start = new Float64Array(n);
  const between = new Float64Array(n * n);
  const toConversion = new Float64Array(n);
  const outTotal = new Float64Array(n);
  let starts = 0;
  for (let k = 0; k < weight.length; k++) {
    const w = weight[k] ?? 0;
    const a = cp.offsets[k] ?? 0;
    const b = cp.offsets[k + 1] ?? 0;
    if (w === 0 || b === a) continue;
    const first = cp.flat[a] ?? 0;
    start[first] = (start[first] ?? 0) + w;
    starts += w;
    for (let p = a; p < b; p++) {
      const from = cp.flat[p] ?? 0;
      outTotal[from] = (outTotal[from] ?? 0) + w;
      if (p + 1 < b) {
        const cell = from * n + (cp.flat[p + 1] ?? 0);
        between[cell] = (between[cell] ?? 0) + w;
      } else if (cp.converted[k]) toConversion[from] = (toConversion[from] ?? 0) + w;
    }
  }
  const kept: number[] = [];
  for (let i = 0; i < n; i++) if ((outTotal[i] ?? 0) > 0) kept.push(i);
  const m = kept.length;
  const chain: MarkovChain = {
    states: kept.map((i) => cp.states[i] ?? ''),
    start: new Float64Array(m),
    between: new Float64Array(m * m),
    toConversion: new Float64Array(m),
  };
  kept.forEach((i, r) => {
    const total = outTotal[i] ?? 0;
    chain.start[r] = (start[i] ?? 0) / starts;
    chain.toConversion[r] = (toConversion[i] ?? 0) / total;
    kept.forEach((j, c) => (chain.between[r * m + c] = (between[i * n + j] ?? 0) / total));
  });
  return chain;
}

export interface MarkovCredit {
  campaignId: string;
  removalEffect: number;
  credit: number;
  /** 95% bootstrap interval of the credit (journeys resampled with replacement). */
  low: number;
  high: number;
}

/**
 * Data-driven attribution by the Markov removal effect: a first-order chain fitted on every
 * journey (converting or not); each campaign's credit is the converting value times its removal
 * effect over the sum of removal effects. The interval comes from `resamples` bootstrap resamples
 * of the journeys (seeded, so the same data gives the same interval).
 */
export function markovCredit(
  journeys: readonly Journey[],
  opts: { resamples?: number; seed?: number } = {},
): MarkovCredit[] {
  const paths = markovPaths(journeys);
  // Only journeys with a credited touch have credit to hand out (as under the rule-based models).
  const value = journeys.reduce(
    (a, j) => a + (j.convertedAt !== null && creditedTouches(j).length > 0 ? j.value : 0),
    0,
  );
  const compiled = compilePaths(paths);
  const chain = fitWeighted(compiled, new Float64Array(paths.length).fill(1));
  const effects = removalEffects(chain);
  const shares = sharesOf(effects);
  const resamples = opts.resamples ?? 200;
  const draws = new Map<string, number[]>(chain.states.map((st) => [st, []]));
  const rng = mulberry32(opts.seed ?? 1);
  const weight = new Float64Array(paths.length);
  for (let b = 0; b < resamples && paths.length > 0; b++) {
    // A resample of the paths with replacement, as how many times each was drawn.
    weight.fill(0);
    for (let k = 0; k < paths.length; k++) {
      const drawn = Math.floor(rng() * paths.length);
      weight[drawn] = (weight[drawn] ?? 0) + 1;
    }
    const s = sharesOf(removalEffects(fitWeighted(compiled, weight)));
    for (const [c, list] of draws) list.push((s.get(c) ?? 0) * value);
  }
  return chain.states.map((c) => {
    const sorted = (draws.get(c) ?? []).sort((a, b) => a - b);
    const credit = (shares.get(c) ?? 0) * value;
    return {
      campaignId: c,
      removalEffect: effects.get(c) ?? 0,
      credit,
      low: sorted.length > 0 ? quantileSorted(sorted, 0.025) : credit,
      high: sorted.length > 0 ? quantileSorted(sorted, 0.975) : credit,
    };
  });
}

/** Return on a campaign: attributed won revenue ÷ cost; null when nothing was spent. */
export function roi(attributedRevenue: number, cost: number): number | null {
  return cost > 0 ? attributedRevenue / cost : null;
}
