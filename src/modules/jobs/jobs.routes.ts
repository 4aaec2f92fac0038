import { idParams } from '../../contract/common.ts';
import { jobListQuerySchema, jobPageSchema, jobSchema } from '../../contract/jobs.ts';
import { actorOf } from '../../server/auth.ts';
import { errorResponses } from '../../server/http.ts';
import type { App } from '../../server/types.ts';
import type { Deps } from '../context.ts';
import * as svc from './jobs.service.ts';

export function registerJobRoutes(app: App, deps: Deps): void {
  const tags = ['jobs'];
  app.get(
    '/api/v1/jobs',
    {
      schema: {
        tags,
        summary: 'Background jobs of the organization, newest first (admin); filter by status and kind',
        querystring: jobListQuerySchema,
        response: { 200: jobPageSchema, ...errorResponses },
      },
    },
    (request) => svc.listJobs(deps, actorOf(request), request.query),
  );
  app.get(
    '/api/v1/jobs/:id',
    {
      schema: {
        tags,
        summary: 'One background job: status, attempts, last error, where it runs (admin)',
        params: idParams,
        response: { 200: jobSchema, ...errorResponses },
      },
    },
    (request) => svc.getJob(deps, actorOf(request), request.params.id),
  );
  app.post(
    '/api/v1/jobs/:id/retry',
    {
      schema: {
        tags,
        summary:
          'Queue a failed or canceled job again with fresh attempts; an import resumes after its committed rows (admin)',
        params: idParams,
        response: { 200: jobSchema, ...errorResponses },
      },
    },
    (request) => svc.retryJob(deps, actorOf(request), request.params.id),
  );
  app.post(
    '/api/v1/jobs/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a queued or running job; a running one stops at its next commit (admin)',
        params: idParams,
        response: { 200: jobSchema, ...errorResponses },
      },
    },
    (request) => svc.cancelJob(deps, actorOf(request), request.params.id),
  );
}
