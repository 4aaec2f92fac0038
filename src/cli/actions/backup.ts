import fs from 'node:fs';
import { systemClock } from '../../domain/deps.ts';
import { AppError } from '../../contract/errors.ts';
import { createBackup } from '../../modules/backup/backup.service.ts';
import { describeDatabase, withDatabase } from '../context.ts';
import type { Io } from '../io.ts';
import { tableProgress } from '../progress.ts';

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

export async function backup(io: Io, file: string, opts: { force?: boolean }): Promise<void> {
  if (fs.existsSync(file) && !opts.force)
    throw new AppError('conflict', `${file} already exists; pass --force to overwrite it`);
  await withDatabase(async (database) => {
    io.err(`Backing up the ${describeDatabase(database)} to ${file}`);
    const result = await createBackup({ database, clock: systemClock }, file, {
      onProgress: tableProgress(io, 'written'),
    });
    const rows = Object.values(result.rows).reduce((a, b) => a + b, 0);
    io.out(
      `Backed up ${rows} rows in ${Object.keys(result.rows).length} tables (schema version ${result.header.schemaVersion}) to ${file} (${size(result.bytes)})`,
    );
  });
}
