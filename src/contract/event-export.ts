import { z } from 'zod';
import { dateOnlySchema, idSchema } from './common.ts';

export const eventExportFormats = ['ocel', 'xes'] as const;

/**
 * GET /api/v1/events/export and `pipewright events export`: the deal event log for process-mining
 * tools. `from` / `to` select events by business time (the historical time of imported history,
 * otherwise the system time): calendar days in the organization's time zone, both inclusive
 * (`[from 00:00, to + 1 day 00:00)`); `pipelineId` keeps the deals currently in that pipeline (all
 * pipelines without it).
 */
export const eventExportQuerySchema = z
  .strictObject({
    format: z.enum(eventExportFormats),
    pipelineId: idSchema.optional(),
    from: dateOnlySchema.optional(),
    to: dateOnlySchema.optional(),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    message: 'must not be before from',
    path: ['to'],
  });
export type EventExportQuery = z.infer<typeof eventExportQuerySchema>;
