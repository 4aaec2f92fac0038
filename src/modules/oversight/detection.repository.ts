/**
 * What the record-reading detectors read: the fiscal calendar, the line items of won deals, the
 * registrations live in a window with their events and the partner's work on their deals, and the
 * agent history of deals with their agents' firms.
 */
import type { DbExecutor } from '../../db/database.ts';

export async function orgCalendar(
  db: DbExecutor,
  orgId: string,
): Promise<{ timezone: string; fiscalYearStartMonth: number }> {
  const r = await db
    .selectFrom('organizations')
    .select(['timezone', 'fiscal_year_start_month'])
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
  return { timezone: r.timezone, fiscalYearStartMonth: r.fiscal_year_start_month };
}

/** Whether a commission plan of the organization has a tier paying more than the rate (an accelerator). */
export async function hasAccelerator(db: DbExecutor, orgId: string): Promise<boolean> {
  const plans = await db.selectFrom('commission_plans').select('tiers').where('org_id', '=', orgId).execute();
  return plans.some(
    (p) => Array.isArray(p.tiers) && p.tiers.some((t) => Number(t.multiplier) > 1 && Number(t.from) > 0),
  );
}

export async function lineItemsOf(
  db: DbExecutor,
  orgId: string,
  dealIds: readonly string[],
): Promise<{ deal_id: string; product_id: string; unit_price: string; discount_percent: string }[]> {
  if (dealIds.length === 0) return [];
  return db
    .selectFrom('deal_line_items')
    .select(['deal_id', 'product_id', 'unit_price', 'discount_percent'])
    .where('org_id', '=', orgId)
    .where('deal_id', 'in', [...dealIds])
    .orderBy('deal_id')
    .orderBy('position')
    .execute();
}

/** Registrations pending, or registered, decided or protected since `since`, with their deal's state. */
export async function liveRegistrations(db: DbExecutor, orgId: string, since: Date) {
  return db
    .selectFrom('deal_registrations as r')
    .leftJoin('deals as d', (j) => j.onRef('d.org_id', '=', 'r.org_id').onRef('d.id', '=', 'r.deal_id'))
    .select([
      'r.id',
      'r.partner_account_id',
      'r.registered_by',
      'r.customer_name',
      'r.customer_domain',
      'r.product_ids',
      'r.status',
      'r.registered_at',
      'r.decided_at',
      'r.protected_until',
      'r.deal_id',
      'd.status as deal_status',
      'd.deleted_at as deal_deleted_at',
    ])
    .where('r.org_id', '=', orgId)
    .where((eb) =>
      eb.or([
        eb('r.status', '=', 'pending'),
        eb('r.registered_at', '>=', since),
        eb('r.decided_at', '>=', since),
        eb('r.protected_until', '>=', since),
      ]),
    )
    .orderBy('r.registered_at')
    .orderBy('r.id')
    .execute();
}

/** The events of records of one kind, in log order. */
export async function eventIdsOf(
  db: DbExecutor,
  orgId: string,
  entityType: string,
  ids: readonly string[],
): Promise<{ id: number; entity_id: string }[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('events')
    .select(['id', 'entity_id'])
    .where('org_id', '=', orgId)
    .where('entity_type', '=', entityType)
    .where('entity_id', 'in', [...ids])
    .orderBy('id')
    .execute();
}

/**
 * Events written since `since` by users of partner accounts on the deals, or on activities of the
 * deals: the deal each is about, the partner and when.
 */
export async function partnerWork(
  db: DbExecutor,
  orgId: string,
  dealIds: readonly string[],
  since: Date,
): Promise<{ dealId: string; partnerAccountId: string; at: Date }[]> {
  if (dealIds.length === 0) return [];
  const rows = await db
    .selectFrom('events as e')
    .innerJoin('users as u', (j) => j.onRef('u.org_id', '=', 'e.org_id').onRef('u.id', '=', 'e.actor_id'))
    .leftJoin('activities as a', (j) =>
      j.onRef('a.org_id', '=', 'e.org_id').onRef('a.id', '=', 'e.entity_id').on('e.entity_type', '=', 'activity'),
    )
    .select(['e.entity_type', 'e.entity_id', 'e.occurred_at', 'u.partner_account_id', 'a.deal_id'])
    .where('e.org_id', '=', orgId)
    .where('u.partner_account_id', 'is not', null)
    .where('e.occurred_at', '>=', since)
    .where((eb) =>
      eb.or([
        eb.and([eb('e.entity_type', '=', 'deal'), eb('e.entity_id', 'in', [...dealIds])]),
        eb('a.deal_id', 'in', [...dealIds]),
      ]),
    )
    .execute();
  return rows.map((t) => ({
    dealId: t.entity_type === 'deal' ? t.entity_id : (t.deal_id ?? ''),
    partnerAccountId: t.partner_account_id ?? '',
    at: t.occurred_at,
  }));
}

/** The agent events (assigned, removed, consent) of every deal an agent joined since `since`, in log order. */
export async function agentHistory(db: DbExecutor, orgId: string, since: Date) {
  const joined = db
    .selectFrom('events')
    .select('entity_id')
    .where('org_id', '=', orgId)
    .where('type', '=', 'deal.agent_assigned')
    .where('imported', '=', false)
    .where('occurred_at', '>=', since);
  return db
    .selectFrom('events')
    .select(['id', 'type', 'version', 'entity_id', 'actor_id', 'data'])
    .where('org_id', '=', orgId)
    .where('entity_type', '=', 'deal')
    .where('type', 'in', ['deal.agent_assigned', 'deal.agent_removed', 'deal.dual_agency_consent_recorded'])
    .where('entity_id', 'in', joined)
    .orderBy('id')
    .execute();
}

export async function agentParties(
  db: DbExecutor,
  orgId: string,
  ids: readonly string[],
): Promise<{ id: string; firm_id: string | null; jurisdiction: string | null }[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('agent_parties')
    .select(['id', 'firm_id', 'jurisdiction'])
    .where('org_id', '=', orgId)
    .where('id', 'in', [...ids])
    .execute();
}
