import { idParams } from '../../contract/common.ts';
import { mergeSchema } from '../../contract/imports.ts';
import { actorOf } from '../../server/auth.ts';
import { errorResponses } from '../../server/http.ts';
import type { App } from '../../server/types.ts';
import type { Deps } from '../context.ts';
import type { MergeEntity } from '../../contract/merge.ts';
import { mergeRecords, mergeResultSchema } from './merge.service.ts';

const paths: Record<MergeEntity, string> = { account: 'accounts', contact: 'contacts', lead: 'leads', deal: 'deals' };

/** POST /api/v1/<accounts|contacts|leads|deals>/:id/merge for the four kinds of record that can be duplicated. */
export function registerMergeRoutes(app: App, deps: Deps): void {
  for (const [entity, path] of Object.entries(paths) as [MergeEntity, string][]) {
    app.post(
      `/api/v1/${path}/:id/merge`,
      {
        schema: {
          tags: [path],
          summary: `Merge another ${entity} (mergeId) into this one: its references move here, it is soft-deleted, and this ${entity}'s timeline shows both histories`,
          params: idParams,
          body: mergeSchema,
          response: { 200: mergeResultSchema, ...errorResponses },
        },
      },
      (request) => mergeRecords(deps, actorOf(request), entity, request.params.id, request.body),
    );
  }
}
