/**
 * API throughput on PostgreSQL with 100k deals: autocannon (50 connections, 10 s) against GET a
 * deal by id, a filtered list page and a stage move, and in the same run a bare Fastify + pg
 * handler doing the same SQL as the baseline. Prints req/s, p99 and the ratio to the baseline.
 * Targets: GET ≥ 60 % of the baseline, stage move ≥ 35 %, p99 ≤ 25 ms.
 *
 * Both servers run in a child process (api-servers.ts); this process seeds the data and generates
 * the load. Every scenario must answer 2xx only, or its figures are meaningless: the stage move
 * sends the deal's current version in If-Match and a stage other than its current one, both
 * learnt from the previous response for that deal.
 *
 * usage: npm run bench:api [-- deals seconds poolSize]
 */
import { fork } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { composeFromDatabase } from '../src/compose.ts';
import { openDatabase } from '../src/db/database.ts';
import { actorForUser, createApiToken } from '../src/modules/auth/auth.service.ts';
import { createOrganization } from '../src/modules/users/users.service.ts';
import { scratchDatabase, writeResult } from './lib.ts';

const DEALS = Number(process.argv[2] ?? 100_000);
const DURATION = Number(process.argv[3] ?? 10);
/** Database connections of each server (Pipewright's default PIPEWRIGHT_DB_POOL_SIZE). */
const POOL_SIZE = Number(process.argv[4] ?? 10);
const CONNECTIONS = 50;
/** Deals the GET and the stage move cycle through; a deal comes back only after this many requests. */
const SAMPLE = 5000;

interface Fixture {
  orgId: string;
  token: string;
  dealIds: string[];
  stageIds: string[];
}

/** Where each sampled deal stands, as the last successful response said. */
type DealState = Map<string, { stageId: string; version: number }>;

async function seed(url: string): Promise<{ fixture: Fixture; state: DealState }> {
  const database = await openDatabase({ databaseUrl: url, dataDir: '', poolSize: 2 });
  const deps = await composeFromDatabase(database, { sessionSecret: undefined, sessionTtlHours: 1 });
  const { organization, admin } = await createOrganization(deps, {
    organization: { name: 'Bench Org', baseCurrency: 'USD', timezone: 'UTC', fiscalYearStartMonth: 1 },
    admin: { email: 'bench@example.test', name: 'Bench Admin', password: 'benchmark-password' },
  });
  const orgId = organization.id;
  const actor = await actorForUser(deps, orgId, admin.id);
  const { token } = await createApiToken(deps, actor, { name: 'bench' });
  await deps.sealer.flush();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const pipelineId = deps.ids.id();
  const stages = ['Qualify', 'Discover', 'Propose', 'Negotiate'].map((name, i) => ({ id: deps.ids.id(), name, position: i, probability: 10 + i * 20, kind: 'open' }));
  stages.push({ id: deps.ids.id(), name: 'Won', position: 4, probability: 100, kind: 'won' }, { id: deps.ids.id(), name: 'Lost', position: 5, probability: 0, kind: 'lost' });
  await client.query(`insert into pipelines (org_id, id, name, is_default, created_at, updated_at) values ($1, $2, 'Bench', true, now(), now())`, [orgId, pipelineId]);
  for (const s of stages) {
    await client.query(
      `insert into stages (org_id, id, pipeline_id, name, position, probability, forecast_category, kind) values ($1,$2,$3,$4,$5,$6,$7,$8)`,
      [orgId, s.id, pipelineId, s.name, s.position, s.probability, s.kind === 'open' ? 'pipeline' : s.kind === 'won' ? 'closed' : 'omitted', s.kind],
    );
  }
  const openStages = stages.filter((s) => s.kind === 'open').map((s) => s.id);
  const t0 = Date.now();
  await client.query(
    `insert into deals (org_id, id, name, pipeline_id, stage_id, status, amount, currency, expected_close_date, owner_id, source, channel, stage_entered_at, created_at, updated_at)
     select $1, gen_random_uuid(), 'Deal ' || i, $2, ($3::uuid[])[1 + (i % 4)], 'open', (1000 + (i * 37) % 90000)::numeric(20,2), 'USD',
            date '2026-01-01' + (i % 365), $4, (array['web','referral','outbound','event'])[1 + (i % 4)], 'direct', now(), now() - make_interval(mins => i), now()
     from generate_series(1, $5::int) as i`,
    [orgId, pipelineId, openStages, admin.id, DEALS],
  );
  await client.query('vacuum analyze deals');
  console.log(`seeded ${DEALS} deals in ${Date.now() - t0} ms`);
  const sample = await client.query<{ id: string; stage_id: string; version: number }>(`select id, stage_id, version from deals where org_id = $1 order by random() limit ${SAMPLE}`, [orgId]);
  await client.end();
  await database.close();
  const state: DealState = new Map(sample.rows.map((r) => [r.id, { stageId: r.stage_id, version: r.version }]));
  return { fixture: { orgId, token, dealIds: sample.rows.map((r) => r.id), stageIds: openStages }, state };
}

/** Starts api-servers.ts in a child process and waits for its ports. */
async function startServers(url: string, orgId: string): Promise<{ api: number; baseline: number; stop: () => Promise<void> }> {
  const child = fork(path.join(import.meta.dirname, '../bin/run-ts.mjs'), [path.join(import.meta.dirname, 'api-servers.ts'), url, orgId, String(POOL_SIZE)]);
  const ports = await new Promise<{ api: number; baseline: number }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as { api: number; baseline: number }));
    child.once('exit', (code) => reject(new Error(`bench servers exited with code ${code ?? 'null'}`)));
  });
  return {
    ...ports,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.send('stop');
      }),
  };
}

