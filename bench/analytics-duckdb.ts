/**
 * The baseline of bench/analytics.bench.ts: the rows the analyses read, exported from PostgreSQL
 * (COPY TO CSV, then DuckDB read_csv → Parquet) and the same computations written as DuckDB SQL over
 * the Parquet files, for every pipeline at once, as an analyst would. Also the comparison of its
 * results with Pipewright's, so that the timings compare two equal computations.
 *
 * Percentiles: PostgreSQL's percentile_cont and DuckDB's quantile_cont both interpolate linearly
 * between closest ranks (the same definition), so the figures agree up to floating-point rounding
 * of the durations (PostgreSQL takes the epoch of an interval as numeric, DuckDB subtracts integer
 * microseconds); the check allows a relative difference of 1e-9.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pipeline as streamPipeline } from 'node:stream/promises';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import pg from 'pg';
import pgCopy from 'pg-copy-streams';
import type { FunnelReport } from '../src/modules/analytics/analyses/funnel.ts';
import type { ProcessMapReport } from '../src/modules/analytics/analyses/process-map.ts';
import type { StageDurationsReport } from '../src/modules/analytics/analyses/stage-durations.ts';

export interface ExportResult {
  dir: string;
  seconds: { csv: number; parquet: number };
  rows: Record<string, number>;
  bytes: { csv: number; parquet: number };
}

/** The columns the four analyses read, per table, for one organization. */
const exports: { table: string; select: string; columns: Record<string, string> }[] = [
  {
    table: 'stages',
    select: `select id, pipeline_id, position, kind from stages where org_id = $ORG`,
    columns: { id: 'UUID', pipeline_id: 'UUID', position: 'INTEGER', kind: 'VARCHAR' },
  },
  {
    table: 'deals',
    select: `select id, status, created_at, deleted_at from deals where org_id = $ORG`,
    columns: { id: 'UUID', status: 'VARCHAR', created_at: 'TIMESTAMPTZ', deleted_at: 'TIMESTAMPTZ' },
  },
  {
    table: 'visits',
    select: `select deal_id, visit_no, pipeline_id, stage_id, entered_at, left_at from deal_stage_visits where org_id = $ORG`,
    columns: {
      deal_id: 'UUID',
      visit_no: 'INTEGER',
      pipeline_id: 'UUID',
      stage_id: 'UUID',
      entered_at: 'TIMESTAMPTZ',
      left_at: 'TIMESTAMPTZ',
    },
  },
];

const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** COPY of each table to CSV (timed), then each CSV to Parquet with DuckDB (timed apart). */
export async function exportToParquet(
  url: string,
  orgId: string,
  dir: string,
  duck: DuckDBConnection,
): Promise<ExportResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const rows: Record<string, number> = {};
  let csvBytes = 0;
  let parquetBytes = 0;
  const t0 = performance.now();
  try {
    await client.query(`SET TimeZone = 'UTC'`);
    for (const e of exports) {
      const file = path.join(dir, `${e.table}.csv`);
      const stream = client.query(
        pgCopy.to(`COPY (${e.select.replace('$ORG', `'${orgId}'::uuid`)}) TO STDOUT WITH (FORMAT csv)`),
      );
      await streamPipeline(stream, fs.createWriteStream(file));
      rows[e.table] = stream.rowCount ?? 0;
      csvBytes += fs.statSync(file).size;
    }
  } finally {
    await client.end();
  }
  const t1 = performance.now();
  for (const e of exports) {
    const cols = Object.entries(e.columns)
      .map(([k, v]) => `${sqlString(k)}: ${sqlString(v)}`)
      .join(', ');
    const csv = path.join(dir, `${e.table}.csv`);
    const parquet = path.join(dir, `${e.table}.parquet`);
    await duck.run(
      `COPY (SELECT * FROM read_csv(${sqlString(csv)}, header = false, columns = {${cols}})) TO ${sqlString(parquet)} (FORMAT parquet)`,
    );
    parquetBytes += fs.statSync(parquet).size;
    fs.rmSync(csv);
  }
  const t2 = performance.now();
  return {
    dir,
    seconds: { csv: (t1 - t0) / 1000, parquet: (t2 - t1) / 1000 },
    rows,
    bytes: { csv: csvBytes, parquet: parquetBytes },
  };
}

