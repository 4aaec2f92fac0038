import { Option, type Command } from 'commander';
import { exportEntities, exportFormats } from '../../domain/record-export.ts';
import type { RecordExportOptions } from '../actions/export.ts';
import { filterOptions } from '../export-options.ts';
import type { Io } from '../io.ts';

export function registerExport(program: Command, io: Io): void {
  const command = program
    .command('export')
    .description(
      'Export a list (the filters and sort of its HTTP list endpoint, no paging) as CSV or JSON lines: streamed, constant memory, any size (see docs/cli.md)',
    )
    .argument('<entity>', exportEntities.join('|'))
    .addOption(new Option('--format <format>', 'file format').choices(exportFormats).default('csv'))
    .option('--out <file>', 'file to write (default: standard output); written whole or not at all')
    .option('--force', 'overwrite the --out file if it exists')
    .option('--org <name or id>', 'organization (may be left out when there is only one)');
  for (const f of filterOptions())
    command.option(`${f.flag} <value>`, `the list filter ${f.field} (${f.entities.join(', ')})`);
  command.action(async (entity: string, opts: RecordExportOptions) =>
    (await import('../actions/export.ts')).exportCommand(io, entity, opts),
  );
}
