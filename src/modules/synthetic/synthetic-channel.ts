import type { PartnerType } from '../../contract/channel.ts';
import { camelSnapshot } from '../../contract/events/casing.ts';
import { businessDaysBetween } from '../../analytics/business-days.ts';
import {
  matchParties,
  normaliseName,
  SIMILAR_NAME_THRESHOLD,
  suggestWinner,
  type MatchParty,
  type MatchReason,
} from '../../analytics/channel-match.ts';
import { trigrams } from '../../contract/name-match.ts';
import { choosePartner } from '../../domain/lead-distribution.ts';
import { createAccount } from '../accounts/accounts.service.ts';
import { createTier, setPartner } from '../channel/programme.service.ts';
import type { Deps } from '../context.ts';
import type { Random } from '../demo/random.ts';
import type { DealRow } from '../deals/deals.repository.ts';
import { createUser } from '../users/users.service.ts';
import type { ChannelParams } from './synthetic-channel-params.ts';
import { money, startDeal, writeCall, type DealDraft, type DealStep, type Sink } from './synthetic-records.ts';
import type { SyntheticWorld } from './synthetic-setup.ts';
import type { AnomalyTruth } from './synthetic-anomalies.ts';
import { linkSyntheticResellers, SyntheticTwoTier, type TwoTierTruth } from './synthetic-two-tier.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;
/** The policy of an organization whose admin has not changed the channel settings. */
const POLICY = 'first_to_register' as const;

export interface ChannelPartner {
  id: string;
  name: string;
  type: PartnerType;
  tier: ChannelParams['tiers'][number];
  /** The partner's user: registers its deals, answers its lead offers, works its deals. */
  userId: string;
  /** Two-tier: the distributor that serves this partner, if one does. */
  distributorId: string | null;
}

/** What the channel did, by the generating process: the truth the channel analytics should recover. */
export interface ChannelTruth {
  partners: number;
  registrations: number;
  /** Registrations by their status at the end. */
  byStatus: { pending: number; approved: number; rejected: number; expired: number };
  extended: number;
  /** Decisions not forced by a conflict or a duplicate, and the approved among them (the `approve` parameter). */
  onMerit: { decided: number; approved: number; approvalRate: number | null };
  /** Registrations naming a customer a direct deal was open for when registered (the `conflict` parameter, of the registrations that are not duplicates). */
  conflictingWithDirect: number;
  /** Registrations with a conflict recorded (as subject or match) over all registrations. */
  conflicted: number;
  conflictRate: number | null;
  /** Conflicts recorded, and the direct deals found conflicting with a live registration. */
  conflicts: number;
  /** Mean business days from registration to decision over the decided registrations. */
  meanApprovalBusinessDays: number | null;
  meanApprovalBusinessDaysByTier: Record<string, number | null>;
  /** Partner deals (through a registration or opened by a channel rep) and how they closed. */
  partnerDeals: { deals: number; fromRegistrations: number; won: number; lost: number; winRate: number | null };
  /** Registrations (approved or expired) whose deal was won. */
  registrationsWon: number;
  leadOffers: {
    offered: number;
    accepted: number;
    declined: number;
    expired: number;
    /** Still waiting for an answer at the end. */
    waiting: number;
    /** Accepted over the answered or lapsed offers. */
    acceptance: number | null;
  };
  /** Two-tier distribution: distributors serving resellers, registrations and deals through them. */
  twoTier: TwoTierTruth;
}

/** Tiers and partners of the parameters through the services, each partner with a user of its own. */
export async function setUpSyntheticChannel(
  deps: Deps,
  world: SyntheticWorld,
  p: ChannelParams,
  email: (local: string) => string,
  password: string,
): Promise<ChannelPartner[]> {
  if (p.partners.every((g) => g.count === 0)) return [];
  const tiers = new Map<string, string>();
  for (const t of p.tiers) {
    const created = await createTier(deps, world.admin, {
      name: t.name,
      rank: t.rank,
      protectionDays: t.protectionDays,
      leadCapacity: t.leadCapacity,
    });
    tiers.set(t.name, created.id);
  }
  const accountType = {
    distributor: 'distributor',
    reseller: 'reseller',
    value_added_reseller: 'value_added_reseller',
  };
  const label: Record<PartnerType, string> = {
    distributor: 'Distribution',
    reseller: 'Resellers',
    value_added_reseller: 'Solutions',
    referral: 'Referrals',
    managed_service_provider: 'Managed Services',
  };
  const out: ChannelPartner[] = [];
  for (const g of p.partners)
    for (let k = 0; k < g.count; k++) {
      const n = out.length + 1;
      const tier = p.tiers.find((t) => t.name === g.tier);
      const tierId = tiers.get(g.tier);
      if (!tier || !tierId) continue;
      const stem = PARTNER_STEMS[(n - 1) % PARTNER_STEMS.length] ?? 'Partner';
      const acc = await createAccount(deps, world.admin, {
        name: `${stem} ${label[g.type]} P${n}`,
        type:
          (accountType as Partial<Record<PartnerType, 'distributor' | 'reseller' | 'value_added_reseller'>>)[g.type] ??
          'other',
        industry: 'Software',
        ownerId: world.channelLead,
      });
      await setPartner(deps, world.admin, acc.id, { partnerType: g.type, tierId });
      // The first partner's user signs in, to show the portal; the others act in the history only.
      const user = await createUser(deps, world.admin, {
        email: email(`partner-${n}`),
        name: `${stem} partner user ${n}`,
        role: 'partner',
        teamId: null,
        managerId: null,
        partnerAccountId: acc.id,
        ...(n === 1 ? { password } : {}),
      });
      if (n === 1) world.users.push({ email: user.email, name: user.name, role: 'partner' });
      out.push({ id: acc.id, name: acc.name, type: g.type, tier, userId: user.id, distributorId: null });
    }
  const servedBy = await linkSyntheticResellers(deps, world.admin, out, p.twoTier);
  return out.map((x) => ({ ...x, distributorId: servedBy.get(x.id) ?? null }));
}

