import type { z } from 'zod';
import { ApiError, type FieldProblem } from '../api.ts';

/** The problems of a zod parse, named as the API names them (`objections.0.buyerWords`). */
export function zodProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.map((i) => ({ field: i.path.map(String).join('.') || 'request', message: i.message }));
}

/** Field problems and a summary line from whatever a submit threw. */
export function problemsOf(err: unknown): { summary: string; fields: FieldProblem[] } {
  if (err instanceof ApiError) return { summary: err.detail, fields: err.errors };
  return { summary: 'Could not reach the server; check your connection and try again.', fields: [] };
}

export { fieldLabel } from './field-label.ts';
