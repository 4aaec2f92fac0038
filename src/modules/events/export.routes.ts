import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { eventExportQuerySchema, ocelDocumentSchema } from '../../contract/event-export.ts';
import { actorOf } from '../../server/auth.ts';
import { errorResponses } from '../../server/http.ts';
import type { App } from '../../server/types.ts';
import type { Deps } from '../context.ts';
import { prepareEventExport } from './export.service.ts';

export function registerEventExportRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/v1/events/export',
    {
      schema: {
        tags: ['events'],
        summary:
          'Export the deal event log for process mining as OCEL 2.0 JSON or XES (admin, auditor, manager), streamed',
        description:
          'format=ocel answers application/json (OCEL 2.0: deals, accounts and users as objects, deal events as events); format=xes answers application/xml (one trace per deal; concept, time, lifecycle and org extensions). Optional pipelineId (deals currently in it), from and to (YYYY-MM-DD, business time, calendar days in the organization’s time zone, both inclusive). Managers get the deals of the people below them.',
        querystring: eventExportQuerySchema,
        // A stream bypasses response serialization; the schemas document the 200 in OpenAPI.
        response: {
          200: {
            description: 'The OCEL 2.0 JSON document (format=ocel) or the XES XML document (format=xes)',
            content: {
              'application/json': { schema: ocelDocumentSchema },
              'application/xml': { schema: z.string() },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const exp = await prepareEventExport(deps, actorOf(request), request.query);
      // The typed reply knows the documented bodies only; the download is a stream of that text.
      return (reply as unknown as FastifyReply)
        .type(exp.contentType)
        .header('content-disposition', `attachment; filename="${exp.fileName}"`)
        .send(Readable.from(exp.chunks));
    },
  );
}
