import { z } from 'zod';
import { idParams, pageSchema } from '../../contract/common.ts';
import { contactSchema, createContactSchema, listContactsQuery, updateContactSchema } from '../../contract/contacts.ts';
import { actorOf } from '../../server/auth.ts';
import { errorResponses, expectedVersion, ifMatchHeader } from '../../server/http.ts';
import { registerTimeline } from '../../server/timeline.ts';
import type { App } from '../../server/types.ts';
import type { Deps } from '../context.ts';
import * as svc from './contacts.service.ts';

export function registerContactRoutes(app: App, deps: Deps): void {
  const tags = ['contacts'];
  app.get(
    '/api/v1/contacts',
    {
      schema: {
        tags,
        summary: 'List contacts (hasAccount=false lists B2C consumers)',
        querystring: listContactsQuery,
        response: { 200: pageSchema(contactSchema), ...errorResponses },
      },
    },
    (request) => svc.listContacts(deps, actorOf(request), request.query),
  );
  app.post(
    '/api/v1/contacts',
    {
      schema: {
        tags,
        summary: 'Create a contact (without accountId: a B2C consumer)',
        body: createContactSchema,
        response: { 201: contactSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await svc.createContact(deps, actorOf(request), request.body)),
  );
  app.get(
    '/api/v1/contacts/:id',
    {
      schema: { tags, summary: 'Get a contact', params: idParams, response: { 200: contactSchema, ...errorResponses } },
    },
    (request) => svc.getContact(deps, actorOf(request), request.params.id),
  );
  app.patch(
    '/api/v1/contacts/:id',
    {
      schema: {
        tags,
        summary: 'Update a contact (If-Match: version)',
        params: idParams,
        headers: ifMatchHeader,
        body: updateContactSchema,
        response: { 200: contactSchema, ...errorResponses },
      },
    },
    (request) => svc.updateContact(deps, actorOf(request), request.params.id, expectedVersion(request), request.body),
  );
  app.delete(
    '/api/v1/contacts/:id',
    {
      schema: {
        tags,
        summary: 'Delete a contact (soft; its history stays)',
        params: idParams,
        headers: ifMatchHeader,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await svc.deleteContact(deps, actorOf(request), request.params.id, expectedVersion(request));
      return reply.status(204).send(null);
    },
  );
  registerTimeline(app, deps, '/api/v1/contacts', 'contact', (actor, id) => svc.getContact(deps, actor, id));
}
