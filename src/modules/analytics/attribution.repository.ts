import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { attributionDealScope, type Actor } from '../../contract/access.ts';
import type { AnalyticsFilters } from '../../contract/analytics.ts';
import type { DbExecutor } from '../../db/database.ts';
import { dealConditions } from './analytics.repository.ts';

/**
 * The deals attribution credits (alias `d`): the shared filters but the date range (which applies
 * to the conversion instants instead), over the actor's attribution scope, in one pipeline if named.
 */
export function attributionDealWhere(actor: Actor, filters: AnalyticsFilters): RawBuilder<SqlBool> {
  const base = dealConditions(actor, { ...filters, from: undefined, to: undefined }, 'd', attributionDealScope(actor));
  return filters.pipelineId ? sql<SqlBool>`${base} and d.pipeline_id = ${filters.pipelineId}::uuid` : base;
}

/**
 * The people campaigns touch, as one key each: a lead converted into a contact is that contact, so
 * the touches of the lead before and of the contact after make one journey. Touches at or after
 * `asOf` are left out (credit as it stood then).
 */
const personTouches = (orgId: string, asOf: Date) => sql`
  select coalesce(l.converted_contact_id, t.contact_id, t.lead_id) as person, t.campaign_id, t.touched_at, t.lead_id
  from campaign_touches t
  left join leads l on l.org_id = t.org_id and l.id = t.lead_id
  where t.org_id = ${orgId}::uuid and t.touched_at < ${asOf}`;

/** The people on each deal: its primary contact, its contacts with a role, and the lead it was converted from. */
const dealPeople = (orgId: string) => sql`
  select d.id as deal_id, d.primary_contact_id as person from deals d
    where d.org_id = ${orgId}::uuid and d.primary_contact_id is not null
  union
  select dc.deal_id, dc.contact_id from deal_contacts dc where dc.org_id = ${orgId}::uuid
  union
  select l.converted_deal_id, coalesce(l.converted_contact_id, l.id) from leads l
    where l.org_id = ${orgId}::uuid and l.converted_deal_id is not null`;

/** An instant in epoch milliseconds, truncated as a JavaScript Date would hold it. */
const epochMs = (column: RawBuilder<unknown>) => sql`floor(extract(epoch from ${column}) * 1000)::int8`;
const touchedMs = epochMs(sql.ref('pt.touched_at'));

export interface AttributionDealRow {
  id: string;
  amount: string | null;
  currency: string;
  status: string;
  /** Instants in epoch milliseconds (as float8, exact for these): a number parses far faster than a date. */
  created_ms: number;
  closed_ms: number | null;
  lead_ms: number | null;
}

/**
 * One person's touches, unordered, packed as `n:ms,n:ms,…`: `n` is the campaign's index in
 * `campaignIds`, `ms` the touch time in epoch milliseconds. A million touches arrive as one row per
 * person instead of one per touch, which is what makes reading them fast.
 */
export interface PackedPersonRow {
  person: string;
  touches: string;
}

/** A person on a deal in scope (each pair once). */
export interface DealPersonRow {
  deal_id: string;
  person: string;
}

/**
 * What attribution reads as of an instant: the deals created before it (within `dealWhere`, on
 * alias `d`), the touches of every person campaigns touched before it, packed (see
 * `PackedPersonRow`), and the people on each of those deals. A deal's journey is the touches of its
 * people; a person on none of the deals has a journey of their own.
 */
export async function attributionData(
  db: DbExecutor,
  orgId: string,
  dealWhere: RawBuilder<SqlBool>,
  asOf: Date,
): Promise<{
  deals: AttributionDealRow[];
  campaignIds: string[];
  people: PackedPersonRow[];
  dealPeople: DealPersonRow[];
}> {
  // Set-based throughout (no per-deal or per-touch subquery). Touches come unordered: journeys
  // order them. People meet deals in memory, not in the server: joining the packed touches to the
  // deals' people and packing them again per deal took the server longer than reading the touches.
  const deals = await sql<AttributionDealRow>`
    with lead_at as (
      select l.converted_deal_id as deal_id, min(l.created_at) as lead_at from leads l
      where l.org_id = ${orgId}::uuid and l.converted_deal_id is not null
      group by l.converted_deal_id
    )
    select d.id, d.amount, d.currency, d.status, ${epochMs(sql.ref('d.created_at'))}::float8 as created_ms,
      ${epochMs(sql.ref('d.closed_at'))}::float8 as closed_ms, ${epochMs(sql.ref('la.lead_at'))}::float8 as lead_ms
    from deals d left join lead_at la on la.deal_id = d.id
    where ${dealWhere} and d.created_at < ${asOf}
    order by d.created_at, d.id`.execute(db);
  const campaigns = await sql<{ id: string }>`
    select id from campaigns where org_id = ${orgId}::uuid order by id`.execute(db);
  // The planner takes every touch for a person of its own, so under the stock work_mem it sorts or
  // hashes the packing in many batches on disk; more memory for this transaction only (nothing
  // changes outside one, where set_config(…, true) ends with the statement).
  await sql`select set_config('work_mem', '64MB', true)`.execute(db);
  const people = await sql<PackedPersonRow>`
    with numbered as (
      select id, (row_number() over (order by id) - 1)::int as n from campaigns where org_id = ${orgId}::uuid
    )
    select pt.person, string_agg(c.n::text || ':' || ${touchedMs}::text, ',') as touches
    from (${personTouches(orgId, asOf)}) pt join numbered c on c.id = pt.campaign_id
    group by pt.person`.execute(db);
  const peopleOnDeals = await sql<DealPersonRow>`
    select dp.deal_id, dp.person from (${dealPeople(orgId)}) dp
    join deals d on d.org_id = ${orgId}::uuid and d.id = dp.deal_id
    where ${dealWhere} and d.created_at < ${asOf}`.execute(db);
  return {
    deals: deals.rows,
    campaignIds: campaigns.rows.map((c) => c.id),
    people: people.rows,
    dealPeople: peopleOnDeals.rows,
  };
}

