import { z } from 'zod';
import { idParams, pageSchema } from '../../contract/common.ts';
import {
  createScriptSchema,
  dealScriptSchema,
  listScriptsQuery,
  listScriptVersionsQuery,
  scriptSchema,
  scriptVersionSchema,
  updateScriptSchema,
} from '../../contract/scripts.ts';
import { actorOf } from '../../server/auth.ts';
import { errorResponses, expectedVersion, ifMatchHeader } from '../../server/http.ts';
import { registerTimeline } from '../../server/timeline.ts';
import type { App } from '../../server/types.ts';
import type { Deps } from '../context.ts';
import * as svc from './scripts.service.ts';

export function registerScriptRoutes(app: App, deps: Deps): void {
  const tags = ['scripts'];
  app.get(
    '/api/v1/scripts',
    {
      schema: {
        tags,
        summary: 'List pitch scripts (active ones unless active=false|all), e.g. for a stage',
        querystring: listScriptsQuery,
        response: { 200: pageSchema(scriptSchema), ...errorResponses },
      },
    },
    (request) => svc.listScripts(deps, actorOf(request), request.query),
  );
  app.post(
    '/api/v1/scripts',
    {
      schema: {
        tags,
        summary: 'Create a pitch script',
        body: createScriptSchema,
        response: { 201: scriptSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await svc.createScript(deps, actorOf(request), request.body)),
  );
  app.get(
    '/api/v1/scripts/:id',
    {
      schema: {
        tags,
        summary: 'Get a pitch script',
        params: idParams,
        response: { 200: scriptSchema, ...errorResponses },
      },
    },
    (request) => svc.getScript(deps, actorOf(request), request.params.id),
  );
  app.patch(
    '/api/v1/scripts/:id',
    {
      schema: {
        tags,
        summary: 'Update a pitch script (If-Match: version); a new body starts a new script version',
        params: idParams,
        headers: ifMatchHeader,
        body: updateScriptSchema,
        response: { 200: scriptSchema, ...errorResponses },
      },
    },
    (request) => svc.updateScript(deps, actorOf(request), request.params.id, expectedVersion(request), request.body),
  );
  app.delete(
    '/api/v1/scripts/:id',
    {
      schema: {
        tags,
        summary: 'Deactivate a pitch script (it and its versions stay)',
        params: idParams,
        headers: ifMatchHeader,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await svc.deactivateScript(deps, actorOf(request), request.params.id, expectedVersion(request));
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/v1/scripts/:id/versions',
    {
      schema: {
        tags,
        summary: 'Versions of a pitch script, newest first',
        params: idParams,
        querystring: listScriptVersionsQuery,
        response: { 200: pageSchema(scriptVersionSchema), ...errorResponses },
      },
    },
    (request) => svc.listScriptVersions(deps, actorOf(request), request.params.id, request.query),
  );
  app.get(
    '/api/v1/deals/:id/scripts',
    {
      schema: {
        tags,
        summary: "Pitch scripts for a deal: its stage's first, then its pipeline's, then its products'",
        description:
          'Active scripts whose every target fits the deal (stage, pipeline, products on its lines), most specific first. 404 when the deal is not visible to you.',
        params: idParams,
        response: { 200: z.object({ items: z.array(dealScriptSchema) }), ...errorResponses },
      },
    },
    (request) => svc.listScriptsForDeal(deps, actorOf(request), request.params.id),
  );
  registerTimeline(app, deps, '/api/v1/scripts', 'script', (actor, id) => svc.getScript(deps, actor, id));
}
