import { CommanderError } from 'commander';
import { ZodError } from 'zod';
import { ConfigError } from '../config.ts';
import { AppError } from '../contract/errors.ts';

/** Exit codes: 0 success, 1 failure (bad input, a broken audit chain, …), 2 command-line usage error. */
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

interface Described {
  lines: string[];
  exitCode: number;
}

/** Turns any error into `error: …` lines for stderr and the exit code. */
export function describeError(err: unknown, opts: { debug: boolean }): Described {
  if (err instanceof CommanderError) {
    // Commander has already printed its message (or the help).
    return { lines: [], exitCode: err.exitCode === 0 ? 0 : EXIT_USAGE };
  }
  if (err instanceof ConfigError) {
    return {
      lines: ['error: invalid configuration (environment variables)', ...err.problems.map((p) => `  ${p}`)],
      exitCode: EXIT_FAILURE,
    };
  }
  if (err instanceof AppError) {
    return {
      lines: [`error: ${err.message}`, ...(err.fields ?? []).map((f) => `  ${f.field}: ${f.message}`)],
      exitCode: EXIT_FAILURE,
    };
  }
  if (err instanceof ZodError) {
    return {
      lines: ['error: invalid input', ...err.issues.map((i) => `  ${i.path.join('.') || 'input'}: ${i.message}`)],
      exitCode: EXIT_FAILURE,
    };
  }
  const message = err instanceof Error ? err.message : String(err);
  const lines = [`error: ${message}`];
  if (opts.debug && err instanceof Error && err.stack) lines.push(err.stack);
  return { lines, exitCode: EXIT_FAILURE };
}
