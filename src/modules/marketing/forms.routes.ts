import type { FastifyReply, FastifyRequest } from 'fastify';
import { idParams, pageSchema } from '../../contract/common.ts';
import {
  createFormSchema,
  formKeyParams,
  formSchema,
  formSubmissionBodySchema,
  formSubmissionReceiptSchema,
  formSubmissionSchema,
  listFormsQuery,
  listSubmissionsQuery,
  publicFormSchema,
  updateFormSchema,
} from '../../contract/forms.ts';
import { createRateLimiter } from '../../domain/rate-limit.ts';
import { actorOf } from '../../server/auth.ts';
import { errorResponses, expectedVersion, ifMatchHeader } from '../../server/http.ts';
import { problem, sendProblem } from '../../server/problem.ts';
import { registerTimeline } from '../../server/timeline.ts';
import type { App } from '../../server/types.ts';
import type { Deps } from '../context.ts';
import * as capture from './form-capture.service.ts';
import * as svc from './forms.service.ts';

/** The largest submission body accepted: a form's few fields, its consent and the page URL. */
export const FORM_BODY_LIMIT = 16 * 1024;
/** Submissions per client address, and per form, in a minute (in this process's memory). */
export const FORM_RATE_LIMITS = { perAddress: 10, perForm: 120, windowMs: 60_000 } as const;

/** A plain HTML form's body: the first value of each name, as strings. */
function parseUrlEncoded(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(body))
    if (!Object.hasOwn(out, k))
      Object.defineProperty(out, k, {
        value: v,
        enumerable: true,
        writable: true,
        configurable: true,
      });
  return out;
}

/** Pages on any site post to the public form endpoints and read their answers. */
function allowAnyOrigin(_request: FastifyRequest, reply: FastifyReply, done: () => void): void {
  void reply.header('access-control-allow-origin', '*');
  done();
}

export function registerFormRoutes(app: App, deps: Deps): void {
  const tags = ['forms'];
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) =>
    done(null, parseUrlEncoded(typeof body === 'string' ? body : body.toString('utf8'))),
  );
  const byAddress = createRateLimiter({ limit: FORM_RATE_LIMITS.perAddress, windowMs: FORM_RATE_LIMITS.windowMs });
  const byForm = createRateLimiter({ limit: FORM_RATE_LIMITS.perForm, windowMs: FORM_RATE_LIMITS.windowMs });
  const rateLimit = (request: FastifyRequest, reply: FastifyReply, done: () => void): void => {
    const now = deps.clock.now().getTime();
    const { key } = request.params as { key?: string };
    const wait = byAddress.hit(request.ip, now) ?? byForm.hit(String(key), now);
    if (wait === null) return done();
    void sendProblem(
      reply.header('retry-after', String(wait)),
      problem('rate_limited', `Too many submissions; try again in ${wait} s`, { instance: request.url }),
    );
  };

  app.get(
    '/api/v1/forms/:key',
    {
      config: { public: true, anonymous: true },
      onRequest: allowAnyOrigin,
      schema: {
        tags,
        summary: 'A published form as a page renders it (no sign-in: the key is public; unknown or disabled: 404)',
        security: [],
        params: formKeyParams,
        response: { 200: publicFormSchema, ...errorResponses },
      },
    },
    (request) => capture.getPublicForm(deps, request.params.key),
  );
  app.options(
    '/api/v1/forms/:key/submissions',
    {
      config: { public: true, anonymous: true },
      schema: { hide: true, params: formKeyParams },
    },
    (_request, reply) =>
      reply
        .header('access-control-allow-origin', '*')
        .header('access-control-allow-methods', 'POST')
        .header('access-control-allow-headers', 'content-type')
        .header('access-control-max-age', '86400')
        .status(204)
        .send(),
  );
  app.post(
    '/api/v1/forms/:key/submissions',
    {
      config: { public: true, anonymous: true },
      bodyLimit: FORM_BODY_LIMIT,
      onRequest: [allowAnyOrigin, rateLimit],
      schema: {
        tags,
        summary:
          'Submit a published form (no sign-in; JSON or application/x-www-form-urlencoded). Matches the lead or contact with the same email or creates a lead, records consent and the touch; rate limited (429 with Retry-After)',
        security: [],
        consumes: ['application/json', 'application/x-www-form-urlencoded'],
        params: formKeyParams,
        body: formSubmissionBodySchema,
        response: { 201: formSubmissionReceiptSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await capture.submitForm(deps, request.params.key, request.body)),
  );

  app.get(
    '/api/v1/capture-forms',
    {
      schema: {
        tags,
        summary: 'Inbound capture forms, by name (marketing and admins)',
        querystring: listFormsQuery,
        response: { 200: pageSchema(formSchema), ...errorResponses },
      },
    },
    (request) => svc.listForms(deps, actorOf(request), request.query),
  );
  app.post(
    '/api/v1/capture-forms',
    {
      schema: {
        tags,
        summary: 'Create an inbound capture form (published under a new public key)',
        body: createFormSchema,
        response: { 201: formSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await svc.createForm(deps, actorOf(request), request.body)),
  );
  app.get(
    '/api/v1/capture-forms/:id',
    {
      schema: {
        tags,
        summary: 'Get an inbound capture form',
        params: idParams,
        response: { 200: formSchema, ...errorResponses },
      },
    },
    (request) => svc.getForm(deps, actorOf(request), request.params.id),
  );
  app.patch(
    '/api/v1/capture-forms/:id',
    {
      schema: {
        tags,
        summary: 'Update an inbound capture form (If-Match: version)',
        params: idParams,
        headers: ifMatchHeader,
        body: updateFormSchema,
        response: { 200: formSchema, ...errorResponses },
      },
    },
    (request) => svc.updateForm(deps, actorOf(request), request.params.id, expectedVersion(request), request.body),
  );
  app.post(
    '/api/v1/capture-forms/:id/rotate-key',
    {
      schema: {
        tags,
        summary: 'Replace the public key of a form (If-Match: version); the old key answers 404 from then on',
        params: idParams,
        headers: ifMatchHeader,
        response: { 200: formSchema, ...errorResponses },
      },
    },
    (request) => svc.rotateFormKey(deps, actorOf(request), request.params.id, expectedVersion(request)),
  );
  app.get(
    '/api/v1/capture-forms/:id/submissions',
    {
      schema: {
        tags,
        summary: 'Stored submissions of a form, newest first',
        params: idParams,
        querystring: listSubmissionsQuery,
        response: { 200: pageSchema(formSubmissionSchema), ...errorResponses },
      },
    },
    (request) => svc.listFormSubmissions(deps, actorOf(request), request.params.id, request.query),
  );
  registerTimeline(app, deps, '/api/v1/capture-forms', 'form', (actor, id) => svc.getForm(deps, actor, id));
}
