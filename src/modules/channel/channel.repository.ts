import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Scope } from '../../contract/access.ts';
import type { ListConflictsQuery, ListRegistrationsQuery } from '../../contract/channel.ts';
import type { DbExecutor } from '../../db/database.ts';
import { afterCursor } from '../../db/list.ts';
import { dealDistributors } from '../../db/scope.ts';
import type {
  ChannelConflictsTable,
  ChannelSettingsTable,
  DealRegistrationsTable,
  PartnerProfilesTable,
  PartnerResellersTable,
  PartnerTiersTable,
} from '../../db/schema-channel.ts';
import { updateVersioned } from '../../db/versioned.ts';

export type TierRow = Selectable<PartnerTiersTable>;
export type ProfileRow = Selectable<PartnerProfilesTable>;
export type SettingsRow = Selectable<ChannelSettingsTable>;
export type RegistrationRow = Selectable<DealRegistrationsTable> & {
  partner_name: string;
  distributor_name: string | null;
  open_conflicts: number;
};
export type ConflictRow = Selectable<ChannelConflictsTable>;

// ---- Tiers, partners, settings ----

export async function listTiers(db: DbExecutor, orgId: string): Promise<TierRow[]> {
  return db
    .selectFrom('partner_tiers')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('rank', 'desc')
    .orderBy('name')
    .limit(500)
    .execute();
}

export async function getTier(db: DbExecutor, orgId: string, id: string, lock = false): Promise<TierRow | undefined> {
  const q = db.selectFrom('partner_tiers').selectAll().where('org_id', '=', orgId).where('id', '=', id);
  return (lock ? q.forNoKeyUpdate() : q).executeTakeFirst();
}

