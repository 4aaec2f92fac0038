import fs from 'node:fs';
import { eventExportQuerySchema, type EventExportQuery } from '../../contract/event-export.ts';
import { AppError } from '../../contract/errors.ts';
import type { Deps } from '../../modules/context.ts';
import { pipelineIdOf } from '../../modules/analytics/analytics.service.ts';
import { prepareEventExport } from '../../modules/events/export.service.ts';
import { withDeps } from '../context.ts';
import { parseInput } from '../input.ts';
import type { Io } from '../io.ts';
import { operatorActor } from '../operator.ts';
import { resolveOrganization } from '../organization.ts';
import { writeExport } from '../output-file.ts';
import { progressLine } from '../progress.ts';

export interface EventExportOptions {
  format: string;
  out?: string;
  force?: boolean;
  org?: string;
  pipeline?: string;
  from?: string;
  to?: string;
}

/**
 * `pipewright events export`: as the operator (all deals of the organization). A file is written
 * under a temporary name and renamed when complete, so a failed export leaves no half file.
 */
export async function exportEvents(io: Io, opts: EventExportOptions): Promise<void> {
  checkOptions(opts);
  await withDeps((deps) => runEventExport(io, deps, opts));
}

function checkOptions(opts: EventExportOptions): EventExportQuery {
  if (opts.out && fs.existsSync(opts.out) && !opts.force)
    throw new AppError('conflict', `${opts.out} already exists; pass --force to overwrite it`);
  return parseInput(
    eventExportQuerySchema,
    { format: opts.format, from: opts.from, to: opts.to },
    { format: '--format', from: '--from', to: '--to' },
  );
}

/** The export on open dependencies (the command wraps it in withDeps). */
export async function runEventExport(io: Io, deps: Deps, opts: EventExportOptions): Promise<void> {
  const query = checkOptions(opts);
  const org = await resolveOrganization(deps, opts.org);
  const actor = operatorActor(org.id);
  const pipelineId =
    opts.pipeline === undefined ? undefined : await pipelineIdOf(deps, actor, opts.pipeline, '--pipeline');
  const line = progressLine(io);
  let events = 0;
  const exp = await prepareEventExport(
    deps,
    actor,
    { ...query, pipelineId },
    { onEvents: (n) => line.update(`exported ${(events = n)} events…`) },
  );
  await writeExport(exp.chunks, opts.out);
  line.done();
  if (!opts.out) return;
  io.err(
    `Exported ${events} events of "${org.name}" as ${query.format === 'ocel' ? 'OCEL 2.0 JSON' : 'XES'} to ${opts.out}`,
  );
}
