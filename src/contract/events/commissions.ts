import { z } from 'zod';
import type { EventDefinition } from './catalog.ts';
import { ids } from './payloads.ts';

/** The records of commissions the log is about (a deal's split is an event of the deal). */
export const commissionEntityTypes = [
  'commission_plan',
  'commission_assignment',
  'commission_bonus',
  'commission_dispute',
] as const;

const payeeKind = z.enum(['user', 'partner']);
const planSnapshot = z.looseObject({
  name: ids.text,
  basis: z.enum(['amount', 'margin']),
  currency: ids.text,
  rates: z.array(z.strictObject({ family: ids.nullableText, ratePercent: ids.decimal })),
  tiers: z.array(z.strictObject({ from: ids.decimal, multiplier: ids.decimal })),
  cap: ids.decimal.nullable(),
  clawbackDays: z.number().int().nonnegative(),
  overridePercent: ids.decimal.nullable(),
  overrideLevels: z.number().int().nonnegative(),
});

const def = (
  type: string,
  entityTypes: readonly ((typeof commissionEntityTypes)[number] | 'deal')[],
  when: string,
  schema: z.ZodType,
): EventDefinition => ({ type, entityTypes, version: 1, when, schema, history: [] });

/**
 * Commission plans, their assignment, deal splits, bonuses and disputes. Statement lines are not
 * events themselves: they are computed from these and the deal events (every line names its events).
 */
export const commissionEventDefinitions: EventDefinition[] = [
  def(
    'commission_plan.created',
    ['commission_plan'],
    'a commission plan is made (plans do not change afterwards)',
    z.strictObject({ after: planSnapshot }),
  ),
  def(
    'commission_plan.assigned',
    ['commission_assignment'],
    'a plan is given to a person or partner account for a span of days',
    z.strictObject({
      planId: ids.id,
      payeeKind,
      payeeId: ids.id,
      startsOn: ids.text,
      endsOn: ids.nullableText,
    }),
  ),
  def(
    'commission_split.set',
    ['deal'],
    "a deal's credit is split between reps (no members: the owner alone again)",
    z.strictObject({ members: z.array(z.strictObject({ userId: ids.id, percent: ids.decimal })) }),
  ),
  def(
    'commission_bonus.granted',
    ['commission_bonus'],
    'a one-off bonus is granted (a line of the month it is granted in)',
    z.strictObject({ payeeKind, payeeId: ids.id, amount: ids.decimal, currency: ids.text, reason: ids.text }),
  ),
  def(
    'commission_dispute.raised',
    ['commission_dispute'],
    'a payee disputes a line of a statement',
    z.strictObject({ payeeKind, payeeId: ids.id, period: ids.text, lineId: ids.text, reason: ids.text }),
  ),
  def(
    'commission_dispute.answered',
    ['commission_dispute'],
    'a manager or finance answers a dispute; an accepted one may add an adjustment line',
    z.strictObject({
      payeeKind,
      payeeId: ids.id,
      decision: z.enum(['accepted', 'rejected']),
      note: ids.text,
      adjustment: ids.decimal.nullable(),
      currency: ids.text,
    }),
  ),
];
