import { sql, type RawBuilder } from 'kysely';
import type { DbExecutor } from '../../db/database.ts';
import { scopeCondition } from '../../db/scope.ts';
import type { Scope } from '../../contract/access.ts';

/** Which deals and events an export covers (resolved by the service). */
export interface ExportSelection {
  orgId: string;
  /** The actor's read scope on deals. */
  scope: Scope;
  pipelineId?: string | undefined;
  /** Business-time window of the events: calendar days in `timezone`, both inclusive. */
  from?: string | undefined;
  to?: string | undefined;
  timezone: string;
}

/** The deals an export covers: the organization's, not deleted, in scope, in the pipeline if one is named. */
function dealWhere(s: ExportSelection): RawBuilder<unknown> {
  const scope = scopeCondition(s.scope, 'd.owner_id', 'd.partner_account_id');
  return sql`d.org_id = ${s.orgId}::uuid and d.deleted_at is null
    and ${scope ?? sql`true`}
    and ${s.pipelineId ? sql`d.pipeline_id = ${s.pipelineId}::uuid` : sql`true`}`;
}

function eventWhere(s: ExportSelection): RawBuilder<unknown> {
  const at = sql`coalesce(e.business_time, e.occurred_at)`;
  return sql`e.org_id = ${s.orgId}::uuid and e.entity_type = 'deal'
    and ${s.from ? sql`${at} >= (cast(${s.from} as date)::timestamp at time zone ${s.timezone})` : sql`true`}
    and ${s.to ? sql`${at} < ((cast(${s.to} as date) + 1)::timestamp at time zone ${s.timezone})` : sql`true`}`;
}

/** The distinct event types of the export (OCEL declares them before the events). */
export async function exportEventTypes(db: DbExecutor, s: ExportSelection): Promise<string[]> {
  const r = await sql<{ type: string }>`
    select distinct e.type from events e join deals d on d.org_id = e.org_id and d.id = e.entity_id
    where ${eventWhere(s)} and ${dealWhere(s)} order by e.type`.execute(db);
  return r.rows.map((x) => x.type);
}

export interface ExportDealRow {
  id: string;
  name: string;
  amount: string | null;
  currency: string;
  status: string;
  pipelineName: string;
  stageName: string;
  accountId: string | null;
  ownerId: string | null;
  partnerAccountId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** One page of the covered deals, in id order after `afterId`. */
export async function exportDealsPage(
  db: DbExecutor,
  s: ExportSelection,
  afterId: string | null,
  limit: number,
): Promise<ExportDealRow[]> {
  const r = await sql<ExportDealRow>`
    select d.id, d.name, d.amount, trim(d.currency) as currency, d.status, p.name as "pipelineName", st.name as "stageName",
           d.account_id as "accountId", d.owner_id as "ownerId", d.partner_account_id as "partnerAccountId",
           d.created_at as "createdAt", d.updated_at as "updatedAt"
    from deals d
    join pipelines p on p.org_id = d.org_id and p.id = d.pipeline_id
    join stages st on st.org_id = d.org_id and st.id = d.stage_id
    where ${dealWhere(s)} and ${afterId ? sql`d.id > ${afterId}::uuid` : sql`true`}
    order by d.id limit ${limit}`.execute(db);
  return r.rows;
}

export interface ExportNamedRow {
  id: string;
  name: string;
  role: string | null;
}

/** One page of the accounts the covered deals name (as customer or as partner). */
export async function exportAccountsPage(
  db: DbExecutor,
  s: ExportSelection,
  afterId: string | null,
  limit: number,
): Promise<ExportNamedRow[]> {
  const r = await sql<ExportNamedRow>`
    select a.id, a.name, null as role from accounts a
    where a.org_id = ${s.orgId}::uuid and ${afterId ? sql`a.id > ${afterId}::uuid` : sql`true`}
      and exists (select 1 from deals d where (d.account_id = a.id or d.partner_account_id = a.id) and ${dealWhere(s)})
    order by a.id limit ${limit}`.execute(db);
  return r.rows;
}

/** One page of the organization's users (owners of deals and actors of events). */
export async function exportUsersPage(
  db: DbExecutor,
  s: ExportSelection,
  afterId: string | null,
  limit: number,
): Promise<ExportNamedRow[]> {
  const r = await sql<ExportNamedRow>`
    select u.id, u.name, u.role from users u
    where u.org_id = ${s.orgId}::uuid and ${afterId ? sql`u.id > ${afterId}::uuid` : sql`true`}
    order by u.id limit ${limit}`.execute(db);
  return r.rows;
}

export interface ExportEventRow {
  id: number;
  dealId: string;
  dealName: string;
  type: string;
  /** Business time: the historical time of imported history, otherwise the system time. */
  at: Date;
  occurredAt: Date;
  imported: boolean;
  /** The acting user, when it is a user of the organization (not the operator or the system). */
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  /** The stage entered, for deal.created and deal.stage_changed. */
  stageName: string | null;
}

/** One page of the covered events, ordered by deal and then event id, after the (dealId, id) key. */
export async function exportEventsPage(
  db: DbExecutor,
  s: ExportSelection,
  after: { dealId: string; id: number } | null,
  limit: number,
): Promise<ExportEventRow[]> {
  const r = await sql<ExportEventRow>`
    select e.id, e.entity_id as "dealId", d.name as "dealName", e.type, coalesce(e.business_time, e.occurred_at) as at,
           e.occurred_at as "occurredAt", e.imported, u.id as "actorId", u.name as "actorName", u.role as "actorRole", st.name as "stageName"
    from events e
    join deals d on d.org_id = e.org_id and d.id = e.entity_id
    left join users u on u.org_id = e.org_id and u.id = e.actor_id
    left join stages st on st.org_id = e.org_id and st.id = (case
        when e.type = 'deal.stage_changed' then e.data->'to'->>'stageId'
        when e.type <> 'deal.created' then null
        when e.version = 1 then e.data->'after'->>'stage_id'
        else e.data->'after'->>'stageId' end)::uuid
    where ${eventWhere(s)} and ${dealWhere(s)}
      and ${after ? sql`(e.entity_id, e.id) > (${after.dealId}::uuid, ${after.id}::bigint)` : sql`true`}
    order by e.entity_id, e.id limit ${limit}`.execute(db);
  return r.rows;
}

/** The organization's time zone (the export's days are its calendar days). */
export async function organizationTimezone(db: DbExecutor, orgId: string): Promise<string> {
  const r = await db.selectFrom('organizations').select('timezone').where('id', '=', orgId).executeTakeFirst();
  return r?.timezone ?? 'UTC';
}

/** Whether the organization has this pipeline. */
export async function pipelineExists(db: DbExecutor, orgId: string, pipelineId: string): Promise<boolean> {
  const r = await db
    .selectFrom('pipelines')
    .select('id')
    .where('org_id', '=', orgId)
    .where('id', '=', pipelineId)
    .executeTakeFirst();
  return r !== undefined;
}
