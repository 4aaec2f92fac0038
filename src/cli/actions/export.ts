import fs from 'node:fs';
import { AppError, invalid } from '../../contract/errors.ts';
import { exportEntities, type ExportEntity } from '../../domain/record-export.ts';
import type { Deps } from '../../modules/context.ts';
import { prepareRecordExport } from '../../modules/export/export.service.ts';
import { withDeps } from '../context.ts';
import { attributeOf, filterOptions } from '../export-options.ts';
import { withOptionNames, type OptionNames } from '../input.ts';
import type { Io } from '../io.ts';
import { operatorActor } from '../operator.ts';
import { resolveOrganization } from '../organization.ts';
import { writeExport } from '../output-file.ts';
import { progressLine } from '../progress.ts';

export interface RecordExportOptions {
  format?: string;
  out?: string;
  force?: boolean;
  org?: string;
  /** The filters, under Commander's names for their options (`--amount-min` → amountMin). */
  [filter: string]: string | boolean | undefined;
}

/** The export's query from the options; a filter the entity's list does not take is an error naming the option. */
function queryOf(
  entity: string,
  opts: RecordExportOptions,
): { entity: ExportEntity; query: Record<string, string>; names: OptionNames } {
  if (!(exportEntities as string[]).includes(entity))
    throw invalid([{ field: '<entity>', message: `must be one of ${exportEntities.join(', ')}` }], 'invalid input');
  const e = entity as ExportEntity;
  const query: Record<string, string> = {};
  const names: OptionNames = { format: '--format' };
  const problems = [];
  for (const f of filterOptions()) {
    names[f.field] = f.flag;
    const value = opts[attributeOf(f.flag)];
    if (typeof value !== 'string') continue;
    if (!f.entities.includes(e))
      problems.push({ field: f.flag, message: `is not a filter of ${e} (it filters ${f.entities.join(', ')})` });
    else query[f.field] = value;
  }
  if (problems.length) throw invalid(problems, 'invalid input');
  if (opts.format !== undefined) query.format = opts.format;
  if (opts.out && fs.existsSync(opts.out) && !opts.force)
    throw new AppError('conflict', `${opts.out} already exists; pass --force to overwrite it`);
  return { entity: e, query, names };
}

/**
 * `pipewright export <entity>`: the records of the organization (as the operator: every record) that
 * pass the filters, through the same export as GET /api/v1/<entity>/export. A file is written under
 * a temporary name and renamed when complete, so a failed export leaves no half file.
 */
export async function exportCommand(io: Io, entity: string, opts: RecordExportOptions): Promise<void> {
  queryOf(entity, opts);
  await withDeps((deps) => runRecordExport(io, deps, entity, opts));
}

/** The export on open dependencies (the command wraps it in withDeps). */
export async function runRecordExport(io: Io, deps: Deps, entity: string, opts: RecordExportOptions): Promise<void> {
  const { entity: e, query, names } = queryOf(entity, opts);
  const org = await resolveOrganization(deps, opts.org);
  const line = progressLine(io);
  const started = Date.now();
  let records = 0;
  const onRecords = (n: number) => {
    records = n;
    const seconds = (Date.now() - started) / 1000;
    line.update(`  exported ${n} ${e}, ${seconds > 0 ? Math.round(n / seconds) : 0} per second…`);
  };
  const file = await withOptionNames(names, () =>
    prepareRecordExport(deps, operatorActor(org.id), e, query, { onRecords }),
  );
  await writeExport(file.chunks, opts.out);
  line.done();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  io.err(
    `Exported ${records} ${e} of "${org.name}" as ${file.format === 'csv' ? 'CSV' : 'JSON lines'}${opts.out ? ` to ${opts.out}` : ''} in ${seconds} s`,
  );
}
