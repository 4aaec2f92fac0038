// The /analytics URL: the shared filters and the open tab (kept apart from the pages so the router
// can validate the URL without loading the charts).

/** The shared filters, by their API query names. */
export const filterKeys = [
  'pipelineId',
  'from',
  'to',
  'ownerId',
  'teamId',
  'channel',
  'partnerId',
  'productId',
  'segment',
  'source',
] as const;
export type FilterKey = (typeof filterKeys)[number];
/** The shared filters as query-string values (undefined = not set), exactly as the API takes them. */
export type FilterValues = Partial<Record<FilterKey, string>>;

export type AnalyticsSearch = FilterValues & { tab?: string };

/** Keeps only the known string parameters of /analytics, so a stale link cannot send unknown ones to the API. */
export function validateAnalyticsSearch(search: Record<string, unknown>): AnalyticsSearch {
  const out: AnalyticsSearch = {};
  for (const k of [...filterKeys, 'tab'] as const) {
    const v = search[k];
    if (typeof v === 'string' && v !== '') out[k] = v;
  }
  return out;
}
