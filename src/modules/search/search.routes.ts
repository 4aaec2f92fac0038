import { searchQuery, searchResponseSchema } from '../../contract/search.ts';
import { actorOf } from '../../server/auth.ts';
import { errorResponses } from '../../server/http.ts';
import type { App } from '../../server/types.ts';
import type { Deps } from '../context.ts';
import * as svc from './search.service.ts';

export function registerSearchRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/v1/search',
    {
      schema: {
        tags: ['search'],
        summary: 'Fuzzy search accounts, contacts, leads and deals you can see, best first',
        querystring: searchQuery,
        response: { 200: searchResponseSchema, ...errorResponses },
      },
    },
    (request) => svc.search(deps, actorOf(request), request.query),
  );
}
