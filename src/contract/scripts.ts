import { z } from 'zod';
import { idSchema, listQueryBase, nameSchema } from './common.ts';
import { activeFilterSchema } from './objections.ts';

/** What a script targets; at least one is required. */
export const scriptTargetFields = ['stageId', 'pipelineId', 'productId'] as const;

const scriptBody = z.string().trim().min(1, 'must not be empty').max(100_000);

export const scriptSchema = z.object({
  id: idSchema,
  name: z.string(),
  pipelineId: idSchema.nullable(),
  stageId: idSchema.nullable(),
  productId: idSchema.nullable(),
  body: z.string(),
  /** Increases by one each time the body changes; earlier bodies are kept as versions. */
  scriptVersion: z.number().int(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type ScriptDto = z.infer<typeof scriptSchema>;

export const createScriptSchema = z.strictObject({
  name: nameSchema,
  body: scriptBody,
  pipelineId: idSchema.nullable().optional(),
  stageId: idSchema.nullable().optional(),
  productId: idSchema.nullable().optional(),
  active: z.boolean().optional(),
});
export type CreateScriptInput = z.infer<typeof createScriptSchema>;

export const updateScriptSchema = createScriptSchema.partial();
export type UpdateScriptInput = z.infer<typeof updateScriptSchema>;

export const listScriptsQuery = listQueryBase.extend({
  sort: z.enum(['name', 'created_at', 'updated_at']).default('name'),
  stageId: idSchema.optional(),
  pipelineId: idSchema.optional(),
  productId: idSchema.optional(),
  active: activeFilterSchema,
});
export type ListScriptsQuery = z.infer<typeof listScriptsQuery>;

export const scriptVersionSchema = z.object({
  scriptId: idSchema,
  scriptVersion: z.number().int(),
  body: z.string(),
  createdBy: idSchema.nullable(),
  createdAt: z.string(),
});
export type ScriptVersionDto = z.infer<typeof scriptVersionSchema>;

export const listScriptVersionsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().regex(/^\d+$/, 'must be a cursor returned by this list').optional(),
});
export type ListScriptVersionsQuery = z.infer<typeof listScriptVersionsQuery>;

/** Why a script applies to a deal: its stage, its pipeline as a whole, or a product on its lines. */
export const scriptMatchSchema = z.enum(['stage', 'pipeline', 'product']);

/** A pitch script that applies to a deal, most specific first (GET /deals/:id/scripts). */
export const dealScriptSchema = scriptSchema.extend({ appliesBy: scriptMatchSchema });
export type DealScriptDto = z.infer<typeof dealScriptSchema>;
