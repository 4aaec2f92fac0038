import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importQuerySchema, type ImportJobDto } from '../src/contract/imports.ts';
import { verifyChain } from '../src/modules/events/chain.ts';
import { transaction } from '../src/db/database.ts';
import * as repo from '../src/modules/imports/import-jobs.repository.ts';
import {
  getImportJob,
  importGaveUp,
  listImportJobs,
  runImportJob,
  startImportJob,
} from '../src/modules/imports/import-jobs.service.ts';
import * as jobsRepo from '../src/modules/jobs/jobs.repository.ts';
import { JobClaimLost, type JobContext } from '../src/modules/jobs/queue.ts';
import { jobHandlers } from '../src/compose.ts';
import { createApi, type Api } from './helpers/api.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg } from './helpers/factories.ts';
import { settleJobs } from './helpers/jobs.ts';

let deps: TestDeps;
let api: Api;

beforeAll(async () => {
  // The runner starts in the tests that want it; a short stall limit so a takeover comes quickly.
  deps = await createTestDeps({ jobStallSeconds: 2 });
  api = await createApi(deps);
});
afterAll(async () => {
  await api.close();
  await deps.cleanup();
});

const accountsCsv = (n: number, from = 1) =>
  [
    'externalId,name,employees',
    ...Array.from({ length: n }, (_, i) => `x-${from + i},Company ${from + i},${i % 5 === 4 ? 'many' : 10 + i}`),
  ].join('\r\n');

/**
 * A run of an import job that dies after committing `batches` batches: the process is gone
 * without a word (its claim stays, its heartbeat stops), as after kill -9.
 */
async function runThenDie(orgId: string, jobId: string, batches: number): Promise<void> {
  const c = { claim: 'claim-of-a-dead-server', claimedBy: 'dead-server:1', now: deps.clock.now() };
  const job = await jobsRepo.claimJob(deps.db, orgId, jobId, c);
  if (!job) throw new Error('the job was not queued');
  let fenced = 0;
  const ctx: JobContext = {
    job,
    signal: new AbortController().signal,
    fence: async (trx) => {
      if (++fenced > batches + 1) throw new Error('the server died here');
      if (!(await jobsRepo.heartbeat(trx, orgId, jobId, c.claim, deps.clock.now()))) throw new JobClaimLost();
    },
  };
  await expect(runImportJob(deps, ctx)).rejects.toThrow('the server died here');
}

