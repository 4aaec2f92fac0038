import fs from 'node:fs';
import type { Database } from '../../db/database.ts';
import type { Clock } from '../../domain/deps.ts';
import { AppError } from '../../contract/errors.ts';
import { createLineWriter, readLines } from './backup-file.ts';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, encodeJson, headerSchema, type BackupHeader } from './backup-format.ts';
import { loadOrder, type TableInfo } from './backup-plan.ts';
import * as repo from './backup.repository.ts';

export interface BackupDeps {
  database: Database;
  clock: Clock;
}

/** Rows done so far in a table; `done` once the table is complete. */
export interface TableProgress {
  table: string;
  rows: number;
  done: boolean;
}

export interface BackupResult {
  header: BackupHeader;
  rows: Record<string, number>;
  bytes: number;
}

const PAGE_SIZE = 1000;

export const invalidBackup = (file: string, message: string): AppError =>
  new AppError('bad_request', `${file}: ${message}`);

function encodeRow(table: TableInfo, values: unknown[]): unknown[] {
  return values.map((v, i) => (table.columns[i]?.kind === 'json' ? encodeJson(v as string | null) : v));
}

/**
 * Projections of the event log: not written to a backup (a restore rebuilds the stage visits from
 * the restored events, and their triggers rebuild the traces, migration 0007), and skipped when an
 * older backup holds them.
 */
export const DERIVED_TABLES: ReadonlySet<string> = new Set(['deal_stage_visits', 'deal_traces']);

/**
 * Tables of passing data, not written to a backup (a restore empties them): an import's upload is
 * dropped when the import ends, and an import restored unfinished asks for the file again.
 */
export const TRANSIENT_TABLES: ReadonlySet<string> = new Set(['import_uploads']);

/**
 * Writes a logical backup of the whole database (see backup-format.ts) from one consistent
 * snapshot, table by table in keyset-paged batches. The file appears only once complete.
 */
export async function createBackup(
  deps: BackupDeps,
  file: string,
  opts: { onProgress?: (p: TableProgress) => void } = {},
): Promise<BackupResult> {
  const { db } = deps.database;
  const schemaVersion = await repo.schemaVersion(db);
  if (schemaVersion === 0)
    throw new AppError('bad_request', 'The database has no schema yet: there is nothing to back up');
  const tables = await repo.readCatalog(db);
  const byName = new Map(tables.map((t) => [t.name, t]));
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    schemaVersion,
    createdAt: deps.clock.now().toISOString(),
    engine: deps.database.engine,
  };
  const rows: Record<string, number> = {};
  const writer = createLineWriter(file);
  try {
    await writer.write(JSON.stringify(header));
    await db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (trx) => {
        for (const name of loadOrder(tables)) {
          const table = byName.get(name);
          if (!table || DERIVED_TABLES.has(name) || TRANSIENT_TABLES.has(name)) continue;
          await writer.write(JSON.stringify({ table: name, columns: table.columns.map((c) => c.name) }));
          const keyIndexes = table.primaryKey.map((k) => table.columns.findIndex((c) => c.name === k));
          let count = 0;
          let key: unknown[] | null = null;
          for (;;) {
            const page = await repo.readPage(trx, table, { key, offset: count }, PAGE_SIZE);
            if (page.length > 0)
              await writer.write(page.map((values) => JSON.stringify(encodeRow(table, values))).join('\n'));
            count += page.length;
            const last = page[page.length - 1];
            if (page.length < PAGE_SIZE || !last) break;
            key = keyIndexes.map((i) => last[i]);
            opts.onProgress?.({ table: name, rows: count, done: false });
          }
          rows[name] = count;
          opts.onProgress?.({ table: name, rows: count, done: true });
        }
      });
    await writer.write(JSON.stringify({ end: true, rows }));
    await writer.commit();
  } catch (err) {
    await writer.abort();
    throw err;
  }
  return { header, rows, bytes: (await fs.promises.stat(file)).size };
}

/** The header of a backup file, checked before anything is written to the database. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  try {
    await fs.promises.access(file, fs.constants.R_OK);
  } catch {
    throw new AppError('not_found', `${file}: no such file, or it cannot be read`);
  }
  let first: string | undefined;
  try {
    for await (const line of readLines(file)) {
      first = line;
      break;
    }
  } catch (err) {
    throw invalidBackup(file, `is not a gzip file (${(err as Error).message})`);
  }
  let value: unknown = null;
  try {
    value = JSON.parse(first ?? 'null');
  } catch {
    // reported below
  }
  const parsed = headerSchema.safeParse(value);
  if (!parsed.success) {
    const v = value as { format?: unknown; formatVersion?: unknown } | null;
    if (v?.format === BACKUP_FORMAT && v.formatVersion !== BACKUP_FORMAT_VERSION) {
      throw invalidBackup(
        file,
        `has backup format version ${String(v.formatVersion)}; this Pipewright reads version ${BACKUP_FORMAT_VERSION}`,
      );
    }
    throw invalidBackup(file, 'is not a Pipewright backup (its first line is not a backup header)');
  }
  return parsed.data;
}
