/**
 * The detectors that read records beside the log's window: quarter-end gaming (the fiscal calendar
 * and the commission ledger), the channel detectors (deal registrations and the partner's work on
 * their deals) and dual agency (the agent history of deals). Each returns its findings.
 */
import type { CommissionLine } from '../../analytics/commissions.ts';
import { commissionLedger } from '../../analytics/commissions.ts';
import {
  detectDuplicateRegistrations,
  detectRegistrationHoarding,
  detectUnconsentedDualAgency,
  type AgentDealEvent,
  type RegistrationRecord,
} from '../../analytics/detectors-channel.ts';
import {
  detectAcceleratorDiscounts,
  detectQuarterEndPushes,
  type AcceleratorCredit,
  type CloseDateMove,
  type DealWin,
  type WonDealDiscount,
} from '../../analytics/detectors-gaming.ts';
import type { DetectedFinding } from '../../analytics/detectors.ts';
import { dayIn } from '../../analytics/velocity.ts';
import type { AgencySide } from '../../contract/agents.ts';
import type { AgencyParty } from '../../contract/dual-agency.ts';
import { upcastEvent } from '../../contract/events/index.ts';
import type { DbExecutor } from '../../db/database.ts';
import { effectiveDiscount } from '../../domain/approval-triggers.ts';
import * as commissions from '../commissions/commissions.repository.ts';
import { toAssignment, toPlan } from '../commissions/dto.ts';
import { listLineItems } from '../deals/deals.repository.ts';
import { orgCalendar } from '../forecasting/forecasting.repository.ts';
import { productRows } from '../products/products.service.ts';
import type { DetectorEventRow } from './oversight.repository.ts';

const obj = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const side = (v: unknown): AgencySide | null => (v === 'buyer' || v === 'seller' ? v : null);
const cents = (v: string): number => Math.round(Number(v) * 100);

/** Pushed close dates (from the window's deal updates and wins) and discounts near an accelerator. */
export async function detectGaming(
  db: DbExecutor,
  orgId: string,
  events: readonly DetectorEventRow[],
  now: Date,
): Promise<DetectedFinding[]> {
  const cal = await orgCalendar(db, orgId);
  const moves: CloseDateMove[] = [];
  const wins: DealWin[] = [];
  for (const e of events) {
    if (e.type === 'deal.updated') {
      const change = obj(obj(e.data.changes).expectedCloseDate);
      if (!('to' in change)) continue;
      moves.push({
        eventId: String(e.id),
        dealId: e.entity_id,
        personId: e.actor_id,
        day: dayIn(e.occurred_at, cal.timezone),
        from: str(change.from)?.slice(0, 10) ?? null,
        to: str(change.to)?.slice(0, 10) ?? null,
      });
    } else if (e.type === 'deal.won') {
      const closed = new Date(str(e.data.closedAt) ?? e.occurred_at.toISOString());
      const at = Number.isNaN(closed.getTime()) ? e.occurred_at : closed;
      wins.push({ eventId: String(e.id), dealId: e.entity_id, day: dayIn(at, cal.timezone) });
    }
  }
  return [
    ...detectQuarterEndPushes(moves, wins, { fiscalYearStartMonth: cal.fiscalYearStartMonth }),
    ...(await acceleratorFindings(db, orgId, now)),
  ];
}

/**
 * The credits of won deals against their reps' accelerators, from the commission ledger (each
 * rep's credit of the month accumulates in ledger order, as the statement pays tiers), and each
 * credited deal's discount: its highest line discount from list price. Nothing is read when no
 * plan has an accelerator.
 */
