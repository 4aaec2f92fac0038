import type { ApprovalReason, ApprovalRuleKind } from '../contract/oversight.ts';
import { toScaled } from '../contract/money.ts';

export interface RuleFacts {
  id: string;
  kind: ApprovalRuleKind;
  threshold: string | null;
  currency: string | null;
}

/** A closed fiscal period, `startsOn` inclusive and `endsOn` exclusive (dates in the organization's time zone). */
export interface LockedPeriod {
  startsOn: string;
  endsOn: string;
}

export interface DealFacts {
  status: 'open' | 'won' | 'lost';
  amount: string | null;
  currency: string;
  expectedCloseDate: string | null;
  /** The day the deal closed, in the organization's time zone; null while open. */
  closedOn: string | null;
}

/** A line of the changed deal with the list price of its product in the deal's currency (null when none). */
export interface LineFacts {
  productId: string;
  unitPrice: string;
  discountPercent: string;
  listPrice: string | null;
}

export type ChangeFacts =
  | {
      action: 'update_deal';
      amount?: string | null;
      currency?: string;
      expectedCloseDate?: string | null;
      /** The lines after the change, when it replaces them; `previous` are the lines before. */
      lines?: readonly LineFacts[];
      previous: readonly LineFacts[];
    }
  | { action: 'move_stage'; toKind: 'open' | 'won' | 'lost' };

const inPeriod = (day: string | null | undefined, locks: readonly LockedPeriod[]): LockedPeriod | undefined =>
  day ? locks.find((l) => day >= l.startsOn && day < l.endsOn) : undefined;

/**
 * The discount of a line from its product's list price, in percent: 1 − unitPrice × (1 − d/100) /
 * listPrice. A line whose product has no list price in the deal's currency counts its own discount.
 */
export function effectiveDiscount(line: LineFacts): number {
  const own = Number(line.discountPercent);
  const list = line.listPrice === null ? 0 : Number(line.listPrice);
  if (!(list > 0)) return own;
  const net = Number(line.unitPrice) * (1 - own / 100);
  return Math.round((1 - net / list) * 10_000) / 100;
}

const cmp = (a: string, b: string): number => {
  const x = toScaled(a, 2);
  const y = toScaled(b, 2);
  return x === y ? 0 : x > y ? 1 : -1;
};

/**
 * Why a change of a deal needs approval under the organization's active rules (empty: it does not).
 * A line's discount counts only when it is above the threshold and above what the same product's
 * line had before (an approved discount sent again is not asked for again); an amount only when it
 * changes to above the limit in the limit's currency; reopening when a won deal leaves won; a locked
 * period when the close date moves into one, or a deal closed in one changes its amount or outcome.
 */
export function approvalReasons(
  rules: readonly RuleFacts[],
  deal: DealFacts,
  change: ChangeFacts,
  locks: readonly LockedPeriod[],
): ApprovalReason[] {
  const out: ApprovalReason[] = [];
  for (const rule of rules) {
    const reason = (message: string) => out.push({ ruleId: rule.id, kind: rule.kind, message });
    switch (rule.kind) {
      case 'discount_above': {
        if (change.action !== 'update_deal' || !change.lines || rule.threshold === null) break;
        const limit = Number(rule.threshold);
        change.lines.forEach((line, i) => {
          const d = effectiveDiscount(line);
          const before = change.previous.filter((p) => p.productId === line.productId).map(effectiveDiscount);
          const had = before.length ? Math.max(...before) : -1;
          if (d > limit && d > had) reason(`line ${i + 1}: discount of ${d}% from list price is above ${limit}%`);
        });
        break;
      }
      case 'amount_above': {
        if (change.action !== 'update_deal' || change.amount === undefined || change.amount === null) break;
        if (rule.threshold === null || (change.currency ?? deal.currency) !== rule.currency) break;
        if (deal.amount !== null && cmp(deal.amount, change.amount) === 0) break;
        if (cmp(change.amount, rule.threshold) > 0)
          reason(`amount ${change.amount} ${rule.currency} is above the limit of ${rule.threshold}`);
        break;
      }
      case 'reopen_won':
        if (change.action === 'move_stage' && deal.status === 'won' && change.toKind !== 'won')
          reason(change.toKind === 'open' ? 'reopens a won deal' : 'turns a won deal into lost');
        break;
      case 'locked_period': {
        if (change.action === 'update_deal') {
          const lock = inPeriod(change.expectedCloseDate, locks);
          if (lock && change.expectedCloseDate !== deal.expectedCloseDate)
            reason(
              `close date ${change.expectedCloseDate} is inside the locked period ${lock.startsOn} – ${lock.endsOn}`,
            );
          const closedIn = inPeriod(deal.closedOn, locks);
          const amountChanges =
            change.amount !== undefined &&
            (change.amount === null || deal.amount === null
              ? change.amount !== deal.amount
              : cmp(change.amount, deal.amount) !== 0);
          if (closedIn && amountChanges)
            reason(
              `changes the amount of a deal closed in the locked period ${closedIn.startsOn} – ${closedIn.endsOn}`,
            );
        } else {
          const closedIn = inPeriod(deal.closedOn, locks);
          if (closedIn && deal.status !== 'open' && change.toKind !== deal.status)
            reason(
              `changes the outcome of a deal closed in the locked period ${closedIn.startsOn} – ${closedIn.endsOn}`,
            );
        }
        break;
      }
    }
  }
  return out;
}
