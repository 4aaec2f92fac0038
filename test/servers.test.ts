import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ImportJobDto } from '../src/contract/imports.ts';
import type { JobDto } from '../src/contract/jobs.ts';
import {
  apiToken,
  dealsCsv,
  eventually,
  firstStartCredentials,
  freshTarget,
  killAllServers,
  startServer,
  type Server,
  type Target,
} from './helpers/servers.ts';
import { startReceiver, type Receiver } from './helpers/webhook-receiver.ts';

/**
 * Real server processes on one database, killed with SIGKILL mid-work. On PostgreSQL three servers
 * share the database under load; on the embedded engine (one process at a time) the server is
 * killed and started again on the same data directory.
 */
const adminUrl = inject('pgAdminUrl');
const onServer = adminUrl !== '';
const SLOW = 300_000;
const IMPORT_ROWS = 20_000;
// A short stall limit, so a takeover comes within seconds.
const SERVER_ENV = {
  PIPEWRIGHT_JOB_STALL_SECONDS: '3',
  // The tests' webhook receiver listens on 127.0.0.1; a short timeout makes a dead server's lease short too.
  PIPEWRIGHT_WEBHOOK_ALLOW_PRIVATE: 'true',
  PIPEWRIGHT_WEBHOOK_TIMEOUT_SECONDS: '2',
};

let target: Target;
let receiver: Receiver | undefined;

beforeAll(async () => {
  target = await freshTarget(onServer ? { adminUrl } : { pgliteTemplate: inject('pgliteTemplate') });
}, SLOW);
afterAll(async () => {
  await receiver?.close();
  await killAllServers();
  await target.cleanup();
}, SLOW);

type Call = (method: string, url: string, body?: unknown, headers?: Record<string, string>) => Promise<Response>;

/** Requests as the admin's token, to whichever server of `pool` answers (the next one after a connection failure). */
function client(token: string, pool: () => Server[]) {
  let turn = 0;
  const call: Call = async (method, url, body, headers = {}) => {
    for (let tries = 0; ; tries++) {
      const servers = pool();
      const s = servers[turn++ % servers.length];
      if (!s) throw new Error('no server left');
      try {
        return await fetch(`${s.base}${url}`, {
          method,
          headers: {
            authorization: `Bearer ${token}`,
            ...(body === undefined
              ? {}
              : typeof body === 'string'
                ? { 'content-type': 'text/csv' }
                : { 'content-type': 'application/json' }),
            ...headers,
          },
          ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
        });
      } catch (err) {
        // The server went away mid-request: the same request (same Idempotency-Key) goes to another.
        if (tries > 20) throw err;
      }
    }
  };
  return call;
}

/**
 * A write with an Idempotency-Key, retried until it is acknowledged. A key whose first request
 * died with its server stays "being processed" (409): such a write was never acknowledged, and
 * the client gives up on it after a while rather than risk writing it twice.
 */
async function write(call: Call, method: string, url: string, body: unknown, headers: Record<string, string> = {}) {
  const key = randomUUID();
  for (let i = 0; i < 40; i++) {
    const res = await call(method, url, body, { 'idempotency-key': key, ...headers });
    if (res.status === 409 && ((await res.clone().json()) as { code?: string }).code === 'idempotency_conflict') {
      await new Promise((r) => setTimeout(r, 50));
      continue;
    }
    return res;
  }
  return null;
}

async function importJob(call: Call, id: string): Promise<ImportJobDto> {
  const res = await call('GET', `/api/v1/imports/${id}`);
  return (await res.json()) as ImportJobDto;
}

async function jobOfImport(call: Call, importId: string): Promise<JobDto | undefined> {
  const res = await call('GET', '/api/v1/jobs?kind=import&limit=200');
  const { items } = (await res.json()) as { items: JobDto[] };
  return items.find((j) => j.payload.importId === importId);
}

/** Checks what must hold after the kill: the import's rows exactly once, its job done by a second run, the chain intact. */
async function checkImport(call: Call, importId: string) {
  const done = await eventually(
    () => importJob(call, importId),
    (j) => j.status === 'succeeded' || j.status === 'failed',
    SLOW,
    'the import finishing',
  );
  expect(done).toMatchObject({ status: 'succeeded', rowsRead: IMPORT_ROWS });
  expect(done.summary).toMatchObject({ rows: IMPORT_ROWS, inserted: IMPORT_ROWS, rejected: 0 });
  const job = await jobOfImport(call, importId);
  // The first run died with its server; another run took the job over and finished it.
  expect(job).toMatchObject({ status: 'succeeded', attempts: 2 });
  expect(job?.lastError).toMatch(/stopped/);
  const verify = await call('GET', '/api/v1/audit/verify');
  expect(((await verify.json()) as { ok: boolean }).ok).toBe(true);
}

