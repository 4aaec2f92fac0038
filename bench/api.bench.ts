/**
 * API throughput on PostgreSQL with 100k deals: autocannon (50 connections, 10 s) against GET a
 * deal by id, a filtered list page and a stage move, and in the same run a bare Fastify + pg
 * handler doing the same SQL as the baseline. Prints req/s, p99 and the ratio to the baseline.
 * Targets: GET ≥ 60 % of the baseline, stage move ≥ 35 %, p99 ≤ 25 ms.
 *
 * Both servers run in a child process (api-servers.ts); this process seeds the data and generates
 * the load. Every scenario must answer 2xx only, or its figures are meaningless: the stage move
 * sends the deal's current version in If-Match and a stage other than its current one, both
 * read from the database before each run and then learnt from each response for that deal.
 *
 * usage: npm run bench:api [-- deals seconds poolSize scenario-name-part]
 */
import { fork } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';
import { dealState, seedDeals } from './api-fixture.ts';
import { scratchDatabase, writeResult } from './lib.ts';

const DEALS = Number(process.argv[2] ?? 100_000);
const DURATION = Number(process.argv[3] ?? 10);
/** Database connections of each server (Pipewright's default PIPEWRIGHT_DB_POOL_SIZE). */
const POOL_SIZE = Number(process.argv[4] ?? 10);
/** Only the scenarios whose name contains this (all by default). */
const ONLY = process.argv[5] ?? '';
const CONNECTIONS = 50;

/** Starts api-servers.ts in a child process and waits for its ports. */
interface Servers {
  api: number;
  baseline: number;
  /** CPU time the server process has used so far, in µs. */
  cpu: () => Promise<number>;
  stop: () => Promise<void>;
}

async function startServers(url: string, orgId: string): Promise<Servers> {
  const child = fork(path.join(import.meta.dirname, '../bin/run-ts.mjs'), [path.join(import.meta.dirname, 'api-servers.ts'), url, orgId, String(POOL_SIZE)]);
  const ports = await new Promise<{ api: number; baseline: number }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as { api: number; baseline: number }));
    child.once('exit', (code) => reject(new Error(`bench servers exited with code ${code ?? 'null'}`)));
  });
  return {
    ...ports,
    cpu: () =>
      new Promise<number>((resolve) => {
        child.once('message', (m) => resolve((m as { cpuMicros: number }).cpuMicros));
        child.send('cpu');
      }),
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

async function hit(servers: Servers, t: Target, make: Scenario['pipewright'], onOk: Scenario['onOk']) {
  let i = 0;
  const failures: Record<string, number> = {};
  const cpu0 = await servers.cpu();
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
          if (status < 300) return onOk?.(body, ctx as Record<string, unknown>);
          const code = `${status} ${(/"code":"([a-z_]+)"/.exec(body) ?? [])[1] ?? ''}`.trim();
          failures[code] = (failures[code] ?? 0) + 1;
        },
      },
    ],
  });
  // The server process's CPU per request (the sealer included), to tell server cost from database cost.
  const serverCpuMicrosPerRequest = Math.round(((await servers.cpu()) - cpu0) / Math.max(1, r.requests.total));
  return { requestsPerSec: Math.round(r.requests.average), p50Ms: r.latency.p50, p99Ms: r.latency.p99, maxMs: r.latency.max, non2xx: r.non2xx, failures, errors: r.errors + r.timeouts, serverCpuMicrosPerRequest };
}

async function main(): Promise<void> {
  const scratch = await scratchDatabase('pw_bench_api');
  try {
    const { fixture, state } = await seedDeals(scratch.url, DEALS);
    const resync = async () => {
      // Let requests still in flight when the last run stopped finish first.
      await new Promise((r) => setTimeout(r, 2000));
      for (const [id, s] of await dealState(scratch.url, fixture)) state.set(id, s);
    };
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
      for (const s of scenarios.filter((x) => x.name.includes(ONLY))) {
        await resync();
        const b = await hit(servers, base, s.baseline, onOk[s.name]?.baseline);
        await resync();
        const p = await hit(servers, api, s.pipewright, onOk[s.name]?.pipewright);
        const ratio = Number((p.requestsPerSec / b.requestsPerSec).toFixed(2));
        const valid = p.non2xx === 0 && b.non2xx === 0 && p.errors === 0 && b.errors === 0;
        const row = { scenario: s.name, pipewright: p, baseline: b, ratio, targetRatio: s.target, meetsRatio: ratio >= s.target, meetsP99: p.p99Ms <= 25, valid };
        results.push(row);
        console.log(
          `${s.name.padEnd(20)} pipewright ${String(p.requestsPerSec).padStart(6)} req/s p99 ${String(p.p99Ms).padStart(3)} ms ${String(p.serverCpuMicrosPerRequest).padStart(5)} µs CPU/req | ` +
            `baseline ${String(b.requestsPerSec).padStart(6)} req/s p99 ${String(b.p99Ms).padStart(3)} ms ${String(b.serverCpuMicrosPerRequest).padStart(5)} µs CPU/req | ratio ${ratio} (target ≥ ${s.target})` +
            (valid ? '' : ` INVALID: non-2xx ${JSON.stringify(p.failures)}/${JSON.stringify(b.failures)}, errors ${p.errors}/${b.errors}`),
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
