import { z } from 'zod';
import { idParams, pageSchema } from '../../contract/common.ts';
import {
  approvalRuleSchema,
  approvalSchema,
  createApprovalRuleSchema,
  createPeriodLockSchema,
  decideApprovalSchema,
  detectionRunSchema,
  exceptionRatesSchema,
  findingSchema,
  listApprovalsQuery,
  listFindingsQuery,
  periodLockSchema,
  updateApprovalRuleSchema,
  workFindingSchema,
} from '../../contract/oversight.ts';
import { actorOf } from '../../server/auth.ts';
import { errorResponses, expectedVersion, ifMatchHeader } from '../../server/http.ts';
import { registerTimeline } from '../../server/timeline.ts';
import type { App } from '../../server/types.ts';
import type { Deps } from '../context.ts';
import * as approvals from './approvals.service.ts';
import * as findings from './findings.service.ts';
import * as policy from './policy.service.ts';

export function registerOversightRoutes(app: App, deps: Deps): void {
  const tags = ['oversight'];
  app.get(
    '/api/v1/approval-rules',
    {
      schema: {
        tags,
        summary: 'The approval rules of the organization',
        response: { 200: z.object({ items: z.array(approvalRuleSchema) }), ...errorResponses },
      },
    },
    (request) => policy.listApprovalRules(deps, actorOf(request)),
  );
  app.post(
    '/api/v1/approval-rules',
    {
      schema: {
        tags,
        summary: 'Add an approval rule (admins)',
        body: createApprovalRuleSchema,
        response: { 201: approvalRuleSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await policy.createApprovalRule(deps, actorOf(request), request.body)),
  );
  app.patch(
    '/api/v1/approval-rules/:id',
    {
      schema: {
        tags,
        summary: 'Switch an approval rule on or off (If-Match: version; admins)',
        params: idParams,
        headers: ifMatchHeader,
        body: updateApprovalRuleSchema,
        response: { 200: approvalRuleSchema, ...errorResponses },
      },
    },
    (request) =>
      policy.setApprovalRuleActive(
        deps,
        actorOf(request),
        request.params.id,
        expectedVersion(request),
        request.body.active,
      ),
  );
  app.get(
    '/api/v1/period-locks',
    {
      schema: {
        tags,
        summary: 'The closed (locked) fiscal periods',
        response: { 200: z.object({ items: z.array(periodLockSchema) }), ...errorResponses },
      },
    },
    (request) => policy.listPeriodLocks(deps, actorOf(request)),
  );
  app.post(
    '/api/v1/period-locks',
    {
      schema: {
        tags,
        summary: 'Close a fiscal period: its won/lost outcomes and amounts then change only with approval (admins)',
        body: createPeriodLockSchema,
        response: { 201: periodLockSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await policy.lockPeriod(deps, actorOf(request), request.body)),
  );

  app.get(
    '/api/v1/approvals',
    {
      schema: {
        tags,
        summary: 'Approvals, newest first (mine=true: those waiting for your decision)',
        querystring: listApprovalsQuery,
        response: { 200: pageSchema(approvalSchema), ...errorResponses },
      },
    },
    (request) => approvals.listApprovals(deps, actorOf(request), request.query),
  );
  app.get(
    '/api/v1/approvals/:id',
    {
      schema: {
        tags,
        summary: 'Get an approval',
        params: idParams,
        response: { 200: approvalSchema, ...errorResponses },
      },
    },
    (request) => approvals.getApproval(deps, actorOf(request), request.params.id),
  );
  app.post(
    '/api/v1/approvals/:id/decision',
    {
      schema: {
        tags,
        summary:
          'Approve or reject the current step with a note; the last approval applies the held change (409 if the deal changed since)',
        params: idParams,
        body: decideApprovalSchema,
        response: { 200: approvalSchema, ...errorResponses },
      },
    },
    (request) => approvals.decideApproval(deps, actorOf(request), request.params.id, request.body),
  );
  registerTimeline(app, deps, '/api/v1/approvals', 'approval', (actor, id) => approvals.getApproval(deps, actor, id));

  app.get(
    '/api/v1/findings',
    {
      schema: {
        tags,
        summary: 'Findings of the detectors (the oversight queue), newest first',
        querystring: listFindingsQuery,
        response: { 200: pageSchema(findingSchema), ...errorResponses },
      },
    },
    (request) => findings.listFindings(deps, actorOf(request), request.query),
  );
  app.get(
    '/api/v1/findings/exception-rates',
    {
      schema: {
        tags,
        summary: 'Findings per person against the deal changes they made',
        querystring: z.strictObject({ days: z.coerce.number().int().min(1).max(3660).default(90) }),
        response: { 200: exceptionRatesSchema, ...errorResponses },
      },
    },
    (request) => findings.exceptionRates(deps, actorOf(request), request.query.days),
  );
  app.post(
    '/api/v1/findings/detect',
    {
      schema: {
        tags,
        summary: 'Run the detectors now (a job; they also run daily once started)',
        response: { 202: detectionRunSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(202).send(await findings.requestDetection(deps, actorOf(request))),
  );
  app.get(
    '/api/v1/findings/:id',
    {
      schema: { tags, summary: 'Get a finding', params: idParams, response: { 200: findingSchema, ...errorResponses } },
    },
    (request) => findings.getFinding(deps, actorOf(request), request.params.id),
  );
  app.patch(
    '/api/v1/findings/:id',
    {
      schema: {
        tags,
        summary: 'Assign, confirm or dismiss (with a reason) a finding (If-Match: version)',
        params: idParams,
        headers: ifMatchHeader,
        body: workFindingSchema,
        response: { 200: findingSchema, ...errorResponses },
      },
    },
    (request) =>
      findings.workFinding(deps, actorOf(request), request.params.id, expectedVersion(request), request.body),
  );
  registerTimeline(app, deps, '/api/v1/findings', 'finding', (actor, id) => findings.getFinding(deps, actor, id));
}
