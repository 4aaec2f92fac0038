import { fromScaled, toScaled } from '../contract/money.ts';
import { agencyPay, agreementTerms, amendTerms, type AgencyTerms } from './agency-terms.ts';
import { amendPerson, managerIn, personFromCreated, teamManagerAfter, type ChainPerson } from './manager-chain.ts';
import {
  cents,
  commissionOn,
  dealBasis,
  divRound,
  money,
  readItems,
  tierPortions,
  type CommissionBasis,
  type LineItem,
} from './commission-arithmetic.ts';
import { dayIn } from './velocity.ts';

/** Who a line pays: a user, a partner account, or an agent party (under its agency agreements). */
export type PayeeKind = 'user' | 'partner' | 'agent';

/** A commission plan as the statement reads it (plans do not change once made: a new plan is assigned instead). */
export interface CommissionPlan {
  id: string;
  basis: CommissionBasis;
  currency: string;
  /** Rate in percent per product family; `family: null` is the rate of everything else. */
  rates: readonly { family: string | null; ratePercent: string }[];
  /**
   * Tiers over the basis credited to the payee in the month, each from an amount (the first from
   * 0.00) with a multiplier of the rate: above 1 an accelerator, below 1 a decelerator.
   */
  tiers: readonly { from: string; multiplier: string }[];
  /** The most a payee earns from commission and overrides in a month; null for no cap. */
  cap: string | null;
  /** A won deal reopened (or its amount reduced) within so many days of the win is clawed back. */
  clawbackDays: number;
  /** A manager's override in percent of the basis credited to the people below them; null for none. */
  overridePercent: string | null;
  /** How many levels of the manager chain below the payee the override reaches (the roll-up). */
  overrideLevels: number;
}

/** A plan given to a person (or partner account) for the days from `startsOn` to `endsOn` (inclusive; null: open). */
export interface PlanAssignment {
  planId: string;
  payeeKind: PayeeKind;
  payeeId: string;
  startsOn: string;
  endsOn: string | null;
  /**
   * When the assignment was made (system time): a win before it is not paid under it, so that
   * assigning a plan back-dated to past days does not change a statement already closed.
   * Undefined: in force from the start.
   */
  assignedAt?: Date;
}

/** An event of the log as the statement reads it, in log order. */
export interface CommissionEvent {
  id: string;
  type: string;
  entityId: string;
  occurredAt: Date;
  data: Record<string, unknown>;
}

export interface CommissionInput {
  plans: readonly CommissionPlan[];
  assignments: readonly PlanAssignment[];
  /**
   * Deal, product, agency agreement, user, team and commission events, in log order. An agent is
   * paid under its agreement's terms as the log had them when the deal was won
   * (`agency_agreement.created` and `.updated`), and overrides go up the manager chain as the log
   * had it then (`user.*` and `team.*`, see manager-chain.ts), so a later change of either leaves
   * past statements as they were.
   */
  events: readonly CommissionEvent[];
  /** The organization's time zone: a line belongs to the month of its event's day there. */
  timeZone: string;
}

export const commissionLineKinds = [
  'commission',
  'partner',
  'agent',
  'override',
  'clawback',
  'bonus',
  'adjustment',
] as const;
export type CommissionLineKind = (typeof commissionLineKinds)[number];

/** One line of a statement, with the events that produced it. */
export interface CommissionLine {
  /** Stable across recomputation: kind, the event that made it, the payee and a counter. */
  id: string;
  payeeKind: PayeeKind;
  payeeId: string;
  /** The month, YYYY-MM, of the day of the event in the organization's time zone. */
  period: string;
  day: string;
  kind: CommissionLineKind;
  dealId: string | null;
  family: string | null;
  /** The part of the deal's basis this line pays on (for commission, partner and override lines). */
  basis: string | null;
  ratePercent: string | null;
  multiplier: string | null;
  amount: string;
  currency: string;
  /** Whether the month's cap cut this line short. */
  capped: boolean;
  note: string;
  eventIds: string[];
}

interface PaidShare {
  payeeKind: PayeeKind;
  payeeId: string;
  currency: string;
  paid: bigint;
  clawbackDays: number;
  /** A fixed amount (an agent's): a cut of the deal's amount does not touch it. */
  fixed?: boolean;
}

