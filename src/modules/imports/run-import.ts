import type { Actor } from '../../contract/access.ts';
import type { DbExecutor } from '../../db/database.ts';
import { CsvError, parseCsv, type CsvRecord } from '../../contract/csv.ts';
import { forbidden, invalid } from '../../contract/errors.ts';
import { importableEntities, importFields, type ImportEntity } from '../../contract/import-fields.ts';
import { convertRow, proposeMapping, type ColumnMapping, type Value } from '../../domain/import-rows.ts';
import type { ImportOptions, ImportPreview, ImportSummary } from '../../contract/imports.ts';
import type { Deps } from '../context.ts';
import { importBatch, type BatchOutcome, type BatchRow, type ImportRun, type Reject } from './import-batch.ts';
import { importTouchBatch } from './import-touches.ts';
import { importPartnerBatch, importRegistrationBatch } from './import-channel.ts';
import { loadStaticRefs, ReferenceResolver } from './import-references.ts';
import { orgBaseCurrencyOf } from './import-writes.repository.ts';
import { analyzeTables } from '../../db/analyze.ts';

export interface ImportHooks {
  /** The file's header and how its columns are used, before any row is imported. */
  onMapping?(headers: readonly string[], columns: readonly ColumnMapping[]): void | Promise<void>;
  /** A rejected (or skipped duplicate) row with the reason. */
  onReject?(reject: Reject): void | Promise<void>;
  /** After each batch: rows read so far, bytes read so far and the running summary. */
  onProgress?(rowsRead: number, bytesRead: number, summary: ImportSummary): void | Promise<void>;
  /**
   * Inside each batch's transaction (or a transaction of its own when the batch writes nothing):
   * the rows of the file consumed so far, the summary and the batch's rejected rows, so a job can
   * record its progress atomically with the batch and resume after it.
   */
  commitBatch?(trx: DbExecutor, checkpoint: BatchCheckpoint): Promise<void>;
}

export interface BatchCheckpoint {
  /** Rows of the file (after the header) consumed by this batch and the ones before it. */
  rowsDone: number;
  bytesRead: number;
  summary: ImportSummary;
  rejects: Reject[];
}

export interface ImportControl {
  /** Continue an import whose first `rowsDone` rows were committed, with the summary recorded then. */
  resume?: { rowsDone: number; summary: ImportSummary } | undefined;
  /** Checked before each batch is written: an aborted signal stops the import there, with its reason. */
  signal?: AbortSignal | undefined;
}

/** The summary after a batch: its outcome and rejected rows added, `rows` as consumed through it. */
function afterBatch(
  summary: ImportSummary,
  rowsDone: number,
  out: BatchOutcome | null,
  rejects: readonly Reject[],
): ImportSummary {
  return {
    ...summary,
    rows: rowsDone,
    rejected: summary.rejected + rejects.filter((r) => !r.reason.startsWith('duplicate:')).length,
    inserted: summary.inserted + (out?.inserted ?? 0),
    updated: summary.updated + (out?.updated ?? 0),
    unchanged: summary.unchanged + (out?.unchanged ?? 0),
    duplicates: summary.duplicates + (out?.duplicates ?? 0),
    createdReferences: summary.createdReferences + (out?.created ?? 0),
    generated: (summary.generated ?? 0) + (out?.generated ?? 0),
    pathUnknown: (summary.pathUnknown ?? 0) + (out?.pathUnknown ?? 0),
    noCreationDate: (summary.noCreationDate ?? 0) + (out?.noCreationDate ?? 0),
  };
}

/**
 * How a batch of the entity is written: touches through the marketing service, partners and
 * registrations through the channel services, the rest as records.
 */
function batchWriter(entity: ImportEntity): typeof importBatch {
  if (entity === 'touches') return importTouchBatch;
  if (entity === 'partners') return importPartnerBatch;
  if (entity === 'registrations') return importRegistrationBatch;
  return importBatch;
}

/**
 * Who may import what. Admins import everything. Managers import accounts, contacts, leads, deals
 * and activities for themselves and the people they manage (rows without an owner become theirs);
 * products and users are the organization's reference data and stay with admins.
 */
export function assertMayImport(actor: Actor, entity: ImportEntity): void {
  if (importableEntities(actor.role).includes(entity)) return;
  throw forbidden(actor.role === 'manager' ? `Only admins import ${entity}` : 'Only admins and managers import data');
}

async function* counted(
  source: AsyncIterable<Uint8Array | string>,
  onBytes: (n: number) => void,
): AsyncGenerator<Uint8Array | string> {
  for await (const chunk of source) {
    onBytes(typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength);
    yield chunk;
  }
}

function csvProblem(err: unknown): never {
  if (err instanceof CsvError)
    throw invalid(
      [{ field: `line ${err.line}`, message: err.message.replace(/^line \d+: /, '') }],
      'The file is not valid CSV',
    );
  throw err;
}

