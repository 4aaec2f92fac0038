/**
 * CSV export throughput: `pipewright export deals --out file` against `psql \copy (select … from
 * deals where org_id = …) TO file CSV HEADER` of the same deals in the same order (the baseline:
 * PostgreSQL writing the table's columns as CSV), in the same run on the same server. Pipewright
 * writes what \copy does not: the record's fields as the API names them, each deal's line items
 * (with net totals) and contact roles as JSON, their sum, instants as ISO strings, within the
 * reader's scope. The deals are made with set-based SQL (this measures export, not creation) but are
 * valid deals: their organization, pipeline, stages, owners, accounts, contacts and products exist.
 * Reported: rows/s of both and the ratio, peak RSS of the export process (VmHWM), the embedded
 * engine's figure (smaller size; its baseline is `COPY … TO '/dev/blob'` in the same engine), and
 * on a tenth of the deals the database-formatted path against the list use case it replaces.
 *
 * EXPORT_BENCH_ROWS (default 1,000,000) and EXPORT_BENCH_PGLITE_ROWS (default 100,000) set the sizes.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { composeFromDatabase, shutdown } from '../src/compose.ts';
import { openDatabase, type Database } from '../src/db/database.ts';
import { prepareRecordExport } from '../src/modules/export/export.service.ts';
import { setUpOrganization } from '../src/modules/organizations/set-up-organization.ts';
import { operatorActor } from '../src/cli/operator.ts';
import { scratchDatabase, scratchDir, writeResult } from './lib.ts';

// Bench parameters come from the command environment, like the sizes of the other benchmarks.
// eslint-disable-next-line no-restricted-properties
const env = process.env;
const ROWS = Number(env.EXPORT_BENCH_ROWS ?? 1_000_000);
const PGLITE_ROWS = Number(env.EXPORT_BENCH_PGLITE_ROWS ?? 100_000);
const ROOT = path.resolve(import.meta.dirname, '..');

/** The deal columns the baseline copies: the table's own, in the order of the export's record. */
const BASELINE_COLUMNS =
  'id, external_id, name, account_id, primary_contact_id, pipeline_id, stage_id, status, amount, currency, expected_close_date, closed_at, owner_id, source, channel, partner_account_id, lost_reason, next_step, stage_entered_at, created_at, updated_at, version';

/**
 * An organization (through the services: admin, starter pipeline) and, with set-based SQL, 25
 * owners, 2000 accounts, 1000 contacts, 20 products and `rows` deals: half open over four stages,
 * 30 % won, 20 % lost; one in ten with two line items and a contact role.
 */
