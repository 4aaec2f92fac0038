/**
 * API throughput on PostgreSQL with 100k deals: autocannon (50 connections, 10 s) against GET a
 * deal by id, a filtered list page and a stage move, and in the same run a bare Fastify + pg
 * handler doing the same SQL as the baseline. Prints req/s, p99 and the ratio to the baseline.
 * Targets: GET ≥ 60 % of the baseline, stage move ≥ 35 %, p99 ≤ 25 ms.
 */
import autocannon from 'autocannon';
import Fastify from 'fastify';
import pg from 'pg';
import { composeFromDatabase } from '../src/compose.ts';
import { openDatabase } from '../src/db/database.ts';
import { actorForUser, createApiToken } from '../src/modules/auth/auth.service.ts';
import { createOrganization } from '../src/modules/users/users.service.ts';
import { buildApp } from '../src/server/app.ts';
import { scratchDatabase, writeResult } from './lib.ts';

const DEALS = Number(process.argv[2] ?? 100_000);
const DURATION = Number(process.argv[3] ?? 10);
const CONNECTIONS = 50;

interface Fixture {
  orgId: string;
  token: string;
  dealIds: string[];
  ownerId: string;
  pipelineId: string;
  stageIds: string[];
}

async function seed(url: string): Promise<{ fixture: Fixture; close: () => Promise<void>; app: Awaited<ReturnType<typeof buildApp>> }> {
  const database = await openDatabase({ databaseUrl: url, dataDir: '', poolSize: 20 });
  const deps = await composeFromDatabase(database, { sessionSecret: undefined, sessionTtlHours: 1 });
  const { organization, admin } = await createOrganization(deps, {
    organization: { name: 'Bench Org', baseCurrency: 'USD', timezone: 'UTC', fiscalYearStartMonth: 1 },
    admin: { email: 'bench@example.test', name: 'Bench Admin', password: 'benchmark-password' },
  });
  const orgId = organization.id;
  const actor = await actorForUser(deps, orgId, admin.id);
  const { token } = await createApiToken(deps, actor, { name: 'bench' });
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
  await client.query('analyze deals');
  console.log(`seeded ${DEALS} deals in ${Date.now() - t0} ms`);
  const ids = await client.query<{ id: string }>(`select id from deals where org_id = $1 order by random() limit 5000`, [orgId]);
  await client.end();
  const app = await buildApp(deps);
  return {
    app,
    fixture: { orgId, token, dealIds: ids.rows.map((r) => r.id), ownerId: admin.id, pipelineId, stageIds: openStages },
    close: async () => {
      await app.close();
      await deps.sealer.flush();
      await database.close();
    },
  };
}

/** The baseline: a bare Fastify + pg server issuing the same SQL the API needs, nothing else. */
async function baselineServer(url: string, orgId: string) {
  const pool = new pg.Pool({ connectionString: url, max: 20 });
  const app = Fastify();
  app.get<{ Params: { id: string } }>('/deals/:id', async (req) => {
    const r = await pool.query('select * from deals where org_id = $1 and id = $2 and deleted_at is null', [orgId, req.params.id]);
    return r.rows[0];
  });
  app.get<{ Querystring: { stageId: string } }>('/deals', async (req) => {
    const r = await pool.query('select * from deals where org_id = $1 and deleted_at is null and stage_id = $2 and status = $3 order by created_at, id limit 51', [orgId, req.query.stageId, 'open']);
    return { items: r.rows };
  });
  app.post<{ Params: { id: string }; Body: { stageId: string } }>('/deals/:id/stage', async (req) => {
    const c = await pool.connect();
    try {
      await c.query('begin');
      const before = await c.query('select stage_id, version from deals where org_id = $1 and id = $2 for update', [orgId, req.params.id]);
      const r = await c.query('update deals set stage_id = $3, stage_entered_at = now(), version = version + 1, updated_at = now() where org_id = $1 and id = $2 returning *', [orgId, req.params.id, req.body.stageId]);
      await c.query(`insert into events (org_id, occurred_at, entity_type, entity_id, type, data) values ($1, now(), 'deal', $2, 'deal.stage_changed', $3)`, [
        orgId,
        req.params.id,
        JSON.stringify({ from: before.rows[0] as unknown, to: req.body.stageId }),
      ]);
      await c.query('commit');
      return r.rows[0];
    } catch (e) {
      await c.query('rollback');
      throw e;
    } finally {
      c.release();
    }
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const a = app.server.address();
  return { port: typeof a === 'object' && a ? a.port : 0, close: async () => { await app.close(); await pool.end(); } };
}

interface Scenario {
  name: string;
  pipewright: (f: Fixture, i: number) => autocannon.Request;
  baseline: (f: Fixture, i: number) => autocannon.Request;
  target: number;
}

async function hit(port: number, headers: Record<string, string>, make: (i: number) => autocannon.Request) {
  let i = 0;
  const r = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: DURATION,
    headers,
    requests: [{ setupRequest: (req) => ({ ...req, ...make(i++) }) }],
  });
  const non2xx = r.non2xx;
  return { requestsPerSec: Math.round(r.requests.average), p50Ms: r.latency.p50, p99Ms: r.latency.p99, non2xx, errors: r.errors + r.timeouts };
}

