import { canManageJobs, type Actor } from '../../contract/access.ts';
import { AppError, forbidden, notFound } from '../../contract/errors.ts';
import type { JobDto, JobListQuery } from '../../contract/jobs.ts';
import type { Page } from '../../contract/common.ts';
import { transaction, type DbExecutor } from '../../db/database.ts';
import { encodeCursor } from '../../db/list.ts';
import type { Deps } from '../context.ts';
import { importCanceled, importRetried } from '../imports/import-jobs.service.ts';
import * as repo from './jobs.repository.ts';

export function toJobDto(r: repo.JobRow): JobDto {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status as JobDto['status'],
    payload: r.payload,
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
    runAt: r.run_at.toISOString(),
    runningOn: r.status === 'running' ? r.claimed_by : null,
    heartbeatAt: r.heartbeat_at?.toISOString() ?? null,
    lastError: r.last_error,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
    startedAt: r.started_at?.toISOString() ?? null,
    finishedAt: r.finished_at?.toISOString() ?? null,
  };
}

function assertMayManage(actor: Actor): void {
  if (!canManageJobs(actor)) throw forbidden('Only admins see and manage background jobs');
}

/** The organization's jobs, newest first. */
export async function listJobs(deps: Deps, actor: Actor, q: JobListQuery): Promise<Page<JobDto>> {
  assertMayManage(actor);
  const rows = await repo.listJobs(deps.db, actor.orgId, q);
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toJobDto),
    nextCursor: rows.length > q.limit && last ? encodeCursor(last.created_at, last.id) : null,
  };
}

export async function getJob(deps: Deps, actor: Actor, id: string): Promise<JobDto> {
  assertMayManage(actor);
  const row = await repo.getJob(deps.db, actor.orgId, id);
  if (!row) throw notFound('job', id);
  return toJobDto(row);
}

/** What a kind of job needs done beside its own row when it is retried or canceled. */
async function sideEffect(deps: Deps, trx: DbExecutor, job: repo.JobRow, what: 'retry' | 'cancel'): Promise<void> {
  const importId = job.payload.importId;
  if (job.kind !== 'import' || typeof importId !== 'string') return;
  if (what === 'retry') await importRetried(trx, job.org_id, importId);
  else await importCanceled(deps, trx, job.org_id, importId);
}

/** Queues a failed or canceled job again with fresh attempts (an import resumes after its committed rows). */
export async function retryJob(deps: Deps, actor: Actor, id: string): Promise<JobDto> {
  assertMayManage(actor);
  return transaction(deps.db, async (trx) => {
    const current = await repo.getJob(trx, actor.orgId, id);
    if (!current) throw notFound('job', id);
    if (current.status !== 'failed' && current.status !== 'canceled')
      throw new AppError('conflict', `The job is ${current.status}: only a failed or canceled job can be retried`, {
        details: { status: current.status },
      });
    const row = await repo.requeue(trx, actor.orgId, id, deps.clock.now()).catch((err: unknown) => {
      if ((err as { code?: unknown }).code === '23505')
        throw new AppError('conflict', 'The same work is already queued as another job');
      throw err;
    });
    if (!row) throw new AppError('conflict', 'The job changed meanwhile; look at it again');
    await sideEffect(deps, trx, row, 'retry');
    await deps.jobs.deliver(trx, [row]);
    return toJobDto(row);
  });
}

/** Cancels a queued or running job; a running one stops at its next commit (what it committed stays). */
export async function cancelJob(deps: Deps, actor: Actor, id: string): Promise<JobDto> {
  assertMayManage(actor);
  return transaction(deps.db, async (trx) => {
    const current = await repo.getJob(trx, actor.orgId, id);
    if (!current) throw notFound('job', id);
    const row = await repo.cancel(trx, actor.orgId, id, deps.clock.now());
    if (!row)
      throw new AppError('conflict', `The job is ${current.status}: only a queued or running job can be canceled`, {
        details: { status: current.status },
      });
    await sideEffect(deps, trx, row, 'cancel');
    return toJobDto(row);
  });
}
