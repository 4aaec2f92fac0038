/**
 * Embedded engine responsiveness: while a long analytics query runs on PGlite, how fast does the
 * server still answer requests? Pipewright hosts PGlite in a worker thread; the baseline runs the
 * same query on a PGlite instance on the main thread (as a plain in-process embedding would).
 * Measured with autocannon (50 connections) against /healthz during the query.
 */
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { PGlite } from '@electric-sql/pglite';
import { openDatabase } from '../src/db/database.ts';
import { scratchDir, writeResult } from './lib.ts';

const LONG_QUERY = 'select sum(i * 2 + 1) as s from generate_series(1, 25000000) as i';

async function load(url: string, seconds: number) {
  const r = await autocannon({ url, connections: 50, duration: seconds });
  return {
    requestsPerSec: Math.round(r.requests.average),
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    maxMs: r.latency.max,
    errors: r.errors + r.timeouts,
  };
}

async function measure(label: string, runQuery: () => Promise<unknown>): Promise<Record<string, unknown>> {
  const app = Fastify();
  app.get('/healthz', () => ({ ok: true }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}/healthz`;
  const idle = await load(url, 2);
  const t0 = Date.now();
  const query = runQuery().then(() => Date.now() - t0);
  const during = await load(url, 3);
  const queryMs = await query;
  await app.close();
  console.log(
    `${label}: query ${queryMs} ms; /healthz idle p99 ${idle.p99Ms} ms; during the query p99 ${during.p99Ms} ms, max ${during.maxMs} ms, ${during.requestsPerSec} req/s`,
  );
  return { label, queryMs, idle, during };
}

async function main(): Promise<void> {
  const workerDir = scratchDir('pw-bench-worker');
  const database = await openDatabase({ dataDir: workerDir });
  const worker = await measure('worker thread (Pipewright)', () => database.query(LONG_QUERY));
  await database.close();

  const inline = await PGlite.create({ dataDir: scratchDir('pw-bench-inline') });
  const baseline = await measure('main thread (baseline)', () => inline.query(LONG_QUERY));
  await inline.close();

  // p99 hides a stall that holds every connection at once (few requests complete during it), so
  // the longest wait is the figure that shows whether the server froze.
  const w = worker.during as { maxMs: number; requestsPerSec: number };
  const b = baseline.during as { maxMs: number; requestsPerSec: number };
  console.log(
    `longest wait during a long query: worker ${w.maxMs} ms vs main thread ${b.maxMs} ms; throughput ${w.requestsPerSec} vs ${b.requestsPerSec} req/s`,
  );
  writeResult('pglite-responsiveness', { query: LONG_QUERY, connections: 50, worker, baseline });
}

await main();