export interface CampaignFunnelRow {
  campaign_id: string;
  touches: number;
  people: number;
  leads: number;
  mql: number;
  sql: number;
  opportunities: number;
  won: number;
}

/**
 * Per campaign, the people it touched before `asOf` and how far they got by then: leads (every
 * touched lead or contact), MQL and SQL (their lead reached that lifecycle stage, by the
 * `lead.lifecycle_changed` events before `asOf`, or went on to a deal), opportunities (a deal created
 * before `asOf` within `dealWhere`) and won (such a deal won before `asOf`).
 */
export async function campaignFunnel(
  db: DbExecutor,
  orgId: string,
  dealWhere: RawBuilder<SqlBool>,
  asOf: Date,
): Promise<CampaignFunnelRow[]> {
  const { rows } = await sql<CampaignFunnelRow>`
    with pt as (${personTouches(orgId, asOf)}),
    dp as (${dealPeople(orgId)}),
    reached as (
      select coalesce(l.converted_contact_id, l.id) as person, max(
        case e.data->>'to' when 'mql' then 3 when 'sql' then 4 when 'opportunity' then 5 when 'customer' then 6 else 0 end
      ) as stage
      from events e join leads l on l.org_id = e.org_id and l.id = e.entity_id
      where e.org_id = ${orgId}::uuid and e.type = 'lead.lifecycle_changed' and e.occurred_at < ${asOf}
      group by 1
    ),
    deal_reach as (
      select dp.person,
        bool_or(true) as opportunity,
        bool_or(d.status = 'won' and d.closed_at < ${asOf}) as won
      from dp join deals d on d.org_id = ${orgId}::uuid and d.id = dp.deal_id
      where ${dealWhere} and d.created_at < ${asOf}
      group by dp.person
    ),
    people as (
      select pt.campaign_id, pt.person, count(*) as touches,
        coalesce(max(r.stage), 0) as stage,
        coalesce(bool_or(dr.opportunity), false) as opportunity,
        coalesce(bool_or(dr.won), false) as won
      from pt
      left join reached r on r.person = pt.person
      left join deal_reach dr on dr.person = pt.person
      group by pt.campaign_id, pt.person
    )
    select campaign_id,
      sum(touches)::int as touches,
      count(*)::int as people,
      count(*)::int as leads,
      count(*) filter (where stage >= 3 or opportunity)::int as mql,
      count(*) filter (where stage >= 4 or opportunity)::int as sql,
      count(*) filter (where opportunity)::int as opportunities,
      count(*) filter (where won)::int as won
    from people
    group by campaign_id`.execute(db);
  return rows;
}

export interface CampaignFigureRow {
  id: string;
  name: string;
  type: string;
  currency: string;
  budget: string | null;
  cost: string;
}

/** Every campaign (deleted ones too: their touches still earn credit) with its cost before `asOf`. */
export async function campaignFigures(db: DbExecutor, orgId: string, asOfDay: string): Promise<CampaignFigureRow[]> {
  const { rows } = await sql<CampaignFigureRow>`
    select c.id, c.name, c.type, trim(c.currency) as currency, c.budget,
      coalesce((select sum(cc.amount) from campaign_costs cc where cc.org_id = c.org_id and cc.campaign_id = c.id
        and cc.incurred_on <= ${asOfDay}::date), 0)::text as cost
    from campaigns c where c.org_id = ${orgId}::uuid
    order by c.name, c.id`.execute(db);
  return rows;
}

/** The organization's base currency and time zone. */
export async function orgSettings(db: DbExecutor, orgId: string): Promise<{ currency: string; timezone: string }> {
  const row = await db
    .selectFrom('organizations')
    .select(['base_currency', 'timezone'])
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
  return { currency: row.base_currency.trim(), timezone: row.timezone };
}

/** The instant a day ends in a time zone (the next day's midnight there): "as of" that day. */
export async function endOfDay(db: DbExecutor, day: string, timezone: string): Promise<Date> {
  const { rows } = await sql<{ t: Date }>`select ((${day}::date + 1)::timestamp at time zone ${timezone}) as t`.execute(
    db,
  );
  const t = rows[0]?.t;
  if (!t) throw new Error('the end of the day could not be computed');
  return new Date(t);
}
