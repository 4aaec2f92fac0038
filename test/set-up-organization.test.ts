import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpOrganization } from '../src/modules/organizations/set-up-organization.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';

let deps: TestDeps;
beforeAll(async () => {
  deps = await createTestDeps();
});
afterAll(async () => {
  await deps.cleanup();
});

const input = (name: string) => ({
  organization: { name },
  admin: {
    email: `owner@${name.toLowerCase().replace(/\W/g, '')}.example`,
    name: 'Olive Owner',
    password: 'a long enough password',
  },
});

describe('setting up an organization', () => {
  it('creates the organization, its admin and the starter pipeline together', async () => {
    const { organization, admin } = await setUpOrganization(deps, input('Together Ltd'));
    const pipelines = await sql<{
      n: number;
    }>`select count(*)::int as n from pipelines where org_id = ${organization.id}`.execute(deps.db);
    expect(pipelines.rows[0]?.n).toBe(1);
    expect(admin.role).toBe('admin');
  });

  it('leaves nothing behind when a later step fails: one transaction for all of it', async () => {
    // The ids handed out are: organization, admin, pipeline, then one per stage; giving two stages
    // the same id makes the stage insert fail after the organization and its admin were written.
    let n = 0;
    const repeated = randomUUID();
    const failing = { ...deps, ids: { id: () => (++n === 4 || n === 5 ? repeated : randomUUID()) } };
    await expect(setUpOrganization(failing, input('Halfway Inc'))).rejects.toThrow();
    const orgs = await sql<{
      n: number;
    }>`select count(*)::int as n from organizations where name = 'Halfway Inc'`.execute(deps.db);
    expect(orgs.rows[0]?.n).toBe(0);
    const users = await sql<{
      n: number;
    }>`select count(*)::int as n from users where email = 'owner@halfwayinc.example'`.execute(deps.db);
    expect(users.rows[0]?.n).toBe(0);
  });
});
