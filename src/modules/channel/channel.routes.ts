import { z } from 'zod';
import {
  approveRegistrationSchema,
  channelAnalyticsSchema,
  scorecardQuery,
  scorecardSchema,
  channelSettingsSchema,
  conflictCheckResultSchema,
  conflictCheckSchema,
  conflictSchema,
  createPartnerTierSchema,
  extendRegistrationSchema,
  listConflictsQuery,
  listRegistrationsQuery,
  partnerSchema,
  partnerTierSchema,
  registerDealSchema,
  registrationSchema,
  rejectRegistrationSchema,
  resolveConflictSchema,
  setPartnerSchema,
  updateChannelSettingsSchema,
  updatePartnerTierSchema,
  protectionWhatIfResultSchema,
  protectionWhatIfSchema,
  resellerLinkParams,
  resellerLinkSchema,
  resellerWorkSchema,
} from '../../contract/channel.ts';
import { idParams, pageSchema } from '../../contract/common.ts';
import { actorOf } from '../../server/auth.ts';
import { errorResponses, expectedVersion, ifMatchHeader } from '../../server/http.ts';
import { registerTimeline } from '../../server/timeline.ts';
import type { App } from '../../server/types.ts';
import type { Deps } from '../context.ts';
import * as analytics from './channel-analytics.service.ts';
import * as conflicts from './conflicts.service.ts';
import * as programme from './programme.service.ts';
import * as whatIf from './protection-whatif.service.ts';
import * as registrations from './registrations.service.ts';

