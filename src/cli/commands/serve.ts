import type { Command } from 'commander';
import type { Io } from '../io.ts';

export function registerServe(program: Command, io: Io): void {
  program
    .command('serve')
    .description(
      'Start the HTTP server on HOST:PORT (migrating the database first; on an empty database, creating a first organization and admin)',
    )
    .action(async () => (await import('../actions/serve.ts')).serve(io, program));
}