async function acceleratorFindings(db: DbExecutor, orgId: string, now: Date): Promise<DetectedFinding[]> {
  const plans = (await commissions.listPlans(db, orgId)).map(toPlan);
  const accelerators = new Map<string, number>();
  for (const p of plans) {
    const starts = p.tiers.filter((t) => Number(t.multiplier) > 1 && cents(t.from) > 0).map((t) => cents(t.from));
    if (starts.length > 0) accelerators.set(p.id, Math.min(...starts));
  }
  if (accelerators.size === 0) return [];
  const { timezone } = await commissions.orgSettings(db, orgId);
  const assignments = (await commissions.listAssignments(db, orgId)).map(toAssignment);
  const lines: CommissionLine[] = commissionLedger({
    plans,
    assignments,
    // Every event written up to now, the instant included.
    events: await commissions.commissionEvents(db, orgId, new Date(now.getTime() + 1)),
    managerOf: await commissions.managerMap(db, orgId),
    timeZone: timezone,
  });
  const credited = new Map<string, number>();
  const credits: AcceleratorCredit[] = [];
  const wonBy = new Map<string, Set<string>>();
  for (const l of lines) {
    if (l.kind !== 'commission' || l.payeeKind !== 'user' || !l.dealId || l.basis === null) continue;
    const key = `${l.payeeId}:${l.period}`;
    const before = credited.get(key) ?? 0;
    credited.set(key, before + cents(l.basis));
    wonBy.set(l.payeeId, (wonBy.get(l.payeeId) ?? new Set()).add(l.dealId));
    const eventId = l.eventIds[0] ?? '';
    const last = credits.at(-1);
    if (last && last.eventId === eventId && last.personId === l.payeeId) {
      last.after = (before + cents(l.basis)) / 100;
      continue;
    }
    const plan = assignments.find(
      (a) =>
        a.payeeKind === 'user' &&
        a.payeeId === l.payeeId &&
        a.startsOn <= l.day &&
        (a.endsOn === null || l.day <= a.endsOn),
    );
    const threshold = plan ? accelerators.get(plan.planId) : undefined;
    if (threshold === undefined) continue;
    credits.push({
      eventId,
      dealId: l.dealId,
      personId: l.payeeId,
      period: l.period,
      before: before / 100,
      after: (before + cents(l.basis)) / 100,
      threshold: threshold / 100,
    });
  }
  if (credits.length === 0) return [];
  const dealIds = [...new Set([...wonBy.values()].flatMap((s) => [...s]))];
  const items = await listLineItems(db, orgId, dealIds);
  const prices = new Map(
    (await productRows(db, orgId, [...new Set(items.map((i) => i.product_id))])).map((p) => [p.id, String(p.list_price)]),
  );
  const discountOf = new Map<string, number>();
  for (const i of items) {
    const d = effectiveDiscount({
      productId: i.product_id,
      unitPrice: String(i.unit_price),
      discountPercent: String(i.discount_percent),
      listPrice: prices.get(i.product_id) ?? null,
    });
    discountOf.set(i.deal_id, Math.max(discountOf.get(i.deal_id) ?? d, d));
  }
  const discounts: WonDealDiscount[] = [];
  for (const [personId, deals] of wonBy)
    for (const dealId of deals) {
      const discountPercent = discountOf.get(dealId);
      if (discountPercent !== undefined) discounts.push({ dealId, personId, discountPercent });
    }
  return detectAcceleratorDiscounts(credits, discounts);
}

/**
 * Registration hoarding and duplicate registrations over the registrations that were live in the
 * window (pending, registered, decided or protected since `since`).
 */
