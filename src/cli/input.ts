import { InvalidArgumentError } from 'commander';
import type { z } from 'zod';
import { unstorableText } from '../contract/common.ts';
import { AppError, invalid } from '../contract/errors.ts';

/** Maps field paths of a use case's input to the options a user typed, e.g. `organization.baseCurrency` → `--currency`. */
export type OptionNames = Record<string, string>;

function rename(field: string, names: OptionNames): string {
  return names[field] ?? field;
}

/**
 * Validates command input with the use case's zod schema, and refuses text the database cannot
 * store (as the API does); problems are reported per option.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, names: OptionNames): z.output<S> {
  const problems = unstorableText(input);
  const r = schema.safeParse(input);
  if (r.success && problems.length === 0) return r.data;
  const issues = r.success ? [] : r.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
  throw invalid(
    [...problems, ...issues].map((p) => ({ ...p, field: rename(p.field, names) })),
    'invalid input',
  );
}

/** Runs a use case and reports its field problems under the option names. */
export async function withOptionNames<T>(names: OptionNames, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof AppError && err.fields) {
      // The services' generic wording speaks of a request; here it is the command line.
      const message = err.message === 'The request is not valid' ? 'invalid input' : err.message;
      throw new AppError(err.code, message, {
        fields: err.fields.map((f) => ({ ...f, field: rename(f.field, names) })),
        ...(err.details ? { details: err.details } : {}),
      });
    }
    throw err;
  }
}

/** Commander argument parser for whole numbers (`--expires-days 30`). */
export function wholeNumber(value: string): number {
  if (!/^-?\d+$/.test(value.trim())) throw new InvalidArgumentError('must be a whole number.');
  return Number.parseInt(value, 10);
}
