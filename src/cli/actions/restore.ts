import { systemClock } from '../../domain/deps.ts';
import { restoreBackup } from '../../modules/backup/restore.service.ts';
import { describeDatabase, withDatabase } from '../context.ts';
import { EXIT_FAILURE } from '../errors.ts';
import type { Io } from '../io.ts';
import { tableProgress } from '../progress.ts';
import { describeReport } from '../report.ts';
import { keepHeapNearLiveSize } from '../bulk-memory.ts';

export async function restore(io: Io, file: string, opts: { force?: boolean }): Promise<void> {
  keepHeapNearLiveSize();
  await withDatabase(async (database) => {
    io.err(`Restoring ${file} into the ${describeDatabase(database)}`);
    const result = await restoreBackup({ database, clock: systemClock }, file, {
      force: opts.force ?? false,
      onProgress: tableProgress(io, 'loaded'),
    });
    const rows = Object.values(result.rows).reduce((a, b) => a + b, 0);
    io.out(
      `Restored ${rows} rows in ${Object.keys(result.rows).length} tables from a backup of ${result.header.createdAt} (${result.header.engine}, schema version ${result.header.schemaVersion})`,
    );
    let ok = true;
    for (const c of result.chains) {
      for (const l of describeReport(c.organization, c.report)) io.out(l);
      ok = ok && c.report.ok;
    }
    if (!ok) io.setExitCode(EXIT_FAILURE);
  });
}
