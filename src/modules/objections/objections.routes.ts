import { z } from 'zod';
import { idParams, pageSchema } from '../../contract/common.ts';
import {
  createObjectionSchema,
  listObjectionsQuery,
  listRaisedObjectionsQuery,
  logDealObjectionSchema,
  objectionSchema,
  raisedObjectionSchema,
  updateObjectionSchema,
} from '../../contract/objections.ts';
import { actorOf } from '../../server/auth.ts';
import { errorResponses, expectedVersion, ifMatchHeader } from '../../server/http.ts';
import { registerTimeline } from '../../server/timeline.ts';
import type { App } from '../../server/types.ts';
import type { Deps } from '../context.ts';
import * as svc from './objections.service.ts';
import * as raised from './raised-objections.service.ts';

export function registerObjectionRoutes(app: App, deps: Deps): void {
  const tags = ['objections'];
  app.get(
    '/api/v1/objections',
    {
      schema: {
        tags,
        summary: 'List the objection library',
        querystring: listObjectionsQuery,
        response: { 200: pageSchema(objectionSchema), ...errorResponses },
      },
    },
    (request) => svc.listObjections(deps, actorOf(request), request.query),
  );
  app.post(
    '/api/v1/objections',
    {
      schema: {
        tags,
        summary: 'Add an objection to the library',
        body: createObjectionSchema,
        response: { 201: objectionSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await svc.createObjection(deps, actorOf(request), request.body)),
  );
  app.get(
    '/api/v1/objections/:id',
    {
      schema: {
        tags,
        summary: 'Get a library objection',
        params: idParams,
        response: { 200: objectionSchema, ...errorResponses },
      },
    },
    (request) => svc.getObjection(deps, actorOf(request), request.params.id),
  );
  app.patch(
    '/api/v1/objections/:id',
    {
      schema: {
        tags,
        summary: 'Update a library objection (If-Match: version)',
        params: idParams,
        headers: ifMatchHeader,
        body: updateObjectionSchema,
        response: { 200: objectionSchema, ...errorResponses },
      },
    },
    (request) => svc.updateObjection(deps, actorOf(request), request.params.id, expectedVersion(request), request.body),
  );
  app.delete(
    '/api/v1/objections/:id',
    {
      schema: {
        tags,
        summary: 'Retire a library objection (it stays for objections already raised)',
        params: idParams,
        headers: ifMatchHeader,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await svc.deactivateObjection(deps, actorOf(request), request.params.id, expectedVersion(request));
      return reply.status(204).send(null);
    },
  );
  registerTimeline(app, deps, '/api/v1/objections', 'objection', (actor, id) => svc.getObjection(deps, actor, id));

  app.get(
    '/api/v1/deals/:id/objections',
    {
      schema: {
        tags,
        summary: 'Objections raised on a deal, oldest first',
        params: idParams,
        querystring: listRaisedObjectionsQuery,
        response: { 200: pageSchema(raisedObjectionSchema), ...errorResponses },
      },
    },
    (request) => raised.listDealObjections(deps, actorOf(request), request.params.id, request.query),
  );
  app.post(
    '/api/v1/deals/:id/objections',
    {
      schema: {
        tags,
        summary: 'Log an objection raised on a deal outside a call',
        params: idParams,
        body: logDealObjectionSchema,
        response: { 201: raisedObjectionSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await raised.logDealObjection(deps, actorOf(request), request.params.id, request.body)),
  );
}