interface DealState {
  ownerId: string | null;
  partnerAccountId: string | null;
  amount: string | null;
  currency: string;
  items: LineItem[];
  status: string;
  contentEventId: string | null;
  split: { members: { userId: string; percent: string }[]; eventId: string } | null;
  /** The agents on the deal by their assignment id: the party, the agreement, the assigning event. */
  agents: Map<string, { partyId: string; agreementId: string; eventId: string }>;
  won: { at: Date; eventId: string; shares: PaidShare[] } | null;
}

const DAY_MS = 86_400_000;

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function change(data: Record<string, unknown>, field: string): { from: unknown; to: unknown } | undefined {
  const changes = data.changes as Record<string, { from: unknown; to: unknown }> | undefined;
  return changes?.[field];
}

/** The rate of a family in a plan: its own, else the plan's rate for everything else, else none. */
function rateFor(plan: CommissionPlan, family: string | null): string | null {
  return (
    plan.rates.find((r) => r.family !== null && r.family === family)?.ratePercent ??
    plan.rates.find((r) => r.family === null)?.ratePercent ??
    null
  );
}

/**
 * Every commission line of the organization, computed from the log alone: each line belongs to the
 * month of the event that made it and depends only on events before it, so the statement of a past
 * month computed today equals the one computed at its end. Wins credit the split members (else the
 * owner) and the registering partner through the plan assigned to them for the day (an assignment
 * made after the win does not pay it), agents under their agreement's terms as they stood at the win; the managers
 * up the chain as it stood at the win earn their override; a reopen or an amount cut within the clawback window takes back what
 * the win paid (in proportion for a cut), as a negative line of the month it happens in; bonuses and
 * the adjustments of answered disputes are lines of their own.
 */
