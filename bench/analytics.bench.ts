/**
 * Analytics at scale: funnel, stage durations, process map and variants over N synthetic deals
 * (default 1,000,000) on PostgreSQL, through the same repositories and pure functions the API runs,
 * against the same computations in DuckDB over the same rows exported to Parquet (the baseline an
 * analyst would reach for), measured in the same run, with a check that both computed the same
 * figures. Then the embedded engine (PGlite) against PostgreSQL on the same rows, and the Markov
 * what-if and Monte Carlo forecast on this data.
 *
 *   npm run bench:analytics                                   # 1,000,000 deals in a scratch database
 *   npm run bench:analytics -- --deals 100000 --keep          # keep the generated database (its URL is printed)
 *   npm run bench:analytics -- --database-url postgres://…/db # reuse it (generates N deals only when it has no organization)
 *   options: --seed S (1), --runs R (5; after one warm-up), --pglite-deals M (100000; 0 to skip PGlite),
 *            --out NAME (bench/results/NAME.json; analytics)
 *
 * Each figure is the median of R runs after a warm-up; one run of an analysis runs it once per
 * pipeline of the organization, in turn, and is the sum. The DuckDB queries cover every pipeline
 * at once. Export time (COPY to CSV, CSV to Parquet) is reported, not counted.
 */
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CompiledQuery, sql } from 'kysely';
import pg from 'pg';
import pgCopy from 'pg-copy-streams';
import { markovWhatIf } from '../src/analytics/markov-what-if.ts';
import { operatorActor } from '../src/cli/operator.ts';
import { composeFromDatabase } from '../src/compose.ts';
import { CONNECTION_TASK_MARK, registerTask, type TaskConnection } from '../src/db/connection-task.ts';
import { openDatabase, type Database, type DbExecutor } from '../src/db/database.ts';
import type { Actor } from '../src/contract/access.ts';
import { funnelAnalysis } from '../src/modules/analytics/analyses/funnel.ts';
import { markovAnalysis } from '../src/modules/analytics/analyses/markov.ts';
import { monteCarloAnalysis } from '../src/modules/analytics/analyses/monte-carlo.ts';
import { processMapAnalysis } from '../src/modules/analytics/analyses/process-map.ts';
import { stageDurationsAnalysis } from '../src/modules/analytics/analyses/stage-durations.ts';
import type { AnalysisDefinition } from '../src/modules/analytics/analysis.ts';
import { resolvePipeline } from '../src/modules/analytics/analytics.repository.ts';
import { runAnalysis } from '../src/modules/analytics/analytics.service.ts';
import type { AnalyticsFilters } from '../src/contract/analytics.ts';
import type { Deps } from '../src/modules/context.ts';
import { seedSynthetic } from '../src/modules/synthetic/seed-synthetic.ts';
import { defaultSyntheticParams } from '../src/modules/synthetic/synthetic-params.ts';
import {
  compareResults,
  duckQueries,
  exportToParquet,
  openDuck,
  runDuck,
  type DuckStep,
  type PipewrightReports,
  type Row,
} from './analytics-duckdb.ts';
import { scratchDatabase, scratchDir, writeResult } from './lib.ts';

const { values } = parseArgs({
  options: {
    deals: { type: 'string', default: '1000000' },
    seed: { type: 'string', default: '1' },
    runs: { type: 'string', default: '5' },
    'database-url': { type: 'string' },
    keep: { type: 'boolean', default: false },
    'pglite-deals': { type: 'string', default: '100000' },
    out: { type: 'string', default: 'analytics' },
  },
});
const DEALS = Number(values.deals);
const RUNS = Math.max(1, Number(values.runs));
const PGLITE_DEALS = Number(values['pglite-deals']);
const SESSION = { sessionSecret: 'bench-secret-bench-secret-bench-secret-00', sessionTtlHours: 1 };

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const round = (ms: number) => Math.round(ms * 10) / 10;
const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

/** Warm-up once, then the median of RUNS timed runs (ms); the value of the last run. */
async function timed<T>(f: () => Promise<T>): Promise<{ ms: number; runs: number[]; value: T }> {
  let value = await f();
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    value = await f();
    runs.push(performance.now() - t0);
  }
  return { ms: median(runs), runs: runs.map(round), value };
}

// ---------------------------------------------------------------------------------------------
// The data.

