/**
 * The API fuzz suite, run longer than `npm test` does: `npm run bench:fuzz -- <count> [seed]`.
 * Generates `count` malformed requests over every operation of the OpenAPI document (the same
 * generator as test/fuzz.api.test.ts), as the admin and unauthenticated, and checks that none gets
 * a 5xx, every error is problem+json, the server stays healthy and the audit chain verifies.
 * On the embedded engine by default; with DATABASE_URL, on a scratch database of that server.
 * Exits with 1 when the property fails, listing the requests that broke it.
 */
import fs from 'node:fs';
import { loadConfig } from '../src/config.ts';
import { composeFromDatabase } from '../src/compose.ts';
import { openDatabase } from '../src/db/database.ts';
import { actorForUser } from '../src/modules/auth/auth.service.ts';
import { createOrganization } from '../src/modules/users/users.service.ts';
import { buildApp } from '../src/server/app.ts';
import { fuzzTarget, runFuzz } from '../test/fuzz/run-fuzz.ts';
import { scratchDatabase, scratchDir, writeResult } from './lib.ts';

function arg(i: number, fallback: number): number {
  const raw = process.argv[i];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) {
    console.error('usage: npm run bench:fuzz -- <count> [seed]');
    process.exit(2);
  }
  return n;
}

async function main(): Promise<void> {
  const count = arg(2, 10_000);
  const seed = arg(3, 20_611);
  const serverUrl = loadConfig().databaseUrl;
  const scratch = serverUrl ? await scratchDatabase('pw_fuzz') : null;
  const dir = serverUrl ? null : scratchDir('pw-bench-fuzz');
  const database = await openDatabase({ databaseUrl: scratch?.url, dataDir: dir ?? '' });
  try {
    const deps = await composeFromDatabase(database, { sessionSecret: undefined, sessionTtlHours: 1 });
    const { organization, admin } = await createOrganization(deps, {
      organization: { name: 'Fuzz Org', baseCurrency: 'USD', timezone: 'UTC', fiscalYearStartMonth: 1 },
      admin: { email: 'fuzz-admin@example.test', name: 'Fuzz Admin', password: 'fuzz-password-1234' },
    });
    const app = await buildApp(deps);
    const target = await fuzzTarget(app, deps, await actorForUser(deps, organization.id, admin.id));
    console.log(`${count} requests, seed ${seed}, on ${database.engine}…`);
    const report = await runFuzz(target, count, seed);
    await app.close();
    await deps.sealer.flush();
    const perSecond = Math.round(report.requests / report.seconds);
    console.log(
      `${report.requests} requests in ${report.seconds.toFixed(1)} s (${perSecond}/s): ${report.violations.length} violations; audit chain ${report.chainOk ? 'verifies' : 'BROKEN'}`,
    );
    console.log(`answers by status: ${JSON.stringify(report.statuses)}`);
    for (const v of report.violations.slice(0, 50))
      console.log(`#${v.index} ${v.problem}\n   ${v.request}\n   broken: ${v.broken.join(', ')}`);
    writeResult(`fuzz-${database.engine}`, {
      engine: database.engine,
      count,
      seed,
      seconds: Math.round(report.seconds * 10) / 10,
      requestsPerSecond: perSecond,
      statuses: report.statuses,
      violations: report.violations.length,
      chainOk: report.chainOk,
    });
    if (report.violations.length > 0 || !report.chainOk) process.exitCode = 1;
  } finally {
    await database.close();
    await scratch?.drop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