interface Target {
  port: number;
  headers: Record<string, string>;
}

interface Scenario {
  name: string;
  target: number;
  /** The request for the i-th call; `ctx` is handed back to `onOk` with the response. */
  pipewright: (i: number, ctx: Record<string, unknown>) => autocannon.Request;
  baseline: (i: number, ctx: Record<string, unknown>) => autocannon.Request;
  onOk?: (body: string, ctx: Record<string, unknown>) => void;
}

async function hit(t: Target, make: Scenario['pipewright'], onOk: Scenario['onOk']) {
  let i = 0;
  const r = await autocannon({
    url: `http://127.0.0.1:${t.port}`,
    connections: CONNECTIONS,
    duration: DURATION,
    requests: [
      {
        setupRequest: (req, ctx) => {
          const made = make(i++, ctx as Record<string, unknown>);
          return { ...req, ...made, headers: { ...t.headers, ...made.headers } };
        },
        onResponse: (status, body, ctx) => {
          if (status < 300) onOk?.(body, ctx as Record<string, unknown>);
        },
      },
    ],
  });
  return { requestsPerSec: Math.round(r.requests.average), p50Ms: r.latency.p50, p99Ms: r.latency.p99, maxMs: r.latency.max, non2xx: r.non2xx, errors: r.errors + r.timeouts };
}

async function main(): Promise<void> {
  const scratch = await scratchDatabase('pw_bench_api');
  try {
    const { fixture, state } = await seed(scratch.url);
    const servers = await startServers(scratch.url, fixture.orgId);
    const pick = (i: number) => fixture.dealIds[i % fixture.dealIds.length] ?? '';
    const stageAt = (i: number) => fixture.stageIds[i % fixture.stageIds.length] ?? '';
    /** The next open stage after the deal's current one, and the version to send. */
    const move = (i: number, ctx: Record<string, unknown>) => {
      const id = pick(i);
      const s = state.get(id) ?? { stageId: '', version: 0 };
      ctx.id = id;
      return { id, stageId: stageAt(fixture.stageIds.indexOf(s.stageId) + 1), version: String(s.version) };
    };
    const moved = (stageKey: string) => (body: string, ctx: Record<string, unknown>) => {
      const r = JSON.parse(body) as Record<string, unknown>;
      state.set(String(ctx.id), { stageId: String(r[stageKey]), version: Number(r.version) });
    };
    const json = { 'content-type': 'application/json' };
    const scenarios: Scenario[] = [
      {
        name: 'GET deal by id',
        target: 0.6,
        pipewright: (i) => ({ method: 'GET', path: `/api/v1/deals/${pick(i)}` }),
        baseline: (i) => ({ method: 'GET', path: `/deals/${pick(i)}` }),
      },
      {
        name: 'filtered list page',
        target: 0.6,
        pipewright: (i) => ({ method: 'GET', path: `/api/v1/deals?stageId=${stageAt(i)}&status=open&limit=50&sort=created_at` }),
        baseline: (i) => ({ method: 'GET', path: `/deals?stageId=${stageAt(i)}&status=open&limit=50` }),
      },
      {
        name: 'stage move',
        target: 0.35,
        pipewright: (i, ctx) => {
          const m = move(i, ctx);
          return { method: 'POST', path: `/api/v1/deals/${m.id}/stage`, headers: { ...json, 'if-match': m.version }, body: JSON.stringify({ stageId: m.stageId }) };
        },
        baseline: (i, ctx) => {
          const m = move(i, ctx);
          return { method: 'POST', path: `/deals/${m.id}/stage`, headers: { ...json, 'if-match': m.version }, body: JSON.stringify({ stageId: m.stageId }) };
        },
      },
    ];
    const onOk: Record<string, { pipewright: Scenario['onOk']; baseline: Scenario['onOk'] }> = {
      'stage move': { pipewright: moved('stageId'), baseline: moved('stage_id') },
    };
    const api: Target = { port: servers.api, headers: { authorization: `Bearer ${fixture.token}` } };
    const base: Target = { port: servers.baseline, headers: {} };
    const results = [];
    try {
      for (const s of scenarios) {
        const b = await hit(base, s.baseline, onOk[s.name]?.baseline);
        const p = await hit(api, s.pipewright, onOk[s.name]?.pipewright);
        const ratio = Number((p.requestsPerSec / b.requestsPerSec).toFixed(2));
        const valid = p.non2xx === 0 && b.non2xx === 0 && p.errors === 0 && b.errors === 0;
        const row = { scenario: s.name, pipewright: p, baseline: b, ratio, targetRatio: s.target, meetsRatio: ratio >= s.target, meetsP99: p.p99Ms <= 25, valid };
        results.push(row);
        console.log(
          `${s.name.padEnd(20)} pipewright ${String(p.requestsPerSec).padStart(6)} req/s p99 ${String(p.p99Ms).padStart(3)} ms | baseline ${String(b.requestsPerSec).padStart(6)} req/s p99 ${String(b.p99Ms).padStart(3)} ms | ratio ${ratio} (target ≥ ${s.target})` +
            (valid ? '' : ` INVALID: non-2xx ${p.non2xx}/${b.non2xx}, errors ${p.errors}/${b.errors}`),
        );
      }
    } finally {
      await servers.stop();
    }
    writeResult('api', { engine: 'postgres', deals: DEALS, connections: CONNECTIONS, durationSeconds: DURATION, poolSize: POOL_SIZE, results });
    if (results.some((r) => !r.valid)) process.exitCode = 1;
  } finally {
    await scratch.drop();
  }
}

await main();
