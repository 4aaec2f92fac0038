import { z } from 'zod';
import { PUSH_DEFAULT_LAST_DAYS, PUSH_DEFAULT_WIN_DAYS } from '../../analytics/detectors-gaming.ts';
import { BULK_DEFAULT_COUNT } from '../../analytics/detectors.ts';
import { fiscalPeriodOf } from '../../contract/fiscal.ts';
import type { Random } from '../demo/random.ts';
import type { SyntheticAccelerator } from './synthetic-accelerator.ts';
import { writeCall, type DealDraft, type DealStep, type Sink } from './synthetic-records.ts';
import { SYNTHETIC_CALENDAR, type SyntheticWorld, type WorldPipeline, type WorldStage } from './synthetic-setup.ts';

/**
 * Anomalies injected at known rates into otherwise normal behaviour, and the truth of where they
 * are: per detector the rate and the subjects (`subjectType`, `subjectId`) a detector should name,
 * so that findings can be scored by matching (detector, subjectType, subjectId). Anomalies draw from
 * their own random streams: switching them on or off leaves the rest of the history as it was.
 */

const DAY = 86_400_000;
const MINUTE = 60_000;
const HOUR = 3_600_000;

const rate = z.number().min(0).max(1);

/** A rate per detector; 0 switches one off. Definitions of each in docs/oversight.md. */
export const anomalyRatesSchema = z.strictObject({
  /** Per deal: one call on the deal logged 16 to 45 days after it happened. */
  backdating: rate,
  /** Per line item: a discount well above the product's normal ones (see `outlierDiscount`). */
  discount_outlier: rate,
  /** Per deal in a pipeline that does not enforce its order: one step forward jumps over a stage. */
  stage_skip: rate,
  /** Per deal in a pipeline that does not enforce its order: moved back one stage, then on again. */
  stage_regression: rate,
  /** Bursts per 30 days of history: a team's manager reassigns 24 to 32 of the team's open deals within 32 minutes. */
  bulk_change: z.number().min(0).max(30),
  /**
   * Per deal won in the first 10 days of a fiscal quarter and open during the last 7 days of the
   * quarter before: in those days the owner pushes the close date from that quarter past its end.
   * The detector's other half, discounts given to cross a commission accelerator, is injected at
   * the rate `commissions.acceleratorGaming` (see synthetic-accelerator.ts).
   */
  quarter_end_gaming: rate,
});
export type AnomalyRates = z.infer<typeof anomalyRatesSchema>;

export const defaultAnomalyRates: AnomalyRates = {
  backdating: 0.008,
  discount_outlier: 0.005,
  stage_skip: 0.03,
  stage_regression: 0.03,
  bulk_change: 2,
  quarter_end_gaming: 0.1,
};

/** What each rate counts, as the truth file names it. */
const RATE_UNITS: Record<keyof AnomalyRates, string> = {
  backdating: 'deal',
  discount_outlier: 'line item',
  stage_skip: 'deal in a pipeline without enforced order',
  stage_regression: 'deal in a pipeline without enforced order',
  bulk_change: 'burst per 30 days',
  quarter_end_gaming:
    "deal won in a quarter's first 10 days, open in the last 7 of the one before (the accelerator's gaming: commissions.acceleratorGaming)",
};

/** The normal discounts of line items, from list price: percentages and their weights. */
export const normalDiscountsSchema = z
  .array(z.strictObject({ percent: z.number().min(0).max(100), weight: z.number().min(0) }))
  .min(1);
export type NormalDiscounts = z.infer<typeof normalDiscountsSchema>;

/**
 * Most lines at list price or a round 5 to 15 % off: the robust z-score of the highest normal
 * discount is about 1.35 (median 5, MAD 5), far below the detector's 3.5.
 */
export const defaultNormalDiscounts: NormalDiscounts = [
  { percent: 0, weight: 40 },
  { percent: 5, weight: 30 },
  { percent: 10, weight: 20 },
  { percent: 15, weight: 10 },
];

export interface TruthSubject {
  subjectType: string;
  subjectId: string;
  /** Injected, or made by the normal behaviour the parameters allow (a pipeline's `pSkip`). */
  origin: 'injected' | 'normal';
}

