import { sql, type Insertable, type RawBuilder, type Selectable, type SqlBool, type Updateable } from 'kysely';
import type { DbExecutor } from '../../db/database.ts';
import { updateVersioned } from '../../db/versioned.ts';
import { decodeCursor, likePattern } from '../../db/list.ts';
import type { ActivitiesTable } from '../../db/schema.ts';
import { scopeCondition } from '../../db/scope.ts';
import type { Scope } from '../../contract/access.ts';
import type { ListActivitiesQuery } from '../../contract/activities.ts';

export type ActivityRow = Selectable<ActivitiesTable>;
export type ActivityListRow = ActivityRow & { sort_key: Date };

const liveActivity = (db: DbExecutor, orgId: string, id: string) =>
  db
    .selectFrom('activities')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null);

export async function getActivity(db: DbExecutor, orgId: string, id: string): Promise<ActivityRow | undefined> {
  return liveActivity(db, orgId, id).executeTakeFirst();
}

/** As `getActivity`, locking the row until the transaction ends: concurrent changes of it queue behind this one. */
export async function lockActivity(db: DbExecutor, orgId: string, id: string): Promise<ActivityRow | undefined> {
  return liveActivity(db, orgId, id).forNoKeyUpdate().executeTakeFirst();
}

export async function insertActivity(db: DbExecutor, row: Insertable<ActivitiesTable>): Promise<ActivityRow> {
  return db.insertInto('activities').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Updates when the version still matches; otherwise throws 409 with the current version (or 404), see `updateVersioned`. */
export async function updateActivity(
  db: DbExecutor,
  orgId: string,
  id: string,
  version: number,
  patch: Updateable<ActivitiesTable>,
): Promise<ActivityRow> {
  return updateVersioned(db, 'activities', { orgId, id, version }, patch);
}

/*
 * Sort keys are never NULL, so the keyset (sort key, id) pages exactly: an activity sorts by when it
 * happened, a task by its due date (or creation when it has none); by due date, tasks without one
 * come last (a far-future stand-in rather than NULL).
 */
const sortKeys: Record<ListActivitiesQuery['sort'], RawBuilder<Date>> = {
  occurred_at: sql<Date>`coalesce(occurred_at, due_at, created_at)`,
  due_at: sql<Date>`coalesce(due_at, timestamptz '9999-12-31T00:00:00Z')`,
  created_at: sql<Date>`created_at`,
};

/** Business time of an activity for date filters: when it happened, or for a task when it is due. */
const businessTime = sql<Date>`coalesce(occurred_at, due_at)`;

function afterKey(key: RawBuilder<Date>, order: 'asc' | 'desc', cursor: string): RawBuilder<SqlBool> {
  const [value, id] = decodeCursor(cursor);
  const op = sql.raw(order === 'asc' ? '>' : '<');
  return sql<SqlBool>`(${key}, id) ${op} (${value}, ${id})`;
}

export async function listActivities(
  db: DbExecutor,
  orgId: string,
  scope: Scope,
  q: ListActivitiesQuery,
): Promise<ActivityListRow[]> {
  const key = sortKeys[q.sort];
  let b = db
    .selectFrom('activities')
    .selectAll()
    .select(key.as('sort_key'))
    .where('org_id', '=', orgId)
    .where('deleted_at', 'is', null);
  const cond = scopeCondition(scope, 'activities.owner_id');
  if (cond) b = b.where(cond);
  if (q.type) b = b.where('type', '=', q.type);
  if (q.ownerId) b = b.where('owner_id', '=', q.ownerId);
  if (q.dealId) b = b.where('deal_id', '=', q.dealId);
  if (q.contactId) b = b.where('contact_id', '=', q.contactId);
  if (q.accountId) b = b.where('account_id', '=', q.accountId);
  if (q.leadId) b = b.where('lead_id', '=', q.leadId);
  if (q.disposition) b = b.where('call_disposition', '=', q.disposition);
  if (q.from) b = b.where(businessTime, '>=', new Date(q.from));
  if (q.to) b = b.where(businessTime, '<', new Date(q.to));
  // Only tasks can be done or open; asking for either means asking for tasks.
  if (q.completed)
    b = b.where('type', '=', 'task').where('completed_at', q.completed === 'true' ? 'is not' : 'is', null);
  if (q.q) {
    const pat = likePattern(q.q);
    b = b.where((eb) => eb.or([eb('subject', 'ilike', pat), eb('body', 'ilike', pat)]));
  }
  if (q.cursor) b = b.where(afterKey(key, q.order, q.cursor));
  return b
    .orderBy(key, q.order)
    .orderBy('id', q.order)
    .limit(q.limit + 1)
    .execute();
}

export type LinkEntity = 'deal' | 'contact' | 'account' | 'lead';
export interface LinkTarget {
  owner_id: string | null;
  partner_account_id: string | null;
}

/** The owner (and a deal's partner) of a live record an activity is linked to; those tables belong to other modules. */
export async function getLinkTarget(
  db: DbExecutor,
  orgId: string,
  entity: LinkEntity,
  id: string,
): Promise<LinkTarget | undefined> {
  switch (entity) {
    case 'deal':
      return db
        .selectFrom('deals')
        .select(['owner_id', 'partner_account_id'])
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
    case 'contact': {
      const r = await db
        .selectFrom('contacts')
        .select('owner_id')
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      return r && { owner_id: r.owner_id, partner_account_id: null };
    }
    case 'account': {
      const r = await db
        .selectFrom('accounts')
        .select('owner_id')
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      return r && { owner_id: r.owner_id, partner_account_id: null };
    }
    case 'lead': {
      const r = await db
        .selectFrom('leads')
        .select('owner_id')
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      return r && { owner_id: r.owner_id, partner_account_id: null };
    }
  }
}

/** The organization's calendar day containing `now`, as instants [start, end), in its time zone. */
export async function organizationDay(
  db: DbExecutor,
  orgId: string,
  now: Date,
): Promise<{ timezone: string; start: Date; end: Date }> {
  const r = await db
    .selectFrom('organizations')
    .select([
      'timezone',
      sql<Date>`date_trunc('day', ${now}::timestamptz at time zone timezone) at time zone timezone`.as('start'),
      sql<Date>`(date_trunc('day', ${now}::timestamptz at time zone timezone) + interval '1 day') at time zone timezone`.as(
        'end',
      ),
    ])
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
  return r;
}

export type TaskGroup = 'overdue' | 'today' | 'upcoming';

function openTasksOf(db: DbExecutor, orgId: string, ownerId: string) {
  return db
    .selectFrom('activities')
    .where('org_id', '=', orgId)
    .where('owner_id', '=', ownerId)
    .where('type', '=', 'task')
    .where('completed_at', 'is', null)
    .where('deleted_at', 'is', null);
}

/** Open tasks of one owner in a group of the day [start, end): overdue oldest first, the others soonest first (undated last). */
export async function listOpenTasks(
  db: DbExecutor,
  orgId: string,
  ownerId: string,
  group: TaskGroup,
  day: { start: Date; end: Date },
  limit: number,
): Promise<ActivityRow[]> {
  let b = openTasksOf(db, orgId, ownerId).selectAll();
  if (group === 'overdue') b = b.where('due_at', '<', day.start);
  if (group === 'today') b = b.where('due_at', '>=', day.start).where('due_at', '<', day.end);
  if (group === 'upcoming') b = b.where((eb) => eb.or([eb('due_at', '>=', day.end), eb('due_at', 'is', null)]));
  return b
    .orderBy(sql`due_at asc nulls last`)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** How many open tasks of one owner fall in each group of the day. */
export async function countOpenTasks(
  db: DbExecutor,
  orgId: string,
  ownerId: string,
  day: { start: Date; end: Date },
): Promise<Record<TaskGroup, number>> {
  const r = await openTasksOf(db, orgId, ownerId)
    .select([
      sql<number>`count(*) filter (where due_at < ${day.start})::int`.as('overdue'),
      sql<number>`count(*) filter (where due_at >= ${day.start} and due_at < ${day.end})::int`.as('today'),
      sql<number>`count(*) filter (where due_at >= ${day.end} or due_at is null)::int`.as('upcoming'),
    ])
    .executeTakeFirstOrThrow();
  return r;
}

export interface DealAttentionRow {
  id: string;
  name: string;
  status: string;
  pipeline_id: string;
  stage_id: string;
  owner_id: string | null;
  partner_account_id: string | null;
  amount: string | null;
  currency: string;
  stage_entered_at: Date;
  stage_expected_days: number | null;
  next_id: string | null;
  next_subject: string | null;
  next_due_at: Date | null;
  next_owner_id: string | null;
}

/**
 * Live deals with their stage's expected days and their next activity (the open task due first,
 * undated after dated), read with a lateral join on the activities of each deal. Either the deals
 * with the given ids, or the open deals in `scope` that rot at `now` (no open task, or longer in
 * the stage than its expected days), longest in their stage first. The rotting condition is
 * `dealRotting` of the contract, written in SQL.
 */
export async function listDealAttention(
  db: DbExecutor,
  orgId: string,
  scope: Scope,
  q: { dealIds?: readonly string[]; rottingAt?: Date; ownerId?: string; limit: number },
): Promise<DealAttentionRow[]> {
  let b = db
    .selectFrom('deals as d')
    .innerJoin('stages as s', (j) => j.onRef('s.org_id', '=', 'd.org_id').onRef('s.id', '=', 'd.stage_id'))
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('activities as a')
          .select(['a.id', 'a.subject', 'a.due_at', 'a.owner_id'])
          .whereRef('a.org_id', '=', 'd.org_id')
          .whereRef('a.deal_id', '=', 'd.id')
          .where('a.type', '=', 'task')
          .where('a.completed_at', 'is', null)
          .where('a.deleted_at', 'is', null)
          .orderBy(sql`a.due_at asc nulls last`)
          .orderBy('a.id')
          .limit(1)
          .as('t'),
      (j) => j.onTrue(),
    )
    .select([
      'd.id',
      'd.name',
      'd.status',
      'd.pipeline_id',
      'd.stage_id',
      'd.owner_id',
      'd.partner_account_id',
      'd.amount',
      'd.currency',
      'd.stage_entered_at',
      's.expected_days as stage_expected_days',
      't.id as next_id',
      't.subject as next_subject',
      't.due_at as next_due_at',
      't.owner_id as next_owner_id',
    ])
    .where('d.org_id', '=', orgId)
    .where('d.deleted_at', 'is', null);
  const cond = scopeCondition(scope, 'd.owner_id', 'd.partner_account_id');
  if (cond) b = b.where(cond);
  if (q.dealIds) b = b.where('d.id', 'in', [...q.dealIds]);
  if (q.ownerId) b = b.where('d.owner_id', '=', q.ownerId);
  if (q.rottingAt) {
    const now = q.rottingAt;
    b = b
      .where('d.status', '=', 'open')
      .where(
        sql<SqlBool>`(t.id is null or (s.expected_days is not null and d.stage_entered_at + s.expected_days * interval '24 hours' < ${now}::timestamptz))`,
      );
  }
  return b.orderBy('d.stage_entered_at').orderBy('d.id').limit(q.limit).execute();
}