describe('an import job', () => {
  it('that failed for good outside the import (its runs kept dying) shows the import failed with the reason', async () => {
    const { admin } = await createTestOrg(deps);
    const started = await startImportJob(
      deps,
      admin,
      Readable.from([accountsCsv(3)]),
      importQuerySchema.parse({ entity: 'accounts' }),
    );
    const [job] = await jobsRepo.listJobs(deps.db, admin.orgId, { limit: 1 });
    await jobsRepo.cancel(deps.db, admin.orgId, job!.id, deps.clock.now());
    await transaction(deps.db, (trx) =>
      importGaveUp(
        trx,
        { ...job!, status: 'failed', last_error: 'its run stopped: no heartbeat since …' },
        deps.clock.now(),
      ),
    );
    const failed = await getImportJob(deps, admin, started.id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toBe("The import's background job failed: its run stopped: no heartbeat since …");
  });

  it('whose server dies mid-import is taken over after the stall limit and resumes after its last committed batch', async () => {
    const { admin } = await createTestOrg(deps);
    const started = await startImportJob(
      deps,
      admin,
      Readable.from([accountsCsv(23)]),
      importQuerySchema.parse({ entity: 'accounts', fileName: 'a.csv', batchSize: '5', onDuplicate: 'new' }),
    );
    const [job] = await jobsRepo.listJobs(deps.db, admin.orgId, { limit: 10 });
    expect(job).toMatchObject({ kind: 'import', status: 'queued', payload: { importId: started.id } });
    // Two batches (lines 2-11) commit, then the server dies while writing the third.
    await runThenDie(admin.orgId, job!.id, 2);
    const midway = await repo.getJob(deps.db, admin.orgId, started.id);
    expect(midway).toMatchObject({ status: 'running', rows_done: 10 });
    expect((await jobsRepo.getJob(deps.db, admin.orgId, job!.id))?.status).toBe('running');

    const t0 = Date.now();
    await deps.jobs.start(jobHandlers(deps));
    await settleJobs(deps);
    // On a server, taken over once its heartbeat is older than the stall limit (2 s); the embedded
    // engine serves one process, so a job left running there is taken over as the runner starts.
    if (deps.database.engine === 'postgres') expect(Date.now() - t0).toBeGreaterThanOrEqual(1500);
    const done = await getImportJob(deps, admin, started.id);
    expect(done).toMatchObject({
      status: 'succeeded',
      rowsRead: 23,
      // Every fifth row has "many" employees: rejected once, whichever run read it.
      summary: { rows: 23, inserted: 19, rejected: 4, updated: 0 },
    });
    const accounts = await deps.db
      .selectFrom('accounts')
      .select(['external_id'])
      .where('org_id', '=', admin.orgId)
      .execute();
    expect(accounts).toHaveLength(19);
    expect(new Set(accounts.map((a) => a.external_id)).size).toBe(19);
    const created = await deps.db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', admin.orgId)
      .where('type', '=', 'account.created')
      .executeTakeFirstOrThrow();
    expect(Number(created.n)).toBe(19);
    const rejects = await repo.rejectsPage(deps.db, admin.orgId, started.id, 0, 100);
    expect(rejects.map((r) => r.line)).toEqual([6, 11, 16, 21]);
    expect((await verifyChain(deps.db, admin.orgId)).ok).toBe(true);
    const finished = await jobsRepo.getJob(deps.db, admin.orgId, job!.id);
    expect(finished).toMatchObject({ status: 'succeeded', attempts: 2 });
    expect(finished?.last_error).toMatch(/stopped/);
    // The upload is dropped once the import is done.
    expect(
      await deps.db.selectFrom('import_uploads').select('chunk_no').where('job_id', '=', started.id).execute(),
    ).toEqual([]);
  });

  it('runs with the column and stage mappings it was started with', async () => {
    const { admin } = await createTestOrg(deps);
    const started = await startImportJob(
      deps,
      admin,
      Readable.from(['Legacy key,Company\r\nk-1,Mapped One\r\nk-2,Mapped Two\r\n']),
      importQuerySchema.parse({ entity: 'accounts', map: ['Legacy key=externalId', 'Company=name'] }),
    );
    await settleJobs(deps);
    const done = await getImportJob(deps, admin, started.id);
    expect(done).toMatchObject({ status: 'succeeded', summary: { inserted: 2, rejected: 0 } });
    const names = await deps.db
      .selectFrom('accounts')
      .select(['external_id', 'name'])
      .where('org_id', '=', admin.orgId)
      .orderBy('external_id')
      .execute();
    expect(names).toEqual([
      { external_id: 'k-1', name: 'Mapped One' },
      { external_id: 'k-2', name: 'Mapped Two' },
    ]);
  });

  it('with a file that is not CSV fails at once, keeping its upload for a retry', async () => {
    const { admin } = await createTestOrg(deps);
    const started = await startImportJob(
      deps,
      admin,
      Readable.from(['externalId,name\r\n"unclosed,Acme\r\n']),
      importQuerySchema.parse({ entity: 'accounts' }),
    );
    await settleJobs(deps);
    const failed = await getImportJob(deps, admin, started.id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/not valid CSV/);
    const [job] = await jobsRepo.listJobs(deps.db, admin.orgId, { limit: 1 });
    expect(job).toMatchObject({ status: 'failed', attempts: 1 });
    expect(job?.last_error).toMatch(/not valid CSV/);
  });
});

describe('the job runners’ maintenance', () => {
  it('seals events a server committed but died before sealing', async () => {
    await deps.jobs.start(jobHandlers(deps));
    const { admin } = await createTestOrg(deps);
    await deps.sealer.flush();
    // Committed without asking the sealer, as by a server killed right after its commit.
    const [id] = await transaction(deps.db, (trx) =>
      deps.eventLog.append(trx, admin, [
        { entityType: 'user', entityId: admin.userId, type: 'user.updated', data: { changes: {} } },
      ]),
    );
    const sealed = async () =>
      (await deps.db.selectFrom('events').select('seq').where('id', '=', id!).executeTakeFirstOrThrow()).seq;
    expect(await sealed()).toBeNull();
    for (let i = 0; i < 200 && (await sealed()) === null; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await sealed()).not.toBeNull();
    expect((await verifyChain(deps.db, admin.orgId)).ok).toBe(true);
  });
});

describe('an upload retried with the same Idempotency-Key', () => {
  it('starts one job: the retry answers with the first job, another file under the same key is refused', async () => {
    const { admin } = await createTestOrg(deps);
    // Over a real connection: the upload reaches the server as a stream, as in production.
    const base = await api.app.listen({ port: 0, host: '127.0.0.1' });
    const token = await api.tokenFor(admin);
    const upload = (key: string, body: string) =>
      fetch(`${base}/api/v1/imports?entity=accounts&fileName=a.csv`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', 'idempotency-key': key, authorization: `Bearer ${token}` },
        body,
      });
    const file = 'externalId,name\r\nk-1,Kite Ltd\r\nk-2,Kestrel plc\r\n';
    const first = await upload('upload-1', file);
    expect(first.status).toBe(202);
    const firstJob = (await first.json()) as ImportJobDto;
    const retry = await upload('upload-1', file);
    expect(retry.status).toBe(202);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(((await retry.json()) as ImportJobDto).id).toBe(firstJob.id);
    const changed = await upload('upload-1', `${file}k-3,Kingfisher\r\n`);
    expect(changed.status).toBe(409);
    await settleJobs(deps);
    const jobs = await listImportJobs(deps, admin);
    expect(jobs.map((j) => j.id)).toEqual([firstJob.id]);
    const accounts = await deps.db
      .selectFrom('accounts')
      .select('external_id')
      .where('org_id', '=', admin.orgId)
      .orderBy('external_id')
      .execute();
    expect(accounts.map((a) => a.external_id)).toEqual(['k-1', 'k-2']);
    // The 409 left no upload behind.
    const stored = await deps.db
      .selectFrom('import_uploads')
      .select('job_id')
      .where('org_id', '=', admin.orgId)
      .execute();
    expect(stored).toEqual([]);
  });
});
