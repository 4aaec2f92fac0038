import { z } from 'zod';
import { eventReferencesSchema } from '../contract/audit.ts';
import { idParams } from '../contract/common.ts';
import type { Actor } from '../contract/access.ts';
import type { Deps } from '../modules/context.ts';
import { timeline, timelineEntrySchema } from '../modules/events/events.service.ts';
import { actorOf } from './auth.ts';
import { errorResponses } from './http.ts';
import type { App } from './types.ts';

const timelineQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().regex(/^\d+$/, 'must be a cursor returned by this list').optional(),
});

/**
 * GET <base>/:id/timeline: the record's events, newest first. `assertReadable` applies the
 * record's own read rule first, so the timeline is visible exactly when the record is.
 */
export function registerTimeline(
  app: App,
  deps: Deps,
  base: string,
  entityType: string,
  assertReadable: (actor: Actor, id: string) => Promise<unknown>,
): void {
  app.get(
    `${base}/:id/timeline`,
    {
      schema: {
        tags: [entityType],
        summary: `Timeline of a ${entityType} from the event log, newest first`,
        params: idParams,
        querystring: timelineQuery,
        response: {
          200: z.object({
            items: z.array(timelineEntrySchema),
            nextCursor: z.string().nullable(),
            references: eventReferencesSchema,
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await assertReadable(actor, request.params.id);
      return timeline(deps, actor, entityType, request.params.id, {
        limit: request.query.limit,
        before: request.query.cursor ? Number(request.query.cursor) : undefined,
      });
    },
  );
}