export function commissionLedger(input: CommissionInput): CommissionLine[] {
  const plans = new Map(input.plans.map((p) => [p.id, p]));
  const agreements = new Map<string, AgencyTerms>();
  const chain = { people: new Map<string, ChainPerson>(), teamManagers: new Map<string, string | null>() };
  const products = new Map<string, { family: string | null; cost: string | null }>();
  const deals = new Map<string, DealState>();
  const disputesRaised = new Map<string, string>();
  const cumulative = new Map<string, bigint>();
  const capUsed = new Map<string, bigint>();
  const lines: CommissionLine[] = [];
  const counters = new Map<string, number>();

  const planOf = (payeeKind: PayeeKind, payeeId: string, day: string, at: Date): CommissionPlan | undefined => {
    const a = input.assignments.find(
      (x) =>
        x.payeeKind === payeeKind &&
        x.payeeId === payeeId &&
        x.startsOn <= day &&
        (x.endsOn === null || day <= x.endsOn) &&
        (x.assignedAt === undefined || x.assignedAt.getTime() <= at.getTime()),
    );
    return a ? plans.get(a.planId) : undefined;
  };

  const push = (
    e: CommissionEvent,
    line: Omit<CommissionLine, 'id' | 'period' | 'day' | 'capped'> & { capped?: boolean },
  ): CommissionLine => {
    const day = dayIn(e.occurredAt, input.timeZone);
    const prefix = `${line.kind}:${e.id}:${line.payeeId}`;
    const n = counters.get(prefix) ?? 0;
    counters.set(prefix, n + 1);
    const full: CommissionLine = {
      ...line,
      capped: line.capped ?? false,
      id: `${prefix}:${n}`,
      period: day.slice(0, 7),
      day,
    };
    lines.push(full);
    return full;
  };

  /** Pays `amount` cents within the month's cap of the plan; answers what was paid. */
  const capped = (plan: CommissionPlan, key: string, amount: bigint): { paid: bigint; cut: boolean } => {
    if (plan.cap === null) return { paid: amount, cut: false };
    const used = capUsed.get(key) ?? 0n;
    const room = cents(plan.cap) - used;
    const paid = amount > room ? (room > 0n ? room : 0n) : amount;
    capUsed.set(key, used + paid);
    return { paid, cut: paid !== amount };
  };

  const credit = (
    e: CommissionEvent,
    deal: DealState,
    dealId: string,
    payeeKind: PayeeKind,
    payeeId: string,
    percent: string,
    sourceIds: string[],
  ): void => {
    const day = dayIn(e.occurredAt, input.timeZone);
    const plan = planOf(payeeKind, payeeId, day, e.occurredAt);
    if (!plan || plan.currency !== deal.currency || !deal.won) return;
    const monthKey = `${payeeKind}:${payeeId}:${day.slice(0, 7)}`;
    const share: PaidShare = {
      payeeKind,
      payeeId,
      currency: plan.currency,
      paid: 0n,
      clawbackDays: plan.clawbackDays,
    };
    for (const { family, basis } of dealBasis(plan.basis, deal, products)) {
      const credited = divRound(basis * toScaled(percent, 2), 10_000n);
      const rate = rateFor(plan, family);
      if (rate === null || credited === 0n) continue;
      const before = cumulative.get(monthKey) ?? 0n;
      cumulative.set(monthKey, before + credited);
      for (const { portion, multiplier } of tierPortions(plan.tiers, before, credited)) {
        const { paid, cut } = capped(plan, monthKey, commissionOn(portion, rate, multiplier));
        share.paid += paid;
        push(e, {
          payeeKind,
          payeeId,
          kind: payeeKind === 'partner' ? 'partner' : 'commission',
          dealId,
          family,
          basis: money(portion),
          ratePercent: rate,
          multiplier,
          amount: money(paid),
          currency: plan.currency,
          capped: cut,
          note: percent === '100.00' ? 'won deal' : `won deal, ${percent}% credited`,
          eventIds: sourceIds,
        });
      }
      if (payeeKind === 'user') overrides(e, deal, dealId, payeeId, credited, sourceIds);
    }
    if (share.paid !== 0n) deal.won.shares.push(share);
  };

  const overrides = (
    e: CommissionEvent,
    deal: DealState,
    dealId: string,
    userId: string,
    credited: bigint,
    sourceIds: string[],
  ): void => {
    const day = dayIn(e.occurredAt, input.timeZone);
    const seen = new Set([userId]);
    let current = managerIn(chain, userId);
    for (let level = 1; current !== null && level <= 5 && !seen.has(current); level++) {
      seen.add(current);
      const plan = planOf('user', current, day, e.occurredAt);
      if (plan && plan.overridePercent !== null && level <= plan.overrideLevels && plan.currency === deal.currency) {
        const monthKey = `user:${current}:${day.slice(0, 7)}`;
        const { paid, cut } = capped(plan, monthKey, commissionOn(credited, plan.overridePercent, '1'));
        if (paid !== 0n || cut) {
          deal.won?.shares.push({
            payeeKind: 'user',
            payeeId: current,
            currency: plan.currency,
            paid,
            clawbackDays: plan.clawbackDays,
          });
          push(e, {
            payeeKind: 'user',
            payeeId: current,
            kind: 'override',
            dealId,
            family: null,
            basis: money(credited),
            ratePercent: plan.overridePercent,
            multiplier: null,
            amount: money(paid),
            currency: plan.currency,
            capped: cut,
            note: `override, level ${level}, on ${userId}`,
            eventIds: sourceIds,
          });
        }
      }
      current = managerIn(chain, current);
    }
  };

  const clawBack = (e: CommissionEvent, dealId: string, deal: DealState, numerator: bigint, denominator: bigint) => {
    if (!deal.won) return;
    const won = deal.won;
    for (const share of won.shares) {
      if (e.occurredAt.getTime() - won.at.getTime() > share.clawbackDays * DAY_MS) continue;
      if (share.fixed === true && numerator !== denominator) continue;
      const back = numerator === denominator ? share.paid : divRound(share.paid * numerator, denominator);
      if (back === 0n) continue;
      share.paid -= back;
      push(e, {
        payeeKind: share.payeeKind,
        payeeId: share.payeeId,
        kind: 'clawback',
        dealId,
        family: null,
        basis: null,
        ratePercent: null,
        multiplier: null,
        amount: money(-back),
        currency: share.currency,
        note: numerator === denominator ? 'won deal reopened' : 'amount of a won deal reduced',
        eventIds: [won.eventId, e.id],
      });
    }
  };

  /**
   * A win pays each agent on the deal what its agreement gives, when the agreement is in force on
   * the day of the win, with the terms (and days in force) the log gave it at the win; an agent has no plan, so no cap, tiers or window: the reopening of the deal
   * takes the whole line back whenever it comes, and a cut of the amount its share of a percent.
   */
  const payAgents = (e: CommissionEvent, deal: DealState, dealId: string, base: string[]): void => {
    if (!deal.won) return;
    const day = dayIn(e.occurredAt, input.timeZone);
    for (const agent of deal.agents.values()) {
      const terms = agreements.get(agent.agreementId);
      if (!terms || terms.effectiveFrom > day || (terms.effectiveTo !== null && terms.effectiveTo < day)) continue;
      const pay = agencyPay(terms, deal);
      if (pay.amount === null || cents(pay.amount) === 0n) continue;
      const percent = terms.compensationKind === 'percent';
      deal.won.shares.push({
        payeeKind: 'agent',
        payeeId: agent.partyId,
        currency: pay.currency,
        paid: cents(pay.amount),
        clawbackDays: Number.POSITIVE_INFINITY,
        fixed: !percent,
      });
      push(e, {
        payeeKind: 'agent',
        payeeId: agent.partyId,
        kind: 'agent',
        dealId,
        family: null,
        basis: percent ? deal.amount : null,
        ratePercent: percent ? terms.compensationPercent : null,
        multiplier: null,
        amount: money(cents(pay.amount)),
        currency: pay.currency,
        note: percent ? 'won deal, agency agreement' : 'won deal, agency agreement (fixed amount)',
        eventIds: [...base, agent.eventId],
      });
    }
  };

  for (const e of input.events) {
    const d = e.data;
    switch (e.type) {
      case 'agency_agreement.created': {
        const terms = agreementTerms(e.entityId, (d.after ?? {}) as Record<string, unknown>);
        if (terms) agreements.set(e.entityId, terms);
        break;
      }
      case 'agency_agreement.updated': {
        const terms = agreements.get(e.entityId);
        if (terms) agreements.set(e.entityId, amendTerms(terms, d));
        break;
      }
      case 'user.created':
        chain.people.set(e.entityId, personFromCreated((d.after ?? {}) as Record<string, unknown>));
        break;
      case 'user.updated': {
        const person = chain.people.get(e.entityId);
        if (person) chain.people.set(e.entityId, amendPerson(person, d));
        break;
      }
      case 'team.created':
      case 'team.updated':
        chain.teamManagers.set(e.entityId, teamManagerAfter(chain.teamManagers.get(e.entityId) ?? null, e.type, d));
        break;
      case 'product.created': {
        const after = (d.after ?? {}) as Record<string, unknown>;
        products.set(e.entityId, { family: str(after.family), cost: str(after.cost) });
        break;
      }
      case 'product.updated': {
        const p = products.get(e.entityId) ?? { family: null, cost: null };
        const family = change(d, 'family');
        const cost = change(d, 'cost');
        if (family) p.family = str(family.to);
        if (cost) p.cost = str(cost.to);
        products.set(e.entityId, p);
        break;
      }
      case 'deal.created': {
        const after = (d.after ?? {}) as Record<string, unknown>;
        deals.set(e.entityId, {
          ownerId: str(after.ownerId),
          partnerAccountId: str(after.partnerAccountId),
          amount: str(after.amount),
          currency: str(after.currency) ?? '',
          items: readItems(after.lineItems),
          status: str(after.status) ?? 'open',
          contentEventId: e.id,
          split: null,
          agents: new Map(),
          won: null,
        });
        break;
      }
      case 'deal.updated': {
        const deal = deals.get(e.entityId);
        if (!deal) break;
        const amount = change(d, 'amount');
        const items = change(d, 'lineItems');
        const currency = change(d, 'currency');
        const partner = change(d, 'partnerAccountId');
        if (partner) deal.partnerAccountId = str(partner.to);
        if (currency) deal.currency = str(currency.to) ?? deal.currency;
        if (items) deal.items = readItems(items.to);
        if (amount || items) deal.contentEventId = e.id;
        if (amount) {
          const from = str(amount.from);
          const to = str(amount.to);
          deal.amount = to;
          const fromC = from === null ? 0n : cents(from);
          const toC = to === null ? 0n : cents(to);
          if (deal.status === 'won' && fromC > 0n && toC < fromC) clawBack(e, e.entityId, deal, fromC - toC, fromC);
        }
        break;
      }
      case 'deal.assigned': {
        const deal = deals.get(e.entityId);
        const owner = change(d, 'ownerId');
        if (deal && owner) deal.ownerId = str(owner.to);
        break;
      }
      case 'deal.won': {
        const deal = deals.get(e.entityId);
        if (!deal) break;
        deal.status = 'won';
        deal.won = { at: e.occurredAt, eventId: e.id, shares: [] };
        const base = [e.id, ...(deal.contentEventId ? [deal.contentEventId] : [])];
        const members = deal.split?.members.length
          ? deal.split.members
          : deal.ownerId
            ? [{ userId: deal.ownerId, percent: '100.00' }]
            : [];
        const ids = deal.split?.members.length ? [...base, deal.split.eventId] : base;
        for (const m of members) credit(e, deal, e.entityId, 'user', m.userId, fromScaled(cents(m.percent), 2), ids);
        if (deal.partnerAccountId) credit(e, deal, e.entityId, 'partner', deal.partnerAccountId, '100.00', base);
        payAgents(e, deal, e.entityId, base);
        break;
      }
      case 'deal.agent_assigned': {
        const deal = deals.get(e.entityId);
        const id = str(d.dealAgentId);
        const partyId = str(d.agentPartyId);
        const agreementId = str(d.agreementId);
        if (deal && id !== null && partyId !== null && agreementId !== null)
          deal.agents.set(id, { partyId, agreementId, eventId: e.id });
        break;
      }
      case 'deal.agent_removed': {
        const id = str(d.dealAgentId);
        if (id !== null) deals.get(e.entityId)?.agents.delete(id);
        break;
      }
      case 'deal.reopened': {
        const deal = deals.get(e.entityId);
        if (!deal) break;
        if (deal.status === 'won') clawBack(e, e.entityId, deal, 1n, 1n);
        deal.status = 'open';
        deal.won = null;
        break;
      }
      case 'deal.lost': {
        const deal = deals.get(e.entityId);
        if (deal) deal.status = 'lost';
        break;
      }
      case 'commission_split.set': {
        const deal = deals.get(e.entityId);
        const members = Array.isArray(d.members) ? (d.members as { userId: string; percent: string }[]) : [];
        if (deal) deal.split = { members, eventId: e.id };
        break;
      }
      case 'commission_bonus.granted':
      case 'commission_dispute.answered': {
        const payeeKind = d.payeeKind === 'partner' ? 'partner' : 'user';
        const payeeId = str(d.payeeId);
        const amount = str(e.type === 'commission_bonus.granted' ? d.amount : d.adjustment);
        if (payeeId === null || amount === null || cents(amount) === 0n) break;
        const bonus = e.type === 'commission_bonus.granted';
        const raised = disputesRaised.get(e.entityId);
        push(e, {
          payeeKind,
          payeeId,
          kind: bonus ? 'bonus' : 'adjustment',
          dealId: null,
          family: null,
          basis: null,
          ratePercent: null,
          multiplier: null,
          amount: money(cents(amount)),
          currency: str(d.currency) ?? '',
          note: str(bonus ? d.reason : d.note) ?? '',
          eventIds: bonus || raised === undefined ? [e.id] : [raised, e.id],
        });
        break;
      }
      case 'commission_dispute.raised':
        disputesRaised.set(e.entityId, e.id);
        break;
    }
  }
  return lines;
}

/** The lines of one payee in one month with their total (per currency; a plan pays in one). */
export function statementOf(
  lines: readonly CommissionLine[],
  payee: { kind: PayeeKind; id: string },
  period: string,
): { lines: CommissionLine[]; totals: { currency: string; amount: string }[] } {
  const mine = lines.filter((l) => l.payeeKind === payee.kind && l.payeeId === payee.id && l.period === period);
  const totals = new Map<string, bigint>();
  for (const l of mine) totals.set(l.currency, (totals.get(l.currency) ?? 0n) + cents(l.amount));
  return {
    lines: mine,
    totals: [...totals].map(([currency, amount]) => ({ currency, amount: money(amount) })),
  };
}
