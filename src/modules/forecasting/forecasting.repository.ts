import { sql, type Insertable, type Selectable } from 'kysely';
import type { DbExecutor } from '../../db/database.ts';
import type { ForecastSubmissionsTable, QuotasTable } from '../../db/schema.ts';

export type SubmissionRow = Selectable<ForecastSubmissionsTable>;
export type QuotaRow = Selectable<QuotasTable>;

export interface OrgCalendar {
  baseCurrency: string;
  timezone: string;
  fiscalYearStartMonth: number;
}

export async function orgCalendar(db: DbExecutor, orgId: string): Promise<OrgCalendar> {
  const r = await db
    .selectFrom('organizations')
    .select(['base_currency', 'timezone', 'fiscal_year_start_month'])
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
  return { baseCurrency: r.base_currency, timezone: r.timezone, fiscalYearStartMonth: r.fiscal_year_start_month };
}

/** The organization's day (`YYYY-MM-DD`) at an instant, in its time zone. */
export async function dayInZone(db: DbExecutor, at: Date, timezone: string): Promise<string> {
  const r = await sql<{
    day: string;
  }>`select to_char(cast(${at} as timestamptz) at time zone ${timezone}, 'YYYY-MM-DD') as day`.execute(db);
  return r.rows[0]?.day ?? at.toISOString().slice(0, 10);
}

export interface OpenForecastDealRow {
  id: string;
  owner_id: string;
  name: string;
  amount: string;
  currency: string;
  expected_close_date: string;
  category: string;
  probability: number;
}

/** Open deals of these owners expected to close in the period (a deal's own category, else its stage's). */
export async function openDealsInPeriod(
  db: DbExecutor,
  orgId: string,
  ownerIds: readonly string[],
  startsOn: string,
  endsOn: string,
): Promise<OpenForecastDealRow[]> {
  if (ownerIds.length === 0) return [];
  const r = await sql<OpenForecastDealRow>`
    select d.id, d.owner_id, d.name, coalesce(d.amount, 0)::text as amount, d.currency,
           to_char(d.expected_close_date, 'YYYY-MM-DD') as expected_close_date,
           coalesce(d.forecast_category, s.forecast_category) as category, s.probability
    from deals d join stages s on s.org_id = d.org_id and s.id = d.stage_id
    where d.org_id = ${orgId} and d.deleted_at is null and d.status = 'open'
      and d.owner_id = any(${ownerIds}::uuid[])
      and d.expected_close_date >= cast(${startsOn} as date) and d.expected_close_date < cast(${endsOn} as date)
    order by d.expected_close_date, d.name, d.id`.execute(db);
  return r.rows;
}

export interface WonDealRow {
  id: string;
  owner_id: string;
  amount: string;
}

/** Deals of these owners won in the period (their close day in the time zone), in the currency. */
export async function wonDealsInPeriod(
  db: DbExecutor,
  orgId: string,
  ownerIds: readonly string[],
  p: { startsOn: string; endsOn: string; timezone: string; currency: string },
): Promise<WonDealRow[]> {
  if (ownerIds.length === 0) return [];
  const r = await sql<WonDealRow>`
    select d.id, d.owner_id, coalesce(d.amount, 0)::text as amount
    from deals d
    where d.org_id = ${orgId} and d.deleted_at is null and d.status = 'won' and d.currency = ${p.currency}
      and d.owner_id = any(${ownerIds}::uuid[])
      and d.closed_at >= (cast(${p.startsOn} as date)::timestamp at time zone ${p.timezone})
      and d.closed_at < (cast(${p.endsOn} as date)::timestamp at time zone ${p.timezone})
    order by d.id`.execute(db);
  return r.rows;
}

export interface PersonRow {
  id: string;
  name: string;
  role: string;
  team_id: string | null;
}

export async function people(db: DbExecutor, orgId: string, ids: readonly string[]): Promise<PersonRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('users')
    .select(['id', 'name', 'role', 'team_id'])
    .where('org_id', '=', orgId)
    .where('id', 'in', ids)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

