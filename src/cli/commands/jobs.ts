import type { Command } from 'commander';
import type { ListJobsOptions } from '../actions/jobs.ts';
import type { Io } from '../io.ts';

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerJobs(program: Command, io: Io): void {
  const jobs = program.command('jobs').description('Background jobs (imports, deliveries): list, retry, cancel');
  jobs
    .command('list')
    .description('List the jobs of an organization, newest first')
    .option('--org <name or id>', 'organization (may be left out when there is only one)')
    .option(
      '--status <status>',
      'only jobs in this status: queued, running, succeeded, failed, canceled (repeatable)',
      collect,
    )
    .option('--kind <kind>', 'only jobs of this kind, e.g. import (repeatable)', collect)
    .option('--limit <n>', 'at most this many (1-200)', '50')
    .option('--json', 'print JSON')
    .action(async (opts: ListJobsOptions) => (await import('../actions/jobs.ts')).listJobsCommand(io, opts));
  jobs
    .command('retry')
    .description(
      'Queue a failed or canceled job again with fresh attempts (an import resumes after its committed rows)',
    )
    .argument('<id>', 'job id')
    .option('--org <name or id>', 'organization (may be left out when there is only one)')
    .action(async (id: string, opts: { org?: string }) =>
      (await import('../actions/jobs.ts')).changeJobCommand(io, 'retry', id, opts),
    );
  jobs
    .command('cancel')
    .description('Cancel a queued or running job (a running one stops at its next commit; what it committed stays)')
    .argument('<id>', 'job id')
    .option('--org <name or id>', 'organization (may be left out when there is only one)')
    .action(async (id: string, opts: { org?: string }) =>
      (await import('../actions/jobs.ts')).changeJobCommand(io, 'cancel', id, opts),
    );
}