/** Rows of the imported deals in the database: each external id once, each with one deal.created event. */
async function countImported(db: pg.Client, prefix: string) {
  const r = await db.query<{ deals: string; distinct_ids: string; created: string }>(
    `select count(*) as deals, count(distinct d.external_id) as distinct_ids,
       (select count(*) from events e where e.type = 'deal.created' and e.entity_type = 'deal'
          and e.entity_id in (select id from deals where external_id like $1)) as created
     from deals d where d.external_id like $1`,
    [`${prefix}-%`],
  );
  return r.rows[0];
}

describe.runIf(onServer)('three servers on one PostgreSQL database', () => {
  it(
    'kill -9 of the server running an import mid-load: no acknowledged write lost, no duplicate, the import finished by another server, the chain verifies',
    async () => {
      // All three start at once on an empty database: one migrates it and creates the first organization.
      const servers = await Promise.all([1, 2, 3].map(() => startServer(target, SERVER_ENV)));
      const creator = servers.filter((s) => s.output().includes('First start'));
      expect(creator).toHaveLength(1);
      const { email, password } = firstStartCredentials(creator[0]?.output() ?? '');
      const alive = new Set<Server>(servers);
      const call = client(await apiToken(servers[0]?.base ?? '', email, password), () => [...alive]);
      // Webhook deliveries run as jobs on every server, from the same log.
      receiver = await startReceiver();
      const hook = await call('POST', '/api/v1/webhooks', {
        url: receiver.url,
        eventTypes: ['account.created', 'deal.stage_changed'],
      });
      expect(hook.status).toBe(201);

      const upload = await call(
        'POST',
        `/api/v1/imports?entity=deals&batchSize=500&fileName=big.csv`,
        dealsCsv(IMPORT_ROWS, 'imp'),
      );
      expect(upload.status).toBe(202);
      const importId = ((await upload.json()) as ImportJobDto).id;

      // Writes spread over the servers while the import runs: accounts, deals and stage moves.
      const acknowledged = { accounts: [] as string[], moves: [] as { id: string; version: number }[] };
      const pipelines = (await (await call('GET', '/api/v1/pipelines')).json()) as {
        items: { stages: { id: string; name: string }[] }[];
      };
      const discovery = pipelines.items[0]?.stages.find((s) => s.name === 'Discovery')?.id;
      let loading = true;
      const writer = async (n: number) => {
        for (let i = 0; loading; i++) {
          const account = await write(call, 'POST', '/api/v1/accounts', { name: `Load ${n}-${i}` });
          if (account?.status === 201) acknowledged.accounts.push(((await account.json()) as { id: string }).id);
          const deal = await write(call, 'POST', '/api/v1/deals', { name: `Load deal ${n}-${i}` });
          if (deal?.status !== 201) continue;
          const created = (await deal.json()) as { id: string; version: number };
          const moved = await write(
            call,
            'POST',
            `/api/v1/deals/${created.id}/stage`,
            { stageId: discovery },
            { 'if-match': String(created.version) },
          );
          if (moved?.status === 200) acknowledged.moves.push(created);
        }
      };
      const writers = [writer(1), writer(2), writer(3)];

      // Kill the server running the import once a few batches are in.
      const running = await eventually(
        async () => ({ job: await jobOfImport(call, importId), imp: await importJob(call, importId) }),
        (v) => v.job?.status === 'running' && v.imp.rowsRead >= 2000,
        SLOW,
        'the import running',
      );
      const pid = Number(running.job?.runningOn?.split(':').pop());
      const victim = [...alive].find((s) => s.pid === pid);
      expect(victim).toBeDefined();
      await victim?.kill();
      if (victim) alive.delete(victim);
      const rowsAtKill = running.imp.rowsRead;
      expect(rowsAtKill).toBeLessThan(IMPORT_ROWS);

      // The two others keep serving.
      await new Promise((r) => setTimeout(r, 3000));
      loading = false;
      await Promise.all(writers);
      for (const s of alive) expect((await fetch(`${s.base}/readyz`)).status).toBe(200);
      expect(acknowledged.accounts.length).toBeGreaterThan(10);

      await checkImport(call, importId);
      const db = new pg.Client({ connectionString: target.env.DATABASE_URL });
      await db.connect();
      try {
        expect(await countImported(db, 'imp')).toEqual({
          deals: String(IMPORT_ROWS),
          distinct_ids: String(IMPORT_ROWS),
          created: String(IMPORT_ROWS),
        });
        // Every acknowledged write is there, none twice.
        const accounts = await db.query<{ id: string; name: string }>(
          `select id, name from accounts where name like 'Load %'`,
        );
        const ids = new Set(accounts.rows.map((a) => a.id));
        for (const id of acknowledged.accounts) expect(ids.has(id)).toBe(true);
        expect(new Set(accounts.rows.map((a) => a.name)).size).toBe(accounts.rows.length);
        const moved = await db.query<{ id: string; stage: string }>(
          `select d.id, s.name as stage from deals d join stages s on s.org_id = d.org_id and s.id = d.stage_id where d.id = any($1::uuid[])`,
          [acknowledged.moves.map((m) => m.id)],
        );
        expect(moved.rows.every((d) => d.stage === 'Discovery')).toBe(true);
        expect(moved.rows).toHaveLength(acknowledged.moves.length);
        const loadDeals = await db.query<{ name: string }>(`select name from deals where name like 'Load deal %'`);
        expect(new Set(loadDeals.rows.map((d) => d.name)).size).toBe(loadDeals.rows.length);
        // Every event the webhook selects reached the receiver (some perhaps twice, none missing or extra).
        const selected = await db.query<{ id: string }>(
          `select id from events where type in ('account.created', 'deal.stage_changed')`,
        );
        const expected = new Set(selected.rows.map((e) => `evt_${e.id}`));
        const hooks = receiver;
        const got = await eventually(
          () => Promise.resolve(new Set((hooks?.received ?? []).map((r) => r.headers['webhook-id']))),
          (ids) => [...expected].every((id) => ids.has(id)),
          SLOW,
          'every webhook delivered',
        );
        expect([...got].filter((id) => id === undefined || !expected.has(id))).toEqual([]);
        // No job is left queued or running.
        await eventually(
          () => db.query(`select id, kind from jobs where status in ('queued', 'running')`),
          (open) => open.rows.length === 0,
          60_000,
          'no job left queued or running',
        );
      } finally {
        await db.end();
      }
    },
    SLOW,
  );
});

