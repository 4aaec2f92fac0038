import {
  declineLeadOfferSchema,
  leadOfferSchema,
  listLeadOffersQuery,
  offerLeadSchema,
} from '../../contract/partner-leads.ts';
import { idParams, pageSchema } from '../../contract/common.ts';
import { actorOf } from '../../server/auth.ts';
import { errorResponses, expectedVersion, ifMatchHeader } from '../../server/http.ts';
import { registerTimeline } from '../../server/timeline.ts';
import type { App } from '../../server/types.ts';
import type { Deps } from '../context.ts';
import * as offers from './lead-offers.service.ts';

export function registerLeadOfferRoutes(app: App, deps: Deps): void {
  const tags = ['channel'];
  app.get(
    '/api/v1/lead-offers',
    {
      schema: {
        tags,
        summary: 'Leads offered to partners, newest first (a partner sees the offers made to it)',
        querystring: listLeadOffersQuery,
        response: { 200: pageSchema(leadOfferSchema), ...errorResponses },
      },
    },
    (request) => offers.listLeadOffers(deps, actorOf(request), request.query),
  );
  app.post(
    '/api/v1/lead-offers',
    {
      schema: {
        tags,
        summary: 'Offer a lead to a partner (named, or chosen by tier and capacity) with a time limit',
        body: offerLeadSchema,
        response: { 201: leadOfferSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await offers.offerLead(deps, actorOf(request), request.body)),
  );
  app.get(
    '/api/v1/lead-offers/:id',
    {
      schema: {
        tags,
        summary: 'A lead offered to a partner',
        params: idParams,
        response: { 200: leadOfferSchema, ...errorResponses },
      },
    },
    (request) => offers.getLeadOffer(deps, actorOf(request), request.params.id),
  );
  app.post(
    '/api/v1/lead-offers/:id/accept',
    {
      schema: {
        tags,
        summary: 'Accept an offered lead (the partner it is offered to; If-Match: version)',
        params: idParams,
        headers: ifMatchHeader,
        response: { 200: leadOfferSchema, ...errorResponses },
      },
    },
    (request) =>
      offers.answerLeadOffer(deps, actorOf(request), request.params.id, expectedVersion(request), { accept: true }),
  );
  app.post(
    '/api/v1/lead-offers/:id/decline',
    {
      schema: {
        tags,
        summary: 'Decline an offered lead, with a reason (the partner it is offered to; If-Match: version)',
        params: idParams,
        headers: ifMatchHeader,
        body: declineLeadOfferSchema,
        response: { 200: leadOfferSchema, ...errorResponses },
      },
    },
    (request) =>
      offers.answerLeadOffer(deps, actorOf(request), request.params.id, expectedVersion(request), {
        accept: false,
        ...request.body,
      }),
  );
  registerTimeline(app, deps, '/api/v1/lead-offers', 'partner_lead_offer', (actor, id) =>
    offers.getLeadOffer(deps, actor, id),
  );
}
