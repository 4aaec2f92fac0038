import { z } from 'zod';
import { idSchema } from '../../contract/common.ts';
import { jobListQuerySchema, type JobDto } from '../../contract/jobs.ts';
import { cancelJob, listJobs, retryJob } from '../../modules/jobs/jobs.service.ts';
import { withDeps } from '../context.ts';
import { parseInput, withOptionNames, type OptionNames } from '../input.ts';
import type { Io } from '../io.ts';
import { operatorActor } from '../operator.ts';
import { resolveOrganization } from '../organization.ts';
import { formatTable } from '../table.ts';

export interface ListJobsOptions {
  org?: string;
  status?: string[];
  kind?: string[];
  limit: string;
  json?: boolean;
}

const optionNames: OptionNames = { status: '--status', kind: '--kind', limit: '--limit', id: '<id>' };

const when = (iso: string | null) => (iso ? iso.replace('T', ' ').slice(0, 19) : '');

function describe(j: JobDto): string[] {
  const what = typeof j.payload.importId === 'string' ? `import ${j.payload.importId}` : j.kind;
  return [
    j.id,
    what,
    j.status,
    `${j.attempts}/${j.maxAttempts}`,
    when(j.createdAt),
    j.status === 'running' ? (j.runningOn ?? '') : when(j.finishedAt ?? (j.status === 'queued' ? j.runAt : null)),
    j.lastError ?? '',
  ];
}

export async function listJobsCommand(io: Io, opts: ListJobsOptions): Promise<void> {
  const query = parseInput(
    jobListQuerySchema,
    { status: opts.status, kind: opts.kind, limit: opts.limit },
    optionNames,
  );
  await withDeps(async (deps) => {
    const org = await resolveOrganization(deps, opts.org);
    const page = await withOptionNames(optionNames, () => listJobs(deps, operatorActor(org.id), query));
    if (opts.json) {
      io.out(JSON.stringify(page.items, null, 2));
      return;
    }
    if (page.items.length === 0) {
      io.out('No jobs.');
      return;
    }
    for (const l of formatTable(
      ['id', 'what', 'status', 'attempts', 'created', 'finished / due / on', 'last error'],
      page.items.map(describe),
    ))
      io.out(l);
  });
}

export async function changeJobCommand(
  io: Io,
  action: 'retry' | 'cancel',
  id: string,
  opts: { org?: string },
): Promise<void> {
  const { id: jobId } = parseInput(z.object({ id: idSchema }), { id }, optionNames);
  await withDeps(async (deps) => {
    const org = await resolveOrganization(deps, opts.org);
    const actor = operatorActor(org.id);
    const job = action === 'retry' ? await retryJob(deps, actor, jobId) : await cancelJob(deps, actor, jobId);
    io.out(
      `Job ${job.id} (${job.kind}) is ${job.status}${action === 'retry' ? '; it runs on a server of this database' : ''}.`,
    );
  });
}
