import type { Command } from 'commander';
import type { Io } from '../io.ts';
import type { ReportOptions } from '../actions/report.ts';

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function registerReport(program: Command, io: Io): void {
  program
    .command('report')
    .description(
      'Run an analysis (see `report --list` and docs/analytics.md) and print it as tables, or as JSON with --json',
    )
    .argument('[name]', 'the analysis, e.g. funnel')
    .option('--list', 'list the analyses and their parameters')
    .option('--json', 'print the result as JSON (the same as the HTTP API returns)')
    .option('--org <name or id>', 'organization (may be left out when there is only one)')
    .option('--pipeline <name or id>', "pipeline (default: the organization's default pipeline)")
    .option('--from <YYYY-MM-DD>', 'first day of the date range (inclusive)')
    .option('--to <YYYY-MM-DD>', 'last day of the date range (inclusive)')
    .option('--owner <ids>', 'owners (user ids, comma-separated)')
    .option('--team <ids>', 'teams of the owners (team ids, comma-separated)')
    .option('--channel <channel>', 'direct or partner')
    .option('--partner <id>', 'partner account the deals are registered to')
    .option('--product <id>', 'deals with a line item of this product')
    .option('--segment <segment>', 'b2b (deals with an account) or b2c (without)')
    .option('--source <source>', 'deal source')
    .option('--param <key=value>', "one of the analysis' own parameters (repeatable)", collect)
    .action(async (name: string | undefined, opts: ReportOptions) =>
      (await import('../actions/report.ts')).reportCommand(io, name, opts),
    );
}