export interface DetectorTruth {
  rate: number;
  per: string;
  /** One entry per anomaly: a subject appears as often as it was made anomalous. */
  subjects: TruthSubject[];
}

/** Per detector (the names of the findings), what the generator made. */
export type AnomalyTruth = Record<string, DetectorTruth>;

interface Burst {
  at: number;
  managerId: string;
  sellers: readonly string[];
  size: number;
  claimed: number;
}

/** The outlier discount: 25 to 45 points above the highest normal one, at most 95 %. */
export function outlierDiscount(rng: Random, normal: NormalDiscounts): number {
  const top = Math.max(...normal.map((d) => d.percent));
  return Math.min(95, top + 25 + rng.int(0, 20));
}

/** The synthetic organization's days are UTC days. */
const dayOf = (t: number): string => new Date(t).toISOString().slice(0, 10);
const dayStart = (day: string): number => Date.parse(`${day}T00:00:00Z`);
const FISCAL_START = SYNTHETIC_CALENDAR.fiscalYearStartMonth;

/**
 * Whether a change of the expected close date at `t` from `from` to `to`, with the deal won at
 * `wonAt`, is what `quarter_end_gaming` calls pushed past the period end (its default days).
 */
function pushedPastQuarter(t: number, from: string, to: string, wonAt: number): boolean {
  const quarter = fiscalPeriodOf(dayOf(t), FISCAL_START);
  const end = dayStart(quarter.endsOn);
  if (end - dayStart(dayOf(t)) > PUSH_DEFAULT_LAST_DAYS * DAY) return false;
  if (from < quarter.startsOn || from >= quarter.endsOn || to < quarter.endsOn || from < dayOf(t)) return false;
  const won = dayStart(dayOf(wonAt));
  return won >= end && won - end < PUSH_DEFAULT_WIN_DAYS * DAY;
}

const byTime = (steps: readonly DealStep[]): DealStep[] => [...steps].sort((a, b) => a.t - b.t);

/** A stage's place in the designed order: open stages by position, won after them; lost has none. */
const placeOf = (pl: WorldPipeline, s: WorldStage): number | null =>
  s.kind === 'won' ? pl.open.length : s.kind === 'lost' ? null : pl.open.findIndex((o) => o.id === s.id);

export class SyntheticAnomalies {
  private readonly found = new Map<string, TruthSubject[]>();
  private readonly bursts: Burst[] = [];
  private readonly claimed = new Set<string>();

  constructor(
    private readonly rng: Random,
    private readonly ids: Random,
    /** The normal slips of close dates: a stream of their own, the same whatever the rates. */
    private readonly slips: Random,
    private readonly rates: AnomalyRates,
    private readonly discounts: NormalDiscounts,
    private readonly world: SyntheticWorld,
    private readonly start: number,
    private readonly end: number,
    /** The field reps' accelerator and its gaming (none: no commission plans). */
    private readonly accelerator?: SyntheticAccelerator,
  ) {
    this.planBursts();
  }

  /**
   * Bulk reassignments, planned up front: at times spread over the history (after its first
   * quarter, when deals are open to reassign), each by the manager of a team with two sellers or
   * more. Bursts of one manager are at least two hours apart, so each is one burst to a detector.
   */
  private planBursts(): void {
    const { rng, world } = this;
    const teams = [
      { managerId: world.managers.field, sellers: world.fieldReps },
      { managerId: world.managers.inside, sellers: world.insideSales },
      { managerId: world.managers.channel, sellers: world.channelReps },
    ].filter((t) => t.sellers.length >= 2);
    const from = this.start + Math.max(30 * DAY, 0.25 * (this.end - this.start));
    const to = this.end - 2 * HOUR;
    if (teams.length === 0 || from >= to) return;
    const expected = (this.rates.bulk_change * (this.end - this.start)) / (30 * DAY);
    const count = Math.floor(expected) + (rng.chance(expected - Math.floor(expected)) ? 1 : 0);
    const planned: Burst[] = [];
    for (let i = 0; i < count; i++) {
      const team = rng.pick(teams);
      planned.push({ at: Math.round(from + rng.next() * (to - from)), ...team, size: rng.int(24, 32), claimed: 0 });
    }
    planned.sort((a, b) => a.at - b.at);
    for (const b of planned)
      if (!this.bursts.some((o) => o.managerId === b.managerId && Math.abs(o.at - b.at) < 2 * HOUR))
        this.bursts.push(b);
  }

