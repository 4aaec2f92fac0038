import { z } from 'zod';
import { idSchema, nameSchema } from './common.ts';

export const poolAlgorithmSchema = z.enum(['weighted_round_robin', 'count_based']);
export const territoryRoleSchema = z.enum(['outside', 'inside', 'manager']);
export type TerritoryRole = z.infer<typeof territoryRoleSchema>;

const skillSchema = z.string().trim().toLowerCase().min(1, 'must not be empty').max(60);
const shortText = z.string().trim().min(1, 'must not be empty').max(100);
const list = <T extends z.ZodType>(item: T) => z.array(item).max(200, 'at most 200 values');

// ---- Pools ----

export const poolMemberInputSchema = z.strictObject({
  userId: idSchema,
  weight: z.number().int().min(0).max(100).default(1),
  capPerDay: z.number().int().min(0).max(1000).nullable().default(null),
  capPerWeek: z.number().int().min(0).max(5000).nullable().default(null),
});

export const createPoolSchema = z.strictObject({
  name: nameSchema,
  algorithm: poolAlgorithmSchema,
  /** A skill every rep the pool chooses must have. */
  requiredSkill: skillSchema.nullable().default(null),
  /** The period of the fairness ledger, in days. */
  periodDays: z.number().int().min(1).max(90).default(7),
  members: z.array(poolMemberInputSchema).max(500).default([]),
});
export type CreatePoolInput = z.infer<typeof createPoolSchema>;
export const updatePoolSchema = createPoolSchema.partial();
export type UpdatePoolInput = z.infer<typeof updatePoolSchema>;

export const poolMemberSchema = z.object({
  userId: idSchema,
  name: z.string(),
  weight: z.number().int(),
  capPerDay: z.number().int().nullable(),
  capPerWeek: z.number().int().nullable(),
  joinedAt: z.string(),
  skills: z.array(z.string()),
});
export const poolSchema = z.object({
  id: idSchema,
  name: z.string(),
  algorithm: poolAlgorithmSchema,
  requiredSkill: z.string().nullable(),
  periodDays: z.number().int(),
  members: z.array(poolMemberSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type PoolDto = z.infer<typeof poolSchema>;

export const ledgerSchema = z.object({
  poolId: idSchema,
  from: z.string(),
  to: z.string(),
  periodDays: z.number().int(),
  spread: z.number(),
  rows: z.array(
    z.object({
      repId: idSchema,
      name: z.string(),
      assignments: z.number().int(),
      noShows: z.number().int(),
      cancellations: z.number().int(),
      net: z.number().int(),
      daysPresent: z.number().int(),
      balance: z.number(),
    }),
  ),
});
export type LedgerDto = z.infer<typeof ledgerSchema>;

export const repSkillsSchema = z.strictObject({ skills: z.array(skillSchema).max(50) });
export type RepSkillsDto = z.infer<typeof repSkillsSchema>;

// ---- Territories ----

export const criteriaSchema = z
  .strictObject({
    countries: list(
      z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z]{2}$/, 'must be a two-letter country code'),
    ).default([]),
    regions: list(shortText).default([]),
    postalPrefixes: list(
      z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9][A-Za-z0-9 -]{0,9}$/, 'must be the start of a postal code (letters and digits)'),
    ).default([]),
    industries: list(shortText).default([]),
    employeesMin: z.number().int().min(0).nullable().default(null),
    employeesMax: z.number().int().min(0).nullable().default(null),
    accountIds: list(idSchema).default([]),
  })
  .refine((c) => c.employeesMin === null || c.employeesMax === null || c.employeesMin <= c.employeesMax, {
    message: 'must not be below employeesMin',
    path: ['employeesMax'],
  });
export type CriteriaInput = z.infer<typeof criteriaSchema>;

export const territoryMemberInputSchema = z.strictObject({ userId: idSchema, role: territoryRoleSchema });

export const createTerritorySchema = z.strictObject({
  name: nameSchema,
  parentId: idSchema.nullable().default(null),
  /** The pool the territory routes to; without one, its members of the right role form the pool. */
  poolId: idSchema.nullable().default(null),
  criteria: criteriaSchema,
  members: z.array(territoryMemberInputSchema).max(500).default([]),
});
export type CreateTerritoryInput = z.infer<typeof createTerritorySchema>;
export const updateTerritorySchema = z.strictObject({
  name: nameSchema.optional(),
  parentId: idSchema.nullable().optional(),
  poolId: idSchema.nullable().optional(),
  criteria: criteriaSchema.optional(),
  members: z.array(territoryMemberInputSchema).max(500).optional(),
});
export type UpdateTerritoryInput = z.infer<typeof updateTerritorySchema>;

