import { sql, type Selectable, type Updateable } from 'kysely';
import { notFound, versionConflict } from '../contract/errors.ts';
import type { DbExecutor } from './database.ts';
import type { DB } from './schema.ts';

/** Tables whose rows carry org_id, id and version (optimistic concurrency). */
export type VersionedTable = {
  [K in keyof DB]: DB[K] extends { org_id: string; id: string; version: unknown } ? K : never;
}[keyof DB];
/** Versioned tables whose rows are soft-deleted (deleted_at). */
export type SoftDeletedTable = {
  [K in VersionedTable]: DB[K] extends { deleted_at: unknown } ? K : never;
}[VersionedTable];

/** The name of a table's record in messages, as the API names it. */
const entityNames: Record<VersionedTable, string> = {
  accounts: 'account',
  approval_rules: 'approval rule',
  approvals: 'approval',
  findings: 'finding',
  activities: 'activity',
  bookings: 'booking',
  campaigns: 'campaign',
  forms: 'form',
  contacts: 'contact',
  deals: 'deal',
  leads: 'lead',
  lead_handoffs: 'hand-off',
  sla_policies: 'SLA policy',
  objections: 'objection',
  pipelines: 'pipeline',
  pitch_scripts: 'script',
  products: 'product',
  quotas: 'quota',
  saved_views: 'view',
  teams: 'team',
  users: 'user',
  webhook_endpoints: 'webhook',
  partner_tiers: 'partner tier',
  deal_registrations: 'registration',
  channel_conflicts: 'conflict',
  partner_lead_offers: 'lead offer',
  partner_fund_budgets: 'fund budget',
  partner_fund_requests: 'fund request',
  commission_disputes: 'commission dispute',
  agent_parties: 'agent party',
  agency_agreements: 'agency agreement',
  routing_pools: 'routing pool',
  territories: 'territory',
  cadences: 'cadence',
  cadence_enrolments: 'cadence enrolment',
  holiday_calendars: 'holiday calendar',
};

/*
 * The optimistic-concurrency rule, written once for every versioned table:
 *
 * - A write use case reads the row it changes with a row lock (`lockX` of its repository; a deal is
 *   locked in a statement of its own, then read with its children), in its transaction. The lock
 *   makes concurrent writers of one record queue there, so each checks If-Match against the
 *   version it is about to replace: `*` always overwrites, a stale number is refused with the
 *   current version, and the answer is the row this transaction wrote. The lock is FOR NO KEY
 *   UPDATE, the one an UPDATE takes itself: it does not hold up foreign-key checks of rows that
 *   refer to the record (a new activity on a deal being edited), only its other writers.
 * - `updateVersioned` writes only when the version still matches. Behind the lock it always does;
 *   should a path ever write without taking the lock, the miss is still a 409 naming the current
 *   version (or a 404 when the row is gone), never a silent overwrite.
 */

/**
 * The error for a versioned write that matched no row: the record changed since it was read
 * (409 with its current version) or it is gone (404).
 */
export async function versionMissed(
  db: DbExecutor,
  table: VersionedTable,
  key: { orgId: string; id: string; version: number },
): Promise<Error> {
  const t: VersionedTable = table;
  const live = softDeleted.has(table);
  const row = await db
    .selectFrom(t)
    .select('version')
    .where('org_id', '=', key.orgId)
    .where('id', '=', key.id)
    .where(live ? sql<boolean>`deleted_at is null` : sql<boolean>`true`)
    .executeTakeFirst();
  const entity = entityNames[table];
  return row ? versionConflict(entity, key.id, Number(row.version), key.version) : notFound(entity, key.id);
}

/**
 * Updates one row when its version still matches, raising the version by one, and returns the row
 * as written. Otherwise throws: 409 `version_conflict` with the current version, or 404 when the
 * row is gone (for soft-deleted tables, deleted).
 */
export async function updateVersioned<T extends VersionedTable>(
  db: DbExecutor,
  table: T,
  key: { orgId: string; id: string; version: number },
  patch: Updateable<DB[T]>,
): Promise<Selectable<DB[T]>> {
  // Kysely cannot type a query over a table chosen by a type parameter; every versioned table has
  // the columns used here, so the query is typed against the union and the row cast back.
  const t: VersionedTable = table;
  const live = softDeleted.has(table);
  const row = await db
    .updateTable(t)
    .set({ ...(patch as object), version: key.version + 1 })
    .where('org_id', '=', key.orgId)
    .where('id', '=', key.id)
    .where('version', '=', key.version)
    .where(live ? sql<boolean>`deleted_at is null` : sql<boolean>`true`)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw await versionMissed(db, table, key);
  return row as Selectable<DB[T]>;
}

const softDeletedTables: Record<SoftDeletedTable, true> = {
  accounts: true,
  activities: true,
  campaigns: true,
  contacts: true,
  deals: true,
  leads: true,
  teams: true,
};
const softDeleted: ReadonlySet<string> = new Set(Object.keys(softDeletedTables));