  private record(detector: keyof AnomalyRates, subject: TruthSubject): void {
    const list = this.found.get(detector);
    if (list) list.push(subject);
    else this.found.set(detector, [subject]);
  }

  /**
   * A deal as the normal process made it (its draft and steps), with its line discounts set and
   * any anomalies injected: returns the steps to write. Calls it adds are counted in `counts`.
   */
  deal(sink: Sink, draft: DealDraft, steps: DealStep[], counts: { dealCalls: number }): DealStep[] {
    this.discountLines(draft);
    let out = steps;
    if (!draft.pipeline.enforce) {
      this.recordNormalSkips(draft, out);
      out = this.injectSkip(draft, out);
      out = this.injectRegression(draft, out);
    }
    out = this.closeDates(draft, out);
    if (this.backdate(sink, draft, out)) counts.dealCalls += 1;
    out = this.reassign(draft, out);
    const final = out;
    this.accelerator?.note(draft, final, (t) => this.ownerAt(draft, final, t));
    return out;
  }

  /**
   * Before an arrival at `t`: the field reps just under their accelerator near the month's end
   * may game it (see synthetic-accelerator.ts); a gamed deal's deep discount is a discount outlier too.
   */
  arrival(sink: Sink, t: number, account: Parameters<SyntheticAccelerator['arrival']>[2]): void {
    for (const id of this.accelerator?.arrival(sink, t, account) ?? [])
      this.record('discount_outlier', { subjectType: 'deal', subjectId: id, origin: 'injected' });
  }

  private discountLines(draft: DealDraft): void {
    const { rng } = this;
    const normal = this.discounts.map((d) => [d.percent, d.weight] as const);
    draft.lines = draft.lines.map((l) => {
      const outlier = rng.chance(this.rates.discount_outlier);
      const percent = outlier ? outlierDiscount(rng, this.discounts) : rng.weighted(normal);
      if (outlier)
        this.record('discount_outlier', { subjectType: 'deal', subjectId: draft.row.id, origin: 'injected' });
      return { ...l, discount_percent: percent.toFixed(2) };
    });
  }

  /** The moves of a deal with the place each starts from and goes to. */
  private moves(draft: DealDraft, steps: readonly DealStep[]): { i: number; from: number; to: number | null }[] {
    const pl = draft.pipeline;
    const out: { i: number; from: number; to: number | null }[] = [];
    let from: number | null = 0;
    steps.forEach((s, i) => {
      if (s.kind !== 'move') return;
      const to = placeOf(pl, s.to);
      if (from !== null) out.push({ i, from, to });
      from = to !== null && to < pl.open.length ? to : null;
    });
    return out;
  }

  /** Skips the normal process made (a pipeline's `pSkip`): anomalies to the detector, so truth too. */
  private recordNormalSkips(draft: DealDraft, steps: readonly DealStep[]): void {
    for (const m of this.moves(draft, steps))
      if (m.to !== null && m.to - m.from > 1)
        this.record('stage_skip', { subjectType: 'deal', subjectId: draft.row.id, origin: 'normal' });
  }

  /** Two consecutive single steps forward become one that jumps over the stage between them. */
  private injectSkip(draft: DealDraft, steps: DealStep[]): DealStep[] {
    if (!this.rng.chance(this.rates.stage_skip)) return steps;
    const ms = this.moves(draft, steps);
    const pairs = ms.flatMap((m, k) => {
      const next = ms[k + 1];
      return m.to === m.from + 1 && next && next.i === m.i + 1 && next.to === m.to + 1 ? [m.i] : [];
    });
    if (pairs.length === 0) return steps;
    const i = this.rng.pick(pairs);
    const first = steps[i];
    const second = steps[i + 1];
    if (first?.kind !== 'move' || second?.kind !== 'move') return steps;
    this.record('stage_skip', { subjectType: 'deal', subjectId: draft.row.id, origin: 'injected' });
    return [...steps.slice(0, i), { ...second, t: first.t, actorId: first.actorId }, ...steps.slice(i + 2)];
  }

