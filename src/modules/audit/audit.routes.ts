import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../server/auth.ts';
import { errorResponses } from '../../server/http.ts';
import type { App } from '../../server/types.ts';
import type { Deps } from '../context.ts';
import {
  auditBundleQuery,
  auditEventSchema,
  eventReferencesSchema,
  listAuditEventsQuery,
} from '../../contract/audit.ts';
import { prepareAuditBundle } from '../events/audit-bundle.service.ts';
import { listAuditEvents, verifyAudit } from '../events/events.service.ts';

export const verifyReportSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  lastSeq: z.number().int(),
  unsealed: z.number().int(),
  firstBreak: z.object({ seq: z.number().int(), eventId: z.number().int().nullable(), reason: z.string() }).nullable(),
});

export function registerAuditRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/v1/audit/verify',
    {
      schema: {
        tags: ['audit'],
        summary: 'Walk the hash chain of the event log and report the first break (admin, auditor)',
        response: { 200: verifyReportSchema, ...errorResponses },
      },
    },
    (request) => verifyAudit(deps, actorOf(request)),
  );
  app.get(
    '/api/v1/audit/events',
    {
      schema: {
        tags: ['audit'],
        summary:
          'The event log newest first, each event with its before/after; filters: entityType, entityId, actorId, type (deal.* for a kind), from, to (admin, auditor)',
        querystring: listAuditEventsQuery,
        response: {
          200: z.object({
            items: z.array(auditEventSchema),
            nextCursor: z.string().nullable(),
            references: eventReferencesSchema,
          }),
          ...errorResponses,
        },
      },
    },
    (request) => listAuditEvents(deps, actorOf(request), request.query),
  );
  app.get(
    '/api/v1/audit/bundle',
    {
      schema: {
        tags: ['audit'],
        summary:
          'Download the audit bundle of a period: its events with the chain proof, checked offline by `pipewright audit verify --bundle` (admin, auditor)',
        description:
          'from (inclusive) and to (exclusive) are system time: a date YYYY-MM-DD (00:00 UTC) or a date-time with zone. JSON Lines: a header with the anchor (sequence and hash of the last event before the period), one line per event with every hashed field, and an end line (count, last sequence and hash).',
        querystring: auditBundleQuery,
        response: {
          200: {
            description: 'The bundle as JSON Lines',
            content: { 'application/x-ndjson': { schema: z.string() } },
          },
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const bundle = await prepareAuditBundle(deps, actorOf(request), request.query);
      // The typed reply knows the documented bodies only; the download is a stream of that text.
      return (reply as unknown as FastifyReply)
        .type('application/x-ndjson; charset=utf-8')
        .header('content-disposition', `attachment; filename="${bundle.fileName}"`)
        .send(Readable.from(bundle.chunks));
    },
  );
}
