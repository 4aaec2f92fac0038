import { sql, type Insertable, type Updateable } from 'kysely';
import type { Scope } from '../../contract/access.ts';
import type { ListFundRequestsQuery } from '../../contract/partner-funds.ts';
import type { DbExecutor } from '../../db/database.ts';
import { afterCursor } from '../../db/list.ts';
import type { PartnerFundBudgetsTable, PartnerFundRequestsTable } from '../../db/schema-channel.ts';
import { updateVersioned } from '../../db/versioned.ts';

/** The partner account a scope limits rows to, or whether it lets every row (or none) through. */
function partnerFilter(scope: Scope): { kind: 'all' } | { kind: 'none' } | { kind: 'one'; id: string } {
  switch (scope.kind) {
    case 'all':
      return { kind: 'all' };
    case 'partner':
      return { kind: 'one', id: scope.partnerAccountId };
    case 'none':
    case 'owners':
    case 'agent':
      return { kind: 'none' };
  }
}

/** A budget with its partner's name and the sums of its requests by what they hold. */
export interface BudgetRow {
  id: string;
  partner_account_id: string;
  partner_name: string;
  period_start: string;
  period_end: string;
  amount: string;
  currency: string;
  committed: string;
  pending: string;
  paid: string;
  version: number;
}

const budgets = (db: DbExecutor, orgId: string, scope: Scope) => {
  const f = partnerFilter(scope);
  let q = db
    .selectFrom('partner_fund_budgets as b')
    .innerJoin('accounts as a', (j) => j.onRef('a.org_id', '=', 'b.org_id').onRef('a.id', '=', 'b.partner_account_id'))
    .select([
      'b.id',
      'b.partner_account_id',
      'a.name as partner_name',
      sql<string>`b.period_start::text`.as('period_start'),
      sql<string>`b.period_end::text`.as('period_end'),
      sql<string>`b.amount::text`.as('amount'),
      'b.currency',
      sql<string>`coalesce((select sum(case when r.status = 'approved' then r.amount else r.claimed_amount end)
        from partner_fund_requests r where r.org_id = b.org_id and r.budget_id = b.id
        and r.status in ('approved', 'claimed', 'paid')), 0)::numeric(20,2)::text`.as('committed'),
      sql<string>`coalesce((select sum(r.amount) from partner_fund_requests r
        where r.org_id = b.org_id and r.budget_id = b.id and r.status = 'requested'), 0)::numeric(20,2)::text`.as(
        'pending',
      ),
      sql<string>`coalesce((select sum(r.claimed_amount) from partner_fund_requests r
        where r.org_id = b.org_id and r.budget_id = b.id and r.status = 'paid'), 0)::numeric(20,2)::text`.as('paid'),
      'b.version',
    ])
    .where('b.org_id', '=', orgId);
  if (f.kind === 'one') q = q.where('b.partner_account_id', '=', f.id);
  if (f.kind === 'none') q = q.where(sql<boolean>`false`);
  return q;
};

export async function getBudget(
  db: DbExecutor,
  orgId: string,
  id: string,
  scope: Scope,
): Promise<BudgetRow | undefined> {
  return budgets(db, orgId, scope).where('b.id', '=', id).executeTakeFirst();
}

export async function listBudgets(
  db: DbExecutor,
  orgId: string,
  scope: Scope,
  q: { partnerAccountId?: string; on?: string },
): Promise<BudgetRow[]> {
  let b = budgets(db, orgId, scope);
  if (q.partnerAccountId) b = b.where('b.partner_account_id', '=', q.partnerAccountId);
  if (q.on) b = b.where('b.period_start', '<=', q.on).where('b.period_end', '>=', q.on);
  return b.orderBy('b.period_start', 'desc').orderBy('a.name').orderBy('b.id').limit(1000).execute();
}

/** The budget's own row, locked: every request, decision and claim on it takes the budget first. */
export async function lockBudget(db: DbExecutor, orgId: string, id: string) {
  return db
    .selectFrom('partner_fund_budgets')
    .select(['id', 'partner_account_id', sql<string>`amount::text`.as('amount'), 'currency', 'version'])
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .forNoKeyUpdate()
    .executeTakeFirst();
}

/** The partner's budget whose period overlaps the given days (inclusive), locked, if any. */
export async function overlappingBudget(
  db: DbExecutor,
  orgId: string,
  partnerAccountId: string,
  periodStart: string,
  periodEnd: string,
) {
  return db
    .selectFrom('partner_fund_budgets')
    .select(['id', sql<string>`period_start::text`.as('period_start'), sql<string>`period_end::text`.as('period_end')])
    .where('org_id', '=', orgId)
    .where('partner_account_id', '=', partnerAccountId)
    .where('period_start', '<=', periodEnd)
    .where('period_end', '>=', periodStart)
    .forNoKeyUpdate()
    .executeTakeFirst();
}

