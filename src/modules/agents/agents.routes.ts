import { z } from 'zod';
import {
  agencySettingsSchema,
  agentPartySchema,
  agentSideReportSchema,
  agentWorkSchema,
  agreementSchema,
  assignDealAgentSchema,
  consentSchema,
  createAgentPartySchema,
  createAgreementSchema,
  dealAgencySchema,
  disclosureSchema,
  listAgentPartiesQuery,
  listAgreementsQuery,
  recordConsentSchema,
  recordDisclosureSchema,
  updateAgencySettingsSchema,
  updateAgentPartySchema,
  updateAgreementSchema,
} from '../../contract/agents.ts';
import { idParams, idSchema } from '../../contract/common.ts';
import { actorOf } from '../../server/auth.ts';
import { errorResponses, expectedVersion, ifMatchHeader } from '../../server/http.ts';
import { registerTimeline } from '../../server/timeline.ts';
import type { App } from '../../server/types.ts';
import type { Deps } from '../context.ts';
import * as settings from './agency-settings.service.ts';
import * as analytics from './agent-analytics.service.ts';
import * as work from './agent-work.service.ts';
import * as dealAgents from './deal-agents.service.ts';
import * as parties from './parties.service.ts';

const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export function registerAgentRoutes(app: App, deps: Deps): void {
  const tags = ['agents'];
  app.get(
    '/api/v1/agent-parties',
    {
      schema: {
        tags,
        summary: 'Agents: people and firms (filters: q, kind)',
        querystring: listAgentPartiesQuery,
        response: { 200: items(agentPartySchema), ...errorResponses },
      },
    },
    async (request) => ({ items: await parties.listParties(deps, actorOf(request), request.query) }),
  );
  app.post(
    '/api/v1/agent-parties',
    {
      schema: {
        tags,
        summary: 'Record an agent: a person (optionally of a firm) or a firm, with licence and jurisdiction',
        body: createAgentPartySchema,
        response: { 201: agentPartySchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await parties.createParty(deps, actorOf(request), request.body)),
  );
  app.get(
    '/api/v1/agent-parties/:id',
    {
      schema: {
        tags,
        summary: 'An agent party',
        params: idParams,
        response: { 200: agentPartySchema, ...errorResponses },
      },
    },
    (request) => parties.getParty(deps, actorOf(request), request.params.id),
  );
  app.patch(
    '/api/v1/agent-parties/:id',
    {
      schema: {
        tags,
        summary: 'Change an agent party (If-Match: version)',
        params: idParams,
        headers: ifMatchHeader,
        body: updateAgentPartySchema,
        response: { 200: agentPartySchema, ...errorResponses },
      },
    },
    (request) => parties.updateParty(deps, actorOf(request), request.params.id, expectedVersion(request), request.body),
  );
  registerTimeline(app, deps, '/api/v1/agent-parties', 'agent_party', (actor, id) => parties.getParty(deps, actor, id));
  app.get(
    '/api/v1/agency-agreements',
    {
      schema: {
        tags,
        summary: 'Agency agreements (filters: agentPartyId, side)',
        querystring: listAgreementsQuery,
        response: { 200: items(agreementSchema), ...errorResponses },
      },
    },
    async (request) => ({ items: await parties.listAgreements(deps, actorOf(request), request.query) }),
  );
  app.post(
    '/api/v1/agency-agreements',
    {
      schema: {
        tags,
        summary: 'Record an agency agreement: the agent, the side and party it represents, its term and compensation',
        body: createAgreementSchema,
        response: { 201: agreementSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await parties.createAgreement(deps, actorOf(request), request.body)),
  );
  app.get(
    '/api/v1/agency-agreements/:id',
    {
      schema: {
        tags,
        summary: 'An agency agreement',
        params: idParams,
        response: { 200: agreementSchema, ...errorResponses },
      },
    },
    (request) => parties.getAgreement(deps, actorOf(request), request.params.id),
  );
  app.patch(
    '/api/v1/agency-agreements/:id',
    {
      schema: {
        tags,
        summary: 'Change an agency agreement (If-Match: version)',
        params: idParams,
        headers: ifMatchHeader,
        body: updateAgreementSchema,
        response: { 200: agreementSchema, ...errorResponses },
      },
    },
    (request) =>
      parties.updateAgreement(deps, actorOf(request), request.params.id, expectedVersion(request), request.body),
  );
  registerTimeline(app, deps, '/api/v1/agency-agreements', 'agency_agreement', (actor, id) =>
    parties.getAgreement(deps, actor, id),
  );
  app.get(
    '/api/v1/deals/:id/agents',
    {
      schema: {
        tags,
        summary: "A deal's agents with their side and agreement, disclosures, consents and dual agency",
        params: idParams,
        response: { 200: dealAgencySchema, ...errorResponses },
      },
    },
    (request) => dealAgents.getDealAgency(deps, actorOf(request), request.params.id),
  );
  app.post(
    '/api/v1/deals/:id/agents',
    {
      schema: {
        tags,
        summary:
          "Put an agent on a deal under an agreement in effect on the deal's date. Refusals: 409 dual_agency_consent_required (the same agent or firm on both sides without both written consents), 422 dual_agency_forbidden (a forbidden jurisdiction), 409 duplicate",
        params: idParams,
        body: assignDealAgentSchema,
        response: { 201: dealAgencySchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await dealAgents.assignAgent(deps, actorOf(request), request.params.id, request.body)),
  );
  app.delete(
    '/api/v1/deals/:id/agents/:dealAgentId',
    {
      schema: {
        tags,
        summary: 'Take an agent off a deal',
        params: z.object({ id: idSchema, dealAgentId: idSchema }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await dealAgents.removeAgent(deps, actorOf(request), request.params.id, request.params.dealAgentId);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/v1/deals/:id/agent-disclosures',
    {
      schema: {
        tags,
        summary: 'Record that an agent on the deal disclosed whom it represents (to whom, when, the document)',
        params: idParams,
        body: recordDisclosureSchema,
        response: { 201: disclosureSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await dealAgents.recordDisclosure(deps, actorOf(request), request.params.id, request.body)),
  );
  app.post(
    '/api/v1/deals/:id/dual-agency-consents',
    {
      schema: {
        tags,
        summary: "Record a party's written consent to dual agency on the deal (one per side)",
        params: idParams,
        body: recordConsentSchema,
        response: { 201: consentSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await dealAgents.recordConsent(deps, actorOf(request), request.params.id, request.body)),
  );
  app.get(
    '/api/v1/agency-settings',
    {
      schema: {
        tags,
        summary: 'Jurisdictions that forbid dual agency, and the stage disclosures are due before (per pipeline)',
        response: { 200: agencySettingsSchema, ...errorResponses },
      },
    },
    (request) => settings.getAgencySettings(deps, actorOf(request)),
  );
  app.put(
    '/api/v1/agency-settings',
    {
      schema: {
        tags,
        summary: 'Change the agency settings (admins; If-Match: version)',
        headers: ifMatchHeader,
        body: updateAgencySettingsSchema,
        response: { 200: agencySettingsSchema, ...errorResponses },
      },
    },
    (request) => settings.updateAgencySettings(deps, actorOf(request), expectedVersion(request), request.body),
  );
  app.get(
    '/api/v1/agents/analytics/sides',
    {
      schema: {
        tags,
        summary: 'Deals by the side of their agents: count, open, won, lost, win rate and amounts',
        response: { 200: agentSideReportSchema, ...errorResponses },
      },
    },
    (request) => analytics.getAgentSideReport(deps, actorOf(request)),
  );
  app.get(
    '/api/v1/agents/my-work',
    {
      schema: {
        tags,
        summary:
          "An agent user's own work: the deals its parties are on, disclosure, and the compensation its agreements pay (earned when won, expected while open)",
        response: { 200: agentWorkSchema, ...errorResponses },
      },
    },
    (request) => work.getAgentWork(deps, actorOf(request)),
  );
}