async function generate(url: string): Promise<void> {
  const database = await openDatabase({ databaseUrl: url, dataDir: '' });
  try {
    const deps = await composeFromDatabase(database, SESSION);
    console.log(`generating ${DEALS.toLocaleString('en-US')} deals (seed ${values.seed}; load average ${load()})`);
    const t0 = performance.now();
    let last = t0;
    await seedSynthetic(deps, {
      name: 'Bench Analytics',
      seed: Number(values.seed),
      deals: DEALS,
      months: 12,
      password: 'benchmark-password',
      params: defaultSyntheticParams,
      end: new Date('2026-11-01T00:00:00Z'),
      onProgress: (p) => {
        const now = performance.now();
        if (now - last < 15_000) return;
        last = now;
        console.log(`  ${((now - t0) / 1000).toFixed(0)} s: ${p.deals.toLocaleString('en-US')} deals`);
      },
    });
    console.log(`generated in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  } finally {
    await database.close();
  }
}

/** The organization with the most deals. */
async function biggestOrganization(db: DbExecutor): Promise<string | undefined> {
  const r = await sql<{
    org_id: string;
  }>`select org_id from deals group by org_id order by count(*) desc limit 1`.execute(db);
  return r.rows[0]?.org_id;
}

async function counts(
  db: DbExecutor,
  orgId: string,
): Promise<{ deals: number; stageVisits: number; stageEvents: number; pipelines: number }> {
  const r = await sql<{ deals: number; stage_visits: number; stage_events: number; pipelines: number }>`
    select (select count(*) from deals where org_id = ${orgId}::uuid and deleted_at is null)::int as deals,
      (select count(*) from deal_stage_visits where org_id = ${orgId}::uuid)::int as stage_visits,
      (select count(*) from events where org_id = ${orgId}::uuid and entity_type = 'deal' and type in ('deal.created', 'deal.stage_changed'))::int as stage_events,
      (select count(*) from pipelines where org_id = ${orgId}::uuid)::int as pipelines`.execute(db);
  const x = r.rows[0];
  if (!x) throw new Error('no counts');
  return { deals: x.deals, stageVisits: x.stage_visits, stageEvents: x.stage_events, pipelines: x.pipelines };
}

async function pipelineIds(db: DbExecutor, orgId: string): Promise<string[]> {
  const r = await sql<{
    id: string;
  }>`select id from pipelines where org_id = ${orgId}::uuid order by created_at, id`.execute(db);
  return r.rows.map((x) => x.id);
}

// ---------------------------------------------------------------------------------------------
// Pipewright: the analyses as the API runs them.

/** An analysis run as the API and the CLI run it (`runAnalysis`: access check, one read-only snapshot). */
function asApi<P extends Record<string, unknown>, R>(
  deps: Deps,
  actor: Actor,
  analysis: AnalysisDefinition<P, R>,
  filters: AnalyticsFilters,
  params: P,
): Promise<R> {
  return runAnalysis(deps, actor, analysis, filters, params) as Promise<R>;
}

interface EngineTimes {
  engine: string;
  ms: { funnel: number; stageDurations: number; processMap: number; total: number };
  runs: Record<string, number[]>;
}

async function timePipewright(
  deps: Deps,
  actor: Actor,
  pipelines: readonly string[],
  engine: string,
): Promise<{ times: EngineTimes; reports: PipewrightReports[] }> {
  const each =
    <T>(f: (pipelineId: string) => Promise<T>) =>
    async () => {
      const out: T[] = [];
      for (const p of pipelines) out.push(await f(p));
      return out;
    };
  const mapParams = {
    scope: 'deals' as const,
    activities: 'false' as const,
    campaignTypes: 'false' as const,
    variantLimit: 20,
  };
  const funnel = await timed(each((p) => asApi(deps, actor, funnelAnalysis, { pipelineId: p }, {})));
  console.log(`  ${engine} funnel: ${round(funnel.ms)} ms`);
  const durations = await timed(each((p) => asApi(deps, actor, stageDurationsAnalysis, { pipelineId: p }, {})));
  console.log(`  ${engine} stage durations: ${round(durations.ms)} ms`);
  const map = await timed(each((p) => asApi(deps, actor, processMapAnalysis, { pipelineId: p }, mapParams)));
  console.log(`  ${engine} process map with variants: ${round(map.ms)} ms`);

  const reports = pipelines.map((p, i) => ({
    pipelineId: p,
    funnel: funnel.value[i]!,
    durations: durations.value[i]!,
    processMap: map.value[i]!,
  }));
  return {
    times: {
      engine,
      ms: {
        funnel: round(funnel.ms),
        stageDurations: round(durations.ms),
        processMap: round(map.ms),
        total: round(funnel.ms + durations.ms + map.ms),
      },
      runs: { funnel: funnel.runs, stageDurations: durations.runs, processMap: map.runs },
    },
    reports,
  };
}

// ---------------------------------------------------------------------------------------------
// The same rows in another database (PGlite, or a PostgreSQL subset), by COPY.

/** The tables the four analyses read, with the rows of the first `limit` deals (by creation) of the organization. */
function subsetQueries(orgId: string, limit: number): { table: string; select: string }[] {
  const org = `'${orgId}'::uuid`;
  const chosen = `(select id from deals where org_id = ${org} order by created_at, id limit ${limit})`;
  return [
    { table: 'organizations', select: `select * from organizations where id = ${org}` },
    { table: 'pipelines', select: `select * from pipelines where org_id = ${org}` },
    { table: 'stages', select: `select * from stages where org_id = ${org}` },
    { table: 'deals', select: `select * from deals where org_id = ${org} and id in ${chosen}` },
    {
      table: 'deal_stage_visits',
      select: `select * from deal_stage_visits where org_id = ${org} and deal_id in ${chosen}`,
    },
  ];
}

/** Line-aligned chunks of about 4 MiB of a COPY TO STDOUT stream. */
async function* lineChunks(stream: AsyncIterable<Buffer>): AsyncGenerator<Uint8Array> {
  let pending: Buffer[] = [];
  let size = 0;
  for await (const b of stream) {
    pending.push(b);
    size += b.length;
    if (size < 4 * 2 ** 20) continue;
    const all = Buffer.concat(pending);
    const cut = all.lastIndexOf(0x0a) + 1;
    // The rest is copied first: the embedded engine's pool takes over (transfers) a chunk that is a whole buffer.
    pending = cut < all.length ? [Buffer.from(all.subarray(cut))] : [];
    size = all.length - cut;
    yield all.subarray(0, cut);
  }
  const rest = Buffer.concat(pending);
  if (rest.length) yield rest;
}

/**
 * Copies the rows into the target database (same schema: migrated by openDatabase) with foreign-key
 * and trigger enforcement off for the session (the referenced users, accounts… are not copied).
 */
async function copyRows(
  sourceUrl: string,
  target: DbExecutor,
  queries: readonly { table: string; select: string }[],
): Promise<Record<string, number>> {
  const source = new pg.Client({ connectionString: sourceUrl });
  await source.connect();
  const rows: Record<string, number> = {};
  try {
    for (const q of queries) {
      const out = source.query(pgCopy.to(`COPY (${q.select}) TO STDOUT`));
      const task = registerTask(async (conn: TaskConnection) => {
        if (conn.engine === 'pglite') {
          await conn.query(`SET session_replication_role = replica`, []);
          let n = 0;
          for await (const chunk of lineChunks(out))
            n += (await conn.query(`COPY ${q.table} FROM '/dev/blob'`, [], chunk)).affectedRows;
          await conn.query(`SET session_replication_role = DEFAULT`, []);
          return n;
        }
        await conn.client.query(`SET session_replication_role = replica`);
        const into = conn.client.query(pgCopy.from(`COPY ${q.table} FROM STDIN`));
        // A failed COPY (say, a column the target lacks) rejects here instead of escaping as an 'error' event.
        const failed = once(into, 'error').then(([err]) => Promise.reject(err as Error));
        failed.catch(() => undefined);
        for await (const chunk of lineChunks(out))
          if (!into.write(chunk)) await Promise.race([once(into, 'drain'), failed]);
        into.end();
        await Promise.race([once(into, 'finish'), failed]);
        await conn.client.query(`SET session_replication_role = DEFAULT`);
        return into.rowCount;
      });
      try {
        const r = await target.executeQuery<{ rows: number }>(CompiledQuery.raw(CONNECTION_TASK_MARK, [task.token]));
        rows[q.table] = r.rows[0]?.rows ?? 0;
      } finally {
        task.forget();
      }
    }
  } finally {
    await source.end();
  }
  await sql`analyze`.execute(target);
  return rows;
}

/** Migrates the database, loads the rows by COPY, times the analyses there, closes it. */
async function loadAndTime(
  database: Database,
  engine: string,
  sourceUrl: string,
  queries: readonly { table: string; select: string }[],
  actor: Actor,
  pipelines: readonly string[],
) {
  try {
    const deps = await composeFromDatabase(database, SESSION);
    const t = performance.now();
    const copied = await copyRows(sourceUrl, deps.db, queries);
    const loadSeconds = (performance.now() - t) / 1000;
    console.log(`${engine} loaded by COPY in ${loadSeconds.toFixed(0)} s: ${JSON.stringify(copied)}`);
    const { times } = await timePipewright(deps, actor, pipelines, engine);
    return { times, copied, loadSeconds };
  } finally {
    await database.close();
  }
}

// ---------------------------------------------------------------------------------------------

const given = values['database-url'];
const scratch = given ? null : await scratchDatabase('pw_bench_analytics');
const url = given ?? scratch!.url;
const cleanups: (() => Promise<void> | void)[] = [];
try {
  {
    const probe = await openDatabase({ databaseUrl: url, dataDir: '' });
    const migrated = (await sql<{ t: string | null }>`select to_regclass('deals')::text as t`.execute(probe.db)).rows[0]
      ?.t;
    const existing = migrated ? await biggestOrganization(probe.db) : undefined;
    if (existing) console.log(`reusing the data of ${url.replace(/\/\/[^@]*@/, '//')}`);
    else await generate(url);
    // Planner statistics for the bulk-loaded tables now, as autovacuum would do some time later.
    await sql`analyze`.execute(probe.db);
    await probe.close();
  }
  const database = await openDatabase({ databaseUrl: url, dataDir: '' });
  const deps = await composeFromDatabase(database, SESSION);
  cleanups.push(() => database.close());
  const orgId = await biggestOrganization(deps.db);
  if (!orgId) throw new Error('no deals in the database');
  const actor = operatorActor(orgId);
  const pipelines = await pipelineIds(deps.db, orgId);
  const c = await counts(deps.db, orgId);
  console.log(
    `data: ${c.deals.toLocaleString('en-US')} deals, ${c.stageVisits.toLocaleString('en-US')} stage visits, ${c.stageEvents.toLocaleString('en-US')} stage events, ${c.pipelines} pipelines`,
  );
  console.log(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, load average ${load()}; ${RUNS} runs after a warm-up, medians`,
  );

  // PostgreSQL.
  const loadBefore = os.loadavg();
  const pgRun = await timePipewright(deps, actor, pipelines, 'PostgreSQL');

  // DuckDB over Parquet.
  const dir = scratchDir('pw-bench-analytics');
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  const duck = await openDuck();
  cleanups.push(() => duck.close());
  const exported = await exportToParquet(url, orgId, dir, duck.conn);
  await duck.attach(dir);
  console.log(
    `export (not counted): COPY to CSV ${exported.seconds.csv.toFixed(1)} s (${(exported.bytes.csv / 2 ** 20).toFixed(0)} MiB), CSV to Parquet ${exported.seconds.parquet.toFixed(1)} s (${(exported.bytes.parquet / 2 ** 20).toFixed(0)} MiB)`,
  );
  const duckRows = {} as Record<DuckStep, Row[][]>;
  const duckMs = {} as Record<DuckStep, number>;
  const duckRuns = {} as Record<DuckStep, number[]>;
  for (const step of Object.keys(duckQueries) as DuckStep[]) {
    const t = await timed(() => runDuck(duck.conn, step));
    duckRows[step] = t.value;
    duckMs[step] = round(t.ms);
    duckRuns[step] = t.runs;
    console.log(`  DuckDB ${step}: ${round(t.ms)} ms`);
  }
  const duckTimes = {
    funnel: duckMs.funnel,
    stageDurations: duckMs.durations,
    processMap: round(duckMs.processMap + duckMs.variants),
    total: round(duckMs.funnel + duckMs.durations + duckMs.processMap + duckMs.variants),
  };
  const check = compareResults(pgRun.reports, duckRows);
  const checked = Object.entries(check.compared)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  console.log(
    check.mismatches.length === 0
      ? `check: DuckDB agrees with Pipewright (${checked} compared)`
      : `check FAILED: ${check.mismatches.length} mismatches\n  ${check.mismatches.join('\n  ')}`,
  );
  const pgVsDuck = {
    funnel: ratio(pgRun.times.ms.funnel, duckTimes.funnel),
    stageDurations: ratio(pgRun.times.ms.stageDurations, duckTimes.stageDurations),
    processMap: ratio(pgRun.times.ms.processMap, duckTimes.processMap),
    total: ratio(pgRun.times.ms.total, duckTimes.total),
  };
  console.log(
    `Pipewright on PostgreSQL / DuckDB: total ${pgVsDuck.total}× (target ≤ 2×); funnel ${pgVsDuck.funnel}×, durations ${pgVsDuck.stageDurations}×, process map with variants ${pgVsDuck.processMap}×`,
  );

  // Markov + what-if and Monte Carlo on this data (default pipeline), as the API runs them.
  const firstOpen = (await resolvePipeline(deps.db, orgId)).stages.find((s) => s.kind === 'open');
  const markov = await timed(() =>
    asApi(
      deps,
      actor,
      markovAnalysis,
      {},
      { scope: 'deals', stageId: firstOpen?.id, conversionPoints: 5, shortenDays: 2 },
    ),
  );
  // The model the report carries for clients to recompute what-ifs themselves, as the web app does.
  const model = markov.value.model;
  const slider = 1000;
  const t0 = performance.now();
  for (let i = 0; i < slider; i++)
    markovWhatIf(model, markov.value.openLoad, {
      stageId: firstOpen?.id ?? '',
      conversionPoints: i % 20,
      shortenDays: i % 5,
    });
  const whatIfUs = ((performance.now() - t0) / slider) * 1000;
  // One run: at 10,000 runs it takes seconds, and a warm-up would double that for nothing.
  const mcStart = performance.now();
  const monteCarlo = {
    value: await asApi(
      deps,
      actor,
      monteCarloAnalysis,
      {},
      { runs: 10_000, seed: 1, horizonDays: 90, chainFrom: 'filtered' },
    ),
    ms: 0,
  };
  monteCarlo.ms = performance.now() - mcStart;
  console.log(
    `Markov with what-if (request): ${round(markov.ms)} ms; what-if alone per slider move ${whatIfUs.toFixed(0)} µs; Monte Carlo ${monteCarlo.value.runs} runs × ${monteCarlo.value.simulatedDeals} open deals: ${round(monteCarlo.ms)} ms`,
  );

  // PGlite against PostgreSQL on the same rows.
  let pglite: Record<string, unknown> | null = null;
  if (PGLITE_DEALS > 0) {
    const subset = Math.min(PGLITE_DEALS, c.deals);
    const queries = subsetQueries(orgId, subset);
    let pgRef = pgRun.times;
    if (subset < c.deals) {
      const sub = await scratchDatabase('pw_bench_analytics_sub');
      cleanups.push(() => sub.drop());
      pgRef = await loadAndTime(
        await openDatabase({ databaseUrl: sub.url, dataDir: '' }),
        'PostgreSQL (subset)',
        url,
        queries,
        actor,
        pipelines,
      ).then((r) => r.times);
    }
    const pgliteDir = scratchDir('pw-bench-analytics-pglite');
    cleanups.push(() => fs.rmSync(pgliteDir, { recursive: true, force: true }));
    const liteRun = await loadAndTime(
      await openDatabase({ dataDir: path.join(pgliteDir, 'data') }),
      'PGlite',
      url,
      queries,
      actor,
      pipelines,
    );
    const lite = liteRun.times;
    const copied = liteRun.copied;
    const loadSeconds = liteRun.loadSeconds;
    const liteVsPg = {
      funnel: ratio(lite.ms.funnel, pgRef.ms.funnel),
      stageDurations: ratio(lite.ms.stageDurations, pgRef.ms.stageDurations),
      processMap: ratio(lite.ms.processMap, pgRef.ms.processMap),
      total: ratio(lite.ms.total, pgRef.ms.total),
    };
    console.log(
      `PGlite / PostgreSQL at ${subset.toLocaleString('en-US')} deals: total ${liteVsPg.total}× (target ≤ 3×); funnel ${liteVsPg.funnel}×, durations ${liteVsPg.stageDurations}×, process map ${liteVsPg.processMap}×`,
    );
    pglite = {
      deals: subset,
      rows: copied,
      loadSeconds: Math.round(loadSeconds),
      postgres: pgRef,
      pglite: lite,
      ratio: liteVsPg,
    };
  }

  writeResult(values.out, {
    deals: c.deals,
    seed: Number(values.seed),
    data: c,
    runs: RUNS,
    loadAverageBefore: loadBefore,
    loadAverageAfter: os.loadavg(),
    postgres: pgRun.times,
    duckdb: {
      ms: duckTimes,
      stepsMs: duckMs,
      runs: duckRuns,
      export: { seconds: exported.seconds, rows: exported.rows, bytes: exported.bytes },
    },
    check,
    ratio: { postgresOverDuckdb: pgVsDuck },
    markov: { requestMs: round(markov.ms), whatIfPerSliderMoveMicroseconds: Math.round(whatIfUs) },
    monteCarlo: { runs: monteCarlo.value.runs, openDeals: monteCarlo.value.simulatedDeals, ms: round(monteCarlo.ms) },
    pglite,
  });
  if (check.mismatches.length > 0) process.exitCode = 1;
} finally {
  for (const f of cleanups.reverse()) await f();
  if (scratch) {
    if (values.keep) console.log(`kept the database: --database-url ${scratch.url}`);
    else await scratch.drop();
  }
}
