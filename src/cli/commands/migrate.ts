import type { Command } from 'commander';
import type { Io } from '../io.ts';

export function registerMigrate(program: Command, io: Io): void {
  program
    .command('migrate')
    .description('Apply pending database migrations (the server also does this when it starts)')
    .action(async () => (await import('../actions/migrate.ts')).migrateCommand(io));
}
