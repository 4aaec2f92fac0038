import { describeError } from './errors.ts';
import { processIo } from './io.ts';
import { buildProgram } from './program.ts';

/** Runs the CLI with process arguments; sets the exit code instead of exiting, so output is flushed. */
export async function main(argv: readonly string[]): Promise<void> {
  const io = processIo();
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv]);
  } catch (err) {
    const debug = program.opts<{ debug?: boolean }>().debug === true;
    const { lines, exitCode } = describeError(err, { debug });
    for (const line of lines) io.err(line);
    io.setExitCode(exitCode);
  }
}
