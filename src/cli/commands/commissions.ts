import type { Command } from 'commander';
import type { Io } from '../io.ts';
import type { StatementOptions } from '../actions/commissions.ts';

export function registerCommissions(program: Command, io: Io): void {
  const commissions = program.command('commissions').description('Commission statements (docs/commissions.md)');
  commissions
    .command('statement')
    .description(
      "Print a person's (or partner account's, or agent party's) commission statement for a month, computed from the log",
    )
    .requiredOption('--period <YYYY-MM>', 'the month')
    .option('--user <email or id>', 'the person paid')
    .option('--partner <account id>', 'the partner account paid (instead of --user)')
    .option('--agent <agent party id>', 'the agent party paid under its agency agreements (instead of --user)')
    .option('--org <name or id>', 'organization (may be left out when there is only one)')
    .option('--json', 'print the statement as JSON (the same as the HTTP API returns)')
    .action(async (opts: StatementOptions) => (await import('../actions/commissions.ts')).statementCommand(io, opts));
}
