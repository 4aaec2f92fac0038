import type { Command } from 'commander';
import type { Io } from '../io.ts';

export function registerRestore(program: Command, io: Io): void {
  program
    .command('restore')
    .description('Restore a backup made with `pipewright backup` into this database (either engine), all or nothing')
    .argument('<file>', 'backup file')
    .option('--force', 'replace everything in a database that already holds organizations')
    .addHelpText(
      'after',
      '\nThe database must be empty (no organization) unless --force is given. Stop the server(s) first.\n' +
        'After loading, pending migrations run and every audit chain is verified (exit code 1 if one is broken).',
    )
    .action(async (file: string, opts: { force?: boolean }) =>
      (await import('../actions/restore.ts')).restore(io, file, opts),
    );
}