/** Registrations between two clean-ups of what can no longer match. */
const PRUNE_EVERY = 256;
/** Random tries to find a registration to duplicate, or a direct account to conflict with. */
const DRAW_TRIES = 50;
/** Accounts of the most recent direct deals kept to draw from. */
const RECENT_ACCOUNTS = 2000;

const PARTNER_STEMS = ['Atlas', 'Beacon', 'Crest', 'Delta', 'Ember', 'Fjord', 'Granite', 'Harbor', 'Iris', 'Juniper'];
/** Syllables of customer names that read unlike the company names of direct accounts. */
const SYLLABLES = ['kor', 'vax', 'zel', 'qua', 'myr', 'thax', 'vol', 'zin', 'brek', 'ulm', 'oxa', 'pyr', 'kesh', 'dra'];
const MORE = ['vex', 'lum', 'zor', 'quin', 'jax', 'sorv', 'tyl', 'wex', 'yar', 'ixo', 'gor', 'fen', 'nuk', 'rho'];
const FORMS = ['Ltd', 'Inc', 'GmbH', 'LLC', 'S.A.', 'Pty', 'AB', 'Oy'];

/** An event of a record, as conflict evidence reads it. */
interface Ev {
  type: string;
  t: number;
}

/** A registration as later ones and direct deals see it. */
interface LiveRegistration {
  id: string;
  partner: ChannelPartner;
  party: MatchParty;
  since: number;
  /** Until when it is pending or protected (conflicts are searched among those). */
  liveUntil: number;
  /** Until when its name is taken: the registration's life, or its deal's while open. */
  nameUntil: number;
  decidedAt: number;
  approved: boolean;
  events: Ev[];
  /** Whether the registration is one of the customers of a direct account (matched by domain). */
  accountId: string | null;
  duplicate: boolean;
  /** The trigrams of its normalised customer name (as the conflict check compares names). */
  grams: Set<string>;
}

/** An open direct deal a registration may conflict with. */
interface DirectDeal {
  id: string;
  party: MatchParty;
  createdAt: number;
  closedAt: number;
  events: Ev[];
}

interface ConflictDraft {
  id: string;
  subject: {
    kind: 'registration' | 'deal';
    id: string;
    name: string;
    partnerId: string | null;
    since: number;
    events: Ev[];
  };
  match: {
    kind: 'registration' | 'deal';
    id: string;
    name: string;
    partnerId: string | null;
    since: number;
    events: Ev[];
  };
  reasons: MatchReason[];
  t: number;
  actorId: string;
}

/** The history's side the channel generator works with. */
export interface DealMaker {
  walk(sink: Sink, draft: DealDraft, actorId: string, from: number, steps: DealStep[]): DealStep[];
  finishDeal(sink: Sink, draft: DealDraft, steps: DealStep[]): DealRow;
  /** Whether every deal asked for has been made. */
  readonly full: boolean;
}

const closedAtOf = (final: DealRow): number => (final.closed_at ? final.closed_at.getTime() : Infinity);
const evidence = (evs: readonly Ev[], t: number) =>
  evs
    .filter((e) => e.t <= t)
    .slice(0, 50)
    .map((e) => ({ type: e.type, at: new Date(e.t).toISOString() }));

/**
 * The channel in the history: partners register customers (some a direct deal is already open
 * for: a channel conflict, resolved by the policy's suggestion before the decision), a channel
 * manager approves or rejects them after the tier's approval time, an approved registration opens
 * a partner deal protected for the tier's days that the partner works (its own calls) until it
 * closes, and the window is extended or expires if the deal is still open then. Leads inside sales
 * leaves open are offered to partners by the distribution rule. Anomalies for the detectors are
 * injected at their rates: registrations hoarded (approved, never worked), registrations of a
 * customer a live registration already covers.
 */