export async function detectChannel(
  db: DbExecutor,
  orgId: string,
  now: Date,
  since: Date,
): Promise<DetectedFinding[]> {
  const rows = await db
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
  if (rows.length === 0) return [];
  const events = await db
    .selectFrom('events')
    .select(['id', 'entity_id'])
    .where('org_id', '=', orgId)
    .where('entity_type', '=', 'deal_registration')
    .where(
      'entity_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('id')
    .execute();
  const eventIds = new Map<string, string[]>();
  for (const e of events) eventIds.set(e.entity_id, [...(eventIds.get(e.entity_id) ?? []), String(e.id)]);
  const registrations: RegistrationRecord[] = rows.map((r) => ({
    id: r.id,
    partnerAccountId: r.partner_account_id,
    registeredBy: r.registered_by,
    customerName: r.customer_name,
    customerDomain: r.customer_domain,
    productIds: Array.isArray(r.product_ids) ? r.product_ids : [],
    status: r.status as RegistrationRecord['status'],
    registeredAt: r.registered_at,
    decidedAt: r.decided_at,
    protectedUntil: r.protected_until,
    dealId: r.deal_id,
    dealOpen: r.deal_status === 'open' && r.deal_deleted_at === null,
    eventIds: eventIds.get(r.id) ?? [],
  }));
  const held = registrations.filter((r) => r.dealOpen && r.decidedAt && r.dealId);
  const dealIds = [...new Set(held.map((r) => r.dealId as string))];
  const earliest = held.reduce<Date | null>((m, r) => (!m || (r.decidedAt as Date) < m ? r.decidedAt : m), null);
  const touches =
    dealIds.length === 0 || !earliest
      ? []
      : (
          await db
            .selectFrom('events as e')
            .innerJoin('users as u', (j) => j.onRef('u.org_id', '=', 'e.org_id').onRef('u.id', '=', 'e.actor_id'))
            .leftJoin('activities as a', (j) =>
              j.onRef('a.org_id', '=', 'e.org_id').onRef('a.id', '=', 'e.entity_id').on('e.entity_type', '=', 'activity'),
            )
            .select(['e.entity_type', 'e.entity_id', 'e.occurred_at', 'u.partner_account_id', 'a.deal_id'])
            .where('e.org_id', '=', orgId)
            .where('u.partner_account_id', 'is not', null)
            .where('e.occurred_at', '>=', earliest)
            .where((eb) =>
              eb.or([
                eb.and([eb('e.entity_type', '=', 'deal'), eb('e.entity_id', 'in', dealIds)]),
                eb('a.deal_id', 'in', dealIds),
              ]),
            )
            .execute()
        ).map((t) => ({
          dealId: t.entity_type === 'deal' ? t.entity_id : (t.deal_id ?? ''),
          partnerAccountId: t.partner_account_id ?? '',
          at: t.occurred_at,
        }));
  return [...detectRegistrationHoarding(registrations, touches, now), ...detectDuplicateRegistrations(registrations)];
}

const AGENT_EVENT_TYPES = ['deal.agent_assigned', 'deal.agent_removed', 'deal.dual_agency_consent_recorded'];

/** Dual agency without consent on the deals an agent joined since `since` (their whole agent history). */
export async function detectAgency(db: DbExecutor, orgId: string, since: Date): Promise<DetectedFinding[]> {
  const joined = db
    .selectFrom('events')
    .select('entity_id')
    .where('org_id', '=', orgId)
    .where('type', '=', 'deal.agent_assigned')
    .where('imported', '=', false)
    .where('occurred_at', '>=', since);
  const rows = await db
    .selectFrom('events')
    .select(['id', 'type', 'version', 'entity_id', 'actor_id', 'data'])
    .where('org_id', '=', orgId)
    .where('entity_type', '=', 'deal')
    .where('type', 'in', AGENT_EVENT_TYPES)
    .where('entity_id', 'in', joined)
    .orderBy('id')
    .execute();
  if (rows.length === 0) return [];
  const events: AgentDealEvent[] = [];
  for (const r of rows) {
    const d = upcastEvent(r.type, r.version, r.data).data;
    const eventId = String(r.id);
    const dealId = r.entity_id;
    const s = side(d.side);
    const dealAgentId = str(d.dealAgentId);
    const agentPartyId = str(d.agentPartyId);
    if (r.type === 'deal.agent_assigned' && s && dealAgentId && agentPartyId)
      events.push({ kind: 'assigned', eventId, dealId, personId: r.actor_id, dealAgentId, agentPartyId, side: s });
    else if (r.type === 'deal.agent_removed' && dealAgentId) events.push({ kind: 'removed', eventId, dealId, dealAgentId });
    else if (r.type === 'deal.dual_agency_consent_recorded' && s) events.push({ kind: 'consent', eventId, dealId, side: s });
  }
  const partyIds = [...new Set(events.flatMap((e) => (e.kind === 'assigned' ? [e.agentPartyId] : [])))];
  const parties = new Map<string, AgencyParty>();
  if (partyIds.length > 0)
    for (const p of await db
      .selectFrom('agent_parties')
      .select(['id', 'firm_id', 'jurisdiction'])
      .where('org_id', '=', orgId)
      .where('id', 'in', partyIds)
      .execute())
      parties.set(p.id, { id: p.id, firmId: p.firm_id, jurisdiction: p.jurisdiction });
  return detectUnconsentedDualAgency(events, parties);
}
