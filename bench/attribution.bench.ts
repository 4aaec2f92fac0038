/**
 * Attribution at scale: the rule-based models (first touch, last touch, linear, U, W, full path,
 * time decay) over a synthetic organization's touch journeys on PostgreSQL, through the same
 * repository and pure functions the API runs, against the same computation in DuckDB over the same
 * rows exported to Parquet (the baseline an analyst would reach for), measured in the same run,
 * with a check that both credited every campaign the same. Then the time of the data-driven models
 * (the Markov removal effect with its bootstrap interval, and Shapley values) on the same journeys.
 *
 *   npm run bench:attribution                                   # about 100,000 journeys, 1,000,000 touches
 *   npm run bench:attribution -- --leads 20000                  # a smaller run
 *   npm run bench:attribution -- --database-url postgres://…/db --keep
 *   options: --seed S (1), --runs R (3; after one warm-up), --resamples B (200)
 *
 * The organization comes from `seed synthetic` with campaigns that reach more leads with more
 * touches than the defaults (four campaigns, each reaching half of the leads with one to eight
 * touches), so that the journeys are long. Export time (COPY to CSV, CSV to Parquet) is reported,
 * not counted.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline as streamPipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { sql } from 'kysely';
import pg from 'pg';
import pgCopy from 'pg-copy-streams';
import { markovCredit, ruleCredits, ruleModels, shapleyCredit, type RuleModel } from '../src/analytics/attribution.ts';
import { operatorActor } from '../src/cli/operator.ts';
import { composeFromDatabase, shutdown } from '../src/compose.ts';
import { openDatabase } from '../src/db/database.ts';
import { attributionJourneys } from '../src/modules/analytics/analyses/attribution-journeys.ts';
import { inAnalyticsSnapshot } from '../src/modules/analytics/analytics.repository.ts';
import type { Deps } from '../src/modules/context.ts';
import { seedSynthetic } from '../src/modules/synthetic/seed-synthetic.ts';
import { defaultSyntheticParams, type SyntheticParams } from '../src/modules/synthetic/synthetic-params.ts';
import { scratchDatabase, scratchDir, writeResult } from './lib.ts';

const { values } = parseArgs({
  options: {
    leads: { type: 'string', default: '106000' },
    seed: { type: 'string', default: '1' },
    runs: { type: 'string', default: '3' },
    resamples: { type: 'string', default: '200' },
    'database-url': { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const LEADS = Number(values.leads);
const RUNS = Math.max(1, Number(values.runs));
const HALF_LIFE_DAYS = 7;
const AS_OF = '2026-10-31';
const SESSION = { sessionSecret: 'bench-secret-bench-secret-bench-secret-00', sessionTtlHours: 1 };

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const round = (ms: number) => Math.round(ms * 10) / 10;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

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

/** Half the deals from leads (a quarter of which convert), every campaign reaching half the leads with up to eight touches. */
const params: SyntheticParams = {
  ...defaultSyntheticParams,
  dealMix: { b2b: 0.5, b2c: 0, partner: 0, lead: 0.5 },
  leads: { ...defaultSyntheticParams.leads, toDeal: 0.25 },
  // Every converting lead holds a meeting first: with a quarter of the leads converting, inside
  // sales must book every open connect (0.7 × 0.9 held × 0.8 shown ≥ the 0.47 that convert).
  booking: { ...defaultSyntheticParams.booking, setRate: 0.7 },
  marketing: {
    ...defaultSyntheticParams.marketing,
    campaigns: defaultSyntheticParams.marketing.campaigns.map((c) => ({ ...c, reach: 0.5 })),
    maxTouches: 8,
  },
};

