import { sql, type Insertable, type RawBuilder, type Selectable, type Updateable } from 'kysely';
import type { Scope } from '../../contract/access.ts';
import type { ListCampaignsQuery, ListMembersQuery, ListTouchesQuery } from '../../contract/marketing.ts';
import type { DbExecutor } from '../../db/database.ts';
import { afterCursor, likePattern } from '../../db/list.ts';
import type {
  CampaignCostsTable,
  CampaignMembersTable,
  CampaignsTable,
  CampaignTouchesTable,
} from '../../db/schema.ts';
import { scopeCondition } from '../../db/scope.ts';
import { updateVersioned } from '../../db/versioned.ts';

export type CampaignRow = Selectable<CampaignsTable> & { actual_cost: string };
export type CampaignCostRow = Selectable<CampaignCostsTable>;
export type TouchRow = Selectable<CampaignTouchesTable>;
export type MemberRow = Selectable<CampaignMembersTable> & { name: string };

const actualCost = sql<string>`coalesce((select sum(cc.amount) from campaign_costs cc
  where cc.org_id = campaigns.org_id and cc.campaign_id = campaigns.id), 0)::text`.as('actual_cost');

const campaign = (db: DbExecutor, orgId: string, id: string) =>
  db
    .selectFrom('campaigns')
    .selectAll()
    .select(actualCost)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null);

export async function getCampaign(db: DbExecutor, orgId: string, id: string): Promise<CampaignRow | undefined> {
  return campaign(db, orgId, id).executeTakeFirst();
}

/** As `getCampaign`, locking the row until the transaction ends. */
export async function lockCampaign(db: DbExecutor, orgId: string, id: string): Promise<CampaignRow | undefined> {
  return campaign(db, orgId, id).forNoKeyUpdate().executeTakeFirst();
}

export async function insertCampaign(db: DbExecutor, row: Insertable<CampaignsTable>): Promise<void> {
  await db.insertInto('campaigns').values(row).execute();
}

export async function updateCampaign(
  db: DbExecutor,
  orgId: string,
  id: string,
  version: number,
  patch: Updateable<CampaignsTable>,
): Promise<void> {
  await updateVersioned(db, 'campaigns', { orgId, id, version }, patch);
}

/**
 * The ancestors of a campaign, nearest first, stopping at a repeat (a cycle already stored cannot
 * hang the walk). Used to refuse a parent that would make a cycle.
 */