async function headerOf(records: AsyncIterator<CsvRecord>): Promise<string[]> {
  const first = await records.next().catch(csvProblem);
  if (first.done)
    throw invalid([{ field: 'file', message: 'is empty: the first line must name the columns' }], 'The file is empty');
  return first.value.fields.map((h) => h.trim());
}

function checkedMapping(opts: ImportOptions, headers: readonly string[]): ColumnMapping[] {
  const mapping = proposeMapping(opts.entity, headers, {
    preset: opts.preset,
    map: opts.map,
    missingEmail: opts.missingEmail,
  });
  if (mapping.problems.length > 0)
    throw invalid(
      mapping.problems.map((message) => ({ field: 'mapping', message })),
      'The columns of the file cannot be imported as they are',
    );
  return mapping.columns;
}

async function newRun(deps: Deps, actor: Actor, opts: ImportOptions): Promise<ImportRun> {
  const refs = await loadStaticRefs(deps.db, actor.orgId);
  return {
    entity: opts.entity,
    resolver: new ReferenceResolver(actor.orgId, refs),
    stageMap: new Map(Object.entries(opts.stageMap ?? {}).map(([from, to]) => [from.toLowerCase(), to])),
    userMap: new Map(Object.entries(opts.userMap ?? {}).map(([from, to]) => [from.toLowerCase(), to])),
    createMissing: opts.createMissing,
    missingEmail: opts.missingEmail,
    onDuplicate: opts.onDuplicate,
    dryRun: opts.dryRun,
    baseCurrency: await orgBaseCurrencyOf(deps.db, actor.orgId),
  };
}

/**
 * Imports a CSV stream: the header names the columns, each later record is one row. Rows are read
 * one batch at a time (memory stays constant whatever the file size), validated, resolved and
 * written batch by batch, each batch in one transaction. Rejected rows go to `onReject` with
 * their reason and do not stop the import; a batch that fails to write stops it (the batches
 * before it stay imported, and a re-run updates them by external id instead of duplicating them).
 */
export async function runImport(
  deps: Deps,
  actor: Actor,
  source: AsyncIterable<Uint8Array | string>,
  opts: ImportOptions,
  hooks: ImportHooks = {},
  control: ImportControl = {},
): Promise<ImportSummary> {
  assertMayImport(actor, opts.entity);
  let bytes = 0;
  const records = parseCsv(
    counted(source, (n) => (bytes += n)),
    opts.delimiter,
  )[Symbol.asyncIterator]();
  const headers = await headerOf(records);
  const columns = checkedMapping(opts, headers);
  await hooks.onMapping?.(headers, columns);
  const run = await newRun(deps, actor, opts);
  let summary: ImportSummary = control.resume
    ? { ...control.resume.summary, rows: control.resume.rowsDone }
    : {
        rows: 0,
        inserted: 0,
        updated: 0,
        unchanged: 0,
        rejected: 0,
        duplicates: 0,
        createdReferences: 0,
        generated: 0,
        pathUnknown: 0,
        noCreationDate: 0,
        dryRun: opts.dryRun,
      };
  let toSkip = control.resume?.rowsDone ?? 0;
  let batch: BatchRow[] = [];
  // Rows refused on reading wait for their batch, so rejects come out in line order.
  let refused: Reject[] = [];
  const flush = async (rows: BatchRow[], early: Reject[], rowsDone: number) => {
    if (control.signal?.aborted) throw control.signal.reason;
    const checkpoint = (trx: DbExecutor, out: BatchOutcome | null, rejects: Reject[]) =>
      hooks.commitBatch?.(trx, {
        rowsDone,
        bytesRead: bytes,
        summary: afterBatch(summary, rowsDone, out, rejects),
        rejects,
      }) ?? Promise.resolve();
    const sorted = (out: BatchOutcome | null) => [...early, ...(out?.rejects ?? [])].sort((a, b) => a.line - b.line);
    let committed = false;
    const out =
      rows.length > 0
        ? await batchWriter(opts.entity)(deps, actor, run, rows, async (trx, o) => {
            committed = true;
            await checkpoint(trx, o, sorted(o));
          })
        : null;
    const rejects = sorted(out);
    // A batch that wrote nothing (all refused, or a dry run) records its progress on its own.
    if (!committed && hooks.commitBatch) await deps.db.transaction().execute((trx) => checkpoint(trx, out, rejects));
    summary = afterBatch(summary, rowsDone, out, rejects);
    for (const r of rejects) await hooks.onReject?.(r);
    if (out) await hooks.onProgress?.(rowsDone, bytes, { ...summary });
  };
  // One batch is written while the next one is read and converted: the database and the parser
  // work at the same time, and at most two batches are in memory. Batches still run one after
  // the other, each seeing what the previous one wrote.
  let writing: Promise<void> = Promise.resolve();
  let rowsRead = summary.rows;
  const startNext = async () => {
    const [rows, early] = [batch, refused];
    batch = [];
    refused = [];
    await writing;
    if (rows.length === 0 && early.length === 0) return;
    writing = flush(rows, early, rowsRead);
    // Awaited before the next batch starts or at the end; not an unhandled rejection meanwhile.
    writing.catch(() => undefined);
  };
  try {
    for (;;) {
      const next = await records.next().catch(csvProblem);
      if (next.done) break;
      // Rows committed by an earlier run of this import are read past, not imported again.
      if (toSkip > 0) {
        toSkip--;
        continue;
      }
      rowsRead++;
      const { line, fields } = next.value;
      const converted = convertRow(opts.entity, columns, fields, opts.dateOrder);
      if (converted.problems.length > 0) refused.push({ line, cells: fields, reason: converted.problems.join('; ') });
      else batch.push({ line, cells: fields, values: converted.values });
      if (batch.length + refused.length >= opts.batchSize) await startNext();
    }
    await startNext();
    await writing;
  } catch (err) {
    // A file that turns out unreadable stops the import once the batch being written is done.
    await writing.catch(() => undefined);
    // The batches committed before the failure stay: the planner learns of them all the same.
    await analyzeFilled(deps, opts, summary).catch(() => undefined);
    throw err;
  }
  summary = { ...summary, rows: rowsRead };
  await analyzeFilled(deps, opts, summary);
  await hooks.onProgress?.(summary.rows, bytes, { ...summary });
  return summary;
}

