import { z } from 'zod';
import { idSchema, pageSchema, queryList } from './common.ts';

/** A kind of background work (`import`, and the kinds later work adds), named by its handler. */
export const jobKindSchema = z.string().regex(/^[a-z][a-z0-9_.-]{0,49}$/, 'must be a job kind such as import');

export const jobStatuses = ['queued', 'running', 'succeeded', 'failed', 'canceled'] as const;
export const jobStatusSchema = z.enum(jobStatuses);
export type JobStatus = z.infer<typeof jobStatusSchema>;

export const jobSchema = z.object({
  id: idSchema,
  kind: jobKindSchema,
  status: jobStatusSchema,
  /** What the job works on, e.g. `{ importId }`. */
  payload: z.record(z.string(), z.unknown()),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  /** When it runs next (queued) or was due. */
  runAt: z.string(),
  /** The server running it (host name and process id), while it runs. */
  runningOn: z.string().nullable(),
  heartbeatAt: z.string().nullable(),
  lastError: z.string().nullable(),
  createdBy: idSchema.nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type JobDto = z.infer<typeof jobSchema>;

export const jobPageSchema = pageSchema(jobSchema);

export const jobListQuerySchema = z.strictObject({
  status: queryList(jobStatusSchema, jobStatuses.length).optional(),
  kind: queryList(jobKindSchema, 20).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type JobListQuery = z.infer<typeof jobListQuerySchema>;
