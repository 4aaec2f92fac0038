import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloneTemplate, type TestDb } from './helpers/db.ts';

/**
 * The schema stays ready to be distributed by organization (e.g. Citus: business tables
 * distributed by `org_id`, co-located; small shared tables as reference tables): every business
 * table's primary key and indexes start with `org_id`, and every foreign key between business
 * tables includes it on both sides. Read from the catalog of the migrated schema, so a table or an
 * index added later is checked without anyone listing it here. Exceptions carry their reason.
 */

/** Tables without `org_id`, and why they may be. */
const NOT_TENANT_TABLES: Record<string, string> = {
  organizations: 'the tenants themselves: a reference table (its id is what org_id refers to)',
  schema_migrations: 'the schema version of the whole database',
  instance_settings: 'settings of the installation (the token key), not of a tenant',
  login_attempts: 'sign-in throttling by email, before the organization is known; local to the coordinator',
};

/** Indexes of business tables not led by `org_id`, and why (none of them is unique). */
const INDEX_EXCEPTIONS: Record<string, string> = {
  users_login_email_idx: 'sign-in finds a user by email before the organization is known (not unique)',
  accounts_name_trgm_idx: 'trigram GIN index for fuzzy search; the query also filters by org_id',
  contacts_name_trgm_idx: 'trigram GIN index for fuzzy search; the query also filters by org_id',
  leads_name_trgm_idx: 'trigram GIN index for fuzzy search; the query also filters by org_id',
  deals_name_trgm_idx: 'trigram GIN index for fuzzy search; the query also filters by org_id',
  contacts_emails_idx: 'GIN index of email lists for duplicate detection; the query also filters by org_id',
  jobs_due_idx: 'the job runners look for due work across organizations (a multi-shard scan under Citus)',
  jobs_running_idx: 'the job runners look for silent claims across organizations (a multi-shard scan under Citus)',
  jobs_succeeded_idx:
    'job maintenance deletes succeeded jobs of every organization after a week (a multi-shard delete under Citus)',
};

let t: TestDb;
beforeAll(async () => {
  t = await cloneTemplate();
});
afterAll(async () => {
  await t.cleanup();
});

interface IndexRow {
  table_name: string;
  index_name: string;
  is_unique: boolean;
  is_primary: boolean;
  first_column: string | null;
}

interface ForeignKeyRow {
  table_name: string;
  name: string;
  parent: string;
  columns: string[];
  parent_columns: string[];
}

describe('the schema is ready to be distributed by organization', () => {
  it('has org_id in every table but the listed instance tables', async () => {
    const rows = await t.database.query<{ table_name: string; has_org: boolean }>(
      `select c.relname as table_name,
         exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'org_id' and not a.attisdropped) as has_org
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = current_schema() and c.relkind in ('r', 'p')`,
    );
    expect(rows.length).toBeGreaterThan(20);
    const without = rows.filter((r) => !r.has_org).map((r) => r.table_name);
    expect(without.sort()).toEqual(Object.keys(NOT_TENANT_TABLES).sort());
  });

  it("starts every business table's primary key, unique index and index with org_id (listed exceptions are not unique)", async () => {
    const rows = await t.database.query<IndexRow>(
      `select c.relname as table_name, i.relname as index_name, x.indisunique as is_unique, x.indisprimary as is_primary,
         (select a.attname from pg_attribute a where a.attrelid = c.oid and a.attnum = x.indkey[0]) as first_column
       from pg_index x
       join pg_class c on c.oid = x.indrelid
       join pg_class i on i.oid = x.indexrelid
       join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = current_schema()`,
    );
    const business = rows.filter((r) => !(r.table_name in NOT_TENANT_TABLES));
    expect(business.filter((r) => r.is_primary).length).toBeGreaterThan(20);
    const offending = business.filter((r) => r.first_column !== 'org_id' && !(r.index_name in INDEX_EXCEPTIONS));
    expect(offending).toEqual([]);
    // An exception is never a primary key or a unique index, and each one still exists.
    const excepted = business.filter((r) => r.index_name in INDEX_EXCEPTIONS);
    expect(excepted.filter((r) => r.is_unique || r.is_primary)).toEqual([]);
    expect(excepted.map((r) => r.index_name).sort()).toEqual(Object.keys(INDEX_EXCEPTIONS).sort());
  });

  it('includes org_id on both sides of every foreign key between business tables', async () => {
    const rows = await t.database.query<ForeignKeyRow>(
      `select c.relname as table_name, k.conname as name, p.relname as parent,
         (select json_agg(a.attname order by u.ord) from unnest(k.conkey) with ordinality as u(attnum, ord)
            join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.attnum) as columns,
         (select json_agg(a.attname order by u.ord) from unnest(k.confkey) with ordinality as u(attnum, ord)
            join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.attnum) as parent_columns
       from pg_constraint k
       join pg_class c on c.oid = k.conrelid
       join pg_class p on p.oid = k.confrelid
       join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = current_schema() and k.contype = 'f'`,
    );
    expect(rows.length).toBeGreaterThan(40);
    for (const fk of rows) {
      // Keys from an instance table into business tables would cross tenants.
      expect(fk.table_name in NOT_TENANT_TABLES, fk.name).toBe(false);
      if (fk.parent === 'organizations') {
        expect(fk.columns, fk.name).toEqual(['org_id']);
        continue;
      }
      const at = fk.columns.indexOf('org_id');
      expect(at, `${fk.name} has no org_id`).toBeGreaterThanOrEqual(0);
      expect(fk.parent_columns[at], `${fk.name} does not match org_id with org_id`).toBe('org_id');
    }
  });
});
