import { z } from 'zod';
import {
  cadenceFiguresSchema,
  cadenceSchema,
  createCadenceSchema,
  endEnrolmentSchema,
  enrolLeadSchema,
  enrolmentSchema,
  listCadencesQuery,
  updateCadenceSchema,
} from '../../contract/cadences.ts';
import { idParams, pageSchema } from '../../contract/common.ts';
import { actorOf } from '../../server/auth.ts';
import { errorResponses, expectedVersion, ifMatchHeader } from '../../server/http.ts';
import type { App } from '../../server/types.ts';
import type { Deps } from '../context.ts';
import * as svc from './cadences.service.ts';

export function registerCadenceRoutes(app: App, deps: Deps): void {
  const tags = ['cadences'];
  app.get(
    '/api/v1/cadences',
    {
      schema: {
        tags,
        summary: 'List cadences (active ones unless active=false|all)',
        querystring: listCadencesQuery,
        response: { 200: pageSchema(cadenceSchema), ...errorResponses },
      },
    },
    (request) => svc.listCadences(deps, actorOf(request), request.query),
  );
  app.post(
    '/api/v1/cadences',
    {
      schema: {
        tags,
        summary: 'Define a cadence: its steps and the rule of each call disposition (admins and managers)',
        description: 'Rules not named take the defaults (see docs/inside-sales.md).',
        body: createCadenceSchema,
        response: { 201: cadenceSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await svc.createCadence(deps, actorOf(request), request.body)),
  );
  app.get(
    '/api/v1/cadences/performance',
    {
      schema: {
        tags,
        summary: 'Per cadence and step: enrolled, reached, converted (meeting or opportunity) and ended',
        response: { 200: z.object({ items: z.array(cadenceFiguresSchema) }), ...errorResponses },
      },
    },
    (request) => svc.cadencePerformance(deps, actorOf(request)),
  );
  app.get(
    '/api/v1/cadences/:id',
    {
      schema: {
        tags,
        summary: 'Get a cadence with the steps and rules of its newest version',
        params: idParams,
        response: { 200: cadenceSchema, ...errorResponses },
      },
    },
    (request) => svc.getCadence(deps, actorOf(request), request.params.id),
  );
  app.patch(
    '/api/v1/cadences/:id',
    {
      schema: {
        tags,
        summary: 'Update a cadence (If-Match: version); new steps or rules start a new cadence version',
        description: 'Open enrolments keep the version they were enrolled in; new enrolments follow the newest.',
        params: idParams,
        headers: ifMatchHeader,
        body: updateCadenceSchema,
        response: { 200: cadenceSchema, ...errorResponses },
      },
    },
    (request) => svc.updateCadence(deps, actorOf(request), request.params.id, expectedVersion(request), request.body),
  );
  app.get(
    '/api/v1/leads/:id/cadence-enrolments',
    {
      schema: {
        tags,
        summary: "A lead's cadence enrolments, newest first",
        params: idParams,
        response: { 200: z.object({ items: z.array(enrolmentSchema) }), ...errorResponses },
      },
    },
    (request) => svc.leadEnrolments(deps, actorOf(request), request.params.id),
  );
  app.post(
    '/api/v1/leads/:id/cadence-enrolments',
    {
      schema: {
        tags,
        summary: 'Enrol a lead in a cadence (409 when it already has an open enrolment)',
        description:
          'Inside sales and reps enrol their own leads, managers their team’s, admins any. The lead must be new or working.',
        params: idParams,
        body: enrolLeadSchema,
        response: { 201: enrolmentSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await svc.enrolLead(deps, actorOf(request), request.params.id, request.body.cadenceId)),
  );
  app.get(
    '/api/v1/cadence-enrolments/:id',
    {
      schema: {
        tags,
        summary: 'Get a cadence enrolment',
        params: idParams,
        response: { 200: enrolmentSchema, ...errorResponses },
      },
    },
    (request) => svc.getEnrolment(deps, actorOf(request), request.params.id),
  );
  app.post(
    '/api/v1/cadence-enrolments/:id/end',
    {
      schema: {
        tags,
        summary: 'End an open enrolment with a reason (If-Match: version)',
        params: idParams,
        headers: ifMatchHeader,
        body: endEnrolmentSchema,
        response: { 200: enrolmentSchema, ...errorResponses },
      },
    },
    (request) => svc.endEnrolment(deps, actorOf(request), request.params.id, expectedVersion(request), request.body),
  );
}
