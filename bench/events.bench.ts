/**
 * What checking events against the catalog costs. Builds a corpus of real events (a demo seed and a
 * synthetic run on the embedded engine), then times `eventProblems` over all of them (what every
 * append runs) and compares it with what writing an event costs on the paths that append them: the
 * generator (the fastest bulk writer, per event) and one service write (a team created through
 * the service: its transaction, its event, the seal after commit).
 */
import fs from 'node:fs';
import { composeFromDatabase } from '../src/compose.ts';
import { eventProblems } from '../src/contract/events/index.ts';
import { openDatabase } from '../src/db/database.ts';
import { seedDemo } from '../src/modules/demo/seed-demo.ts';
import { seedSynthetic } from '../src/modules/synthetic/seed-synthetic.ts';
import { defaultSyntheticParams } from '../src/modules/synthetic/synthetic-params.ts';
import { actorForUser } from '../src/modules/auth/auth.service.ts';
import { createTeam } from '../src/modules/users/users.service.ts';
import { scratchDir, writeResult } from './lib.ts';

const ROUNDS = 20;
const SERVICE_WRITES = 300;

const dir = scratchDir('pw-bench-events');
const database = await openDatabase({ dataDir: dir });
try {
  const deps = await composeFromDatabase(database, {
    sessionSecret: 'bench-secret-bench-secret-bench-secret-00',
    sessionTtlHours: 1,
  });
  const demo = await seedDemo(deps, { deals: 60, leads: 60, seed: 3 });
  const generatorStarted = performance.now();
  const synthetic = await seedSynthetic(deps, {
    name: 'Bench Events',
    seed: 2,
    deals: 3000,
    months: 6,
    password: 'benchmark-password',
    params: defaultSyntheticParams,
    end: new Date(),
  });
  const generatorMs = performance.now() - generatorStarted;
  const generatorEvents = synthetic.counts.events;
  await deps.sealer.flush();

  const corpus = (await deps.db.selectFrom('events').select(['type', 'entity_type', 'data']).execute()).map((r) => ({
    type: r.type,
    entityType: r.entity_type,
    data: r.data,
  }));
  // Warm up (schemas compile lazily), then time whole passes over the corpus.
  for (const e of corpus) eventProblems(e);
  let refused = 0;
  const started = performance.now();
  for (let round = 0; round < ROUNDS; round++) for (const e of corpus) refused += eventProblems(e).length;
  const validateUs = ((performance.now() - started) * 1000) / (ROUNDS * corpus.length);
  if (refused > 0) throw new Error(`${refused} problems in events the writers stored`);

  const admin = await deps.db
    .selectFrom('users')
    .select('id')
    .where('org_id', '=', demo.organizationId)
    .where('role', '=', 'admin')
    .executeTakeFirstOrThrow();
  const actor = await actorForUser(deps, demo.organizationId, admin.id);
  const writeStarted = performance.now();
  for (let i = 0; i < SERVICE_WRITES; i++) await createTeam(deps, actor, { name: `Bench team ${i}`, kind: 'other' });
  await deps.sealer.flush();
  const serviceWriteUs = ((performance.now() - writeStarted) * 1000) / SERVICE_WRITES;
  const generatorUs = (generatorMs * 1000) / generatorEvents;

  const result = {
    engine: database.engine,
    corpusEvents: corpus.length,
    types: new Set(corpus.map((e) => e.type)).size,
    validateMicrosPerEvent: Number(validateUs.toFixed(2)),
    generatorMicrosPerEvent: Number(generatorUs.toFixed(2)),
    serviceWriteMicros: Number(serviceWriteUs.toFixed(0)),
    validationShareOfGenerator: Number((validateUs / generatorUs).toFixed(3)),
    validationShareOfServiceWrite: Number((validateUs / serviceWriteUs).toFixed(4)),
  };
  console.log(result);
  writeResult('events', result);
} finally {
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
