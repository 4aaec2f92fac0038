import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DbExecutor } from '../src/db/database.ts';
import { PREPARED_MARK, preparedQuery } from '../src/db/prepared.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg, createTestUser } from './helpers/factories.ts';

let deps: TestDeps;

beforeAll(async () => {
  deps = await createTestDeps();
});
afterAll(async () => deps.cleanup());

// Arguments named in another order than their places in the SQL, and a value of the builder's own.
const userByIdOrEmail = preparedQuery((db, { orgId, email, id }: { orgId: string; email: string; id: string }) =>
  db
    .selectFrom('users as u')
    .select(['u.id', 'u.email'])
    .where('u.org_id', '=', orgId)
    .where('u.active', '=', true)
    .where((eb) => eb.or([eb('u.id', '=', id), eb(sql`lower(u.email)`, '=', email)]))
    .orderBy('u.email'),
);

/** This connection's prepared statements of `userByIdOrEmail`. */
const preparedHere = async (trx: DbExecutor) =>
  (
    await sql<{ name: string; statement: string }>`select name, statement from pg_prepared_statements`.execute(trx)
  ).rows.filter((r) => r.statement.includes('lower(u.email)') && r.statement.endsWith(PREPARED_MARK));

describe('preparedQuery', () => {
  it('binds every argument to its own place, call after call', async () => {
    const { orgId, admin, adminEmail } = await createTestOrg(deps);
    const rep = await createTestUser(deps, admin, 'rep');
    const other = await createTestOrg(deps);
    expect(await userByIdOrEmail(deps.db, { orgId, email: 'nobody@example.test', id: rep.userId })).toEqual([
      { id: rep.userId, email: rep.email },
    ]);
    expect(await userByIdOrEmail(deps.db, { orgId, email: adminEmail, id: rep.userId })).toEqual(
      [
        { id: admin.userId, email: adminEmail },
        { id: rep.userId, email: rep.email },
      ].sort((a, b) => a.email.localeCompare(b.email)),
    );
    expect(await userByIdOrEmail(deps.db, { orgId: other.orgId, email: adminEmail, id: rep.userId })).toEqual([]);
    await deps.db.transaction().execute(async (trx) => {
      expect(await userByIdOrEmail(trx, { orgId, email: 'nobody@example.test', id: admin.userId })).toEqual([
        { id: admin.userId, email: adminEmail },
      ]);
    });
  });

  it('runs as a named prepared statement on PostgreSQL (plain on the embedded engine), unless turned off, and survives a new column', async () => {
    const onServer = deps.database.engine === 'postgres';
    const { orgId, admin, adminEmail } = await createTestOrg(deps);
    await deps.db.transaction().execute(async (trx) => {
      await userByIdOrEmail(trx, { orgId, email: adminEmail, id: admin.userId });
      expect(await preparedHere(trx)).toHaveLength(onServer ? 1 : 0);
    });

    await sql`alter table users add column prepared_test_extra integer`.execute(deps.db);
    for (let i = 0; i < 3; i++)
      expect(await userByIdOrEmail(deps.db, { orgId, email: adminEmail, id: admin.userId })).toEqual([
        { id: admin.userId, email: adminEmail },
      ]);
    if (!onServer) return;

    const unprepared = await openDatabase({
      databaseUrl: deps.database.location,
      dataDir: '',
      poolSize: 1,
      preparedStatements: false,
    });
    try {
      await unprepared.db.transaction().execute(async (trx) => {
        expect(await userByIdOrEmail(trx, { orgId, email: adminEmail, id: admin.userId })).toEqual([
          { id: admin.userId, email: adminEmail },
        ]);
        expect(await preparedHere(trx)).toEqual([]);
      });
    } finally {
      await unprepared.close();
    }
  });
});
