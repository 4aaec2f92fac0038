import { z } from 'zod';
import {
  answerDisputeSchema,
  commissionBonusSchema,
  commissionDisputeSchema,
  commissionPlanSchema,
  commissionSplitSchema,
  createCommissionBonusSchema,
  createCommissionPlanSchema,
  createPlanAssignmentSchema,
  listAssignmentsQuery,
  listDisputesQuery,
  planAssignmentSchema,
  raiseDisputeSchema,
  setCommissionSplitSchema,
  statementQuery,
  statementSchema,
  statementSummarySchema,
  teamStatementsQuery,
} from '../../contract/commissions.ts';
import { idParams } from '../../contract/common.ts';
import { actorOf } from '../../server/auth.ts';
import { errorResponses, expectedVersion, ifMatchHeader } from '../../server/http.ts';
import { registerTimeline } from '../../server/timeline.ts';
import type { App } from '../../server/types.ts';
import type { Deps } from '../context.ts';
import * as adjustments from './adjustments.service.ts';
import * as plans from './plans.service.ts';
import * as statements from './statements.service.ts';

export function registerCommissionRoutes(app: App, deps: Deps): void {
  const tags = ['commissions'];
  app.get(
    '/api/v1/commission-plans',
    {
      schema: {
        tags,
        summary: 'The commission plans (admins, managers, auditors)',
        response: { 200: z.object({ items: z.array(commissionPlanSchema) }), ...errorResponses },
      },
    },
    (request) => plans.listPlans(deps, actorOf(request)),
  );
  app.post(
    '/api/v1/commission-plans',
    {
      schema: {
        tags,
        summary: 'Make a commission plan (admins; plans do not change afterwards)',
        body: createCommissionPlanSchema,
        response: { 201: commissionPlanSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await plans.createPlan(deps, actorOf(request), request.body)),
  );
  app.get(
    '/api/v1/commission-assignments',
    {
      schema: {
        tags,
        summary: 'Plan assignments of the payees whose statements you read',
        querystring: listAssignmentsQuery,
        response: { 200: z.object({ items: z.array(planAssignmentSchema) }), ...errorResponses },
      },
    },
    (request) => plans.listAssignments(deps, actorOf(request), request.query),
  );
  app.post(
    '/api/v1/commission-assignments',
    {
      schema: {
        tags,
        summary: 'Give a plan to a user or partner account for a span of days (admins)',
        body: createPlanAssignmentSchema,
        response: { 201: planAssignmentSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await plans.assignPlan(deps, actorOf(request), request.body)),
  );
  app.get(
    '/api/v1/deals/:id/commission-split',
    {
      schema: {
        tags,
        summary: "A deal's commission split (no members: the owner is credited alone)",
        params: idParams,
        response: { 200: commissionSplitSchema, ...errorResponses },
      },
    },
    (request) => adjustments.getSplit(deps, actorOf(request), request.params.id),
  );
  app.put(
    '/api/v1/deals/:id/commission-split',
    {
      schema: {
        tags,
        summary: "Split a deal's credit between reps (managers, admins; If-Match: the split's version, 0 at first)",
        params: idParams,
        headers: ifMatchHeader,
        body: setCommissionSplitSchema,
        response: { 200: commissionSplitSchema, ...errorResponses },
      },
    },
    (request) =>
      adjustments.setSplit(deps, actorOf(request), request.params.id, expectedVersion(request), request.body),
  );
  app.post(
    '/api/v1/commission-bonuses',
    {
      schema: {
        tags,
        summary: "Grant a one-off bonus (admins; managers for their team's people and for partners)",
        body: createCommissionBonusSchema,
        response: { 201: commissionBonusSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await adjustments.grantBonus(deps, actorOf(request), request.body)),
  );
  app.get(
    '/api/v1/commission-statements',
    {
      schema: {
        tags,
        summary: 'A statement for a month, computed from the log up to its end (yours unless a payee is named)',
        querystring: statementQuery,
        response: { 200: statementSchema, ...errorResponses },
      },
    },
    (request) => statements.getStatement(deps, actorOf(request), request.query),
  );
  app.get(
    '/api/v1/commission-statements/team',
    {
      schema: {
        tags,
        summary: "The month's statements of the people you read (managers, admins, auditors)",
        querystring: teamStatementsQuery,
        response: { 200: z.object({ items: z.array(statementSummarySchema) }), ...errorResponses },
      },
    },
    (request) => statements.teamStatements(deps, actorOf(request), request.query.period),
  );
  app.get(
    '/api/v1/commission-disputes',
    {
      schema: {
        tags,
        summary: 'Disputes of the statements you read, newest first',
        querystring: listDisputesQuery,
        response: { 200: z.object({ items: z.array(commissionDisputeSchema) }), ...errorResponses },
      },
    },
    (request) => adjustments.listDisputes(deps, actorOf(request), request.query),
  );
  app.post(
    '/api/v1/commission-disputes',
    {
      schema: {
        tags,
        summary: 'Dispute a line of your statement',
        body: raiseDisputeSchema,
        response: { 201: commissionDisputeSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await adjustments.raiseDispute(deps, actorOf(request), request.body)),
  );
  app.get(
    '/api/v1/commission-disputes/:id',
    {
      schema: {
        tags,
        summary: 'Get a dispute',
        params: idParams,
        response: { 200: commissionDisputeSchema, ...errorResponses },
      },
    },
    (request) => adjustments.getDispute(deps, actorOf(request), request.params.id),
  );
  app.post(
    '/api/v1/commission-disputes/:id/answer',
    {
      schema: {
        tags,
        summary: 'Accept (maybe with an adjustment line) or reject a dispute (If-Match: version)',
        params: idParams,
        headers: ifMatchHeader,
        body: answerDisputeSchema,
        response: { 200: commissionDisputeSchema, ...errorResponses },
      },
    },
    (request) =>
      adjustments.answerDispute(deps, actorOf(request), request.params.id, expectedVersion(request), request.body),
  );
  registerTimeline(app, deps, '/api/v1/commission-disputes', 'commission_dispute', (actor, id) =>
    adjustments.getDispute(deps, actor, id),
  );
}
