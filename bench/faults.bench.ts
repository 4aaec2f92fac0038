/**
 * Fault injection on a server-side import of 20,000 deals (the job queue, batches of 1,000 rows):
 *
 * - kill trials: `kill -9` of the server at a random moment of the import, then a server started
 *   again on the same database (on PostgreSQL a new process, which takes the job over once its
 *   heartbeat is older than the stall limit; on the embedded engine the next process on the data
 *   directory, which takes it over at start);
 * - restart trials (PostgreSQL): the database server itself restarted (immediate mode, as after a
 *   crash) at a random moment, on a scratch cluster of the local PostgreSQL so nothing else is hit.
 *
 * The fault hits at a random batch boundary (1,000 to 19,000 rows committed, polled every 50 ms)
 * plus a random 0–400 ms into the next batch.
 *
 * Every trial must end with exactly the file's rows (no duplicate external id, one deal.created
 * event each), the import succeeded and the audit chain verifying. Reported per trial: when the
 * fault hit (rows committed by then), how long until the import finished, the job's attempts.
 *
 * FAULT_TRIALS (default 10) per kind; FAULT_ENGINES (default "postgres,pglite"); FAULT_RESTARTS
 * (default 3) trials of the PostgreSQL restart; FAULT_ROWS (default 20000).
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { promisify } from 'node:util';
import pg from 'pg';
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import {
  apiToken,
  dealsCsv,
  eventually,
  firstStartCredentials,
  freshTarget,
  killAllServers,
  startServer,
  type Server,
  type Target,
} from '../test/helpers/servers.ts';
import { scratchDir, serverUrl, writeResult } from './lib.ts';

// eslint-disable-next-line no-restricted-properties -- bench parameters come from the command environment
const env = process.env;
const TRIALS = Number(env.FAULT_TRIALS ?? 10);
const RESTARTS = Number(env.FAULT_RESTARTS ?? 3);
const ROWS = Number(env.FAULT_ROWS ?? 20_000);
const ENGINES = (env.FAULT_ENGINES ?? 'postgres,pglite').split(',');
const STALL = '5';
const CLUSTER_SCRIPT = fileURLToPath(new URL('../bin/pg-cluster.sh', import.meta.url));
const run = promisify(execFile);
const csv = dealsCsv(ROWS, 'f');

interface Trial {
  engine: string;
  fault: 'kill -9' | 'postgres restart';
  /** The fault hit once this many rows were committed, plus `extraMs` into the next batch. */
  targetRows: number;
  extraMs: number;
  faultAfterMs: number;
  rowsCommittedAtFault: number;
  recoveredInS: number;
  attempts: number;
  ok: boolean;
  problems: string[];
}