export async function ancestorIds(db: DbExecutor, orgId: string, id: string): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    with recursive up(id, parent_id, depth, path) as (
      select id, parent_id, 0, array[id] from campaigns where org_id = ${orgId} and id = ${id}
      union all
      select c.id, c.parent_id, up.depth + 1, up.path || c.id
      from campaigns c join up on c.org_id = ${orgId} and c.id = up.parent_id
      where not c.id = any(up.path)
    )
    select id from up order by depth`.execute(db);
  return rows.map((r) => r.id);
}

/** Whether a live campaign has live children (a parent is not deleted from under them). */
export async function hasChildren(db: DbExecutor, orgId: string, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('campaigns')
    .select('id')
    .where('org_id', '=', orgId)
    .where('parent_id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

/** A live campaign of the organization with this UTM campaign code (case-insensitive), other than `exceptId`. */
export async function campaignWithUtm(
  db: DbExecutor,
  orgId: string,
  utmCampaign: string,
  exceptId: string | null,
): Promise<string | undefined> {
  let b = db
    .selectFrom('campaigns')
    .select('id')
    .where('org_id', '=', orgId)
    .where('deleted_at', 'is', null)
    .where(sql<boolean>`lower(utm_campaign) = lower(${utmCampaign})`);
  if (exceptId) b = b.where('id', '<>', exceptId);
  return (await b.executeTakeFirst())?.id;
}

export async function listCampaigns(db: DbExecutor, orgId: string, q: ListCampaignsQuery): Promise<CampaignRow[]> {
  let b = db
    .selectFrom('campaigns')
    .selectAll()
    .select(actualCost)
    .where('org_id', '=', orgId)
    .where('deleted_at', 'is', null);
  if (q.type) b = b.where('type', '=', q.type);
  if (q.status) b = b.where('status', '=', q.status);
  if (q.parentId) b = b.where('parent_id', '=', q.parentId);
  if (q.topLevel) b = b.where('parent_id', q.topLevel === 'true' ? 'is' : 'is not', null);
  if (q.q) {
    const pat = likePattern(q.q);
    b = b.where((eb) => eb.or([eb('name', 'ilike', pat), eb('utm_campaign', 'ilike', pat)]));
  }
  if (q.cursor) b = b.where(afterCursor(q.sort, 'id', q.order, q.cursor));
  return b
    .orderBy(q.sort, q.order)
    .orderBy('id', q.order)
    .limit(q.limit + 1)
    .execute();
}

// ---- Costs ----

export async function insertCost(db: DbExecutor, row: Insertable<CampaignCostsTable>): Promise<CampaignCostRow> {
  return db.insertInto('campaign_costs').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function deleteCost(
  db: DbExecutor,
  orgId: string,
  campaignId: string,
  id: string,
): Promise<CampaignCostRow | undefined> {
  return db
    .deleteFrom('campaign_costs')
    .where('org_id', '=', orgId)
    .where('campaign_id', '=', campaignId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/** Cost entries of a campaign by date (a campaign has tens of them, not thousands: bounded at 1000). */
export async function listCosts(db: DbExecutor, orgId: string, campaignId: string): Promise<CampaignCostRow[]> {
  return db
    .selectFrom('campaign_costs')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('campaign_id', '=', campaignId)
    .orderBy('incurred_on')
    .orderBy('id')
    .limit(1000)
    .execute();
}

// ---- People, touches and members ----

/** The owner and name of a live lead or contact (for the access check and the member list). */
export async function getPerson(
  db: DbExecutor,
  orgId: string,
  type: 'lead' | 'contact',
  id: string,
): Promise<{ id: string; owner_id: string | null } | undefined> {
  return db
    .selectFrom(type === 'lead' ? 'leads' : 'contacts')
    .select(['id', 'owner_id'])
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function insertTouch(db: DbExecutor, row: Insertable<CampaignTouchesTable>): Promise<TouchRow> {
  return db.insertInto('campaign_touches').values(row).returningAll().executeTakeFirstOrThrow();
}

/** The owner condition of touches/members by their person, for the actor's scopes over leads and contacts. */
function personScope(
  leadScope: Scope,
  contactScope: Scope,
  leadId: RawBuilder<unknown>,
  contactId: RawBuilder<unknown>,
) {
  const lead = scopeCondition(leadScope, 'sl.owner_id') ?? sql`true`;
  const contact = scopeCondition(contactScope, 'sc.owner_id') ?? sql`true`;
  return sql<boolean>`(
    (${leadId} is not null and exists (select 1 from leads sl where sl.org_id = t.org_id and sl.id = ${leadId} and sl.deleted_at is null and ${lead}))
    or (${contactId} is not null and exists (select 1 from contacts sc where sc.org_id = t.org_id and sc.id = ${contactId} and sc.deleted_at is null and ${contact})))`;
}

/** Touches of a campaign, or of one person, newest first, within the actor's person scopes. */
export async function listTouches(
  db: DbExecutor,
  orgId: string,
  by: { campaignId: string } | { leadId: string } | { contactId: string },
  scopes: { lead: Scope; contact: Scope },
  q: ListTouchesQuery,
): Promise<TouchRow[]> {
  let b = db
    .selectFrom('campaign_touches as t')
    .selectAll('t')
    .where('t.org_id', '=', orgId)
    .where(personScope(scopes.lead, scopes.contact, sql.ref('t.lead_id'), sql.ref('t.contact_id')));
  if ('campaignId' in by) b = b.where('t.campaign_id', '=', by.campaignId);
  else if ('leadId' in by) b = b.where('t.lead_id', '=', by.leadId);
  else b = b.where('t.contact_id', '=', by.contactId);
  if (q.cursor) b = b.where(afterCursor('t.touched_at', 't.id', 'desc', q.cursor));
  return b
    .orderBy('t.touched_at', 'desc')
    .orderBy('t.id', 'desc')
    .limit(q.limit + 1)
    .execute();
}

export async function getMember(
  db: DbExecutor,
  orgId: string,
  campaignId: string,
  personId: string,
): Promise<Selectable<CampaignMembersTable> | undefined> {
  return db
    .selectFrom('campaign_members')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('campaign_id', '=', campaignId)
    .where('person_id', '=', personId)
    .forNoKeyUpdate()
    .executeTakeFirst();
}

export async function upsertMember(db: DbExecutor, row: Insertable<CampaignMembersTable>): Promise<void> {
  await db
    .insertInto('campaign_members')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['org_id', 'campaign_id', 'person_id']).doUpdateSet({
        status: row.status,
        first_touch_at: row.first_touch_at ?? null,
        last_touch_at: row.last_touch_at ?? null,
        touches: row.touches ?? 0,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

/** Members of a campaign with their names, by name, within the actor's person scopes. */
export async function listMembers(
  db: DbExecutor,
  orgId: string,
  campaignId: string,
  scopes: { lead: Scope; contact: Scope },
  q: ListMembersQuery,
): Promise<MemberRow[]> {
  const name = sql<string>`coalesce(
    (select trim(coalesce(l.first_name, '') || ' ' || l.last_name) from leads l where l.org_id = t.org_id and l.id = t.person_id),
    (select trim(coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '')) from contacts c where c.org_id = t.org_id and c.id = t.person_id),
    '')`;
  let b = db
    .selectFrom('campaign_members as t')
    .selectAll('t')
    .select(name.as('name'))
    .where('t.org_id', '=', orgId)
    .where('t.campaign_id', '=', campaignId)
    .where(
      personScope(
        scopes.lead,
        scopes.contact,
        sql`(case when t.person_type = 'lead' then t.person_id end)`,
        sql`(case when t.person_type = 'contact' then t.person_id end)`,
      ),
    );
  if (q.status) b = b.where('t.status', '=', q.status);
  if (q.cursor) b = b.where(afterCursor('t.person_id', 't.person_id', 'asc', q.cursor));
  return b
    .orderBy('t.person_id')
    .limit(q.limit + 1)
    .execute();
}

/** The organization's base currency (a campaign's default). */
export async function baseCurrency(db: DbExecutor, orgId: string): Promise<string> {
  const row = await db
    .selectFrom('organizations')
    .select('base_currency')
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
  return row.base_currency.trim();
}

/** The role of an active user of the organization, or undefined. */
export async function activeUserRole(db: DbExecutor, orgId: string, id: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('users')
    .select(['role', 'active'])
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.active ? row.role : undefined;
}
