import { sql } from 'kysely';
import type { DbExecutor } from './database.ts';

/**
 * Bulk loads and foreign keys.
 *
 * PostgreSQL checks a foreign key with a trigger that runs one query per inserted row; in a COPY
 * of a table with several foreign keys those queries cost far more than the insert itself (a
 * deal row: about 270 µs with its six keys against 35 µs without). A load that may do so turns
 * the per-row triggers off for its transaction (`session_replication_role = replica`, which
 * needs a role allowed to set it: a superuser, as the embedded engine's, or one granted SET on
 * the parameter) and then proves every foreign key of the loaded rows with one anti-join per
 * key. A load that may not set it keeps the per-row checks: same result, slower.
 */

const IDENT = /^[a-z_][a-z0-9_]*$/;

/** A loaded row whose reference does not resolve: the load must not commit. */
export class ForeignKeyViolation extends Error {
  constructor(
    readonly table: string,
    readonly constraint: string,
    readonly orphans: number,
  ) {
    super(`${orphans} row(s) of ${table} violate foreign key ${constraint}`);
    this.name = 'ForeignKeyViolation';
  }
}

export interface DeferredChecks {
  /** Whether the per-row checks are off; when false the database checked every row already. */
  deferred: boolean;
}

/**
 * Turns the per-row foreign-key triggers off for the rest of the transaction when the role may,
 * so COPY and INSERT … SELECT of many rows cost the insert alone. Must be paired with
 * `verifyForeignKeys` over the loaded tables before commit. Runs in a savepoint so that a
 * refusal leaves the transaction usable.
 */
export async function deferForeignKeyChecks(trx: DbExecutor): Promise<DeferredChecks> {
  await sql`savepoint defer_fk_checks`.execute(trx);
  try {
    await sql`set local session_replication_role = replica`.execute(trx);
    await sql`release savepoint defer_fk_checks`.execute(trx);
    return { deferred: true };
  } catch (err) {
    await sql`rollback to savepoint defer_fk_checks`.execute(trx);
    await sql`release savepoint defer_fk_checks`.execute(trx);
    // Only a refusal means "keep the per-row checks"; any other failure is the caller's to see.
    if (sqlState(err) === INSUFFICIENT_PRIVILEGE) return { deferred: false };
    throw err;
  }
}

const INSUFFICIENT_PRIVILEGE = '42501';
const sqlState = (err: unknown): unknown => (err && typeof err === 'object' && 'code' in err ? err.code : undefined);

/** A foreign key as the catalog declares it. */
export interface ForeignKey {
  name: string;
  child: string;
  parent: string;
  childColumns: string[];
  parentColumns: string[];
  /** SQL types of the parent columns, for casts of looked-up values. */
  types: string[];
}

const TYPE = /^[a-z][a-z0-9_ ]*(\(\d+(,\d+)?\))?$/;

/** The foreign keys declared on the given tables of the current schema; names and types checked to be plain. */
export async function foreignKeysOf(trx: DbExecutor, tables: readonly string[]): Promise<ForeignKey[]> {
  const r = await sql<{
    name: string;
    child: string;
    parent: string;
    child_columns: string[];
    parent_columns: string[];
    types: string[];
  }>`
    select c.conname as name, ch.relname as child, pa.relname as parent,
      array(select a.attname::text from unnest(c.conkey) with ordinality k(n, i) join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.i) as child_columns,
      array(select a.attname::text from unnest(c.confkey) with ordinality k(n, i) join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.i) as parent_columns,
      array(select format_type(a.atttypid, a.atttypmod) from unnest(c.confkey) with ordinality k(n, i) join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.i) as types
    from pg_constraint c
    join pg_class ch on ch.oid = c.conrelid
    join pg_class pa on pa.oid = c.confrelid
    join pg_namespace n on n.oid = ch.relnamespace
    where c.contype = 'f' and n.nspname = current_schema() and ch.relname = any(${[...tables]}::text[])
    order by ch.relname, c.conname`.execute(trx);
  const keys = r.rows.map((x) => ({
    name: x.name,
    child: x.child,
    parent: x.parent,
    childColumns: x.child_columns,
    parentColumns: x.parent_columns,
    types: x.types,
  }));
  for (const k of keys) {
    for (const id of [k.child, k.parent, ...k.childColumns, ...k.parentColumns])
      if (!IDENT.test(id)) throw new Error(`foreign keys: "${id}" is not a plain identifier`);
    for (const t of k.types) if (!TYPE.test(t)) throw new Error(`foreign keys: "${t}" is not a plain type`);
  }
  return keys;
}

const ident = (name: string) => {
  if (!IDENT.test(name)) throw new Error(`foreign keys: "${name}" is not a plain identifier`);
  return sql.id(name);
};

/**
 * Proves every foreign key of the given tables for one organization's rows, set-based: one
 * anti-join per key (a row whose key columns are all set must find its parent). Referenced rows
 * of tables that were not loaded (users, pipelines, stages, products…) are locked FOR KEY SHARE,
 * as the per-row checks would have, so a concurrent delete cannot orphan the loaded rows before
 * commit; rows of the loaded tables referenced by other loaded rows are the load's own or were
 * looked up by it. Restores the per-row triggers for the rest of the transaction. Throws
 * ForeignKeyViolation on the first key with orphans.
 */
export async function verifyForeignKeys(trx: DbExecutor, tables: readonly string[], orgId: string): Promise<void> {
  await sql`set local session_replication_role = origin`.execute(trx);
  const loaded = new Set(tables);
  for (const fk of await foreignKeysOf(trx, tables)) {
    const c = ident(fk.child);
    const p = ident(fk.parent);
    const match = sql.join(
      fk.childColumns.map((col, i) => sql`p.${ident(fk.parentColumns[i] ?? '')} = c.${ident(col)}`),
      sql` and `,
    );
    const set = sql.join(
      fk.childColumns.map((col) => sql`c.${ident(col)} is not null`),
      sql` and `,
    );
    // Every business table carries org_id: only the organization's rows are the load's.
    const scope = sql`c.org_id = ${orgId}`;
    const orphans = await sql<{ n: number }>`
      select count(*)::int as n from ${c} c
      where ${scope} and ${set} and not exists (select 1 from ${p} p where ${match})`.execute(trx);
    const n = orphans.rows[0]?.n ?? 0;
    if (n > 0) throw new ForeignKeyViolation(fk.child, fk.name, n);
    if (!loaded.has(fk.parent)) {
      await sql`
        select 1 from ${p} p
        where exists (select 1 from ${c} c where ${scope} and ${match})
        for key share of p`.execute(trx);
    }
  }
}