export class SyntheticChannel {
  readonly truth: ChannelTruth;
  readonly anomalies: AnomalyTruth;
  private live: LiveRegistration[] = [];
  /** The live registrations by the trigrams of their names and by domain: a new name is compared with those sharing one. */
  private readonly byGram = new Map<string, Set<LiveRegistration>>();
  private readonly byDomain = new Map<string, Set<LiveRegistration>>();
  /** Accounts of recent direct deals, to draw the customer of a conflicting registration from. */
  private readonly recentAccounts: string[] = [];
  private recentNext = 0;
  private registered = 0;
  /** Open direct deals by account, while open (the accounts a conflicting registration can name). */
  private readonly openDirect = new Map<string, { domain: string; deals: DirectDeal[] }>();
  /** Accounts a live registration names by domain: a new direct deal there conflicts with it. */
  private readonly claims = new Map<string, LiveRegistration[]>();
  /** Registrations whose decision is still ahead and whose conflicts must be resolved first. */
  private readonly unresolved = new Map<string, ConflictDraft[]>();
  private readonly offers = new Map<string, number[]>();
  /** Events of deals written during the current arrival (the evidence of conflicts they get into). */
  private dealEvents = new Map<string, Ev[]>();
  private approvalDays: { tier: string; days: number }[] = [];
  private conflictedIds = new Set<string>();
  private readonly twoTier: SyntheticTwoTier;

  constructor(
    private readonly rng: Random,
    private readonly ids: Random,
    private readonly p: ChannelParams,
    private readonly world: SyntheticWorld,
    readonly partners: readonly ChannelPartner[],
    private readonly end: number,
    private readonly amounts: { median: number; sigma: number },
    /** The two-tier draws' own stream, so that their rate changes nothing else of the data. */
    twoTierRng: Random,
  ) {
    this.twoTier = new SyntheticTwoTier(
      twoTierRng,
      p.twoTier,
      new Map(partners.flatMap((x) => (x.distributorId ? [[x.id, x.distributorId] as const] : []))),
    );
    this.truth = {
      partners: partners.length,
      registrations: 0,
      byStatus: { pending: 0, approved: 0, rejected: 0, expired: 0 },
      extended: 0,
      onMerit: { decided: 0, approved: 0, approvalRate: null },
      conflictingWithDirect: 0,
      conflicted: 0,
      conflictRate: null,
      conflicts: 0,
      meanApprovalBusinessDays: null,
      meanApprovalBusinessDaysByTier: {},
      partnerDeals: { deals: 0, fromRegistrations: 0, won: 0, lost: 0, winRate: null },
      registrationsWon: 0,
      leadOffers: { offered: 0, accepted: 0, declined: 0, expired: 0, waiting: 0, acceptance: null },
      twoTier: this.twoTier.truth,
    };
    this.anomalies = {
      registration_hoarding: {
        rate: p.anomalies.registrationHoarding,
        per: 'approved registration that can hoard (approved 30 days or more before the end, its window still running then)',
        subjects: [],
      },
      duplicate_registration: { rate: p.anomalies.duplicateRegistration, per: 'registration', subjects: [] },
    };
  }

  /** Whether partners register deals at all. */
  get registers(): boolean {
    return this.partners.length > 0 && this.p.registered > 0;
  }

  /** Deals a registration makes, about: the approved share of those not lost to a conflict or a duplicate. */
  get dealsPerRegistration(): number {
    const a = this.p.anomalies.duplicateRegistration;
    return Math.max(0.01, (1 - a) * (1 - this.p.conflict) * this.p.approve);
  }

  /** Passes the writes of an arrival through, keeping the events of deals for conflict evidence. */
  tap(sink: Sink): Sink {
    return {
      row: (table, row) => sink.row(table, row),
      event: (e) => {
        if (e.entityType === 'deal') {
          const list = this.dealEvents.get(e.entityId);
          if (list) list.push({ type: e.type, t: e.t });
          else this.dealEvents.set(e.entityId, [{ type: e.type, t: e.t }]);
        }
        sink.event(e);
      },
    };
  }

  /** A new arrival: the events kept for the last one are no longer needed. */
  beginArrival(): void {
    if (this.dealEvents.size) this.dealEvents = new Map();
  }

  /** A partner deal a channel rep opened (not through a registration): counted with the partner deals. */
  notePartnerDeal(final: DealRow): void {
    this.countPartnerDeal(final, false);
  }

  private countPartnerDeal(final: DealRow, fromRegistration: boolean): void {
    const d = this.truth.partnerDeals;
    d.deals += 1;
    if (fromRegistration) d.fromRegistrations += 1;
    if (final.status === 'won') d.won += 1;
    if (final.status === 'lost') d.lost += 1;
  }

