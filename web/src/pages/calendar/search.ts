export interface CalendarSearch {
  /** Any day of the week to show, `YYYY-MM-DD` (default: this week). */
  week?: string;
  /** The rep whose calendar is shown (default: the signed-in user). */
  rep?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The calendar pages' search parameters (kept apart from the pages, so the router does not load them to read them). */
export function validateCalendarSearch(search: Record<string, unknown>): CalendarSearch {
  const out: CalendarSearch = {};
  if (
    typeof search.week === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(search.week) &&
    !Number.isNaN(Date.parse(search.week))
  )
    out.week = search.week;
  if (typeof search.rep === 'string' && UUID.test(search.rep)) out.rep = search.rep;
  return out;
}
