import { idParams, pageSchema } from '../../contract/common.ts';
import {
  changeFundBudgetSchema,
  claimFundsSchema,
  decideFundRequestSchema,
  fundBudgetSchema,
  fundRequestSchema,
  listFundBudgetsQuery,
  listFundRequestsQuery,
  payFundClaimSchema,
  requestFundsSchema,
  setFundBudgetSchema,
} from '../../contract/partner-funds.ts';
import { z } from 'zod';
import { actorOf } from '../../server/auth.ts';
import { errorResponses, expectedVersion, ifMatchHeader } from '../../server/http.ts';
import { registerTimeline } from '../../server/timeline.ts';
import type { App } from '../../server/types.ts';
import type { Deps } from '../context.ts';
import * as funds from './funds.service.ts';

/** Partner development funds: budgets per partner and period, requests, decisions, claims, payments (docs/channel.md). */
export function registerFundRoutes(app: App, deps: Deps): void {
  const tags = ['channel'];
  app.get(
    '/api/v1/fund-budgets',
    {
      schema: {
        tags,
        summary: 'Development fund budgets with what is committed, pending and left (a partner sees its own)',
        querystring: listFundBudgetsQuery,
        response: { 200: z.object({ items: z.array(fundBudgetSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await funds.listFundBudgets(deps, actorOf(request), request.query) }),
  );
  app.post(
    '/api/v1/fund-budgets',
    {
      schema: {
        tags,
        summary: "Set a partner's development fund budget for a period (channel managers; default: the tier's funds)",
        body: setFundBudgetSchema,
        response: { 201: fundBudgetSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await funds.setFundBudget(deps, actorOf(request), request.body)),
  );
  app.get(
    '/api/v1/fund-budgets/:id',
    {
      schema: {
        tags,
        summary: 'A development fund budget',
        params: idParams,
        response: { 200: fundBudgetSchema, ...errorResponses },
      },
    },
    (request) => funds.getFundBudget(deps, actorOf(request), request.params.id),
  );
  app.patch(
    '/api/v1/fund-budgets/:id',
    {
      schema: {
        tags,
        summary:
          "Change a budget's amount, not below what is approved or claimed (channel managers; If-Match: version)",
        params: idParams,
        headers: ifMatchHeader,
        body: changeFundBudgetSchema,
        response: { 200: fundBudgetSchema, ...errorResponses },
      },
    },
    (request) =>
      funds.changeFundBudget(deps, actorOf(request), request.params.id, expectedVersion(request), request.body),
  );
  app.get(
    '/api/v1/fund-requests',
    {
      schema: {
        tags,
        summary: 'Development fund requests, newest first (a partner sees its own)',
        querystring: listFundRequestsQuery,
        response: { 200: pageSchema(fundRequestSchema), ...errorResponses },
      },
    },
    (request) => funds.listFundRequests(deps, actorOf(request), request.query),
  );
  app.post(
    '/api/v1/fund-requests',
    {
      schema: {
        tags,
        summary: 'Ask for development funds from a budget for an activity (the partner, or a channel manager for it)',
        body: requestFundsSchema,
        response: { 201: fundRequestSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await funds.requestFunds(deps, actorOf(request), request.body)),
  );
  app.get(
    '/api/v1/fund-requests/:id',
    {
      schema: {
        tags,
        summary: 'A development fund request',
        params: idParams,
        response: { 200: fundRequestSchema, ...errorResponses },
      },
    },
    (request) => funds.getFundRequest(deps, actorOf(request), request.params.id),
  );
  const step = (
    path: string,
    summary: string,
    body: typeof decideFundRequestSchema | typeof claimFundsSchema | typeof payFundClaimSchema,
    kind: 'decide' | 'claim' | 'pay',
  ) =>
    app.post(
      `/api/v1/fund-requests/:id/${path}`,
      {
        schema: {
          tags,
          summary,
          params: idParams,
          headers: ifMatchHeader,
          body,
          response: { 200: fundRequestSchema, ...errorResponses },
        },
      },
      (request) =>
        funds.advanceFundRequest(deps, actorOf(request), request.params.id, expectedVersion(request), {
          kind,
          input: request.body,
        } as Parameters<typeof funds.advanceFundRequest>[4]),
    );
  step(
    'decision',
    'Approve or reject a fund request, a note required to reject (channel managers; If-Match: version)',
    decideFundRequestSchema,
    'decide',
  );
  step(
    'claim',
    'Claim what was spent on an approved request, with proof (the partner, or a channel manager; If-Match)',
    claimFundsSchema,
    'claim',
  );
  step(
    'payment',
    'Record the payment of a claim with its reference (admins; If-Match: version)',
    payFundClaimSchema,
    'pay',
  );
  registerTimeline(app, deps, '/api/v1/fund-requests', 'partner_fund_request', (actor, id) =>
    funds.getFundRequest(deps, actor, id),
  );
  registerTimeline(app, deps, '/api/v1/fund-budgets', 'partner_fund_budget', (actor, id) =>
    funds.getFundBudget(deps, actor, id),
  );
}
