/**
 * Synthetic organization generator at scale: time and peak memory to generate N deals (default
 * 1,000,000) with `seedSynthetic` into a fresh database: a scratch database on the PostgreSQL
 * server of DATABASE_URL when set, else an embedded (PGlite) data directory. Peak RSS is this
 * process (generator, driver and, on PGlite, the embedded engine); a server's own memory is not in it.
 *
 *   npm run bench:generate                       # 1,000,000 deals
 *   npm run bench:generate -- --deals 20000      # a quick run
 *   npm run bench:generate -- --keep             # keep the PostgreSQL database for other benches
 *
 * On PostgreSQL the run ends with the import bench's same-storage baseline for as many deals
 * (`psql \copy` of deal rows, their events with precomputed hashes and their stage visits into a
 * fresh database, bench/same-storage.ts) and prints the generator's ratio to it in deals per
 * second. The generator writes more per deal (contacts, line items, leads, activities and their
 * events), so the ratio is a lower bound of its efficiency per row.
 */
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { composeFromDatabase } from '../src/compose.ts';
import { openDatabase } from '../src/db/database.ts';
import { loadConfig } from '../src/config.ts';
import { seedSynthetic } from '../src/modules/synthetic/seed-synthetic.ts';
import { defaultSyntheticParams } from '../src/modules/synthetic/synthetic-params.ts';
import { sampleServerCpu } from './cpu.ts';
import { measureSameStorageBaseline } from './same-storage.ts';
import { scratchDatabase, scratchDir, writeResult } from './lib.ts';

const { values } = parseArgs({
  options: {
    deals: { type: 'string', default: '1000000' },
    months: { type: 'string', default: '12' },
    seed: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
  },
});
const deals = Number(values.deals);
const months = Number(values.months);
const seed = Number(values.seed);
const onServer = Boolean(loadConfig().databaseUrl);

const scratch = onServer ? await scratchDatabase('pw_bench_synth') : null;
const dir = onServer ? '' : scratchDir('pw-bench-synth');
const database = await openDatabase({ databaseUrl: scratch?.url, dataDir: dir });
let peakRss = process.memoryUsage.rss();
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
}, 100);
try {
  const deps = await composeFromDatabase(database, {
    sessionSecret: 'bench-secret-bench-secret-bench-secret-00',
    sessionTtlHours: 1,
  });
  const loadBefore = os.loadavg();
  console.log(
    `generating ${deals.toLocaleString('en-US')} deals over ${months} months on ${database.engine} (load average ${loadBefore.map((l) => l.toFixed(1)).join(' ')})`,
  );
  const serverCpu = scratch ? sampleServerCpu(scratch.url) : null;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  let lastLog = started;
  const result = await seedSynthetic(deps, {
    name: 'Bench Synthetic',
    seed,
    deals,
    months,
    password: 'benchmark-password',
    params: defaultSyntheticParams,
    end: new Date('2026-11-01T00:00:00Z'),
    onProgress: (p) => {
      const now = performance.now();
      if (now - lastLog < 10_000) return;
      lastLog = now;
      const s = (now - started) / 1000;
      console.log(
        `  ${s.toFixed(0)} s: ${p.deals.toLocaleString('en-US')} deals, ${p.events.toLocaleString('en-US')} events, ${p.rows.toLocaleString('en-US')} rows, rss ${Math.round(process.memoryUsage.rss() / 2 ** 20)} MiB`,
      );
    },
  });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const processCpuSeconds = Math.round((cpu.user + cpu.system) / 1e5) / 10;
  const serverCpuSeconds = (await serverCpu?.stop()) ?? null;
  clearInterval(sampler);
  const maxRssKiB = process.resourceUsage().maxRSS;
  const peakRssMiB = Math.round(Math.max(peakRss, maxRssKiB * 1024) / 2 ** 20);
  const c = result.counts;
  const summary = {
    engine: database.engine,
    deals,
    months,
    seed,
    seconds: Math.round(seconds * 10) / 10,
    peakRssMiB,
    dealsPerSecond: Math.round(deals / seconds),
    rowsPerSecond: Math.round((c.rows + c.events) / seconds),
    rows: c.rows,
    events: c.events,
    counts: c,
    // CPU seconds of this process (generator, driver; on PGlite the engine too) and of the server's backends.
    processCpuSeconds,
    serverCpuSeconds,
    loadAverageBefore: loadBefore,
    loadAverageAfter: os.loadavg(),
  };
  console.log(
    `${deals.toLocaleString('en-US')} deals in ${summary.seconds} s (${summary.dealsPerSecond} deals/s; ${summary.rowsPerSecond} rows+events/s), peak RSS ${peakRssMiB} MiB`,
  );
  console.log(
    `CPU: this process ${processCpuSeconds} s, the server's backends ${serverCpuSeconds ?? 'n/a'} s (load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')})`,
  );
  const baseline = scratch ? await measureSameStorageBaseline(deals) : null;
  const withBaseline = {
    ...summary,
    sameStorageBaseline: baseline,
    ratioOfSameStorageBaseline: baseline
      ? Math.round((summary.dealsPerSecond / baseline.rowsPerSecond) * 1000) / 1000
      : null,
    loadAverageAfterBaseline: os.loadavg(),
  };
  if (baseline)
    console.log(
      `same-storage baseline: ${baseline.rowsPerSecond} deals/s (${baseline.seconds} s); generator ratio ${withBaseline.ratioOfSameStorageBaseline}`,
    );
  writeResult(deals === 1_000_000 ? 'generate' : `generate-${deals}`, withBaseline);
} finally {
  clearInterval(sampler);
  await database.close();
  if (scratch && values.keep)
    console.log(`kept the database: ${scratch.url} (e.g. npm run bench:analytics -- --database-url <it>)`);
  else await scratch?.drop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