async function api(s: () => Server, token: string, method: string, url: string, body?: string) {
  return fetch(`${s().base}${url}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'text/csv' } : {}) },
    ...(body ? { body } : {}),
  });
}

async function pglite(): Promise<Target> {
  const dir = scratchDir('pw-faults-template');
  const database = await openDatabase({ dataDir: dir });
  await migrate(database);
  await database.close();
  return freshTarget({ pgliteTemplate: dir });
}

/** Checks the database after a trial: every row once, one creation event each. */
async function countRows(target: Target): Promise<{ deals: number; distinct: number; created: number }> {
  const q = `select count(*)::int as deals, count(distinct external_id)::int as distinct,
    (select count(*)::int from events e where e.type = 'deal.created' and e.entity_id in (select id from deals where external_id like 'f-%')) as created
    from deals where external_id like 'f-%'`;
  if (target.engine === 'postgres') {
    const c = new pg.Client({ connectionString: target.env.DATABASE_URL });
    await c.connect();
    try {
      return (
        (await c.query<{ deals: number; distinct: number; created: number }>(q)).rows[0] ?? {
          deals: 0,
          distinct: 0,
          created: 0,
        }
      );
    } finally {
      await c.end();
    }
  }
  const database = await openDatabase({ dataDir: target.env.PIPEWRIGHT_DATA_DIR ?? '' });
  try {
    return (
      (await database.query<{ deals: number; distinct: number; created: number }>(q))[0] ?? {
        deals: 0,
        distinct: 0,
        created: 0,
      }
    );
  } finally {
    await database.close();
  }
}

async function trial(
  engine: string,
  fault: Trial['fault'],
  makeTarget: () => Promise<Target>,
  restartDb?: () => Promise<void>,
): Promise<Trial> {
  const target = await makeTarget();
  const problems: string[] = [];
  let current = await startServer(target, { PIPEWRIGHT_JOB_STALL_SECONDS: STALL });
  try {
    const { email, password } = firstStartCredentials(current.output());
    const token = await apiToken(current.base, email, password);
    const up = await api(() => current, token, 'POST', '/api/v1/imports?entity=deals&batchSize=1000', csv);
    const importId = ((await up.json()) as { id: string }).id;
    const t0 = Date.now();
    // A random batch boundary inside the import, then a random moment into the next batch.
    const targetRows = 1000 * (1 + Math.floor(Math.random() * (ROWS / 1000 - 1)));
    const extraMs = Math.round(Math.random() * 400);
    const before = await eventually(
      async () =>
        (await (await api(() => current, token, 'GET', `/api/v1/imports/${importId}`)).json()) as {
          rowsRead: number;
          status: string;
        },
      (j) => j.rowsRead >= targetRows || j.status === 'succeeded' || j.status === 'failed',
      600_000,
      'the import reaching its fault point',
    );
    await new Promise((r) => setTimeout(r, extraMs));
    const wait = Date.now() - t0;
    if (fault === 'kill -9') {
      await current.kill();
      current = await startServer(target, { PIPEWRIGHT_JOB_STALL_SECONDS: STALL });
    } else await restartDb?.();
    const tFault = Date.now();
    const done = await eventually(
      async () =>
        (await (await api(() => current, token, 'GET', `/api/v1/imports/${importId}`)).json()) as {
          status: string;
          summary: { inserted: number } | null;
        },
      (j) => j.status === 'succeeded' || j.status === 'failed',
      600_000,
      'the import finishing',
    );
    const recoveredInS = (Date.now() - tFault) / 1000;
    const jobs = (await (await api(() => current, token, 'GET', '/api/v1/jobs?kind=import')).json()) as {
      items: { attempts: number }[];
    };
    const verify = (await (await api(() => current, token, 'GET', '/api/v1/audit/verify')).json()) as { ok: boolean };
    if (done.status !== 'succeeded') problems.push(`import ${done.status}`);
    if (!verify.ok) problems.push('audit chain broken');
    await current.stop();
    const rows = await countRows(target);
    if (rows.deals !== ROWS || rows.distinct !== ROWS || rows.created !== ROWS)
      problems.push(`rows ${JSON.stringify(rows)}, expected ${ROWS} of each`);
    const t: Trial = {
      engine,
      fault,
      targetRows,
      extraMs,
      faultAfterMs: wait,
      rowsCommittedAtFault: before.status === 'succeeded' ? ROWS : before.rowsRead,
      recoveredInS,
      attempts: jobs.items[0]?.attempts ?? 0,
      ok: problems.length === 0,
      problems,
    };
    process.stdout.write(`${JSON.stringify({ ...t, elapsedS: (Date.now() - t0) / 1000 })}\n`);
    return t;
  } finally {
    await killAllServers();
    await target.cleanup();
  }
}

/** How long an import of the file takes undisturbed, so faults land inside it. */
async function calibrate(makeTarget: () => Promise<Target>): Promise<number> {
  const target = await makeTarget();
  try {
    const s = await startServer(target, { PIPEWRIGHT_JOB_STALL_SECONDS: STALL });
    const { email, password } = firstStartCredentials(s.output());
    const token = await apiToken(s.base, email, password);
    const t0 = Date.now();
    const up = await api(() => s, token, 'POST', '/api/v1/imports?entity=deals&batchSize=1000', csv);
    const id = ((await up.json()) as { id: string }).id;
    await eventually(
      async () =>
        ((await (await api(() => s, token, 'GET', `/api/v1/imports/${id}`)).json()) as { status: string }).status,
      (st) => st === 'succeeded',
      600_000,
      'calibration import',
    );
    return Date.now() - t0;
  } finally {
    await killAllServers();
    await target.cleanup();
  }
}

const trials: Trial[] = [];
const calibration: Record<string, number> = {};
for (const engine of ENGINES) {
  const makeTarget = engine === 'postgres' ? () => freshTarget({ adminUrl: serverUrl() }) : pglite;
  const undisturbed = await calibrate(makeTarget);
  calibration[engine] = undisturbed;
  process.stdout.write(`${engine}: an undisturbed import takes ${undisturbed} ms\n`);
  for (let i = 0; i < TRIALS; i++) trials.push(await trial(engine, 'kill -9', makeTarget));
  if (engine !== 'postgres' || RESTARTS === 0) continue;
  // The database restarted under the import: a scratch cluster, so no other database is touched.
  const name = `pw_faults_${process.pid}`;
  const port = 54_000 + (process.pid % 1000);
  await run(CLUSTER_SCRIPT, ['standalone', name, String(port)]);
  try {
    const url = new URL(serverUrl());
    url.port = String(port);
    for (let i = 0; i < RESTARTS; i++)
      trials.push(
        await trial(
          engine,
          'postgres restart',
          () => freshTarget({ adminUrl: url.toString() }),
          async () => void (await run(CLUSTER_SCRIPT, ['restart', name, 'immediate'])),
        ),
      );
  } finally {
    await run(CLUSTER_SCRIPT, ['down', name]);
  }
}
const failed = trials.filter((t) => !t.ok);
writeResult(`faults-${ENGINES.join('-')}`, {
  rows: ROWS,
  stallSeconds: Number(STALL),
  loadAverage: os.loadavg(),
  calibrationMs: calibration,
  trials,
});
process.stdout.write(`${trials.length - failed.length} passed, ${failed.length} failed\n`);
if (failed.length > 0) process.exitCode = 1;
