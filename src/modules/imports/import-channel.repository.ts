import { sql } from 'kysely';
import type { DbExecutor } from '../../db/database.ts';

/** An account an imported partner or registration names: its account type and its partner profile. */
export interface PartnerKey {
  id: string;
  type: string;
  partnerType: string | null;
  tierId: string | null;
}

/** The live accounts with these ids, with their partner profile when they are in the programme. */
export async function partnersById(
  db: DbExecutor,
  orgId: string,
  ids: readonly string[],
): Promise<Map<string, PartnerKey>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('accounts as a')
    .leftJoin('partner_profiles as p', (j) => j.onRef('p.org_id', '=', 'a.org_id').onRef('p.account_id', '=', 'a.id'))
    .select(['a.id', 'a.type', 'p.partner_type', 'p.tier_id'])
    .where('a.org_id', '=', orgId)
    .where('a.deleted_at', 'is', null)
    .where('a.id', 'in', [...new Set(ids)])
    .execute();
  return new Map(
    rows.map((r) => [r.id, { id: r.id, type: r.type, partnerType: r.partner_type, tierId: r.tier_id ?? null }]),
  );
}

/** The organization's partner tiers by folded name. */
export async function tiersByName(db: DbExecutor, orgId: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('partner_tiers').select(['id', 'name']).where('org_id', '=', orgId).execute();
  return new Map(rows.map((r) => [r.name.toLowerCase(), r.id]));
}

/** A stored registration a row of a file may be again. */
export interface StoredRegistration {
  id: string;
  status: string;
  version: number;
  registeredAt: Date;
}

/**
 * Registrations imported before under these external ids (the source's id is on their
 * `deal_registration.submitted` event), by external id.
 */
export async function registrationsByExternalId(
  db: DbExecutor,
  orgId: string,
  externalIds: readonly string[],
): Promise<Map<string, StoredRegistration>> {
  if (externalIds.length === 0) return new Map();
  const rows = await sql<{ ext: string; id: string; status: string; version: number; registered_at: Date }>`
    select e.data->'after'->>'externalId' as ext, r.id, r.status, r.version, r.registered_at
      from events e
      join deal_registrations r on r.org_id = e.org_id and r.id = e.entity_id
     where e.org_id = ${orgId} and e.type = 'deal_registration.submitted' and e.entity_type = 'deal_registration'
       and e.data->'after'->>'externalId' = any(${[...new Set(externalIds)]}::text[])
     order by r.registered_at, r.id`.execute(db);
  const out = new Map<string, StoredRegistration>();
  for (const r of rows.rows)
    if (!out.has(r.ext))
      out.set(r.ext, { id: r.id, status: r.status, version: r.version, registeredAt: r.registered_at });
  return out;
}

/**
 * Registrations of these partners for a customer of this (folded) name registered at this time:
 * a row without an external id that is one of them again. Keyed `partner|name|time`.
 */
export async function registrationsByKey(
  db: DbExecutor,
  orgId: string,
  keys: readonly { partnerAccountId: string; customerName: string; registeredAt: Date }[],
): Promise<Map<string, StoredRegistration>> {
  if (keys.length === 0) return new Map();
  const rows = await db
    .selectFrom('deal_registrations')
    .select(['id', 'status', 'version', 'registered_at', 'partner_account_id', 'customer_name'])
    .where('org_id', '=', orgId)
    .where('partner_account_id', 'in', [...new Set(keys.map((k) => k.partnerAccountId))])
    .where(
      'registered_at',
      'in',
      [...new Set(keys.map((k) => k.registeredAt.toISOString()))].map((t) => new Date(t)),
    )
    .orderBy('registered_at')
    .orderBy('id')
    .execute();
  const out = new Map<string, StoredRegistration>();
  for (const r of rows) {
    const key = registrationKey(r.partner_account_id, r.customer_name, r.registered_at);
    if (!out.has(key)) out.set(key, { id: r.id, status: r.status, version: r.version, registeredAt: r.registered_at });
  }
  return out;
}

export const registrationKey = (partnerAccountId: string, customerName: string, at: Date): string =>
  `${partnerAccountId}|${customerName.toLowerCase()}|${at.toISOString()}`;

/** The partner account of each of these live deals (null for a direct deal). */
export async function dealPartners(
  db: DbExecutor,
  orgId: string,
  ids: readonly string[],
): Promise<Map<string, string | null>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('deals')
    .select(['id', 'partner_account_id'])
    .where('org_id', '=', orgId)
    .where('deleted_at', 'is', null)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.partner_account_id]));
}