/** A DuckDB connection with views `stages`, `deals`, `visits` over the Parquet files of `dir`. */
export async function openDuck(
  dir?: string,
): Promise<{ conn: DuckDBConnection; attach(dir: string): Promise<void>; close(): void }> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  const attach = async (d: string) => {
    for (const e of exports)
      await conn.run(
        `CREATE OR REPLACE VIEW ${e.table} AS SELECT * FROM read_parquet(${sqlString(path.join(d, `${e.table}.parquet`))})`,
      );
  };
  if (dir) await attach(dir);
  return {
    conn,
    attach,
    close() {
      conn.closeSync();
      instance.closeSync();
    },
  };
}

// The deals the analyses count (not deleted), with their visits and stages.
const liveVisits = `
  select v.pipeline_id, v.deal_id, v.visit_no, v.stage_id, st.kind, v.entered_at, v.left_at, d.status
  from visits v
  join deals d on d.id = v.deal_id and d.deleted_at is null
  join stages st on st.id = v.stage_id`;

/**
 * Funnel per pipeline: ranks (open stages 1..n by position, won stages n + 1), per deal the ranks
 * reached and the strict depth (longest prefix 1..k of ranks first entered in that order), then
 * per step reached / advanced / censored (open) among the deals of the pipeline.
 */
const funnelSql = `
with ranks as (
  select id as stage_id, pipeline_id,
    case when kind = 'open' then row_number() over (partition by pipeline_id, kind order by position)
         else count(*) filter (where kind = 'open') over (partition by pipeline_id) + 1 end as stage_rank
  from stages where kind in ('open', 'won')
),
lv as (${liveVisits}),
firsts as (
  select lv.pipeline_id, lv.deal_id, r.stage_rank, min(lv.visit_no) as first_visit
  from lv join ranks r on r.stage_id = lv.stage_id
  group by all
),
numbered as (
  select pipeline_id, deal_id, stage_rank, row_number() over w as rn,
    stage_rank = row_number() over w and first_visit > coalesce(lag(first_visit) over w, 0) as ok
  from firsts window w as (partition by pipeline_id, deal_id order by stage_rank)
),
per_deal as (
  select pipeline_id, deal_id, coalesce(min(rn) filter (where not ok) - 1, count(*)) as depth, list(stage_rank) as reached
  from numbered group by all
),
dealset as (select distinct pipeline_id, deal_id, status from lv),
grouped as (
  select s.pipeline_id, s.status, coalesce(p.depth, 0) as depth, coalesce(p.reached, []) as reached, count(*) as n
  from dealset s left join per_deal p using (pipeline_id, deal_id)
  group by all
),
steps as (select distinct pipeline_id, stage_rank from ranks)
select s.pipeline_id::varchar as pipeline_id, s.stage_rank::int as stage_rank,
  coalesce(sum(n) filter (where depth >= s.stage_rank), 0)::int as strict_reached,
  coalesce(sum(n) filter (where depth >= s.stage_rank + 1), 0)::int as strict_advanced,
  coalesce(sum(n) filter (where depth = s.stage_rank and status = 'open'), 0)::int as strict_censored,
  coalesce(sum(n) filter (where list_contains(reached, s.stage_rank)), 0)::int as any_reached,
  coalesce(sum(n) filter (where list_contains(reached, s.stage_rank) and list_contains(reached, s.stage_rank + 1)), 0)::int as any_advanced,
  coalesce(sum(n) filter (where list_contains(reached, s.stage_rank) and not list_contains(reached, s.stage_rank + 1) and status = 'open'), 0)::int as any_censored,
  sum(n)::int as deals, coalesce(sum(n) filter (where status = 'open'), 0)::int as open,
  coalesce(sum(n) filter (where status = 'won'), 0)::int as won, coalesce(sum(n) filter (where status = 'lost'), 0)::int as lost
from steps s join grouped g on g.pipeline_id = s.pipeline_id
group by all order by 1, 2`;

/** Per open stage: completed visits and their duration percentiles (seconds), visits in progress. */
const durationsSql = `
select pipeline_id::varchar as pipeline_id, stage_id::varchar as stage_id, count(left_at)::int as count, (count(*) - count(left_at))::int as in_progress,
  quantile_cont(secs, [0.5, 0.75, 0.9]) as q, avg(secs) as mean
from (select *, (epoch_us(left_at) - epoch_us(entered_at)) / 1e6 as secs from (${liveVisits}) where kind = 'open')
group by all`;

