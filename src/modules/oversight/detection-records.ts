/**
 * The detectors that read records beside the log's window: quarter-end gaming (the fiscal calendar
 * and the commission ledger), the channel detectors (deal registrations and the partner's work on
 * their deals) and dual agency (the agent history of deals). Each returns its findings.
 */
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
import { toAssignment, toPlan } from '../commissions/dto.ts';
import { ledgerUntil } from '../commissions/statements.service.ts';
import { productRows } from '../products/products.service.ts';
import * as repo from './detection.repository.ts';
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
  window: { now: Date; since: Date },
): Promise<DetectedFinding[]> {
  const cal = await repo.orgCalendar(db, orgId);
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
    ...(await acceleratorFindings(
      db,
      orgId,
      dayIn(window.now, cal.timezone).slice(0, 7),
      dayIn(window.since, cal.timezone),
    )),
  ];
}

/**
 * The credits of deals won since `firstDay` against their reps' accelerators, from the commission
 * ledger up to the end of the current month (each rep's credit of the month accumulates in ledger order, as the
 * statement pays tiers), and each credited deal's discount: its highest line discount from list
 * price. Nothing more is read when no plan has an accelerator.
 */
async function acceleratorFindings(
  db: DbExecutor,
  orgId: string,
  month: string,
  firstDay: string,
): Promise<DetectedFinding[]> {
  if (!(await repo.hasAccelerator(db, orgId))) return [];
  const ledger = await ledgerUntil(db, orgId, month);
  const plans = ledger.plans.map(toPlan);
  const accelerators = new Map<string, number>();
  for (const p of plans) {
    const starts = p.tiers.filter((t) => Number(t.multiplier) > 1 && cents(t.from) > 0).map((t) => cents(t.from));
    if (starts.length > 0) accelerators.set(p.id, Math.min(...starts));
  }
  if (accelerators.size === 0) return [];
  const assignments = ledger.assignments.map(toAssignment);
  const lines = ledger.lines;
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
    // Wins before the window are left to the runs that read them (as the other detectors do).
    if (threshold === undefined || l.day < firstDay) continue;
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
  const items = await repo.lineItemsOf(db, orgId, dealIds);
  const prices = new Map(
    (await productRows(db, orgId, [...new Set(items.map((i) => i.product_id))])).map((p) => [
      p.id,
      String(p.list_price),
    ]),
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
export async function detectChannel(db: DbExecutor, orgId: string, now: Date, since: Date): Promise<DetectedFinding[]> {
  const rows = await repo.liveRegistrations(db, orgId, since);
  if (rows.length === 0) return [];
  const events = await repo.eventIdsOf(
    db,
    orgId,
    'deal_registration',
    rows.map((r) => r.id),
  );
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
  const touches = earliest ? await repo.partnerWork(db, orgId, dealIds, earliest) : [];
  return [...detectRegistrationHoarding(registrations, touches, now), ...detectDuplicateRegistrations(registrations)];
}

/** Dual agency without consent on the deals an agent joined since `since` (their whole agent history). */
export async function detectAgency(db: DbExecutor, orgId: string, since: Date): Promise<DetectedFinding[]> {
  const rows = await repo.agentHistory(db, orgId, since);
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
    else if (r.type === 'deal.agent_removed' && dealAgentId)
      events.push({ kind: 'removed', eventId, dealId, dealAgentId });
    else if (r.type === 'deal.dual_agency_consent_recorded' && s)
      events.push({ kind: 'consent', eventId, dealId, side: s });
  }
  const partyIds = [...new Set(events.flatMap((e) => (e.kind === 'assigned' ? [e.agentPartyId] : [])))];
  const parties = new Map<string, AgencyParty>(
    (await repo.agentParties(db, orgId, partyIds)).map((p) => [
      p.id,
      { id: p.id, firmId: p.firm_id, jurisdiction: p.jurisdiction },
    ]),
  );
  return detectUnconsentedDualAgency(events, parties);
}
