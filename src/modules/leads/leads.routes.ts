import { z } from 'zod';
import { idParams, pageSchema } from '../../contract/common.ts';
import { convertLeadResultSchema, convertLeadSchema } from '../../contract/lead-conversion.ts';
import { createLeadSchema, leadSchema, listLeadsQuery, updateLeadSchema } from '../../contract/leads.ts';
import { changeLifecycleSchema } from '../../contract/marketing.ts';
import { actorOf } from '../../server/auth.ts';
import { errorResponses, expectedVersion, ifMatchHeader } from '../../server/http.ts';
import { registerTimeline } from '../../server/timeline.ts';
import type { App } from '../../server/types.ts';
import type { Deps } from '../context.ts';
import { convertLead } from './convert-lead.ts';
import * as svc from './leads.service.ts';
import { accountMatchesSchema } from '../../contract/account-match.ts';
import { accountMatchesForLead } from './account-matches.ts';
import { callQueueQuery, callQueueSchema } from '../../contract/call-queue.ts';
import { callQueue } from './call-queue.ts';
import { claimLead } from './claim-lead.ts';

export function registerLeadRoutes(app: App, deps: Deps): void {
  const tags = ['leads'];
  app.get(
    '/api/v1/leads',
    {
      schema: {
        tags,
        summary: 'List leads (status takes a comma list or repeats)',
        querystring: listLeadsQuery,
        response: { 200: pageSchema(leadSchema), ...errorResponses },
      },
    },
    (request) => svc.listLeads(deps, actorOf(request), request.query),
  );
  app.post(
    '/api/v1/leads',
    {
      schema: {
        tags,
        summary: 'Create a lead',
        body: createLeadSchema,
        response: { 201: leadSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await svc.createLead(deps, actorOf(request), request.body)),
  );
  app.get(
    '/api/v1/leads/:id',
    { schema: { tags, summary: 'Get a lead', params: idParams, response: { 200: leadSchema, ...errorResponses } } },
    (request) => svc.getLead(deps, actorOf(request), request.params.id),
  );
  app.patch(
    '/api/v1/leads/:id',
    {
      schema: {
        tags,
        summary: 'Update a lead (If-Match: version; status converted is set only by conversion)',
        params: idParams,
        headers: ifMatchHeader,
        body: updateLeadSchema,
        response: { 200: leadSchema, ...errorResponses },
      },
    },
    (request) => svc.updateLead(deps, actorOf(request), request.params.id, expectedVersion(request), request.body),
  );
  app.post(
    '/api/v1/leads/:id/lifecycle',
    {
      schema: {
        tags,
        summary:
          'Move a lead in the lifecycle: subscriber, lead, MQL, SQL (If-Match: version; back needs a recycle reason)',
        params: idParams,
        headers: ifMatchHeader,
        body: changeLifecycleSchema,
        response: { 200: leadSchema, ...errorResponses },
      },
    },
    (request) =>
      svc.changeLeadLifecycle(deps, actorOf(request), request.params.id, expectedVersion(request), request.body),
  );
  app.delete(
    '/api/v1/leads/:id',
    {
      schema: {
        tags,
        summary: 'Delete a lead (soft; its history stays; converted leads are kept)',
        params: idParams,
        headers: ifMatchHeader,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await svc.deleteLead(deps, actorOf(request), request.params.id, expectedVersion(request));
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/v1/leads/:id/convert',
    {
      schema: {
        tags,
        summary: 'Convert a lead into an account (or none, B2C), a contact and optionally a deal (If-Match: version)',
        description:
          'Each of account and contact is linked by id or created (fields default from the lead); the deal is created or omitted. ' +
          'Everything happens in one transaction: when any part is refused, nothing is written. ' +
          'Refusals: 422 invalid_transition for a converted or disqualified lead; 422 validation_failed naming each bad field ' +
          "(e.g. contact.id at another account, deal.create.ownerId); 422 stage_gate_failed for the deal's first stage; 409 for a stale If-Match.",
        params: idParams,
        headers: ifMatchHeader,
        body: convertLeadSchema,
        response: { 200: convertLeadResultSchema, ...errorResponses },
      },
    },
    (request) => convertLead(deps, actorOf(request), request.params.id, expectedVersion(request), request.body),
  );
  app.get(
    '/api/v1/leads/:id/account-matches',
    {
      schema: {
        tags,
        summary: 'Existing accounts this lead may belong to, best first, each with why (for converting it)',
        description:
          "The same web domain as the lead's company domain or work email (free mail providers aside) comes first, " +
          'then a company name whose distinctive words (without legal forms such as Ltd or AS and trade words such as Logistics) are alike. ' +
          'Only accounts you can see are proposed; at most five.',
        params: idParams,
        response: { 200: accountMatchesSchema, ...errorResponses },
      },
    },
    (request) => accountMatchesForLead(deps, actorOf(request), request.params.id),
  );
  app.get(
    '/api/v1/call-queue',
    {
      schema: {
        tags,
        summary: "The next leads to call: a user's open leads ranked by due call back, SLA, score and age (paged)",
        description:
          'Order: call backs that have come due (longest overdue first), then leads with an SLA running (soonest due first), ' +
          'then the rest by score (highest first, unscored last) and age (oldest first); leads whose call back is still ahead come last. ' +
          "The caller's own queue unless ownerId names a user whose leads the caller may work (a manager's team, anyone for an admin); " +
          'roles that do not call leads get 403.',
        querystring: callQueueQuery,
        response: { 200: callQueueSchema, ...errorResponses },
      },
    },
    (request) => callQueue(deps, actorOf(request), request.query),
  );
  app.post(
    '/api/v1/leads/:id/claim',
    {
      schema: {
        tags,
        summary: 'Claim an unassigned lead from the call queue: the caller becomes its owner (If-Match: version)',
        description:
          'Inside sales and reps claim the open leads of a territory they work (as a member of it or of its pool) and those ' +
          'no territory holds; managers and admins any open unassigned lead. Of concurrent claims exactly one wins: the others ' +
          "get 409 conflict with the ownerId. Another territory's lead is 404; a lead that is not new or working 422 " +
          'invalid_transition. Recorded as lead.assigned with the cause claim.',
        params: idParams,
        headers: ifMatchHeader,
        response: { 200: leadSchema, ...errorResponses },
      },
    },
    (request) => claimLead(deps, actorOf(request), request.params.id, expectedVersion(request)),
  );
  registerTimeline(app, deps, '/api/v1/leads', 'lead', (actor, id) => svc.getLead(deps, actor, id));
}
