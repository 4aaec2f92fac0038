import { z } from 'zod';
import { idParams, pageSchema } from '../../contract/common.ts';
import {
  addCampaignCostSchema,
  campaignCostParams,
  campaignCostSchema,
  campaignSchema,
  createCampaignSchema,
  listCampaignsQuery,
  listMembersQuery,
  listTouchesQuery,
  memberSchema,
  recordTouchSchema,
  setMemberSchema,
  touchSchema,
  updateCampaignSchema,
} from '../../contract/marketing.ts';
import { actorOf } from '../../server/auth.ts';
import { errorResponses, expectedVersion, ifMatchHeader } from '../../server/http.ts';
import { registerTimeline } from '../../server/timeline.ts';
import type { App } from '../../server/types.ts';
import type { Deps } from '../context.ts';
import * as svc from './campaigns.service.ts';
import * as touches from './touches.service.ts';

export function registerMarketingRoutes(app: App, deps: Deps): void {
  const tags = ['campaigns'];
  app.get(
    '/api/v1/campaigns',
    {
      schema: {
        tags,
        summary: 'List campaigns',
        querystring: listCampaignsQuery,
        response: { 200: pageSchema(campaignSchema), ...errorResponses },
      },
    },
    (request) => svc.listCampaigns(deps, actorOf(request), request.query),
  );
  app.post(
    '/api/v1/campaigns',
    {
      schema: {
        tags,
        summary: 'Create a campaign',
        body: createCampaignSchema,
        response: { 201: campaignSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await svc.createCampaign(deps, actorOf(request), request.body)),
  );
  app.get(
    '/api/v1/campaigns/:id',
    {
      schema: {
        tags,
        summary: 'Get a campaign',
        params: idParams,
        response: { 200: campaignSchema, ...errorResponses },
      },
    },
    (request) => svc.getCampaign(deps, actorOf(request), request.params.id),
  );
  app.patch(
    '/api/v1/campaigns/:id',
    {
      schema: {
        tags,
        summary: 'Update a campaign (If-Match: version)',
        params: idParams,
        headers: ifMatchHeader,
        body: updateCampaignSchema,
        response: { 200: campaignSchema, ...errorResponses },
      },
    },
    (request) => svc.updateCampaign(deps, actorOf(request), request.params.id, expectedVersion(request), request.body),
  );
  app.delete(
    '/api/v1/campaigns/:id',
    {
      schema: {
        tags,
        summary: 'Delete a campaign (If-Match: version; its touches and costs stay for attribution)',
        params: idParams,
        headers: ifMatchHeader,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await svc.deleteCampaign(deps, actorOf(request), request.params.id, expectedVersion(request));
      return reply.status(204).send(null);
    },
  );
  registerTimeline(app, deps, '/api/v1/campaigns', 'campaign', (actor, id) => svc.getCampaign(deps, actor, id));

  app.get(
    '/api/v1/campaigns/:id/costs',
    {
      schema: {
        tags,
        summary: 'Cost entries of a campaign, by date (their sum is its actual cost)',
        params: idParams,
        response: { 200: z.object({ items: z.array(campaignCostSchema) }), ...errorResponses },
      },
    },
    (request) => svc.listCampaignCosts(deps, actorOf(request), request.params.id),
  );
  app.post(
    '/api/v1/campaigns/:id/costs',
    {
      schema: {
        tags,
        summary: 'Add a dated cost entry to a campaign',
        params: idParams,
        body: addCampaignCostSchema,
        response: { 201: campaignCostSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await svc.addCampaignCost(deps, actorOf(request), request.params.id, request.body)),
  );
  app.delete(
    '/api/v1/campaigns/:id/costs/:costId',
    {
      schema: {
        tags,
        summary: 'Remove a cost entry of a campaign',
        params: campaignCostParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await svc.removeCampaignCost(deps, actorOf(request), request.params.id, request.params.costId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/campaigns/:id/touches',
    {
      schema: {
        tags,
        summary: 'Touches of a campaign, newest first (of the leads and contacts you may see)',
        params: idParams,
        querystring: listTouchesQuery,
        response: { 200: pageSchema(touchSchema), ...errorResponses },
      },
    },
    (request) => touches.listCampaignTouches(deps, actorOf(request), request.params.id, request.query),
  );
  app.post(
    '/api/v1/campaigns/:id/touches',
    {
      schema: {
        tags,
        summary: 'Record that a lead or contact interacted with a campaign',
        params: idParams,
        body: recordTouchSchema,
        response: { 201: touchSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await touches.recordTouch(deps, actorOf(request), request.params.id, request.body)),
  );
  app.get(
    '/api/v1/campaigns/:id/members',
    {
      schema: {
        tags,
        summary: 'Members of a campaign with their status (of the leads and contacts you may see)',
        params: idParams,
        querystring: listMembersQuery,
        response: { 200: pageSchema(memberSchema), ...errorResponses },
      },
    },
    (request) => touches.listCampaignMembers(deps, actorOf(request), request.params.id, request.query),
  );
  app.post(
    '/api/v1/campaigns/:id/members',
    {
      schema: {
        tags,
        summary: 'Add a person to a campaign or move their status on (statuses only climb)',
        params: idParams,
        body: setMemberSchema,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await touches.setMember(deps, actorOf(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );
  for (const type of ['lead', 'contact'] as const)
    app.get(
      `/api/v1/${type}s/:id/touches`,
      {
        schema: {
          tags,
          summary: `Campaign touches of a ${type}, newest first`,
          params: idParams,
          querystring: listTouchesQuery,
          response: { 200: pageSchema(touchSchema), ...errorResponses },
        },
      },
      (request) => touches.listPersonTouches(deps, actorOf(request), type, request.params.id, request.query),
    );
}
