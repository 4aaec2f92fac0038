import { z } from 'zod';
import { idParams, pageSchema } from '../../contract/common.ts';
import { createProductSchema, listProductsQuery, productSchema, updateProductSchema } from '../../contract/products.ts';
import { actorOf } from '../../server/auth.ts';
import { errorResponses, expectedVersion, ifMatchHeader } from '../../server/http.ts';
import { registerTimeline } from '../../server/timeline.ts';
import type { App } from '../../server/types.ts';
import type { Deps } from '../context.ts';
import * as svc from './products.service.ts';

export function registerProductRoutes(app: App, deps: Deps): void {
  const tags = ['products'];
  app.get(
    '/api/v1/products',
    {
      schema: {
        tags,
        summary: 'List products',
        querystring: listProductsQuery,
        response: { 200: pageSchema(productSchema), ...errorResponses },
      },
    },
    (request) => svc.listProducts(deps, actorOf(request), request.query),
  );
  app.post(
    '/api/v1/products',
    {
      schema: {
        tags,
        summary: 'Create a product (admin)',
        body: createProductSchema,
        response: { 201: productSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await svc.createProduct(deps, actorOf(request), request.body)),
  );
  app.get(
    '/api/v1/products/:id',
    {
      schema: { tags, summary: 'Get a product', params: idParams, response: { 200: productSchema, ...errorResponses } },
    },
    (request) => svc.getProduct(deps, actorOf(request), request.params.id),
  );
  app.patch(
    '/api/v1/products/:id',
    {
      schema: {
        tags,
        summary: 'Update a product (admin; If-Match: version)',
        params: idParams,
        headers: ifMatchHeader,
        body: updateProductSchema,
        response: { 200: productSchema, ...errorResponses },
      },
    },
    (request) => svc.updateProduct(deps, actorOf(request), request.params.id, expectedVersion(request), request.body),
  );
  app.delete(
    '/api/v1/products/:id',
    {
      schema: {
        tags,
        summary: 'Deactivate a product (admin; deal lines keep it)',
        params: idParams,
        headers: ifMatchHeader,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await svc.deactivateProduct(deps, actorOf(request), request.params.id, expectedVersion(request));
      return reply.status(204).send(null);
    },
  );
  registerTimeline(app, deps, '/api/v1/products', 'product', (actor, id) => svc.getProduct(deps, actor, id));
}
