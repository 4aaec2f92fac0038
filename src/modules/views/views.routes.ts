import { z } from 'zod';
import { idParams, pageSchema } from '../../contract/common.ts';
import { createViewSchema, listViewsQuery, updateViewSchema, viewSchema } from '../../contract/views.ts';
import { actorOf } from '../../server/auth.ts';
import { errorResponses, expectedVersion, ifMatchHeader } from '../../server/http.ts';
import type { App } from '../../server/types.ts';
import type { Deps } from '../context.ts';
import * as svc from './views.service.ts';

export function registerViewRoutes(app: App, deps: Deps): void {
  const tags = ['views'];
  app.get(
    '/api/v1/views',
    {
      schema: {
        tags,
        summary: 'List your saved table views (optionally of one entity)',
        querystring: listViewsQuery,
        response: { 200: pageSchema(viewSchema), ...errorResponses },
      },
    },
    (request) => svc.listViews(deps, actorOf(request), request.query),
  );
  app.post(
    '/api/v1/views',
    {
      schema: {
        tags,
        summary: 'Save a table view: the list filters, sort and columns of an entity (yours only)',
        body: createViewSchema,
        response: { 201: viewSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await svc.createView(deps, actorOf(request), request.body)),
  );
  app.get(
    '/api/v1/views/:id',
    {
      schema: {
        tags,
        summary: 'Get one of your saved views',
        params: idParams,
        response: { 200: viewSchema, ...errorResponses },
      },
    },
    (request) => svc.getView(deps, actorOf(request), request.params.id),
  );
  app.patch(
    '/api/v1/views/:id',
    {
      schema: {
        tags,
        summary: 'Update one of your saved views (If-Match: version)',
        params: idParams,
        headers: ifMatchHeader,
        body: updateViewSchema,
        response: { 200: viewSchema, ...errorResponses },
      },
    },
    (request) => svc.updateView(deps, actorOf(request), request.params.id, expectedVersion(request), request.body),
  );
  app.delete(
    '/api/v1/views/:id',
    {
      schema: {
        tags,
        summary: 'Delete one of your saved views (If-Match: version)',
        params: idParams,
        headers: ifMatchHeader,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await svc.deleteView(deps, actorOf(request), request.params.id, expectedVersion(request));
      return reply.status(204).send(null);
    },
  );
}
