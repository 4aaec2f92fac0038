import fs from 'node:fs';
import type { Command } from 'commander';
import { systemClock } from '../../domain/deps.ts';
import { AppError } from '../../domain/errors.ts';
import { createBackup } from '../../modules/backup/backup.service.ts';
import { describeDatabase, withDatabase } from '../context.ts';
import type { Io } from '../io.ts';
import { tableProgress } from '../progress.ts';

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

async function backup(io: Io, file: string, opts: { force?: boolean }): Promise<void> {
  if (fs.existsSync(file) && !opts.force) throw new AppError('conflict', `${file} already exists; pass --force to overwrite it`);
  await withDatabase(async (database) => {
    io.err(`Backing up the ${describeDatabase(database)} to ${file}`);
    const result = await createBackup({ database, clock: systemClock }, file, { onProgress: tableProgress(io, 'written') });
    const rows = Object.values(result.rows).reduce((a, b) => a + b, 0);
    io.out(`Backed up ${rows} rows in ${Object.keys(result.rows).length} tables (schema version ${result.header.schemaVersion}) to ${file} (${size(result.bytes)})`);
  });
}

export function registerBackup(program: Command, io: Io): void {
  program
    .command('backup')
    .description('Write a logical backup of the whole database (gzip JSON lines; restores into either engine)')
    .argument('<file>', 'file to write, e.g. pipewright-2026-01-31.pwbackup.gz')
    .option('--force', 'overwrite the file if it exists')
    .addHelpText('after', '\nWith the embedded database, stop the server first: only one process can open its data directory.')
    .action((file: string, opts: { force?: boolean }) => backup(io, file, opts));
}
