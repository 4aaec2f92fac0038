/**
 * The detectors' precision and recall on synthetic truth: generates an organization (default 5,000
 * deals over 12 months) with its anomalies injected at the parameters' rates, runs every detector
 * at its default threshold over the whole generated history (the job's detection, which reads the
 * last 90 days, over the generated range instead), and scores the findings against the subjects
 * the generator wrote as truth, matched by (detector, subjectType, subjectId). A scratch database
 * on the PostgreSQL server of DATABASE_URL when set, else an embedded (PGlite) data directory.
 *
 *   npm run bench:detectors                          # 5,000 deals, seed 1
 *   npm run bench:detectors -- --deals 2000 --seed 3
 *   npm run bench:detectors -- --params-out truth.json  # also write the generator's truth
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { composeFromDatabase } from '../src/compose.ts';
import { loadConfig } from '../src/config.ts';
import { detectorNames } from '../src/contract/oversight.ts';
import { openDatabase } from '../src/db/database.ts';
import { detectAll, detectorEventTypes } from '../src/modules/oversight/detection.ts';
import { eventsSince, listLocks } from '../src/modules/oversight/oversight.repository.ts';
import { paramsReport, seedSynthetic, type SyntheticOptions } from '../src/modules/synthetic/seed-synthetic.ts';
import { scoreFindings } from '../src/modules/synthetic/synthetic-anomalies.ts';
import { defaultSyntheticParams } from '../src/modules/synthetic/synthetic-params.ts';
import { scratchDatabase, scratchDir, writeResult } from './lib.ts';

const { values } = parseArgs({
  options: {
    deals: { type: 'string', default: '5000' },
    months: { type: 'string', default: '12' },
    seed: { type: 'string', default: '1' },
    'params-out': { type: 'string' },
  },
});
const deals = Number(values.deals);
const months = Number(values.months);
const seed = Number(values.seed);
const onServer = Boolean(loadConfig().databaseUrl);

const scratch = onServer ? await scratchDatabase('pw_bench_detectors') : null;
const dir = onServer ? '' : scratchDir('pw-bench-detectors');
const database = await openDatabase({ databaseUrl: scratch?.url, dataDir: dir });
try {
  const deps = await composeFromDatabase(database, {
    sessionSecret: 'bench-secret-bench-secret-bench-secret-00',
    sessionTtlHours: 1,
  });
  const options: SyntheticOptions = {
    name: 'Detector Bench',
    seed,
    deals,
    months,
    password: 'benchmark-password',
    params: defaultSyntheticParams,
    end: new Date('2026-11-01T00:00:00Z'),
  };
  console.log(`generating ${deals.toLocaleString('en-US')} deals over ${months} months on ${database.engine}`);
  const t0 = performance.now();
  const result = await seedSynthetic(deps, options);
  const generateSeconds = (performance.now() - t0) / 1000;
  if (values['params-out'])
    fs.writeFileSync(values['params-out'], `${JSON.stringify(paramsReport(options, result), null, 2)}\n`);

  const t1 = performance.now();
  const orgId = result.organizationId;
  const events = await eventsSince(deps.db, orgId, new Date(result.start), detectorEventTypes);
  const findings = await detectAll(deps.db, orgId, events, await listLocks(deps.db, orgId), {
    now: new Date(result.end),
    since: new Date(result.start),
  });
  const detectSeconds = (performance.now() - t1) / 1000;
  const scores = scoreFindings(result.anomalies, findings, detectorNames);

  const pct = (x: number | null) => (x === null ? '–' : x.toFixed(3));
  console.log(
    `${events.length.toLocaleString('en-US')} events read, ${findings.length} findings (generation ${generateSeconds.toFixed(1)} s, detection ${detectSeconds.toFixed(1)} s)`,
  );
  console.log(
    `${'detector'.padEnd(18)} ${'rate'.padStart(6)} ${'truth'.padStart(6)} ${'found'.padStart(6)} ${'TP'.padStart(5)} ${'FP'.padStart(5)} ${'FN'.padStart(5)} ${'precision'.padStart(10)} ${'recall'.padStart(8)}`,
  );
  for (const s of scores) {
    const rate = result.anomalies[s.detector]?.rate;
    if (!s.injected) {
      console.log(
        `${s.detector.padEnd(18)} ${String(rate ?? '–').padStart(6)} not injected (${s.findings} finding${s.findings === 1 ? '' : 's'})`,
      );
      continue;
    }
    console.log(
      `${s.detector.padEnd(18)} ${String(rate).padStart(6)} ${String(s.truth).padStart(6)} ${String(s.findings).padStart(6)} ${String(s.truePositives).padStart(5)} ${String(s.falsePositives).padStart(5)} ${String(s.falseNegatives).padStart(5)} ${pct(s.precision).padStart(10)} ${pct(s.recall).padStart(8)}`,
    );
  }
  const normal = Object.fromEntries(
    Object.entries(result.anomalies).map(([d, t]) => [d, t.subjects.filter((x) => x.origin === 'normal').length]),
  );
  const failing = scores.filter((s) => s.injected && ((s.precision ?? 0) < 0.9 || (s.recall ?? 0) < 0.9));
  console.log(
    failing.length === 0
      ? 'every injected detector reaches precision and recall of at least 0.9'
      : `below 0.9: ${failing.map((s) => s.detector).join(', ')}`,
  );
  writeResult('detectors', {
    engine: database.engine,
    deals,
    months,
    seed,
    start: result.start,
    end: result.end,
    events: events.length,
    findings: findings.length,
    generateSeconds: Math.round(generateSeconds * 10) / 10,
    detectSeconds: Math.round(detectSeconds * 10) / 10,
    rates: Object.fromEntries(Object.entries(result.anomalies).map(([d, t]) => [d, { rate: t.rate, per: t.per }])),
    normalAnomalies: normal,
    detectors: scores.map((s) => ({ ...s, status: s.injected ? 'scored' : 'not injected' })),
    allAtLeast090: failing.length === 0,
  });
  if (failing.length > 0) process.exitCode = 1;
} finally {
  await database.close();
  await scratch?.drop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
