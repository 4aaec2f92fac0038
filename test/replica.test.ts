import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { composeFromDatabase } from '../src/compose.ts';
import { openDatabase, type Database } from '../src/db/database.ts';
import { runAnalysisWithLag } from '../src/modules/analytics/analytics.service.ts';
import { findAnalysis } from '../src/modules/analytics/registry.ts';
import type { Deps } from '../src/modules/context.ts';
import { prepareRecordExport } from '../src/modules/export/export.service.ts';
import { createApi, type Api } from './helpers/api.ts';
import { cloneTemplate, type TestDb } from './helpers/db.ts';
import { createTestOrg } from './helpers/factories.ts';
import { createTestPipeline } from './helpers/sales.ts';

/**
 * DATABASE_READ_URL against a real streaming replica: a standby cluster of the local PostgreSQL
 * made with pg_basebackup for this file (bin/pg-cluster.sh) and removed afterwards. Runs whenever
 * the suite runs on PostgreSQL.
 */
const adminUrl = inject('pgAdminUrl');
const SCRIPT = fileURLToPath(new URL('../bin/pg-cluster.sh', import.meta.url));
const run = promisify(execFile);
const SLOW = 180_000;

const cluster = `pw_replica_${randomBytes(4).toString('hex')}`;
let primary: TestDb;
let replica: Database;
let deps: Deps;
let api: Api;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function onReplica(sqlText: string): Promise<unknown> {
  const rows = await replica.query<{ v: unknown }>(sqlText);
  return rows[0]?.v;
}

describe.runIf(adminUrl !== '')('analytics, exports and reports on a streaming replica', () => {
  beforeAll(async () => {
    primary = await cloneTemplate();
    const primaryUrl = new URL(primary.database.connectionString ?? '');
    const port = await freePort();
    await run(SCRIPT, ['replica', cluster, String(port), primaryUrl.port || '5432'], { timeout: SLOW });
    const replicaUrl = new URL(primaryUrl);
    replicaUrl.port = String(port);
    replica = await openDatabase({ databaseUrl: replicaUrl.toString(), dataDir: '', poolSize: 3 });
    deps = await composeFromDatabase(
      primary.database,
      { sessionSecret: 'test-secret-test-secret-test-secret-0123', sessionTtlHours: 24 },
      { migrate: false, readDatabase: replica },
    );
    api = await createApi(deps);
  }, SLOW);
  afterAll(async () => {
    await api?.close();
    await replica?.close();
    await deps?.sealer.flush();
    await primary?.cleanup();
    await run(SCRIPT, ['down', cluster], { timeout: SLOW });
  }, SLOW);

  it(
    'read from the replica with its replay lag: data written since a paused replay is not seen until it resumes',
    async () => {
      expect(await onReplica('select pg_is_in_recovery() as v')).toBe(true);
      const { admin } = await createTestOrg(deps);
      const pipeline = await createTestPipeline(deps, admin);
      const deal = async (name: string) =>
        (await api.as(admin, { method: 'POST', url: '/api/v1/deals', payload: { name, pipelineId: pipeline.id } }))
          .statusCode;
      expect(await deal('Seen')).toBe(201);
      // The standby replays the whole cluster's WAL (every test database cloned meanwhile too), so
      // on a busy server catching up can take a while.
      const caughtUp = async () => {
        for (let i = 0; i < 2400; i++) {
          const n = Number(await onReplica(`select count(*)::int as v from deals where org_id = '${admin.orgId}'`));
          if (n === 1) return;
          await new Promise((r) => setTimeout(r, 50));
        }
        throw new Error('the replica did not catch up');
      };
      await caughtUp();
      const funnel = findAnalysis('funnel');
      if (!funnel) throw new Error('no funnel analysis');
      const first = await runAnalysisWithLag(deps, admin, funnel, {}, funnel.params.parse({}));
      expect(first.replicaLagSeconds).not.toBeNull();

      // Replay paused: the primary moves on, the replica does not.
      await onReplica('select pg_wal_replay_pause() as v');
      try {
        expect(await deal('Not yet replayed')).toBe(201);
        await new Promise((r) => setTimeout(r, 300));
        const res = await api.as(admin, { method: 'GET', url: '/api/v1/analytics/funnel' });
        expect(res.statusCode, res.body).toBe(200);
        expect(Number(res.headers['pipewright-replica-lag'])).toBeGreaterThan(0);
        const exported = await prepareRecordExport(deps, admin, 'deals', { format: 'csv' });
        let csv = '';
        for await (const c of exported.chunks) csv += c.toString();
        expect(csv).toContain('Seen');
        expect(csv).not.toContain('Not yet replayed');
      } finally {
        await onReplica('select pg_wal_replay_resume() as v');
      }
      for (let i = 0; i < 2400; i++) {
        const exported = await prepareRecordExport(deps, admin, 'deals', { format: 'csv' });
        let csv = '';
        for await (const c of exported.chunks) csv += c.toString();
        if (csv.includes('Not yet replayed')) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('the replica did not replay the write after resuming');
    },
    SLOW,
  );
});
