import { z } from 'zod';
import { idParams, pageSchema } from '../../contract/common.ts';
import {
  createTeamSchema,
  createUserSchema,
  listUsersQuery,
  organizationSchema,
  setupSchema,
  teamSchema,
  updateTeamSchema,
  updateUserSchema,
  userSchema,
} from '../../contract/users.ts';
import { actorOf } from '../../server/auth.ts';
import { errorResponses, expectedVersion, ifMatchHeader } from '../../server/http.ts';
import type { App } from '../../server/types.ts';
import type { Deps } from '../context.ts';
import * as svc from './users.service.ts';
import { setUpOrganization } from '../organizations/set-up-organization.ts';

export function registerUserRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/v1/setup',
    {
      config: { public: true },
      schema: {
        tags: ['setup'],
        summary: 'Whether first-run set-up is needed',
        response: { 200: z.object({ needed: z.boolean() }) },
      },
    },
    async () => ({
      needed: await svc.setupNeeded(deps),
    }),
  );
  app.post(
    '/api/v1/setup',
    {
      config: { public: true },
      schema: {
        tags: ['setup'],
        summary: 'First run: create the organization and its admin (only when none exists)',
        body: setupSchema,
        response: { 201: z.object({ organization: organizationSchema, admin: userSchema }), ...errorResponses },
      },
    },
    async (request, reply) => {
      return reply.status(201).send(await setUpOrganization(deps, request.body, { onlyIfFirst: true }));
    },
  );
  app.get(
    '/api/v1/organization',
    {
      schema: {
        tags: ['organization'],
        summary: 'The organization of the signed-in user',
        response: { 200: organizationSchema, ...errorResponses },
      },
    },
    (request) => svc.getOrganization(deps, actorOf(request)),
  );

  app.get(
    '/api/v1/users',
    {
      schema: {
        tags: ['users'],
        summary: 'List users',
        querystring: listUsersQuery,
        response: { 200: pageSchema(userSchema), ...errorResponses },
      },
    },
    (request) => svc.listUsers(deps, actorOf(request), request.query),
  );
  app.post(
    '/api/v1/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Create a user (admin)',
        body: createUserSchema,
        response: { 201: userSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await svc.createUser(deps, actorOf(request), request.body)),
  );
  app.get(
    '/api/v1/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Get a user',
        params: idParams,
        response: { 200: userSchema, ...errorResponses },
      },
    },
    (request) => svc.getUser(deps, actorOf(request), request.params.id),
  );
  app.patch(
    '/api/v1/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Update a user (admin; anyone: own name and password)',
        params: idParams,
        headers: ifMatchHeader,
        body: updateUserSchema,
        response: { 200: userSchema, ...errorResponses },
      },
    },
    (request) => svc.updateUser(deps, actorOf(request), request.params.id, expectedVersion(request), request.body),
  );

  app.get(
    '/api/v1/teams',
    {
      schema: {
        tags: ['teams'],
        summary: 'List teams',
        response: { 200: z.object({ items: z.array(teamSchema) }), ...errorResponses },
      },
    },
    async (request) => ({
      items: await svc.listTeams(deps, actorOf(request)),
    }),
  );
  app.post(
    '/api/v1/teams',
    {
      schema: {
        tags: ['teams'],
        summary: 'Create a team (admin)',
        body: createTeamSchema,
        response: { 201: teamSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await svc.createTeam(deps, actorOf(request), request.body)),
  );
  app.get(
    '/api/v1/teams/:id',
    {
      schema: {
        tags: ['teams'],
        summary: 'Get a team',
        params: idParams,
        response: { 200: teamSchema, ...errorResponses },
      },
    },
    (request) => svc.getTeam(deps, actorOf(request), request.params.id),
  );
  app.patch(
    '/api/v1/teams/:id',
    {
      schema: {
        tags: ['teams'],
        summary: 'Update a team (admin)',
        params: idParams,
        headers: ifMatchHeader,
        body: updateTeamSchema,
        response: { 200: teamSchema, ...errorResponses },
      },
    },
    (request) => svc.updateTeam(deps, actorOf(request), request.params.id, expectedVersion(request), request.body),
  );
  app.delete(
    '/api/v1/teams/:id',
    {
      schema: {
        tags: ['teams'],
        summary: 'Delete an empty team (admin)',
        params: idParams,
        headers: ifMatchHeader,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await svc.deleteTeam(deps, actorOf(request), request.params.id, expectedVersion(request));
      return reply.status(204).send(null);
    },
  );
}
