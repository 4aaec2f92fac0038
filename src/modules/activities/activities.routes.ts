import { z } from 'zod';
import {
  activitySchema,
  createActivitySchema,
  listActivitiesQuery,
  taskAgendaQuery,
  taskAgendaSchema,
  updateActivitySchema,
} from '../../contract/activities.ts';
import { dealAttentionQuery, dealAttentionSchema } from '../../contract/attention.ts';
import { idParams, pageSchema } from '../../contract/common.ts';
import { listRaisedObjectionsQuery, raisedObjectionSchema } from '../../contract/objections.ts';
import { actorOf } from '../../server/auth.ts';
import { errorResponses, expectedVersion, ifMatchHeader } from '../../server/http.ts';
import { registerTimeline } from '../../server/timeline.ts';
import type { App } from '../../server/types.ts';
import type { Deps } from '../context.ts';
import * as svc from './activities.service.ts';
import { createActivity } from './create-activity.ts';
import { updateActivity } from './update-activity.ts';
import { dealAttention, taskAgenda } from './task-agenda.ts';

/** A created activity comes back with the objections logged with it (a call's; empty otherwise). */
const createdActivitySchema = activitySchema.extend({ objections: z.array(raisedObjectionSchema) });

export function registerActivityRoutes(app: App, deps: Deps): void {
  const tags = ['activities'];
  app.get(
    '/api/v1/activities',
    {
      schema: {
        tags,
        summary: 'List activities',
        querystring: listActivitiesQuery,
        response: { 200: pageSchema(activitySchema), ...errorResponses },
      },
    },
    (request) => svc.listActivities(deps, actorOf(request), request.query),
  );
  app.post(
    '/api/v1/activities',
    {
      schema: {
        tags,
        summary: 'Log a call, meeting, email, task or note (a call may include the objections raised)',
        body: createActivitySchema,
        response: { 201: createdActivitySchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createActivity(deps, actorOf(request), request.body)),
  );
  app.get(
    '/api/v1/tasks/agenda',
    {
      schema: {
        tags,
        summary: "A user's open tasks by the organization's today: overdue, today, upcoming (the caller's by default)",
        querystring: taskAgendaQuery,
        response: { 200: taskAgendaSchema, ...errorResponses },
      },
    },
    (request) => taskAgenda(deps, actorOf(request), request.query),
  );
  app.get(
    '/api/v1/deals/attention',
    {
      schema: {
        tags,
        summary: 'Next activity and rotting of deals: the given deals, or the open deals that need attention',
        querystring: dealAttentionQuery,
        response: { 200: z.object({ items: z.array(dealAttentionSchema) }), ...errorResponses },
      },
    },
    (request) => dealAttention(deps, actorOf(request), request.query),
  );
  app.get(
    '/api/v1/activities/:id',
    {
      schema: {
        tags,
        summary: 'Get an activity',
        params: idParams,
        response: { 200: activitySchema, ...errorResponses },
      },
    },
    (request) => svc.getActivity(deps, actorOf(request), request.params.id),
  );
  app.patch(
    '/api/v1/activities/:id',
    {
      schema: {
        tags,
        summary: 'Update an activity (If-Match: version); its type stays',
        params: idParams,
        headers: ifMatchHeader,
        body: updateActivitySchema,
        response: { 200: activitySchema, ...errorResponses },
      },
    },
    (request) => updateActivity(deps, actorOf(request), request.params.id, expectedVersion(request), request.body),
  );
  app.delete(
    '/api/v1/activities/:id',
    {
      schema: {
        tags,
        summary: 'Delete an activity (soft; its history stays)',
        params: idParams,
        headers: ifMatchHeader,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await svc.deleteActivity(deps, actorOf(request), request.params.id, expectedVersion(request));
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/v1/activities/:id/objections',
    {
      schema: {
        tags,
        summary: 'Objections raised on an activity (a call)',
        params: idParams,
        querystring: listRaisedObjectionsQuery,
        response: { 200: pageSchema(raisedObjectionSchema), ...errorResponses },
      },
    },
    (request) => svc.listActivityObjections(deps, actorOf(request), request.params.id, request.query),
  );
  registerTimeline(app, deps, '/api/v1/activities', 'activity', (actor, id) => svc.getActivity(deps, actor, id));
}
