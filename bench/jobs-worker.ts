/**
 * A job runner process of jobs.bench.ts: the queue engine `serve` would run on this database, with
 * the benchmark's no-op job beside the real handlers. argv: <database url | data dir> <concurrency>.
 * Says 'ready' over IPC once it runs jobs; stops (handing back what runs) on 'stop'.
 */
import { composeFromDatabase, jobHandlers, shutdown } from '../src/compose.ts';
import { openDatabase } from '../src/db/database.ts';

const [where = '', concurrency = '4'] = process.argv.slice(2);
const database = await openDatabase(
  where.startsWith('postgres') ? { databaseUrl: where, dataDir: '', poolSize: 8 } : { dataDir: where },
);
const deps = await composeFromDatabase(
  database,
  {
    sessionSecret: 'bench-secret-bench-secret-bench-secret-01',
    sessionTtlHours: 1,
    jobConcurrency: Number(concurrency),
  },
  { migrate: false },
);
await deps.jobs.start({ ...jobHandlers(deps), 'bench.noop': () => Promise.resolve() });
process.send?.('ready');
process.on('message', (m) => {
  if (m === 'stop') void shutdown(deps).then(() => process.exit(0));
});
