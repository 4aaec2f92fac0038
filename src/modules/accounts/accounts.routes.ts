import { z } from 'zod';
import { accountSchema, createAccountSchema, listAccountsQuery, updateAccountSchema } from '../../contract/accounts.ts';
import { idParams, pageSchema } from '../../contract/common.ts';
import { actorOf } from '../../server/auth.ts';
import { errorResponses, expectedVersion, ifMatchHeader } from '../../server/http.ts';
import { registerTimeline } from '../../server/timeline.ts';
import type { App } from '../../server/types.ts';
import type { Deps } from '../context.ts';
import * as svc from './accounts.service.ts';

export function registerAccountRoutes(app: App, deps: Deps): void {
  const tags = ['accounts'];
  app.get(
    '/api/v1/accounts',
    {
      schema: {
        tags,
        summary: 'List accounts',
        querystring: listAccountsQuery,
        response: { 200: pageSchema(accountSchema), ...errorResponses },
      },
    },
    (request) => svc.listAccounts(deps, actorOf(request), request.query),
  );
  app.post(
    '/api/v1/accounts',
    {
      schema: {
        tags,
        summary: 'Create an account',
        body: createAccountSchema,
        response: { 201: accountSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await svc.createAccount(deps, actorOf(request), request.body)),
  );
  app.get(
    '/api/v1/accounts/:id',
    {
      schema: {
        tags,
        summary: 'Get an account',
        params: idParams,
        response: { 200: accountSchema, ...errorResponses },
      },
    },
    (request) => svc.getAccount(deps, actorOf(request), request.params.id),
  );
  app.patch(
    '/api/v1/accounts/:id',
    {
      schema: {
        tags,
        summary: 'Update an account (If-Match: version)',
        params: idParams,
        headers: ifMatchHeader,
        body: updateAccountSchema,
        response: { 200: accountSchema, ...errorResponses },
      },
    },
    (request) => svc.updateAccount(deps, actorOf(request), request.params.id, expectedVersion(request), request.body),
  );
  app.delete(
    '/api/v1/accounts/:id',
    {
      schema: {
        tags,
        summary: 'Delete an account (soft; its history stays)',
        params: idParams,
        headers: ifMatchHeader,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await svc.deleteAccount(deps, actorOf(request), request.params.id, expectedVersion(request));
      return reply.status(204).send(null);
    },
  );
  registerTimeline(app, deps, '/api/v1/accounts', 'account', (actor, id) => svc.getAccount(deps, actor, id));
}
