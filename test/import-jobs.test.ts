import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/domain/deps.ts';
import { importQuerySchema, type ImportJobDto } from '../src/contract/imports.ts';
import * as repo from '../src/modules/imports/import-jobs.repository.ts';
import {
  getImportJob,
  HEARTBEAT_MS,
  listImportJobs,
  settleImportJobs,
  STALLED_ERROR,
  STALLED_MS,
  startImportJob,
} from '../src/modules/imports/import-jobs.service.ts';
import { createApi, type Api } from './helpers/api.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg } from './helpers/factories.ts';

const clock = new ManualClock('2026-05-04T10:00:00.000Z');
let deps: TestDeps;
let api: Api;

beforeAll(async () => {
  deps = await createTestDeps({ clock });
  api = await createApi(deps);
});
afterAll(async () => {
  await settleImportJobs();
  await api.close();
  await deps.cleanup();
});

/** A job row as a server process leaves it when it stops mid-import: running, last heard of at `heartbeat`. */
async function abandonedJob(orgId: string, userId: string, heartbeat: Date): Promise<string> {
  const id = deps.ids.id();
  await repo.insertJob(deps.db, {
    org_id: orgId,
    id,
    entity: 'accounts',
    options: { entity: 'accounts' },
    file_name: 'accounts.csv',
    file_bytes: 100,
    created_by: userId,
    created_at: heartbeat,
  });
  await repo.updateJob(deps.db, orgId, id, {
    status: 'running',
    started_at: heartbeat,
    heartbeat_at: heartbeat,
    rows_read: 40,
    bytes_read: 50,
  });
  return id;
}

describe('import jobs whose server stopped', () => {
  it('are reported failed once their heartbeat is older than the stall limit, and live ones stay running', async () => {
    const { admin } = await createTestOrg(deps);
    const now = clock.now().getTime();
    const gone = await abandonedJob(admin.orgId, admin.userId, new Date(now - STALLED_MS - 1000));
    const alive = await abandonedJob(admin.orgId, admin.userId, new Date(now - HEARTBEAT_MS));
    const other = await createTestOrg(deps);
    const elsewhere = await abandonedJob(other.admin.orgId, other.admin.userId, new Date(now - STALLED_MS - 1000));

    const job = await getImportJob(deps, admin, gone);
    expect(job).toMatchObject({
      status: 'failed',
      error: STALLED_ERROR,
      rowsRead: 40,
      finishedAt: clock.now().toISOString(),
    });
    expect((await getImportJob(deps, admin, alive)).status).toBe('running');
    const listed = await listImportJobs(deps, admin);
    expect(listed.map((j) => [j.id, j.status]).sort()).toEqual(
      [
        [alive, 'running'],
        [gone, 'failed'],
      ].sort(),
    );
    // Another organization's jobs are its own business: failed when one of its own readers looks.
    expect((await repo.getJob(deps.db, other.admin.orgId, elsewhere))?.status).toBe('running');
    expect((await getImportJob(deps, other.admin, elsewhere)).status).toBe('failed');
  });

  it('does not touch a job that finished, and a job run now keeps its heartbeat and succeeds', async () => {
    const { admin } = await createTestOrg(deps);
    const started = await startImportJob(
      deps,
      admin,
      Readable.from(['externalId,name\r\n', 'a-1,Acme\r\n']),
      importQuerySchema.parse({ entity: 'accounts', fileName: 'a.csv' }),
    );
    await settleImportJobs();
    clock.advance(STALLED_MS * 3);
    const done = await getImportJob(deps, admin, started.id);
    expect(done).toMatchObject({ status: 'succeeded', error: null });
    const row = await repo.getJob(deps.db, admin.orgId, started.id);
    expect(row?.heartbeat_at).toBeInstanceOf(Date);
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
    await settleImportJobs();
    const jobs = await listImportJobs(deps, admin);
    expect(jobs.map((j) => j.id)).toEqual([firstJob.id]);
    const accounts = await deps.db
      .selectFrom('accounts')
      .select('external_id')
      .where('org_id', '=', admin.orgId)
      .orderBy('external_id')
      .execute();
    expect(accounts.map((a) => a.external_id)).toEqual(['k-1', 'k-2']);
  });
});