/** Cycle time (seconds) of closed deals: first visit to the current (closing) visit, per pipeline and outcome. */
const cycleSql = `
with firsts as (select deal_id, min(entered_at) as first_at from visits group by deal_id)
select pipeline_id::varchar as pipeline_id, status, count(*)::int as count,
  quantile_cont(secs, [0.5, 0.75, 0.9]) as q, avg(secs) as mean
from (
  select c.pipeline_id, d.status, (epoch_us(c.entered_at) - epoch_us(f.first_at)) / 1e6 as secs
  from deals d join visits c on c.deal_id = d.id and c.left_at is null join firsts f on f.deal_id = d.id
  where d.deleted_at is null and d.status in ('won', 'lost')
)
group by all`;

// Each deal's stage entries in order within a pipeline, with the next entry.
const seqCte = `
seq as (
  select pipeline_id, deal_id, stage_id, entered_at, status,
    row_number() over w as rn, lead(stage_id) over w as next_node, lead(entered_at) over w as next_at
  from (${liveVisits})
  window w as (partition by pipeline_id, deal_id order by entered_at, visit_no)
)`;

/** Directly-follows edges with counts, cases and P50/P90 of the time between the two entries (ms). */
const edgesSql = `
with ${seqCte}
select pipeline_id::varchar as pipeline_id, stage_id::varchar as "from", next_node::varchar as "to", count(*)::int as count, count(distinct deal_id)::int as cases,
  quantile_cont((epoch_us(next_at) - epoch_us(entered_at)) / 1000.0, [0.5, 0.9]) as q
from seq where next_node is not null group by all`;

/** Per node: entries, cases, traces starting and ending there, and of those ending, still open. */
const nodesSql = `
with ${seqCte}
select pipeline_id::varchar as pipeline_id, stage_id::varchar as key, count(*)::int as events, count(distinct deal_id)::int as cases,
  (count(*) filter (where rn = 1))::int as starts, (count(*) filter (where next_node is null))::int as ends,
  (count(*) filter (where next_node is null and status = 'open'))::int as open
from seq group by all`;

/** Variants: deals by stage sequence, with won / lost (kind of the last visit) and the median cycle of the closed ones (ms). */
const variantsSql = `
with per_deal as (
  select pipeline_id, deal_id, string_agg(stage_id::varchar, ',' order by visit_no) as sequence, arg_max(kind, visit_no) as last_kind,
    (epoch_us(max(entered_at)) - epoch_us(min(entered_at))) / 1000.0 as span_ms
  from (${liveVisits}) group by all
)
select pipeline_id::varchar as pipeline_id, sequence, count(*)::int as count,
  (count(*) filter (where last_kind = 'won'))::int as won, (count(*) filter (where last_kind = 'lost'))::int as lost,
  quantile_cont(span_ms, 0.5) filter (where last_kind <> 'open') as median_ms
from per_deal group by all`;

export const duckQueries = {
  funnel: [funnelSql],
  durations: [durationsSql, cycleSql],
  processMap: [edgesSql, nodesSql],
  variants: [variantsSql],
} as const;
export type DuckStep = keyof typeof duckQueries;

export type Row = Record<string, unknown>;

/** Runs one step's queries; returns their rows (plain JS values). */
export async function runDuck(conn: DuckDBConnection, step: DuckStep): Promise<Row[][]> {
  const out: Row[][] = [];
  for (const q of duckQueries[step]) out.push((await conn.runAndReadAll(q)).getRowObjectsJS());
  return out;
}

/** What the check compares, from Pipewright's reports of one pipeline. */
export interface PipewrightReports {
  pipelineId: string;
  funnel: FunnelReport;
  durations: StageDurationsReport;
  processMap: ProcessMapReport;
}

const DAY_S = 86_400;
const DAY_MS = 86_400_000;
const REL = 1e-9;

function close(a: number | null | undefined, b: number | null | undefined): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  return Math.abs(a - b) <= REL * Math.max(1, Math.abs(a), Math.abs(b));
}

/** One line per comparison made, with the number of values compared and the mismatches found. */
export interface CheckResult {
  compared: Record<string, number>;
  mismatches: string[];
}

