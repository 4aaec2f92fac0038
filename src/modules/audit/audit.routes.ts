import { z } from 'zod';
import { actorOf } from '../../server/auth.ts';
import { errorResponses } from '../../server/http.ts';
import type { App } from '../../server/types.ts';
import type { Deps } from '../context.ts';
import { verifyAudit } from '../events/events.service.ts';

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
}