  /**
   * A direct deal just written (created with an account through the deal service): conflicts with
   * the live registrations naming its account are recorded as the service records them, and the
   * deal, while open, is one a registration can conflict with.
   */
  directDeal(
    sink: Sink,
    final: DealRow,
    account: { id: string; name: string; domain: string | null },
    productIds: readonly string[],
    checked: boolean,
  ): void {
    // Without registrations there is nothing to conflict with, now or later.
    if (!this.registers) return;
    const t = final.created_at.getTime();
    const events = (this.dealEvents.get(final.id) ?? []).sort((a, b) => a.t - b.t);
    const party: MatchParty = { customerName: account.name, customerDomain: account.domain, productIds };
    if (checked)
      for (const reg of this.claims.get(account.id) ?? []) {
        if (!(reg.since <= t && t < reg.liveUntil)) continue;
        const reasons = matchParties(party, reg.party);
        if (!reasons) continue;
        this.conflict(sink, {
          id: this.ids.uuid(),
          subject: { kind: 'deal', id: final.id, name: account.name, partnerId: null, since: t, events },
          match: {
            kind: 'registration',
            id: reg.id,
            name: reg.party.customerName,
            partnerId: reg.partner.id,
            since: reg.since,
            events: reg.events,
          },
          reasons,
          t,
          actorId: final.created_by ?? this.world.admin.userId,
        });
      }
    const closedAt = closedAtOf(final);
    if (!account.domain || closedAt <= t) return;
    const entry = this.openDirect.get(account.id) ?? { domain: account.domain, deals: [] };
    entry.deals.push({ id: final.id, party, createdAt: t, closedAt, events });
    this.openDirect.set(account.id, entry);
    if (this.recentAccounts.length < RECENT_ACCOUNTS) this.recentAccounts.push(account.id);
    else this.recentAccounts[this.recentNext] = account.id;
    this.recentNext = (this.recentNext + 1) % RECENT_ACCOUNTS;
  }

  private addLive(reg: LiveRegistration): void {
    this.live.push(reg);
    for (const g of reg.grams) {
      const set = this.byGram.get(g);
      if (set) set.add(reg);
      else this.byGram.set(g, new Set([reg]));
    }
    const domain = reg.party.customerDomain;
    if (domain) {
      const set = this.byDomain.get(domain);
      if (set) set.add(reg);
      else this.byDomain.set(domain, new Set([reg]));
    }
  }

  /**
   * Whether a live registration (or the open deal of one) has this customer: the same domain, or
   * a name as alike as the conflict check takes for the same (shared trigrams over all of both).
   */
  private clash(domain: string, grams: Set<string>, t: number): boolean {
    for (const r of this.byDomain.get(domain) ?? []) if (r.nameUntil > t) return true;
    const shared = new Map<LiveRegistration, number>();
    for (const g of grams) for (const r of this.byGram.get(g) ?? []) shared.set(r, (shared.get(r) ?? 0) + 1);
    for (const [r, n] of shared)
      if (r.nameUntil > t && n / (grams.size + r.grams.size - n) >= SIMILAR_NAME_THRESHOLD) return true;
    return false;
  }

  /** Forgets what can no longer match, every so often (the checks themselves look at the times). */
  private prune(t: number): void {
    if (++this.registered % PRUNE_EVERY !== 0) return;
    const gone = this.live.filter((r) => r.nameUntil <= t);
    this.live = this.live.filter((r) => r.nameUntil > t);
    for (const r of gone) {
      for (const g of r.grams) {
        const set = this.byGram.get(g);
        set?.delete(r);
        if (set?.size === 0) this.byGram.delete(g);
      }
      const domain = r.party.customerDomain;
      const set = domain ? this.byDomain.get(domain) : undefined;
      set?.delete(r);
      if (domain && set?.size === 0) this.byDomain.delete(domain);
    }
    for (const [accountId, entry] of this.openDirect) {
      entry.deals = entry.deals.filter((d) => d.closedAt > t);
      if (entry.deals.length === 0) this.openDirect.delete(accountId);
    }
    for (const [accountId, regs] of this.claims) {
      const kept = regs.filter((r) => r.liveUntil > t);
      if (kept.length) this.claims.set(accountId, kept);
      else this.claims.delete(accountId);
    }
  }

  /** A customer name and domain no live registration or open partner deal of a registration resembles. */
  private freshCustomer(t: number): { name: string; domain: string } {
    const { rng } = this;
    for (let attempt = 0; ; attempt++) {
      const word = (n: number) => {
        let w = '';
        for (let i = 0; i < n; i++) w += rng.pick(i % 2 ? MORE : SYLLABLES);
        return w;
      };
      const a = word(rng.int(2, 3));
      const b = word(2);
      const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
      const name = `${cap(a)} ${cap(b)} ${rng.pick(FORMS)}`;
      const domain = `${a}${b}.example`;
      if (!this.clash(domain, trigrams(normaliseName(name)), t) || attempt >= 50) return { name, domain };
    }
  }

  private products(): string[] {
    const [platform, seat] = this.world.products;
    if (!platform) return [];
    return seat && this.rng.chance(0.5) ? [platform.id, seat.id] : [platform.id];
  }