/**
 * Compares DuckDB's rows (from `runDuck` of each step) with Pipewright's reports for every pipeline:
 * funnel steps (strict and any-order reached / advanced / exited / censored) and outcome counts
 * exactly; stage duration and cycle statistics (count, in progress exactly; P50, P75, P90, mean
 * within 1e-9 relative); every directly-follows edge (count, cases exactly, P50/P90 within 1e-9) and
 * node (events, cases, starts, ends, open); every listed variant (count, won, lost, share, win rate
 * exactly, median cycle within 1e-9) and the number and count of the other variants.
 */
export function compareResults(reports: readonly PipewrightReports[], duck: Record<DuckStep, Row[][]>): CheckResult {
  const compared: Record<string, number> = { funnelSteps: 0, durationStats: 0, edges: 0, nodes: 0, variants: 0 };
  const mismatches: string[] = [];
  const miss = (what: string, ours: unknown, theirs: unknown) => {
    if (mismatches.length < 50)
      mismatches.push(`${what}: Pipewright ${JSON.stringify(ours)}, DuckDB ${JSON.stringify(theirs)}`);
  };
  const [funnelRows = [], [durRows = [], cycleRows = []], [edgeRows = [], nodeRows = []], [variantRows = []]] = [
    duck.funnel[0],
    duck.durations,
    duck.processMap,
    duck.variants,
  ];
  for (const r of reports) {
    const p = r.pipelineId;
    const pn = r.funnel.pipeline.name;
    // Funnel.
    const steps = funnelRows.filter((x) => x.pipeline_id === p);
    if (steps.length !== r.funnel.stages.length) miss(`${pn} funnel steps`, r.funnel.stages.length, steps.length);
    r.funnel.stages.forEach((s, i) => {
      const d = steps.find((x) => x.stage_rank === i + 1);
      if (!d) return void miss(`${pn} funnel step ${s.name}`, 'present', 'absent');
      const isWon = s.kind === 'won';
      const dStrictAdv = d.strict_advanced as number;
      const dAnyAdv = d.any_advanced as number;
      const want = {
        strict: {
          reached: d.strict_reached,
          advanced: isWon ? null : dStrictAdv,
          censored: isWon ? null : d.strict_censored,
          exited: isWon ? null : (d.strict_reached as number) - dStrictAdv - (d.strict_censored as number),
        },
        anyOrder: {
          reached: d.any_reached,
          advanced: isWon ? null : dAnyAdv,
          censored: isWon ? null : d.any_censored,
          exited: isWon ? null : (d.any_reached as number) - dAnyAdv - (d.any_censored as number),
        },
      };
      for (const mode of ['strict', 'anyOrder'] as const) {
        const ours = r.funnel.stages[i]?.[mode];
        const theirs = want[mode];
        if (
          !ours ||
          ours.reached !== theirs.reached ||
          ours.advanced !== theirs.advanced ||
          ours.censored !== theirs.censored ||
          ours.exited !== theirs.exited
        ) {
          miss(`${pn} funnel ${s.name} ${mode}`, ours, theirs);
        }
        compared.funnelSteps = (compared.funnelSteps ?? 0) + 1;
      }
      if (i === 0) {
        const o = { deals: r.funnel.deals, open: r.funnel.open, won: r.funnel.won, lost: r.funnel.lost };
        const t = { deals: d.deals, open: d.open, won: d.won, lost: d.lost };
        if (JSON.stringify(o) !== JSON.stringify(t)) miss(`${pn} funnel outcomes`, o, t);
      }
    });
    // Stage durations (DuckDB in seconds, Pipewright in days).
    const stat = (
      what: string,
      ours: {
        count: number;
        p50: number | null;
        p75: number | null;
        p90: number | null;
        mean: number | null;
        inProgress?: number;
      },
      d: Row | undefined,
    ) => {
      compared.durationStats = (compared.durationStats ?? 0) + 1;
      const q = (d?.q as number[] | undefined) ?? [];
      const theirs = {
        count: (d?.count as number | undefined) ?? 0,
        p50: q[0] === undefined ? null : q[0] / DAY_S,
        p75: q[1] === undefined ? null : q[1] / DAY_S,
        p90: q[2] === undefined ? null : q[2] / DAY_S,
        mean: d?.mean === undefined || d.mean === null ? null : (d.mean as number) / DAY_S,
        inProgress: d?.in_progress as number | undefined,
      };
      const ok =
        ours.count === theirs.count &&
        (ours.inProgress === undefined || ours.inProgress === (theirs.inProgress ?? 0)) &&
        close(ours.p50, theirs.p50) &&
        close(ours.p75, theirs.p75) &&
        close(ours.p90, theirs.p90) &&
        close(ours.mean, theirs.mean);
      if (!ok) miss(what, ours, theirs);
    };
    for (const s of r.durations.stages)
      stat(
        `${pn} duration ${s.name}`,
        s,
        durRows.find((x) => x.pipeline_id === p && x.stage_id === s.stageId),
      );
    for (const outcome of ['won', 'lost'] as const)
      stat(
        `${pn} cycle ${outcome}`,
        r.durations.cycle[outcome],
        cycleRows.find((x) => x.pipeline_id === p && x.status === outcome),
      );
    // Process map: edges and nodes.
    const edges = edgeRows.filter((x) => x.pipeline_id === p);
    if (edges.length !== r.processMap.edges.length) miss(`${pn} edge count`, r.processMap.edges.length, edges.length);
    for (const e of r.processMap.edges) {
      compared.edges = (compared.edges ?? 0) + 1;
      const d = edges.find((x) => x.from === e.from && x.to === e.to);
      const q = (d?.q as number[] | undefined) ?? [];
      if (
        !d ||
        d.count !== e.count ||
        d.cases !== e.cases ||
        !close(e.p50Days, (q[0] ?? Number.NaN) / DAY_MS) ||
        !close(e.p90Days, (q[1] ?? Number.NaN) / DAY_MS)
      )
        miss(`${pn} edge ${e.from} → ${e.to}`, e, d);
    }
    const nodes = nodeRows.filter((x) => x.pipeline_id === p);
    for (const n of r.processMap.nodes) {
      compared.nodes = (compared.nodes ?? 0) + 1;
      const d = nodes.find((x) => x.key === n.key) ?? { events: 0, cases: 0, starts: 0, ends: 0, open: 0 };
      if (
        d.events !== n.events ||
        d.cases !== n.cases ||
        d.starts !== n.starts ||
        d.ends !== n.ends ||
        d.open !== n.open
      )
        miss(`${pn} node ${n.label}`, n, d);
    }
    // Variants: every listed one, then the rest together.
    const variants = new Map(variantRows.filter((x) => x.pipeline_id === p).map((x) => [x.sequence as string, x]));
    const cases = [...variants.values()].reduce((n, x) => n + (x.count as number), 0);
    if (cases !== r.processMap.cases) miss(`${pn} cases`, r.processMap.cases, cases);
    for (const v of r.processMap.variants) {
      compared.variants = (compared.variants ?? 0) + 1;
      const d = variants.get(v.sequence.join(','));
      const won = (d?.won as number | undefined) ?? 0;
      const lost = (d?.lost as number | undefined) ?? 0;
      const median = d?.median_ms === null || d?.median_ms === undefined ? null : (d.median_ms as number) / DAY_MS;
      if (
        !d ||
        d.count !== v.count ||
        won !== v.won ||
        lost !== v.lost ||
        v.share !== v.count / cases ||
        v.winRate !== (won + lost === 0 ? null : won / (won + lost)) ||
        !close(v.medianCycleDays, median)
      ) {
        miss(`${pn} variant ${v.labels.join('→')}`, v, d);
      }
    }
    // Nothing DuckDB has may be more frequent than the least frequent listed variant and yet be unlisted.
    const listed = new Set(r.processMap.variants.map((v) => v.sequence.join(',')));
    const minListed = Math.min(...r.processMap.variants.map((v) => v.count));
    const unlisted = [...variants.entries()].filter(([k]) => !listed.has(k));
    if (unlisted.length !== r.processMap.otherVariants.variants)
      miss(`${pn} other variants`, r.processMap.otherVariants.variants, unlisted.length);
    const above = unlisted.filter(([, x]) => (x.count as number) > minListed);
    if (above.length > 0)
      miss(
        `${pn} variants more frequent than a listed one but not listed`,
        minListed,
        above.map(([k, x]) => [k, x.count]),
      );
  }
  return { compared, mismatches };
}
