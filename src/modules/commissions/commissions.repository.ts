import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { CommissionEvent } from '../../analytics/commissions.ts';
import { managerChainEventTypes } from '../../analytics/manager-chain.ts';
import { upcastEvent } from '../../contract/events/index.ts';
import type { DbExecutor } from '../../db/database.ts';
import type {
  CommissionAssignmentsTable,
  CommissionBonusesTable,
  CommissionDisputesTable,
  CommissionPlansTable,
  CommissionSplitsTable,
} from '../../db/schema.ts';
import { updateVersioned } from '../../db/versioned.ts';

export type PlanRow = Selectable<CommissionPlansTable>;
export type AssignmentRow = Selectable<CommissionAssignmentsTable>;
export type SplitRow = Selectable<CommissionSplitsTable>;
export type BonusRow = Selectable<CommissionBonusesTable>;
export type DisputeRow = Selectable<CommissionDisputesTable>;

export async function insertPlan(db: DbExecutor, row: Insertable<CommissionPlansTable>): Promise<PlanRow> {
  return db.insertInto('commission_plans').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function planByName(db: DbExecutor, orgId: string, name: string): Promise<PlanRow | undefined> {
  return db
    .selectFrom('commission_plans')
    .selectAll()
    .where('org_id', '=', orgId)
    .where(sql`lower(name)`, '=', name.toLowerCase())
    .executeTakeFirst();
}

export async function listPlans(db: DbExecutor, orgId: string): Promise<PlanRow[]> {
  return db
    .selectFrom('commission_plans')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('created_at')
    .orderBy('id')
    .limit(500)
    .execute();
}

export async function getPlan(db: DbExecutor, orgId: string, id: string): Promise<PlanRow | undefined> {
  return db
    .selectFrom('commission_plans')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertAssignment(
  db: DbExecutor,
  row: Insertable<CommissionAssignmentsTable>,
): Promise<AssignmentRow> {
  return db.insertInto('commission_assignments').values(row).returningAll().executeTakeFirstOrThrow();
}

/** The organization's assignments (every one: statements need the whole history), oldest first. */
export async function listAssignments(db: DbExecutor, orgId: string): Promise<AssignmentRow[]> {
  return db
    .selectFrom('commission_assignments')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('starts_on')
    .orderBy('id')
    .execute();
}

/** Locks the payee's assignments so two overlapping ones cannot be added side by side. */
export async function lockPayeeAssignments(
  db: DbExecutor,
  orgId: string,
  payeeKind: string,
  payeeId: string,
): Promise<AssignmentRow[]> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`commission:${orgId}:${payeeKind}:${payeeId}`}, 0))`.execute(
    db,
  );
  return db
    .selectFrom('commission_assignments')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('payee_kind', '=', payeeKind)
    .where('payee_id', '=', payeeId)
    .execute();
}

/** Names of payees by kind and id: users by name, partner accounts (with a partner profile) by account name. */
export async function payeeNames(
  db: DbExecutor,
  orgId: string,
  payees: readonly { kind: string; id: string }[],
): Promise<Map<string, string>> {
  const users = [...new Set(payees.filter((p) => p.kind === 'user').map((p) => p.id))];
  const agents = [...new Set(payees.filter((p) => p.kind === 'agent').map((p) => p.id))];
  const partners = [...new Set(payees.filter((p) => p.kind === 'partner').map((p) => p.id))];
  const out = new Map<string, string>();
  if (users.length)
    for (const u of await db
      .selectFrom('users')
      .select(['id', 'name'])
      .where('org_id', '=', orgId)
      .where('id', 'in', users)
      .execute())
      out.set(`user:${u.id}`, u.name);
  if (partners.length)
    // A partner payee is an account with a partner profile or with partner users bound to it (whose
    // statement is empty until the profile and a plan exist).
    for (const a of await db
      .selectFrom('accounts as a')
      .select(['a.id', 'a.name'])
      .where('a.org_id', '=', orgId)
      .where('a.id', 'in', partners)
      .where((eb) =>
        eb.or([
          eb.exists(
            eb
              .selectFrom('partner_profiles as p')
              .select('p.account_id')
              .whereRef('p.org_id', '=', 'a.org_id')
              .whereRef('p.account_id', '=', 'a.id'),
          ),
          eb.exists(
            eb
              .selectFrom('users as u')
              .select('u.id')
              .whereRef('u.org_id', '=', 'a.org_id')
              .whereRef('u.partner_account_id', '=', 'a.id'),
          ),
        ]),
      )
      .execute())
      out.set(`partner:${a.id}`, a.name);
  if (agents.length)
    for (const a of await db
      .selectFrom('agent_parties')
      .select(['id', 'name'])
      .where('org_id', '=', orgId)
      .where('id', 'in', agents)
      .execute())
      out.set(`agent:${a.id}`, a.name);
  return out;
}

const dealEventTypes = [
  'deal.created',
  'deal.updated',
  'deal.assigned',
  'deal.won',
  'deal.reopened',
  'deal.lost',
  'deal.agent_assigned',
  'deal.agent_removed',
  'commission_split.set',
];
const otherEventTypes = [
  'agency_agreement.created',
  'agency_agreement.updated',
  'product.created',
  'product.updated',
  'commission_bonus.granted',
  'commission_dispute.raised',
  'commission_dispute.answered',
  ...managerChainEventTypes,
];

/**
 * The events a statement is computed from, written before `before`, in log order: the history of
 * every deal won by then (with its splits and agents), the agency agreements' terms, the products' family
 * and cost, the users and teams the manager chain is read from, bonuses and disputes.
 */
export async function commissionEvents(db: DbExecutor, orgId: string, before: Date): Promise<CommissionEvent[]> {
  const won = db
    .selectFrom('events')
    .select('entity_id')
    .where('org_id', '=', orgId)
    .where('type', '=', 'deal.won')
    .where('occurred_at', '<', before);
  const rows = await db
    .selectFrom('events')
    .select(['id', 'type', 'entity_id', 'occurred_at', 'data', 'version'])
    .where('org_id', '=', orgId)
    .where('occurred_at', '<', before)
    .where((eb) =>
      eb.or([
        eb.and([eb('entity_type', '=', 'deal'), eb('type', 'in', dealEventTypes), eb('entity_id', 'in', won)]),
        eb('type', 'in', otherEventTypes),
      ]),
    )
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: String(r.id),
    type: r.type,
    entityId: r.entity_id,
    occurredAt: r.occurred_at,
    data: upcastEvent(r.type, r.version, r.data).data,
  }));
}

export async function dealNames(db: DbExecutor, orgId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('deals')
    .select(['id', 'name'])
    .where('org_id', '=', orgId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function getSplit(db: DbExecutor, orgId: string, dealId: string): Promise<SplitRow | undefined> {
  return db
    .selectFrom('commission_splits')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('deal_id', '=', dealId)
    .executeTakeFirst();
}

export async function saveSplit(
  db: DbExecutor,
  row: { org_id: string; deal_id: string; members: string; updated_by: string; updated_at: Date },
): Promise<SplitRow> {
  return db
    .insertInto('commission_splits')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['org_id', 'deal_id']).doUpdateSet((eb) => ({
        members: eb.ref('excluded.members'),
        updated_by: eb.ref('excluded.updated_by'),
        updated_at: eb.ref('excluded.updated_at'),
        version: sql<number>`commission_splits.version + 1`,
      })),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertBonus(db: DbExecutor, row: Insertable<CommissionBonusesTable>): Promise<BonusRow> {
  return db.insertInto('commission_bonuses').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function insertDispute(db: DbExecutor, row: Insertable<CommissionDisputesTable>): Promise<DisputeRow> {
  return db.insertInto('commission_disputes').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function openDisputeOfLine(
  db: DbExecutor,
  orgId: string,
  lineId: string,
): Promise<DisputeRow | undefined> {
  return db
    .selectFrom('commission_disputes')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('line_id', '=', lineId)
    .where('status', '=', 'open')
    .executeTakeFirst();
}

export async function lockDispute(db: DbExecutor, orgId: string, id: string): Promise<DisputeRow | undefined> {
  return db
    .selectFrom('commission_disputes')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .forNoKeyUpdate()
    .executeTakeFirst();
}

export async function updateDispute(
  db: DbExecutor,
  orgId: string,
  id: string,
  version: number,
  patch: Updateable<CommissionDisputesTable>,
): Promise<DisputeRow> {
  return updateVersioned(db, 'commission_disputes', { orgId, id, version }, patch);
}

export async function listDisputes(
  db: DbExecutor,
  orgId: string,
  f: { status?: string | undefined; period?: string | undefined; payee?: { kind: string; id: string } },
): Promise<DisputeRow[]> {
  let b = db.selectFrom('commission_disputes').selectAll().where('org_id', '=', orgId);
  if (f.status) b = b.where('status', '=', f.status);
  if (f.period) b = b.where('period', '=', f.period);
  if (f.payee) b = b.where('payee_kind', '=', f.payee.kind).where('payee_id', '=', f.payee.id);
  return b.orderBy('raised_at', 'desc').orderBy('id').limit(500).execute();
}

/** The instant a month (YYYY-MM) starts in a time zone, and the instant the next one starts. */
export async function monthBounds(
  db: DbExecutor,
  period: string,
  timezone: string,
): Promise<{ start: Date; end: Date }> {
  const first = `${period}-01`;
  const { rows } = await sql<{ s: Date; e: Date }>`
    select (${first}::date::timestamp at time zone ${timezone}) as s,
           ((${first}::date + interval '1 month')::timestamp at time zone ${timezone}) as e`.execute(db);
  const r = rows[0];
  if (!r) throw new Error('the bounds of the month could not be computed');
  return { start: new Date(r.s), end: new Date(r.e) };
}

export async function orgSettings(db: DbExecutor, orgId: string): Promise<{ currency: string; timezone: string }> {
  const row = await db
    .selectFrom('organizations')
    .select(['base_currency', 'timezone'])
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
  return { currency: row.base_currency.trim(), timezone: row.timezone };
}

/** Which of these ids are active users of the organization (not partners: partners are paid as accounts). */
export async function activeInternalUsers(db: DbExecutor, orgId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('org_id', '=', orgId)
    .where('id', 'in', [...new Set(ids)])
    .where('active', '=', true)
    .where('role', '<>', 'partner')
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** A user of the organization by id or (case-insensitive) email. */
export async function userByIdOrEmail(db: DbExecutor, orgId: string, key: string): Promise<string | undefined> {
  const byId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(key);
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('org_id', '=', orgId)
    .where(byId ? 'id' : sql`lower(email)`, '=', byId ? key : key.toLowerCase())
    .executeTakeFirst();
  return row?.id;
}
