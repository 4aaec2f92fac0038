import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { composeFromDatabase, jobHandlers } from '../../src/compose.ts';
import { openDatabase, type Database } from '../../src/db/database.ts';
import type { Clock, IdGenerator } from '../../src/domain/deps.ts';
import type { Deps } from '../../src/modules/context.ts';
import type { WebhookSettings } from '../../src/modules/webhooks/webhook-transport.ts';
import type { BusyFeedSettings } from '../../src/modules/booking/busy-feed-fetch.ts';

export interface TestDb {
  database: Database;
  cleanup(): Promise<void>;
}

/** A fresh database for one test file, cloned from the migrated template of this run. */
export async function cloneTemplate(): Promise<TestDb> {
  const pgTemplate = inject('pgTemplate');
  if (pgTemplate) {
    const adminUrl = inject('pgAdminUrl');
    const name = `${inject('pgClonePrefix')}${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE ${name} TEMPLATE ${pgTemplate}`);
        break;
      } catch (err) {
        // Another file may be cloning the same template at this instant.
        if (attempt >= 20) throw err;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
    await admin.end();
    const u = new URL(adminUrl);
    u.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: u.toString(), dataDir: '', poolSize: 5 });
    return {
      database,
      async cleanup() {
        await database.close();
        const c = new pg.Client({ connectionString: adminUrl });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const template = inject('pgliteTemplate');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pipewright-test-'));
  fs.cpSync(template, dir, { recursive: true });
  const database = await openDatabase({ dataDir: dir });
  return {
    database,
    async cleanup() {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface TestDeps extends Deps {
  cleanup(): Promise<void>;
}

/** Dependencies for service tests on a fresh database (PGlite, or PostgreSQL when DATABASE_URL is set). */
export async function createTestDeps(
  opts: {
    clock?: Clock;
    ids?: IdGenerator;
    onSealError?: (err: unknown, orgId: string) => void;
    webhooks?: Partial<WebhookSettings>;
    busyFeeds?: Partial<BusyFeedSettings>;
    /** Run background jobs in this process (the engine's queue: graphile-worker on PostgreSQL). */
    runJobs?: boolean;
    jobStallSeconds?: number;
  } = {},
): Promise<TestDeps> {
  const t = await cloneTemplate();
  const { runJobs, jobStallSeconds, ...rest } = opts;
  const deps = await composeFromDatabase(
    t.database,
    { sessionSecret: 'test-secret-test-secret-test-secret-0123', sessionTtlHours: 24, jobStallSeconds },
    { ...rest, migrate: false },
  );
  if (runJobs) await deps.jobs.start(jobHandlers(deps));
  return {
    ...deps,
    async cleanup() {
      await deps.jobs.stop();
      await deps.sealer.flush();
      deps.webhookTransport.close();
      await t.cleanup();
    },
  };
}
