import type { Actor } from '../../domain/access.ts';
import { scopeFor } from '../../domain/access.ts';
import type { Deps } from '../context.ts';
import { dealCsvFields, dealCsvLines, type DealKey } from './deal-export.repository.ts';
import type { DealFilters } from './deals.repository.ts';

export { dealCsvFields };

/**
 * The deals of a list query (same filters, sort and reader scope as `listDeals`) as CSV lines
 * formatted by the database, `pageSize` at a time, in the list's order. Each page ends with the key
 * the next one starts after, exact to the microsecond (the list's cursor keeps milliseconds). The
 * next page is requested as soon as a page arrives, so the database reads it while this one is
 * written out: at most two pages are held.
 */
export async function* dealCsvPages(deps: Deps, actor: Actor, q: DealFilters, pageSize: number): AsyncGenerator<{ text: string; rows: number }> {
  const scope = scopeFor(actor, 'deal', 'read');
  const read = (after: DealKey | null) => dealCsvLines(deps.db, actor.orgId, scope, q, pageSize, after);
  let pending = read(null);
  for (;;) {
    const rows = await pending;
    const last = rows.at(-1);
    if (!last) return;
    const more = rows.length === pageSize;
    if (more) {
      pending = read({ sortValue: last.sort_value, id: last.last_id });
      // Awaited on the next turn; a failure meanwhile must not be reported as unhandled.
      pending.catch(() => undefined);
    }
    let text = '';
    for (const r of rows) text += r.line;
    yield { text, rows: rows.length };
    if (!more) return;
  }
}
