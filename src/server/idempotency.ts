import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../contract/errors.ts';
import type { Deps } from '../modules/context.ts';
import { beginIdempotent, finishIdempotent } from '../modules/idempotency/idempotency.service.ts';
import type { App } from './types.ts';

const KEY_PATTERN = /^[A-Za-z0-9._:-]{1,200}$/;

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyKey: string | null;
  }
}

/**
 * What makes two requests "the same" for a key: the parsed body; for a body that arrives as a
 * stream (a CSV upload), which cannot be read twice, its content type and length, so a retry of
 * the same upload is recognised and another file under the same key is refused (unless it has
 * exactly the same length).
 */
function requestIdentity(request: FastifyRequest): unknown {
  const body = request.body;
  if (body && typeof body === 'object' && Symbol.asyncIterator in body) {
    return {
      streamed: true,
      contentType: request.headers['content-type'] ?? null,
      contentLength: request.headers['content-length'] ?? null,
    };
  }
  return body;
}

/** Honours Idempotency-Key on POST: a retry returns the first result instead of writing twice. */
export function registerIdempotency(app: App, deps: Deps): void {
  app.decorateRequest('idempotencyKey', null);
  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method !== 'POST') return;
    const raw = request.headers['idempotency-key'];
    if (raw === undefined || !request.actor) return;
    const key = Array.isArray(raw) ? raw[0] : raw;
    if (!key || !KEY_PATTERN.test(key)) {
      throw new AppError(
        'validation_failed',
        'Idempotency-Key must be 1–200 characters of letters, digits and . _ : -',
        {
          fields: [{ field: 'Idempotency-Key', message: 'is not a valid key' }],
        },
      );
    }
    const r = await beginIdempotent(deps, request.actor, key, request.method, request.url, requestIdentity(request));
    if (r.kind === 'replay') {
      void reply.header('idempotent-replayed', 'true');
      return reply.status(r.status).send(r.body);
    }
    request.idempotencyKey = key;
  });
  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (!request.idempotencyKey || !request.actor) return payload;
    let body: unknown = null;
    if (typeof payload === 'string' && payload.length > 0) {
      try {
        body = JSON.parse(payload);
      } catch {
        body = payload;
      }
    }
    await finishIdempotent(deps, request.actor, request.idempotencyKey, reply.statusCode, body);
    return payload;
  });
}
