import { sql, type RawBuilder } from 'kysely';
import type { DbExecutor } from '../../db/database.ts';
import { valueKind, type ColumnInfo, type TableInfo } from './backup-plan.ts';

/** Not backed up: restore runs the migrations itself. */
const SKIPPED_TABLES = new Set(['schema_migrations']);

interface ColumnRow {
  table_name: string;
  column_name: string;
  type: string;
  typname: string;
  not_null: boolean;
  in_check: boolean;
  identity_always: boolean;
  sequence: string | null;
}

/**
 * The tables of the current schema as the database describes them, so a table added by a later
 * migration is backed up without anyone having to remember to list it here.
 */
export async function readCatalog(db: DbExecutor): Promise<TableInfo[]> {
  const columns = await sql<ColumnRow>`
    select c.relname as table_name, a.attname as column_name, format_type(a.atttypid, a.atttypmod) as type,
      case when t.typtype = 'd' then bt.typname else t.typname end as typname,
      a.attnotnull as not_null, a.attidentity = 'a' as identity_always,
      exists (select 1 from pg_constraint k where k.conrelid = c.oid and k.contype = 'c' and a.attnum = any(k.conkey)) as in_check,
      coalesce(
        case when a.attidentity <> '' then pg_get_serial_sequence(quote_ident(c.relname), a.attname) end,
        case when pg_get_expr(d.adbin, d.adrelid) like 'nextval(%' then split_part(pg_get_expr(d.adbin, d.adrelid), '''', 2) end
      ) as sequence
    from pg_attribute a
    join pg_class c on c.oid = a.attrelid
    join pg_namespace n on n.oid = c.relnamespace
    join pg_type t on t.oid = a.atttypid
    left join pg_type bt on bt.oid = t.typbasetype
    left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
    where n.nspname = current_schema() and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
    order by c.relname, a.attnum`.execute(db);
  const keys = await sql<{ table_name: string; kind: string; name: string; parent: string | null; columns: string[] }>`
    select c.relname as table_name, k.contype::text as kind, k.conname as name, p.relname as parent,
      (select json_agg(a.attname order by u.ord) from unnest(k.conkey) with ordinality as u(attnum, ord)
        join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.attnum) as columns
    from pg_constraint k
    join pg_class c on c.oid = k.conrelid
    join pg_namespace n on n.oid = c.relnamespace
    left join pg_class p on p.oid = k.confrelid
    where n.nspname = current_schema() and k.contype in ('p', 'f')
    order by c.relname, k.conname`.execute(db);
  const tables = new Map<string, TableInfo>();
  for (const r of columns.rows) {
    if (SKIPPED_TABLES.has(r.table_name)) continue;
    let t = tables.get(r.table_name);
    if (!t) {
      t = { name: r.table_name, columns: [], primaryKey: [], foreignKeys: [] };
      tables.set(r.table_name, t);
    }
    const col: ColumnInfo = {
      name: r.column_name,
      type: r.type,
      kind: valueKind(r.typname),
      notNull: r.not_null,
      inCheck: r.in_check,
      identityAlways: r.identity_always,
      sequence: r.sequence,
    };
    t.columns.push(col);
  }
  for (const k of keys.rows) {
    const t = tables.get(k.table_name);
    if (!t) continue;
    if (k.kind === 'p') t.primaryKey = k.columns;
    else if (k.parent) t.foreignKeys.push({ name: k.name, columns: k.columns, parent: k.parent });
  }
  return [...tables.values()];
}

/** The highest applied migration, 0 when the schema has not been created. */
export async function schemaVersion(db: DbExecutor): Promise<number> {
  const exists = await sql<{ t: string | null }>`select to_regclass('schema_migrations')::text as t`.execute(db);
  if (!exists.rows[0]?.t) return 0;
  const r = await sql<{ v: number | null }>`select max(version) as v from schema_migrations`.execute(db);
  return r.rows[0]?.v ?? 0;
}

export async function organizationNames(db: DbExecutor): Promise<string[]> {
  const exists = await sql<{ t: string | null }>`select to_regclass('organizations')::text as t`.execute(db);
  if (!exists.rows[0]?.t) return [];
  const r = await sql<{ name: string }>`select name from organizations order by name limit 20`.execute(db);
  return r.rows.map((x) => x.name);
}

const ISO_US = `'YYYY-MM-DD"T"HH24:MI:SS.US'`;