export const territorySchema = z.object({
  id: idSchema,
  name: z.string(),
  parentId: idSchema.nullable(),
  poolId: idSchema.nullable(),
  criteria: z.object({
    countries: z.array(z.string()),
    regions: z.array(z.string()),
    postalPrefixes: z.array(z.string()),
    industries: z.array(z.string()),
    employeesMin: z.number().int().nullable(),
    employeesMax: z.number().int().nullable(),
    accountIds: z.array(idSchema),
  }),
  members: z.array(z.object({ userId: idSchema, name: z.string(), role: territoryRoleSchema })),
  /** Accounts and leads resolved to the territory. */
  accounts: z.number().int(),
  leads: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type TerritoryDto = z.infer<typeof territorySchema>;

export const overlapSchema = z.object({
  territoryIds: z.tuple([idSchema, idSchema]),
  ambiguous: z.boolean(),
  message: z.string(),
});
export type OverlapDto = z.infer<typeof overlapSchema>;

export const territoryOfSchema = z.object({
  territoryId: idSchema.nullable(),
  territoryName: z.string().nullable(),
  reasons: z.array(z.string()),
});
export type TerritoryOfDto = z.infer<typeof territoryOfSchema>;

// ---- Rules and decisions ----

export const routingSettingsSchema = z.object({
  fallbackPoolId: idSchema.nullable(),
  routeLeads: z.boolean(),
  /** The order the rules apply in (fixed): account owner, territory, fallback pool. */
  order: z.array(z.enum(['account_owner', 'territory', 'fallback_pool'])),
  version: z.number().int(),
});
export type RoutingSettingsDto = z.infer<typeof routingSettingsSchema>;
export const updateRoutingSettingsSchema = z.strictObject({
  fallbackPoolId: idSchema.nullable().optional(),
  routeLeads: z.boolean().optional(),
});
export type UpdateRoutingSettingsInput = z.infer<typeof updateRoutingSettingsSchema>;

export const routingRuleSchema = z.enum(['account_owner', 'territory', 'pool', 'none']);
export const routingDecisionSchema = z.object({
  id: idSchema,
  entityType: z.enum(['booking', 'lead']),
  entityId: idSchema,
  repId: idSchema.nullable(),
  repName: z.string().nullable(),
  rule: routingRuleSchema,
  territoryId: idSchema.nullable(),
  poolId: idSchema.nullable(),
  reasons: z.array(z.string()),
  decidedAt: z.string(),
});
export type RoutingDecisionDto = z.infer<typeof routingDecisionSchema>;

// ---- Backtest ----

/** A rule set to try: territories (criteria, hierarchy, pool or members) and pools, not saved. */
export const candidateRuleSetSchema = z.strictObject({
  territories: z
    .array(
      z.strictObject({
        id: z.string().trim().min(1).max(100),
        name: nameSchema,
        parentId: z.string().trim().min(1).max(100).nullable().default(null),
        poolId: z.string().trim().min(1).max(100).nullable().default(null),
        criteria: criteriaSchema,
        members: z.array(territoryMemberInputSchema).max(500).default([]),
      }),
    )
    .max(500),
  pools: z
    .array(
      z.strictObject({
        id: z.string().trim().min(1).max(100),
        name: nameSchema,
        algorithm: poolAlgorithmSchema,
        requiredSkill: skillSchema.nullable().default(null),
        members: z.array(poolMemberInputSchema).max(500),
      }),
    )
    .max(100),
  fallbackPoolId: z.string().trim().min(1).max(100).nullable().default(null),
});
export type CandidateRuleSet = z.infer<typeof candidateRuleSetSchema>;

export const backtestRequestSchema = z.strictObject({
  days: z.number().int().min(1).max(365),
  /** The rule set to try; without it, the saved one (to compare what routing would do with what people did). */
  candidate: candidateRuleSetSchema.optional(),
});
export type BacktestRequest = z.infer<typeof backtestRequestSchema>;

export const backtestSchema = z.object({
  from: z.string(),
  to: z.string(),
  leads: z.number().int(),
  /** Leads the candidate gives someone other than their owner today. */
  changed: z.number().int(),
  unrouted: z.number().int(),
  reps: z.array(
    z.object({
      repId: idSchema,
      name: z.string(),
      actual: z.number().int(),
      predicted: z.number().int(),
      actualValue: z.number(),
      predictedValue: z.number(),
    }),
  ),
  /** Spread (highest − lowest count among the reps who received leads either way). */
  fairness: z.object({ actualSpread: z.number(), predictedSpread: z.number() }),
  byRule: z.object({
    account_owner: z.number().int(),
    territory: z.number().int(),
    pool: z.number().int(),
    none: z.number().int(),
  }),
});
export type BacktestDto = z.infer<typeof backtestSchema>;