const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export function registerChannelRoutes(app: App, deps: Deps): void {
  const tags = ['channel'];
  app.get(
    '/api/v1/partner-tiers',
    {
      schema: {
        tags,
        summary: 'Tiers of the partner programme',
        response: { 200: items(partnerTierSchema), ...errorResponses },
      },
    },
    async (request) => ({ items: await programme.listTiers(deps, actorOf(request)) }),
  );
  app.post(
    '/api/v1/partner-tiers',
    {
      schema: {
        tags,
        summary: 'Add a partner tier with its benefits',
        body: createPartnerTierSchema,
        response: { 201: partnerTierSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await programme.createTier(deps, actorOf(request), request.body)),
  );
  app.patch(
    '/api/v1/partner-tiers/:id',
    {
      schema: {
        tags,
        summary: 'Change a partner tier (If-Match: version)',
        params: idParams,
        headers: ifMatchHeader,
        body: updatePartnerTierSchema,
        response: { 200: partnerTierSchema, ...errorResponses },
      },
    },
    (request) =>
      programme.updateTier(deps, actorOf(request), request.params.id, expectedVersion(request), request.body),
  );
  app.get(
    '/api/v1/partners',
    {
      schema: {
        tags,
        summary: 'Partner accounts with their type and tier',
        response: { 200: items(partnerSchema), ...errorResponses },
      },
    },
    async (request) => ({ items: await programme.listPartners(deps, actorOf(request)) }),
  );
  app.get(
    '/api/v1/partners/:id',
    {
      schema: {
        tags,
        summary: 'A partner account in the programme (a partner reads its own)',
        params: idParams,
        response: { 200: partnerSchema, ...errorResponses },
      },
    },
    (request) => programme.getPartner(deps, actorOf(request), request.params.id),
  );
  app.put(
    '/api/v1/partners/:id',
    {
      schema: {
        tags,
        summary: 'Put an account in the partner programme, or change its type or tier',
        params: idParams,
        body: setPartnerSchema,
        response: { 200: partnerSchema, ...errorResponses },
      },
    },
    (request) => programme.setPartner(deps, actorOf(request), request.params.id, request.body),
  );
  app.get(
    '/api/v1/partner-resellers',
    {
      schema: {
        tags,
        summary: 'Which resellers each distributor serves (a partner sees the links it is on)',
        response: { 200: items(resellerLinkSchema), ...errorResponses },
      },
    },
    async (request) => ({ items: await programme.listResellerLinks(deps, actorOf(request)) }),
  );
  app.put(
    '/api/v1/partners/:id/resellers/:resellerId',
    {
      schema: {
        tags,
        summary: 'Record that a distributor serves a reseller (two-tier distribution)',
        params: resellerLinkParams,
        response: { 200: resellerLinkSchema, ...errorResponses },
      },
    },
    (request) => programme.linkReseller(deps, actorOf(request), request.params.id, request.params.resellerId),
  );
  app.delete(
    '/api/v1/partners/:id/resellers/:resellerId',
    {
      schema: {
        tags,
        summary: 'Record that a distributor no longer serves a reseller',
        params: resellerLinkParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await programme.unlinkReseller(deps, actorOf(request), request.params.id, request.params.resellerId);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/v1/channel/reseller-work',
    {
      schema: {
        tags,
        summary: "A distributor's resellers with their registrations and deals that name it (reading only)",
        response: { 200: resellerWorkSchema, ...errorResponses },
      },
    },
    (request) => registrations.getResellerWork(deps, actorOf(request)),
  );
  app.get(
    '/api/v1/channel-settings',
    {
      schema: {
        tags,
        summary: 'Conflict policy and approval SLA',
        response: { 200: channelSettingsSchema, ...errorResponses },
      },
    },
    (request) => programme.getChannelSettings(deps, actorOf(request)),
  );
  app.patch(
    '/api/v1/channel-settings',
    {
      schema: {
        tags,
        summary: 'Change the conflict policy or the approval SLA (If-Match: version, 0 before the first change)',
        headers: ifMatchHeader,
        body: updateChannelSettingsSchema,
        response: { 200: channelSettingsSchema, ...errorResponses },
      },
    },
    (request) => programme.updateChannelSettings(deps, actorOf(request), expectedVersion(request), request.body),
  );

  app.get(
    '/api/v1/registrations',
    {
      schema: {
        tags,
        summary: 'Deal registrations, newest first (a partner sees its own)',
        querystring: listRegistrationsQuery,
        response: { 200: pageSchema(registrationSchema), ...errorResponses },
      },
    },
    (request) => registrations.listRegistrations(deps, actorOf(request), request.query),
  );
  app.post(
    '/api/v1/registrations',
    {
      schema: {
        tags,
        summary: 'Register a deal (conflicts are found and recorded with it)',
        body: registerDealSchema,
        response: { 201: registrationSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await registrations.registerDeal(deps, actorOf(request), request.body)),
  );
  app.post(
    '/api/v1/registrations/check',
    {
      schema: {
        tags,
        summary: 'Whether registrations or deals for this customer already exist (before registering)',
        body: conflictCheckSchema,
        response: { 200: conflictCheckResultSchema, ...errorResponses },
      },
    },
    (request) => registrations.checkRegistration(deps, actorOf(request), request.body),
  );
  app.get(
    '/api/v1/registrations/:id',
    {
      schema: {
        tags,
        summary: 'A deal registration',
        params: idParams,
        response: { 200: registrationSchema, ...errorResponses },
      },
    },
    (request) => registrations.getRegistration(deps, actorOf(request), request.params.id),
  );
  const decision = <T extends z.ZodType>(path: string, summary: string, body: T) => ({
    path: `/api/v1/registrations/:id/${path}`,
    schema: {
      tags,
      summary,
      params: idParams,
      headers: ifMatchHeader,
      body,
      response: { 200: registrationSchema, ...errorResponses },
    },
  });
  const approve = decision(
    'approve',
    'Approve a registration (a deal is created or linked and protected)',
    approveRegistrationSchema,
  );
  app.post(approve.path, { schema: approve.schema }, (request) =>
    registrations.approveRegistration(
      deps,
      actorOf(request),
      request.params.id,
      expectedVersion(request),
      request.body,
    ),
  );
  const reject = decision('reject', 'Reject a registration with a reason', rejectRegistrationSchema);
  app.post(reject.path, { schema: reject.schema }, (request) =>
    registrations.rejectRegistration(
      deps,
      actorOf(request),
      request.params.id,
      expectedVersion(request),
      request.body.reason,
    ),
  );
  const extend = decision(
    'extend',
    'Extend the protection window of an approved registration',
    extendRegistrationSchema,
  );
  app.post(extend.path, { schema: extend.schema }, (request) =>
    registrations.extendRegistration(deps, actorOf(request), request.params.id, expectedVersion(request), request.body),
  );
  registerTimeline(app, deps, '/api/v1/registrations', 'deal_registration', (actor, id) =>
    registrations.getRegistration(deps, actor, id),
  );

  app.get(
    '/api/v1/channel-conflicts',
    {
      schema: {
        tags,
        summary: 'Channel conflicts, newest first',
        querystring: listConflictsQuery,
        response: { 200: pageSchema(conflictSchema), ...errorResponses },
      },
    },
    (request) => conflicts.listConflicts(deps, actorOf(request), request.query),
  );
  app.get(
    '/api/v1/channel-conflicts/:id',
    {
      schema: {
        tags,
        summary: 'A channel conflict with its evidence',
        params: idParams,
        response: { 200: conflictSchema, ...errorResponses },
      },
    },
    (request) => conflicts.getConflict(deps, actorOf(request), request.params.id),
  );
  app.post(
    '/api/v1/channel-conflicts/:id/resolve',
    {
      schema: {
        tags,
        summary: 'Resolve a channel conflict (If-Match: version)',
        params: idParams,
        headers: ifMatchHeader,
        body: resolveConflictSchema,
        response: { 200: conflictSchema, ...errorResponses },
      },
    },
    (request) =>
      conflicts.resolveConflict(deps, actorOf(request), request.params.id, expectedVersion(request), request.body),
  );
  app.get(
    '/api/v1/channel/analytics',
    {
      schema: {
        tags,
        summary:
          'Partner funnel, approval times, conflict rate, win rate and cycle time by partner, tier and type; channel vs direct',
        response: { 200: channelAnalyticsSchema, ...errorResponses },
      },
    },
    (request) => analytics.getChannelAnalytics(deps, actorOf(request)),
  );
  app.post(
    '/api/v1/channel/protection-what-if',
    {
      schema: {
        tags,
        summary:
          'What if the protection window of a tier were N days: registrations that would have expired or closed, revenue, conflicts',
        body: protectionWhatIfSchema,
        response: { 200: protectionWhatIfResultSchema, ...errorResponses },
      },
    },
    (request) => whatIf.protectionWindowWhatIf(deps, actorOf(request), request.body),
  );
  app.get(
    '/api/v1/channel/scorecard',
    {
      schema: {
        tags,
        summary: "A partner's scorecard (a partner reads its own)",
        querystring: scorecardQuery,
        response: { 200: scorecardSchema, ...errorResponses },
      },
    },
    (request) => analytics.getScorecard(deps, actorOf(request), request.query.partnerAccountId),
  );
}
