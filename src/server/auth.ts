import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../contract/access.ts';
import { AppError } from '../contract/errors.ts';
import type { Deps } from '../modules/context.ts';
import { resolveApiToken, resolveSession } from '../modules/auth/auth.service.ts';
import type { App } from './types.ts';

export const SESSION_COOKIE = 'pw_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The signed-in actor of a request; routes behind auth always have one. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated', 'Sign in or send a bearer API token');
  return request.actor;
}

/**
 * Resolves the actor from a bearer token or the session cookie, and enforces CSRF protection for
 * cookie-authenticated writes (the X-CSRF-Token header must echo the session's token).
 */
export function registerAuth(app: App, deps: Deps): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('authMethod', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
    if (!request.url.startsWith('/api/v1/') || request.routeOptions.config.anonymous) return;
    const header = request.headers.authorization;
    if (header) {
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      const actor = m?.[1] ? await resolveApiToken(deps, m[1]) : null;
      if (!actor) throw new AppError('unauthenticated', 'The API token is not valid, has expired or was revoked');
      request.actor = actor;
      request.authMethod = 'token';
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie) {
      const s = await resolveSession(deps, cookie);
      if (s) {
        request.actor = s.actor;
        request.authMethod = 'session';
        request.csrfToken = s.csrfToken;
        request.sessionToken = cookie;
        if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== s.csrfToken) {
          throw new AppError('csrf_failed', 'Missing or wrong X-CSRF-Token header for a cookie-authenticated write');
        }
      }
    }
    if (!request.actor && !request.routeOptions.config.public) {
      throw new AppError('unauthenticated', 'Sign in or send a bearer API token');
    }
  });
}
