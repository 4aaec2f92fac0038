import { z } from 'zod';
import { ACCELERATOR_MIN_OTHER_DEALS, ACCELERATOR_NEAR_FRACTION } from '../../analytics/detectors-gaming.ts';
import { DISCOUNT_DEFAULT_Z, robustZ } from '../../analytics/detectors.ts';
import { fromScaled, lineNetTotal, toScaled } from '../../contract/money.ts';
import { assignPlan, createPlan } from '../commissions/plans.service.ts';
import type { Deps } from '../context.ts';
import type { Random } from '../demo/random.ts';
import { startDeal, writeDeal, type DealDraft, type DealStep, type Sink } from './synthetic-records.ts';
import type { SyntheticWorld } from './synthetic-setup.ts';

const DAY = 86_400_000;
/** A quick deal's time in each stage. */
const QUICK_STEP = 20 * 60_000;

/**
 * The field reps' commission plan and the gaming of its accelerator. Reps are paid `ratePercent`
 * of the amount of the deals they win, at `acceleratorMultiplier` times that past
 * `acceleratorFrom` credited in a month. A rep just under the accelerator in the month's last 7
 * days (credited at least 80 % of it) closes, at the rate `acceleratorGaming`, a quick deal at a
 * deep discount big enough to carry them across.
 */
export const commissionParamsSchema = z.strictObject({
  ratePercent: z.number().min(0).max(100),
  acceleratorFrom: z.number().positive(),
  acceleratorMultiplier: z.number().gt(1).max(10),
  /** Per field rep and month credited 80 to 100 % of the accelerator at some time in the month's last 7 days. */
  acceleratorGaming: z.number().min(0).max(1),
});
export type CommissionParams = z.infer<typeof commissionParamsSchema>;

export const defaultCommissionParams: CommissionParams = {
  ratePercent: 8,
  acceleratorFrom: 1_000_000,
  acceleratorMultiplier: 1.5,
  acceleratorGaming: 0.8,
};

/** The field reps' plan, made and given to each of them from the history's first day (through the services). */
export async function setUpSyntheticCommissions(
  deps: Deps,
  world: SyntheticWorld,
  params: CommissionParams,
  startsOn: string,
): Promise<void> {
  const plan = await createPlan(deps, world.admin, {
    name: 'Field reps',
    basis: 'amount',
    currency: 'USD',
    rates: [{ family: null, ratePercent: String(params.ratePercent) }],
    tiers: [
      { from: '0.00', multiplier: '1' },
      { from: params.acceleratorFrom.toFixed(2), multiplier: String(params.acceleratorMultiplier) },
    ],
    cap: null,
    clawbackDays: 90,
    overridePercent: null,
    overrideLevels: 0,
  });
  for (const rep of world.fieldReps)
    await assignPlan(deps, world.admin, { planId: plan.id, payeeKind: 'user', payeeId: rep, startsOn, endsOn: null });
}

/** The days of a month's end in which a rep near the accelerator games it. */
export const ACCELERATOR_LAST_DAYS = 7;

interface Win {
  dealId: string;
  repId: string;
  t: number;
  month: string;
  /** The credited basis (the line items' net total), in cents. */
  basis: bigint;
  /** The highest line discount, in percent (null: no line items, so no discount to judge). */
  discount: number | null;
}

const monthOf = (t: number): string => new Date(t).toISOString().slice(0, 7);
const monthEnd = (t: number): number => {
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
};

/** What the plan credits: the line items' net total, or the amount of a deal without any. */
function basisOf(draft: DealDraft): bigint {
  if (draft.lines.length === 0) return draft.row.amount === null ? 0n : toScaled(draft.row.amount, 2);
  return draft.lines.reduce(
    (sum, l) => sum + toScaled(lineNetTotal(l.quantity, l.unit_price, l.discount_percent), 2),
    0n,
  );
}

/**
 * Follows every deal the field reps win (the synthetic organization's days are UTC days, as the
 * statement's months), injects the gamed deals and, at the end, tells which won deals are the
 * detector's pattern: injected, or made so by normal business (a discount outlier that happened to
 * carry a rep across).
 */
export class SyntheticAccelerator {
  private readonly wins: Win[] = [];
  private readonly injected = new Set<string>();
  private readonly checked = new Set<string>();
  private readonly threshold: bigint;

  private readonly fieldReps: readonly string[];

  constructor(
    private readonly rng: Random,
    /** Ids of the gamed deals and their lines: a stream of their own. */
    private readonly ids: Random,
    private readonly params: CommissionParams,
    private readonly world: SyntheticWorld,
    private readonly end: number,
    /** The deep discount of a gamed deal (a discount outlier's). */
    private readonly deepDiscount: () => number,
  ) {
    this.threshold = BigInt(Math.round(params.acceleratorFrom * 100));
    this.fieldReps = world.fieldReps;
  }

  /** A deal as it will be written, with its final steps: when a field rep wins it, the win is noted. */
  note(draft: DealDraft, steps: readonly DealStep[], ownerAt: (t: number) => string): void {
    const won = steps.find((s) => s.kind === 'move' && s.to.kind === 'won');
    if (!won) return;
    const repId = ownerAt(won.t);
    if (!this.fieldReps.includes(repId)) return;
    const basis = basisOf(draft);
    if (basis > 0n)
      this.wins.push({
        dealId: draft.row.id,
        repId,
        t: won.t,
        month: monthOf(won.t),
        basis,
        discount: draft.lines.length ? Math.max(...draft.lines.map((l) => Number(l.discount_percent))) : null,
      });
  }