async function main(): Promise<void> {
  const scratch = await scratchDatabase('pw_bench_api');
  try {
    const { app, fixture, close } = await seed(scratch.url);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const a = app.server.address();
    const port = typeof a === 'object' && a ? a.port : 0;
    const base = await baselineServer(scratch.url, fixture.orgId);
    const pick = (i: number) => fixture.dealIds[i % fixture.dealIds.length] ?? '';
    const stageFor = (i: number) => fixture.stageIds[Math.floor(i / fixture.dealIds.length) % fixture.stageIds.length] ?? '';
    const scenarios: Scenario[] = [
      { name: 'GET deal by id', target: 0.6, pipewright: (_f, i) => ({ method: 'GET', path: `/api/v1/deals/${pick(i)}` }), baseline: (_f, i) => ({ method: 'GET', path: `/deals/${pick(i)}` }) },
      {
        name: 'filtered list page',
        target: 0.6,
        pipewright: (f, i) => ({ method: 'GET', path: `/api/v1/deals?stageId=${f.stageIds[i % f.stageIds.length] ?? ''}&status=open&limit=50&sort=created_at` }),
        baseline: (f, i) => ({ method: 'GET', path: `/deals?stageId=${f.stageIds[i % f.stageIds.length] ?? ''}` }),
      },
      {
        name: 'stage move',
        target: 0.35,
        pipewright: (_f, i) => ({ method: 'POST', path: `/api/v1/deals/${pick(i)}/stage`, headers: { 'content-type': 'application/json', 'if-match': '*' }, body: JSON.stringify({ stageId: stageFor(i) }) }),
        baseline: (_f, i) => ({ method: 'POST', path: `/deals/${pick(i)}/stage`, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ stageId: stageFor(i) }) }),
      },
    ];
    const results = [];
    for (const s of scenarios) {
      const b = await hit(base.port, {}, (i) => s.baseline(fixture, i));
      const p = await hit(port, { authorization: `Bearer ${fixture.token}` }, (i) => s.pipewright(fixture, i));
      const ratio = Number((p.requestsPerSec / b.requestsPerSec).toFixed(2));
      const row = { scenario: s.name, pipewright: p, baseline: b, ratio, targetRatio: s.target, meetsRatio: ratio >= s.target, meetsP99: p.p99Ms <= 25 };
      results.push(row);
      console.log(
        `${s.name.padEnd(20)} pipewright ${String(p.requestsPerSec).padStart(6)} req/s p99 ${String(p.p99Ms).padStart(3)} ms (non-2xx ${p.non2xx}) | baseline ${String(b.requestsPerSec).padStart(6)} req/s p99 ${String(b.p99Ms).padStart(3)} ms | ratio ${ratio} (target ≥ ${s.target})`,
      );
    }
    await base.close();
    await close();
    writeResult('api', { engine: 'postgres', deals: DEALS, connections: CONNECTIONS, durationSeconds: DURATION, results });
  } finally {
    await scratch.drop();
  }
}

await main();
