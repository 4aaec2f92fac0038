import { z } from 'zod';
import { apiTokenSchema, createApiTokenSchema } from '../../contract/api-tokens.ts';
import { emailSchema, idParams } from '../../contract/common.ts';
import { sessionSchema } from '../../contract/users.ts';
import { actorOf, SESSION_COOKIE } from '../../server/auth.ts';
import { errorResponses } from '../../server/http.ts';
import type { App } from '../../server/types.ts';
import type { Deps } from '../context.ts';
import { getUser } from '../users/users.service.ts';
import * as svc from './auth.service.ts';

export function registerAuthRoutes(app: App, deps: Deps, opts: { secureCookies: boolean }): void {
  app.post(
    '/api/v1/auth/sign-in',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password; sets the session cookie and returns the CSRF token for writes',
        body: z.strictObject({
          email: emailSchema,
          password: z.string().min(1).max(200),
          organization: z
            .string()
            .max(300)
            .optional()
            .describe(
              'Id or name of the organization to sign in to, when the email and password open accounts in several',
            ),
        }),
        response: { 200: sessionSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const s = await svc.signIn(deps, request.body);
      void reply.setCookie(SESSION_COOKIE, s.sessionToken, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: opts.secureCookies,
        expires: s.expiresAt,
      });
      return {
        user: await getUser(deps, s.actor, s.actor.userId),
        organizationId: s.actor.orgId,
        csrfToken: s.csrfToken,
        teamUserIds: [...s.actor.teamUserIds],
      };
    },
  );
  app.post(
    '/api/v1/auth/sign-out',
    {
      config: { public: true },
      schema: { tags: ['auth'], summary: 'Sign out (ends the session)', response: { 204: z.null() } },
    },
    async (request, reply) => {
      if (request.sessionToken) await svc.signOut(deps, request.sessionToken);
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/v1/auth/session',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user and the CSRF token',
        response: { 200: sessionSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return {
        user: await getUser(deps, actor, actor.userId),
        organizationId: actor.orgId,
        csrfToken: request.csrfToken,
        teamUserIds: [...actor.teamUserIds],
      };
    },
  );

  app.get(
    '/api/v1/tokens',
    {
      schema: {
        tags: ['auth'],
        summary: 'List API tokens (own; admins: all)',
        response: { 200: z.object({ items: z.array(apiTokenSchema) }), ...errorResponses },
      },
    },
    async (request) => ({
      items: await svc.listApiTokens(deps, actorOf(request)),
    }),
  );
  app.post(
    '/api/v1/tokens',
    {
      schema: {
        tags: ['auth'],
        summary: 'Create an API token; the token is returned once',
        body: createApiTokenSchema,
        response: { 201: z.object({ token: z.string(), apiToken: apiTokenSchema }), ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await svc.createApiToken(deps, actorOf(request), request.body)),
  );
  app.delete(
    '/api/v1/tokens/:id',
    {
      schema: {
        tags: ['auth'],
        summary: 'Revoke an API token',
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await svc.revokeApiToken(deps, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