  /**
   * At an arrival at `t` in a month's last 7 days, every deal won before `t` is known (a deal is
   * won after it arrives): each field rep whose credit of the month lies in [80 %, 100 %) of the
   * accelerator, the first time it does that month, games it at the rate: a quick deal with an
   * account of the rep's, its platform line at a deep discount and seats enough to carry the rep a
   * tenth past the accelerator, through every stage and won within hours. Answers the deals made.
   */
  arrival(
    sink: Sink,
    t: number,
    account: (rng: Random) => { id: string; name: string; contacts: string[] } | undefined,
  ): string[] {
    if (monthEnd(t) - t > ACCELERATOR_LAST_DAYS * DAY) return [];
    const month = monthOf(t);
    const near = (this.threshold * BigInt(Math.round(ACCELERATOR_NEAR_FRACTION * 100))) / 100n;
    const made: string[] = [];
    for (const repId of this.fieldReps) {
      const key = `${repId}:${month}`;
      if (this.checked.has(key)) continue;
      // Credited before the quick deal's win, hours later (deals arriving after `t` are not won by then).
      const at = t + 60_000 * (made.length + 1);
      const wonAt = at + this.world.pipelines.b2b.open.length * QUICK_STEP;
      const credited = this.wins
        .filter((w) => w.repId === repId && w.month === month && w.t < wonAt)
        .reduce((sum, w) => sum + w.basis, 0n);
      if (credited < near || credited >= this.threshold) continue;
      this.checked.add(key);
      if (!this.rng.chance(this.params.acceleratorGaming)) continue;
      const id = this.quickDeal(sink, at, repId, this.threshold - credited, account);
      if (id) made.push(id);
    }
    return made;
  }

  private quickDeal(
    sink: Sink,
    t: number,
    repId: string,
    gap: bigint,
    account: (rng: Random) => { id: string; name: string; contacts: string[] } | undefined,
  ): string | null {
    const { world, rng, ids } = this;
    const pipeline = world.pipelines.b2b;
    const [platform, seat] = world.products;
    const acc = account(rng);
    const wonAt = t + pipeline.open.length * QUICK_STEP;
    if (!platform || !seat || !acc || wonAt >= monthEnd(t) || wonAt >= this.end) return null;
    const dealId = ids.uuid();
    const discount = this.deepDiscount().toFixed(2);
    const platformNet = toScaled(lineNetTotal('1', platform.listPrice, discount), 2);
    const target = gap + gap / 10n;
    const seatPrice = toScaled(seat.listPrice, 2);
    const seats = target > platformNet ? (target - platformNet + seatPrice - 1n) / seatPrice : 1n;
    const line = (product: { id: string; listPrice: string }, position: number, quantity: string, off: string) => ({
      org_id: world.orgId,
      id: ids.uuid(),
      deal_id: dealId,
      product_id: product.id,
      position,
      quantity,
      unit_price: product.listPrice,
      discount_percent: off,
    });
    const lines = [line(platform, 0, '1.0000', discount), line(seat, 1, `${seats}.0000`, '0.00')];
    const amount = lines.reduce(
      (sum, l) => sum + toScaled(lineNetTotal(l.quantity, l.unit_price, l.discount_percent), 2),
      0n,
    );
    const draft = startDeal(
      { orgId: world.orgId, actorId: repId },
      t,
      pipeline,
      {
        id: dealId,
        name: `${acc.name} – quarter-end bundle`,
        account_id: acc.id,
        primary_contact_id: acc.contacts[0] ?? null,
        amount: fromScaled(amount, 2),
        expected_close_date: new Date(t).toISOString().slice(0, 10),
        owner_id: repId,
        source: 'referral',
        channel: 'direct',
        partner_account_id: null,
      },
      lines,
      [],
    );
    const moves: DealStep[] = [...pipeline.open.slice(1), pipeline.won].map((to, i) => ({
      kind: 'move',
      t: t + (i + 1) * QUICK_STEP,
      actorId: repId,
      to,
    }));
    writeDeal(sink, draft, moves);
    this.injected.add(dealId);
    this.note(draft, moves, () => repId);
    return dealId;
  }

  /** The deals gamed (each also a discount outlier). */
  get gamedDeals(): readonly string[] {
    return [...this.injected];
  }

  /**
   * The won deals that are `quarter_end_gaming`'s accelerator pattern, as the detector reads the
   * ledger at the end of the history: the deal takes its rep's month from [80 %, 100 %) of the
   * accelerator to past it, and its discount's robust z-score among the rep's won deals (at least
   * 5 others) is above 3.5.
   */
  truth(): { dealId: string; origin: 'injected' | 'normal' }[] {
    const out: { dealId: string; origin: 'injected' | 'normal' }[] = [];
    const near = Number(this.threshold) * ACCELERATOR_NEAR_FRACTION;
    const byRep = new Map<string, Win[]>();
    for (const w of this.wins) byRep.set(w.repId, [...(byRep.get(w.repId) ?? []), w]);
    for (const wins of byRep.values()) {
      const ordered = [...wins].sort((a, b) => a.t - b.t);
      const credited = new Map<string, bigint>();
      for (const w of ordered) {
        const before = credited.get(w.month) ?? 0n;
        const after = before + w.basis;
        credited.set(w.month, after);
        if (w.discount === null || Number(before) < near || before >= this.threshold || after < this.threshold)
          continue;
        const others = ordered.flatMap((o) => (o.dealId !== w.dealId && o.discount !== null ? [o.discount] : []));
        if (others.length < ACCELERATOR_MIN_OTHER_DEALS) continue;
        const z = robustZ([...others, w.discount]).at(-1) ?? 0;
        if (z > DISCOUNT_DEFAULT_Z)
          out.push({ dealId: w.dealId, origin: this.injected.has(w.dealId) ? 'injected' : 'normal' });
      }
    }
    return out;
  }
}
