import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { compose, shutdown } from '../src/compose.ts';
import { loadConfig } from '../src/config.ts';
import { createAccount } from '../src/modules/accounts/accounts.service.ts';
import type { Deps } from '../src/modules/context.ts';
import { cloneTemplate, type TestDb } from './helpers/db.ts';
import { createTestOrg, type TestOrg } from './helpers/factories.ts';

/**
 * On PostgreSQL background work (sealing the chain, jobs, webhook delivery) has a pool of its own,
 * so requests holding every connection of theirs cannot hold it up.
 */
describe.runIf(inject('pgAdminUrl') !== '')('the background pool on PostgreSQL', () => {
  let t: TestDb;
  let deps: Deps;
  let org: TestOrg;

  beforeAll(async () => {
    t = await cloneTemplate();
    deps = await compose(
      loadConfig({
        DATABASE_URL: t.database.connectionString ?? '',
        PIPEWRIGHT_DB_POOL_SIZE: '1',
        PIPEWRIGHT_DB_BACKGROUND_POOL_SIZE: '2',
      }),
    );
    org = await createTestOrg(deps);
  });

  afterAll(async () => {
    await shutdown(deps);
    await t.cleanup();
  });

  it('seals events while the requests hold their only connection', async () => {
    expect(deps.backgroundDatabase).not.toBe(deps.database);
    const unsealed = await deps.db.connection().execute(async (conn) => {
      // The one connection of the requests' pool is held from here to the end.
      const account = await createAccount({ ...deps, db: conn }, org.admin, { name: 'Held Ltd' });
      await deps.sealer.flush(org.orgId);
      const rows = await sql<{ n: number }>`
        select count(*)::int as n from events
        where org_id = ${org.orgId} and entity_id = ${account.id} and seq is null`.execute(conn);
      return rows.rows[0]?.n;
    });
    expect(unsealed).toBe(0);
  });
});