async function prepare(database: Database, rows: number): Promise<string> {
  const deps = await composeFromDatabase(database, {
    sessionSecret: 'bench-secret-bench-secret-bench-secret-0',
    sessionTtlHours: 1,
  });
  const { organization } = await setUpOrganization(deps, {
    organization: { name: 'Export bench' },
    admin: { email: 'admin@bench.example', name: 'Admin', password: 'benchmark-password' },
  });
  const org = organization.id;
  const q = (text: string) => database.query(text.replaceAll(':org', `'${org}'::uuid`));
  const t = `timestamptz '2024-01-01T00:00:00Z'`;
  await q(`insert into users (org_id, id, email, name, role, created_at, updated_at)
    select :org, md5('owner' || i)::uuid, 'owner' || i || '@bench.example', 'Owner ' || i, 'rep', ${t}, ${t} from generate_series(0, 24) i`);
  await q(`insert into accounts (org_id, id, external_id, name, owner_id, created_at, updated_at)
    select :org, md5('account' || i)::uuid, 'acc-' || i, 'Account ' || i, md5('owner' || (i % 25))::uuid, ${t}, ${t} from generate_series(0, 1999) i`);
  await q(`insert into contacts (org_id, id, account_id, first_name, last_name, owner_id, created_at, updated_at)
    select :org, md5('contact' || i)::uuid, md5('account' || (i % 2000))::uuid, 'Pat', 'Contact ' || i, md5('owner' || (i % 25))::uuid, ${t}, ${t} from generate_series(0, 999) i`);
  await q(`insert into products (org_id, id, sku, name, list_price, currency, created_at, updated_at)
    select :org, md5('product' || i)::uuid, 'SKU-' || i, 'Product ' || i, 10 + i * 7.25, 'USD', ${t}, ${t} from generate_series(0, 19) i`);
  await q(`with st as (select p.id as pipeline, array_agg(s.id order by s.position) filter (where s.kind = 'open') as open,
        (array_agg(s.id) filter (where s.kind = 'won'))[1] as won, (array_agg(s.id) filter (where s.kind = 'lost'))[1] as lost
      from pipelines p join stages s on s.org_id = p.org_id and s.pipeline_id = p.id where p.org_id = :org and p.is_default group by p.id),
    d as (select i, (i * 2654435761::bigint) % 1000 as r, ${t} + ((i * 7919) % 600) * interval '1 day' + (i % 86400000) * interval '1 millisecond' as created from generate_series(0::bigint, ${rows - 1}) i)
    insert into deals (org_id, id, external_id, name, account_id, primary_contact_id, pipeline_id, stage_id, status, amount, currency, expected_close_date, closed_at,
                       owner_id, source, channel, lost_reason, next_step, stage_entered_at, created_by, created_at, updated_at)
    select :org, md5('deal' || d.i)::uuid, 'ext-' || d.i, case when d.i % 10 = 0 then 'Deal ' || d.i || ', "key account"' else 'Deal ' || d.i end,
      md5('account' || (d.i % 2000))::uuid, case when d.i % 10 = 0 then md5('contact' || (d.i % 1000))::uuid end,
      st.pipeline, case when d.r < 300 then st.won when d.r < 500 then st.lost else st.open[1 + d.r % 4] end,
      case when d.r < 300 then 'won' when d.r < 500 then 'lost' else 'open' end,
      case when d.i % 17 = 0 then null else round(1000 + (d.i * 37) % 90000 + (d.i % 100) / 100.0, 2) end, 'USD',
      case when d.r >= 500 then (d.created + interval '60 days')::date end,
      case when d.r < 500 then d.created + (5 + d.r % 90) * interval '1 day' end,
      md5('owner' || (d.i % 25))::uuid, case d.i % 3 when 0 then 'web' when 1 then 'referral' end, 'direct',
      case when d.r >= 300 and d.r < 500 then 'price' end, case when d.i % 7 = 0 then 'call back; send proposal' end,
      d.created + interval '1 day', md5('owner' || (d.i % 25))::uuid, d.created, d.created + interval '2 days'
    from d cross join st`);
  await q(`insert into deal_line_items (org_id, id, deal_id, product_id, position, quantity, unit_price, discount_percent)
    select :org, md5('line' || i || '-' || n)::uuid, md5('deal' || i)::uuid, md5('product' || ((i + n) % 20))::uuid, n, 1 + (i % 5), 10 + ((i + n) % 20) * 7.25, (i % 4) * 2.5
    from generate_series(0, ${rows - 1}, 10) i, generate_series(1, 2) n`);
  await q(`insert into deal_contacts (org_id, deal_id, contact_id, role)
    select :org, md5('deal' || i)::uuid, md5('contact' || (i % 1000))::uuid, 'champion' from generate_series(0, ${rows - 1}, 10) i`);
  await q('analyze');
  // Closes the database too.
  await shutdown(deps);
  return org;
}

