import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { DbExecutor } from '../../db/database.ts';
import { updateVersioned } from '../../db/versioned.ts';
import { afterCursor, likePattern } from '../../db/list.ts';
import type { LeadsTable } from '../../db/schema.ts';
import { scopeCondition } from '../../db/scope.ts';
import type { Scope } from '../../contract/access.ts';
import type { ListLeadsQuery } from '../../contract/leads.ts';

/** A lead as read: the stored row, and when it was last touched when the read asked for it. */
export type LeadRow = Selectable<LeadsTable> & { last_touched_at?: Date | null };

/**
 * When the lead was last touched: the business time of the latest call, email or meeting logged on
 * it (notes and tasks are not contact with the person). Null while no one has reached out.
 */
const lastTouchedAt = sql<Date | null>`(
  select max(a.occurred_at) from activities a
  where a.org_id = leads.org_id and a.lead_id = leads.id and a.deleted_at is null
    and a.type in ('call', 'email', 'meeting')
)`;
export type LeadInsert = Omit<Insertable<LeadsTable>, 'version'>;
export type LeadPatch = Updateable<LeadsTable>;

export async function getLead(db: DbExecutor, orgId: string, id: string): Promise<LeadRow | undefined> {
  return db
    .selectFrom('leads')
    .selectAll()
    .select(lastTouchedAt.as('last_touched_at'))
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/**
 * Reads a lead and locks its row until the transaction ends, so that two changes of the same lead
 * (two conversions, say) run one after the other: the second sees what the first wrote.
 */
export async function lockLead(db: DbExecutor, orgId: string, id: string): Promise<LeadRow | undefined> {
  return db
    .selectFrom('leads')
    .selectAll()
    .select(lastTouchedAt.as('last_touched_at'))
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .forNoKeyUpdate()
    .executeTakeFirst();
}

export async function insertLead(db: DbExecutor, row: LeadInsert): Promise<LeadRow> {
  return db.insertInto('leads').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Updates when the version still matches; otherwise throws 409 with the current version (or 404), see `updateVersioned`. */
export async function updateLead(
  db: DbExecutor,
  orgId: string,
  id: string,
  version: number,
  patch: LeadPatch,
): Promise<LeadRow> {
  return updateVersioned(db, 'leads', { orgId, id, version }, patch);
}

export async function listLeads(db: DbExecutor, orgId: string, scope: Scope, q: ListLeadsQuery): Promise<LeadRow[]> {
  let b = db
    .selectFrom('leads')
    .selectAll()
    .select(lastTouchedAt.as('last_touched_at'))
    .where('org_id', '=', orgId)
    .where('deleted_at', 'is', null);
  const cond = scopeCondition(scope, 'owner_id');
  if (cond) b = b.where(cond);
  if (q.status) b = b.where('status', 'in', q.status);
  if (q.ownerId) b = b.where('owner_id', '=', q.ownerId);
  if (q.source) b = b.where('source', '=', q.source);
  if (q.createdFrom) b = b.where('created_at', '>=', new Date(q.createdFrom));
  if (q.createdTo) b = b.where('created_at', '<', new Date(q.createdTo));
  if (q.q) {
    const pat = likePattern(q.q);
    // The first operand is the expression the trigram index of migration 0002 covers.
    b = b.where((eb) =>
      eb.or([
        eb(sql<string>`coalesce(first_name, '') || ' ' || last_name || ' ' || coalesce(company, '')`, 'ilike', pat),
        eb('email', 'ilike', pat),
      ]),
    );
  }
  if (q.cursor) b = b.where(afterCursor(q.sort, 'id', q.order, q.cursor));
  return b
    .orderBy(q.sort, q.order)
    .orderBy('id', q.order)
    .limit(q.limit + 1)
    .execute();
}
