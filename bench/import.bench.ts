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
 * The same-storage baseline (bench/same-storage.ts) is `psql \copy` of the same deals into the
 * real tables of a second fresh database, with everything the import stores: the deal rows with
 * all their indexes, foreign keys and triggers, their events with the hash chain (hashes computed
 * beforehand, not timed) and their stage visits (whose triggers write the deal traces). The import
 * is reported against both baselines.
 *
 *   npm run bench:import                       # 1,000,000 rows (PGlite: 100,000)
 *   npm run bench:import -- 100000             # the row count as the argument
 *   npm run bench:import -- 100000 --pglite-rows 0   # skip the embedded engine
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { scratchDatabase, scratchDir, writeResult } from './lib.ts';
import { dealSpec, prepare, writeSameStorageFiles } from './same-storage.ts';

// The child processes get this process's environment (PATH, the server's address).
// eslint-disable-next-line no-restricted-properties
const env = process.env;
const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'pglite-rows': { type: 'string', default: '100000' }, 'batch-size': { type: 'string', default: '5000' } },
});
const ROWS = Number(positionals[0] ?? 1_000_000);
const PGLITE_ROWS = Number(args['pglite-rows']);
const ROOT = path.resolve(import.meta.dirname, '..');

/** A deterministic deals file (the rows of `dealSpec`: half open, 30 % won, 20 % lost, dates over two years). */
function writeDealsCsv(file: string, rows: number): number {
  const fd = fs.openSync(file, 'w');
  let buf = 'External ID,Deal Name,Account,Owner,Stage,Amount,Currency,Created,Closed\n';
  for (let i = 0; i < rows; i++) {
    const d = dealSpec(i);
    buf += `${d.externalId},"${d.name}",Account ${d.account},owner${d.owner}@bench.example,${d.stage},${d.amount},USD,${d.created.toISOString().slice(0, 10)},${d.closed?.toISOString().slice(0, 10) ?? ''}\n`;
    if (buf.length > 1 << 20) {
      fs.writeSync(fd, buf);
      buf = '';
    }
  }
  fs.writeSync(fd, buf);
  fs.closeSync(fd);
  return fs.statSync(file).size;
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

const BATCH = String(args['batch-size']);
const loadBefore = os.loadavg().map((x) => Math.round(x * 100) / 100);
const dir = scratchDir('pipewright-import-bench');
const file = path.join(dir, 'deals.csv');
const bytes = writeDealsCsv(file, ROWS);
console.log(`generated ${ROWS} deals (${(bytes / 2 ** 20).toFixed(1)} MiB), load average ${loadBefore.join(' ')}`);
const db = await scratchDatabase('import_bench');
const same = await scratchDatabase('import_same');
const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;
try {
  // Same-storage baseline: a fresh database prepared like the import's, the rows written beforehand.
  await prepare(same.url, '');
  const files = await writeSameStorageFiles(same.url, dir, ROWS);
  const sameStorage = await run('psql', files.psqlArgs, {}, same.url);
  const sameDeals = await countRows(same.url, 'select count(*) as n from deals');
  const sameTraces = await countRows(same.url, 'select count(*) as n from deal_traces');
  console.log(
    `same-storage psql \\copy: ${(sameStorage.ms / 1000).toFixed(1)} s (${sameDeals} deals, ${files.events} events, ${files.visits} visits, ${sameTraces} traces)`,
  );
  await same.drop();

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
  console.log(`bare-table psql \\copy: ${(baseline.ms / 1000).toFixed(1)} s`);
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
  const sameRate = ROWS / (sameStorage.ms / 1000);
  const importRate = ROWS / importS;
  const endToEndRate = ROWS / (imported.ms / 1000);

  let pglite: Record<string, unknown> | null = null;
  if (PGLITE_ROWS > 0) {
    const liteDir = scratchDir('pipewright-import-bench-pglite');
    const liteFile = path.join(dir, 'deals-pglite.csv');
    writeDealsCsv(liteFile, PGLITE_ROWS);
    await prepare(undefined, liteDir);
    const lite = await run('node', ['bin/pipewright.mjs', 'import', 'deals', liteFile, '--batch-size', BATCH], {
      PIPEWRIGHT_DATA_DIR: liteDir,
      DATABASE_URL: '',
    });
    fs.rmSync(liteDir, { recursive: true, force: true });
    pglite = {
      rows: PGLITE_ROWS,
      importSeconds: importSeconds(lite.stdout),
      rowsPerSecond: Math.round(PGLITE_ROWS / importSeconds(lite.stdout)),
      endToEndSeconds: Math.round(lite.ms) / 1000,
      peakRssMiB: lite.peakRssMiB,
      cpuSeconds: lite.cpuSeconds,
    };
  }

  const result = {
    rows: ROWS,
    batchSize: Number(BATCH),
    fileMiB: Math.round((bytes / 2 ** 20) * 10) / 10,
    postgres: {
      baselinePsqlCopy: { seconds: Math.round(baseline.ms) / 1000, rowsPerSecond: Math.round(baselineRate) },
      sameStorageBaseline: {
        seconds: Math.round(sameStorage.ms) / 1000,
        rowsPerSecond: Math.round(sameRate),
        eventsWritten: files.events,
        visitsWritten: files.visits,
        tracesWritten: sameTraces,
        serverCpuSeconds: sameStorage.serverCpuSeconds,
        serverCpuMicrosecondsPerRow:
          sameStorage.serverCpuSeconds === null ? null : Math.round((sameStorage.serverCpuSeconds / ROWS) * 1e6),
      },
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
      ratioOfSameStorageBaseline: round(importRate / sameRate),
      ratioOfBaseline: round(importRate / baselineRate),
      endToEndRatioOfSameStorageBaseline: round(endToEndRate / sameRate),
      endToEndRatioOfBaseline: round(endToEndRate / baselineRate),
    },
    pglite,
    loadAverageBefore: loadBefore,
    loadAverageAfter: os.loadavg().map((x) => Math.round(x * 100) / 100),
    targets: { ratioOfSameStorageBaseline: 0.5, peakRssMiB: 400 },
  };
  console.log(JSON.stringify(result, null, 2));
  console.log(
    [
      `import ${Math.round(importRate)} rows/s, same-storage baseline ${Math.round(sameRate)} rows/s, bare-table baseline ${Math.round(baselineRate)} rows/s`,
      `ratio to the same-storage baseline ${result.postgres.ratioOfSameStorageBaseline} (target 0.5), to the bare-table baseline ${result.postgres.ratioOfBaseline}`,
      `import peak RSS ${imported.peakRssMiB} MiB (target 400)`,
    ].join('\n'),
  );
  writeResult(ROWS === 1_000_000 ? 'import' : `import-${ROWS}`, result);
} finally {
  await same.drop();
  await db.drop();
  fs.rmSync(dir, { recursive: true, force: true });
}
