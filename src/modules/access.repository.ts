import { sql } from 'kysely';
import type { DealRelatedEntity, Scope } from '../contract/access.ts';
import type { DbExecutor } from '../db/database.ts';
import { onDealInScope } from '../db/scope.ts';

/** Whether a user of the organization exists and is active (an owner a record may be given to). */
export async function isActiveUser(db: DbExecutor, orgId: string, id: string): Promise<boolean> {
  const user = await db
    .selectFrom('users')
    .select('active')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return user?.active === true;
}

/** Whether the account or contact is on a live deal inside the deal scope (read scope through the related record). */
export async function isOnDealInScope(
  db: DbExecutor,
  entity: DealRelatedEntity,
  orgId: string,
  id: string,
  dealScope: Scope,
): Promise<boolean> {
  const { rows } = await sql<{ on: boolean }>`select ${onDealInScope(entity, dealScope, 'r.org_id', 'r.id')} as on
    from (select ${orgId}::uuid as org_id, ${id}::uuid as id) r`.execute(db);
  return rows[0]?.on === true;
}

/**
 * Whether a record is on a booking of one of the users (as the rep it is for while not cancelled, or
 * as the one who booked it): directly, or for an account or contact through the booking's deal.
 */
export async function isOnBookingOf(
  db: DbExecutor,
  entity: 'lead' | 'deal' | 'account' | 'contact',
  orgId: string,
  id: string,
  userIds: readonly string[],
): Promise<boolean> {
  if (userIds.length === 0) return false;
  const users = sql.join(userIds.map((u) => sql`${u}::uuid`));
  const party = sql`((b.owner_id in (${users}) and b.status <> 'cancelled') or b.booked_by in (${users}))`;
  const about = {
    lead: sql`b.lead_id = ${id}::uuid`,
    deal: sql`b.deal_id = ${id}::uuid`,
    account: sql`(b.account_id = ${id}::uuid or exists (select 1 from deals d
      where d.org_id = b.org_id and d.id = b.deal_id and d.account_id = ${id}::uuid))`,
    contact: sql`(b.contact_id = ${id}::uuid or exists (select 1 from deals d
      where d.org_id = b.org_id and d.id = b.deal_id and d.primary_contact_id = ${id}::uuid)
      or exists (select 1 from deal_contacts dc
      where dc.org_id = b.org_id and dc.deal_id = b.deal_id and dc.contact_id = ${id}::uuid))`,
  }[entity];
  const { rows } = await sql<{ on: boolean }>`select exists (
    select 1 from bookings b where b.org_id = ${orgId}::uuid and ${about} and ${party}
  ) as on`.execute(db);
  return rows[0]?.on === true;
}

/** Whether one of the agent parties has a role on the deal (on the given side, when one is given). */
export async function isAgentOnDeal(
  db: DbExecutor,
  orgId: string,
  dealId: string,
  agentPartyIds: readonly string[],
  side?: string,
): Promise<boolean> {
  if (agentPartyIds.length === 0) return false;
  let q = db
    .selectFrom('deal_agents')
    .select('id')
    .where('org_id', '=', orgId)
    .where('deal_id', '=', dealId)
    .where('agent_party_id', 'in', agentPartyIds);
  if (side !== undefined) q = q.where('side', '=', side);
  const row = await q.limit(1).executeTakeFirst();
  return row !== undefined;
}
