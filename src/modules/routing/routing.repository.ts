import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { DbExecutor } from '../../db/database.ts';
import type {
  RoutingDecisionsTable,
  RoutingPoolsTable,
  RoutingSettingsTable,
  TerritoriesTable,
} from '../../db/schema-routing.ts';
import { updateVersioned } from '../../db/versioned.ts';

export type PoolRow = Selectable<RoutingPoolsTable>;
export type TerritoryRow = Selectable<TerritoriesTable>;
export type SettingsRow = Selectable<RoutingSettingsTable>;
export type DecisionRow = Selectable<RoutingDecisionsTable> & { rep_name: string | null };
export interface PoolMemberRow {
  pool_id: string;
  user_id: string;
  name: string;
  active: boolean;
  weight: number;
  cap_per_day: number | null;
  cap_per_week: number | null;
  joined_at: Date;
}
export interface TerritoryMemberRow {
  territory_id: string;
  user_id: string;
  name: string;
  active: boolean;
  role: string;
}

// ---- Pools ----

export async function listPools(db: DbExecutor, orgId: string): Promise<PoolRow[]> {
  return db.selectFrom('routing_pools').selectAll().where('org_id', '=', orgId).orderBy('name').orderBy('id').execute();
}

export async function getPool(db: DbExecutor, orgId: string, id: string, lock = false): Promise<PoolRow | undefined> {
  const q = db.selectFrom('routing_pools').selectAll().where('org_id', '=', orgId).where('id', '=', id);
  return (lock ? q.forNoKeyUpdate() : q).executeTakeFirst();
}

export async function poolNameTaken(db: DbExecutor, orgId: string, name: string, exceptId: string): Promise<boolean> {
  const r = await db
    .selectFrom('routing_pools')
    .select('id')
    .where('org_id', '=', orgId)
    .where(sql<boolean>`lower(name) = lower(${name})`)
    .where('id', '<>', exceptId)
    .executeTakeFirst();
  return r !== undefined;
}

