import type { Actor } from '../../contract/access.ts';
import { grantBonus } from '../commissions/adjustments.service.ts';
import { assignPlan, createPlan } from '../commissions/plans.service.ts';
import type { Deps } from '../context.ts';

/**
 * The demo's pay plans from its first day: field and channel reps on 8 % of amount with an
 * accelerator past 60,000.00 a month and a decelerator past 150,000.00, the field and sales leads
 * on an override two levels down; so every win of the year shows on a statement.
 */
export async function seedCommissionPlans(
  deps: Deps,
  opts: { admin: Actor; reps: readonly Actor[]; managers: readonly Actor[]; startsOn: string },
): Promise<void> {
  const reps = await createPlan(deps, opts.admin, {
    name: 'Field sales',
    basis: 'amount',
    currency: 'USD',
    rates: [{ family: null, ratePercent: '8' }],
    tiers: [
      { from: '0.00', multiplier: '1' },
      { from: '60000.00', multiplier: '1.5' },
      { from: '150000.00', multiplier: '0.5' },
    ],
    cap: null,
    clawbackDays: 90,
    overridePercent: null,
    overrideLevels: 0,
  });
  const managers = await createPlan(deps, opts.admin, {
    name: 'Sales leadership',
    basis: 'amount',
    currency: 'USD',
    rates: [],
    tiers: [],
    cap: '25000.00',
    clawbackDays: 90,
    overridePercent: '1.5',
    overrideLevels: 2,
  });
  for (const [plan, people] of [
    [reps, opts.reps],
    [managers, opts.managers],
  ] as const)
    for (const p of people)
      await assignPlan(deps, opts.admin, {
        planId: plan.id,
        payeeKind: 'user',
        payeeId: p.userId,
        startsOn: opts.startsOn,
        endsOn: null,
      });
}

/** A bonus at the end of the demo year, for the first field rep. */
export async function seedCommissionBonus(deps: Deps, admin: Actor, rep: Actor): Promise<void> {
  await grantBonus(deps, admin, {
    payeeKind: 'user',
    payeeId: rep.userId,
    amount: '1500.00',
    currency: 'USD',
    reason: 'Best quarter in the field team',
  });
}

/**
 * The partner agreement from the demo's first day: 5 % of the amount of each deal registered to a
 * partner account, so a partner user's statement shows its account's lines.
 */
export async function seedPartnerPlan(
  deps: Deps,
  admin: Actor,
  opts: { partnerAccountIds: readonly string[]; startsOn: string },
): Promise<void> {
  const plan = await createPlan(deps, admin, {
    name: 'Partner agreement',
    basis: 'amount',
    currency: 'USD',
    rates: [{ family: null, ratePercent: '5' }],
    tiers: [],
    cap: null,
    clawbackDays: 90,
    overridePercent: null,
    overrideLevels: 0,
  });
  for (const id of opts.partnerAccountIds)
    await assignPlan(deps, admin, {
      planId: plan.id,
      payeeKind: 'partner',
      payeeId: id,
      startsOn: opts.startsOn,
      endsOn: null,
    });
}
