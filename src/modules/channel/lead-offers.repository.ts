import { sql, type Insertable, type Updateable } from 'kysely';
import type { Scope } from '../../contract/access.ts';
import type { ListLeadOffersQuery } from '../../contract/partner-leads.ts';
import type { DbExecutor } from '../../db/database.ts';
import { afterCursor } from '../../db/list.ts';
import type { PartnerLeadOffersTable } from '../../db/schema-channel.ts';
import { updateVersioned } from '../../db/versioned.ts';

/** An offer as read: the stored row, the partner's name and the lead's fields the offer shows. */
export interface OfferRow {
  id: string;
  lead_id: string;
  partner_account_id: string;
  partner_name: string;
  status: string;
  chosen_by: string;
  rule_detail: string | null;
  offered_by: string | null;
  offered_at: Date;
  expires_at: Date;
  responded_by: string | null;
  responded_at: Date | null;
  decline_reason: string | null;
  version: number;
  first_name: string | null;
  last_name: string;
  company: string | null;
  company_domain: string | null;
  title: string | null;
  industry: string | null;
  source: string | null;
  email: string | null;
  phone: string | null;
}

const offers = (db: DbExecutor, orgId: string) =>
  db
    .selectFrom('partner_lead_offers as o')
    .innerJoin('accounts as a', (j) => j.onRef('a.org_id', '=', 'o.org_id').onRef('a.id', '=', 'o.partner_account_id'))
    .innerJoin('leads as l', (j) => j.onRef('l.org_id', '=', 'o.org_id').onRef('l.id', '=', 'o.lead_id'))
    .select([
      'o.id',
      'o.lead_id',
      'o.partner_account_id',
      'a.name as partner_name',
      'o.status',
      'o.chosen_by',
      'o.rule_detail',
      'o.offered_by',
      'o.offered_at',
      'o.expires_at',
      'o.responded_by',
      'o.responded_at',
      'o.decline_reason',
      'o.version',
      'l.first_name',
      'l.last_name',
      'l.company',
      'l.company_domain',
      'l.title',
      'l.industry',
      'l.source',
      'l.email',
      'l.phone',
    ])
    .where('o.org_id', '=', orgId);

type OfferQuery = ReturnType<typeof offers>;

function scoped(q: OfferQuery, scope: Scope): OfferQuery {
  switch (scope.kind) {
    case 'all':
      return q;
    case 'partner':
      return q.where('o.partner_account_id', '=', scope.partnerAccountId);
    case 'none':
    case 'owners':
    case 'agent':
      return q.where(sql<boolean>`false`);
  }
}

export async function getOffer(db: DbExecutor, orgId: string, id: string, scope: Scope): Promise<OfferRow | undefined> {
  return scoped(offers(db, orgId), scope).where('o.id', '=', id).executeTakeFirst();
}

export async function listOffers(
  db: DbExecutor,
  orgId: string,
  scope: Scope,
  q: ListLeadOffersQuery,
): Promise<OfferRow[]> {
  let b = scoped(offers(db, orgId), scope);
  if (q.status) b = b.where('o.status', '=', q.status);
  if (q.partnerAccountId) b = b.where('o.partner_account_id', '=', q.partnerAccountId);
  if (q.leadId) b = b.where('o.lead_id', '=', q.leadId);
  if (q.cursor) b = b.where(afterCursor('o.offered_at', 'o.id', 'desc', q.cursor));
  return b
    .orderBy('o.offered_at', 'desc')
    .orderBy('o.id', 'desc')
    .limit(q.limit + 1)
    .execute();
}

/** The offer's own row, locked until the transaction ends. */
export async function lockOffer(db: DbExecutor, orgId: string, id: string) {
  return db
    .selectFrom('partner_lead_offers')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .forNoKeyUpdate()
    .executeTakeFirst();
}

/** The lead an offer is about, locked: every change of a lead and its offers takes the lead first. */
export async function lockLeadOf(
  db: DbExecutor,
  orgId: string,
  leadId: string,
): Promise<{ id: string; status: string; owner_id: string | null } | undefined> {
  return db
    .selectFrom('leads')
    .select(['id', 'status', 'owner_id'])
    .where('org_id', '=', orgId)
    .where('id', '=', leadId)
    .where('deleted_at', 'is', null)
    .forNoKeyUpdate()
    .executeTakeFirst();
}

export async function leadOfOffer(db: DbExecutor, orgId: string, id: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('partner_lead_offers')
    .select('lead_id')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.lead_id;
}

/** The lead's offer that is still waiting for an answer or accepted, if any. */
export async function liveOfferOf(db: DbExecutor, orgId: string, leadId: string) {
  return db
    .selectFrom('partner_lead_offers')
    .select(['id', 'status', 'partner_account_id'])
    .where('org_id', '=', orgId)
    .where('lead_id', '=', leadId)
    .where('status', 'in', ['offered', 'accepted'])
    .executeTakeFirst();
}

export async function insertOffer(db: DbExecutor, row: Insertable<PartnerLeadOffersTable>): Promise<void> {
  await db.insertInto('partner_lead_offers').values(row).execute();
}

export async function updateOffer(
  db: DbExecutor,
  orgId: string,
  id: string,
  version: number,
  patch: Updateable<PartnerLeadOffersTable>,
): Promise<void> {
  await updateVersioned(db, 'partner_lead_offers', { orgId, id, version }, patch);
}

/** A partner in the programme as the distribution rule weighs it. */
export interface Candidate {
  account_id: string;
  name: string;
  tier_name: string | null;
  tier_rank: number | null;
  lead_capacity: number | null;
  /** Leads it holds: offered (waiting for an answer) or accepted, while the lead is not converted or disqualified. */
  open_leads: number;
  /** Whether this lead was offered to it before (and declined or let lapse). */
  offered_before: boolean;
}

/** Every partner of the programme (or the one named) with its tier, capacity and the leads it holds. */
export async function candidates(
  db: DbExecutor,
  orgId: string,
  leadId: string,
  partnerAccountId?: string,
): Promise<Candidate[]> {
  let q = db
    .selectFrom('partner_profiles as p')
    .innerJoin('accounts as a', (j) => j.onRef('a.org_id', '=', 'p.org_id').onRef('a.id', '=', 'p.account_id'))
    .leftJoin('partner_tiers as t', (j) => j.onRef('t.org_id', '=', 'p.org_id').onRef('t.id', '=', 'p.tier_id'))
    .select([
      'p.account_id',
      'a.name',
      't.name as tier_name',
      't.rank as tier_rank',
      't.lead_capacity',
      sql<number>`(
        select count(*)::int from partner_lead_offers o
        join leads l on l.org_id = o.org_id and l.id = o.lead_id
        where o.org_id = p.org_id and o.partner_account_id = p.account_id
          and o.status in ('offered', 'accepted')
          and l.deleted_at is null and l.status not in ('converted', 'disqualified')
      )`.as('open_leads'),
      sql<boolean>`exists (
        select 1 from partner_lead_offers o
        where o.org_id = p.org_id and o.partner_account_id = p.account_id and o.lead_id = ${leadId}::uuid
      )`.as('offered_before'),
    ])
    .where('p.org_id', '=', orgId)
    .where('a.deleted_at', 'is', null);
  if (partnerAccountId) q = q.where('p.account_id', '=', partnerAccountId);
  return q.orderBy('a.name').orderBy('p.account_id').limit(5000).execute();
}
