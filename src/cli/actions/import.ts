import fs from 'node:fs';
import { once } from 'node:events';
import { formatCsvRow } from '../../contract/csv.ts';
import { invalid } from '../../contract/errors.ts';
import { importOptionsSchema, importSummaryNotes, type ImportSummary } from '../../contract/imports.ts';
import { runImport } from '../../modules/imports/run-import.ts';
import { EXIT_FAILURE } from '../errors.ts';
import { withDeps } from '../context.ts';
import { parseInput, withOptionNames, type OptionNames } from '../input.ts';
import type { Io } from '../io.ts';
import { operatorActor } from '../operator.ts';
import { resolveOrganization } from '../organization.ts';
import { progressLine } from '../progress.ts';
import { keepHeapNearLiveSize } from '../bulk-memory.ts';

export interface ImportCommandOptions {
  org?: string;
  map?: string[];
  preset?: string;
  stageMap?: string[];
  userMap?: string[];
  createMissing?: boolean;
  missingEmail?: string;
  onDuplicate: string;
  rejects?: string;
  dryRun?: boolean;
  dateOrder: string;
  delimiter: string;
  batchSize: number;
}

const optionNames: OptionNames = {
  entity: '<entity>',
  preset: '--preset',
  map: '--map',
  stageMap: '--stage-map',
  userMap: '--user-map',
  onDuplicate: '--on-duplicate',
  missingEmail: '--missing-email',
  dateOrder: '--date-order',
  delimiter: '--delimiter',
  batchSize: '--batch-size',
};

/** Rejected rows to a CSV file: the original header plus the line and the reason. */
function rejectsFile(path: string) {
  const out = fs.createWriteStream(path, { encoding: 'utf8' });
  const write = async (line: string) => {
    if (!out.write(`${line}\r\n`)) await once(out, 'drain');
  };
  return {
    header: (headers: readonly string[]) => write(formatCsvRow([...headers, 'import line', 'import error'])),
    row: (cells: readonly string[], line: number, reason: string) =>
      write(formatCsvRow([...cells, String(line), reason])),
    close: () =>
      new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve()))),
  };
}

const SHOWN_REJECTS = 20;

function summaryLines(s: ImportSummary): string[] {
  return [
    `${s.dryRun ? 'Dry run (nothing written): ' : ''}${s.rows} rows read`,
    `  ${s.dryRun ? 'would insert' : 'inserted'}  ${s.inserted}`,
    `  ${s.dryRun ? 'would update' : 'updated'}   ${s.updated}${s.unchanged ? ` (${s.unchanged} already up to date)` : ''}`,
    `  rejected   ${s.rejected}`,
    `  duplicates ${s.duplicates}`,
    ...(s.createdReferences ? [`  created for missing references: ${s.createdReferences}`] : []),
    ...importSummaryNotes(s).map((note) => `  ${note}`),
  ];
}

export async function importCommand(io: Io, entity: string, file: string, opts: ImportCommandOptions): Promise<void> {
  keepHeapNearLiveSize();
  const options = parseInput(
    importOptionsSchema,
    {
      entity,
      preset: opts.preset,
      map: opts.map,
      stageMap: opts.stageMap,
      userMap: opts.userMap,
      createMissing: opts.createMissing ?? false,
      missingEmail: opts.missingEmail,
      onDuplicate: opts.onDuplicate,
      dryRun: opts.dryRun ?? false,
      dateOrder: opts.dateOrder,
      delimiter: opts.delimiter,
      batchSize: opts.batchSize,
    },
    optionNames,
  );
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    throw invalid([{ field: '<file>', message: `cannot read ${file}` }], 'invalid input');
  }
  const rejects = opts.rejects ? rejectsFile(opts.rejects) : null;
  await withDeps(async (deps) => {
    const org = await resolveOrganization(deps, opts.org);
    const line = progressLine(io);
    const started = Date.now();
    let shown = 0;
    const summary = await withOptionNames(optionNames, () =>
      runImport(deps, operatorActor(org.id), fs.createReadStream(file, { highWaterMark: 256 * 1024 }), options, {
        onMapping: async (headers, columns) => {
          io.err(
            `Importing ${options.entity} into "${org.name}"${options.dryRun ? ' (dry run)' : ''}; columns: ${columns.map((c) => `${c.header} → ${c.field ?? '(ignored)'}`).join(', ')}`,
          );
          await rejects?.header(headers);
        },
        onReject: async (r) => {
          if (rejects) await rejects.row(r.cells, r.line, r.reason);
          else if (shown++ < SHOWN_REJECTS) io.err(`  line ${r.line}: ${r.reason}`);
        },
        onProgress: (rows, bytes) => {
          const seconds = (Date.now() - started) / 1000;
          const rate = seconds > 0 ? Math.round(rows / seconds) : 0;
          const eta = bytes > 0 && bytes < size ? Math.round((seconds / bytes) * (size - bytes)) : 0;
          line.update(
            `  ${rows} rows (${size > 0 ? Math.round((bytes / size) * 100) : 100} %), ${rate} rows/s, about ${eta} s left`,
          );
        },
      }),
    ).finally(async () => {
      line.done();
      await rejects?.close();
    });
    if (!rejects && shown > SHOWN_REJECTS)
      io.err(`  … and ${shown - SHOWN_REJECTS} more (write them all with --rejects file.csv)`);
    for (const l of summaryLines(summary)) io.out(l);
    io.out(`  in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (opts.rejects && (summary.rejected > 0 || summary.duplicates > 0))
      io.out(`Rejected and skipped rows with their reasons: ${opts.rejects}`);
    if (summary.rejected > 0) io.setExitCode(EXIT_FAILURE);
  });
}