  /** Writes a conflict as detected, and remembers it to resolve before the registration's decision. */
  private conflict(sink: Sink, c: ConflictDraft): void {
    const suggested = suggestWinner(
      POLICY,
      { since: new Date(c.subject.since), earlierEvents: c.subject.events.filter((e) => e.t <= c.t).length },
      { since: new Date(c.match.since), earlierEvents: c.match.events.filter((e) => e.t <= c.t).length },
    );
    sink.event({
      t: c.t,
      actorId: c.actorId,
      entityType: 'channel_conflict',
      entityId: c.id,
      type: 'channel_conflict.detected',
      data: {
        subjectKind: c.subject.kind,
        subjectId: c.subject.id,
        matchKind: c.match.kind,
        matchId: c.match.id,
        reasons: c.reasons,
        policy: POLICY,
        suggestedWinner: suggested,
      },
      businessTime: null,
    });
    this.truth.conflicts += 1;
    for (const side of [c.subject, c.match]) if (side.kind === 'registration') this.conflictedIds.add(side.id);
    // Resolved by the channel manager before the registration's decision, or (a decided one) after
    // the tier's approval time; the policy's suggestion wins, an undecided one is shared.
    // An open conflict holds up the approval of either registration in it: it is resolved a second
    // before the first of their decisions still ahead.
    const regs = [c.subject, c.match].flatMap((x) =>
      x.kind === 'registration' ? this.live.filter((r) => r.id === x.id) : [],
    );
    const ahead = regs.filter((r) => r.decidedAt > c.t).map((r) => r.decidedAt);
    const winner = suggested === 'undecided' ? 'shared' : suggested;
    let resolvedAt: number;
    if (ahead.length) resolvedAt = Math.max(c.t + 1000, Math.min(...ahead) - 1000);
    else {
      const tier = regs[0]?.partner.tier;
      resolvedAt = c.t + (tier ? this.rng.logNormal(tier.approvalMedianDays, tier.approvalSigma) : 1) * DAY;
    }
    const party = (x: ConflictDraft['subject']) => ({
      kind: x.kind,
      id: x.id,
      customerName: x.name,
      channel: x.partnerId ? 'partner' : 'direct',
      partnerAccountId: x.partnerId,
      since: new Date(x.since).toISOString(),
    });
    resolvedAt = Math.round(resolvedAt);
    const resolved = resolvedAt < this.end;
    const manager = this.world.channelLead;
    sink.row('channel_conflicts', {
      org_id: this.world.orgId,
      id: c.id,
      subject_kind: c.subject.kind,
      subject_id: c.subject.id,
      match_kind: c.match.kind,
      match_id: c.match.id,
      reasons: c.reasons,
      evidence: {
        subject: party(c.subject),
        match: party(c.match),
        subjectEvents: evidence(c.subject.events, c.t),
        matchEvents: evidence(c.match.events, c.t),
      },
      policy: POLICY,
      suggested_winner: suggested,
      status: resolved ? 'resolved' : 'open',
      winner: resolved ? winner : null,
      resolution_note: null,
      resolved_by: resolved ? manager : null,
      resolved_at: resolved ? new Date(resolvedAt) : null,
      detected_at: new Date(c.t),
      version: resolved ? 2 : 1,
    });
    if (resolved)
      sink.event({
        t: resolvedAt,
        actorId: manager,
        entityType: 'channel_conflict',
        entityId: c.id,
        type: 'channel_conflict.resolved',
        data: { winner, suggestedWinner: suggested, note: null },
        businessTime: null,
      });
  }