/** A partner account in the programme, with its tier's development funds (if it has a tier). */
export async function partnerWithTier(db: DbExecutor, orgId: string, accountId: string) {
  return db
    .selectFrom('partner_profiles as p')
    .innerJoin('accounts as a', (j) => j.onRef('a.org_id', '=', 'p.org_id').onRef('a.id', '=', 'p.account_id'))
    .leftJoin('partner_tiers as t', (j) => j.onRef('t.org_id', '=', 'p.org_id').onRef('t.id', '=', 'p.tier_id'))
    .select([
      'p.account_id',
      'a.name',
      't.name as tier_name',
      sql<string | null>`t.development_funds::text`.as('development_funds'),
      't.currency as tier_currency',
    ])
    .where('p.org_id', '=', orgId)
    .where('p.account_id', '=', accountId)
    .where('a.deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function insertBudget(db: DbExecutor, row: Insertable<PartnerFundBudgetsTable>): Promise<void> {
  await db.insertInto('partner_fund_budgets').values(row).execute();
}

export async function updateBudget(
  db: DbExecutor,
  orgId: string,
  id: string,
  version: number,
  patch: Updateable<PartnerFundBudgetsTable>,
): Promise<void> {
  await updateVersioned(db, 'partner_fund_budgets', { orgId, id, version }, patch);
}

export interface RequestRow {
  id: string;
  budget_id: string;
  partner_account_id: string;
  partner_name: string;
  activity: string;
  amount: string;
  currency: string;
  status: string;
  requested_by: string | null;
  requested_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  decision_note: string | null;
  claimed_amount: string | null;
  claim_proof: string | null;
  claimed_by: string | null;
  claimed_at: Date | null;
  paid_by: string | null;
  paid_at: Date | null;
  payment_reference: string | null;
  version: number;
}

const requests = (db: DbExecutor, orgId: string, scope: Scope) => {
  const f = partnerFilter(scope);
  let q = db
    .selectFrom('partner_fund_requests as r')
    .innerJoin('accounts as a', (j) => j.onRef('a.org_id', '=', 'r.org_id').onRef('a.id', '=', 'r.partner_account_id'))
    .select([
      'r.id',
      'r.budget_id',
      'r.partner_account_id',
      'a.name as partner_name',
      'r.activity',
      sql<string>`r.amount::text`.as('amount'),
      'r.currency',
      'r.status',
      'r.requested_by',
      'r.requested_at',
      'r.decided_by',
      'r.decided_at',
      'r.decision_note',
      sql<string | null>`r.claimed_amount::text`.as('claimed_amount'),
      'r.claim_proof',
      'r.claimed_by',
      'r.claimed_at',
      'r.paid_by',
      'r.paid_at',
      'r.payment_reference',
      'r.version',
    ])
    .where('r.org_id', '=', orgId);
  if (f.kind === 'one') q = q.where('r.partner_account_id', '=', f.id);
  if (f.kind === 'none') q = q.where(sql<boolean>`false`);
  return q;
};

export async function getRequest(
  db: DbExecutor,
  orgId: string,
  id: string,
  scope: Scope,
): Promise<RequestRow | undefined> {
  return requests(db, orgId, scope).where('r.id', '=', id).executeTakeFirst();
}

export async function listRequests(
  db: DbExecutor,
  orgId: string,
  scope: Scope,
  q: ListFundRequestsQuery,
): Promise<RequestRow[]> {
  let b = requests(db, orgId, scope);
  if (q.status) b = b.where('r.status', '=', q.status);
  if (q.partnerAccountId) b = b.where('r.partner_account_id', '=', q.partnerAccountId);
  if (q.budgetId) b = b.where('r.budget_id', '=', q.budgetId);
  if (q.cursor) b = b.where(afterCursor('r.requested_at', 'r.id', 'desc', q.cursor));
  return b
    .orderBy('r.requested_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(q.limit + 1)
    .execute();
}

export async function budgetOfRequest(db: DbExecutor, orgId: string, id: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('partner_fund_requests')
    .select('budget_id')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.budget_id;
}

export async function insertRequest(db: DbExecutor, row: Insertable<PartnerFundRequestsTable>): Promise<void> {
  await db.insertInto('partner_fund_requests').values(row).execute();
}

export async function updateRequest(
  db: DbExecutor,
  orgId: string,
  id: string,
  version: number,
  patch: Updateable<PartnerFundRequestsTable>,
): Promise<void> {
  await updateVersioned(db, 'partner_fund_requests', { orgId, id, version }, patch);
}
