import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deferForeignKeyChecks, ForeignKeyViolation, verifyForeignKeys } from '../src/db/foreign-keys.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';

let deps: TestDeps;
const tag = randomUUID().slice(0, 8);
const parent = `fk_parent_${tag}`;
const ref = `fk_ref_${tag}`;
const child = `fk_child_${tag}`;

beforeAll(async () => {
  deps = await createTestDeps();
  await sql
    .raw(`create table ${parent} (org_id uuid not null, id uuid not null, primary key (org_id, id))`)
    .execute(deps.db);
  await sql
    .raw(`create table ${ref} (org_id uuid not null, id uuid not null, primary key (org_id, id))`)
    .execute(deps.db);
  await sql
    .raw(
      `create table ${child} (org_id uuid not null, id uuid primary key, parent_id uuid, ref_id uuid,
        constraint ${child}_parent_fk foreign key (org_id, parent_id) references ${parent}(org_id, id),
        constraint ${child}_ref_fk foreign key (org_id, ref_id) references ${ref}(org_id, id))`,
    )
    .execute(deps.db);
});
afterAll(async () => {
  await sql.raw(`drop table if exists ${child}, ${parent}, ${ref}`).execute(deps.db);
  await deps.cleanup();
});

const insertChild = (db: TestDeps['db'], org: string, parentId: string | null, refId: string | null) =>
  sql`insert into ${sql.table(child)} (org_id, id, parent_id, ref_id) values (${org}, ${randomUUID()}, ${parentId}, ${refId})`.execute(
    db,
  );
const insertKey = (db: TestDeps['db'], table: string, org: string, id: string) =>
  sql`insert into ${sql.table(table)} (org_id, id) values (${org}, ${id})`.execute(db);
const count = async (table: string, org: string) =>
  (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where org_id = ${org}`.execute(deps.db))
    .rows[0]?.n;

describe('deferred foreign-key checks for bulk loads', () => {
  it('lets a load write without the per-row checks, then proves the keys and commits valid rows', async () => {
    const org = randomUUID();
    const p = randomUUID();
    const r = randomUUID();
    await insertKey(deps.db, ref, org, r);
    await deps.db.transaction().execute(async (trx) => {
      expect(await deferForeignKeyChecks(trx)).toEqual({ deferred: true });
      // The child comes before its parent, which the per-row check would have refused.
      await insertChild(trx, org, p, r);
      await insertChild(trx, org, null, null);
      await insertKey(trx, parent, org, p);
      await verifyForeignKeys(trx, [child, parent], org);
      // The per-row checks are back for the rest of the transaction.
      await sql`savepoint after_verify`.execute(trx);
      await expect(insertChild(trx, org, randomUUID(), null)).rejects.toThrow(/foreign key/);
      await sql`rollback to savepoint after_verify`.execute(trx);
    });
    expect(await count(child, org)).toBe(2);
  });

  it('refuses the whole load when a written row has no parent, naming the table and the key', async () => {
    const org = randomUUID();
    await insertKey(deps.db, parent, org, randomUUID());
    const load = deps.db.transaction().execute(async (trx) => {
      await deferForeignKeyChecks(trx);
      await insertChild(trx, org, null, randomUUID());
      await insertChild(trx, org, null, randomUUID());
      await verifyForeignKeys(trx, [child], org);
    });
    const err = await load.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ForeignKeyViolation);
    expect(err).toMatchObject({ table: child, constraint: `${child}_ref_fk`, orphans: 2 });
    expect(await count(child, org)).toBe(0);
  });

  it('checks only the loading organization’s rows', async () => {
    const org = randomUUID();
    const other = randomUUID();
    const p = randomUUID();
    await insertKey(deps.db, parent, org, p);
    const rollback = new Error('rolled back on purpose');
    const done = deps.db.transaction().execute(async (trx) => {
      await deferForeignKeyChecks(trx);
      await insertChild(trx, org, p, null);
      // The same parent id does not exist in the other organization: its row is an orphan.
      await insertChild(trx, other, p, null);
      await expect(verifyForeignKeys(trx, [child], org)).resolves.toBeUndefined();
      await expect(verifyForeignKeys(trx, [child], other)).rejects.toBeInstanceOf(ForeignKeyViolation);
      throw rollback;
    });
    await expect(done).rejects.toBe(rollback);
    expect(await count(child, org)).toBe(0);
  });

  it('keeps the per-row checks, and a usable transaction, for a role that may not turn them off', async () => {
    const role = `pw_fk_role_${tag}`;
    await sql.raw(`create role ${role} nologin nosuperuser`).execute(deps.db);
    try {
      await deps.db.transaction().execute(async (trx) => {
        await sql.raw(`set local role ${role}`).execute(trx);
        expect(await deferForeignKeyChecks(trx)).toEqual({ deferred: false });
        const r = await sql<{ role: string }>`select current_setting('session_replication_role') as role`.execute(trx);
        expect(r.rows[0]?.role).toBe('origin');
      });
    } finally {
      await sql.raw(`drop role ${role}`).execute(deps.db);
    }
  });
});