  /**
   * A partner registers a customer at `t`: a new one, one a direct deal is open for (a conflict),
   * or (an anomaly) one a live registration already covers. Its decision, deal, partner work and
   * window follow.
   */
  register(sink: Sink, t: number, deals: DealMaker): void {
    const { rng, p, world, end } = this;
    this.prune(t);
    const partner = rng.pick(this.partners);
    const tier = partner.tier;
    const id = this.ids.uuid();
    const distributorId = this.twoTier.distributorFor(partner.id);
    // Drawn uniformly among those that qualify by trying random ones (bounded work at any size).
    const draw = <T>(items: readonly T[], ok: (x: T) => boolean): T | undefined => {
      for (let i = 0; i < DRAW_TRIES && items.length; i++) {
        const x = rng.pick(items);
        if (ok(x)) return x;
      }
      return undefined;
    };
    const original = rng.chance(p.anomalies.duplicateRegistration)
      ? draw(this.live, (r) => !r.duplicate && r.accountId === null && r.since < t && t < r.liveUntil)
      : undefined;
    let target: { accountId: string; domain: string; deals: DirectDeal[] } | undefined;
    if (!original && rng.chance(p.conflict)) {
      const accountId = draw(this.recentAccounts, (id) => {
        const e = this.openDirect.get(id);
        return (
          !(this.claims.get(id) ?? []).some((r) => r.liveUntil > t) &&
          e !== undefined &&
          e.deals.some((d) => d.createdAt < t && d.closedAt > t)
        );
      });
      const entry = accountId ? this.openDirect.get(accountId) : undefined;
      if (accountId && entry) target = { accountId, domain: entry.domain, deals: entry.deals };
    }
    let customer: { name: string; domain: string };
    let productIds: string[];
    if (original) {
      // The same customer again, written a little differently (the normalised name is the same).
      const name = original.party.customerName;
      customer = {
        name: rng.chance(0.5) ? name : `${name.split(' ').slice(0, -1).join(' ')} ${rng.pick(FORMS)}`,
        domain: original.party.customerDomain ?? '',
      };
      productIds = rng.chance(0.7) ? [...original.party.productIds] : [];
    } else if (target) {
      // The customer's trading name, under the direct account's web domain.
      customer = { name: this.freshCustomer(t).name, domain: target.domain };
      productIds = this.products();
    } else {
      customer = this.freshCustomer(t);
      productIds = this.products();
    }
    const amount = money(Math.round(rng.logNormal(this.amounts.median, this.amounts.sigma)));
    const close = new Date(t + rng.logNormal(60, 0.4) * DAY).toISOString().slice(0, 10);
    const party: MatchParty = { customerName: customer.name, customerDomain: customer.domain, productIds };

    // The decision: after the tier's approval time; duplicates are rejected, as are registrations
    // the policy gives to an earlier direct deal.
    const decidedAt = Math.round(t + rng.logNormal(tier.approvalMedianDays, tier.approvalSigma) * DAY) + MINUTE;
    const decided = decidedAt < end;
    const loses = target !== undefined || original !== undefined;
    const onMerit = decided && !loses && !deals.full;
    const approved = onMerit && rng.chance(p.approve);
    if (onMerit) {
      this.truth.onMerit.decided += 1;
      if (approved) this.truth.onMerit.approved += 1;
    }
    if (target) this.truth.conflictingWithDirect += 1;
    const protectionDays = tier.protectionDays;
    const hoarded =
      approved &&
      protectionDays > 30 &&
      decidedAt <= end - 30 * DAY &&
      decidedAt + protectionDays * DAY > end &&
      rng.chance(p.anomalies.registrationHoarding);

    const events: Ev[] = [{ type: 'deal_registration.submitted', t }];
    const reg: LiveRegistration = {
      id,
      partner,
      party,
      since: t,
      liveUntil: decided ? decidedAt : Infinity,
      nameUntil: decided ? decidedAt : Infinity,
      decidedAt: decided ? decidedAt : Infinity,
      approved,
      events,
      accountId: target?.accountId ?? null,
      duplicate: original !== undefined,
      grams: trigrams(normaliseName(customer.name)),
    };
    const who = { orgId: world.orgId, actorId: partner.userId };
    const snapshot = {
      partner_account_id: partner.id,
      customer_name: customer.name,
      customer_domain: customer.domain,
      product_ids: productIds,
      amount,
      currency: 'USD',
      expected_close_date: close,
      distributor_account_id: distributorId,
    };
    sink.event({
      t,
      actorId: who.actorId,
      entityType: 'deal_registration',
      entityId: id,
      type: 'deal_registration.submitted',
      data: { after: camelSnapshot(snapshot) },
      businessTime: null,
    });
    this.truth.registrations += 1;
    if (original)
      this.anomalies.duplicate_registration?.subjects.push({
        subjectType: 'deal_registration',
        subjectId: id,
        origin: 'injected',
      });

    // The final row, filled in as the history unfolds.
    const row = {
      org_id: world.orgId,
      id,
      partner_account_id: partner.id,
      registered_by: partner.userId,
      customer_name: customer.name,
      customer_domain: customer.domain,
      product_ids: productIds,
      amount,
      currency: 'USD',
      expected_close_date: close,
      distributor_account_id: distributorId,
      notes: null as string | null,
      status: 'pending',
      deal_id: null as string | null,
      protection_days: null as number | null,
      protected_until: null as Date | null,
      decided_by: null as string | null,
      decided_at: null as Date | null,
      rejection_reason: null as string | null,
      registered_at: new Date(t),
      updated_at: new Date(t),
      version: 1,
    };

    // Conflicts found on registering: the open deals of the direct account, or the original
    // registration when another partner holds it (a partner never conflicts with itself).
    this.addLive(reg);
    const subject = { kind: 'registration' as const, id, name: customer.name, partnerId: partner.id, since: t, events };
    if (target)
      for (const d of target.deals) {
        if (!(d.createdAt < t && d.closedAt > t)) continue;
        const reasons = matchParties(party, d.party);
        if (!reasons) continue;
        this.conflict(sink, {
          id: this.ids.uuid(),
          subject,
          match: {
            kind: 'deal',
            id: d.id,
            name: d.party.customerName,
            partnerId: null,
            since: d.createdAt,
            events: d.events,
          },
          reasons,
          t,
          actorId: who.actorId,
        });
      }
    if (original && original.partner.id !== partner.id) {
      const reasons = matchParties(party, original.party);
      if (reasons)
        this.conflict(sink, {
          id: this.ids.uuid(),
          subject,
          match: {
            kind: 'registration',
            id: original.id,
            name: original.party.customerName,
            partnerId: original.partner.id,
            since: original.since,
            events: original.events,
          },
          reasons,
          t,
          actorId: who.actorId,
        });
    }
    if (target) {
      const list = this.claims.get(target.accountId) ?? [];
      list.push(reg);
      this.claims.set(target.accountId, list);
    }

    if (!decided) {
      this.truth.byStatus.pending += 1;
      sink.row('deal_registrations', row);
      return;
    }
    const manager = world.channelLead;
    const days = businessDaysBetween(new Date(t), new Date(decidedAt));
    this.approvalDays.push({ tier: tier.name, days });
    row.decided_by = manager;
    row.decided_at = new Date(decidedAt);
    row.updated_at = new Date(decidedAt);
    row.version += 1;
    if (!approved) {
      const reason = original
        ? 'Already registered'
        : target
          ? 'The customer is already worked by our direct team'
          : rng.pick([
              'Not a qualified opportunity',
              'Customer outside the partner’s territory',
              'Incomplete registration',
            ]);
      row.status = 'rejected';
      row.rejection_reason = reason;
      sink.event({
        t: decidedAt,
        actorId: manager,
        entityType: 'deal_registration',
        entityId: id,
        type: 'deal_registration.rejected',
        data: { reason, approvalBusinessDays: days },
        businessTime: null,
      });
      events.push({ type: 'deal_registration.rejected', t: decidedAt });
      this.truth.byStatus.rejected += 1;
      sink.row('deal_registrations', row);
      return;
    }

    // Approved: a partner deal for the registering partner, owned by a channel rep.
    const dealId = this.ids.uuid();
    const owner = rng.pick(world.channelReps);
    const draft = startDeal(
      { orgId: world.orgId, actorId: manager },
      decidedAt,
      world.pipelines.partner,
      {
        id: dealId,
        name: customer.name,
        account_id: null,
        primary_contact_id: null,
        amount,
        expected_close_date: close,
        owner_id: owner,
        source: 'deal registration',
        channel: 'partner',
        partner_account_id: partner.id,
      },
      [],
      [],
    );
    let protectedUntil = decidedAt + protectionDays * DAY;
    sink.event({
      t: decidedAt,
      actorId: manager,
      entityType: 'deal_registration',
      entityId: id,
      type: 'deal_registration.approved',
      data: {
        dealId,
        dealCreated: true,
        protectionDays,
        protectedUntil: new Date(protectedUntil).toISOString(),
        approvalBusinessDays: days,
      },
      businessTime: null,
    });
    events.push({ type: 'deal_registration.approved', t: decidedAt });
    row.status = 'approved';
    row.deal_id = dealId;
    row.protection_days = protectionDays;
    row.protected_until = new Date(protectedUntil);

    const steps = hoarded ? [] : deals.walk(sink, draft, owner, decidedAt, []);
    const lastMove = steps.at(-1);
    const closesAt = lastMove && lastMove.kind === 'move' && lastMove.to.kind !== 'open' ? lastMove.t : Infinity;
    if (hoarded)
      this.anomalies.registration_hoarding?.subjects.push({
        subjectType: 'deal_registration',
        subjectId: id,
        origin: 'injected',
      });
    else {
      // The partner works its deal: a call of its own every so often while the deal is open.
      let at = decidedAt;
      for (;;) {
        at += Math.min(25, rng.logNormal(p.partnerActivityDays, 0.5)) * DAY;
        if (at >= end || at >= closesAt) break;
        writeCall(sink, who, at, {
          id: this.ids.uuid(),
          deal_id: dealId,
          contact_id: null,
          account_id: null,
          lead_id: null,
          owner_id: partner.userId,
          disposition: 'connected',
          durationSeconds: rng.int(300, 1800),
        });
      }
    }
    // The window: extended once if the deal is still open at its end, else the registration expires.
    let expiredAt = Infinity;
    if (protectedUntil < end && closesAt > protectedUntil) {
      if (rng.chance(p.extend)) {
        const extendAt = protectedUntil - DAY;
        const add = Math.max(1, Math.round(protectionDays / 2));
        const to = protectedUntil + add * DAY;
        sink.event({
          t: extendAt,
          actorId: manager,
          entityType: 'deal_registration',
          entityId: id,
          type: 'deal_registration.extended',
          data: {
            days: add,
            protectedUntil: { from: new Date(protectedUntil).toISOString(), to: new Date(to).toISOString() },
            reason: 'The partner asked for more time',
          },
          businessTime: null,
        });
        events.push({ type: 'deal_registration.extended', t: extendAt });
        this.truth.extended += 1;
        row.protection_days = protectionDays + add;
        row.protected_until = new Date(to);
        row.updated_at = new Date(extendAt);
        row.version += 1;
        protectedUntil = to;
      }
      if (protectedUntil < end && closesAt > protectedUntil) {
        expiredAt = protectedUntil;
        sink.event({
          t: protectedUntil,
          actorId: null,
          entityType: 'deal_registration',
          entityId: id,
          type: 'deal_registration.expired',
          data: { protectedUntil: new Date(protectedUntil).toISOString(), dealId },
          businessTime: null,
        });
        events.push({ type: 'deal_registration.expired', t: protectedUntil });
        row.status = 'expired';
        row.updated_at = new Date(protectedUntil);
        row.version += 1;
      }
    }
    reg.liveUntil = Math.min(protectedUntil, expiredAt);
    reg.nameUntil = Math.max(reg.liveUntil, closesAt);
    const final = deals.finishDeal(sink, draft, steps);
    this.countPartnerDeal(final, true);
    this.twoTier.dealApproved(row.partner_account_id, row.distributor_account_id);
    if (final.status === 'won') this.truth.registrationsWon += 1;
    this.truth.byStatus[row.status === 'expired' ? 'expired' : 'approved'] += 1;
    sink.row('deal_registrations', row);
  }