  /** After a step forward to an open stage, the deal goes back one stage and then forward again. */
  private injectRegression(draft: DealDraft, steps: DealStep[]): DealStep[] {
    if (!this.rng.chance(this.rates.stage_regression)) return steps;
    const pl = draft.pipeline;
    const candidates = this.moves(draft, steps).filter((m) => {
      const next = steps[m.i + 1];
      const here = steps[m.i];
      return m.to !== null && m.to >= 1 && m.to < pl.open.length && next && here && next.t - here.t >= 10_000;
    });
    if (candidates.length === 0) return steps;
    const m = this.rng.pick(candidates);
    const here = steps[m.i];
    const next = steps[m.i + 1];
    const back = pl.open[(m.to ?? 0) - 1];
    const again = pl.open[m.to ?? 0];
    if (!here || !next || !back || !again) return steps;
    const gap = next.t - here.t;
    const tBack = Math.round(here.t + gap * (0.2 + 0.2 * this.rng.next()));
    const tAgain = Math.round(here.t + gap * (0.6 + 0.2 * this.rng.next()));
    this.record('stage_regression', { subjectType: 'deal', subjectId: draft.row.id, origin: 'injected' });
    return [
      ...steps.slice(0, m.i + 1),
      { kind: 'move', t: tBack, actorId: here.actorId, to: back },
      { kind: 'move', t: tAgain, actorId: here.actorId, to: again },
      ...steps.slice(m.i + 1),
    ];
  }

  /** The deal's owner at `t`: its owner at creation, then whoever a step assigned it to. */
  private ownerAt(draft: DealDraft, steps: readonly DealStep[], t: number): string {
    let owner = draft.row.owner_id ?? draft.who.actorId;
    for (const s of steps) if (s.kind === 'assign' && s.t <= t) owner = s.ownerId;
    return owner;
  }

  /** A time near `t` at which the deal has no other step (steps a second apart at least). */
  private freeTime(steps: readonly DealStep[], t: number): number {
    let at = t;
    while (steps.some((s) => Math.abs(s.t - at) < 1000)) at += 2000;
    return at;
  }

