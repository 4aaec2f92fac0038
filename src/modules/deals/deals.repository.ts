import { sql, type Insertable, type RawBuilder, type Selectable, type SqlBool } from 'kysely';
import type { DbExecutor } from '../../db/database.ts';
import { updateVersioned, versionMissed } from '../../db/versioned.ts';
import { preparedQuery } from '../../db/prepared.ts';
import { decodeCursor, likePattern } from '../../db/list.ts';
import type { DealContactsTable, DealLineItemsTable, DealsTable } from '../../db/schema.ts';
import { dealDistributors, scopeCondition } from '../../db/scope.ts';
import type { Scope } from '../../contract/access.ts';
import type { DealSortKey, ListDealsQuery } from '../../contract/deals.ts';

export type DealRow = Selectable<DealsTable>;
export type LineItemRow = Selectable<DealLineItemsTable>;
export type DealContactRow = Selectable<DealContactsTable>;
export type NewLineItemRow = Insertable<DealLineItemsTable>;

/** A deal row with its line items (in position order) and contact roles, as one result row. */
export interface DealRecordRow extends DealRow {
  line_items: LineItemRow[];
  contact_roles: DealContactRow[];
  /** Two-tier: the distributors its registrations name, the first-registered first. */
  distributor_account_ids: string[];
}

/*
 * The children of the deal aliased `d`, aggregated as JSON in the statement that reads it, so a
 * deal or a page of deals is one round trip. Numerics travel as text: exact, and the same strings
 * the drivers return for numeric columns.
 */
const lineItemsOfD = sql<LineItemRow[]>`(select coalesce(json_agg(json_build_object(
    'org_id', l.org_id, 'id', l.id, 'deal_id', l.deal_id, 'product_id', l.product_id, 'position', l.position,
    'quantity', l.quantity::text, 'unit_price', l.unit_price::text, 'discount_percent', l.discount_percent::text) order by l.position), '[]')
  from deal_line_items l where l.org_id = d.org_id and l.deal_id = d.id)`;
const contactRolesOfD = sql<DealContactRow[]>`(select coalesce(json_agg(json_build_object(
    'org_id', c.org_id, 'deal_id', c.deal_id, 'contact_id', c.contact_id, 'role', c.role) order by c.contact_id, c.role), '[]')
  from deal_contacts c where c.org_id = d.org_id and c.deal_id = d.id)`;

const distributorsOfD = dealDistributors('d');

/** Every column of deals, listed rather than `*` (see `prepared`); the row types check it is complete. */
const dealColumns = [
  'd.org_id',
  'd.id',
  'd.external_id',
  'd.name',
  'd.account_id',
  'd.primary_contact_id',
  'd.pipeline_id',
  'd.stage_id',
  'd.status',
  'd.amount',
  'd.currency',
  'd.expected_close_date',
  'd.closed_at',
  'd.owner_id',
  'd.source',
  'd.channel',
  'd.partner_account_id',
  'd.lost_reason',
  'd.next_step',
  'd.stage_entered_at',
  'd.created_by',
  'd.created_at',
  'd.updated_at',
  'd.deleted_at',
  'd.version',
  'd.path_unknown',
  'd.forecast_category',
] as const;

function selectRecords(db: DbExecutor) {
  return db
    .selectFrom('deals as d')
    .select(dealColumns)
    .select([
      lineItemsOfD.as('line_items'),
      contactRolesOfD.as('contact_roles'),
      distributorsOfD.as('distributor_account_ids'),
    ]);
}

const dealRecord = preparedQuery((db, { orgId, id }: { orgId: string; id: string }) =>
  selectRecords(db).where('d.org_id', '=', orgId).where('d.id', '=', id).where('d.deleted_at', 'is', null),
);

/** A live deal with its children, in one statement. */
export async function getDealRecord(db: DbExecutor, orgId: string, id: string): Promise<DealRecordRow | undefined> {
  const [row] = await dealRecord(db, { orgId, id });
  return row;
}

// A prepared statement: every change of a deal runs it.
const lockDealRow = preparedQuery((db, { orgId, id }: { orgId: string; id: string }) =>
  db.selectFrom('deals').select('id').where('org_id', '=', orgId).where('id', '=', id).forNoKeyUpdate(),
);