  /**
   * A lead inside sales left open after its calls (at `t`) may be offered to a partner by the
   * distribution rule (highest tier with room, then the fewest leads held); the partner accepts,
   * declines or lets the offer lapse.
   */
  offerLead(sink: Sink, leadId: string, t: number): void {
    const { rng, p, world, end } = this;
    if (this.partners.length === 0 || !rng.chance(p.leadOffers.share)) return;
    const at = Math.round(t + rng.logNormal(2, 0.5) * DAY);
    if (at >= end) return;
    const candidates = this.partners.map((x) => {
      const held = (this.offers.get(x.id) ?? []).filter((until) => until > at);
      this.offers.set(x.id, held);
      return {
        accountId: x.id,
        name: x.name,
        tierName: x.tier.name,
        tierRank: x.tier.rank,
        leadCapacity: x.tier.leadCapacity,
        openLeads: held.length,
        offeredBefore: false,
      };
    });
    const chosen = choosePartner(candidates);
    if (!chosen) return;
    const partner = this.partners.find((x) => x.id === chosen.accountId);
    if (!partner) return;
    const id = this.ids.uuid();
    const expiresAt = at + p.leadOffers.hoursToAnswer * HOUR;
    const admin = world.admin.userId;
    sink.event({
      t: at,
      actorId: admin,
      entityType: 'partner_lead_offer',
      entityId: id,
      type: 'partner_lead_offer.offered',
      data: {
        leadId,
        partnerAccountId: partner.id,
        chosenBy: 'rule',
        ruleDetail: chosen.detail,
        expiresAt: new Date(expiresAt).toISOString(),
      },
      businessTime: null,
    });
    this.truth.leadOffers.offered += 1;
    const row = {
      org_id: world.orgId,
      id,
      lead_id: leadId,
      partner_account_id: partner.id,
      status: 'offered',
      chosen_by: 'rule',
      rule_detail: chosen.detail,
      offered_by: admin,
      offered_at: new Date(at),
      expires_at: new Date(expiresAt),
      responded_by: null as string | null,
      responded_at: null as Date | null,
      decline_reason: null as string | null,
      updated_at: new Date(at),
      version: 1,
    };
    const u = rng.next();
    const answer =
      u < p.leadOffers.accept ? 'accepted' : u < p.leadOffers.accept + p.leadOffers.decline ? 'declined' : 'lapse';
    const answeredAt = Math.round(at + (0.05 + 0.9 * rng.next()) * (expiresAt - at));
    let heldUntil = expiresAt;
    if (answer !== 'lapse' && answeredAt < end) {
      const reason =
        answer === 'declined' ? rng.pick(['No capacity this month', 'Outside our region', 'Not our segment']) : null;
      sink.event({
        t: answeredAt,
        actorId: partner.userId,
        entityType: 'partner_lead_offer',
        entityId: id,
        type: answer === 'accepted' ? 'partner_lead_offer.accepted' : 'partner_lead_offer.declined',
        data:
          answer === 'accepted'
            ? { leadId, partnerAccountId: partner.id }
            : { leadId, partnerAccountId: partner.id, reason },
        businessTime: null,
      });
      Object.assign(row, {
        status: answer,
        responded_by: partner.userId,
        responded_at: new Date(answeredAt),
        decline_reason: reason,
        updated_at: new Date(answeredAt),
        version: 2,
      });
      this.truth.leadOffers[answer] += 1;
      heldUntil = answer === 'accepted' ? Infinity : answeredAt;
    } else if (answer === 'lapse' && expiresAt < end) {
      sink.event({
        t: expiresAt,
        actorId: null,
        entityType: 'partner_lead_offer',
        entityId: id,
        type: 'partner_lead_offer.expired',
        data: { leadId, partnerAccountId: partner.id, expiresAt: new Date(expiresAt).toISOString() },
        businessTime: null,
      });
      Object.assign(row, { status: 'expired', updated_at: new Date(expiresAt), version: 2 });
      this.truth.leadOffers.expired += 1;
    } else this.truth.leadOffers.waiting += 1;
    (this.offers.get(partner.id) ?? []).push(heldUntil);
    sink.row('partner_lead_offers', row);
  }

  /** Settles the rates of the truth once the history is written. */
  finish(): void {
    const t = this.truth;
    t.conflicted = this.conflictedIds.size;
    t.conflictRate = t.registrations ? t.conflicted / t.registrations : null;
    const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
    t.meanApprovalBusinessDays = mean(this.approvalDays.map((a) => a.days));
    for (const tier of this.p.tiers)
      t.meanApprovalBusinessDaysByTier[tier.name] = mean(
        this.approvalDays.filter((a) => a.tier === tier.name).map((a) => a.days),
      );
    t.onMerit.approvalRate = t.onMerit.decided ? t.onMerit.approved / t.onMerit.decided : null;
    const d = t.partnerDeals;
    d.winRate = d.won + d.lost ? d.won / (d.won + d.lost) : null;
    const o = t.leadOffers;
    const settled = o.accepted + o.declined + o.expired;
    o.acceptance = settled ? o.accepted / settled : null;
    this.twoTier.finish();
  }
}
