import type { ForecastCategory } from '../contract/pipelines.ts';
import { fromScaled, toScaled } from '../contract/money.ts';
import type { PipelineModel } from './model.ts';
import { currencyOrder } from './numbers.ts';

/** Deals grouped by close period, stage, status and currency, as the database sums them. */
export interface ForecastRow {
  /** 'YYYY-MM' or 'YYYY-Qn' of the expected close date (open) or close date (won); null when an open deal has none. */
  period: string | null;
  stageId: string;
  status: 'open' | 'won';
  currency: string;
  deals: number;
  /** Exact sum of amounts. */
  amount: string;
  /** Exact Σ amount × probability / 100 (up to 4 decimals), for open deals. */
  weighted: string;
}

export interface StageWeight {
  currency: string;
  deals: number;
  amount: string;
  /** Σ amount × probability / 100, rounded to cents once, after summing exactly. */
  weighted: string;
}

export interface ForecastBucket {
  currency: string;
  /** Amount per forecast category: won deals are closed; open deals count in their stage's category. */
  closed: string;
  commit: string;
  bestCase: string;
  pipeline: string;
  omitted: string;
  /** Cumulative: commit = closed + commit; bestCase = that + best case; pipeline = that + pipeline (omitted never). */
  rollup: { commit: string; bestCase: string; pipeline: string };
  /** Weighted amount of the open deals of the period. */
  weightedOpen: string;
}

export interface ForecastResult {
  weighted: {
    stages: {
      stageId: string;
      name: string;
      probability: number;
      forecastCategory: ForecastCategory;
      byCurrency: StageWeight[];
    }[];
    totals: StageWeight[];
  };
  periods: { period: string | null; byCurrency: ForecastBucket[] }[];
}

const cents = (v: string) => toScaled(v, 2);
const units4 = (v: string) => toScaled(v, 4);

/** Rounds a 4-decimal amount to cents, half away from zero. */
function roundToCents(u: bigint): string {
  const neg = u < 0n;
  const a = neg ? -u : u;
  const c = (a + 50n) / 100n;
  return fromScaled(neg ? -c : c, 2);
}

function weights(rows: readonly ForecastRow[], currencies: readonly string[]): StageWeight[] {
  return currencies.flatMap((currency) => {
    const mine = rows.filter((r) => r.currency === currency);
    if (mine.length === 0) return [];
    return [
      {
        currency,
        deals: mine.reduce((n, r) => n + r.deals, 0),
        amount: fromScaled(
          mine.reduce((n, r) => n + cents(r.amount), 0n),
          2,
        ),
        weighted: roundToCents(mine.reduce((n, r) => n + units4(r.weighted), 0n)),
      },
    ];
  });
}

type CategoryKey = 'closed' | 'commit' | 'bestCase' | 'pipeline' | 'omitted';
const categoryKey: Record<ForecastCategory, CategoryKey> = {
  closed: 'closed',
  commit: 'commit',
  best_case: 'bestCase',
  pipeline: 'pipeline',
  omitted: 'omitted',
};

/**
 * Weighted pipeline and forecast. Weighted pipeline: per open stage and currency, Σ amount ×
 * probability / 100 over open deals, summed exactly and rounded to cents once. Forecast: per close
 * period and currency, the amount in each forecast category (won deals closed in the period are
 * `closed`; open deals count in their stage's category by expected close date) and the cumulative
 * roll-ups commit ⊆ best case ⊆ pipeline: commit = closed + commit, bestCase = commit + best_case,
 * pipeline = bestCase + pipeline; omitted is in none. Periods ascending, the unscheduled (null) last.
 */
export function computeForecast(
  pipeline: Pick<PipelineModel, 'stages' | 'baseCurrency'>,
  rows: readonly ForecastRow[],
): ForecastResult {
  const currencies = [...new Set(rows.map((r) => r.currency))].sort(currencyOrder(pipeline.baseCurrency));
  const open = rows.filter((r) => r.status === 'open');
  const stageOf = new Map(pipeline.stages.map((s) => [s.id, s]));
  const stages = pipeline.stages
    .filter((s) => s.kind === 'open')
    .map((s) => ({
      stageId: s.id,
      name: s.name,
      probability: s.probability,
      forecastCategory: s.forecastCategory,
      byCurrency: weights(
        open.filter((r) => r.stageId === s.id),
        currencies,
      ),
    }));
  const periodKeys = [...new Set(rows.map((r) => r.period))].sort((a, b) =>
    a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1,
  );
  const periods = periodKeys.map((period) => ({
    period,
    byCurrency: currencies.flatMap((currency) => {
      const mine = rows.filter((r) => r.period === period && r.currency === currency);
      if (mine.length === 0) return [];
      const sums: Record<CategoryKey, bigint> = { closed: 0n, commit: 0n, bestCase: 0n, pipeline: 0n, omitted: 0n };
      let weightedOpen = 0n;
      for (const r of mine) {
        const key = r.status === 'won' ? 'closed' : categoryKey[stageOf.get(r.stageId)?.forecastCategory ?? 'pipeline'];
        sums[key] += cents(r.amount);
        if (r.status === 'open') weightedOpen += units4(r.weighted);
      }
      const commit = sums.closed + sums.commit;
      const bestCase = commit + sums.bestCase;
      const m = (v: bigint) => fromScaled(v, 2);
      return [
        {
          currency,
          closed: m(sums.closed),
          commit: m(sums.commit),
          bestCase: m(sums.bestCase),
          pipeline: m(sums.pipeline),
          omitted: m(sums.omitted),
          rollup: { commit: m(commit), bestCase: m(bestCase), pipeline: m(bestCase + sums.pipeline) },
          weightedOpen: roundToCents(weightedOpen),
        },
      ];
    }),
  }));
  return { weighted: { stages, totals: weights(open, currencies) }, periods };
}
