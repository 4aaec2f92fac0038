import fs from 'node:fs';
import readline from 'node:readline';
import { auditBundleQuery } from '../../contract/audit.ts';
import { AppError } from '../../contract/errors.ts';
import { verifyBundle, type BundleReport } from '../../domain/audit-bundle.ts';
import type { Deps } from '../../modules/context.ts';
import { prepareAuditBundle } from '../../modules/events/audit-bundle.service.ts';
import { withDeps } from '../context.ts';
import { EXIT_FAILURE } from '../errors.ts';
import { parseInput } from '../input.ts';
import type { Io } from '../io.ts';
import { operatorActor } from '../operator.ts';
import { resolveOrganization } from '../organization.ts';
import { writeExport } from '../output-file.ts';

export interface AuditExportOptions {
  from: string;
  to: string;
  out?: string;
  force?: boolean;
  org?: string;
}

function checkOptions(opts: AuditExportOptions) {
  if (opts.out && fs.existsSync(opts.out) && !opts.force)
    throw new AppError('conflict', `${opts.out} already exists; pass --force to overwrite it`);
  return parseInput(auditBundleQuery, { from: opts.from, to: opts.to }, { from: '--from', to: '--to' });
}

/** `pipewright audit export`: the bundle of a period, as the operator. */
export async function exportAuditBundle(io: Io, opts: AuditExportOptions): Promise<void> {
  checkOptions(opts);
  await withDeps((deps) => runAuditExport(io, deps, opts));
}

/** The export on open dependencies (the command wraps it in withDeps). */
export async function runAuditExport(io: Io, deps: Deps, opts: AuditExportOptions): Promise<void> {
  const query = checkOptions(opts);
  const org = await resolveOrganization(deps, opts.org);
  const bundle = await prepareAuditBundle(deps, operatorActor(org.id), query);
  await writeExport(bundle.chunks, opts.out);
  if (opts.out) io.err(`Exported ${bundle.count} events of "${org.name}" with their chain proof to ${opts.out}`);
}

/** Lines describing a bundle's verification. */
export function describeBundleReport(file: string, r: BundleReport): string[] {
  const period = r.from && r.to ? ` (${r.from} to ${r.to})` : '';
  if (r.ok) {
    const anchor = r.anchor ? `, anchored at event ${r.anchor.lastSeq}` : '';
    return [`Audit bundle ${file}${period}: OK, ${r.checked} event(s) verified${anchor}, through event ${r.lastSeq}`];
  }
  const b = r.firstBreak;
  const at = b
    ? `at line ${b.line}${b.seq !== null ? `, event ${b.seq}` : ''}${b.eventId !== null ? ` (id ${b.eventId})` : ''}`
    : '';
  return [
    `Audit bundle ${file}${period}: BROKEN ${at}: ${b?.reason ?? 'unknown reason'}`,
    `  ${r.checked} event(s) verified before the break`,
  ];
}

/** `pipewright audit verify --bundle`: reads the file line by line, no database; exit code 1 if broken. */
export async function verifyAuditBundle(io: Io, opts: { bundle: string }): Promise<void> {
  if (!fs.existsSync(opts.bundle)) throw new AppError('not_found', `No file ${opts.bundle}`);
  const input = fs.createReadStream(opts.bundle, 'utf8');
  const report = await verifyBundle(readline.createInterface({ input, crlfDelay: Infinity }));
  input.destroy();
  for (const l of describeBundleReport(opts.bundle, report)) io.out(l);
  if (!report.ok) io.setExitCode(EXIT_FAILURE);
}
