import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../modules/context.ts';
import { readiness } from '../modules/health/health.service.ts';
import { registerAuth } from './auth.ts';
import { registerIdempotency } from './idempotency.ts';
import { registerJsonBody } from './json-body.ts';
import { openApiTransform, openApiTransformObject } from './openapi.ts';
import { answerClientError, problem, sendProblem, toProblem } from './problem.ts';
import { registerRoutes } from './routes.ts';
import type { App } from './types.ts';
import { requestValidatorCompiler } from './validation.ts';
import { registerWeb } from './web.ts';

export interface AppOptions {
  logger?: FastifyServerOptions['logger'];
  secureCookies?: boolean;
  trustProxy?: boolean;
  bodyLimit?: number;
  /** Directory of the built web app (dist/web) to serve at / with client-side routes; none when unset. */
  webRoot?: string;
  /** Set while the server shuts down: /readyz answers 503 so a load balancer stops sending requests. */
  lifecycle?: { shuttingDown: boolean };
}

/** Builds the HTTP application around the given dependencies (no listening). */
export async function buildApp(deps: Deps, opts: AppOptions = {}): Promise<App> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: opts.bodyLimit ?? 1024 * 1024,
    trustProxy: opts.trustProxy ?? false,
    ajv: { customOptions: { removeAdditional: false } },
    // Errors the router raises before any route runs (an undecodable or overlong path segment) are
    // problems like any other.
    frameworkErrors: (err, request, reply) => {
      void sendProblem(reply, toProblem(err, request).problem);
    },
    clientErrorHandler: answerClientError,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(requestValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerJsonBody(app);

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Pipewright API',
        version: '1',
        description:
          'REST API of Pipewright. Errors are RFC 9457 problem+json with a stable `code`. Writes accept `Idempotency-Key`; updates require `If-Match: <version>`.',
      },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: {
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description: 'API token created with `pipewright token create` or POST /api/v1/tokens',
          },
          session: { type: 'apiKey', in: 'cookie', name: 'pw_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: openApiTransform,
    transformObject: openApiTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  // An answer sent before the request body was read to its end (a refused upload, a preview that
  // needed only the first rows) leaves the rest of the body on the connection: a keep-alive client
  // would send its next request behind it and wait forever. Such a connection is closed instead.
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.raw.complete === false) void reply.header('connection', 'close');
    return payload;
  });

  app.setErrorHandler((err, request, reply) => {
    const { problem: p, log } = toProblem(err, request);
    if (log) request.log.error({ err }, 'request failed');
    return sendProblem(reply, p);
  });
  const webPage = opts.webRoot ? await registerWeb(app, opts.webRoot) : () => null;
  app.setNotFoundHandler(
    (request, reply) =>
      webPage(request, reply) ??
      sendProblem(
        reply,
        problem('not_found', `No route ${request.method} ${request.url.split('?')[0] ?? ''}`, {
          instance: request.url,
        }),
      ),
  );

  registerAuth(app, deps);
  registerIdempotency(app, deps);

  app.get('/api/openapi.json', { schema: { hide: true }, config: { public: true } }, () => app.swagger());
  // Liveness: the process answers. Readiness: it should get traffic (database, migrations, not stopping).
  app.get('/healthz', { schema: { hide: true }, config: { public: true } }, () => ({ ok: true }));
  app.get('/readyz', { schema: { hide: true }, config: { public: true } }, async (_request, reply) => {
    const r = await readiness(deps, opts.lifecycle?.shuttingDown ?? false);
    return reply.status(r.ok ? 200 : 503).send(r);
  });

  registerRoutes(app, deps, { secureCookies: opts.secureCookies ?? false });
  await app.ready();
  return app;
}
