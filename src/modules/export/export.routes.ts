import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { exportEntities, exportQuery, exportables } from '../../domain/record-export.ts';
import { actorOf } from '../../server/auth.ts';
import { errorResponses } from '../../server/http.ts';
import type { App } from '../../server/types.ts';
import type { Deps } from '../context.ts';
import { prepareRecordExport } from './export.service.ts';

/** GET /api/v1/<entity>/export: the whole filtered list as CSV or JSON lines, streamed. */
export function registerExportRoutes(app: App, deps: Deps): void {
  for (const entity of exportEntities) {
    app.get(
      `/api/v1/${entity}/export`,
      {
        schema: {
          tags: [entity],
          summary: `Export the ${entity} of a list query (same filters and sort, no paging) as CSV or JSON lines, streamed`,
          querystring: exportQuery(exportables[entity].listQuery),
          // A stream bypasses response serialization; the schemas document the 200 in OpenAPI.
          response: {
            200: {
              description: 'CSV with a header row (nested values as JSON; format=csv), or one JSON object per line',
              content: { 'text/csv': { schema: z.string() }, 'application/x-ndjson': { schema: z.string() } },
            },
            ...errorResponses,
          },
        },
      },
      async (request, reply) => {
        const file = await prepareRecordExport(deps, actorOf(request), entity, request.query);
        const stamp = deps.clock.now().toISOString().slice(0, 10);
        // The typed reply knows the documented bodies only; the download is a stream of that text.
        return (reply as unknown as FastifyReply)
          .header('content-type', file.contentType)
          .header('content-disposition', `attachment; filename="${entity}-${stamp}.${file.extension}"`)
          .send(Readable.from(file.chunks));
      },
    );
  }
}
