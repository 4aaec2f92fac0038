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

const ocelTypeSchema = z.object({
  name: z.string(),
  attributes: z.array(z.object({ name: z.string(), type: z.enum(['string', 'integer', 'float', 'boolean', 'time']) })),
});
const ocelRelationshipSchema = z.object({ objectId: z.string(), qualifier: z.string() });

/** The OCEL 2.0 JSON document of `format=ocel` (its XES counterpart is XML text). */
export const ocelDocumentSchema = z.object({
  objectTypes: z.array(ocelTypeSchema),
  eventTypes: z.array(ocelTypeSchema),
  objects: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      attributes: z.array(z.object({ name: z.string(), time: z.string(), value: z.unknown() })),
      relationships: z.array(ocelRelationshipSchema),
    }),
  ),
  events: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      time: z.string(),
      attributes: z.array(z.object({ name: z.string(), value: z.unknown() })),
      relationships: z.array(ocelRelationshipSchema),
    }),
  ),
});
