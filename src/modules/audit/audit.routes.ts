import { z } from 'zod';
import { actorOf } from '../../server/auth.ts';
import { errorResponses } from '../../server/http.ts';
import type { App } from '../../server/types.ts';
import type { Deps } from '../context.ts';
import { auditEventSchema, eventReferencesSchema, listAuditEventsQuery } from '../../contract/audit.ts';
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
}