  /**
   * The normal slips of the expected close date: each time it passes while the deal is open, the
   * owner moves it 14 to 42 days past the day of the change, 1 to 5 days after it passed, in
   * working hours. A slip that is the detector's pattern (in a quarter's last week, past its end,
   * the deal then won early in the next) is truth of origin `normal`. Otherwise, a deal won in the
   * first 10 days of a quarter and open during the last 7 days of the quarter before may get, at
   * the rate, the injected push: at a time in those days its owner moves the close date from a day
   * of that quarter to a day 0 to 14 days after the win, so it slips no more. When the close date
   * lay elsewhere, the owner first set it to a day of the quarter's end, up to 30 days before.
   */
  private closeDates(draft: DealDraft, steps: DealStep[]): DealStep[] {
    const { slips } = this;
    const closing = steps.find((s) => s.kind === 'move' && s.to.kind !== 'open');
    const until = Math.min(closing?.t ?? this.end, this.end - MINUTE);
    const initial = draft.row.expected_close_date;
    const made: { t: number; from: string; to: string }[] = [];
    for (let close = initial; close !== null;) {
      const due = dayStart(close) + slips.int(1, 5) * DAY + slips.int(9 * 60, 17 * 60) * MINUTE;
      const t = this.freeTime(steps, Math.max(due, draft.t + HOUR));
      const to = dayOf(t + slips.int(14, 42) * DAY);
      if (t >= until) break;
      made.push({ t, from: close, to });
      close = to;
    }
    const slipSteps = (upTo: number): DealStep[] =>
      made
        .filter((m) => m.t < upTo)
        .map((m) => ({ kind: 'close', t: m.t, actorId: this.ownerAt(draft, steps, m.t), to: m.to }));
    const normal = byTime([...steps, ...slipSteps(Infinity)]);
    const won = closing?.kind === 'move' && closing.to.kind === 'won' ? closing : null;
    if (!won) return normal;
    if (made.some((m) => pushedPastQuarter(m.t, m.from, m.to, won.t))) {
      this.record('quarter_end_gaming', { subjectType: 'deal', subjectId: draft.row.id, origin: 'normal' });
      return normal;
    }
    const quarterStart = dayStart(fiscalPeriodOf(dayOf(won.t), FISCAL_START).startsOn);
    if (won.t - quarterStart >= PUSH_DEFAULT_WIN_DAYS * DAY) return normal;
    const lo = Math.max(quarterStart - PUSH_DEFAULT_LAST_DAYS * DAY, draft.t + 2 * HOUR);
    const hi = quarterStart - HOUR;
    if (lo >= hi) return normal;
    const t = this.freeTime(steps, Math.round(lo + this.rng.next() * (hi - lo)));
    if (t >= hi || !this.rng.chance(this.rates.quarter_end_gaming)) return normal;
    const previous = fiscalPeriodOf(dayOf(quarterStart - DAY), FISCAL_START);
    const owner = (at: number) => this.ownerAt(draft, steps, at);
    const before = made.filter((m) => m.t < t);
    const from = before.at(-1)?.to ?? initial;
    const added: DealStep[] = [];
    let kept = slipSteps(t);
    if (from === null || from < previous.startsOn || from >= previous.endsOn || from < dayOf(t)) {
      // The owner had committed the deal to the quarter: up to 30 days before, the close date set
      // to a day between the push and the quarter's last day.
      const first = Math.max(draft.t + HOUR, quarterStart - 30 * DAY);
      const at = this.freeTime(steps, Math.round(first + this.rng.next() * Math.max(0, t - HOUR - first)));
      const days = Math.round((quarterStart - dayStart(dayOf(t))) / DAY);
      const into = dayOf(dayStart(dayOf(t)) + this.rng.int(0, days - 1) * DAY);
      kept = slipSteps(at);
      added.push({ kind: 'close', t: at, actorId: owner(at), to: into });
    }
    const to = dayOf(won.t + this.rng.int(0, 14) * DAY);
    added.push({ kind: 'close', t, actorId: owner(t), to });
    this.record('quarter_end_gaming', { subjectType: 'deal', subjectId: draft.row.id, origin: 'injected' });
    return byTime([...steps, ...kept, ...added]);
  }

  /** A call on the deal, made while it was worked and logged 16 to 45 days later. */
  private backdate(sink: Sink, draft: DealDraft, steps: readonly DealStep[]): boolean {
    const { rng } = this;
    if (!rng.chance(this.rates.backdating)) return false;
    const closed = steps.find((s) => s.kind === 'move' && s.to.kind !== 'open');
    const until = Math.min(closed?.t ?? this.end, this.end);
    const happened = Math.round(draft.t + rng.next() * (until - draft.t));
    const logged = Math.round(happened + (16 + rng.next() * 29) * DAY);
    if (logged >= this.end - MINUTE) return false;
    const owner = this.ownerAt(draft, steps, happened);
    const id = this.ids.uuid();
    writeCall(sink, { orgId: draft.who.orgId, actorId: owner }, happened, {
      id,
      deal_id: draft.row.id,
      contact_id: null,
      account_id: null,
      lead_id: null,
      owner_id: owner,
      disposition: 'connected',
      durationSeconds: rng.int(300, 1800),
      loggedAt: logged,
    });
    this.record('backdating', { subjectType: 'activity', subjectId: id, origin: 'injected' });
    return true;
  }

