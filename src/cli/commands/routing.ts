import type { Command } from 'commander';
import type { Io } from '../io.ts';
import type { BacktestOptions } from '../actions/routing.ts';

export function registerRouting(program: Command, io: Io): void {
  const routing = program.command('routing').description('Territories and routing (docs/routing.md)');
  routing
    .command('backtest')
    .description(
      'Replay the last N days of leads through a candidate rule set (or the saved rules) and compare with what happened; nothing is saved',
    )
    .requiredOption('--days <n>', 'how many days of leads to replay')
    .option(
      '--candidate <file.json>',
      'the rule set to try: { territories, pools, fallbackPoolId } as the API takes it',
    )
    .option('--org <name or id>', 'organization (may be left out when there is only one)')
    .option('--json', 'print the result as JSON (the same as the HTTP API returns)')
    .action(async (opts: BacktestOptions) => (await import('../actions/routing.ts')).backtestCommand(io, opts));
}
