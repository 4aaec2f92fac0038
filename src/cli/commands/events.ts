import type { Command } from 'commander';
import type { EventExportOptions } from '../actions/events.ts';
import type { Io } from '../io.ts';

export function registerEvents(program: Command, io: Io): void {
  const events = program.command('events').description('The event log');
  events
    .command('export')
    .description('Export the deal event log for process-mining tools: OCEL 2.0 JSON or XES (streamed; constant memory)')
    .requiredOption('--format <format>', 'ocel (OCEL 2.0 JSON) or xes (XES XML)')
    .option('--out <file>', 'file to write (default: standard output); written whole or not at all')
    .option('--force', 'overwrite the --out file if it exists')
    .option('--org <name or id>', 'organization (may be left out when there is only one)')
    .option('--pipeline <name or id>', 'only the deals currently in this pipeline (default: all)')
    .option('--from <YYYY-MM-DD>', "first day of the events (business time, the organization's time zone, inclusive)")
    .option('--to <YYYY-MM-DD>', 'last day of the events (inclusive)')
    .action(async (opts: EventExportOptions) => (await import('../actions/events.ts')).exportEvents(io, opts));
}
