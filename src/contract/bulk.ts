import { z } from 'zod';
import { idSchema } from './common.ts';

/** At most this many records per bulk request (one table page at the largest page size). */
export const MAX_BULK_RECORDS = 200;

/** The entities whose tables offer bulk actions, by their path under /api/v1. */
export const bulkEntities = {
  deals: 'deal',
  accounts: 'account',
  contacts: 'contact',
  leads: 'lead',
  activities: 'activity',
} as const;
export type BulkPath = keyof typeof bulkEntities;

/**
 * The records to act on, each with the version the user saw (the same optimistic-concurrency rule
 * as a single change's If-Match; `*` acts on whatever version is current).
 */
const bulkRecords = z
  .array(z.strictObject({ id: idSchema, version: z.union([z.number().int().min(1), z.literal('*')]) }))
  .min(1, 'must name at least one record')
  .max(MAX_BULK_RECORDS, `must name at most ${MAX_BULK_RECORDS} records`)
  .refine((rs) => new Set(rs.map((r) => r.id)).size === rs.length, 'must not name the same record twice');

export const bulkAssignSchema = z.strictObject({
  records: bulkRecords,
  /** The new owner; null leaves the records unassigned. */
  ownerId: idSchema.nullable(),
});
export type BulkAssignInput = z.infer<typeof bulkAssignSchema>;

export const bulkStageSchema = z.strictObject({
  records: bulkRecords,
  stageId: idSchema,
  /** Required to enter a lost stage (unless a deal already has one). */
  lostReason: z.string().trim().min(1, 'must not be empty').max(500).optional(),
});
export type BulkStageInput = z.infer<typeof bulkStageSchema>;

export const bulkDeleteSchema = z.strictObject({ records: bulkRecords });
export type BulkDeleteInput = z.infer<typeof bulkDeleteSchema>;

/** What happened to one record: done (with its new version, absent after a delete) or refused with the reason a single action would give. */
export const bulkResultSchema = z.object({
  id: idSchema,
  ok: z.boolean(),
  version: z.number().int().optional(),
  /** The error code of the refusal, e.g. stage_gate_failed, version_conflict, forbidden, not_found. */
  code: z.string().optional(),
  message: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  /** For a refused stage gate: the fields the stage requires. */
  missingFields: z.array(z.string()).optional(),
  /** For a version_conflict: the record's current version, as a single change's 409 names it. */
  currentVersion: z.number().int().optional(),
});
export type BulkResult = z.infer<typeof bulkResultSchema>;

export const bulkResponseSchema = z.object({
  succeeded: z.number().int(),
  failed: z.number().int(),
  results: z.array(bulkResultSchema),
});
export type BulkResponse = z.infer<typeof bulkResponseSchema>;
