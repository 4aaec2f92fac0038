import type { Insertable, Selectable } from 'kysely';
import type { DbExecutor } from '../../db/database.ts';
import { afterCursor } from '../../db/list.ts';
import { dealDistributors } from '../../db/scope.ts';
import type { RaisedObjectionsTable } from '../../db/schema.ts';
import type { ListRaisedObjectionsQuery } from '../../contract/objections.ts';

export type RaisedObjectionRow = Selectable<RaisedObjectionsTable>;
export type RaisedObjectionListRow = RaisedObjectionRow & { objection_title: string | null };

export async function insertRaisedObjections(
  db: DbExecutor,
  rows: readonly Insertable<RaisedObjectionsTable>[],
): Promise<RaisedObjectionRow[]> {
  if (rows.length === 0) return [];
  return db
    .insertInto('raised_objections')
    .values([...rows])
    .returningAll()
    .execute();
}

/** The owner, partner and (two-tier) distributors of a live deal, for its read/write scope (the deals module owns the table). */
export async function getDealScopeRow(
  db: DbExecutor,
  orgId: string,
  dealId: string,
): Promise<
  | { id: string; owner_id: string | null; partner_account_id: string | null; distributor_account_ids: string[] }
  | undefined
> {
  return db
    .selectFrom('deals')
    .select(['id', 'owner_id', 'partner_account_id'])
    .select(dealDistributors('deals').as('distributor_account_ids'))
    .where('org_id', '=', orgId)
    .where('id', '=', dealId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Raised objections of one deal or one activity, oldest first, with the library entry's title. */
export async function listRaisedObjections(
  db: DbExecutor,
  orgId: string,
  of: { dealId: string } | { activityId: string },
  q: ListRaisedObjectionsQuery,
): Promise<RaisedObjectionListRow[]> {
  let b = db
    .selectFrom('raised_objections as ro')
    .leftJoin('objections as o', (j) => j.onRef('o.org_id', '=', 'ro.org_id').onRef('o.id', '=', 'ro.objection_id'))
    .selectAll('ro')
    .select('o.title as objection_title')
    .where('ro.org_id', '=', orgId);
  b = 'dealId' in of ? b.where('ro.deal_id', '=', of.dealId) : b.where('ro.activity_id', '=', of.activityId);
  if (q.cursor) b = b.where(afterCursor('ro.raised_at', 'ro.id', 'asc', q.cursor));
  return b
    .orderBy('ro.raised_at', 'asc')
    .orderBy('ro.id', 'asc')
    .limit(q.limit + 1)
    .execute();
}