/** Active users with deals of their own to forecast (reps and managers) among these ids, by name. */
export async function forecasters(db: DbExecutor, orgId: string, ids: readonly string[] | 'all'): Promise<PersonRow[]> {
  let q = db
    .selectFrom('users')
    .select(['id', 'name', 'role', 'team_id'])
    .where('org_id', '=', orgId)
    .where('active', '=', true)
    .where('role', 'in', ['rep', 'manager']);
  if (ids !== 'all') {
    if (ids.length === 0) return [];
    q = q.where('id', 'in', ids);
  }
  return q.orderBy('name').orderBy('id').execute();
}

export async function teams(db: DbExecutor, orgId: string, ids: readonly string[] | 'all') {
  let q = db
    .selectFrom('teams')
    .select(['id', 'name', 'manager_id'])
    .where('org_id', '=', orgId)
    .where('deleted_at', 'is', null);
  if (ids !== 'all') {
    if (ids.length === 0) return [];
    q = q.where('id', 'in', ids);
  }
  return q.orderBy('name').orderBy('id').execute();
}

/** Active users of a team. */
export async function teamMembers(db: DbExecutor, orgId: string, teamId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('org_id', '=', orgId)
    .where('team_id', '=', teamId)
    .where('active', '=', true)
    .execute();
  return rows.map((r) => r.id);
}

export async function insertSubmission(
  db: DbExecutor,
  row: Insertable<ForecastSubmissionsTable>,
): Promise<SubmissionRow> {
  return db.insertInto('forecast_submissions').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Submissions of a period, newest first, of these users (or all). */
export async function listSubmissions(
  db: DbExecutor,
  orgId: string,
  period: string,
  userIds: readonly string[] | 'all',
): Promise<SubmissionRow[]> {
  let q = db.selectFrom('forecast_submissions').selectAll().where('org_id', '=', orgId).where('period', '=', period);
  if (userIds !== 'all') {
    if (userIds.length === 0) return [];
    q = q.where('user_id', 'in', userIds);
  }
  return q.orderBy('submitted_at', 'desc').orderBy('id', 'desc').limit(1000).execute();
}

/** The latest submission of each of these users in the period, of one kind. */
export async function latestSubmissions(
  db: DbExecutor,
  orgId: string,
  period: string,
  kind: 'rep' | 'rollup',
  userIds: readonly string[],
): Promise<SubmissionRow[]> {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('forecast_submissions')
    .selectAll()
    .distinctOn('user_id')
    .where('org_id', '=', orgId)
    .where('period', '=', period)
    .where('kind', '=', kind)
    .where('user_id', 'in', userIds)
    .orderBy('user_id')
    .orderBy('submitted_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function lockQuota(
  db: DbExecutor,
  orgId: string,
  period: string,
  target: { userId?: string; teamId?: string },
): Promise<QuotaRow | undefined> {
  let q = db.selectFrom('quotas').selectAll().where('org_id', '=', orgId).where('period', '=', period);
  q = target.userId ? q.where('user_id', '=', target.userId) : q.where('team_id', '=', target.teamId ?? '');
  return q.forNoKeyUpdate().executeTakeFirst();
}

export async function insertQuota(db: DbExecutor, row: Insertable<QuotasTable>): Promise<QuotaRow> {
  return db.insertInto('quotas').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateQuotaAmount(
  db: DbExecutor,
  orgId: string,
  id: string,
  amount: string,
  setBy: string,
  at: Date,
): Promise<QuotaRow> {
  return db
    .updateTable('quotas')
    .set((eb) => ({ amount, set_by: setBy, updated_at: at, version: eb('version', '+', 1) }))
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listQuotas(db: DbExecutor, orgId: string, period: string): Promise<QuotaRow[]> {
  return db
    .selectFrom('quotas')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('period', '=', period)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
