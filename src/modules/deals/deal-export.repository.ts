import { sql, type CompiledQuery, type RawBuilder, type SqlBool } from 'kysely';
import { copyOutLines } from '../../db/copy-out.ts';
import { dealDistributors } from '../../db/scope.ts';
import type { DbExecutor } from '../../db/database.ts';
import type { Scope } from '../../contract/access.ts';
import type { DealDto, DealSortKey } from '../../contract/deals.ts';
import { filteredDeals, sortExpr, type DealFilters } from './deals.repository.ts';

/*
 * Deals as lines of the export's CSV file, formatted by the database: the export of a million deals
 * then costs Node a string per deal instead of a row object, four Dates and twenty-five cells.
 * Every cell is written exactly as `exportLines` (src/domain/record-export.ts) writes the deal's DTO
 * (`toDealDto`): the tests compare both on the same deals.
 */

// JavaScript's \s, so that a cell with leading or trailing white space is quoted as formatCsvRow quotes it.
const JS_SPACE = '\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
const NEEDS_QUOTES = `[",\r\n;]|^[${JS_SPACE}]|[${JS_SPACE}]$`;

/** A text cell: quoted (quotes doubled) when formatCsvRow would quote it; null as empty. */
const text = (col: string): RawBuilder<string> => {
  const c = sql.ref(col);
  return sql<string>`coalesce(case when ${c} ~ ${NEEDS_QUOTES} then '"' || replace(${c}, '"', '""') || '"' else ${c} end, '')`;
};
/** A cell that never needs quotes (ids, numbers, constrained codes); null as empty. */
const plain = (col: string): RawBuilder<string> => sql<string>`coalesce(${sql.ref(col)}::text, '')`;
/** An instant as Date.toISOString() writes it (milliseconds, UTC). */
const instant = (col: string): RawBuilder<string> =>
  sql<string>`coalesce(to_char(${sql.ref(col)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), '')`;

// The net total of a line as lineNetTotal computes it: quantity × price × (1 − discount/100), rounded half away from zero.
const netOfL = sql`round(l.quantity * l.unit_price * (100 - l.discount_percent) / 100, 2)`;

/*
 * The children cells. Most deals have no lines or roles: an index-only EXISTS probe settles those
 * without setting up the ordered aggregate (a quarter less database CPU on the benchmark's deals).
 */
/** The two adjacent cells lineItems (JSON, quoted) and lineItemsTotal, from one scan of the deal's lines. */
const lineItemsCells = sql<string>`case when not exists (select from deal_line_items l where l.org_id = d.org_id and l.deal_id = d.id) then '[],0.00' else (select coalesce('"[' || string_agg('{""id"":""' || l.id || '"",""productId"":""' || l.product_id || '"",""position"":' || l.position
      || ',""quantity"":""' || l.quantity || '"",""unitPrice"":""' || l.unit_price || '"",""discountPercent"":""' || l.discount_percent
      || '"",""netTotal"":""' || ${netOfL} || '""}', ',' order by l.position) || ']"', '[]') || ',' || round(coalesce(sum(${netOfL}), 0), 2)
  from deal_line_items l where l.org_id = d.org_id and l.deal_id = d.id) end`;
const contactRolesCell = sql<string>`case when not exists (select from deal_contacts c where c.org_id = d.org_id and c.deal_id = d.id) then '[]' else (select coalesce('"[' || string_agg('{""contactId"":""' || c.contact_id || '"",""role"":""' || c.role || '""}', ',' order by c.contact_id, c.role) || ']"', '[]')
  from deal_contacts c where c.org_id = d.org_id and c.deal_id = d.id) end`;

/*
 * The same two cells for a whole export at once: the line items and contact roles of every deal
 * of the organization aggregated in one pass each, joined to the deals by hash, instead of two
 * index probes per deal. A deal without any takes the empty cells.
 */
const lineItemsByDeal = (orgId: string) =>
  sql<{
    deal_id: string;
    cell: string;
  }>`(select l.deal_id, '"[' || string_agg('{""id"":""' || l.id || '"",""productId"":""' || l.product_id || '"",""position"":' || l.position
      || ',""quantity"":""' || l.quantity || '"",""unitPrice"":""' || l.unit_price || '"",""discountPercent"":""' || l.discount_percent
      || '"",""netTotal"":""' || ${netOfL} || '""}', ',' order by l.position) || ']",' || round(coalesce(sum(${netOfL}), 0), 2) as cell
    from deal_line_items l where l.org_id = ${orgId} group by l.deal_id)`;
const contactRolesByDeal = (orgId: string) =>
  sql<{
    deal_id: string;
    cell: string;
  }>`(select c.deal_id, '"[' || string_agg('{""contactId"":""' || c.contact_id || '"",""role"":""' || c.role || '""}', ',' order by c.contact_id, c.role) || ']"' as cell
    from deal_contacts c where c.org_id = ${orgId} group by c.deal_id)`;

