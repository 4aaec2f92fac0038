import { z } from 'zod';
import { idParams, pageSchema } from '../../contract/common.ts';
import {
  createWebhookSchema,
  listWebhookAttemptsQuery,
  replayWebhookQuery,
  rotateWebhookSecretSchema,
  updateWebhookSchema,
  webhookAttemptSchema,
  webhookSchema,
  webhookWithSecretSchema,
} from '../../contract/webhooks.ts';
import { actorOf } from '../../server/auth.ts';
import { errorResponses, expectedVersion, ifMatchHeader } from '../../server/http.ts';
import type { App } from '../../server/types.ts';
import type { Deps } from '../context.ts';
import * as svc from './webhooks.service.ts';

export function registerWebhookRoutes(app: App, deps: Deps): void {
  const tags = ['webhooks'];
  app.get(
    '/api/v1/webhooks',
    {
      schema: {
        tags,
        summary: 'List the webhook endpoints (admin)',
        response: { 200: pageSchema(webhookSchema), ...errorResponses },
      },
    },
    (request) => svc.listWebhooks(deps, actorOf(request)),
  );
  app.post(
    '/api/v1/webhooks',
    {
      schema: {
        tags,
        summary: 'Register a webhook endpoint (admin); the answer carries its signing secret, shown only here',
        description:
          'eventTypes takes exact types (lead.converted), an entity with .* (deal.*) or *. Delivery starts with the events written after registration. Unless private receivers are allowed, a URL that resolves to a loopback, private or link-local address is refused.',
        body: createWebhookSchema,
        response: { 201: webhookWithSecretSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await svc.createWebhook(deps, actorOf(request), request.body)),
  );
  app.get(
    '/api/v1/webhooks/:id',
    {
      schema: {
        tags,
        summary: 'Get a webhook endpoint with its delivery state (admin)',
        params: idParams,
        response: { 200: webhookSchema, ...errorResponses },
      },
    },
    (request) => svc.getWebhook(deps, actorOf(request), request.params.id),
  );
  app.patch(
    '/api/v1/webhooks/:id',
    {
      schema: {
        tags,
        summary: 'Update a webhook endpoint: URL, description, event types, enabled (admin; If-Match: version)',
        params: idParams,
        headers: ifMatchHeader,
        body: updateWebhookSchema,
        response: { 200: webhookSchema, ...errorResponses },
      },
    },
    (request) => svc.updateWebhook(deps, actorOf(request), request.params.id, expectedVersion(request), request.body),
  );
  app.delete(
    '/api/v1/webhooks/:id',
    {
      schema: {
        tags,
        summary: 'Delete a webhook endpoint and its attempt log (admin; If-Match: version)',
        params: idParams,
        headers: ifMatchHeader,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await svc.deleteWebhook(deps, actorOf(request), request.params.id, expectedVersion(request));
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/v1/webhooks/:id/rotate-secret',
    {
      schema: {
        tags,
        summary: 'Replace the signing secret (admin); the old one keeps signing too for overlapHours (default 24)',
        params: idParams,
        body: rotateWebhookSecretSchema,
        response: { 200: webhookWithSecretSchema, ...errorResponses },
      },
    },
    (request) => svc.rotateWebhookSecret(deps, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/v1/webhooks/:id/replay',
    {
      schema: {
        tags,
        summary: 'Deliver again from a time (admin): the cursor moves to the first event written at or after `from`',
        params: idParams,
        querystring: replayWebhookQuery,
        response: { 200: webhookSchema, ...errorResponses },
      },
    },
    (request) => svc.replayWebhook(deps, actorOf(request), request.params.id, new Date(request.query.from)),
  );
  app.post(
    '/api/v1/webhooks/:id/test',
    {
      schema: {
        tags,
        summary: 'Send a webhook.test message now and answer the attempt (admin)',
        params: idParams,
        response: { 200: webhookAttemptSchema, ...errorResponses },
      },
    },
    (request) => svc.sendTestWebhook(deps, actorOf(request), request.params.id),
  );
  app.get(
    '/api/v1/webhooks/:id/attempts',
    {
      schema: {
        tags,
        summary: 'Delivery attempts of a webhook endpoint, newest first (admin; kept 30 days)',
        params: idParams,
        querystring: listWebhookAttemptsQuery,
        response: { 200: pageSchema(webhookAttemptSchema), ...errorResponses },
      },
    },
    (request) => svc.listWebhookAttempts(deps, actorOf(request), request.params.id, request.query),
  );
}
