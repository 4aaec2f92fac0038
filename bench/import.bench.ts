/**
 * CSV import throughput: `pipewright import deals` of a generated deals file against `psql \copy`
 * of the same file into a bare table (the baseline: the fastest way PostgreSQL loads a CSV), in
 * the same run on the same server. Pipewright does what \copy does not: parses and validates every
 * row, resolves account and owner names, upserts by external id, writes the deal rows with their
 * indexes, the events of the history (created, stage change, won/lost) and the stage visits, and
 * seals the event chain. Reported: rows/s of both and the ratio, peak RSS of the import process
 * (VmHWM), the CPU seconds of the import process and of its PostgreSQL backends (which, unlike
 * wall time, do not depend on what else the machine runs), the load average, and the embedded
 * engine's figure (smaller file; PGlite is single-session WebAssembly).
 *
 * IMPORT_BENCH_ROWS (default 1,000,000) and IMPORT_BENCH_PGLITE_ROWS (default 100,000) set the sizes.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import os from 'node:os';
import pg from 'pg';
import { composeFromDatabase, shutdown } from '../src/compose.ts';
import { openDatabase } from '../src/db/database.ts';
import { importOptionsSchema } from '../src/contract/imports.ts';
import { runImport } from '../src/modules/imports/run-import.ts';
import { setUpOrganization } from '../src/modules/organizations/set-up-organization.ts';
import { createUser } from '../src/modules/users/users.service.ts';
import { actorForUser } from '../src/modules/auth/auth.service.ts';
import { scratchDatabase, scratchDir, writeResult } from './lib.ts';

// Bench parameters come from the command environment, like the sizes of the other benchmarks.
// eslint-disable-next-line no-restricted-properties
const env = process.env;
const ROWS = Number(env.IMPORT_BENCH_ROWS ?? 1_000_000);
const PGLITE_ROWS = Number(env.IMPORT_BENCH_PGLITE_ROWS ?? 100_000);
const ACCOUNTS = 2000;
const OWNERS = 25;
const ROOT = path.resolve(import.meta.dirname, '..');

/** A deterministic deals file: half open, 30 % won, 20 % lost, dates over two years. */
function writeDealsCsv(file: string, rows: number): number {
  const fd = fs.openSync(file, 'w');
  const stages = ['Qualify', 'Discovery', 'Proposal', 'Negotiation'];
  let buf = 'External ID,Deal Name,Account,Owner,Stage,Amount,Currency,Created,Closed\n';
  const day = 86_400_000;
  const start = Date.UTC(2024, 0, 1);
  for (let i = 0; i < rows; i++) {
    const r = (i * 2654435761) % 1000;
    const created = new Date(start + ((i * 7919) % 600) * day);
    const status = r < 300 ? 'Won' : r < 500 ? 'Lost' : (stages[r % 4] ?? 'Qualify');
    const closed = r < 500 ? new Date(created.getTime() + (5 + (r % 90)) * day).toISOString().slice(0, 10) : '';
    buf += `ext-${i},"Deal ${i}, ${status}",Account ${i % ACCOUNTS},owner${i % OWNERS}@bench.example,${status},${(1000 + ((i * 37) % 90000)).toFixed(2)},USD,${created.toISOString().slice(0, 10)},${closed}\n`;
    if (buf.length > 1 << 20) {
      fs.writeSync(fd, buf);
      buf = '';
    }
  }
  fs.writeSync(fd, buf);
  fs.closeSync(fd);
  return fs.statSync(file).size;
}

/** Organization, owners and accounts the deals refer to, created through the services. */
async function prepare(databaseUrl: string | undefined, dataDir: string): Promise<void> {
  const database = await openDatabase({ databaseUrl, dataDir });
  const deps = await composeFromDatabase(database, {
    sessionSecret: 'bench-secret-bench-secret-bench-secret-0',
    sessionTtlHours: 1,
  });
  const { organization, admin } = await setUpOrganization(deps, {
    organization: { name: 'Import bench' },
    admin: { email: 'admin@bench.example', name: 'Admin', password: 'benchmark-password' },
  });
  const actor = await actorForUser(deps, organization.id, admin.id);
  for (let i = 0; i < OWNERS; i++)
    await createUser(deps, actor, { email: `owner${i}@bench.example`, name: `Owner ${i}`, role: 'rep' });
  const accounts = ['External ID,Name', ...Array.from({ length: ACCOUNTS }, (_, i) => `acc-${i},Account ${i}`)].join(
    '\n',
  );
  await runImport(
    deps,
    actor,
    Readable.from([accounts]),
    importOptionsSchema.parse({ entity: 'accounts', onDuplicate: 'new' }),
  );
  await shutdown(deps);
}

/** CPU seconds (user + system) a process has used so far, from /proc. */
function cpuSecondsOf(pid: number): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/**
 * Runs a command, sampling its peak resident memory (VmHWM) and CPU time until it exits; with
 * `databaseUrl`, also the CPU time of the server processes serving that database (sampled, so
 * the last ~100 ms of each may be missed).
 */
