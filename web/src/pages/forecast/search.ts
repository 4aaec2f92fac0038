import { isFiscalPeriodKey } from '../../../../src/contract/fiscal.ts';

export interface ForecastSearch {
  /** The fiscal quarter, `YYYY-Qn` (default: the current one). */
  period?: string;
}

/** The forecast page's search parameters (kept apart from the page, so the router does not load the page to read them). */
export function validateForecastSearch(search: Record<string, unknown>): ForecastSearch {
  return typeof search.period === 'string' && isFiscalPeriodKey(search.period) ? { period: search.period } : {};
}