export async function tierNameTaken(db: DbExecutor, orgId: string, name: string, exceptId: string): Promise<boolean> {
  const row = await db
    .selectFrom('partner_tiers')
    .select('id')
    .where('org_id', '=', orgId)
    .where(sql<string>`lower(name)`, '=', name.toLowerCase())
    .where('id', '<>', exceptId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertTier(db: DbExecutor, row: Insertable<PartnerTiersTable>): Promise<TierRow> {
  return db.insertInto('partner_tiers').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateTier(
  db: DbExecutor,
  orgId: string,
  id: string,
  version: number,
  patch: Updateable<PartnerTiersTable>,
): Promise<TierRow> {
  return updateVersioned(db, 'partner_tiers', { orgId, id, version }, patch);
}

export interface PartnerRow {
  account_id: string;
  name: string;
  domain: string | null;
  partner_type: string;
  tier_id: string | null;
  tier_name: string | null;
  protection_days: number | null;
  updated_at: Date;
  version: number;
}

const partners = (db: DbExecutor, orgId: string) =>
  db
    .selectFrom('partner_profiles as p')
    .innerJoin('accounts as a', (j) => j.onRef('a.org_id', '=', 'p.org_id').onRef('a.id', '=', 'p.account_id'))
    .leftJoin('partner_tiers as t', (j) => j.onRef('t.org_id', '=', 'p.org_id').onRef('t.id', '=', 'p.tier_id'))
    .select([
      'p.account_id',
      'a.name',
      'a.domain',
      'p.partner_type',
      'p.tier_id',
      't.name as tier_name',
      't.protection_days',
      'p.updated_at',
      'p.version',
    ])
    .where('p.org_id', '=', orgId);

export async function listPartners(db: DbExecutor, orgId: string): Promise<PartnerRow[]> {
  return partners(db, orgId).orderBy('a.name').limit(1000).execute();
}

export async function getPartner(db: DbExecutor, orgId: string, accountId: string): Promise<PartnerRow | undefined> {
  return partners(db, orgId).where('p.account_id', '=', accountId).executeTakeFirst();
}

export async function lockProfile(db: DbExecutor, orgId: string, accountId: string): Promise<ProfileRow | undefined> {
  return db
    .selectFrom('partner_profiles')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('account_id', '=', accountId)
    .forNoKeyUpdate()
    .executeTakeFirst();
}

export async function upsertProfile(db: DbExecutor, row: Insertable<PartnerProfilesTable>): Promise<void> {
  await db
    .insertInto('partner_profiles')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['org_id', 'account_id']).doUpdateSet((eb) => ({
        partner_type: eb.ref('excluded.partner_type'),
        tier_id: eb.ref('excluded.tier_id'),
        updated_at: eb.ref('excluded.updated_at'),
        version: sql<number>`partner_profiles.version + 1`,
      })),
    )
    .execute();
}

export async function getSettings(db: DbExecutor, orgId: string, lock = false): Promise<SettingsRow | undefined> {
  const q = db.selectFrom('channel_settings').selectAll().where('org_id', '=', orgId);
  return (lock ? q.forNoKeyUpdate() : q).executeTakeFirst();
}

export async function saveSettings(db: DbExecutor, row: Insertable<ChannelSettingsTable>): Promise<SettingsRow> {
  return db
    .insertInto('channel_settings')
    .values(row)
    .onConflict((oc) =>
      oc.column('org_id').doUpdateSet((eb) => ({
        conflict_policy: eb.ref('excluded.conflict_policy'),
        approval_sla_days: eb.ref('excluded.approval_sla_days'),
        updated_at: eb.ref('excluded.updated_at'),
        version: sql<number>`channel_settings.version + 1`,
      })),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

// ---- Registrations ----

const registrations = (db: DbExecutor, orgId: string) =>
  db
    .selectFrom('deal_registrations as r')
    .innerJoin('accounts as a', (j) => j.onRef('a.org_id', '=', 'r.org_id').onRef('a.id', '=', 'r.partner_account_id'))
    .leftJoin('accounts as da', (j) =>
      j.onRef('da.org_id', '=', 'r.org_id').onRef('da.id', '=', 'r.distributor_account_id'),
    )
    .selectAll('r')
    .select(['a.name as partner_name', 'da.name as distributor_name'])
    .select((eb) =>
      eb
        .selectFrom('channel_conflicts as c')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('c.org_id', '=', 'r.org_id')
        .where('c.status', '=', 'open')
        .where((w) =>
          w.or([
            w.and([w('c.subject_kind', '=', 'registration'), w('c.subject_id', '=', w.ref('r.id'))]),
            w.and([w('c.match_kind', '=', 'registration'), w('c.match_id', '=', w.ref('r.id'))]),
          ]),
        )
        .as('open_conflicts'),
    )
    .where('r.org_id', '=', orgId);

type RegistrationQuery = ReturnType<typeof registrations>;

function scoped(q: RegistrationQuery, scope: Scope): RegistrationQuery {
  switch (scope.kind) {
    case 'all':
      return q;
    case 'partner': {
      const id = scope.partnerAccountId;
      return scope.asDistributor
        ? q.where((eb) => eb.or([eb('r.partner_account_id', '=', id), eb('r.distributor_account_id', '=', id)]))
        : q.where('r.partner_account_id', '=', id);
    }
    case 'none':
    case 'owners':
    case 'agent':
      return q.where(sql<boolean>`false`);
  }
}

const withCount = (
  r: Omit<RegistrationRow, 'open_conflicts'> & { open_conflicts: number | null },
): RegistrationRow => ({
  ...r,
  open_conflicts: r.open_conflicts ?? 0,
});

export async function getRegistration(
  db: DbExecutor,
  orgId: string,
  id: string,
  scope: Scope,
): Promise<RegistrationRow | undefined> {
  const row = await scoped(registrations(db, orgId), scope).where('r.id', '=', id).executeTakeFirst();
  return row ? withCount(row) : undefined;
}

export async function lockRegistration(db: DbExecutor, orgId: string, id: string): Promise<void> {
  await db
    .selectFrom('deal_registrations')
    .select('id')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .forNoKeyUpdate()
    .execute();
}

export async function listRegistrations(
  db: DbExecutor,
  orgId: string,
  scope: Scope,
  q: Pick<ListRegistrationsQuery, 'limit'> & Partial<ListRegistrationsQuery>,
  distributorAccountId?: string,
): Promise<RegistrationRow[]> {
  let b = scoped(registrations(db, orgId), scope);
  if (distributorAccountId)
    b = b
      .where('r.distributor_account_id', '=', distributorAccountId)
      .where('r.partner_account_id', '<>', distributorAccountId);
  if (q.status) b = b.where('r.status', '=', q.status);
  if (q.partnerAccountId) b = b.where('r.partner_account_id', '=', q.partnerAccountId);
  if (q.cursor) b = b.where(afterCursor('r.registered_at', 'r.id', 'desc', q.cursor));
  const rows = await b
    .orderBy('r.registered_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(q.limit + 1)
    .execute();
  return rows.map(withCount);
}

export async function insertRegistration(db: DbExecutor, row: Insertable<DealRegistrationsTable>): Promise<void> {
  await db.insertInto('deal_registrations').values(row).execute();
}

export async function updateRegistration(
  db: DbExecutor,
  orgId: string,
  id: string,
  version: number,
  patch: Updateable<DealRegistrationsTable>,
): Promise<void> {
  await updateVersioned(db, 'deal_registrations', { orgId, id, version }, patch);
}

/** Pending registrations not yet escalated (to schedule their escalation again when the SLA changes). */
export async function pendingUnescalated(
  db: DbExecutor,
  orgId: string,
): Promise<{ id: string; registered_at: Date }[]> {
  return db
    .selectFrom('deal_registrations')
    .select(['id', 'registered_at'])
    .where('org_id', '=', orgId)
    .where('status', '=', 'pending')
    .where('escalated_at', 'is', null)
    .orderBy('registered_at')
    .limit(10_000)
    .execute();
}

/** Active admins of the organisation, by name: whom an overdue registration is escalated to. */
export async function activeAdmins(db: DbExecutor, orgId: string): Promise<{ id: string; name: string }[]> {
  return db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('org_id', '=', orgId)
    .where('role', '=', 'admin')
    .where('active', '=', true)
    .orderBy('name')
    .orderBy('id')
    .limit(100)
    .execute();
}

// ---- Two-tier distribution ----

export interface ResellerLinkRow {
  distributor_account_id: string;
  distributor_name: string;
  reseller_account_id: string;
  reseller_name: string;
  created_at: Date;
}

/** Distributor–reseller links, optionally only those a partner account is on (either side). */
export async function listResellerLinks(
  db: DbExecutor,
  orgId: string,
  onAccount: string | null,
): Promise<ResellerLinkRow[]> {
  let q = db
    .selectFrom('partner_resellers as l')
    .innerJoin('accounts as d', (j) =>
      j.onRef('d.org_id', '=', 'l.org_id').onRef('d.id', '=', 'l.distributor_account_id'),
    )
    .innerJoin('accounts as r', (j) => j.onRef('r.org_id', '=', 'l.org_id').onRef('r.id', '=', 'l.reseller_account_id'))
    .select([
      'l.distributor_account_id',
      'd.name as distributor_name',
      'l.reseller_account_id',
      'r.name as reseller_name',
      'l.created_at',
    ])
    .where('l.org_id', '=', orgId);
  if (onAccount)
    q = q.where((eb) =>
      eb.or([eb('l.distributor_account_id', '=', onAccount), eb('l.reseller_account_id', '=', onAccount)]),
    );
  return q.orderBy('d.name').orderBy('r.name').limit(5000).execute();
}

/** The distributors that serve a reseller. */
export async function distributorsOf(db: DbExecutor, orgId: string, resellerAccountId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('partner_resellers')
    .select('distributor_account_id')
    .where('org_id', '=', orgId)
    .where('reseller_account_id', '=', resellerAccountId)
    .orderBy('distributor_account_id')
    .execute();
  return rows.map((r) => r.distributor_account_id);
}

export async function insertResellerLink(db: DbExecutor, row: Insertable<PartnerResellersTable>): Promise<boolean> {
  const r = await db
    .insertInto('partner_resellers')
    .values(row)
    .onConflict((oc) => oc.columns(['org_id', 'distributor_account_id', 'reseller_account_id']).doNothing())
    .returning('reseller_account_id')
    .executeTakeFirst();
  return r !== undefined;
}

export async function deleteResellerLink(
  db: DbExecutor,
  orgId: string,
  distributorAccountId: string,
  resellerAccountId: string,
): Promise<boolean> {
  const r = await db
    .deleteFrom('partner_resellers')
    .where('org_id', '=', orgId)
    .where('distributor_account_id', '=', distributorAccountId)
    .where('reseller_account_id', '=', resellerAccountId)
    .returning('reseller_account_id')
    .executeTakeFirst();
  return r !== undefined;
}

export interface ResellerDealRow {
  registration_id: string;
  reseller_account_id: string;
  reseller_name: string;
  deal_id: string;
  name: string;
  status: string;
  stage_name: string | null;
  amount: string | null;
  currency: string;
  expected_close_date: string | null;
  closed_at: Date | null;
}

/** The deals approved from registrations that name this distributor, newest registration first. */
export async function resellerDeals(
  db: DbExecutor,
  orgId: string,
  distributorAccountId: string,
): Promise<ResellerDealRow[]> {
  return db
    .selectFrom('deal_registrations as r')
    .innerJoin('deals as d', (j) => j.onRef('d.org_id', '=', 'r.org_id').onRef('d.id', '=', 'r.deal_id'))
    .innerJoin('accounts as a', (j) => j.onRef('a.org_id', '=', 'r.org_id').onRef('a.id', '=', 'r.partner_account_id'))
    .leftJoin('stages as s', (j) => j.onRef('s.org_id', '=', 'd.org_id').onRef('s.id', '=', 'd.stage_id'))
    .select([
      'r.id as registration_id',
      'r.partner_account_id as reseller_account_id',
      'a.name as reseller_name',
      'd.id as deal_id',
      'd.name',
      'd.status',
      's.name as stage_name',
      'd.amount',
      'd.currency',
      'd.expected_close_date',
      'd.closed_at',
    ])
    .where('r.org_id', '=', orgId)
    .where('r.distributor_account_id', '=', distributorAccountId)
    .where('d.deleted_at', 'is', null)
    .orderBy('r.registered_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(1000)
    .execute();
}

/** Approved registrations whose protection window has passed while their deal is still open. */
export async function lapsedRegistrations(db: DbExecutor, orgId: string, now: Date): Promise<{ id: string }[]> {
  return db
    .selectFrom('deal_registrations as r')
    .innerJoin('deals as d', (j) => j.onRef('d.org_id', '=', 'r.org_id').onRef('d.id', '=', 'r.deal_id'))
    .select('r.id')
    .where('r.org_id', '=', orgId)
    .where('r.status', '=', 'approved')
    .where('r.protected_until', '<=', now)
    .where('d.status', '=', 'open')
    .orderBy('r.protected_until')
    .limit(1000)
    .execute();
}

export async function productsExist(db: DbExecutor, orgId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('products')
    .select('id')
    .where('org_id', '=', orgId)
    .where('id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => r.id));
}

// ---- Conflict candidates ----

/** A party that may conflict: a live registration or an open deal, with its customer. */
export interface CandidateRow {
  kind: 'registration' | 'deal';
  id: string;
  customer_name: string;
  customer_domain: string | null;
  product_ids: string[];
  channel: 'direct' | 'partner';
  partner_account_id: string | null;
  since: Date;
}

/** Names at least this alike by pg_trgm are candidates; the matching function decides. */
const CANDIDATE_SIMILARITY = 0.2;

/**
 * Registrations pending or inside their protection window, and open deals (by their account's
 * name and domain, or their own name), whose customer looks like this one: same domain or a name
 * alike by trigrams. A wide net: `matchParties` decides and says why.
 */
export async function conflictCandidates(
  db: DbExecutor,
  orgId: string,
  customer: { name: string; normalisedName: string; domain: string | null },
  now: Date,
): Promise<CandidateRow[]> {
  const alike = (col: string) =>
    sql<boolean>`(similarity(lower(${sql.ref(col)}), ${customer.normalisedName}) >= ${CANDIDATE_SIMILARITY}
      OR similarity(lower(${sql.ref(col)}), ${customer.name.toLowerCase()}) >= ${CANDIDATE_SIMILARITY})`;
  const regs = await db
    .selectFrom('deal_registrations as r')
    .select([
      'r.id',
      'r.customer_name',
      'r.customer_domain',
      'r.product_ids',
      'r.partner_account_id',
      'r.registered_at',
    ])
    .where('r.org_id', '=', orgId)
    .where((eb) =>
      eb.or([
        eb('r.status', '=', 'pending'),
        eb.and([eb('r.status', '=', 'approved'), eb('r.protected_until', '>', now)]),
      ]),
    )
    .where((eb) =>
      eb.or([alike('r.customer_name'), ...(customer.domain ? [eb('r.customer_domain', '=', customer.domain)] : [])]),
    )
    .limit(200)
    .execute();
  const deals = await db
    .selectFrom('deals as d')
    .leftJoin('accounts as a', (j) => j.onRef('a.org_id', '=', 'd.org_id').onRef('a.id', '=', 'd.account_id'))
    .select([
      'd.id',
      'd.name',
      'a.name as account_name',
      'a.domain',
      'd.channel',
      'd.partner_account_id',
      'd.created_at',
    ])
    .select((eb) =>
      eb
        .selectFrom('deal_line_items as l')
        .select(
          sql<string[]>`coalesce(array_agg(l.product_id::text) FILTER (WHERE l.product_id IS NOT NULL), '{}')`.as('p'),
        )
        .whereRef('l.org_id', '=', 'd.org_id')
        .whereRef('l.deal_id', '=', 'd.id')
        .as('product_ids'),
    )
    .where('d.org_id', '=', orgId)
    .where('d.status', '=', 'open')
    .where('d.deleted_at', 'is', null)
    .where((eb) =>
      eb.or([alike('a.name'), alike('d.name'), ...(customer.domain ? [eb('a.domain', '=', customer.domain)] : [])]),
    )
    .limit(200)
    .execute();
  return [
    ...regs.map((r): CandidateRow => ({
      kind: 'registration',
      id: r.id,
      customer_name: r.customer_name,
      customer_domain: r.customer_domain,
      product_ids: r.product_ids,
      channel: 'partner',
      partner_account_id: r.partner_account_id,
      since: r.registered_at,
    })),
    ...deals.map((d): CandidateRow => ({
      kind: 'deal',
      id: d.id,
      customer_name: d.account_name ?? d.name,
      customer_domain: d.domain,
      product_ids: d.product_ids ?? [],
      channel: d.channel === 'partner' ? 'partner' : 'direct',
      partner_account_id: d.partner_account_id,
      since: d.created_at,
    })),
  ];
}

/** The deal a registration was approved into, when a candidate deal is that registration's own. */
export async function registrationDealIds(db: DbExecutor, orgId: string, registrationIds: readonly string[]) {
  if (registrationIds.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom('deal_registrations')
    .select(['id', 'deal_id'])
    .where('org_id', '=', orgId)
    .where('id', 'in', registrationIds)
    .where('deal_id', 'is not', null)
    .execute();
  return new Map(rows.flatMap((r) => (r.deal_id ? [[r.id, r.deal_id] as const] : [])));
}

/** The earlier events of a record (type and time), oldest first: the evidence of a conflict. */
export async function earlierEvents(
  db: DbExecutor,
  orgId: string,
  entityType: string,
  entityId: string,
  before: Date,
): Promise<{ type: string; at: Date }[]> {
  const rows = await db
    .selectFrom('events')
    .select(['type', 'occurred_at'])
    .where('org_id', '=', orgId)
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .where('occurred_at', '<=', before)
    .orderBy('seq')
    .limit(50)
    .execute();
  return rows.map((r) => ({ type: r.type, at: r.occurred_at }));
}

// ---- Conflicts ----

export async function insertConflict(db: DbExecutor, row: Insertable<ChannelConflictsTable>): Promise<boolean> {
  const r = await db
    .insertInto('channel_conflicts')
    .values(row)
    .onConflict((oc) => oc.columns(['org_id', 'subject_kind', 'subject_id', 'match_kind', 'match_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return r !== undefined;
}

export async function getConflict(
  db: DbExecutor,
  orgId: string,
  id: string,
  lock = false,
): Promise<ConflictRow | undefined> {
  const q = db.selectFrom('channel_conflicts').selectAll().where('org_id', '=', orgId).where('id', '=', id);
  return (lock ? q.forNoKeyUpdate() : q).executeTakeFirst();
}

export async function listConflicts(db: DbExecutor, orgId: string, q: ListConflictsQuery): Promise<ConflictRow[]> {
  let b = db.selectFrom('channel_conflicts').selectAll().where('org_id', '=', orgId);
  if (q.status) b = b.where('status', '=', q.status);
  if (q.registrationId) {
    const rid = q.registrationId;
    b = b.where((eb) =>
      eb.or([
        eb.and([eb('subject_kind', '=', 'registration'), eb('subject_id', '=', rid)]),
        eb.and([eb('match_kind', '=', 'registration'), eb('match_id', '=', rid)]),
      ]),
    );
  }
  if (q.cursor) b = b.where(afterCursor('detected_at', 'id', 'desc', q.cursor));
  return b
    .orderBy('detected_at', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit + 1)
    .execute();
}

export async function updateConflict(
  db: DbExecutor,
  orgId: string,
  id: string,
  version: number,
  patch: Updateable<ChannelConflictsTable>,
): Promise<ConflictRow> {
  return updateVersioned(db, 'channel_conflicts', { orgId, id, version }, patch);
}

// ---- Analytics facts ----

export interface RegistrationFactRow {
  partner_account_id: string;
  partner_name: string;
  partner_type: string | null;
  tier_name: string | null;
  status: string;
  registered_at: Date;
  decided_at: Date | null;
  conflicted: boolean;
  deal_status: string | null;
  /** The distributor the registration went through (two-tier), or null. */
  distributor_name: string | null;
}

/** Every registration of the organisation (or of one partner) with its partner, tier, conflicts and deal status. */
export async function registrationFacts(
  db: DbExecutor,
  orgId: string,
  partnerAccountId: string | null,
): Promise<RegistrationFactRow[]> {
  let q = db
    .selectFrom('deal_registrations as r')
    .innerJoin('accounts as a', (j) => j.onRef('a.org_id', '=', 'r.org_id').onRef('a.id', '=', 'r.partner_account_id'))
    .leftJoin('partner_profiles as p', (j) =>
      j.onRef('p.org_id', '=', 'r.org_id').onRef('p.account_id', '=', 'r.partner_account_id'),
    )
    .leftJoin('partner_tiers as t', (j) => j.onRef('t.org_id', '=', 'p.org_id').onRef('t.id', '=', 'p.tier_id'))
    .leftJoin('deals as d', (j) => j.onRef('d.org_id', '=', 'r.org_id').onRef('d.id', '=', 'r.deal_id'))
    .leftJoin('accounts as dist', (j) =>
      j.onRef('dist.org_id', '=', 'r.org_id').onRef('dist.id', '=', 'r.distributor_account_id'),
    )
    .select([
      'r.partner_account_id',
      'a.name as partner_name',
      'dist.name as distributor_name',
      'p.partner_type',
      't.name as tier_name',
      'r.status',
      'r.registered_at',
      'r.decided_at',
      'd.status as deal_status',
    ])
    .select(
      sql<boolean>`EXISTS (SELECT 1 FROM channel_conflicts c WHERE c.org_id = r.org_id
        AND ((c.subject_kind = 'registration' AND c.subject_id = r.id) OR (c.match_kind = 'registration' AND c.match_id = r.id)))`.as(
        'conflicted',
      ),
    )
    .where('r.org_id', '=', orgId);
  if (partnerAccountId) q = q.where('r.partner_account_id', '=', partnerAccountId);
  return q.execute();
}

export interface DealFactRow {
  channel: string;
  partner_account_id: string | null;
  status: string;
  created_at: Date;
  closed_at: Date | null;
  amount: string | null;
  distributor_name: string | null;
}

/** The live deals of the organisation (or one partner's) for channel-vs-direct numbers. */
export async function dealFacts(
  db: DbExecutor,
  orgId: string,
  partnerAccountId: string | null,
): Promise<DealFactRow[]> {
  let q = db
    .selectFrom('deals')
    .select(['channel', 'partner_account_id', 'status', 'created_at', 'closed_at', 'amount'])
    // The distributor of the first registration approved into the deal that went through one.
    .select(
      sql<string | null>`(SELECT dist.name FROM accounts dist
        WHERE dist.org_id = deals.org_id AND dist.id = (${dealDistributors('deals')}->>0)::uuid)`.as(
        'distributor_name',
      ),
    )
    .where('org_id', '=', orgId)
    .where('deleted_at', 'is', null);
  if (partnerAccountId) q = q.where('partner_account_id', '=', partnerAccountId);
  return q.execute();
}

// ---- Protection-window what-if ----

export interface WhatIfRegistrationRow {
  id: string;
  partner_account_id: string;
  tier_id: string | null;
  customer_name: string;
  customer_domain: string | null;
  product_ids: string[];
  registered_at: Date;
  decided_at: Date;
  protected_until: Date;
  protection_days: number;
  approved_days: number | null;
  deal_id: string;
  deal_status: string;
  closed_at: Date | null;
  amount: string | null;
  currency: string;
}

/** Approved and expired registrations with their deal, the most recent first (at most `limit`). */
export async function whatIfRegistrations(
  db: DbExecutor,
  orgId: string,
  limit: number,
): Promise<WhatIfRegistrationRow[]> {
  const rows = await db
    .selectFrom('deal_registrations as r')
    .innerJoin('deals as d', (j) => j.onRef('d.org_id', '=', 'r.org_id').onRef('d.id', '=', 'r.deal_id'))
    .leftJoin('partner_profiles as p', (j) =>
      j.onRef('p.org_id', '=', 'r.org_id').onRef('p.account_id', '=', 'r.partner_account_id'),
    )
    .select([
      'r.id',
      'r.partner_account_id',
      'p.tier_id',
      'r.customer_name',
      'r.customer_domain',
      'r.product_ids',
      'r.registered_at',
      'r.decided_at',
      'r.protected_until',
      'r.protection_days',
      'd.id as deal_id',
      'd.status as deal_status',
      'd.closed_at',
      'd.amount',
      'd.currency',
    ])
    .select(
      sql<number | null>`(SELECT (e.data->>'protectionDays')::int FROM events e WHERE e.org_id = r.org_id
        AND e.entity_type = 'deal_registration' AND e.entity_id = r.id AND e.type = 'deal_registration.approved'
        ORDER BY e.seq DESC LIMIT 1)`.as('approved_days'),
    )
    .where('r.org_id', '=', orgId)
    .where('r.status', 'in', ['approved', 'expired'])
    .where('d.deleted_at', 'is', null)
    .orderBy('r.decided_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(limit)
    .execute();
  return rows.flatMap((r) =>
    r.decided_at && r.protected_until && r.protection_days !== null
      ? [{ ...r, decided_at: r.decided_at, protected_until: r.protected_until, protection_days: r.protection_days }]
      : [],
  );
}

export interface WhatIfPartyRow {
  kind: 'registration' | 'deal';
  id: string;
  partner_account_id: string | null;
  customer_name: string;
  customer_domain: string | null;
  product_ids: string[];
  since: Date;
}

/**
 * Parties that may have conflicted since `from`: registrations, and deals not approved from a
 * registration (a registered deal is its registration's party), with their customer.
 */
export async function whatIfParties(
  db: DbExecutor,
  orgId: string,
  from: Date,
  limit: number,
): Promise<WhatIfPartyRow[]> {
  const regs = await db
    .selectFrom('deal_registrations')
    .select(['id', 'partner_account_id', 'customer_name', 'customer_domain', 'product_ids', 'registered_at'])
    .where('org_id', '=', orgId)
    .where('registered_at', '>', from)
    .orderBy('registered_at')
    .limit(limit)
    .execute();
  const deals = await db
    .selectFrom('deals as d')
    .leftJoin('accounts as a', (j) => j.onRef('a.org_id', '=', 'd.org_id').onRef('a.id', '=', 'd.account_id'))
    .select(['d.id', 'd.name', 'a.name as account_name', 'a.domain', 'd.partner_account_id', 'd.created_at'])
    .select((eb) =>
      eb
        .selectFrom('deal_line_items as l')
        .select(
          sql<string[]>`coalesce(array_agg(l.product_id::text) FILTER (WHERE l.product_id IS NOT NULL), '{}')`.as('p'),
        )
        .whereRef('l.org_id', '=', 'd.org_id')
        .whereRef('l.deal_id', '=', 'd.id')
        .as('product_ids'),
    )
    .where('d.org_id', '=', orgId)
    .where('d.deleted_at', 'is', null)
    .where('d.created_at', '>', from)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('deal_registrations as x')
            .select('x.id')
            .whereRef('x.org_id', '=', 'd.org_id')
            .whereRef('x.deal_id', '=', 'd.id'),
        ),
      ),
    )
    .orderBy('d.created_at')
    .limit(limit)
    .execute();
  return [
    ...regs.map((r): WhatIfPartyRow => ({
      kind: 'registration',
      id: r.id,
      partner_account_id: r.partner_account_id,
      customer_name: r.customer_name,
      customer_domain: r.customer_domain,
      product_ids: r.product_ids,
      since: r.registered_at,
    })),
    ...deals.map((d): WhatIfPartyRow => ({
      kind: 'deal',
      id: d.id,
      partner_account_id: d.partner_account_id,
      customer_name: d.account_name ?? d.name,
      customer_domain: d.domain,
      product_ids: d.product_ids ?? [],
      since: d.created_at,
    })),
  ];
}
