import { z } from 'zod';
import { idSchema, queryList } from './common.ts';

/** The open task of a deal due first (undated tasks after dated ones): what happens next. */
export const nextActivitySchema = z.object({
  id: idSchema,
  subject: z.string().nullable(),
  dueAt: z.string().nullable(),
  ownerId: idSchema.nullable(),
});
export type NextActivityDto = z.infer<typeof nextActivitySchema>;

export const rottingReasons = ['no_next_activity', 'stuck'] as const;
export type RottingReason = (typeof rottingReasons)[number];

/** What `dealRotting` needs to know of a deal. */
export interface RottingFacts {
  status: string;
  stageEnteredAt: string;
  nextActivity: NextActivityDto | null;
  stageExpectedDays: number | null;
}

const DAY_MS = 86_400_000;

/**
 * Why an open deal needs attention: nothing planned next (no open task), or in its stage longer
 * than the stage's expected days (set per stage in the pipeline settings; a stage without them
 * never makes a deal stuck). Closed deals never rot. The `rotting=true` query selects the same
 * deals in SQL; the tests compare both.
 */
export function dealRotting(deal: RottingFacts, now: Date): RottingReason[] {
  if (deal.status !== 'open') return [];
  const reasons: RottingReason[] = [];
  if (deal.nextActivity === null) reasons.push('no_next_activity');
  if (
    deal.stageExpectedDays !== null &&
    now.getTime() - Date.parse(deal.stageEnteredAt) > deal.stageExpectedDays * DAY_MS
  )
    reasons.push('stuck');
  return reasons;
}

export const dealAttentionSchema = z.object({
  dealId: idSchema,
  name: z.string(),
  status: z.string(),
  pipelineId: idSchema,
  stageId: idSchema,
  ownerId: idSchema.nullable(),
  amount: z.string().nullable(),
  currency: z.string(),
  stageEnteredAt: z.string(),
  /** The current stage's expected days (pipeline settings), null when the stage sets none. */
  stageExpectedDays: z.number().int().nullable(),
  nextActivity: nextActivitySchema.nullable(),
  /** Empty unless the open deal needs attention; see `dealRotting`. */
  rotting: z.array(z.enum(rottingReasons)),
});
export type DealAttentionDto = z.infer<typeof dealAttentionSchema>;

/**
 * Either the deals of a table page (`dealId`, up to 200), or the open deals that need attention
 * (`rotting=true`, optionally of one owner), longest in their stage first.
 */
export const dealAttentionQuery = z
  .strictObject({
    dealId: queryList(idSchema, 200).optional(),
    rotting: z.enum(['true']).optional(),
    ownerId: idSchema.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((q) => (q.dealId === undefined) !== (q.rotting === undefined), {
    path: ['dealId'],
    message: 'give either dealId or rotting=true',
  });
export type DealAttentionQuery = z.infer<typeof dealAttentionQuery>;
