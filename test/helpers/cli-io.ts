import type { Io } from '../../src/cli/io.ts';
import { AppError } from '../../src/contract/errors.ts';

/** An Io for running a CLI action in-process: what it prints on stderr is kept, stdout dropped. */
export function captureIo(): Io & { errs: string[] } {
  const errs: string[] = [];
  return {
    errs,
    out: () => undefined,
    err: (l) => errs.push(l),
    status: () => undefined,
    interactive: false,
    setExitCode: () => undefined,
  };
}

/** The AppError a promise rejects with; anything else fails the test. */
export async function appFailure(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof AppError)) throw new Error(`expected an AppError, got ${String(err)}`);
  return err;
}
