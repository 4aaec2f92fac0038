import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { idParams } from '../../contract/common.ts';
import { importJobSchema, importPreviewSchema, importQuerySchema } from '../../contract/imports.ts';
import { AppError } from '../../contract/errors.ts';
import { actorOf } from '../../server/auth.ts';
import { errorResponses } from '../../server/http.ts';
import type { App } from '../../server/types.ts';
import type { Deps } from '../context.ts';
import * as svc from './import-jobs.service.ts';

const previewQuery = importQuerySchema.extend({ limit: z.coerce.number().int().min(1).max(200).default(20) });

function csvBody(body: unknown): Readable {
  if (body && typeof body === 'object' && Symbol.asyncIterator in body) return body as Readable;
  throw new AppError('validation_failed', 'Send the CSV file as the request body with Content-Type: text/csv', {
    fields: [{ field: 'body', message: 'must be a CSV file (Content-Type: text/csv)' }],
  });
}

export function registerImportRoutes(app: App, deps: Deps): void {
  const tags = ['imports'];
  // The CSV body reaches the service as a stream, so an upload of any size never sits in memory.
  app.addContentTypeParser('text/csv', (_request, payload, done) => done(null, payload));
  app.post(
    '/api/v1/imports',
    {
      schema: {
        tags,
        summary:
          'Upload a CSV file (Content-Type: text/csv, the file as the body) and import it in the background; options as query parameters',
        consumes: ['text/csv'],
        querystring: importQuerySchema,
        response: { 202: importJobSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(202).send(await svc.startImportJob(deps, actorOf(request), csvBody(request.body), request.query)),
  );
  app.post(
    '/api/v1/imports/preview',
    {
      schema: {
        tags,
        summary:
          'The header, proposed column mapping and first rows of a CSV file as the import would take them (writes nothing)',
        consumes: ['text/csv'],
        querystring: previewQuery,
        response: { 200: importPreviewSchema, ...errorResponses },
      },
    },
    (request) => {
      const { limit, ...query } = request.query;
      return svc.previewImportUpload(deps, actorOf(request), csvBody(request.body), query, limit);
    },
  );
  app.get(
    '/api/v1/imports',
    {
      schema: {
        tags,
        summary: 'Recent imports (admins: all; managers: their own)',
        response: { 200: z.object({ items: z.array(importJobSchema) }), ...errorResponses },
      },
    },
    async (request) => ({
      items: await svc.listImportJobs(deps, actorOf(request)),
    }),
  );
  app.get(
    '/api/v1/imports/:id',
    {
      schema: {
        tags,
        summary: 'Status, progress and summary of an import',
        params: idParams,
        response: { 200: importJobSchema, ...errorResponses },
      },
    },
    (request) => svc.getImportJob(deps, actorOf(request), request.params.id),
  );
  app.get(
    '/api/v1/imports/:id/rejects',
    {
      schema: {
        tags,
        summary: 'Rejected and skipped rows of an import as CSV: the original cells, the line and the reason',
        params: idParams,
        response: {
          200: {
            description: 'CSV: the original header and cells, then the line number and the reason',
            content: { 'text/csv': { schema: z.string() } },
          },
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const rows = svc.importRejectsCsv(deps, actorOf(request), request.params.id);
      // Read the first chunk before answering, so a missing job is a 404 rather than a broken download.
      const first = await rows.next();
      async function* all() {
        if (!first.done) yield first.value;
        yield* rows;
      }
      // The typed reply knows JSON bodies only; the download is a stream of CSV text.
      return (reply as unknown as FastifyReply)
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="import-${request.params.id}-rejects.csv"`)
        .send(Readable.from(all()));
    },
  );
}
