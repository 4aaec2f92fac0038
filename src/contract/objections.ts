import { z } from 'zod';
import { businessDateTimeSchema, idSchema, listQueryBase, nameSchema, optionalText } from './common.ts';

export const objectionCategories = [
  'price',
  'budget',
  'timing',
  'authority',
  'need',
  'competitor',
  'trust',
  'other',
] as const;
export const objectionCategorySchema = z.enum(objectionCategories);
export type ObjectionCategory = z.infer<typeof objectionCategorySchema>;

export const objectionOutcomes = ['resolved', 'unresolved'] as const;
export const objectionOutcomeSchema = z.enum(objectionOutcomes);

/**
 * `true`/`false` select by the active flag; `all` lists both. Lists default to active entries so
 * retired library entries and scripts stay out of a rep's way unless asked for.
 */
export const activeFilterSchema = z.enum(['true', 'false', 'all']).default('true');

// ---- The objection library (reference data) ----

export const objectionSchema = z.object({
  id: idSchema,
  category: objectionCategorySchema,
  title: z.string(),
  description: z.string().nullable(),
  recommendedResponses: z.array(z.string()),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type ObjectionDto = z.infer<typeof objectionSchema>;

const responseText = z.string().trim().min(1, 'must not be empty').max(5000);

export const createObjectionSchema = z.strictObject({
  category: objectionCategorySchema,
  title: nameSchema,
  description: optionalText(5000),
  recommendedResponses: z.array(responseText).max(50, 'must have at most 50 responses').optional(),
  active: z.boolean().optional(),
});
export type CreateObjectionInput = z.infer<typeof createObjectionSchema>;

export const updateObjectionSchema = createObjectionSchema.partial();
export type UpdateObjectionInput = z.infer<typeof updateObjectionSchema>;

export const listObjectionsQuery = listQueryBase.extend({
  sort: z.enum(['title', 'created_at', 'updated_at']).default('title'),
  category: objectionCategorySchema.optional(),
  active: activeFilterSchema,
});
export type ListObjectionsQuery = z.infer<typeof listObjectionsQuery>;

// ---- Objections raised by buyers (business data, analysed later) ----

/** One objection as heard from the buyer; `objectionId` links it to the library entry used, if any. */
export const raisedObjectionInput = z.strictObject({
  objectionId: idSchema.nullable().optional(),
  category: objectionCategorySchema,
  buyerWords: z.string().trim().min(1, 'must not be empty').max(5000),
  responseUsed: optionalText(5000),
  outcome: objectionOutcomeSchema,
});
export type RaisedObjectionInput = z.infer<typeof raisedObjectionInput>;

/** Logging an objection on a deal outside a call; `raisedAt` is when the buyer said it (business time). */
export const logDealObjectionSchema = raisedObjectionInput.extend({
  raisedAt: businessDateTimeSchema.optional(),
});
export type LogDealObjectionInput = z.infer<typeof logDealObjectionSchema>;

export const raisedObjectionSchema = z.object({
  id: idSchema,
  dealId: idSchema.nullable(),
  activityId: idSchema.nullable(),
  objectionId: idSchema.nullable(),
  /** Title of the library entry, when the objection was matched to one. */
  objectionTitle: z.string().nullable(),
  category: objectionCategorySchema,
  buyerWords: z.string(),
  responseUsed: z.string().nullable(),
  outcome: objectionOutcomeSchema,
  raisedAt: z.string(),
  raisedBy: idSchema.nullable(),
  createdAt: z.string(),
});
export type RaisedObjectionDto = z.infer<typeof raisedObjectionSchema>;

export const listRaisedObjectionsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(100),
  cursor: z.string().max(500).optional(),
});
export type ListRaisedObjectionsQuery = z.infer<typeof listRaisedObjectionsQuery>;
