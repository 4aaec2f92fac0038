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
 * usage: npm run bench:api [-- deals seconds rounds poolSize scenario-name-part]
 */
import { fork } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { dealState, seedDeals } from './api-fixture.ts';
import { scratchDatabase, writeResult } from './lib.ts';

const DEALS = Number(process.argv[2] ?? 100_000);
const DURATION = Number(process.argv[3] ?? 10);
/**
 * Rounds per scenario, each a baseline run and a Pipewright run (in alternating order); the figures
 * reported are the medians, which keeps a burst of other work on a shared machine from deciding them.
 */
const ROUNDS = Number(process.argv[4] ?? 3);
/** Database connections of each server (Pipewright's default PIPEWRIGHT_DB_POOL_SIZE). */
const POOL_SIZE = Number(process.argv[5] ?? 10);
/** Only the scenarios whose name contains this (all by default). */
const ONLY = process.argv[6] ?? '';
const CONNECTIONS = 50;

/** Starts api-servers.ts in a child process and waits for its ports. */
const round2 = (n: number) => Math.round(n * 100) / 100;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : round2(((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2);
}

interface Servers {
  api: number;
  baseline: number;
  /** CPU time the server process has used so far, in µs. */
  cpu: () => Promise<number>;
  stop: () => Promise<void>;
}

async function startServers(url: string, orgId: string): Promise<Servers> {
  const child = fork(path.join(import.meta.dirname, '../bin/run-ts.mjs'), [
    path.join(import.meta.dirname, 'api-servers.ts'),
    url,
    orgId,
    String(POOL_SIZE),
  ]);
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

type RunResult = Awaited<ReturnType<typeof hit>>;
interface Round {
  pipewright: RunResult;
  baseline: RunResult;
  ratio: number;
  valid: boolean;
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
  return {
    requestsPerSec: Math.round(r.requests.average),
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    maxMs: r.latency.max,
    non2xx: r.non2xx,
    failures,
    errors: r.errors + r.timeouts,
    serverCpuMicrosPerRequest,
  };
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
        pipewright: (i) => ({
          method: 'GET',
          path: `/api/v1/deals?stageId=${stageAt(i)}&status=open&limit=50&sort=created_at`,
        }),
        baseline: (i) => ({ method: 'GET', path: `/deals?stageId=${stageAt(i)}&status=open&limit=50` }),
      },
      {
        name: 'stage move',
        target: 0.35,
        pipewright: (i, ctx) => {
          const m = move(i, ctx);
          return {
            method: 'POST',
            path: `/api/v1/deals/${m.id}/stage`,
            headers: { ...json, 'if-match': m.version },
            body: JSON.stringify({ stageId: m.stageId }),
          };
        },
        baseline: (i, ctx) => {
          const m = move(i, ctx);
          return {
            method: 'POST',
            path: `/deals/${m.id}/stage`,
            headers: { ...json, 'if-match': m.version },
            body: JSON.stringify({ stageId: m.stageId }),
          };
        },
      },
    ];
    const onOk: Record<string, { pipewright: Scenario['onOk']; baseline: Scenario['onOk'] }> = {
      'stage move': { pipewright: moved('stageId'), baseline: moved('stage_id') },
    };
    const api: Target = { port: servers.api, headers: { authorization: `Bearer ${fixture.token}` } };
    const base: Target = { port: servers.baseline, headers: {} };
    const results = [];
    const load = [os.loadavg()[0] ?? 0];
    try {
      for (const s of scenarios.filter((x) => x.name.includes(ONLY))) {
        const rounds: Round[] = [];
        for (let round = 0; round < ROUNDS; round++) {
          const run = async (side: 'baseline' | 'pipewright') => {
            await resync();
            return side === 'baseline'
              ? hit(servers, base, s.baseline, onOk[s.name]?.baseline)
              : hit(servers, api, s.pipewright, onOk[s.name]?.pipewright);
          };
          const [first, second] =
            round % 2 === 0 ? (['baseline', 'pipewright'] as const) : (['pipewright', 'baseline'] as const);
          const one = await run(first);
          const two = await run(second);
          const [b, p] = first === 'baseline' ? [one, two] : [two, one];
          const valid = p.non2xx === 0 && b.non2xx === 0 && p.errors === 0 && b.errors === 0;
          rounds.push({ pipewright: p, baseline: b, ratio: round2(p.requestsPerSec / b.requestsPerSec), valid });
          console.log(
            `${s.name.padEnd(20)} pipewright ${String(p.requestsPerSec).padStart(6)} req/s p99 ${String(p.p99Ms).padStart(3)} ms ${String(p.serverCpuMicrosPerRequest).padStart(5)} µs CPU/req | ` +
              `baseline ${String(b.requestsPerSec).padStart(6)} req/s p99 ${String(b.p99Ms).padStart(3)} ms ${String(b.serverCpuMicrosPerRequest).padStart(5)} µs CPU/req | ratio ${round2(p.requestsPerSec / b.requestsPerSec)}` +
              (valid
                ? ''
                : ` INVALID: non-2xx ${JSON.stringify(p.failures)}/${JSON.stringify(b.failures)}, errors ${p.errors}/${b.errors}`),
          );
          load.push(os.loadavg()[0] ?? 0);
        }
        const med = (f: (r: Round) => number) => median(rounds.map(f));
        const summary = {
          scenario: s.name,
          pipewright: {
            requestsPerSec: med((r) => r.pipewright.requestsPerSec),
            p99Ms: med((r) => r.pipewright.p99Ms),
            serverCpuMicrosPerRequest: med((r) => r.pipewright.serverCpuMicrosPerRequest),
          },
          baseline: {
            requestsPerSec: med((r) => r.baseline.requestsPerSec),
            p99Ms: med((r) => r.baseline.p99Ms),
            serverCpuMicrosPerRequest: med((r) => r.baseline.serverCpuMicrosPerRequest),
          },
          ratio: med((r) => r.ratio),
          targetRatio: s.target,
          valid: rounds.every((r) => r.valid),
          rounds,
        };
        const row = { ...summary, meetsRatio: summary.ratio >= s.target, meetsP99: summary.pipewright.p99Ms <= 25 };
        results.push(row);
        console.log(
          `${s.name.padEnd(20)} MEDIAN pipewright ${summary.pipewright.requestsPerSec} req/s p99 ${summary.pipewright.p99Ms} ms | baseline ${summary.baseline.requestsPerSec} req/s p99 ${summary.baseline.p99Ms} ms | ` +
            `ratio ${summary.ratio} (target ≥ ${s.target}${row.meetsRatio ? ', met' : ', NOT met'}; p99 ≤ 25 ms ${row.meetsP99 ? 'met' : 'NOT met'})`,
        );
      }
    } finally {
      await servers.stop();
    }
    // A shared machine's other work shows here; figures taken under a high load are less comparable.
    console.log(`load average (1 min) during the runs: ${load.map((l) => l.toFixed(1)).join(', ')}`);
    writeResult('api', {
      engine: 'postgres',
      deals: DEALS,
      connections: CONNECTIONS,
      durationSeconds: DURATION,
      rounds: ROUNDS,
      poolSize: POOL_SIZE,
      loadAverage: load.map(round2),
      results,
    });
    if (results.some((r) => !r.valid)) process.exitCode = 1;
  } finally {
    await scratch.drop();
  }
}

await main();
