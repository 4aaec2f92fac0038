import {
  bulkAssignSchema,
  bulkDeleteSchema,
  bulkEntities,
  bulkResponseSchema,
  bulkStageSchema,
  type BulkPath,
} from '../../contract/bulk.ts';
import { actorOf } from '../../server/auth.ts';
import { errorResponses } from '../../server/http.ts';
import type { App } from '../../server/types.ts';
import type { Deps } from '../context.ts';
import * as svc from './bulk.service.ts';

const note =
  'Each record in its own transaction, with the rules of the single action; 200 with a result per record (refusals carry their code and reason).';

export function registerBulkRoutes(app: App, deps: Deps): void {
  for (const path of Object.keys(bulkEntities) as BulkPath[]) {
    const tags = [path];
    const plural = path;
    app.post(
      `/api/v1/${path}/bulk/assign`,
      {
        schema: {
          tags,
          summary: `Assign ${plural} to an owner. ${note}`,
          body: bulkAssignSchema,
          response: { 200: bulkResponseSchema, ...errorResponses },
        },
      },
      (request) => svc.bulkAssign(deps, actorOf(request), path, request.body),
    );
    app.post(
      `/api/v1/${path}/bulk/delete`,
      {
        schema: {
          tags,
          summary: `Delete ${plural} (soft). ${note}`,
          body: bulkDeleteSchema,
          response: { 200: bulkResponseSchema, ...errorResponses },
        },
      },
      (request) => svc.bulkDelete(deps, actorOf(request), path, request.body),
    );
  }
  app.post(
    '/api/v1/deals/bulk/stage',
    {
      schema: {
        tags: ['deals'],
        summary: `Move deals to a stage (stage gates, order and closing rights apply). ${note}`,
        body: bulkStageSchema,
        response: { 200: bulkResponseSchema, ...errorResponses },
      },
    },
    (request) => svc.bulkMoveStage(deps, actorOf(request), request.body),
  );
}
