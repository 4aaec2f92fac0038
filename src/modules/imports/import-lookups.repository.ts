import { sql } from 'kysely';
import type { ImportEntity } from '../../contract/import-fields.ts';
import type { DbExecutor } from '../../db/database.ts';

/** A record a reference cell may name, with every key it can be named by. */
export interface RefCandidate {
  id: string;
  externalId: string | null;
  /** Folded (lower-case) names, emails, domains or SKUs. */
  keys: string[];
}

export interface UserKey {
  id: string;
  external_id: string | null;
  name: string;
  email: string;
}

export async function usersOf(db: DbExecutor, orgId: string): Promise<UserKey[]> {
  return db.selectFrom('users').select(['id', 'external_id', 'name', 'email']).where('org_id', '=', orgId).execute();
}

export async function teamsOf(db: DbExecutor, orgId: string): Promise<{ id: string; name: string }[]> {
  return db
    .selectFrom('teams')
    .select(['id', 'name'])
    .where('org_id', '=', orgId)
    .where('deleted_at', 'is', null)
    .execute();
}

export interface StageKey {
  id: string;
  pipeline_id: string;
  name: string;
  position: number;
  kind: string;
}

export async function pipelinesOf(
  db: DbExecutor,
  orgId: string,
): Promise<{ pipelines: { id: string; name: string; is_default: boolean }[]; stages: StageKey[] }> {
  const pipelines = await db
    .selectFrom('pipelines')
    .select(['id', 'name', 'is_default'])
    .where('org_id', '=', orgId)
    .where('active', '=', true)
    .execute();
  const stages = await db
    .selectFrom('stages')
    .select(['id', 'pipeline_id', 'name', 'position', 'kind'])
    .where('org_id', '=', orgId)
    .orderBy('position')
    .execute();
  return { pipelines, stages };
}

const lower = (values: readonly string[]) => [...new Set(values.map((v) => v.toLowerCase()))];

/** Accounts named by external id, name or domain (any case). */
export async function findAccounts(db: DbExecutor, orgId: string, values: readonly string[]): Promise<RefCandidate[]> {
  if (values.length === 0) return [];
  // Arrays rather than IN lists: one parameter each, however many values a batch names.
  const folded = lower(values);
  const rows = await sql<{ id: string; external_id: string | null; name: string; domain: string | null; type: string }>`
    select id, external_id, name, domain, type from accounts
    where org_id = ${orgId} and deleted_at is null
      and (external_id = any(${[...values]}::text[]) or lower(name) = any(${folded}::text[]) or lower(domain) = any(${folded}::text[]))`.execute(
    db,
  );
  return rows.rows.map((r) => ({
    id: r.id,
    externalId: r.external_id,
    keys: [r.name.toLowerCase(), ...(r.domain ? [r.domain.toLowerCase()] : [])],
    type: r.type,
  }));
}

/** Account types by id (a partner deal needs a partner-type account). */
export async function accountTypesOf(
  db: DbExecutor,
  orgId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('accounts')
    .select(['id', 'type'])
    .where('org_id', '=', orgId)
    .where('id', '=', sql<string>`any(${[...ids]}::uuid[])`)
    .execute();
  return new Map(rows.map((r) => [r.id, r.type]));
}

/** Contacts named by external id, any of their emails, or full name. */
export async function findContacts(db: DbExecutor, orgId: string, values: readonly string[]): Promise<RefCandidate[]> {
  if (values.length === 0) return [];
  const folded = lower(values);
  const rows = await sql<{ id: string; external_id: string | null; full_name: string; emails: string[] }>`
    select id, external_id, lower(trim(coalesce(first_name, '') || ' ' || last_name)) as full_name, emails
    from contacts
    where org_id = ${orgId} and deleted_at is null and (
      external_id = any(${[...values]}::text[])
      or lower(trim(coalesce(first_name, '') || ' ' || last_name)) = any(${folded}::text[])
      or exists (select 1 from jsonb_array_elements_text(emails) e where lower(e) = any(${folded}::text[])))`.execute(
    db,
  );
  return rows.rows.map((r) => ({
    id: r.id,
    externalId: r.external_id,
    keys: [r.full_name, ...r.emails.map((e) => e.toLowerCase())],
  }));
}