/** Runs a command, sampling its peak resident memory (VmHWM) until it exits. */
function run(
  cmd: string,
  args: string[],
  extraEnv: Record<string, string>,
): Promise<{ ms: number; peakRssMiB: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd, args, { cwd: ROOT, env: { ...env, ...extraEnv }, stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    let peak = 0;
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const sample = () => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid ?? 0}/status`, 'utf8'));
        if (m) peak = Math.max(peak, Number(m[1]) / 1024);
      } catch {
        // the process has just exited
      }
    };
    const timer = setInterval(sample, 100);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      if (code !== 0) reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}\n${stderr}`));
      else resolve({ ms: performance.now() - started, peakRssMiB: Math.round(peak), stderr });
    });
  });
}

/** The export's own time, from its summary line (without the start-up of the process). */
const exportSeconds = (stderr: string) => Number(/ in ([\d.]+) s\s*$/.exec(stderr.trim())?.[1] ?? NaN);

/** Lines (CRLF or LF ends) of a file, read in chunks. */
function countLines(file: string): number {
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.alloc(1 << 20);
  let n = 0;
  for (let got = fs.readSync(fd, buf); got > 0; got = fs.readSync(fd, buf))
    for (let i = 0; i < got; i++) if (buf[i] === 10) n++;
  fs.closeSync(fd);
  return n;
}

/**
 * The deals created before `createdTo` exported in this process through the database-formatted
 * path and through the list use case (pages of DTOs formatted in Node): rows/s of each, and a check
 * that both wrote the same bytes.
 */
async function comparePaths(url: string, org: string, createdTo: string): Promise<Record<string, unknown>> {
  const deps = await composeFromDatabase(await openDatabase({ databaseUrl: url, dataDir: '' }), {
    sessionSecret: 'bench-secret-bench-secret-bench-secret-0',
    sessionTtlHours: 1,
  });
  const measure = async (listPath: boolean) => {
    const started = performance.now();
    let rows = 0;
    const hash = createHash('sha256');
    const file = await prepareRecordExport(
      deps,
      operatorActor(org),
      'deals',
      { createdTo },
      { listPath, onRecords: (n) => (rows = n) },
    );
    for await (const chunk of file.chunks) hash.update(chunk);
    const ms = performance.now() - started;
    return { rows, seconds: Math.round(ms) / 1000, rowsPerSecond: rate(rows, ms), sha256: hash.digest('hex') };
  };
  const fast = await measure(false);
  const list = await measure(true);
  await shutdown(deps);
  if (fast.sha256 !== list.sha256) throw new Error('the two export paths wrote different files');
  return {
    createdTo,
    rows: fast.rows,
    databaseFormatted: fast,
    listUseCase: list,
    speedup: Math.round((fast.rowsPerSecond / list.rowsPerSecond) * 10) / 10,
  };
}

