import fs from 'node:fs';
import { Command } from 'commander';
import { registerAudit } from './commands/audit.ts';
import { registerBackup } from './commands/backup.ts';
import { registerCommissions } from './commands/commissions.ts';
import { registerRouting } from './commands/routing.ts';
import { registerEvents } from './commands/events.ts';
import { registerExport } from './commands/export.ts';
import { registerImport } from './commands/import.ts';
import { registerJobs } from './commands/jobs.ts';
import { registerMigrate } from './commands/migrate.ts';
import { registerOrg } from './commands/org.ts';
import { registerReport } from './commands/report.ts';
import { registerRestore } from './commands/restore.ts';
import { registerSeed } from './commands/seed.ts';
import { registerServe } from './commands/serve.ts';
import { registerToken } from './commands/token.ts';
import { registerUser } from './commands/user.ts';
import type { Io } from './io.ts';

function version(): string {
  const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version?: string;
  };
  return pkg.version ?? '0.0.0';
}

/**
 * The `pipewright` command with every subcommand; one register function per command file. A command
 * file only declares its options: its action (src/cli/actions/) is imported when it runs, so help
 * and usage errors answer without loading the database and HTTP stacks.
 */
export function buildProgram(io: Io): Command {
  const program = new Command('pipewright')
    .description(
      'Pipewright: run and measure the processes of a sales organization.\nConfiguration comes from environment variables (see docs/operations.md).',
    )
    .version(version())
    .option('--debug', 'print stack traces of unexpected errors')
    // Settings below are inherited by the subcommands registered after them.
    .exitOverride()
    .showHelpAfterError('(add --help for usage)')
    .configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(s) });
  registerServe(program, io);
  registerMigrate(program, io);
  registerOrg(program, io);
  registerUser(program, io);
  registerToken(program, io);
  registerAudit(program, io);
  registerEvents(program, io);
  registerBackup(program, io);
  registerRestore(program, io);
  registerSeed(program, io);
  registerImport(program, io);
  registerJobs(program, io);
  registerExport(program, io);
  registerReport(program, io);
  registerCommissions(program, io);
  registerRouting(program, io);
  return program;
}
