import { z } from 'zod';
import type { EventDefinition } from './catalog.ts';
import { camelChangesSchema } from './casing.ts';
import { ids } from './payloads.ts';

/** The records of routing the log is about (decisions are events of the booking or lead routed). */
export const routingEntityTypes = ['territory', 'routing_pool'] as const;

const criteria = z.strictObject({
  countries: z.array(z.string()),
  regions: z.array(z.string()),
  postalPrefixes: z.array(z.string()),
  industries: z.array(z.string()),
  employeesMin: z.number().int().nullable(),
  employeesMax: z.number().int().nullable(),
  accountIds: z.array(ids.id),
});
const territorySnapshot = z.strictObject({
  name: ids.text,
  parentId: ids.nullableId,
  poolId: ids.nullableId,
  criteria,
  members: z.array(z.strictObject({ userId: ids.id, role: z.enum(['outside', 'inside', 'manager']) })),
});
const poolSnapshot = z.strictObject({
  name: ids.text,
  algorithm: z.enum(['weighted_round_robin', 'count_based']),
  requiredSkill: ids.nullableText,
  periodDays: z.number().int(),
  members: z.array(
    z.strictObject({
      userId: ids.id,
      weight: z.number().int(),
      capPerDay: z.number().int().nullable(),
      capPerWeek: z.number().int().nullable(),
    }),
  ),
});

const def = (
  type: string,
  entityTypes: readonly ((typeof routingEntityTypes)[number] | 'account' | 'lead' | 'organization' | 'user')[],
  when: string,
  schema: z.ZodType,
): EventDefinition => ({ type, entityTypes, version: 1, when, schema, history: [] });

/** Territories, routing pools, the territory of accounts and leads, and the routing of leads. */
export const routingEventDefinitions: EventDefinition[] = [
  def(
    'territory.created',
    ['territory'],
    'a territory is set up with its criteria, parent, pool and members',
    z.strictObject({ after: territorySnapshot }),
  ),
  def(
    'territory.updated',
    ['territory'],
    "a territory's name, criteria, parent, pool or members change",
    z.strictObject({ changes: camelChangesSchema }),
  ),
  def('territory.deleted', ['territory'], 'a territory is removed', z.strictObject({ before: territorySnapshot })),
  def(
    'routing_pool.created',
    ['routing_pool'],
    'a routing pool is set up with its algorithm, required skill and members (weights and caps)',
    z.strictObject({ after: poolSnapshot }),
  ),
  def(
    'routing_pool.updated',
    ['routing_pool'],
    "a routing pool's algorithm, skill, period or members change",
    z.strictObject({ changes: camelChangesSchema }),
  ),
  def('routing_pool.deleted', ['routing_pool'], 'a routing pool is removed', z.strictObject({ before: poolSnapshot })),
  def(
    'territory.assigned',
    ['account', 'lead'],
    'an account or lead resolves to another territory (or to none), after it or the territories changed',
    z.strictObject({
      territoryId: ids.nullableId,
      previousTerritoryId: ids.nullableId,
      reasons: z.array(z.string()),
    }),
  ),
  def(
    'lead.routed',
    ['lead'],
    'routing picks the owner of an arriving lead (account owner, territory, fallback pool), with its reasons',
    z.strictObject({
      ownerId: ids.nullableId,
      rule: z.enum(['account_owner', 'territory', 'pool', 'none']),
      territoryId: ids.nullableId,
      poolId: ids.nullableId,
      reasons: z.array(z.string()),
    }),
  ),
  def(
    'organization.routing_settings_changed',
    ['organization'],
    'the fallback pool or whether arriving leads are routed changes',
    z.strictObject({ changes: camelChangesSchema }),
  ),
  def(
    'user.skills_changed',
    ['user'],
    "a rep's skills (which routing pools requiring a skill may choose them) change",
    z.strictObject({ before: z.array(z.string()), after: z.array(z.string()) }),
  ),
];
