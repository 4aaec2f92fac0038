import { idParams, pageSchema } from '../../contract/common.ts';
import {
  createPipelineSchema,
  listPipelinesQuery,
  pipelineSchema,
  replaceStagesSchema,
  updatePipelineSchema,
} from '../../contract/pipelines.ts';
import { actorOf } from '../../server/auth.ts';
import { errorResponses, expectedVersion, ifMatchHeader } from '../../server/http.ts';
import { registerTimeline } from '../../server/timeline.ts';
import type { App } from '../../server/types.ts';
import type { Deps } from '../context.ts';
import * as svc from './pipelines.service.ts';
import { replaceStages } from './replace-stages.ts';

export function registerPipelineRoutes(app: App, deps: Deps): void {
  const tags = ['pipelines'];
  app.get(
    '/api/v1/pipelines',
    {
      schema: {
        tags,
        summary: 'List pipelines with their stages',
        querystring: listPipelinesQuery,
        response: { 200: pageSchema(pipelineSchema), ...errorResponses },
      },
    },
    (request) => svc.listPipelines(deps, actorOf(request), request.query),
  );
  app.post(
    '/api/v1/pipelines',
    {
      schema: {
        tags,
        summary: 'Create a pipeline with its stages (admin)',
        body: createPipelineSchema,
        response: { 201: pipelineSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await svc.createPipeline(deps, actorOf(request), request.body)),
  );
  app.get(
    '/api/v1/pipelines/:id',
    {
      schema: {
        tags,
        summary: 'Get a pipeline with its stages in order',
        params: idParams,
        response: { 200: pipelineSchema, ...errorResponses },
      },
    },
    (request) => svc.getPipeline(deps, actorOf(request), request.params.id),
  );
  app.patch(
    '/api/v1/pipelines/:id',
    {
      schema: {
        tags,
        summary: 'Update a pipeline (admin; If-Match: version)',
        params: idParams,
        headers: ifMatchHeader,
        body: updatePipelineSchema,
        response: { 200: pipelineSchema, ...errorResponses },
      },
    },
    (request) => svc.updatePipeline(deps, actorOf(request), request.params.id, expectedVersion(request), request.body),
  );
  app.put(
    '/api/v1/pipelines/:id/stages',
    {
      schema: {
        tags,
        summary:
          'Replace the ordered stage list (admin; If-Match: pipeline version). Stages with an id are kept, without one added, left out removed.',
        params: idParams,
        headers: ifMatchHeader,
        body: replaceStagesSchema,
        response: { 200: pipelineSchema, ...errorResponses },
      },
    },
    (request) => replaceStages(deps, actorOf(request), request.params.id, expectedVersion(request), request.body),
  );
  registerTimeline(app, deps, '/api/v1/pipelines', 'pipeline', (actor, id) => svc.getPipeline(deps, actor, id));
}