const rate = (rows: number, ms: number) => Math.round(rows / (ms / 1000));
const dir = scratchDir('pipewright-export-bench');
const db = await scratchDatabase('export_bench');
try {
  const database = await openDatabase({ databaseUrl: db.url, dataDir: '' });
  let started = performance.now();
  const org = await prepare(database, ROWS);
  console.log(`made ${ROWS} deals in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const baselineFile = path.join(dir, 'baseline.csv');
  const baseline = await run(
    'psql',
    [
      db.url,
      '-v',
      'ON_ERROR_STOP=1',
      '-c',
      `\\copy (select ${BASELINE_COLUMNS} from deals where org_id = '${org}' and deleted_at is null order by created_at, id) TO '${baselineFile}' CSV HEADER`,
    ],
    {},
  );
  console.log(`psql \\copy: ${(baseline.ms / 1000).toFixed(1)} s`);
  const outFile = path.join(dir, 'deals.csv');
  const exported = await run('node', ['bin/pipewright.mjs', 'export', 'deals', '--org', org, '--out', outFile], {
    DATABASE_URL: db.url,
  });
  console.log(exported.stderr.trim());
  const exportS = exportSeconds(exported.stderr);
  const lines = countLines(outFile);
  if (lines !== ROWS + 1 || countLines(baselineFile) !== ROWS + 1)
    throw new Error(`expected ${ROWS} rows and a header, the export has ${lines} lines`);
  const postgres = {
    baselinePsqlCopy: {
      seconds: Math.round(baseline.ms) / 1000,
      rowsPerSecond: rate(ROWS, baseline.ms),
      fileMiB: Math.round(fs.statSync(baselineFile).size / 2 ** 20),
    },
    pipewrightExport: {
      exportSeconds: exportS,
      rowsPerSecond: rate(ROWS, exportS * 1000),
      endToEndSeconds: Math.round(exported.ms) / 1000,
      endToEndRowsPerSecond: rate(ROWS, exported.ms),
      peakRssMiB: exported.peakRssMiB,
      fileMiB: Math.round(fs.statSync(outFile).size / 2 ** 20),
    },
    ratioOfBaseline: Math.round((rate(ROWS, exportS * 1000) / rate(ROWS, baseline.ms)) * 1000) / 1000,
    endToEndRatioOfBaseline: Math.round((rate(ROWS, exported.ms) / rate(ROWS, baseline.ms)) * 1000) / 1000,
  };
  fs.rmSync(baselineFile);
  fs.rmSync(outFile);
  const paths = await comparePaths(db.url, org, '2024-03-01T00:00:00Z');
  console.log(`in-process, ${String(paths.rows)} deals: database-formatted vs list use case ${String(paths.speedup)}×`);

  const liteDir = scratchDir('pipewright-export-bench-pglite');
  const lite = await openDatabase({ dataDir: liteDir });
  started = performance.now();
  const liteOrg = await prepare(lite, PGLITE_ROWS);
  console.log(`made ${PGLITE_ROWS} deals on PGlite in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const pg = await PGlite.create({ dataDir: liteDir });
  started = performance.now();
  const copied = await pg.query(
    `COPY (select ${BASELINE_COLUMNS} from deals where org_id = '${liteOrg}' and deleted_at is null order by created_at, id) TO '/dev/blob' WITH (FORMAT csv, HEADER)`,
  );
  const liteBaselineMs = performance.now() - started;
  const blobBytes = copied.blob?.size ?? 0;
  await pg.close();
  const liteFile = path.join(dir, 'deals-pglite.csv');
  const liteRun = await run('node', ['bin/pipewright.mjs', 'export', 'deals', '--out', liteFile], {
    PIPEWRIGHT_DATA_DIR: liteDir,
    DATABASE_URL: '',
  });
  console.log(liteRun.stderr.trim());
  if (countLines(liteFile) !== PGLITE_ROWS + 1) throw new Error('the PGlite export does not have every row');
  const liteS = exportSeconds(liteRun.stderr);
  fs.rmSync(liteDir, { recursive: true, force: true });

  const result = {
    rows: ROWS,
    postgres: { ...postgres, pathsCompared: paths },
    pglite: {
      rows: PGLITE_ROWS,
      baselineCopyToBlob: {
        seconds: Math.round(liteBaselineMs) / 1000,
        rowsPerSecond: rate(PGLITE_ROWS, liteBaselineMs),
        fileMiB: Math.round((blobBytes / 2 ** 20) * 10) / 10,
      },
      pipewrightExport: {
        exportSeconds: liteS,
        rowsPerSecond: rate(PGLITE_ROWS, liteS * 1000),
        endToEndSeconds: Math.round(liteRun.ms) / 1000,
        peakRssMiB: liteRun.peakRssMiB,
      },
      ratioOfBaseline: Math.round((rate(PGLITE_ROWS, liteS * 1000) / rate(PGLITE_ROWS, liteBaselineMs)) * 1000) / 1000,
    },
    loadAverage: (await import('node:os')).loadavg().map((l) => Math.round(l * 100) / 100),
    targets: { ratioOfBaseline: 0.5 },
  };
  console.log(JSON.stringify(result, null, 2));
  writeResult('export', result);
} finally {
  await db.drop();
  fs.rmSync(dir, { recursive: true, force: true });
}
