import type { Actor } from '../../domain/access.ts';
import { scopeFor } from '../../domain/access.ts';
import type { Deps } from '../context.ts';
import { dealCsvFields, dealCsvLines, type DealKey } from './deal-export.repository.ts';
import type { DealFilters } from './deals.repository.ts';

export { dealCsvFields };

/**
 * The deals of a list query (same filters, sort and reader scope as `listDeals`) as CSV lines
 * formatted by the database, `pageSize` at a time, in the list's order. Each page ends with the key
 * the next one starts after, exact to the microsecond (the list's cursor keeps milliseconds).
 */
export async function* dealCsvPages(deps: Deps, actor: Actor, q: DealFilters, pageSize: number): AsyncGenerator<{ text: string; rows: number }> {
  const scope = scopeFor(actor, 'deal', 'read');
  let after: DealKey | null = null;
  for (;;) {
    const rows = await dealCsvLines(deps.db, actor.orgId, scope, q, pageSize, after);
    const last = rows.at(-1);
    if (!last) return;
    let text = '';
    for (const r of rows) text += r.line;
    yield { text, rows: rows.length };
    if (rows.length < pageSize) return;
    after = { sortValue: last.sort_value, id: last.id };
  }
}
