import { analyzeTables } from '../../db/analyze.ts';
import type { DbExecutor } from '../../db/database.ts';
import { migrate } from '../../db/migrate.ts';
import { migrations } from '../../db/migrations/index.ts';
import { AppError } from '../../contract/errors.ts';
import { verifyChain, type VerifyReport } from '../events/chain.ts';
import { rebuildStageProjection } from '../deals/deals.service.ts';
import { allOrganizations } from '../users/users.service.ts';
import { readLines } from './backup-file.ts';
import {
  decodeJson,
  parseLine,
  type BackupHeader,
  type BackupLine,
  type EndLine,
  type TableLine,
} from './backup-format.ts';
import { deferrableColumns, type ColumnInfo, type TableInfo } from './backup-plan.ts';
import * as repo from './backup.repository.ts';
import {
  DERIVED_TABLES,
  invalidBackup,
  readBackupHeader,
  type BackupDeps,
  type TableProgress,
} from './backup.service.ts';

export interface RestoreResult {
  header: BackupHeader;
  rows: Record<string, number>;
  /** The schema version the rows were loaded into (then migrated to the latest). */
  loadedIntoVersion: number;
  chains: { organization: string; report: VerifyReport }[];
}

const BATCH = 1000;

/** The columns of a table section of the backup, mapped onto the target table. */
interface Section {
  table: TableInfo;
  columns: ColumnInfo[];
  /** Loaded as NULL first because they point to rows not loaded yet; set by the second pass. */
  deferred: Set<string>;
}

function openSection(
  file: string,
  line: TableLine,
  catalog: Map<string, TableInfo>,
  loaded: ReadonlySet<string>,
): Section {
  const table = catalog.get(line.table);
  if (!table) throw invalidBackup(file, `has table ${line.table}, which this database does not have`);
  const columns = line.columns.map((name) => {
    const c = table.columns.find((x) => x.name === name);
    if (!c) throw invalidBackup(file, `has column ${line.table}.${name}, which this database does not have`);
    return c;
  });
  const deferred = new Set<string>();
  for (const fk of table.foreignKeys) {
    if (loaded.has(fk.parent) || !catalog.has(fk.parent)) continue;
    const cols = deferrableColumns(table, fk);
    if (!cols)
      throw invalidBackup(
        file,
        `loads ${line.table} before ${fk.parent}, which its foreign key ${fk.name} needs first`,
      );
    for (const c of cols) if (line.columns.includes(c)) deferred.add(c);
  }
  if (deferred.size > 0 && table.primaryKey.length === 0) {
    throw invalidBackup(
      file,
      `table ${line.table} needs a second pass for ${[...deferred].join(', ')} but has no primary key`,
    );
  }
  return { table, columns, deferred };
}

function toRecord(
  file: string,
  lineNo: number,
  section: Section,
  values: unknown[],
  only?: ReadonlySet<string>,
): Record<string, unknown> {
  if (values.length !== section.columns.length) {
    throw invalidBackup(
      file,
      `line ${lineNo} has ${values.length} values for the ${section.columns.length} columns of ${section.table.name}`,
    );
  }
  const record: Record<string, unknown> = {};
  section.columns.forEach((c, i) => {
    if (only && !only.has(c.name)) return;
    const v = values[i];
    record[c.name] = c.kind === 'json' ? decodeJson(v) : (v ?? null);
  });
  return record;
}

/** The lines after the header, numbered; a damaged file or line becomes an error naming the file. */
async function* backupLines(file: string): AsyncGenerator<{ lineNo: number; line: BackupLine }> {
  let lineNo = 0;
  const lines = readLines(file);
  for (;;) {
    let next: IteratorResult<string>;
    try {
      next = await lines.next();
    } catch (err) {
      throw invalidBackup(file, `is damaged after line ${lineNo} (${(err as Error).message})`);
    }
    if (next.done) return;
    lineNo += 1;
    if (lineNo === 1) continue;
    try {
      yield { lineNo, line: parseLine(next.value, lineNo) };
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw invalidBackup(file, (err as Error).message);
    }
  }
}

async function tableStep<T>(table: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('bad_request', `Restoring table ${table} failed: ${(err as Error).message}`);
  }
}