/**
 * Locks a deal's row until the transaction ends, so concurrent changes of it queue behind this one;
 * the record is then read in a statement of its own, which sees what the previous writer committed
 * (one statement that locked and read would read the line items as they were before it waited).
 */
export async function lockDeal(db: DbExecutor, orgId: string, id: string): Promise<void> {
  await lockDealRow(db, { orgId, id });
}

export async function insertDeal(db: DbExecutor, row: Omit<DealRow, 'version'>): Promise<DealRow> {
  return db.insertInto('deals').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Updates when the version still matches; otherwise throws 409 with the current version (or 404), see `updateVersioned`. */
export async function updateDeal(
  db: DbExecutor,
  orgId: string,
  id: string,
  version: number,
  patch: Partial<DealRow>,
): Promise<DealRow> {
  return updateVersioned(db, 'deals', { orgId, id, version }, patch);
}

const moveToStage = preparedQuery(
  (
    db,
    a: {
      orgId: string;
      id: string;
      version: number;
      pipelineId: string;
      stageId: string;
      status: string;
      at: Date;
      closedAt: Date | null;
      lostReason: string | null;
    },
  ) =>
    db
      .updateTable('deals as d')
      .set({
        pipeline_id: a.pipelineId,
        stage_id: a.stageId,
        status: a.status,
        stage_entered_at: a.at,
        closed_at: a.closedAt,
        lost_reason: a.lostReason,
        updated_at: a.at,
        version: sql<number>`d.version + 1`,
      })
      .where('d.org_id', '=', a.orgId)
      .where('d.id', '=', a.id)
      .where('d.version', '=', a.version)
      .where('d.deleted_at', 'is', null)
      .returning(dealColumns),
);

/** A stage move (the deal's hottest write), when the version still matches; otherwise throws as `updateVersioned` does. */
export async function moveDealToStage(
  db: DbExecutor,
  a: {
    orgId: string;
    id: string;
    version: number;
    pipelineId: string;
    stageId: string;
    status: string;
    at: Date;
    closedAt: Date | null;
    lostReason: string | null;
  },
): Promise<DealRow> {
  const [row] = await moveToStage(db, a);
  if (!row) throw await versionMissed(db, 'deals', a);
  return row;
}

export async function findDealByExternalId(
  db: DbExecutor,
  orgId: string,
  externalId: string,
): Promise<{ id: string } | undefined> {
  return db
    .selectFrom('deals')
    .select('id')
    .where('org_id', '=', orgId)
    .where('external_id', '=', externalId)
    .executeTakeFirst();
}

/** Line items of the deals, in position order. */
export async function listLineItems(db: DbExecutor, orgId: string, dealIds: readonly string[]): Promise<LineItemRow[]> {
  if (dealIds.length === 0) return [];
  return db
    .selectFrom('deal_line_items')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('deal_id', 'in', dealIds)
    .orderBy('deal_id')
    .orderBy('position')
    .execute();
}

/** Contact roles of the deals, in a stable order. */
export async function listContactRoles(
  db: DbExecutor,
  orgId: string,
  dealIds: readonly string[],
): Promise<DealContactRow[]> {
  if (dealIds.length === 0) return [];
  return db
    .selectFrom('deal_contacts')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('deal_id', 'in', dealIds)
    .orderBy('deal_id')
    .orderBy('contact_id')
    .orderBy('role')
    .execute();
}

export async function replaceLineItems(
  db: DbExecutor,
  orgId: string,
  dealId: string,
  rows: readonly NewLineItemRow[],
): Promise<void> {
  await db.deleteFrom('deal_line_items').where('org_id', '=', orgId).where('deal_id', '=', dealId).execute();
  if (rows.length)
    await db
      .insertInto('deal_line_items')
      .values([...rows])
      .execute();
}

export async function replaceContactRoles(
  db: DbExecutor,
  orgId: string,
  dealId: string,
  roles: readonly { contactId: string; role: string }[],
): Promise<void> {
  await db.deleteFrom('deal_contacts').where('org_id', '=', orgId).where('deal_id', '=', dealId).execute();
  if (roles.length) {
    await db
      .insertInto('deal_contacts')
      .values(roles.map((r) => ({ org_id: orgId, deal_id: dealId, contact_id: r.contactId, role: r.role })))
      .execute();
  }
}

/** Live contacts among `ids`, with what record scope needs. */
export async function getContacts(
  db: DbExecutor,
  orgId: string,
  ids: readonly string[],
): Promise<{ id: string; owner_id: string | null }[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('contacts')
    .select(['id', 'owner_id'])
    .where('org_id', '=', orgId)
    .where('id', 'in', ids)
    .where('deleted_at', 'is', null)
    .execute();
}

/**
 * Sort expressions. Nullable columns are coalesced so that keyset paging stays exact: a missing
 * amount sorts as -1 (below every amount), a missing expected close date as 9999-12-31.
 */
export const sortExpr: Record<DealSortKey, { expr: RawBuilder<unknown>; type: string }> = {
  created_at: { expr: sql`created_at`, type: 'timestamptz' },
  updated_at: { expr: sql`updated_at`, type: 'timestamptz' },
  name: { expr: sql`name`, type: 'text' },
  amount: { expr: sql`coalesce(amount, -1)`, type: 'numeric' },
  expected_close_date: { expr: sql`coalesce(expected_close_date, date '9999-12-31')`, type: 'date' },
};

function afterCursor(key: DealSortKey, order: 'asc' | 'desc', cursor: string): RawBuilder<SqlBool> {
  const [value, id] = decodeCursor(cursor);
  const { expr, type } = sortExpr[key];
  const op = sql.raw(order === 'asc' ? '>' : '<');
  return sql<SqlBool>`(${expr}, id) ${op} (cast(${value} as ${sql.raw(type)}), ${id}::uuid)`;
}

/** The filters of a deal list (everything but paging). */
export type DealFilters = Omit<ListDealsQuery, 'limit' | 'cursor'>;

/**
 * Live deals of the organization within the reader's scope that pass the list's filters: the one
 * place those conditions are written, shared by the list (pages of records) and the export (CSV
 * lines), so both select exactly the same deals.
 */
export function filteredDeals(db: DbExecutor, orgId: string, scope: Scope, q: DealFilters) {
  let b = db.selectFrom('deals as d').where('d.org_id', '=', orgId).where('d.deleted_at', 'is', null);
  const cond = scopeCondition(scope, 'd.owner_id', 'd.partner_account_id');
  if (cond) b = b.where(cond);
  if (q.pipelineId) b = b.where('pipeline_id', '=', q.pipelineId);
  if (q.stageId) b = b.where('stage_id', '=', q.stageId);
  if (q.status) b = b.where('status', '=', q.status);
  if (q.ownerId) b = b.where('owner_id', '=', q.ownerId);
  if (q.teamId) {
    const teamId = q.teamId;
    b = b.where('owner_id', 'in', (u) =>
      u.selectFrom('users').select('users.id').where('users.org_id', '=', orgId).where('users.team_id', '=', teamId),
    );
  }
  if (q.accountId) b = b.where('account_id', '=', q.accountId);
  if (q.contactId) {
    const contactId = q.contactId;
    b = b.where(
      sql<SqlBool>`(d.primary_contact_id = ${contactId} or exists (select 1 from deal_contacts dc where dc.org_id = d.org_id and dc.deal_id = d.id and dc.contact_id = ${contactId}))`,
    );
  }
  if (q.channel) b = b.where('channel', '=', q.channel);
  if (q.partnerAccountId) b = b.where('partner_account_id', '=', q.partnerAccountId);
  if (q.amountMin !== undefined) b = b.where(sql<SqlBool>`amount >= cast(${q.amountMin} as numeric)`);
  if (q.amountMax !== undefined) b = b.where(sql<SqlBool>`amount <= cast(${q.amountMax} as numeric)`);
  if (q.expectedCloseFrom) b = b.where(sql<SqlBool>`expected_close_date >= cast(${q.expectedCloseFrom} as date)`);
  if (q.expectedCloseTo) b = b.where(sql<SqlBool>`expected_close_date <= cast(${q.expectedCloseTo} as date)`);
  if (q.createdFrom) b = b.where('created_at', '>=', new Date(q.createdFrom));
  if (q.createdTo) b = b.where('created_at', '<', new Date(q.createdTo));
  if (q.closedFrom) b = b.where(sql<SqlBool>`(closed_at is null or closed_at >= ${new Date(q.closedFrom)})`);
  if (q.closedTo) b = b.where(sql<SqlBool>`(closed_at is null or closed_at < ${new Date(q.closedTo)})`);
  if (q.q) b = b.where('name', 'ilike', likePattern(q.q));
  return b;
}

/** Per stage and currency: how many deals pass the filters and the exact sum of their amounts. */
export async function stageTotals(
  db: DbExecutor,
  orgId: string,
  scope: Scope,
  q: DealFilters,
): Promise<{ stage_id: string; currency: string; count: number; sum: string | null }[]> {
  const rows = await filteredDeals(db, orgId, scope, q)
    .select([
      'd.stage_id',
      'd.currency',
      sql<string>`count(*)::int`.as('count'),
      sql<string | null>`sum(d.amount)::text`.as('sum'),
    ])
    .groupBy(['d.stage_id', 'd.currency'])
    .execute();
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}

/**
 * The bounds of the current fiscal month, quarter or year at `now` in the time zone, as instants:
 * local midnight of the period's first day, and of the next period's.
 */
export async function periodBounds(
  db: DbExecutor,
  now: Date,
  timezone: string,
  unit: 'month' | 'quarter' | 'year',
  fiscalYearStartMonth: number,
): Promise<{ from: Date; to: Date }> {
  const shift = sql.lit(`${fiscalYearStartMonth - 1} months`);
  const step = sql.lit(`1 ${unit === 'quarter' ? 'month' : unit}`);
  const steps = unit === 'quarter' ? sql.lit('3 months') : step;
  const local = sql`(cast(${now} as timestamptz) at time zone ${timezone})`;
  // A month needs no fiscal shift; a quarter or year starts in the fiscal year's first month.
  const start =
    unit === 'month'
      ? sql`date_trunc('month', ${local})`
      : sql`(date_trunc(${unit}, ${local} - interval ${shift}) + interval ${shift})`;
  const { rows } = await sql<{ from: Date; to: Date }>`
    select (${start}) at time zone ${timezone} as "from", (${start} + interval ${steps}) at time zone ${timezone} as "to"`.execute(
    db,
  );
  const row = rows[0];
  if (!row) throw new Error('period bounds: no row');
  return { from: new Date(row.from), to: new Date(row.to) };
}

/** A page of deals (limit + 1 rows, to tell whether more follow), each with its children. */
export async function listDeals(
  db: DbExecutor,
  orgId: string,
  scope: Scope,
  q: ListDealsQuery,
): Promise<(DealRecordRow & { sort_value: string })[]> {
  const { expr } = sortExpr[q.sort];
  // The sort value for the cursor as the database's text: exact (a timestamp to the microsecond,
  // where a Date keeps milliseconds and the next page would repeat the row).
  let b = filteredDeals(db, orgId, scope, q)
    .select(dealColumns)
    .select([
      lineItemsOfD.as('line_items'),
      contactRolesOfD.as('contact_roles'),
      distributorsOfD.as('distributor_account_ids'),
    ])
    .select(sql<string>`(${expr})::text`.as('sort_value'));
  if (q.cursor) b = b.where(afterCursor(q.sort, q.order, q.cursor));
  return b
    .orderBy(expr, q.order)
    .orderBy('id', q.order)
    .limit(q.limit + 1)
    .execute();
}

/** Two-tier: per deal, the distributors its registrations name (first-registered first). */
export async function listDealDistributors(
  db: DbExecutor,
  orgId: string,
  dealIds: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (dealIds.length === 0) return out;
  const rows = await db
    .selectFrom('deal_registrations')
    .select(['deal_id', 'distributor_account_id'])
    .select(sql<Date>`min(registered_at)`.as('first'))
    .where('org_id', '=', orgId)
    .where('deal_id', 'in', dealIds)
    .where('distributor_account_id', 'is not', null)
    .groupBy(['deal_id', 'distributor_account_id'])
    .orderBy('deal_id')
    .orderBy(sql`min(registered_at)`)
    .orderBy('distributor_account_id')
    .execute();
  for (const r of rows) {
    if (!r.deal_id || !r.distributor_account_id) continue;
    out.set(r.deal_id, [...(out.get(r.deal_id) ?? []), r.distributor_account_id]);
  }
  return out;
}