/** The tables an import of the entity writes to (events and deal history included). */
export function tablesFilledBy(entity: ImportOptions['entity'], createdReferences: boolean): string[] {
  if (entity === 'touches')
    return ['campaign_touches', 'campaign_members', 'events', ...(createdReferences ? ['campaigns'] : [])];
  if (entity === 'partners') return ['partner_profiles', 'events', ...(createdReferences ? ['accounts'] : [])];
  if (entity === 'registrations') return ['deal_registrations', 'channel_conflicts', 'events'];
  return [
    entity,
    'events',
    ...(entity === 'deals' ? ['deal_stage_visits', 'deal_line_items'] : []),
    ...(createdReferences ? ['accounts', 'products'] : []),
  ];
}

/** Statistics of what the import wrote, before it reports done (see analyzeTables). */
async function analyzeFilled(deps: Deps, opts: ImportOptions, summary: ImportSummary): Promise<void> {
  if (opts.dryRun || summary.inserted + summary.updated + summary.createdReferences === 0) return;
  await analyzeTables(deps.db, tablesFilledBy(opts.entity, summary.createdReferences > 0));
}

const show = (v: Value): string =>
  v instanceof Date
    ? v.toISOString()
    : Array.isArray(v)
      ? v.join('; ')
      : typeof v === 'object'
        ? `${v.amount}${v.currency ? ` ${v.currency}` : ''}`
        : String(v);

/**
 * The first rows of a file as the import would take them: the detected header, the proposed
 * mapping and each row's values and problems, reference lookups and duplicate checks included.
 * Writes nothing. Mapping problems are returned rather than thrown, so a mapping screen can show them.
 */
export async function previewImport(
  deps: Deps,
  actor: Actor,
  source: AsyncIterable<Uint8Array | string>,
  opts: ImportOptions,
  limit = 20,
): Promise<ImportPreview> {
  assertMayImport(actor, opts.entity);
  const records = parseCsv(source, opts.delimiter)[Symbol.asyncIterator]();
  const headers = await headerOf(records);
  const mapping = proposeMapping(opts.entity, headers, {
    preset: opts.preset,
    map: opts.map,
    missingEmail: opts.missingEmail,
  });
  const fields = importFields[opts.entity].map((f) => ({
    name: f.name,
    required: f.required ?? false,
    help: f.help ?? null,
  }));
  const base = {
    headers,
    mapping: mapping.columns.map((c) => ({ column: c.header, field: c.field, via: c.via })),
    problems: mapping.problems,
    fields,
  };
  if (mapping.problems.length > 0) return { ...base, rows: [] };
  const run = { ...(await newRun(deps, actor, opts)), dryRun: true };
  const rows: ImportPreview['rows'] = [];
  const batch: BatchRow[] = [];
  while (rows.length + batch.length < limit) {
    const next = await records.next().catch(csvProblem);
    if (next.done) break;
    const { line, fields: cells } = next.value;
    const converted = convertRow(opts.entity, mapping.columns, cells, opts.dateOrder);
    const values = Object.fromEntries([...converted.values].map(([k, v]) => [k, show(v)]));
    if (converted.problems.length > 0) rows.push({ line, values, action: 'reject', problems: converted.problems });
    else batch.push({ line, cells, values: converted.values });
  }
  await records.return?.(undefined);
  const out = await batchWriter(opts.entity)(deps, actor, run, batch);
  for (const b of batch) {
    const values = Object.fromEntries([...b.values].map(([k, v]) => [k, show(v)]));
    const rejected = out.rejects.find((r) => r.line === b.line);
    const action = out.actions.find((a) => a.line === b.line)?.action;
    rows.push({
      line: b.line,
      values,
      action: rejected || !action ? 'reject' : action,
      problems: rejected ? [rejected.reason] : [],
    });
  }
  return { ...base, rows: rows.sort((a, b) => a.line - b.line) };
}