/** First pass: every row, with the deferred columns NULL. Returns the row counts and what to fill in. */
async function loadRows(
  trx: DbExecutor,
  file: string,
  catalog: Map<string, TableInfo>,
  onProgress?: (p: TableProgress) => void,
) {
  const loaded = new Set<string>();
  const rows: Record<string, number> = {};
  const deferred: Section[] = [];
  let section: Section | null = null;
  // A projection an older backup holds: counted, not loaded (the restore rebuilds it from the log).
  let skipping: string | null = null;
  let batch: Record<string, unknown>[] = [];
  let end: EndLine | null = null;
  const flush = async (s: Section) => {
    const b = batch;
    batch = [];
    await tableStep(s.table.name, () => repo.insertRows(trx, s.table.name, s.columns, b));
    onProgress?.({ table: s.table.name, rows: rows[s.table.name] ?? 0, done: false });
  };
  const close = async () => {
    if (!section) return;
    await flush(section);
    loaded.add(section.table.name);
    if (section.deferred.size > 0) deferred.push(section);
    onProgress?.({ table: section.table.name, rows: rows[section.table.name] ?? 0, done: true });
    section = null;
  };
  for await (const { lineNo, line } of backupLines(file)) {
    if (end) throw invalidBackup(file, `has content after its end marker (line ${lineNo})`);
    if (line.kind === 'table') {
      await close();
      skipping = null;
      if (loaded.has(line.line.table) || line.line.table in rows)
        throw invalidBackup(file, `has table ${line.line.table} twice`);
      rows[line.line.table] = 0;
      if (DERIVED_TABLES.has(line.line.table)) skipping = line.line.table;
      else section = openSection(file, line.line, catalog, loaded);
    } else if (line.kind === 'row' && skipping) {
      rows[skipping] = (rows[skipping] ?? 0) + 1;
    } else if (line.kind === 'row') {
      if (!section) throw invalidBackup(file, `line ${lineNo} is a row outside any table`);
      const record = toRecord(file, lineNo, section, line.values);
      for (const c of section.deferred) record[c] = null;
      batch.push(record);
      rows[section.table.name] = (rows[section.table.name] ?? 0) + 1;
      if (batch.length >= BATCH) await flush(section);
    } else {
      await close();
      skipping = null;
      end = line.line;
    }
  }
  if (!end) throw invalidBackup(file, 'is incomplete: it has no end marker (was it cut short?)');
  for (const [table, n] of Object.entries(end.rows)) {
    if ((rows[table] ?? 0) !== n)
      throw invalidBackup(file, `says ${table} has ${n} rows but holds ${rows[table] ?? 0}`);
  }
  for (const table of DERIVED_TABLES) delete rows[table];
  return { rows, deferred };
}

/** Second pass: sets the columns loaded as NULL, now that every row they point to exists. */
async function fillDeferred(trx: DbExecutor, file: string, sections: readonly Section[]): Promise<void> {
  if (sections.length === 0) return;
  const byTable = new Map(sections.map((s) => [s.table.name, s]));
  let section: Section | undefined;
  let batch: Record<string, unknown>[] = [];
  const flush = async () => {
    if (!section || batch.length === 0) return;
    const s = section;
    const b = batch;
    batch = [];
    const key = s.table.primaryKey
      .map((k) => s.columns.find((c) => c.name === k))
      .filter((c): c is ColumnInfo => c !== undefined);
    const cols = s.columns.filter((c) => s.deferred.has(c.name));
    await tableStep(s.table.name, () => repo.updateRows(trx, s.table.name, key, cols, b));
  };
  for await (const { lineNo, line } of backupLines(file)) {
    if (line.kind === 'table') {
      await flush();
      section = byTable.get(line.line.table);
    } else if (line.kind === 'row' && section) {
      const keep = new Set([...section.table.primaryKey, ...section.deferred]);
      const record = toRecord(file, lineNo, section, line.values, keep);
      if ([...section.deferred].some((c) => record[c] !== null)) batch.push(record);
      if (batch.length >= BATCH) await flush();
    }
  }
  await flush();
}

/**
 * Restores a backup into this database: refused when it holds organizations unless `force`, in
 * which case everything is replaced. The schema is brought to the backup's version, all rows are
 * loaded in one transaction (all or nothing), then the remaining migrations run and every
 * organization's audit chain is verified.
 */
export async function restoreBackup(
  deps: BackupDeps,
  file: string,
  opts: { force?: boolean; onProgress?: (p: TableProgress) => void } = {},
): Promise<RestoreResult> {
  const { database } = deps;
  const header = await readBackupHeader(file);
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  if (header.schemaVersion > latest) {
    throw invalidBackup(
      file,
      `was made with schema version ${header.schemaVersion}, newer than this Pipewright knows (${latest}): upgrade Pipewright first`,
    );
  }
  const organizations = await repo.organizationNames(database.db);
  if (organizations.length > 0 && !opts.force) {
    throw new AppError(
      'conflict',
      `The database is not empty: it holds the organization(s) ${organizations.map((o) => `"${o}"`).join(', ')}. Restore into an empty database, or pass --force to replace everything in it.`,
    );
  }
  const now = () => deps.clock.now();
  if ((await repo.schemaVersion(database.db)) < header.schemaVersion)
    await migrate(database, now, { upTo: header.schemaVersion });
  const loadedIntoVersion = await repo.schemaVersion(database.db);
  const tables = await repo.readCatalog(database.db);
  const catalog = new Map(tables.map((t) => [t.name, t]));
  const rows = await database.db.transaction().execute(async (trx) => {
    await repo.truncateAll(trx, tables);
    const loaded = await loadRows(trx, file, catalog, opts.onProgress);
    await fillDeferred(trx, file, loaded.deferred);
    for (const t of tables) {
      for (const c of t.columns) if (c.sequence) await repo.resetSequence(trx, t.name, c.name, c.sequence);
    }
    return loaded.rows;
  });
  if (loadedIntoVersion < latest) await migrate(database, now);
  // The projections of the log, as its events derive them (a backup does not carry them).
  await database.db.transaction().execute(async (trx) => {
    for (const org of await allOrganizations(trx)) await rebuildStageProjection(trx, org.id);
  });
  // Every table was just filled in bulk: statistics before the restored data is used.
  await analyzeTables(
    database.db,
    (await repo.readCatalog(database.db)).map((t) => t.name),
  );
  const chains: RestoreResult['chains'] = [];
  for (const org of await allOrganizations(database.db)) {
    chains.push({ organization: org.name, report: await verifyChain(database.db, org.id) });
  }
  return { header, rows, loadedIntoVersion, chains };
}