/** The SQL that reads a column in its backup form (see ValueKind). */
function readExpr(c: ColumnInfo): RawBuilder<unknown> {
  const ref = sql.ref(c.name);
  switch (c.kind) {
    case 'timestamptz':
      return sql`case when isfinite(${ref}) then to_char(${ref} at time zone 'UTC', ${sql.raw(ISO_US)}) || 'Z' else ${ref}::text end`;
    case 'timestamp':
      return sql`case when isfinite(${ref}) then to_char(${ref}, ${sql.raw(ISO_US)}) else ${ref}::text end`;
    case 'date':
      return sql`case when isfinite(${ref}) then to_char(${ref}, 'YYYY-MM-DD') else ${ref}::text end`;
    case 'json':
    case 'text':
      return sql`${ref}::text`;
    case 'native':
      return ref;
  }
}

/**
 * One page of a table in primary-key order, after the key of the last row of the previous page
 * (keyset paging: constant memory and cost per page however large the table). A table without a
 * primary key is paged by offset in the order of all its columns, which is total up to identical
 * rows (interchangeable anyway); inside the backup's snapshot the pages are consistent.
 */
export async function readPage(
  db: DbExecutor,
  table: TableInfo,
  after: { key: readonly unknown[] | null; offset: number },
  limit: number,
): Promise<unknown[][]> {
  const select = sql.join(table.columns.map((c, i) => sql`${readExpr(c)} as ${sql.id(`c${i}`)}`));
  const from = sql.id(table.name);
  let query: RawBuilder<Record<string, unknown>>;
  if (table.primaryKey.length > 0) {
    const pk = table.primaryKey.map((name) => {
      const col = table.columns.find((c) => c.name === name);
      if (!col) throw new Error(`primary key column ${table.name}.${name} not found`);
      return col;
    });
    const order = sql.join(pk.map((c) => sql.ref(c.name)));
    if (after.key) {
      const key = after.key;
      const bound = sql.join(pk.map((c, i) => sql`cast(${key[i]} as ${sql.raw(c.type)})`));
      query = sql`select ${select} from ${from} where (${order}) > (${bound}) order by ${order} limit ${limit}`;
    } else {
      query = sql`select ${select} from ${from} order by ${order} limit ${limit}`;
    }
  } else {
    const order = sql.join(table.columns.map((_, i) => sql.raw(String(i + 1))));
    query = sql`select ${select} from ${from} order by ${order} limit ${limit} offset ${after.offset}`;
  }
  const r = await query.execute(db);
  return r.rows.map((row) => table.columns.map((_, i) => row[`c${i}`]));
}

/** Empties every backed-up table in one statement (so foreign keys between them do not matter). */
export async function truncateAll(db: DbExecutor, tables: readonly TableInfo[]): Promise<void> {
  if (tables.length === 0) return;
  await sql`truncate table ${sql.join(tables.map((t) => sql.id(t.name)))}`.execute(db);
}

function recordDefinition(columns: readonly ColumnInfo[]): RawBuilder<unknown> {
  // json values travel as their text and are cast back, so a json `null` stays apart from SQL NULL.
  return sql.join(columns.map((c) => sql`${sql.id(c.name)} ${sql.raw(c.kind === 'json' ? 'text' : c.type)}`));
}

function fromRecord(c: ColumnInfo): RawBuilder<unknown> {
  const ref = sql`x.${sql.id(c.name)}`;
  return c.kind === 'json' ? sql`${ref}::${sql.raw(c.type)}` : ref;
}

/** Inserts rows given as objects keyed by column name, many per statement, through one JSON parameter. */
export async function insertRows(
  db: DbExecutor,
  table: string,
  columns: readonly ColumnInfo[],
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  if (rows.length === 0) return;
  const overriding = columns.some((c) => c.identityAlways) ? sql` overriding system value` : sql``;
  await sql`insert into ${sql.id(table)} (${sql.join(columns.map((c) => sql.id(c.name)))})${overriding}
    select ${sql.join(columns.map(fromRecord))}
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(${recordDefinition(columns)})`.execute(db);
}

/** Sets columns that were loaded as NULL to break a foreign-key cycle, matching rows by primary key. */
export async function updateRows(
  db: DbExecutor,
  table: string,
  key: readonly ColumnInfo[],
  columns: readonly ColumnInfo[],
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  if (rows.length === 0) return;
  const assignments = sql.join(columns.map((c) => sql`${sql.id(c.name)} = ${fromRecord(c)}`));
  const match = sql.join(
    key.map((c) => sql`t.${sql.id(c.name)} = x.${sql.id(c.name)}`),
    sql` and `,
  );
  await sql`update ${sql.id(table)} as t set ${assignments}
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(${recordDefinition([...key, ...columns])})
    where ${match}`.execute(db);
}

/** Moves a sequence past the highest value restored into its column, so new rows do not collide. */
export async function resetSequence(db: DbExecutor, table: string, column: string, sequence: string): Promise<void> {
  await sql`select setval(${sequence}::text::regclass, coalesce((select max(${sql.ref(column)}) from ${sql.id(table)}), 0) + 1, false)`.execute(
    db,
  );
}
