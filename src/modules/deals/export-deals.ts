import type { Actor } from '../../contract/access.ts';
import { scopeFor } from '../../contract/access.ts';
import type { Deps } from '../context.ts';
import { dealCsvFields, dealCsvLines, dealCsvQuery, readDealCsvQuery, type DealKey } from './deal-export.repository.ts';
import type { DealFilters } from './deals.repository.ts';

export { dealCsvFields };

/**
 * The deals of a list query (same filters, sort and reader scope as `listDeals`) as CSV lines
 * formatted by the database, `pageSize` at a time, in the list's order. The first page is read by
 * keyset with each deal's children looked up by index (cheap for a small export). When more
 * follow, on a PostgreSQL server the rest is read as one statement through COPY TO STDOUT, the
 * children of all deals aggregated once and hash-joined (a million deals then cost two table scans,
 * not two million index probes), its lines passed on as the bytes the server sent; on the embedded engine, whose one connection serves every request, page
 * after page by keyset, so other requests get their turn between pages. Each page ends with the
 * key the next one starts after, exact to the microsecond (the list's cursor keeps milliseconds).
 * The next page is requested as soon as a page arrives, so the database reads it while this one
 * is written out: at most two pages are held.
 */
export async function* dealCsvPages(
  deps: Deps,
  actor: Actor,
  q: DealFilters,
  pageSize: number,
): AsyncGenerator<{ text: string | Buffer; rows: number }> {
  const scope = scopeFor(actor, 'deal', 'read');
  const read = (after: DealKey | null) => dealCsvLines(deps.db, actor.orgId, scope, q, pageSize, after);
  let pending = read(null);
  for (;;) {
    const rows = await pending;
    const last = rows.at(-1);
    if (!last) return;
    const more = rows.length === pageSize;
    if (more && deps.database.engine === 'postgres') {
      let text = '';
      for (const r of rows) text += r.line;
      yield { text, rows: rows.length };
      for await (const chunk of readDealCsvQuery(
        deps.db,
        dealCsvQuery(deps.db, actor.orgId, scope, q, { sortValue: last.sort_value, id: last.last_id }),
      )) {
        yield { text: chunk.data, rows: chunk.rows };
      }
      return;
    }
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
