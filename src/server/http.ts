import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../contract/errors.ts';
import type { ExpectedVersion } from '../modules/shared.ts';

/** Reads If-Match: a version number, '*' to overwrite, or undefined when absent. */
export function expectedVersion(request: FastifyRequest): ExpectedVersion | undefined {
  const raw = request.headers['if-match'] as unknown;
  const v: unknown = Array.isArray(raw) ? (raw as unknown[])[0] : raw;
  if (typeof v !== 'string') return undefined;
  if (v.trim() === '*') return '*';
  const m = /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(v);
  if (!m) {
    throw new AppError('validation_failed', 'If-Match must be the version number of the record you edited, or *', {
      fields: [{ field: 'If-Match', message: 'is not a version number' }],
    });
  }
  return Number(m[1]);
}

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .loose();

const problemResponse = {
  description: 'RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`)',
  content: { 'application/problem+json': { schema: problemSchema } },
};

/**
 * The error responses documented on every route: any 4xx or 5xx is a problem document. The status
 * of each code is in `errorCodes` (src/contract/errors.ts) and docs/api.md.
 */
export const errorResponses = { '4xx': problemResponse, '5xx': problemResponse } as const;

export const ifMatchHeader = z.object({
  'if-match': z.string().optional().describe('Version of the record you edited, or * to overwrite'),
});
