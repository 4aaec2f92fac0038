import { idParams, pageSchema } from '../../contract/common.ts';
import {
  handoffSchema,
  listHandoffsQuery,
  rejectHandoffSchema,
  slaPolicyDtoSchema,
  slaPolicySchema,
} from '../../contract/handoffs.ts';
import { actorOf } from '../../server/auth.ts';
import { errorResponses, expectedVersion, ifMatchHeader } from '../../server/http.ts';
import type { App } from '../../server/types.ts';
import type { Deps } from '../context.ts';
import * as svc from './handoffs.service.ts';
import { acceptHandoff, rejectHandoff } from './decide-handoff.ts';
import * as policy from './sla-policy.service.ts';

export function registerHandoffRoutes(app: App, deps: Deps): void {
  const tags = ['hand-offs'];
  app.get(
    '/api/v1/sla-policy',
    {
      schema: {
        tags,
        summary: "The organization's hand-off SLA policy (business hours, response minutes, escalation); admins",
        response: { 200: slaPolicyDtoSchema, ...errorResponses },
      },
    },
    (request) => policy.getSlaPolicy(deps, actorOf(request), null),
  );
  app.put(
    '/api/v1/sla-policy',
    {
      schema: {
        tags,
        summary: "Replace the organization's hand-off SLA policy (If-Match: version, 0 before the first save)",
        headers: ifMatchHeader,
        body: slaPolicySchema,
        response: { 200: slaPolicyDtoSchema, ...errorResponses },
      },
    },
    (request) => policy.updateSlaPolicy(deps, actorOf(request), null, expectedVersion(request), request.body),
  );
  app.get(
    '/api/v1/teams/:id/sla-policy',
    {
      schema: {
        tags,
        summary: "A team's hand-off SLA policy (the organization's, marked inherited, until the team has its own)",
        params: idParams,
        response: { 200: slaPolicyDtoSchema, ...errorResponses },
      },
    },
    (request) => policy.getSlaPolicy(deps, actorOf(request), request.params.id),
  );
  app.put(
    '/api/v1/teams/:id/sla-policy',
    {
      schema: {
        tags,
        summary: "Replace a team's own hand-off SLA policy (If-Match: version, 0 before the first save)",
        params: idParams,
        headers: ifMatchHeader,
        body: slaPolicySchema,
        response: { 200: slaPolicyDtoSchema, ...errorResponses },
      },
    },
    (request) =>
      policy.updateSlaPolicy(deps, actorOf(request), request.params.id, expectedVersion(request), request.body),
  );
  app.get(
    '/api/v1/handoffs',
    {
      schema: {
        tags,
        summary: 'Hand-offs of MQLs to sales the caller reads, by due time, with score, grade, timer and decision',
        querystring: listHandoffsQuery,
        response: { 200: pageSchema(handoffSchema), ...errorResponses },
      },
    },
    (request) => svc.listHandoffs(deps, actorOf(request), request.query),
  );
  app.get(
    '/api/v1/handoffs/:id',
    {
      schema: {
        tags,
        summary: 'A hand-off',
        params: idParams,
        response: { 200: handoffSchema, ...errorResponses },
      },
    },
    (request) => svc.getHandoff(deps, actorOf(request), request.params.id),
  );
  app.post(
    '/api/v1/handoffs/:id/accept',
    {
      schema: {
        tags,
        summary: 'Accept a handed-off lead (If-Match: the hand-off version): the lead becomes SQL',
        params: idParams,
        headers: ifMatchHeader,
        response: { 200: handoffSchema, ...errorResponses },
      },
    },
    (request) => acceptHandoff(deps, actorOf(request), request.params.id, expectedVersion(request)),
  );
  app.post(
    '/api/v1/handoffs/:id/reject',
    {
      schema: {
        tags,
        summary: 'Reject a handed-off lead with a reason (If-Match: the hand-off version): it goes back to marketing',
        params: idParams,
        headers: ifMatchHeader,
        body: rejectHandoffSchema,
        response: { 200: handoffSchema, ...errorResponses },
      },
    },
    (request) => rejectHandoff(deps, actorOf(request), request.params.id, expectedVersion(request), request.body),
  );
}
