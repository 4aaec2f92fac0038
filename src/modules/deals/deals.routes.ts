import { z } from 'zod';
import { idParams, pageSchema } from '../../contract/common.ts';
import {
  boardSummaryQuery,
  boardSummarySchema,
  createDealSchema,
  dealSchema,
  listDealsQuery,
  moveDealStageSchema,
  updateDealSchema,
} from '../../contract/deals.ts';
import { actorOf } from '../../server/auth.ts';
import { errorResponses, expectedVersion, ifMatchHeader } from '../../server/http.ts';
import { registerTimeline } from '../../server/timeline.ts';
import type { App } from '../../server/types.ts';
import type { Deps } from '../context.ts';
import { boardSummary } from './board-summary.ts';
import * as svc from './deals.service.ts';
import { heldForApprovalSchema } from '../../contract/oversight.ts';
import { changeDeal, changeDealStage, type GuardedChange } from '../oversight/approvals.service.ts';
import type { FastifyReply } from 'fastify';

/** A guarded change answers the deal (200), or 202 with the approval that holds it. */
function guarded(reply: FastifyReply, result: GuardedChange) {
  return result.kind === 'applied' ? reply.status(200).send(result.deal) : reply.status(202).send(result.held);
}

export function registerDealRoutes(app: App, deps: Deps): void {
  const tags = ['deals'];
  app.get(
    '/api/v1/deals',
    {
      schema: {
        tags,
        summary: 'List deals (contactId: deals the contact is on, as primary contact or with a role)',
        querystring: listDealsQuery,
        response: { 200: pageSchema(dealSchema), ...errorResponses },
      },
    },
    (request) => svc.listDeals(deps, actorOf(request), request.query),
  );
  app.get(
    '/api/v1/deals/board',
    {
      schema: {
        tags,
        summary:
          "A pipeline board's column heads: per stage, the count, sums and weighted sums of the deals passing the filters (closed stages: the current period only)",
        querystring: boardSummaryQuery,
        response: { 200: boardSummarySchema, ...errorResponses },
      },
    },
    (request) => boardSummary(deps, actorOf(request), request.query),
  );
  app.post(
    '/api/v1/deals',
    {
      schema: {
        tags,
        summary: 'Create a deal (a partner registers one)',
        body: createDealSchema,
        response: { 201: dealSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await svc.createDeal(deps, actorOf(request), request.body)),
  );
  app.get(
    '/api/v1/deals/:id',
    { schema: { tags, summary: 'Get a deal', params: idParams, response: { 200: dealSchema, ...errorResponses } } },
    (request) => svc.getDeal(deps, actorOf(request), request.params.id),
  );
  app.patch(
    '/api/v1/deals/:id',
    {
      schema: {
        tags,
        summary:
          'Update a deal (If-Match: version); the stage moves through POST /deals/:id/stage. A change an approval rule holds answers 202 with the approval and changes nothing until approved.',
        params: idParams,
        headers: ifMatchHeader,
        body: updateDealSchema,
        response: { 200: dealSchema, 202: heldForApprovalSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      guarded(
        reply,
        await changeDeal(deps, actorOf(request), request.params.id, expectedVersion(request), request.body),
      ),
  );
  app.delete(
    '/api/v1/deals/:id',
    {
      schema: {
        tags,
        summary: 'Delete a deal (soft; its history stays)',
        params: idParams,
        headers: ifMatchHeader,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await svc.deleteDeal(deps, actorOf(request), request.params.id, expectedVersion(request));
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/v1/deals/:id/stage',
    {
      schema: {
        tags,
        summary:
          'Move a deal to a stage (If-Match or expectedVersion). Refusals: 422 stage_gate_failed, stage_order_violation, invalid_transition; 403 reopening without permission. A move an approval rule holds answers 202 with the approval.',
        params: idParams,
        headers: ifMatchHeader,
        body: moveDealStageSchema,
        response: { 200: dealSchema, 202: heldForApprovalSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      guarded(
        reply,
        await changeDealStage(deps, actorOf(request), request.params.id, expectedVersion(request), request.body),
      ),
  );
  registerTimeline(app, deps, '/api/v1/deals', 'deal', (actor, id) => svc.getDeal(deps, actor, id));
}