export async function findProducts(
  db: DbExecutor,
  orgId: string,
  values: readonly string[],
): Promise<(RefCandidate & { listPrice: string; currency: string })[]> {
  if (values.length === 0) return [];
  const folded = lower(values);
  const rows = await sql<{
    id: string;
    external_id: string | null;
    name: string;
    sku: string;
    list_price: string;
    currency: string;
  }>`
    select id, external_id, name, sku, list_price, currency from products
    where org_id = ${orgId} and (external_id = any(${[...values]}::text[]) or lower(name) = any(${folded}::text[]) or lower(sku) = any(${folded}::text[]))`.execute(
    db,
  );
  return rows.rows.map((r) => ({
    id: r.id,
    externalId: r.external_id,
    keys: [r.name.toLowerCase(), r.sku.toLowerCase()],
    listPrice: r.list_price,
    currency: r.currency.trim(),
  }));
}

export async function findDeals(db: DbExecutor, orgId: string, values: readonly string[]): Promise<RefCandidate[]> {
  if (values.length === 0) return [];
  const rows = await sql<{ id: string; external_id: string | null; name: string }>`
    select id, external_id, name from deals
    where org_id = ${orgId} and deleted_at is null and (external_id = any(${[...values]}::text[]) or lower(name) = any(${lower(values)}::text[]))`.execute(
    db,
  );
  return rows.rows.map((r) => ({ id: r.id, externalId: r.external_id, keys: [r.name.toLowerCase()] }));
}

export async function findLeads(db: DbExecutor, orgId: string, values: readonly string[]): Promise<RefCandidate[]> {
  if (values.length === 0) return [];
  const rows = await sql<{ id: string; external_id: string | null; email: string | null }>`
    select id, external_id, email from leads
    where org_id = ${orgId} and deleted_at is null and (external_id = any(${[...values]}::text[]) or lower(email) = any(${lower(values)}::text[]))`.execute(
    db,
  );
  return rows.rows.map((r) => ({ id: r.id, externalId: r.external_id, keys: r.email ? [r.email.toLowerCase()] : [] }));
}

export type ImportTable = 'accounts' | 'contacts' | 'leads' | 'deals' | 'products' | 'activities' | 'users' | 'teams';

/** The table an entity's rows are written to as records (touches, partners and registrations go through their services instead). */
export function tableOf(entity: ImportEntity): ImportTable {
  if (entity === 'touches' || entity === 'partners' || entity === 'registrations')
    throw new Error(`${entity} are imported through their services, not as records`);
  return entity;
}

/** The stored rows with these external ids (the upsert key), live or deleted. */
export async function rowsByExternalId(
  db: DbExecutor,
  table: ImportTable,
  orgId: string,
  externalIds: readonly string[],
): Promise<Map<string, Record<string, unknown>>> {
  if (externalIds.length === 0) return new Map();
  const rows = (await db
    .selectFrom(table as 'accounts')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('external_id', '=', sql<string>`any(${[...externalIds]}::text[])`)
    .execute()) as unknown as Record<string, unknown>[];
  return new Map(rows.map((r) => [String(r.external_id), r]));
}

export async function rowsById(
  db: DbExecutor,
  table: ImportTable,
  orgId: string,
  ids: readonly string[],
): Promise<Map<string, Record<string, unknown>>> {
  if (ids.length === 0) return new Map();
  const rows = (await db
    .selectFrom(table as 'accounts')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', sql<string>`any(${[...ids]}::uuid[])`)
    .execute()) as unknown as Record<string, unknown>[];
  return new Map(rows.map((r) => [String(r.id), r]));
}

/** What an incoming row is compared with to find a record that is probably the same. */
export interface DuplicateProbe {
  i: number;
  name: string | null;
  email: string | null;
  domain: string | null;
  /** Limits a name match to records of the same account (contacts, deals); an account's parent, never its duplicate (accounts). */
  accountId: string | null;
}

export interface DuplicateHit {
  i: number;
  id: string;
  reason: string;
}

const SIMILAR = 0.6;

/**
 * The first live record each probe duplicates: same email, same domain, or a name at least 0.6
 * similar by trigrams (pg_trgm). One query per batch; the trigram indexes of the search migration
 * serve the `%` operator.
 */