async function generate(url: string): Promise<void> {
  const database = await openDatabase({ databaseUrl: url, dataDir: '' });
  try {
    const deps = await composeFromDatabase(database, SESSION);
    // Leads are twice the deals under this mix (arrivals: 0.5 direct + 0.5 / 0.25 leads per deal).
    const deals = Math.round(LEADS / 2);
    console.log(`generating about ${LEADS.toLocaleString('en-US')} leads (${deals} deals; load average ${load()})`);
    const t0 = performance.now();
    let last = t0;
    await seedSynthetic(deps, {
      name: 'Bench Attribution',
      seed: Number(values.seed),
      deals,
      months: 12,
      password: 'benchmark-password',
      params,
      end: new Date('2026-11-01T00:00:00Z'),
      onProgress: (p) => {
        const now = performance.now();
        if (now - last < 15_000) return;
        last = now;
        console.log(`  ${((now - t0) / 1000).toFixed(0)} s: ${p.deals.toLocaleString('en-US')} deals`);
      },
    });
    console.log(`generated in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    await shutdown(deps);
  } catch (err) {
    await database.close();
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------
// The DuckDB baseline.

const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** The columns attribution reads, per table, for one organization. */
const exports: { table: string; select: string; columns: Record<string, string> }[] = [
  {
    table: 'touches',
    select: `select campaign_id, lead_id, contact_id, touched_at from campaign_touches where org_id = $ORG`,
    columns: { campaign_id: 'UUID', lead_id: 'UUID', contact_id: 'UUID', touched_at: 'TIMESTAMPTZ' },
  },
  {
    table: 'leads',
    select: `select id, created_at, converted_contact_id, converted_deal_id from leads where org_id = $ORG`,
    columns: { id: 'UUID', created_at: 'TIMESTAMPTZ', converted_contact_id: 'UUID', converted_deal_id: 'UUID' },
  },
  {
    table: 'deals',
    select: `select id, amount, trim(currency) as currency, status, created_at, closed_at, primary_contact_id, deleted_at from deals where org_id = $ORG`,
    columns: {
      id: 'UUID',
      amount: 'DECIMAL(20,2)',
      currency: 'VARCHAR',
      status: 'VARCHAR',
      created_at: 'TIMESTAMPTZ',
      closed_at: 'TIMESTAMPTZ',
      primary_contact_id: 'UUID',
      deleted_at: 'TIMESTAMPTZ',
    },
  },
  {
    table: 'deal_contacts',
    select: `select deal_id, contact_id from deal_contacts where org_id = $ORG`,
    columns: { deal_id: 'UUID', contact_id: 'UUID' },
  },
];

async function exportToParquet(url: string, orgId: string, dir: string, duck: DuckDBConnection) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const rows: Record<string, number> = {};
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
    fs.rmSync(csv);
    await duck.run(`CREATE OR REPLACE VIEW ${e.table} AS SELECT * FROM read_parquet(${sqlString(parquet)})`);
  }
  return { rows, seconds: { csv: (t1 - t0) / 1000, parquet: (performance.now() - t1) / 1000 } };
}

/**
 * The seven rule-based models in DuckDB SQL, for pipeline (a deal converts when created) and won
 * revenue (when won), as `src/analytics/attribution.ts` defines them: a deal's journey is the
 * touches of the people on it (its primary contact, its contacts with a role, the lead it came
 * from, a converted lead being its contact), before `asOf` and at or before the conversion, oldest
 * first; milestones are the first touch, the lead-creation touch (the last at or before the lead's
 * creation, else the first), the opportunity-creation touch (the last at or before the deal's
 * creation, else the last) and the last touch; shares on one touch add up, what is left of 1 is
 * spread over the other touches, or the shares are scaled to 1 when there is none.
 */
function duckAttribution(asOf: string, currency: string): string {
  return `
with pt as (
  select coalesce(l.converted_contact_id, t.contact_id, t.lead_id) as person, t.campaign_id, t.touched_at
  from touches t left join leads l on l.id = t.lead_id
  where t.touched_at < ${asOf}
),
dp as (
  select id as deal_id, primary_contact_id as person from deals where primary_contact_id is not null
  union
  select deal_id, contact_id from deal_contacts
  union
  select converted_deal_id, coalesce(converted_contact_id, id) from leads where converted_deal_id is not null
),
lead_at as (select converted_deal_id as deal_id, min(created_at) as lead_at from leads where converted_deal_id is not null group by 1),
d as (
  select d.id, coalesce(d.amount, 0)::double as value, d.created_at, la.lead_at,
    case when d.status = 'won' and d.closed_at < ${asOf} then d.closed_at end as won_at
  from deals d left join lead_at la on la.deal_id = d.id
  where d.deleted_at is null and d.created_at < ${asOf} and d.currency = ${sqlString(currency)}
),
conv as (
  select 'pipeline' as outcome, id, value, created_at as converted_at, lead_at, created_at as opp_at from d
  union all
  select 'won', id, value, won_at, lead_at, created_at from d where won_at is not null
),
jt as (
  select c.outcome, c.id, c.value, c.converted_at, c.lead_at, c.opp_at, pt.campaign_id, pt.touched_at as ts
  from conv c join dp on dp.deal_id = c.id join pt on pt.person = dp.person
  where pt.touched_at <= c.converted_at
),
ranked as (
  select *, (row_number() over (partition by outcome, id order by ts, campaign_id) - 1)::int as i,
    count(*) over (partition by outcome, id) as n
  from jt
),
ms as (
  select outcome, id,
    coalesce(max(i) filter (where lead_at is not null and ts <= lead_at), 0) as lead_i,
    coalesce(max(i) filter (where ts <= opp_at), max(n) - 1) as opp_i,
    sum(power(2, -(epoch_ms(converted_at) - epoch_ms(ts)) / ${HALF_LIFE_DAYS * 86_400_000}.0)) as decay_sum
  from ranked group by outcome, id
),
w as (
  select r.outcome, r.campaign_id, r.value, r.i, r.n, m.lead_i, m.opp_i,
    power(2, -(epoch_ms(r.converted_at) - epoch_ms(r.ts)) / ${HALF_LIFE_DAYS * 86_400_000}.0) / m.decay_sum as w_decay,
    (r.i = 0)::int * 0.4 + (r.i = m.lead_i)::int * 0.4 as u_share,
    1 + (m.lead_i <> 0)::int as u_k,
    (r.i = 0)::int * 0.3 + (r.i = m.lead_i)::int * 0.3 + (r.i = m.opp_i)::int * 0.3 as w_share,
    1 + (m.lead_i <> 0)::int + (m.opp_i not in (0, m.lead_i))::int as w_k,
    (r.i = 0)::int * 0.225 + (r.i = m.lead_i)::int * 0.225 + (r.i = m.opp_i)::int * 0.225
      + (r.i = r.n - 1)::int * 0.225 as f_share,
    1 + (m.lead_i <> 0)::int + (m.opp_i not in (0, m.lead_i))::int
      + ((r.n - 1) not in (0, m.lead_i, m.opp_i))::int as f_k
  from ranked r join ms m on m.outcome = r.outcome and m.id = r.id
)
select outcome, campaign_id::varchar as campaign_id,
  sum(value * (i = 0)::int) as first_touch,
  sum(value * (i = n - 1)::int) as last_touch,
  sum(value / n) as linear,
  sum(value * case when u_share > 0 then (case when n > u_k then u_share else u_share / 0.8 end)
    else (case when n > u_k then 0.2 / (n - u_k) else 0 end) end) as u_shaped,
  sum(value * case when w_share > 0 then (case when n > w_k then w_share else w_share / 0.9 end)
    else (case when n > w_k then 0.1 / (n - w_k) else 0 end) end) as w_shaped,
  sum(value * case when f_share > 0 then (case when n > f_k then f_share else f_share / 0.9 end)
    else (case when n > f_k then 0.1 / (n - f_k) else 0 end) end) as full_path,
  sum(value * w_decay) as time_decay
from w group by outcome, campaign_id`;
}

type Credits = Record<'pipeline' | 'won', Map<RuleModel, Map<string, number>>>;

// ---------------------------------------------------------------------------------------------
// The run.

async function main(): Promise<void> {
  let url = values['database-url'];
  let drop: (() => Promise<void>) | null = null;
  if (!url) {
    const scratch = await scratchDatabase('pw_bench_attr');
    url = scratch.url;
    drop = scratch.drop;
  }
  const dir = scratchDir('pipewright-attribution');
  const instance = await DuckDBInstance.create(':memory:');
  const duck = await instance.connect();
  try {
    const database = await openDatabase({ databaseUrl: url, dataDir: '' });
    let deps: Deps = await composeFromDatabase(database, SESSION);
    const existing = await sql<{ id: string }>`select id from organizations where name = 'Bench Attribution'`.execute(
      deps.db,
    );
    if (existing.rows.length === 0) {
      await shutdown(deps);
      await generate(url);
      deps = await composeFromDatabase(await openDatabase({ databaseUrl: url, dataDir: '' }), SESSION);
    }
    const org = await sql<{ id: string }>`select id from organizations where name = 'Bench Attribution'`.execute(
      deps.db,
    );
    const orgId = org.rows[0]?.id;
    if (!orgId) throw new Error('no organization to measure');
    const actor = operatorActor(orgId);
    const sizes = (
      await sql<{ touches: number; people: number; deals: number }>`
        select (select count(*) from campaign_touches where org_id = ${orgId})::int as touches,
          (select count(distinct coalesce(l.converted_contact_id, t.contact_id, t.lead_id)) from campaign_touches t
            left join leads l on l.org_id = t.org_id and l.id = t.lead_id where t.org_id = ${orgId})::int as people,
          (select count(*) from deals where org_id = ${orgId})::int as deals`.execute(deps.db)
    ).rows[0];
    console.log(`${JSON.stringify(sizes)} (load average ${load()})`);

    // Pipewright: the journeys read as the API reads them (in an analysis' snapshot), then the
    // rule-based models over them.
    const readJourneys = () =>
      inAnalyticsSnapshot(deps.db, (db) => attributionJourneys({ ...deps, db }, actor, {}, AS_OF));
    const pipewright = await timed(async () => {
      const j = await readJourneys();
      const credits: Credits = {
        pipeline: ruleCredits(j.pipeline, HALF_LIFE_DAYS),
        won: ruleCredits(j.won, HALF_LIFE_DAYS),
      };
      return { credits, journeys: j };
    });
    const journeys = pipewright.value.journeys;
    const journeyCount = journeys.pipeline.length;
    console.log(`Pipewright rule-based models: ${round(pipewright.ms)} ms (${journeyCount} journeys)`);
    const read = await timed(readJourneys);
    console.log(`  of which reading the journeys: ${round(read.ms)} ms`);

    // The data-driven models, on the same journeys.
    const t0 = performance.now();
    markovCredit(journeys.pipeline, { resamples: Number(values.resamples), seed: 1 });
    const markovMs = performance.now() - t0;
    const t1 = performance.now();
    shapleyCredit(journeys.pipeline);
    const shapleyMs = performance.now() - t1;
    console.log(
      `Markov removal effect with ${values.resamples} bootstrap resamples: ${round(markovMs)} ms; Shapley: ${round(shapleyMs)} ms`,
    );

    // DuckDB over the same rows.
    const exported = await exportToParquet(url, orgId, dir, duck);
    console.log(`exported ${JSON.stringify(exported.rows)} in ${JSON.stringify(exported.seconds)} s`);
    const asOfInstant = `timestamptz '2026-11-01 00:00:00+00'`;
    const query = duckAttribution(asOfInstant, journeys.currency);
    const duckRun = await timed(async () => (await duck.runAndReadAll(query)).getRowObjectsJS());
    console.log(`DuckDB rule-based models: ${round(duckRun.ms)} ms`);

    // The check: every campaign's credit under every model, both outcomes.
    const mismatches: string[] = [];
    let compared = 0;
    for (const outcome of ['pipeline', 'won'] as const)
      for (const m of ruleModels) {
        const ours = pipewright.value.credits[outcome].get(m) ?? new Map<string, number>();
        const theirs = new Map(
          duckRun.value.filter((r) => r.outcome === outcome).map((r) => [r.campaign_id as string, Number(r[m])]),
        );
        for (const c of new Set([...ours.keys(), ...theirs.keys()])) {
          const a = ours.get(c) ?? 0;
          const b = theirs.get(c) ?? 0;
          compared++;
          if (Math.abs(a - b) > 1e-6 * Math.max(1, Math.abs(a), Math.abs(b)))
            mismatches.push(`${outcome} ${m} ${c}: Pipewright ${a}, DuckDB ${b}`);
        }
      }
    console.log(`check: ${compared} credits compared, ${mismatches.length} differ`);
    for (const x of mismatches.slice(0, 10)) console.log(`  ${x}`);
    const ratio = Math.round((pipewright.ms / duckRun.ms) * 100) / 100;
    console.log(`ratio Pipewright / DuckDB: ${ratio} (target at most 2)`);
    writeResult('attribution', {
      loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10),
      sizes: { ...sizes, journeys: journeyCount, journeysWithoutDeal: journeys.journeysWithoutDeal },
      runs: RUNS,
      ms: {
        pipewrightRuleModels: round(pipewright.ms),
        pipewrightReadingJourneys: round(read.ms),
        duckdbRuleModels: round(duckRun.ms),
        markov: round(markovMs),
        shapley: round(shapleyMs),
      },
      runsMs: { pipewright: pipewright.runs, read: read.runs, duckdb: duckRun.runs },
      export: exported,
      ratio,
      targetRatio: 2,
      check: { compared, mismatches: mismatches.length, examples: mismatches.slice(0, 10) },
    });
    await shutdown(deps);
    if (mismatches.length > 0) process.exitCode = 1;
  } finally {
    duck.closeSync();
    instance.closeSync();
    fs.rmSync(dir, { recursive: true, force: true });
    if (drop && !values.keep) await drop();
    else console.log(`database kept: ${url}`);
  }
}

await main();
