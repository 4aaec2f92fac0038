import { scopeFor, type Actor } from '../../contract/access.ts';
import { searchTypes, type SearchQuery, type SearchResult } from '../../contract/search.ts';
import type { Deps } from '../context.ts';
import * as repo from './search.repository.ts';

/**
 * Fuzzy search across record types, each within the actor's read scope; the best `limit` hits
 * over all types, best first. A type the actor cannot read at all is not queried.
 */
export async function search(deps: Deps, actor: Actor, q: SearchQuery): Promise<{ items: SearchResult[] }> {
  const types = [...new Set(q.types ?? searchTypes)];
  const perType = await Promise.all(
    types.map(async (type) => {
      const scope = scopeFor(actor, type, 'read');
      if (scope.kind === 'none') return [];
      const hits = await repo.searchRecords(deps.db, type, actor.orgId, scope, q.q, q.limit);
      return hits.map((h): SearchResult => ({
        type,
        id: h.id,
        title: h.title,
        subtitle: h.subtitle,
        score: Math.round(h.score * 1000) / 1000,
      }));
    }),
  );
  const items = perType
    .flat()
    .sort((a, b) => b.score - a.score || a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
  return { items: items.slice(0, q.limit) };
}