function run(
  cmd: string,
  args: string[],
  extraEnv: Record<string, string>,
  databaseUrl?: string,
): Promise<{ ms: number; peakRssMiB: number; stdout: string; cpuSeconds: number; serverCpuSeconds: number | null }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd, args, { cwd: ROOT, env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    let peak = 0;
    let cpu = 0;
    const server = new Map<number, number>();
    const monitor = databaseUrl ? new pg.Client({ connectionString: databaseUrl }) : null;
    const monitoring = monitor?.connect().catch(() => undefined);
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const sample = async () => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid ?? 0}/status`, 'utf8'));
        if (m) peak = Math.max(peak, Number(m[1]) / 1024);
        cpu = cpuSecondsOf(child.pid ?? 0) ?? cpu;
      } catch {
        // the process has just exited
      }
      if (!monitor) return;
      await monitoring;
      const r = await monitor
        .query<{ pid: number }>(
          'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
        )
        .catch(() => ({ rows: [] }));
      for (const { pid } of r.rows) {
        const s = cpuSecondsOf(pid);
        if (s !== null) server.set(pid, s);
      }
    };
    const timer = setInterval(() => void sample(), 100);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      void monitor?.end().catch(() => undefined);
      const serverCpuSeconds = monitor ? Math.round([...server.values()].reduce((a, b) => a + b, 0) * 10) / 10 : null;
      if (code !== 0) reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}\n${stdout}`));
      else
        resolve({
          ms: performance.now() - started,
          peakRssMiB: Math.round(peak),
          stdout,
          cpuSeconds: Math.round(cpu * 10) / 10,
          serverCpuSeconds,
        });
    });
  });
}

const importSeconds = (stdout: string) => Number(/in ([\d.]+) s/.exec(stdout)?.[1] ?? NaN);

async function countRows(url: string, sqlText: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const r = await c.query<{ n: string }>(sqlText);
  await c.end();
  return Number(r.rows[0]?.n ?? 0);
}

const BATCH = '5000';
const loadBefore = os.loadavg().map((x) => Math.round(x * 100) / 100);
const dir = scratchDir('pipewright-import-bench');
const file = path.join(dir, 'deals.csv');
const bytes = writeDealsCsv(file, ROWS);
console.log(`generated ${ROWS} deals (${(bytes / 2 ** 20).toFixed(1)} MiB)`);
const db = await scratchDatabase('import_bench');
try {
  await prepare(db.url, '');
  const bare = new pg.Client({ connectionString: db.url });
  await bare.connect();
  await bare.query(
    'CREATE TABLE bare_deals (external_id text, name text, account text, owner text, stage text, amount text, currency text, created text, closed text)',
  );
  await bare.end();
  const baseline = await run(
    'psql',
    [db.url, '-v', 'ON_ERROR_STOP=1', '-c', `\\copy bare_deals FROM '${file}' CSV HEADER`],
    {},
  );
  console.log(`psql \\copy: ${(baseline.ms / 1000).toFixed(1)} s`);
  const imported = await run(
    'node',
    ['bin/pipewright.mjs', 'import', 'deals', file, '--batch-size', BATCH],
    { DATABASE_URL: db.url },
    db.url,
  );
  console.log(imported.stdout);
  const deals = await countRows(db.url, 'select count(*) as n from deals');
  const unsealed = await countRows(db.url, 'select count(*) as n from events where seq is null');
  const events = await countRows(db.url, 'select count(*) as n from events');
  const importS = importSeconds(imported.stdout);
  const baselineRate = ROWS / (baseline.ms / 1000);
  const importRate = ROWS / importS;
  const endToEndRate = ROWS / (imported.ms / 1000);

  const liteDir = scratchDir('pipewright-import-bench-pglite');
  const liteFile = path.join(dir, 'deals-pglite.csv');
  writeDealsCsv(liteFile, PGLITE_ROWS);
  await prepare(undefined, liteDir);
  const lite = await run('node', ['bin/pipewright.mjs', 'import', 'deals', liteFile, '--batch-size', BATCH], {
    PIPEWRIGHT_DATA_DIR: liteDir,
    DATABASE_URL: '',
  });
  fs.rmSync(liteDir, { recursive: true, force: true });

  const result = {
    rows: ROWS,
    batchSize: Number(BATCH),
    fileMiB: Math.round((bytes / 2 ** 20) * 10) / 10,
    postgres: {
      baselinePsqlCopy: { seconds: Math.round(baseline.ms) / 1000, rowsPerSecond: Math.round(baselineRate) },
      pipewrightImport: {
        importSeconds: importS,
        rowsPerSecond: Math.round(importRate),
        endToEndSeconds: Math.round(imported.ms) / 1000,
        endToEndRowsPerSecond: Math.round(endToEndRate),
        peakRssMiB: imported.peakRssMiB,
        importProcessCpuSeconds: imported.cpuSeconds,
        serverCpuSeconds: imported.serverCpuSeconds,
        cpuMicrosecondsPerRow: {
          importProcess: Math.round((imported.cpuSeconds / ROWS) * 1e6),
          server: imported.serverCpuSeconds === null ? null : Math.round((imported.serverCpuSeconds / ROWS) * 1e6),
        },
        dealsStored: deals,
        eventsWritten: events,
        eventsLeftUnsealed: unsealed,
      },
      ratioOfBaseline: Math.round((importRate / baselineRate) * 1000) / 1000,
      endToEndRatioOfBaseline: Math.round((endToEndRate / baselineRate) * 1000) / 1000,
    },
    pglite: {
      rows: PGLITE_ROWS,
      importSeconds: importSeconds(lite.stdout),
      rowsPerSecond: Math.round(PGLITE_ROWS / importSeconds(lite.stdout)),
      endToEndSeconds: Math.round(lite.ms) / 1000,
      peakRssMiB: lite.peakRssMiB,
      cpuSeconds: lite.cpuSeconds,
    },
    loadAverageBefore: loadBefore,
    loadAverageAfter: os.loadavg().map((x) => Math.round(x * 100) / 100),
    targets: { ratioOfBaseline: 0.5, peakRssMiB: 400 },
  };
  console.log(JSON.stringify(result, null, 2));
  writeResult('import', result);
} finally {
  await db.drop();
  fs.rmSync(dir, { recursive: true, force: true });
}
