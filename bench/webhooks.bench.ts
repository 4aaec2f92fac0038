/**
 * Webhook delivery lag: a real server (`pipewright serve`, in a child process) takes account
 * creations through the API at a steady rate while a receiver (a thread of this process, so its
 * answers do not wait behind the writes) answers every webhook at once. Each event's lag is the time from the event's system time (written in the
 * transaction) to its arrival at the receiver. Reported per engine: lag p50/p90/p99/max,
 * delivery throughput, events lost (written but never delivered) and duplicates, with the API
 * write latency of the same run beside it as the reference.
 *
 *   npm run bench:webhooks                       # 200 events/s for 20 s, PostgreSQL and PGlite
 *   npm run bench:webhooks -- 400 10 postgres    # rate, seconds, engines (postgres,pglite)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { webhookEventPayloadSchema } from '../src/contract/webhooks.ts';
import { startThreadReceiver, type ThreadReceiver } from './webhook-receiver-thread.ts';
import { cpuSecondsOf } from './cpu.ts';
import { percentile, scratchDatabase, scratchDir, writeResult } from './lib.ts';

const BIN = fileURLToPath(new URL('../bin/pipewright.mjs', import.meta.url));
const rate = Number(process.argv[2] ?? 200);
const seconds = Number(process.argv[3] ?? 20);
const engines = (process.argv[4] ?? 'postgres,pglite').split(',');
/** How long to wait for the last deliveries once writing stops. */
const DRAIN_MS = 30_000;
/** Unanswered writes at most, as a client's connection pool would allow. */
const MAX_IN_FLIGHT = 64;
/** Events delivered from a standing backlog (delivery throughput alone). */
const BACKLOG = 2000;

async function serve(target: Record<string, string>): Promise<{ child: ChildProcess; url: string; password: string }> {
  // eslint-disable-next-line no-restricted-properties -- the child inherits PATH and the like, with the bench's settings on top
  const env: NodeJS.ProcessEnv = { ...process.env, ...target, PORT: '0', PIPEWRIGHT_LOG_LEVEL: 'warn' };
  env.PIPEWRIGHT_WEBHOOK_ALLOW_PRIVATE = 'true';
  if (!target.DATABASE_URL) delete env.DATABASE_URL;
  const child = spawn(process.execPath, [BIN, 'serve'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (stdout.includes('Stop with Ctrl+C')) resolve();
    });
    child.on('exit', () => reject(new Error(`serve exited:\n${stdout}`)));
  });
  const url = /running at (http:\/\/\S+)/.exec(stdout)?.[1];
  const password = /password: (\S+)/.exec(stdout)?.[1];
  if (!url || !password) throw new Error(`unexpected start-up output:\n${stdout}`);
  return { child, url, password };
}

/**
 * Delivery alone, without the API's writes competing: events written while the endpoint is
 * paused, then the time from enabling it until the last one arrives.
 */
async function drainBacklog(
  base: string,
  headers: Record<string, string>,
  endpoint: { id: string },
  receiver: ThreadReceiver,
): Promise<Record<string, number>> {
  const patch = async (enabled: boolean) => {
    const current = (await (await fetch(`${base}/api/v1/webhooks/${endpoint.id}`, { headers })).json()) as {
      version: number;
    };
    const res = await fetch(`${base}/api/v1/webhooks/${endpoint.id}`, {
      method: 'PATCH',
      headers: { ...headers, 'if-match': String(current.version) },
      body: JSON.stringify({ enabled }),
    });
    if (res.status !== 200) throw new Error(`PATCH webhook: ${res.status} ${await res.text()}`);
  };
  await patch(false);
  const n = BACKLOG;
  let next = 0;
  const writer = async () => {
    while (next < n) {
      next += 1;
      const res = await fetch(`${base}/api/v1/accounts`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ name: 'D' }),
      });
      if (res.status !== 201) throw new Error(`POST account: ${res.status}`);
    }
  };
  await Promise.all(Array.from({ length: 8 }, writer));
  const before = receiver.received.length;
  const start = performance.now();
  await patch(true);
  await receiver.waitFor(before + n, 120_000);
  const seconds = (performance.now() - start) / 1000;
  return { events: n, seconds: Math.round(seconds * 100) / 100, perSecond: Math.round(n / seconds) };
}

