import type { Command } from 'commander';
import { importEntities } from '../../contract/import-fields.ts';
import { importPresets } from '../../contract/import-presets.ts';
import type { ImportCommandOptions } from '../actions/import.ts';
import type { BundleCommandOptions } from '../actions/import-bundle.ts';
import { wholeNumber } from '../input.ts';
import type { Io } from '../io.ts';

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerImport(program: Command, io: Io): void {
  program
    .command('import')
    .description(
      `Import a CSV file of ${importEntities.join(', ')}, or with "bundle <dir>" a folder of exports in one run (see docs/import.md)`,
    )
    .argument('<entity>', `${importEntities.join('|')}|bundle`)
    .argument('<file>', 'CSV file (UTF-8; the first line names the columns), or the folder of a bundle')
    .option('--org <name or id>', 'organization (may be left out when there is only one)')
    .option('--map <Header=field>', 'use a column for a field (repeatable); "Header=" ignores the column', collect)
    .option('--preset <system>', `column names of an export from ${importPresets.join(', ')}`)
    .option('--stage-map <Old=New>', 'read a stage name of the file as a stage of the pipeline (repeatable)', collect)
    .option(
      '--user-map <Name=user>',
      'read a person named in the file (owner, manager) as a user, by email, name or external id (repeatable)',
      collect,
    )
    .option('--create-missing', 'create accounts and products named by the file but not found')
    .option(
      '--missing-email <rule>',
      'users without an email address: reject (the default), or placeholder (a generated first.last@users.invalid to replace when inviting them)',
    )
    .option(
      '--on-duplicate <choice>',
      'a row that looks like an existing record (same email, domain or a similar name): skip, update or new',
      'skip',
    )
    .option('--rejects <file.csv>', 'write rejected rows (original cells, line and reason) to this file')
    .option('--dry-run', 'check everything, write nothing')
    .option('--mapping <file.json>', 'bundle: which file is which entity, column and stage mappings (reusable)')
    .option('--save-mapping <file.json>', 'bundle: save the mapping the plan follows, to edit and reuse')
    .option('--date-order <order>', 'dates with slashes are mdy (03/04/2025 = 4 March) or dmy', 'mdy')
    .option('--delimiter <char>', 'field separator', ',')
    .option('--batch-size <rows>', 'rows per transaction (up to 50000)', wholeNumber, 5000)
    .action(async (entity: string, file: string, opts: ImportCommandOptions & BundleCommandOptions) =>
      entity === 'bundle'
        ? (await import('../actions/import-bundle.ts')).bundleCommand(io, file, opts)
        : (await import('../actions/import.ts')).importCommand(io, entity, file, opts),
    );
}