/** The cells of a deal line, in the order of the DTO's fields (`dealSchema`); lineItems carries lineItemsTotal too. */
const cellsWith = (
  lineItems: RawBuilder<string>,
  contactRoles: RawBuilder<string>,
): readonly [keyof DealDto, RawBuilder<string> | null][] => [
  ['id', plain('d.id')],
  ['externalId', text('d.external_id')],
  ['name', text('d.name')],
  ['accountId', plain('d.account_id')],
  ['primaryContactId', plain('d.primary_contact_id')],
  ['contactRoles', contactRoles],
  ['pipelineId', plain('d.pipeline_id')],
  ['stageId', plain('d.stage_id')],
  ['status', plain('d.status')],
  ['amount', plain('d.amount')],
  [
    'currency',
    sql<string>`coalesce(case when btrim(d.currency) ~ ${NEEDS_QUOTES} then '"' || replace(btrim(d.currency), '"', '""') || '"' else btrim(d.currency) end, '')`,
  ],
  ['expectedCloseDate', sql<string>`coalesce(to_char(d.expected_close_date, 'YYYY-MM-DD'), '')`],
  ['closedAt', instant('d.closed_at')],
  ['ownerId', plain('d.owner_id')],
  ['source', text('d.source')],
  ['channel', plain('d.channel')],
  ['partnerAccountId', plain('d.partner_account_id')],
  // Two-tier: the first distributor its registrations name (dealDistributors' first).
  ['distributorAccountId', sql<string>`coalesce(${dealDistributors('d')}->>0, '')`],
  ['lostReason', text('d.lost_reason')],
  ['nextStep', text('d.next_step')],
  ['forecastCategory', plain('d.forecast_category')],
  ['stageEnteredAt', instant('d.stage_entered_at')],
  ['lineItems', lineItems],
  ['lineItemsTotal', null],
  ['createdAt', instant('d.created_at')],
  ['updatedAt', instant('d.updated_at')],
  ['version', plain('d.version')],
];

const cells = cellsWith(lineItemsCells, contactRolesCell);

/** The fields of a deal line, in order; the export checks them against the DTO's schema. */
export const dealCsvFields: readonly string[] = cells.map(([field]) => field);

const lineOf = (parts: readonly [keyof DealDto, RawBuilder<string> | null][]) =>
  sql<string>`concat_ws(',', ${sql.join(parts.flatMap(([, cell]) => (cell ? [cell] : [])))}) || E'\\r\\n'`;
const line = lineOf(cells);
const joinedLine = lineOf(cellsWith(sql<string>`coalesce(li.cell, '[],0.00')`, sql<string>`coalesce(cr.cell, '[]')`));

/** Where a page of the export ended: the sort value (as text, exact) and the id of its last deal. */
export interface DealKey {
  sortValue: string;
  id: string;
}

function afterKey(key: DealSortKey, order: 'asc' | 'desc', after: DealKey): RawBuilder<SqlBool> {
  const { expr, type } = sortExpr[key];
  const op = sql.raw(order === 'asc' ? '>' : '<');
  return sql<SqlBool>`(${expr}, d.id) ${op} (cast(${after.sortValue} as ${sql.raw(type)}), ${after.id}::uuid)`;
}

/**
 * Up to `limit` deals of the list query after `after` (keyset, in the list's order), each as one
 * CSV line ending in CRLF, with the key to continue from.
 */
export async function dealCsvLines(
  db: DbExecutor,
  orgId: string,
  scope: Scope,
  q: DealFilters,
  limit: number,
  after: DealKey | null,
): Promise<{ line: string; sort_value: string; last_id: string }[]> {
  const { expr } = sortExpr[q.sort];
  let b = filteredDeals(db, orgId, scope, q).select([
    line.as('line'),
    sql<string>`(${expr})::text`.as('sort_value'),
    sql<string>`d.id::text`.as('last_id'),
  ]);
  if (after) b = b.where(afterKey(q.sort, q.order, after));
  return b.orderBy(expr, q.order).orderBy('d.id', q.order).limit(limit).execute();
}

/**
 * The rest of a list query after `after` (or all of it), in the list's order, as one statement
 * whose rows are CSV lines: the children of all deals aggregated once and hash-joined (see
 * lineItemsByDeal). Meant to be read with `readDealCsvQuery`, for exports too large for one page.
 */
export function dealCsvQuery(
  db: DbExecutor,
  orgId: string,
  scope: Scope,
  q: DealFilters,
  after: DealKey | null,
): CompiledQuery<{ line: string }> {
  const { expr } = sortExpr[q.sort];
  let b = filteredDeals(db, orgId, scope, q)
    .leftJoin(lineItemsByDeal(orgId).as('li'), 'li.deal_id', 'd.id')
    .leftJoin(contactRolesByDeal(orgId).as('cr'), 'cr.deal_id', 'd.id')
    .select(joinedLine.as('line'));
  if (after) b = b.where(afterKey(q.sort, q.order, after));
  return b.orderBy(expr, q.order).orderBy('d.id', q.order).compile();
}

/**
 * The lines of `dealCsvQuery` as the server formats them, through COPY TO STDOUT in a read-only
 * transaction of its own (PostgreSQL server only): chunks of whole lines as bytes, with their
 * count. JIT compilation is off for it: compiling the twenty-five cell expressions cost about a
 * second and a half per million deals and won nothing back.
 */
export async function* readDealCsvQuery(
  db: DbExecutor,
  query: CompiledQuery<{ line: string }>,
): AsyncGenerator<{ data: Buffer; rows: number }> {
  const trx = await db.startTransaction().setAccessMode('read only').execute();
  let done = false;
  try {
    await sql`set local jit = off`.execute(trx);
    yield* copyOutLines(trx, query);
    done = true;
  } finally {
    // A reader that stops early (a closed download) ends here too: nothing was written either way.
    if (done) await trx.commit().execute();
    else
      await trx
        .rollback()
        .execute()
        .catch(() => undefined);
  }
}