describe.runIf(!onServer)('the embedded engine', () => {
  it(
    'an import whose server is killed with -9 mid-import is finished by the next server on the data directory, without duplicates',
    async () => {
      const first = await startServer(target, SERVER_ENV);
      const { email, password } = firstStartCredentials(first.output());
      let current = first;
      const call = client(await apiToken(first.base, email, password), () => [current]);
      const upload = await call('POST', `/api/v1/imports?entity=deals&batchSize=500`, dealsCsv(IMPORT_ROWS, 'imp'));
      expect(upload.status).toBe(202);
      const importId = ((await upload.json()) as ImportJobDto).id;
      const running = await eventually(
        () => importJob(call, importId),
        (j) => j.status === 'running' && j.rowsRead >= 2000,
        SLOW,
        'the import running',
      );
      expect(running.rowsRead).toBeLessThan(IMPORT_ROWS);
      await first.kill();
      current = await startServer(target, SERVER_ENV);
      await checkImport(call, importId);
      await current.stop();
      const { openDatabase } = await import('../src/db/database.ts');
      const database = await openDatabase({ dataDir: target.env.PIPEWRIGHT_DATA_DIR ?? '' });
      try {
        const [row] = await database.query<{ deals: number; distinct_ids: number; created: number }>(
          `select count(*)::int as deals, count(distinct d.external_id)::int as distinct_ids,
             (select count(*)::int from events e where e.type = 'deal.created'
                and e.entity_id in (select id from deals where external_id like 'imp-%')) as created
           from deals d where d.external_id like 'imp-%'`,
        );
        expect(row).toEqual({ deals: IMPORT_ROWS, distinct_ids: IMPORT_ROWS, created: IMPORT_ROWS });
      } finally {
        await database.close();
      }
    },
    SLOW,
  );
});