async function runEngine(engine: string): Promise<Record<string, unknown>> {
  let target: Record<string, string>;
  let cleanup: () => Promise<void>;
  if (engine === 'postgres') {
    const db = await scratchDatabase('pw_bench_webhooks');
    target = { DATABASE_URL: db.url };
    cleanup = db.drop;
  } else {
    const dir = scratchDir('pw-bench-webhooks');
    target = { PIPEWRIGHT_DATA_DIR: path.join(dir, 'data') };
    cleanup = () => Promise.resolve(fs.rmSync(dir, { recursive: true, force: true }));
  }
  const server = await serve(target);
  const receiver = await startThreadReceiver();
  try {
    const signIn = await fetch(`${server.url}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@example.com', password: server.password }),
    });
    const cookie = signIn.headers.get('set-cookie')?.split(';')[0] ?? '';
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    const headers = { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken };
    const created = await fetch(`${server.url}/api/v1/webhooks`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ url: receiver.url, eventTypes: ['account.*'] }),
    });
    if (created.status !== 201) throw new Error(`webhook registration: ${created.status} ${await created.text()}`);
    const endpoint = (await created.json()) as { id: string; version: number };

    const total = rate * seconds;
    const written = new Set<string>();
    const writeMs: number[] = [];
    let failedWrites = 0;
    const writeErrors = new Map<string, number>();
    const writeFailed = (why: string) => {
      failedWrites += 1;
      writeErrors.set(why, (writeErrors.get(why) ?? 0) + 1);
    };
    const cpuBefore = cpuSecondsOf(server.child.pid ?? 0);
    const start = performance.now();
    const inFlight = new Set<Promise<void>>();
    // Request i leaves at start + i / rate, whatever the answers before it, unless MAX_IN_FLIGHT
    // requests are still unanswered (a server that cannot keep up shows as a lower achieved rate).
    for (let i = 0; i < total; i++) {
      const due = start + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      while (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
      const sent = performance.now();
      const request: Promise<void> = fetch(`${server.url}/api/v1/accounts`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ name: `B${i}` }),
      })
        .then(async (res) => {
          if (res.status !== 201) {
            writeFailed(`${res.status} ${await res.text()}`.slice(0, 200));
            return;
          }
          written.add(((await res.json()) as { id: string }).id);
          writeMs.push(performance.now() - sent);
        })
        .catch((err: unknown) => writeFailed(String((err as { cause?: unknown }).cause ?? err)))
        .finally(() => inFlight.delete(request));
      inFlight.add(request);
    }
    await Promise.all(inFlight);
    const writeSeconds = (performance.now() - start) / 1000;
    const delivered = () => new Set(receiver.received.map((r) => r.headers['webhook-id'])).size;
    const drainStart = performance.now();
    while (delivered() < written.size && performance.now() - drainStart < DRAIN_MS)
      await new Promise((r) => setTimeout(r, 50));
    const cpuAfter = cpuSecondsOf(server.child.pid ?? 0);

    const seen = new Map<string, { lag: number; at: number }>();
    for (const r of receiver.received) {
      const p = webhookEventPayloadSchema.parse(JSON.parse(r.body));
      if (!seen.has(p.data.entityId))
        seen.set(p.data.entityId, { lag: r.at - Date.parse(p.data.occurredAt), at: r.at });
    }
    const lags = [...seen.values()].map((s) => s.lag).sort((a, b) => a - b);
    const arrivals = [...seen.values()].map((s) => s.at).sort((a, b) => a - b);
    const lost = [...written].filter((id) => !seen.has(id)).length;
    const sortedWrites = writeMs.sort((a, b) => a - b);
    const round = (x: number) => Math.round(x * 10) / 10;
    const result = {
      engine,
      targetRate: rate,
      seconds,
      written: written.size,
      failedWrites,
      writeErrors: Object.fromEntries(writeErrors),
      achievedWriteRate: round(written.size / writeSeconds),
      delivered: seen.size,
      lost,
      duplicates: receiver.received.length - new Set(receiver.received.map((r) => r.headers['webhook-id'])).size,
      deliveryThroughput: round(seen.size / (((arrivals.at(-1) ?? 0) - (arrivals[0] ?? 0)) / 1000 || 1)),
      lagMs: {
        p50: percentile(lags, 50),
        p90: percentile(lags, 90),
        p99: percentile(lags, 99),
        max: lags.at(-1) ?? 0,
      },
      apiWriteMs: {
        p50: round(percentile(sortedWrites, 50)),
        p99: round(percentile(sortedWrites, 99)),
      },
      serverCpuSeconds: cpuBefore !== null && cpuAfter !== null ? round(cpuAfter - cpuBefore) : null,
      loadAverage: os.loadavg().map(round),
    };
    const backlog = await drainBacklog(server.url, headers, endpoint, receiver);
    console.log(JSON.stringify({ ...result, backlog }));
    return { ...result, backlog };
  } finally {
    server.child.kill('SIGTERM');
    await new Promise((r) => server.child.once('exit', r));
    await receiver.close();
    await cleanup();
  }
}

const results: Record<string, unknown>[] = [];
for (const engine of engines) results.push(await runEngine(engine));
writeResult('webhooks', { rate, seconds, targetP99LagMs: 1000, results });
