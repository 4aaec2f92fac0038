import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { migrations } from '../src/db/migrations/index.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplate: string;
    pgAdminUrl: string;
    /** Prefix of this run's per-file databases, so teardown drops only its own. */
    pgClonePrefix: string;
  }
}

/** The server URL (DATABASE_URL) with another database name. */
function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * Builds one migrated template database per run; each test file then clones it (a directory copy
 * for PGlite, CREATE DATABASE ... TEMPLATE on PostgreSQL) instead of initialising its own.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // eslint-disable-next-line no-restricted-properties -- the test harness reads its one switch here
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    const run = randomBytes(4).toString('hex');
    const name = `pw_tpl_${run}`;
    const clonePrefix = `pw_t_${run}_`;
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const db = await openDatabase({ databaseUrl: withDatabase(databaseUrl, name), dataDir: '' });
    await migrate(db);
    await db.close();
    project.provide('pgTemplate', name);
    project.provide('pgAdminUrl', databaseUrl);
    project.provide('pgClonePrefix', clonePrefix);
    project.provide('pgliteTemplate', '');
    return async () => {
      const c = new pg.Client({ connectionString: databaseUrl });
      await c.connect();
      // Only this run's databases: other runs may be using the same server at the same time.
      const rows = await c.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE starts_with(datname, $1) OR datname = $2`,
        [clonePrefix, name],
      );
      for (const r of rows.rows)
        await c.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`).catch(() => undefined);
      await c.end();
    };
  }
  const key = createHash('sha256').update(JSON.stringify(migrations)).digest('hex').slice(0, 16);
  const dir = path.join(os.tmpdir(), `pipewright-test-template-${key}`);
  if (!fs.existsSync(path.join(dir, '.complete'))) {
    // Built aside and renamed into place, so concurrent runs never see a half-built template.
    const building = `${dir}.building-${process.pid}-${randomBytes(3).toString('hex')}`;
    const db = await openDatabase({ dataDir: building });
    await migrate(db);
    await db.close();
    fs.writeFileSync(path.join(building, '.complete'), new Date().toISOString());
    try {
      fs.renameSync(building, dir);
    } catch {
      // another run finished first; use its template
      fs.rmSync(building, { recursive: true, force: true });
    }
  }
  project.provide('pgliteTemplate', dir);
  project.provide('pgTemplate', '');
  project.provide('pgAdminUrl', '');
  project.provide('pgClonePrefix', '');
  return () => Promise.resolve();
}
