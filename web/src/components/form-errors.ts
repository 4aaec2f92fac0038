import type { z } from 'zod';
import { ApiError, type FieldProblem } from '../api.ts';
import { humanMessage, isGenericDetail, refusalText } from '../problem-text.ts';

/** The problems of a zod parse, named as the API names them (`objections.0.buyerWords`), in plain words. */
export function zodProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.map((i) => ({
    field: i.path.map(String).join('.') || 'request',
    message: humanMessage(i.message),
  }));
}

const OFFLINE = 'Could not reach the server; check your connection and try again.';

/** Field problems (in plain words) and a summary line from whatever a submit threw. */
export function problemsOf(err: unknown): { summary: string; fields: FieldProblem[] } {
  if (err instanceof ApiError)
    return {
      summary:
        err.errors.length > 0 && isGenericDetail(err.detail)
          ? 'Please correct the marked fields.'
          : humanMessage(err.detail),
      fields: err.errors.map((e) => ({ field: e.field, message: humanMessage(e.message) })),
    };
  return { summary: OFFLINE, fields: [] };
}

/** Whatever a request threw, as one sentence for people (see problem-text.ts). */
export function problemText(err: unknown): string {
  if (err instanceof ApiError) return refusalText(err.detail, err.errors);
  return OFFLINE;
}

export { fieldLabel } from './field-label.ts';
