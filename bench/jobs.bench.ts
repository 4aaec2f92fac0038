/**
 * The job queue: enqueue-to-start latency (p50, p99) and jobs per second, with one and with three
 * runner processes on one PostgreSQL database (graphile-worker delivering), and the in-process
 * runner of the embedded engine for comparison. Latency = the job's start as its runner recorded
 * it minus its enqueue; jobs are enqueued one per transaction at a steady rate (as requests would),
 * throughput is a burst of jobs enqueued at once, timed until the last one has succeeded.
 *
 * JOBS_BENCH_LATENCY_JOBS (default 500) at JOBS_BENCH_RATE per second (default 100);
 * JOBS_BENCH_BURST (default 2000); JOBS_BENCH_CONCURRENCY per runner (default 4).
 */
import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { composeFromDatabase, shutdown } from '../src/compose.ts';
import { openDatabase, transaction, type Database } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { setUpOrganization } from '../src/modules/organizations/set-up-organization.ts';
import type { Deps } from '../src/modules/context.ts';
import { percentile, scratchDatabase, scratchDir, writeResult } from './lib.ts';

// Bench parameters come from the command environment, like the sizes of the other benchmarks.
// eslint-disable-next-line no-restricted-properties
const env = process.env;
const LATENCY_JOBS = Number(env.JOBS_BENCH_LATENCY_JOBS ?? 500);
const RATE = Number(env.JOBS_BENCH_RATE ?? 100);
const BURST = Number(env.JOBS_BENCH_BURST ?? 2000);
const CONCURRENCY = Number(env.JOBS_BENCH_CONCURRENCY ?? 4);
const WORKER = fileURLToPath(new URL('./jobs-worker.ts', import.meta.url));

function startRunner(where: string): Promise<ChildProcess> {
  const child = fork(WORKER, [where, String(CONCURRENCY)], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`runner exited with ${String(code)}`)));
  });
}

function stopRunner(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.send('stop');
  });
}

async function waitAllDone(db: Deps['db'], kind: string, n: number): Promise<void> {
  for (;;) {
    const r = await sql<{
      n: number;
    }>`select count(*)::int as n from jobs where kind = ${kind} and status = 'succeeded'`.execute(db);
    if ((r.rows[0]?.n ?? 0) >= n) return;
    await new Promise((res) => setTimeout(res, 20));
  }
}

async function measure(deps: Deps, orgId: string, label: string) {
  // Latency: one job per transaction at a steady rate.
  const kind = 'bench.noop';
  await sql`delete from jobs`.execute(deps.db);
  const gap = 1000 / RATE;
  const t0 = Date.now();
  for (let i = 0; i < LATENCY_JOBS; i++) {
    await transaction(deps.db, (trx) => deps.jobs.enqueue(trx, { orgId, kind, payload: { i } }));
    const next = t0 + (i + 1) * gap;
    const wait = next - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
  await waitAllDone(deps.db, kind, LATENCY_JOBS);
  const lat = await sql<{
    ms: number;
  }>`select extract(epoch from started_at - created_at)::float8 * 1000 as ms from jobs where kind = ${kind}`.execute(
    deps.db,
  );
  const ms = lat.rows.map((r) => r.ms).sort((a, b) => a - b);
  // Throughput: a burst enqueued at once (100 per transaction), until the last one succeeded.
  await sql`delete from jobs`.execute(deps.db);
  const b0 = Date.now();
  for (let i = 0; i < BURST; i += 100)
    await transaction(deps.db, async (trx) => {
      for (let j = i; j < Math.min(BURST, i + 100); j++) await deps.jobs.enqueue(trx, { orgId, kind, payload: { j } });
    });
  await waitAllDone(deps.db, kind, BURST);
  const seconds = (Date.now() - b0) / 1000;
  const result = {
    label,
    latencyMs: {
      p50: percentile(ms, 50),
      p90: percentile(ms, 90),
      p99: percentile(ms, 99),
      max: ms[ms.length - 1] ?? 0,
    },
    jobsPerSecond: Math.round(BURST / seconds),
    burst: BURST,
    burstSeconds: seconds,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  return result;
}

async function prepared(database: Database): Promise<{ deps: Deps; orgId: string }> {
  await migrate(database);
  const deps = await composeFromDatabase(
    database,
    { sessionSecret: 'bench-secret-bench-secret-bench-secret-01', sessionTtlHours: 1 },
    { migrate: false },
  );
  const { organization } = await setUpOrganization(deps, {
    organization: { name: 'Jobs bench', baseCurrency: 'USD', timezone: 'UTC', fiscalYearStartMonth: 1 },
    admin: { email: 'admin@jobs.bench', name: 'Admin', password: 'bench-password-1' },
  });
  return { deps, orgId: organization.id };
}

const results: Record<string, unknown>[] = [];
const loadAtStart = os.loadavg();
{
  const scratch = await scratchDatabase('pw_jobs_bench');
  const database = await openDatabase({ databaseUrl: scratch.url, dataDir: '' });
  const { deps, orgId } = await prepared(database);
  try {
    for (const servers of [1, 3]) {
      const runners = await Promise.all(Array.from({ length: servers }, () => startRunner(scratch.url)));
      results.push({
        engine: 'postgres',
        servers,
        ...(await measure(deps, orgId, `PostgreSQL, ${servers} server(s)`)),
      });
      await Promise.all(runners.map(stopRunner));
    }
  } finally {
    await shutdown(deps);
    await scratch.drop();
  }
}
{
  // The embedded engine: one process, the in-process runner beside the enqueuer.
  const dir = scratchDir('pw-jobs-bench');
  const database = await openDatabase({ dataDir: dir });
  const { deps, orgId } = await prepared(database);
  await deps.jobs.start({ 'bench.noop': () => Promise.resolve() });
  try {
    results.push({ engine: 'pglite', servers: 1, ...(await measure(deps, orgId, 'PGlite, in process')) });
  } finally {
    await shutdown(deps);
  }
}
writeResult('jobs', {
  loadAverage: { start: loadAtStart, end: os.loadavg() },
  latencyJobs: LATENCY_JOBS,
  rate: RATE,
  concurrency: CONCURRENCY,
  results,
});
