import { wilsonInterval, type Interval } from './proportions.ts';

/** One objection raised by a buyer, with where it was raised and what followed. */
export interface ObjectionFact {
  category: string;
  /** The deal's stage when it was raised; null on a call without a deal. */
  stageId: string | null;
  /** The products on the deal's lines (an objection counts under each); empty without any. */
  productIds: readonly string[];
  resolved: boolean;
  /** The recommended response the seller used; null when none was recorded. */
  responseUsed: string | null;
  /** A next step followed: a meeting booked, or the deal advanced to a later stage or won, after it was raised. */
  progressed: boolean;
}

export interface ObjectionCell {
  category: string;
  stageId: string | null;
  productId: string | null;
  raised: number;
}

export interface RateWithInterval {
  /** successes ÷ n; null when n is 0. */
  rate: number | null;
  /** 95 % Wilson score interval of the rate; null when n is 0. */
  interval: Interval | null;
}

export interface ObjectionCategoryRow extends RateWithInterval {
  category: string;
  raised: number;
  resolved: number;
}

export interface ResponseRow extends RateWithInterval {
  category: string;
  /** The response used; null groups the objections answered with no recorded response (the baseline). */
  response: string | null;
  used: number;
  progressed: number;
}

export interface ObjectionAnalytics {
  total: number;
  /** How often each category was raised in each stage and for each product (null: none). */
  frequency: ObjectionCell[];
  /** Resolution rate per category. */
  byCategory: ObjectionCategoryRow[];
  /** Per category and response: how often the objection was followed by progress. */
  responses: ResponseRow[];
}

const nullsLast = (a: string | null, b: string | null) =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : a.localeCompare(b);

function rate(successes: number, n: number): RateWithInterval {
  return { rate: n > 0 ? successes / n : null, interval: wilsonInterval(successes, n) };
}

/**
 * Objection analytics: frequency by category × stage × product (an objection on a deal with several
 * products counts once under each), the resolution rate per category, and per category and
 * recommended response the share of objections followed by progress — each rate with its 95 %
 * Wilson interval. Rows are sorted by category, then stage and product (frequency) or by use,
 * most used first (responses).
 */
export function objectionAnalytics(facts: readonly ObjectionFact[]): ObjectionAnalytics {
  const cells = new Map<string, ObjectionCell>();
  for (const f of facts) {
    for (const productId of f.productIds.length ? f.productIds : [null]) {
      const k = JSON.stringify([f.category, f.stageId, productId]);
      const cell = cells.get(k) ?? { category: f.category, stageId: f.stageId, productId, raised: 0 };
      cell.raised += 1;
      cells.set(k, cell);
    }
  }
  const categories = [...new Set(facts.map((f) => f.category))].sort();
  const byCategory = categories.map((category) => {
    const of = facts.filter((f) => f.category === category);
    const resolved = of.filter((f) => f.resolved).length;
    return { category, raised: of.length, resolved, ...rate(resolved, of.length) };
  });
  const responses = categories.flatMap((category) => {
    const of = facts.filter((f) => f.category === category);
    const names = [...new Set(of.map((f) => f.responseUsed))];
    return names
      .map((response) => {
        const used = of.filter((f) => f.responseUsed === response);
        const progressed = used.filter((f) => f.progressed).length;
        return { category, response, used: used.length, progressed, ...rate(progressed, used.length) };
      })
      .sort((a, b) => b.used - a.used || nullsLast(a.response, b.response));
  });
  const frequency = [...cells.values()].sort(
    (a, b) =>
      a.category.localeCompare(b.category) || nullsLast(a.stageId, b.stageId) || nullsLast(a.productId, b.productId),
  );
  return { total: facts.length, frequency, byCategory, responses };
}