export async function findDuplicates(
  db: DbExecutor,
  table: 'accounts' | 'contacts' | 'leads' | 'deals' | 'users' | 'products' | 'teams',
  orgId: string,
  probes: readonly DuplicateProbe[],
): Promise<DuplicateHit[]> {
  if (probes.length === 0) return [];
  const payload = JSON.stringify(probes);
  const probesSql = sql`jsonb_to_recordset(${payload}::jsonb) as p(i int, name text, email text, domain text, "accountId" uuid)`;
  const org = sql`${orgId}::uuid`;
  const query = (() => {
    switch (table) {
      case 'accounts':
        return sql<DuplicateHit>`select distinct on (p.i) p.i, a.id, case when p.domain is not null and lower(a.domain) = p.domain then 'same domain ' || a.domain else 'similar name "' || a.name || '"' end as reason
          from ${probesSql} join accounts a on a.org_id = ${org} and a.deleted_at is null
           and a.id is distinct from p."accountId"
           and ((p.domain is not null and lower(a.domain) = p.domain) or (a.name % p.name and similarity(a.name, p.name) >= ${SIMILAR}))
          order by p.i, (p.domain is not null and lower(a.domain) = p.domain) desc, similarity(a.name, p.name) desc`;
      case 'contacts':
        return sql<DuplicateHit>`select distinct on (p.i) p.i, c.id, case when p.email is not null and c.emails @> jsonb_build_array(p.email) then 'same email ' || p.email else 'similar name in the same account' end as reason
          from ${probesSql} join contacts c on c.org_id = ${org} and c.deleted_at is null
           and ((p.email is not null and c.emails @> jsonb_build_array(p.email))
             or (p."accountId" is not null and c.account_id = p."accountId" and (coalesce(c.first_name, '') || ' ' || c.last_name) % p.name
                 and similarity(coalesce(c.first_name, '') || ' ' || c.last_name, p.name) >= ${SIMILAR}))
          order by p.i, (p.email is not null and c.emails @> jsonb_build_array(p.email)) desc`;
      case 'leads':
        return sql<DuplicateHit>`select distinct on (p.i) p.i, l.id, case when p.email is not null and lower(l.email) = p.email then 'same email ' || p.email else 'similar name "' || coalesce(l.first_name, '') || ' ' || l.last_name || '"' end as reason
          from ${probesSql} join leads l on l.org_id = ${org} and l.deleted_at is null
           and ((p.email is not null and lower(l.email) = p.email)
             or ((coalesce(l.first_name, '') || ' ' || l.last_name || ' ' || coalesce(l.company, '')) % p.name
                 and similarity(coalesce(l.first_name, '') || ' ' || l.last_name || ' ' || coalesce(l.company, ''), p.name) >= ${SIMILAR}))
          order by p.i, (p.email is not null and lower(l.email) = p.email) desc`;
      case 'deals':
        return sql<DuplicateHit>`select distinct on (p.i) p.i, d.id, 'similar name "' || d.name || '" in the same account' as reason
          from ${probesSql} join deals d on d.org_id = ${org} and d.deleted_at is null and d.account_id = p."accountId"
           and d.name % p.name and similarity(d.name, p.name) >= ${SIMILAR}
          order by p.i, similarity(d.name, p.name) desc`;
      case 'users':
        return sql<DuplicateHit>`select distinct on (p.i) p.i, u.id, 'same email ' || p.email as reason
          from ${probesSql} join users u on u.org_id = ${org} and lower(u.email) = p.email order by p.i`;
      case 'products':
        return sql<DuplicateHit>`select distinct on (p.i) p.i, x.id, 'same SKU ' || x.sku as reason
          from ${probesSql} join products x on x.org_id = ${org} and lower(x.sku) = p.name order by p.i`;
      case 'teams':
        return sql<DuplicateHit>`select distinct on (p.i) p.i, t.id, 'same name ' || t.name as reason
          from ${probesSql} join teams t on t.org_id = ${org} and t.deleted_at is null and lower(t.name) = p.name order by p.i`;
    }
  })();
  return (await query.execute(db)).rows;
}