  /**
   * The deal joins the first planned burst that still wants deals when it is open then and owned
   * by one of the burst's team: the manager reassigns it to another seller of the team, who moves
   * it (and changes its close date) from then on. Within a burst a deal a minute, so a burst of 32 spans about half an hour.
   */
  private reassign(draft: DealDraft, steps: DealStep[]): DealStep[] {
    if (this.claimed.has(draft.row.id)) return steps;
    for (const b of this.bursts) {
      if (b.claimed >= b.size) continue;
      const at = b.at + b.claimed * MINUTE + this.rng.int(0, 30_000);
      if (draft.t >= at - 1000 || steps.some((s) => Math.abs(s.t - at) < 1000)) continue;
      if (steps.some((s) => s.t < at && s.kind === 'move' && s.to.kind !== 'open')) continue;
      if (steps.some((s) => s.kind === 'assign' && s.t > at)) continue;
      let owner = draft.row.owner_id ?? draft.who.actorId;
      for (const s of steps) if (s.kind === 'assign' && s.t < at) owner = s.ownerId;
      if (!b.sellers.includes(owner)) continue;
      const to = this.rng.pick(b.sellers.filter((s) => s !== owner));
      b.claimed += 1;
      this.claimed.add(draft.row.id);
      const before = steps.filter((s) => s.t < at);
      const after = steps.filter((s) => s.t > at).map((s) => (s.kind === 'assign' ? s : { ...s, actorId: to }));
      return [...before, { kind: 'assign', t: at, actorId: b.managerId, ownerId: to }, ...after];
    }
    return steps;
  }

  /**
   * The truth: per detector its rate and subjects. A burst counts once it reached the detector's
   * definition of a bulk change (20 changes within the hour); one that found too few open deals
   * before its time is ordinary reassignment.
   */
  truth(): AnomalyTruth {
    for (const b of this.bursts)
      if (b.claimed >= BULK_DEFAULT_COUNT)
        this.record('bulk_change', { subjectType: 'user', subjectId: b.managerId, origin: 'injected' });
    this.bursts.length = 0;
    for (const { dealId, origin } of this.accelerator?.truth() ?? [])
      if (!this.found.get('quarter_end_gaming')?.some((x) => x.subjectId === dealId))
        this.record('quarter_end_gaming', { subjectType: 'deal', subjectId: dealId, origin });
    const out: AnomalyTruth = {};
    for (const key of Object.keys(RATE_UNITS) as (keyof AnomalyRates)[])
      out[key] = { rate: this.rates[key], per: RATE_UNITS[key], subjects: this.found.get(key) ?? [] };
    return out;
  }
}

export interface ScoredFinding {
  detector: string;
  subjectType: string;
  subjectId: string;
}

export interface DetectorScore {
  detector: string;
  /** Whether the truth has anomalies of this detector; if not, it is reported as not injected. */
  injected: boolean;
  truth: number;
  findings: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** Null when there is nothing to divide by. */
  precision: number | null;
  recall: number | null;
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/**
 * Scores findings against the truth, per detector: findings and truth subjects are matched by
 * (subjectType, subjectId) as multisets, so a subject made anomalous twice must be found twice.
 */
export function scoreFindings(
  truth: AnomalyTruth,
  findings: readonly ScoredFinding[],
  detectors: readonly string[],
): DetectorScore[] {
  return detectors.map((detector) => {
    const subjects = truth[detector]?.subjects ?? [];
    const want = new Map<string, number>();
    for (const s of subjects) {
      const key = `${s.subjectType}:${s.subjectId}`;
      want.set(key, (want.get(key) ?? 0) + 1);
    }
    const got = new Map<string, number>();
    for (const f of findings) {
      if (f.detector !== detector) continue;
      const key = `${f.subjectType}:${f.subjectId}`;
      got.set(key, (got.get(key) ?? 0) + 1);
    }
    let tp = 0;
    for (const [key, n] of got) tp += Math.min(n, want.get(key) ?? 0);
    const found = [...got.values()].reduce((a, b) => a + b, 0);
    return {
      detector,
      injected: subjects.length > 0,
      truth: subjects.length,
      findings: found,
      truePositives: tp,
      falsePositives: found - tp,
      falseNegatives: subjects.length - tp,
      precision: found > 0 ? round4(tp / found) : null,
      recall: subjects.length > 0 ? round4(tp / subjects.length) : null,
    };
  });
}
