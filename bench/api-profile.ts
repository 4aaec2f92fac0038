/**
 * Where a request's time goes, without the network: seeds the api.bench.ts fixture, then for each
 * scenario prints the SQL statements one request issues and the in-process cost of `n` requests
 * (app.inject, one at a time). Run under `node --cpu-prof bin/run-ts.mjs bench/api-profile.ts`
 * for a CPU profile of the request path.
 *
 * usage: node bin/run-ts.mjs bench/api-profile.ts [deals] [requests per scenario]
 */
import type { InjectOptions } from 'fastify';
import pg from 'pg';
import { composeFromDatabase } from '../src/compose.ts';
import { openDatabase } from '../src/db/database.ts';
import { buildApp } from '../src/server/app.ts';
import { seedDeals } from './api-fixture.ts';
import { scratchDatabase } from './lib.ts';

const DEALS = Number(process.argv[2] ?? 20_000);
const N = Number(process.argv[3] ?? 2000);

/** Every statement sent to the server, whichever client sends it. */
const statements: string[] = [];
const originalQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const q = args[0];
  statements.push(
    typeof q === 'string' ? q : typeof q === 'object' && q !== null && 'text' in q ? String(q.text) : '?',
  );
  return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

const scratch = await scratchDatabase('pw_bench_profile');
try {
  const { fixture, state } = await seedDeals(scratch.url, DEALS);
  const database = await openDatabase({ databaseUrl: scratch.url, dataDir: '', poolSize: 10 });
  const deps = await composeFromDatabase(
    database,
    { sessionSecret: undefined, sessionTtlHours: 1 },
    { migrate: false },
  );
  const app = await buildApp(deps);
  const auth = { authorization: `Bearer ${fixture.token}` };
  const pick = (i: number) => fixture.dealIds[i % fixture.dealIds.length] ?? '';
  const stageAt = (i: number) => fixture.stageIds[i % fixture.stageIds.length] ?? '';
  const scenarios: [string, (i: number) => InjectOptions][] = [
    ['GET deal by id', (i) => ({ method: 'GET', url: `/api/v1/deals/${pick(i)}`, headers: auth })],
    [
      'filtered list page',
      (i) => ({
        method: 'GET',
        url: `/api/v1/deals?stageId=${stageAt(i)}&status=open&limit=50&sort=created_at`,
        headers: auth,
      }),
    ],
    [
      'stage move',
      (i) => {
        const id = pick(i);
        const s = state.get(id) ?? { stageId: '', version: 0 };
        const stageId = stageAt(fixture.stageIds.indexOf(s.stageId) + 1);
        state.set(id, { stageId, version: s.version + 1 });
        return {
          method: 'POST',
          url: `/api/v1/deals/${id}/stage`,
          headers: { ...auth, 'if-match': String(s.version) },
          payload: { stageId },
        };
      },
    ],
  ];
  let i = 0;
  for (const [name, make] of scenarios) {
    await deps.sealer.flush();
    statements.length = 0;
    const first = await app.inject(make(i++));
    await deps.sealer.flush();
    console.log(`\n${name}: HTTP ${first.statusCode}, ${statements.length} statements (sealing included)`);
    for (const s of statements) console.log(`  ${s.replace(/\s+/g, ' ').slice(0, 160)}`);
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    for (let k = 0; k < N; k++) {
      const r = await app.inject(make(i++));
      if (r.statusCode >= 300) throw new Error(`${name}: HTTP ${r.statusCode} ${r.body}`);
    }
    const c = process.cpuUsage(c0);
    console.log(
      `  ${N} requests one at a time: ${((performance.now() - t0) / N).toFixed(3)} ms each, ${Math.round((c.user + c.system) / N)} µs of this process's CPU each`,
    );
    // The same with 50 requests in flight: shows whether per-write work (sealing) coalesces.
    await deps.sealer.flush();
    statements.length = 0;
    const t1 = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 50 }, async () => {
        while (next < N) {
          next += 1;
          const r = await app.inject(make(i++));
          if (r.statusCode >= 300) throw new Error(`${name}: HTTP ${r.statusCode} ${r.body}`);
        }
      }),
    );
    await deps.sealer.flush();
    const seals = statements.filter((q) => q.includes('pg_advisory_xact_lock')).length;
    console.log(
      `  ${N} requests, 50 in flight: ${((performance.now() - t1) / N).toFixed(3)} ms each, ${(statements.length / N).toFixed(2)} statements per request, ${seals} seal transactions`,
    );
  }
  await app.close();
  await deps.sealer.flush();
  await database.close();
} finally {
  await scratch.drop();
}
