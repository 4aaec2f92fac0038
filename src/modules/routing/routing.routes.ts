import { z } from 'zod';
import { idParams } from '../../contract/common.ts';
import {
  backtestRequestSchema,
  backtestSchema,
  createPoolSchema,
  createTerritorySchema,
  ledgerSchema,
  overlapSchema,
  poolSchema,
  repSkillsSchema,
  routingDecisionSchema,
  routingSettingsSchema,
  territoryOfSchema,
  territorySchema,
  updatePoolSchema,
  updateRoutingSettingsSchema,
  updateTerritorySchema,
} from '../../contract/routing.ts';
import { actorOf } from '../../server/auth.ts';
import { errorResponses, expectedVersion, ifMatchHeader } from '../../server/http.ts';
import { registerTimeline } from '../../server/timeline.ts';
import type { App } from '../../server/types.ts';
import type { Deps } from '../context.ts';
import * as backtest from './backtest.service.ts';
import * as pools from './pools.service.ts';
import * as records from './record-routing.service.ts';
import * as rules from './route.service.ts';
import * as territories from './territories.service.ts';

const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export function registerRoutingRoutes(app: App, deps: Deps): void {
  const tags = ['routing'];
  app.get(
    '/api/v1/territories',
    {
      schema: {
        tags,
        summary: 'Territories with their criteria, parent, pool, members and how many accounts and leads they hold',
        response: { 200: items(territorySchema), ...errorResponses },
      },
    },
    async (request) => ({ items: await territories.listTerritories(deps, actorOf(request)) }),
  );
  app.get(
    '/api/v1/territories/overlaps',
    {
      schema: {
        tags,
        summary: 'Pairs of territories some record could match both (ambiguous: only the name order decides)',
        response: { 200: items(overlapSchema), ...errorResponses },
      },
    },
    async (request) => ({ items: await territories.listOverlaps(deps, actorOf(request)) }),
  );
  app.post(
    '/api/v1/territories',
    {
      schema: {
        tags,
        summary: 'Set up a territory; every account and lead is resolved again',
        body: createTerritorySchema,
        response: { 201: territorySchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await territories.createTerritory(deps, actorOf(request), request.body)),
  );
  app.get(
    '/api/v1/territories/:id',
    {
      schema: { tags, summary: 'A territory', params: idParams, response: { 200: territorySchema, ...errorResponses } },
    },
    (request) => territories.getTerritory(deps, actorOf(request), request.params.id),
  );
  app.patch(
    '/api/v1/territories/:id',
    {
      schema: {
        tags,
        summary: 'Change a territory (If-Match: version); changed criteria or parent resolve every record again',
        params: idParams,
        headers: ifMatchHeader,
        body: updateTerritorySchema,
        response: { 200: territorySchema, ...errorResponses },
      },
    },
    (request) =>
      territories.updateTerritory(deps, actorOf(request), request.params.id, expectedVersion(request), request.body),
  );
  app.delete(
    '/api/v1/territories/:id',
    {
      schema: {
        tags,
        summary: 'Remove a territory without children or routing decisions',
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await territories.deleteTerritory(deps, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
  registerTimeline(app, deps, '/api/v1/territories', 'territory', (actor, id) =>
    territories.getTerritory(deps, actor, id),
  );
  app.get(
    '/api/v1/routing-pools',
    {
      schema: {
        tags,
        summary: 'Routing pools with their algorithm, required skill and members (weights, caps, skills)',
        response: { 200: items(poolSchema), ...errorResponses },
      },
    },
    async (request) => ({ items: await pools.listPools(deps, actorOf(request)) }),
  );
  app.post(
    '/api/v1/routing-pools',
    {
      schema: {
        tags,
        summary: 'Set up a routing pool',
        body: createPoolSchema,
        response: { 201: poolSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await pools.createPool(deps, actorOf(request), request.body)),
  );
  app.get(
    '/api/v1/routing-pools/:id',
    { schema: { tags, summary: 'A routing pool', params: idParams, response: { 200: poolSchema, ...errorResponses } } },
    (request) => pools.getPool(deps, actorOf(request), request.params.id),
  );
  app.patch(
    '/api/v1/routing-pools/:id',
    {
      schema: {
        tags,
        summary: 'Change a routing pool (If-Match: version); members sent replace the members',
        params: idParams,
        headers: ifMatchHeader,
        body: updatePoolSchema,
        response: { 200: poolSchema, ...errorResponses },
      },
    },
    (request) => pools.updatePool(deps, actorOf(request), request.params.id, expectedVersion(request), request.body),
  );
  app.delete(
    '/api/v1/routing-pools/:id',
    {
      schema: {
        tags,
        summary: 'Remove a routing pool nothing uses',
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await pools.deletePool(deps, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/v1/routing-pools/:id/ledger',
    {
      schema: {
        tags,
        summary: "A pool's fairness ledger over its period: assignments − no-shows − cancellations, pro-rated",
        params: idParams,
        response: { 200: ledgerSchema, ...errorResponses },
      },
    },
    (request) => pools.getLedger(deps, actorOf(request), request.params.id),
  );
  registerTimeline(app, deps, '/api/v1/routing-pools', 'routing_pool', (actor, id) => pools.getPool(deps, actor, id));
  app.get(
    '/api/v1/routing/settings',
    {
      schema: {
        tags,
        summary: 'The routing rules: their order, the fallback pool, whether arriving leads are routed',
        response: { 200: routingSettingsSchema, ...errorResponses },
      },
    },
    (request) => rules.getRoutingSettings(deps, actorOf(request)),
  );
  app.put(
    '/api/v1/routing/settings',
    {
      schema: {
        tags,
        summary: 'Change the fallback pool or lead routing (If-Match: version, 0 before the first save)',
        headers: ifMatchHeader,
        body: updateRoutingSettingsSchema,
        response: { 200: routingSettingsSchema, ...errorResponses },
      },
    },
    (request) => rules.updateRoutingSettings(deps, actorOf(request), expectedVersion(request), request.body),
  );
  app.post(
    '/api/v1/routing/backtest',
    {
      schema: {
        tags,
        summary: 'Replay the last N days of leads through a candidate rule set (nothing is saved) and compare',
        body: backtestRequestSchema,
        response: { 200: backtestSchema, ...errorResponses },
      },
    },
    (request) => backtest.runBacktest(deps, actorOf(request), request.body),
  );
  app.get(
    '/api/v1/users/:id/skills',
    {
      schema: {
        tags,
        summary: "A rep's skills (pools requiring a skill choose only reps who have it)",
        params: idParams,
        response: { 200: repSkillsSchema, ...errorResponses },
      },
    },
    (request) => pools.getSkills(deps, actorOf(request), request.params.id),
  );
  app.put(
    '/api/v1/users/:id/skills',
    {
      schema: {
        tags,
        summary: "Set a rep's skills",
        params: idParams,
        body: repSkillsSchema,
        response: { 200: repSkillsSchema, ...errorResponses },
      },
    },
    (request) => pools.setSkills(deps, actorOf(request), request.params.id, request.body),
  );
  app.get(
    '/api/v1/leads/:id/routing',
    {
      schema: {
        tags,
        summary: "A lead's territory and routing decisions with their reasons",
        params: idParams,
        response: {
          200: z.object({ territory: territoryOfSchema, decisions: z.array(routingDecisionSchema) }),
          ...errorResponses,
        },
      },
    },
    (request) => records.leadRouting(deps, actorOf(request), request.params.id),
  );
  app.get(
    '/api/v1/accounts/:id/territory',
    {
      schema: {
        tags,
        summary: "An account's territory with the reasons",
        params: idParams,
        response: { 200: territoryOfSchema, ...errorResponses },
      },
    },
    (request) => records.accountTerritory(deps, actorOf(request), request.params.id),
  );
}
