import type { Command } from 'commander';
import type { Io } from '../io.ts';

export function registerBackup(program: Command, io: Io): void {
  program
    .command('backup')
    .description('Write a logical backup of the whole database (gzip JSON lines; restores into either engine)')
    .argument('<file>', 'file to write, e.g. pipewright-2026-01-31.pwbackup.gz')
    .option('--force', 'overwrite the file if it exists')
    .addHelpText(
      'after',
      '\nWith the embedded database, stop the server first: only one process can open its data directory.',
    )
    .action(async (file: string, opts: { force?: boolean }) =>
      (await import('../actions/backup.ts')).backup(io, file, opts),
    );
}