export async function insertPool(db: DbExecutor, row: Insertable<RoutingPoolsTable>): Promise<PoolRow> {
  return db.insertInto('routing_pools').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updatePool(
  db: DbExecutor,
  key: { orgId: string; id: string; version: number },
  patch: Updateable<RoutingPoolsTable>,
): Promise<PoolRow> {
  return updateVersioned(db, 'routing_pools', key, patch);
}

export async function deletePool(db: DbExecutor, orgId: string, id: string): Promise<void> {
  await db.deleteFrom('routing_pool_members').where('org_id', '=', orgId).where('pool_id', '=', id).execute();
  await db.deleteFrom('routing_pools').where('org_id', '=', orgId).where('id', '=', id).execute();
}

/** Where a pool is used: territories routing to it, the fallback setting, past decisions. */
export async function poolUses(db: DbExecutor, orgId: string, id: string): Promise<string[]> {
  const [t, s, d] = await Promise.all([
    db.selectFrom('territories').select('name').where('org_id', '=', orgId).where('pool_id', '=', id).execute(),
    db
      .selectFrom('routing_settings')
      .select('org_id')
      .where('org_id', '=', orgId)
      .where('fallback_pool_id', '=', id)
      .executeTakeFirst(),
    db
      .selectFrom('routing_decisions')
      .select('id')
      .where('org_id', '=', orgId)
      .where('pool_id', '=', id)
      .limit(1)
      .executeTakeFirst(),
  ]);
  return [
    ...t.map((r) => `territory ${r.name}`),
    ...(s ? ['the fallback pool setting'] : []),
    ...(d ? ['past routing decisions'] : []),
  ];
}

export async function listPoolMembers(
  db: DbExecutor,
  orgId: string,
  poolIds?: readonly string[],
): Promise<PoolMemberRow[]> {
  if (poolIds && poolIds.length === 0) return [];
  let q = db
    .selectFrom('routing_pool_members as m')
    .innerJoin('users as u', (j) => j.onRef('u.org_id', '=', 'm.org_id').onRef('u.id', '=', 'm.user_id'))
    .select([
      'm.pool_id',
      'm.user_id',
      'u.name',
      'u.active',
      'm.weight',
      'm.cap_per_day',
      'm.cap_per_week',
      'm.joined_at',
    ])
    .where('m.org_id', '=', orgId);
  if (poolIds) q = q.where('m.pool_id', 'in', [...poolIds]);
  return q.orderBy('u.name').orderBy('m.user_id').execute();
}

/** Replaces a pool's members, keeping the joining time of those who stay (the ledger pro-rates by it). */
export async function replacePoolMembers(
  db: DbExecutor,
  orgId: string,
  poolId: string,
  members: readonly { userId: string; weight: number; capPerDay: number | null; capPerWeek: number | null }[],
  now: Date,
): Promise<void> {
  const before = await db
    .selectFrom('routing_pool_members')
    .select(['user_id', 'joined_at'])
    .where('org_id', '=', orgId)
    .where('pool_id', '=', poolId)
    .execute();
  const joined = new Map(before.map((r) => [r.user_id, r.joined_at]));
  await db.deleteFrom('routing_pool_members').where('org_id', '=', orgId).where('pool_id', '=', poolId).execute();
  if (members.length === 0) return;
  await db
    .insertInto('routing_pool_members')
    .values(
      members.map((m) => ({
        org_id: orgId,
        pool_id: poolId,
        user_id: m.userId,
        weight: m.weight,
        cap_per_day: m.capPerDay,
        cap_per_week: m.capPerWeek,
        joined_at: joined.get(m.userId) ?? now,
      })),
    )
    .execute();
}

// ---- Skills ----

export async function skillsOf(
  db: DbExecutor,
  orgId: string,
  userIds: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (userIds.length === 0) return out;
  const rows = await db
    .selectFrom('rep_skills')
    .select(['user_id', 'skill'])
    .where('org_id', '=', orgId)
    .where('user_id', 'in', [...userIds])
    .orderBy('skill')
    .execute();
  for (const r of rows) out.set(r.user_id, [...(out.get(r.user_id) ?? []), r.skill]);
  return out;
}

export async function replaceSkills(db: DbExecutor, orgId: string, userId: string, skills: readonly string[]) {
  await db.deleteFrom('rep_skills').where('org_id', '=', orgId).where('user_id', '=', userId).execute();
  if (skills.length)
    await db
      .insertInto('rep_skills')
      .values(skills.map((skill) => ({ org_id: orgId, user_id: userId, skill })))
      .execute();
}

// ---- Territories ----

export async function listTerritories(db: DbExecutor, orgId: string): Promise<TerritoryRow[]> {
  return db.selectFrom('territories').selectAll().where('org_id', '=', orgId).orderBy('name').orderBy('id').execute();
}

export async function getTerritory(
  db: DbExecutor,
  orgId: string,
  id: string,
  lock = false,
): Promise<TerritoryRow | undefined> {
  const q = db.selectFrom('territories').selectAll().where('org_id', '=', orgId).where('id', '=', id);
  return (lock ? q.forNoKeyUpdate() : q).executeTakeFirst();
}

export async function territoryNameTaken(db: DbExecutor, orgId: string, name: string, exceptId: string) {
  const r = await db
    .selectFrom('territories')
    .select('id')
    .where('org_id', '=', orgId)
    .where(sql<boolean>`lower(name) = lower(${name})`)
    .where('id', '<>', exceptId)
    .executeTakeFirst();
  return r !== undefined;
}

export async function insertTerritory(db: DbExecutor, row: Insertable<TerritoriesTable>): Promise<TerritoryRow> {
  return db.insertInto('territories').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateTerritory(
  db: DbExecutor,
  key: { orgId: string; id: string; version: number },
  patch: Updateable<TerritoriesTable>,
): Promise<TerritoryRow> {
  return updateVersioned(db, 'territories', key, patch);
}

export async function deleteTerritory(db: DbExecutor, orgId: string, id: string): Promise<void> {
  await db.deleteFrom('territory_members').where('org_id', '=', orgId).where('territory_id', '=', id).execute();
  await db.deleteFrom('territories').where('org_id', '=', orgId).where('id', '=', id).execute();
}

export async function hasChildren(db: DbExecutor, orgId: string, id: string): Promise<boolean> {
  const r = await db
    .selectFrom('territories')
    .select('id')
    .where('org_id', '=', orgId)
    .where('parent_id', '=', id)
    .executeTakeFirst();
  return r !== undefined;
}

export async function territoryInDecisions(db: DbExecutor, orgId: string, id: string): Promise<boolean> {
  const r = await db
    .selectFrom('routing_decisions')
    .select('id')
    .where('org_id', '=', orgId)
    .where('territory_id', '=', id)
    .limit(1)
    .executeTakeFirst();
  return r !== undefined;
}

export async function listTerritoryMembers(db: DbExecutor, orgId: string): Promise<TerritoryMemberRow[]> {
  return db
    .selectFrom('territory_members as m')
    .innerJoin('users as u', (j) => j.onRef('u.org_id', '=', 'm.org_id').onRef('u.id', '=', 'm.user_id'))
    .select(['m.territory_id', 'm.user_id', 'u.name', 'u.active', 'm.role'])
    .where('m.org_id', '=', orgId)
    .orderBy('u.name')
    .orderBy('m.user_id')
    .execute();
}

export async function replaceTerritoryMembers(
  db: DbExecutor,
  orgId: string,
  territoryId: string,
  members: readonly { userId: string; role: string }[],
): Promise<void> {
  await db
    .deleteFrom('territory_members')
    .where('org_id', '=', orgId)
    .where('territory_id', '=', territoryId)
    .execute();
  if (members.length)
    await db
      .insertInto('territory_members')
      .values(members.map((m) => ({ org_id: orgId, territory_id: territoryId, user_id: m.userId, role: m.role })))
      .execute();
}

/** Accounts and leads resolved to each territory. */
export async function assignmentCounts(
  db: DbExecutor,
  orgId: string,
): Promise<Map<string, { account: number; lead: number }>> {
  const rows = await db
    .selectFrom('territory_assignments')
    .select(['territory_id', 'entity_type', (eb) => eb.fn.countAll<number>().as('n')])
    .where('org_id', '=', orgId)
    .groupBy(['territory_id', 'entity_type'])
    .execute();
  const out = new Map<string, { account: number; lead: number }>();
  for (const r of rows) {
    const c = out.get(r.territory_id) ?? { account: 0, lead: 0 };
    if (r.entity_type === 'account') c.account = Number(r.n);
    else c.lead = Number(r.n);
    out.set(r.territory_id, c);
  }
  return out;
}

// ---- What the resolver reads of accounts and leads ----

export interface SubjectRow {
  entity_type: 'account' | 'lead';
  id: string;
  account_id: string | null;
  country: string | null;
  region: string | null;
  postal_code: string | null;
  industry: string | null;
  employees: number | null;
  territory_id: string | null;
}

/**
 * Accounts (their own attributes) and open leads (their industry, the rest from the account they
 * were converted to or, failing that, the one live account with their company's web domain), with
 * the territory each resolves to now. One id, or all of a kind.
 */
export async function subjects(
  db: DbExecutor,
  orgId: string,
  kind: 'account' | 'lead',
  id?: string,
): Promise<SubjectRow[]> {
  if (kind === 'account') {
    let q = db
      .selectFrom('accounts as a')
      .leftJoin('territory_assignments as t', (j) =>
        j.onRef('t.org_id', '=', 'a.org_id').on('t.entity_type', '=', 'account').onRef('t.entity_id', '=', 'a.id'),
      )
      .select([
        sql<'account'>`'account'`.as('entity_type'),
        'a.id',
        'a.id as account_id',
        'a.country',
        'a.region',
        'a.postal_code',
        'a.industry',
        'a.employees',
        't.territory_id',
      ])
      .where('a.org_id', '=', orgId)
      .where('a.deleted_at', 'is', null);
    if (id) q = q.where('a.id', '=', id);
    return q.execute();
  }
  const result = await sql<SubjectRow>`
    SELECT 'lead' AS entity_type, l.id, a.id AS account_id, a.country, a.region, a.postal_code,
           coalesce(l.industry, a.industry) AS industry, a.employees, t.territory_id
    FROM leads l
    LEFT JOIN LATERAL (
      SELECT x.* FROM accounts x
      WHERE x.org_id = l.org_id AND x.deleted_at IS NULL
        AND (x.id = l.converted_account_id
             OR (l.converted_account_id IS NULL AND l.company_domain IS NOT NULL
                 AND lower(x.domain) = lower(l.company_domain)))
      ORDER BY (x.id = l.converted_account_id) DESC, x.created_at, x.id
      LIMIT 1
    ) a ON true
    LEFT JOIN territory_assignments t
      ON t.org_id = l.org_id AND t.entity_type = 'lead' AND t.entity_id = l.id
    WHERE l.org_id = ${orgId} AND l.deleted_at IS NULL ${id ? sql`AND l.id = ${id}` : sql``}
  `.execute(db);
  return result.rows;
}

export async function setAssignment(
  db: DbExecutor,
  orgId: string,
  entityType: 'account' | 'lead',
  entityId: string,
  territoryId: string | null,
  reasons: readonly string[],
  now: Date,
): Promise<void> {
  if (territoryId === null) {
    await db
      .deleteFrom('territory_assignments')
      .where('org_id', '=', orgId)
      .where('entity_type', '=', entityType)
      .where('entity_id', '=', entityId)
      .execute();
    return;
  }
  await db
    .insertInto('territory_assignments')
    .values({
      org_id: orgId,
      entity_type: entityType,
      entity_id: entityId,
      territory_id: territoryId,
      reasons: JSON.stringify(reasons),
      resolved_at: now,
    })
    .onConflict((oc) =>
      oc.columns(['org_id', 'entity_type', 'entity_id']).doUpdateSet({
        territory_id: territoryId,
        reasons: JSON.stringify(reasons),
        resolved_at: now,
      }),
    )
    .execute();
}

export async function getAssignment(db: DbExecutor, orgId: string, entityType: 'account' | 'lead', entityId: string) {
  return db
    .selectFrom('territory_assignments as a')
    .innerJoin('territories as t', (j) => j.onRef('t.org_id', '=', 'a.org_id').onRef('t.id', '=', 'a.territory_id'))
    .select(['a.territory_id', 't.name', 'a.reasons'])
    .where('a.org_id', '=', orgId)
    .where('a.entity_type', '=', entityType)
    .where('a.entity_id', '=', entityId)
    .executeTakeFirst();
}

// ---- Settings and decisions ----

export async function getSettings(db: DbExecutor, orgId: string, lock = false): Promise<SettingsRow | undefined> {
  const q = db.selectFrom('routing_settings').selectAll().where('org_id', '=', orgId);
  return (lock ? q.forNoKeyUpdate() : q).executeTakeFirst();
}

export async function saveSettings(
  db: DbExecutor,
  orgId: string,
  values: { fallback_pool_id: string | null; route_leads: boolean; updated_at: Date },
  version: number,
): Promise<SettingsRow> {
  if (version === 0)
    return db
      .insertInto('routing_settings')
      .values({ org_id: orgId, ...values })
      .returningAll()
      .executeTakeFirstOrThrow();
  return db
    .updateTable('routing_settings')
    .set({ ...values, version: version + 1 })
    .where('org_id', '=', orgId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertDecision(db: DbExecutor, row: Insertable<RoutingDecisionsTable>): Promise<void> {
  await db.insertInto('routing_decisions').values(row).execute();
}

export async function listDecisions(
  db: DbExecutor,
  orgId: string,
  entityType: 'booking' | 'lead',
  entityId: string,
): Promise<DecisionRow[]> {
  return db
    .selectFrom('routing_decisions as d')
    .leftJoin('users as u', (j) => j.onRef('u.org_id', '=', 'd.org_id').onRef('u.id', '=', 'd.rep_id'))
    .selectAll('d')
    .select('u.name as rep_name')
    .where('d.org_id', '=', orgId)
    .where('d.entity_type', '=', entityType)
    .where('d.entity_id', '=', entityId)
    .orderBy('d.decided_at', 'desc')
    .limit(20)
    .execute();
}

export interface LedgerFact {
  rep_id: string;
  decided_at: Date;
  status: string | null;
}

/**
 * The assignments a pool (or, without one, a territory's own members) made since a time, with what
 * became of the meeting (null for leads and for a booking that no longer exists).
 */
export async function ledgerFacts(
  db: DbExecutor,
  orgId: string,
  by: { poolId: string } | { territoryId: string },
  since: Date,
): Promise<LedgerFact[]> {
  let q = db
    .selectFrom('routing_decisions as d')
    .leftJoin('bookings as b', (j) =>
      j.onRef('b.org_id', '=', 'd.org_id').on('d.entity_type', '=', 'booking').onRef('b.id', '=', 'd.entity_id'),
    )
    .select(['d.rep_id', 'd.decided_at', 'b.status'])
    .where('d.org_id', '=', orgId)
    .where('d.rep_id', 'is not', null)
    .where('d.decided_at', '>=', since);
  q =
    'poolId' in by
      ? q.where('d.pool_id', '=', by.poolId)
      : q.where('d.territory_id', '=', by.territoryId).where('d.pool_id', 'is', null);
  const rows = await q.execute();
  return rows.flatMap((r) =>
    r.rep_id === null ? [] : [{ rep_id: r.rep_id, decided_at: r.decided_at, status: r.status }],
  );
}

/** Assignments routed to each rep since a time (any rule), for the daily and weekly caps. */
export async function assignedSince(
  db: DbExecutor,
  orgId: string,
  userIds: readonly string[],
  since: Date,
): Promise<{ rep_id: string; decided_at: Date }[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom('routing_decisions')
    .select(['rep_id', 'decided_at'])
    .where('org_id', '=', orgId)
    .where('rep_id', 'in', [...userIds])
    .where('decided_at', '>=', since)
    .execute();
  return rows.flatMap((r) => (r.rep_id === null ? [] : [{ rep_id: r.rep_id, decided_at: r.decided_at }]));
}

/** The time zone of each user's working hours (UTC for one who never saved them, as their settings show). */
export async function timeZonesOf(db: DbExecutor, orgId: string, userIds: readonly string[]) {
  const out = new Map<string, string>(userIds.map((id) => [id, 'UTC']));
  if (userIds.length === 0) return out;
  const rows = await db
    .selectFrom('rep_availability')
    .select(['user_id', 'timezone'])
    .where('org_id', '=', orgId)
    .where('user_id', 'in', [...userIds])
    .execute();
  for (const r of rows) out.set(r.user_id, r.timezone);
  return out;
}

/** Live users of the organization among some ids, with their names. */
export async function activeUsers(db: DbExecutor, orgId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('users')
    .select(['id', 'name', 'role'])
    .where('org_id', '=', orgId)
    .where('id', 'in', [...ids])
    .where('active', '=', true)
    .execute();
}

export async function accountsExist(db: DbExecutor, orgId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('accounts')
    .select('id')
    .where('org_id', '=', orgId)
    .where('id', 'in', [...ids])
    .where('deleted_at', 'is', null)
    .execute();
  return new Set(rows.map((r) => r.id));
}

export async function accountOwner(db: DbExecutor, orgId: string, accountId: string) {
  return db
    .selectFrom('accounts as a')
    .innerJoin('users as u', (j) => j.onRef('u.org_id', '=', 'a.org_id').onRef('u.id', '=', 'a.owner_id'))
    .select(['u.id', 'u.name', 'u.active'])
    .where('a.org_id', '=', orgId)
    .where('a.id', '=', accountId)
    .where('a.deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Leads created in [from, to), oldest first, with their owner and score, for a backtest. */
export async function backtestLeads(db: DbExecutor, orgId: string, from: Date, to: Date) {
  return db
    .selectFrom('leads as l')
    .leftJoin('lead_scores as s', (j) => j.onRef('s.org_id', '=', 'l.org_id').onRef('s.lead_id', '=', 'l.id'))
    .select(['l.id', 'l.owner_id', 'l.created_at', 's.probability', 's.fit_score'])
    .where('l.org_id', '=', orgId)
    .where('l.deleted_at', 'is', null)
    .where('l.created_at', '>=', from)
    .where('l.created_at', '<', to)
    .orderBy('l.created_at')
    .orderBy('l.id')
    .limit(50_000)
    .execute();
}

/** The owners of accounts, by account. */
export async function accountOwners(
  db: DbExecutor,
  orgId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('accounts')
    .select(['id', 'owner_id'])
    .where('org_id', '=', orgId)
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.flatMap((r) => (r.owner_id ? [[r.id, r.owner_id] as const] : [])));
}

/** Names of users (active or not), by id. */
export async function userNames(db: DbExecutor, orgId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('org_id', '=', orgId)
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Out-of-office ranges of users overlapping [from, to). */
export async function timeOffBetween(db: DbExecutor, orgId: string, ids: readonly string[], from: Date, to: Date) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('rep_time_off')
    .select(['user_id', 'starts_at', 'ends_at'])
    .where('org_id', '=', orgId)
    .where('user_id', 'in', [...ids])
    .where('ends_at', '>', from)
    .where('starts_at', '<', to)
    .execute();
}
