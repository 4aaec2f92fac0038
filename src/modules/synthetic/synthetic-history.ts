import * as data from '../demo/demo-data.ts';
import type { Random } from '../demo/random.ts';
import type { SyntheticAnomalies } from './synthetic-anomalies.ts';
import type { BookedMeeting, SyntheticBookings } from './synthetic-booking.ts';
import { CampaignEffects, type PipelineKey, type SyntheticParams } from './synthetic-params.ts';
import {
  money,
  startDeal,
  writeAccount,
  writeCall,
  writeCampaignCost,
  writeContact,
  writeDeal,
  writeLead,
  writeLeadScore,
  writeMeeting,
  writeObjection,
  writeTouches,
  type SyntheticTouch,
  type DealDraft,
  type DealStep,
  type Sink,
  type Who,
} from './synthetic-records.ts';
import type { SyntheticAgents } from './synthetic-agents.ts';
import type { SyntheticChannel } from './synthetic-channel.ts';
import type { DealRow } from '../deals/deals.repository.ts';
import type { SyntheticWorld, WorldPipeline } from './synthetic-setup.ts';

const DAY = 86_400_000;
const MINUTE = 60_000;
/** Returning customers are drawn from the most recent ones, so memory stays bounded at any size. */
const RECENT = 20_000;

type Kind = PipelineKey | 'lead' | 'registration';

/** The parts of the history generated elsewhere: the channel (registrations, lead offers) and agents on deals. */
export interface HistoryExtras {
  channel?: SyntheticChannel | undefined;
  agents?: SyntheticAgents | undefined;
  /** Anomalies injected into the deals (none without). */
  anomalies?: SyntheticAnomalies | undefined;
  /** Lead routing and meetings booked on connects (none without). */
  bookings?: SyntheticBookings | undefined;
}

export interface SyntheticCounts {
  accounts: number;
  contacts: number;
  consumers: number;
  leads: number;
  convertedLeads: number;
  deals: number;
  won: number;
  lost: number;
  prospectingCalls: number;
  prospectingSuccesses: number;
  dealCalls: number;
  meetings: number;
  objections: number;
  campaignTouches: number;
  touchedLeads: number;
}

/**
 * What each campaign did, by the generating process: the leads it touched, and the conversions it
 * added in expectation: over the leads it touched, the chance to connect without being
 * disqualified times the difference its effect made to the chance of converting then.
 */
export interface CampaignTruth {
  campaignId: string;
  name: string;
  touchedLeads: number;
  touches: number;
  expectedIncrementalConversions: number;
}

interface RecentAccount {
  id: string;
  name: string;
  domain: string | null;
  ownerId: string;
  contacts: string[];
}

/** A ring of the last `RECENT` items. */
class Recent<T> {
  private readonly items: T[] = [];
  private next = 0;
  add(item: T): void {
    if (this.items.length < RECENT) this.items.push(item);
    else this.items[this.next] = item;
    this.next = (this.next + 1) % RECENT;
  }
  pick(rng: Random): T | undefined {
    return this.items.length ? this.items[Math.floor(rng.next() * this.items.length)] : undefined;
  }
}

const ascii = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]/g, '');

/**
 * The organization's history as a stream of arrivals (a new deal, or a lead) in time order, each
 * with its whole future decided at once: the rows it creates (in their final state) and its events
 * (with the times they happen). Arrivals come faster over time (`growth`) and stop once `deals`
 * deals exist; anything that would happen after `end` does not happen, so deals are left open.
 */
export class SyntheticHistory {
  readonly counts: SyntheticCounts = {
    accounts: 0,
    contacts: 0,
    consumers: 0,
    leads: 0,
    convertedLeads: 0,
    deals: 0,
    won: 0,
    lost: 0,
    prospectingCalls: 0,
    prospectingSuccesses: 0,
    dealCalls: 0,
    meetings: 0,
    objections: 0,
    campaignTouches: 0,
    touchedLeads: 0,
  };
  readonly campaignTruth: CampaignTruth[];
  private arrival = 0;
  private readonly expected: number;
  private readonly kinds: [Kind, number][];
  private readonly accounts = new Recent<RecentAccount>();
  private readonly consumers = new Recent<{ id: string; ownerId: string; name: string }>();
  private readonly effects: CampaignEffects;
  /** Chance that a lead connects within its call attempts and is not disqualified on the call. */
  private readonly openAfterConnect: number;
  private nextT: number;
  private nextCostFrom: number;

  constructor(
    private readonly rng: Random,
    private readonly ids: Random,
    private readonly p: SyntheticParams,
    private readonly world: SyntheticWorld,
    private readonly start: number,
    private readonly end: number,
    private readonly deals: number,
    private readonly extras: HistoryExtras = {},
  ) {
    const m = p.dealMix;
    const leads = p.leads.toDeal > 0 ? m.lead / p.leads.toDeal : 0;
    // Partner deals come through a registration with the channel's share; a registration makes a
    // deal only when approved, so registrations arrive more often than the deals they make.
    const channel = extras.channel;
    const viaRegistration = channel?.registers ? p.channel.registered : 0;
    const perRegistration = channel?.dealsPerRegistration ?? 1;
    // Each kind of arrival with its weight and the deals one arrival makes (about).
    const arrivals: [Kind, number, number][] = [
      ['b2b', m.b2b, 1],
      ['b2c', m.b2c, 1],
      ['partner', m.partner * (1 - viaRegistration), 1],
      ['registration', (m.partner * viaRegistration) / perRegistration, perRegistration],
      ['lead', leads, p.leads.toDeal],
    ];
    this.kinds = arrivals.map(([k, w]) => [k, w]);
    const made = arrivals.reduce((a, [, w, y]) => a + w * y, 0);
    this.expected = Math.max(1, (deals * arrivals.reduce((a, [, w]) => a + w, 0)) / (made || 1));
    this.effects = new CampaignEffects(p);
    this.openAfterConnect = (1 - (1 - p.calls.success) ** p.leads.maxCallAttempts) * (1 - p.leads.disqualifyOnConnect);
    this.campaignTruth = world.campaigns.map((c) => ({
      campaignId: c.id,
      name: c.spec.name,
      touchedLeads: 0,
      touches: 0,
      expectedIncrementalConversions: 0,
    }));
    this.nextCostFrom = start;
    this.nextT = this.timeOf(0);
  }

  /** Whether every deal asked for has been made (an approval after that makes none). */
  get full(): boolean {
    return this.counts.deals >= this.deals;
  }

  /** Whether every deal has been made. */
  get done(): boolean {
    // The second test only guards against parameters under which deals (almost) never happen.
    return this.counts.deals >= this.deals || this.arrival > this.expected * 20 + 1000;
  }

  /** When the next arrival happens: nothing it writes is earlier. */
  get nextTime(): number {
    return this.nextT;
  }

  /** Arrival times follow a density rising linearly by `growth` from start to end (inverse of its CDF). */
  private timeOf(i: number): number {
    const u = Math.min(0.999_999, (i + this.rng.next()) / this.expected);
    const g = this.p.growth - 1;
    const x = g === 0 ? u : (-1 + Math.sqrt(1 + 2 * g * u * (1 + g / 2))) / g;
    // A little after the set-up, and never at or past the end.
    return Math.min(this.end - MINUTE, this.start + 3_600_000 + x * (this.end - this.start - 3_600_000));
  }

  /** Writes the next arrival into the sink. */
  step(sink: Sink): void {
    const t = this.nextT;
    this.campaignCosts(sink, t);
    this.extras.channel?.beginArrival();
    this.extras.anomalies?.arrival(sink, t, (rng) => this.accounts.pick(rng));
    const kind = this.rng.weighted(this.kinds);
    if (kind === 'lead') this.lead(sink, t);
    else if (kind === 'registration') this.extras.channel?.register(sink, t, this);
    else this.directDeal(sink, kind, t);
    this.arrival += 1;
    this.nextT = Math.max(t, this.timeOf(this.arrival));
  }

  /**
   * Each campaign's spend: a cost entry for every 30 days of the history, recorded by the marketer
   * at the first arrival on or after the start of those days (`at`), so that the campaigns' events
   * come in time order like every record's.
   */
  private campaignCosts(sink: Sink, at: number): void {
    const { world } = this;
    for (; this.nextCostFrom < this.end && this.nextCostFrom <= at; this.nextCostFrom += 30 * DAY)
      for (const c of world.campaigns) {
        if (c.spec.monthlyCost <= 0) continue;
        writeCampaignCost(sink, { orgId: world.orgId, actorId: world.marketer }, at, c, {
          id: this.ids.uuid(),
          incurredOn: new Date(this.nextCostFrom).toISOString().slice(0, 10),
          amount: money(c.spec.monthlyCost),
          description: 'Spend for 30 days',
        });
      }
  }

  /** Writes what comes after the last arrival: the spend of the days left, each at its start. */
  finish(sink: Sink): void {
    while (this.nextCostFrom < this.end) this.campaignCosts(sink, this.nextCostFrom);
  }

  /**
   * The campaigns that reach a lead arriving at `t` (each independently, with its reach) and their
   * touches, between the arrival and `until` (its first call), oldest first.
   */
  private touchesOf(t: number, until: number): { touched: number[]; touches: SyntheticTouch[] } {
    const { rng, world, p } = this;
    const touched: number[] = [];
    const touches: SyntheticTouch[] = [];
    world.campaigns.forEach((c, i) => {
      if (!rng.chance(c.spec.reach)) return;
      touched.push(i);
      const n = rng.int(1, p.marketing.maxTouches);
      for (let k = 0; k < n; k++)
        touches.push({
          id: this.ids.uuid(),
          t: t + 1000 + rng.next() * Math.max(0, until - t - 2000),
          campaign: c,
          kind: c.spec.touchKind,
        });
    });
    touches.sort((a, b) => a.t - b.t);
    for (const x of touches) x.t = Math.round(x.t);
    // A touch after the end does not happen; a campaign none of whose touches happen did not reach the lead.
    const kept = touches.filter((x) => x.t < this.end);
    return { touched: touched.filter((i) => kept.some((x) => x.campaign === world.campaigns[i])), touches: kept };
  }

  /** Adds a lead's touches to the campaigns' truth: touches, and the conversions each added in expectation. */
  private countTruth(touched: readonly number[], touches: readonly SyntheticTouch[]): void {
    if (touched.length === 0) return;
    this.counts.touchedLeads += 1;
    this.counts.campaignTouches += touches.length;
    const withAll = this.effects.conversion(touched);
    for (const i of touched) {
      const truth = this.campaignTruth[i];
      if (!truth) continue;
      truth.touchedLeads += 1;
      truth.expectedIncrementalConversions +=
        this.openAfterConnect * (withAll - this.effects.conversion(touched.filter((j) => j !== i)));
    }
    for (const x of touches) {
      const truth = this.campaignTruth.findIndex((c) => c.campaignId === x.campaign.id);
      const row = this.campaignTruth[truth];
      if (row) row.touches += 1;
    }
  }

  private pickUser(ids: readonly string[]): string {
    return this.rng.pick(ids);
  }

  private person() {
    const first = this.rng.pick(data.firstNames);
    const last = this.rng.pick(data.lastNames);
    return { first, last };
  }

  private newAccount(sink: Sink, t: number, ownerId: string, actorId: string): RecentAccount {
    const { rng, world } = this;
    const stem = rng.pick(data.companyStems);
    const n = this.counts.accounts + 1;
    const name = `${stem} ${rng.pick(data.companySuffixes)} ${n}`;
    const [city, country] = rng.pick(data.cities);
    const who: Who = { orgId: world.orgId, actorId };
    const acc = writeAccount(sink, who, t, {
      id: this.ids.uuid(),
      name,
      domain: `${ascii(stem)}-${n}.example`,
      industry: rng.pick(data.industries),
      employees: Math.round(rng.logNormal(250, 1.2)),
      annual_revenue: money(Math.round(rng.logNormal(20_000_000, 1))),
      city,
      country,
      type: rng.chance(0.3) ? 'customer' : 'prospect',
      owner_id: ownerId,
    });
    this.counts.accounts += 1;
    const contacts: string[] = [];
    const count = rng.int(
      this.p.accounts.contactsMin,
      Math.max(this.p.accounts.contactsMin, this.p.accounts.contactsMax),
    );
    for (let c = 0; c < count; c++) {
      const { first, last } = this.person();
      const ct = writeContact(sink, who, t + (c + 1) * 1000, {
        id: this.ids.uuid(),
        account_id: acc.id,
        first_name: first,
        last_name: last,
        title: rng.pick(data.titles),
        emails: [`${ascii(first)}.${ascii(last)}.${c}@${acc.domain ?? 'example.com'}`],
        phones: [`+1 555 ${String(rng.int(0, 9_999_999)).padStart(7, '0')}`],
        owner_id: ownerId,
        email_opt_out: false,
      });
      this.counts.contacts += 1;
      contacts.push(ct.id);
    }
    const recent = { id: acc.id, name, domain: acc.domain, ownerId, contacts };
    this.accounts.add(recent);
    return recent;
  }

  private closeDate(t: number): string {
    return new Date(t + this.rng.logNormal(60, 0.4) * DAY).toISOString().slice(0, 10);
  }

  private directDeal(sink: Sink, kind: PipelineKey, t: number): void {
    const { rng, world, p } = this;
    const pipeline = world.pipelines[kind];
    const dealId = this.ids.uuid();
    const who = (actorId: string): Who => ({ orgId: world.orgId, actorId });
    let draft: DealDraft;
    let account: RecentAccount | undefined;
    if (kind === 'b2b') {
      const existing = rng.chance(p.accounts.newAccount) ? undefined : this.accounts.pick(rng);
      const ownerId = existing?.ownerId ?? this.pickUser(world.fieldReps);
      const acc = existing ?? this.newAccount(sink, t, ownerId, ownerId);
      account = acc;
      const primary = acc.contacts[0] ?? null;
      const champion = acc.contacts[1];
      const [platform, seat] = world.products;
      const lines = [
        ...(platform
          ? [
              {
                org_id: world.orgId,
                id: this.ids.uuid(),
                deal_id: dealId,
                product_id: platform.id,
                position: 0,
                quantity: '1.0000',
                unit_price: platform.listPrice,
                discount_percent: '0.00',
              },
            ]
          : []),
        ...(seat
          ? [
              {
                org_id: world.orgId,
                id: this.ids.uuid(),
                deal_id: dealId,
                product_id: seat.id,
                position: 1,
                quantity: `${rng.int(3, 40)}.0000`,
                unit_price: seat.listPrice,
                discount_percent: '0.00',
              },
            ]
          : []),
      ];
      draft = startDeal(
        who(ownerId),
        t + 10 * MINUTE,
        pipeline,
        {
          id: dealId,
          name: `${acc.name} – ${rng.pick(['platform roll-out', 'pilot', 'expansion', 'renewal', 'sensor upgrade'])}`,
          account_id: acc.id,
          primary_contact_id: primary,
          amount: money(Math.round(rng.logNormal(p.amounts.b2bMedian, p.amounts.b2bSigma))),
          expected_close_date: this.closeDate(t),
          owner_id: ownerId,
          source: rng.weighted(Object.entries(p.leads.sources)),
          channel: 'direct',
          partner_account_id: null,
        },
        lines,
        champion ? [{ org_id: world.orgId, deal_id: dealId, contact_id: champion, role: 'champion' }] : [],
      );
    } else if (kind === 'b2c') {
      const returning = rng.chance(p.newConsumer) ? undefined : this.consumers.pick(rng);
      const ownerId = returning?.ownerId ?? this.pickUser(world.insideSales);
      let consumer = returning;
      if (!consumer) {
        const { first, last } = this.person();
        const ct = writeContact(sink, who(ownerId), t, {
          id: this.ids.uuid(),
          account_id: null,
          first_name: first,
          last_name: last,
          title: null,
          emails: rng.chance(0.7) ? [`${ascii(first)}.${ascii(last)}${this.counts.consumers}@mail.example`] : [],
          phones: [`+1 555 ${String(rng.int(0, 9_999_999)).padStart(7, '0')}`],
          owner_id: ownerId,
          email_opt_out: rng.chance(0.2),
        });
        consumer = { id: ct.id, ownerId, name: `${first} ${last}` };
        this.consumers.add(consumer);
        this.counts.consumers += 1;
        this.counts.contacts += 1;
      }
      const qty = rng.int(1, 4);
      const home = world.products[5] ?? world.products[0];
      draft = startDeal(
        who(ownerId),
        t + 10 * MINUTE,
        pipeline,
        {
          id: dealId,
          name: `Home monitor – ${consumer.name}`,
          account_id: null,
          primary_contact_id: consumer.id,
          amount: money(qty * p.amounts.consumerUnit),
          expected_close_date: this.closeDate(t),
          owner_id: ownerId,
          source: rng.pick(['web', 'webinar', 'referral']),
          channel: 'direct',
          partner_account_id: null,
        },
        home
          ? [
              {
                org_id: world.orgId,
                id: this.ids.uuid(),
                deal_id: dealId,
                product_id: home.id,
                position: 0,
                quantity: `${qty}.0000`,
                unit_price: home.listPrice,
                discount_percent: '0.00',
              },
            ]
          : [],
        [],
      );
    } else {
      const partner = rng.pick(world.partnerAccounts);
      const ownerId = this.pickUser(world.channelReps);
      draft = startDeal(
        who(ownerId),
        t,
        pipeline,
        {
          id: dealId,
          name: `${partner.name} – end customer ${this.counts.deals + 1}`,
          account_id: null,
          primary_contact_id: null,
          amount: money(Math.round(rng.logNormal(p.amounts.partnerMedian, p.amounts.partnerSigma))),
          expected_close_date: this.closeDate(t),
          owner_id: ownerId,
          source: 'partner',
          channel: 'partner',
          partner_account_id: partner.id,
        },
        [],
        [],
      );
    }
    const ownerId = draft.row.owner_id ?? draft.who.actorId;
    const final = this.finishDeal(sink, draft, this.walk(sink, draft, ownerId, draft.t, []));
    const { channel, agents } = this.extras;
    if (kind === 'partner') channel?.notePartnerDeal(final);
    else agents?.deal(sink, kind, final);
    if (kind === 'b2b' && account)
      channel?.directDeal(
        sink,
        final,
        account,
        draft.lines.flatMap((l) => (l.product_id ? [l.product_id] : [])),
        true,
      );
  }

  /** Moves a deal through its pipeline from `from`, logging calls, meetings and objections on the way. */
  walk(sink: Sink, draft: DealDraft, actorId: string, from: number, steps: DealStep[]): DealStep[] {
    const { rng, p, end } = this;
    const pl: WorldPipeline = draft.pipeline;
    const who: Who = { orgId: draft.who.orgId, actorId };
    const dealId = draft.row.id;
    const links = { deal_id: dealId, contact_id: null, account_id: null, lead_id: null, owner_id: actorId };
    let t = from;
    for (let i = 0; i < pl.open.length;) {
      const stage = pl.open[i];
      if (!stage) break;
      const dwell = stage.medianDays > 0 ? rng.logNormal(stage.medianDays, stage.sigma) * DAY : 0;
      if (rng.chance(stage.pCall)) {
        const at = t + dwell * rng.next();
        const withObjection = rng.chance(p.calls.objectionRate);
        const category = withObjection ? rng.weighted(Object.entries(p.calls.objectionCategories)) : '';
        const resolved = rng.chance(p.calls.objectionResolved);
        const callId = this.ids.uuid();
        const objId = withObjection ? this.ids.uuid() : '';
        if (at < end) {
          writeCall(sink, who, at, {
            ...links,
            id: callId,
            disposition: 'connected',
            durationSeconds: rng.int(300, 2400),
          });
          this.counts.dealCalls += 1;
          if (withObjection) {
            const entry = this.world.objections.find((o) => o.category === category);
            writeObjection(sink, who, at, {
              id: objId,
              dealId,
              activityId: callId,
              objectionId: entry?.id ?? null,
              category,
              buyerWords: rng.pick(data.buyerWords[category] ?? ['Not sure about this']),
              responseUsed: entry?.response ?? null,
              outcome: resolved ? 'resolved' : 'unresolved',
            });
            this.counts.objections += 1;
          }
        }
      }
      if (rng.chance(stage.pMeeting)) {
        const at = t + dwell * rng.next();
        const outcome = rng.chance(0.85) ? 'held' : 'no_show';
        const id = this.ids.uuid();
        if (at < end) {
          writeMeeting(sink, who, at, {
            ...links,
            id,
            subject: `${stage.name} meeting`,
            minutes: 60,
            location: pl.key === 'b2c' ? 'Phone' : 'Customer site',
            outcome,
          });
          this.counts.meetings += 1;
        }
      }
      t += dwell;
      // Ties with the previous step would make the visit order depend on ids: keep a second apart.
      const last = steps[steps.length - 1];
      t = Math.max(t, (last?.t ?? draft.t) + 1000);
      if (t >= end) return steps;
      if (rng.chance(stage.pLost)) {
        steps.push({ kind: 'move', t, actorId, to: pl.lost, lostReason: rng.pick(data.lostReasons) });
        return steps;
      }
      const skip = !pl.enforce && i + 2 < pl.open.length && rng.chance(stage.pSkip);
      i += skip ? 2 : 1;
      steps.push({ kind: 'move', t, actorId, to: pl.open[i] ?? pl.won });
    }
    return steps;
  }

  finishDeal(sink: Sink, draft: DealDraft, steps: DealStep[]): DealRow {
    const final = writeDeal(sink, draft, this.extras.anomalies?.deal(sink, draft, steps, this.counts) ?? steps);
    this.counts.deals += 1;
    if (final.status === 'won') this.counts.won += 1;
    if (final.status === 'lost') this.counts.lost += 1;
    return final;
  }

  /** Inside sales works a lead by phone; about one call in eight connects, some connects convert. */
  private lead(sink: Sink, t: number): void {
    const { rng, world, p, end } = this;
    const leadId = this.ids.uuid();
    const drawn = this.pickUser(world.insideSales);
    const sdr = this.extras.bookings?.routeLead(leadId, t) ?? drawn;
    const who: Who = { orgId: world.orgId, actorId: sdr };
    const { first, last } = this.person();
    const stem = rng.pick(data.companyStems);
    const n = this.counts.leads + 1;
    const company = `${stem} ${rng.pick(data.companySuffixes)} L${n}`;
    const domain = `${ascii(stem)}-l${n}.example`;
    const lead = {
      id: leadId,
      external_id: null,
      first_name: first,
      last_name: last,
      email: `${ascii(first)}.${ascii(last)}@${domain}`,
      phone: `+1 555 ${String(rng.int(0, 9_999_999)).padStart(7, '0')}`,
      title: rng.pick(data.titles),
      company,
      company_domain: domain,
      industry: rng.pick(data.industries),
      source: rng.weighted(Object.entries(p.leads.sources)),
      campaign_id: null,
      status: 'new',
      disqualified_reason: null,
      owner_id: sdr,
      converted_at: null,
      converted_account_id: null,
      converted_contact_id: null,
      converted_deal_id: null,
      lifecycle_stage: 'lead',
      recycle_reason: null,
    };
    this.counts.leads += 1;
    const changes: { t: number; patch: { status: string; disqualified_reason?: string } }[] = [];
    const links = { deal_id: null, contact_id: null, account_id: null, lead_id: leadId, owner_id: sdr };
    let callT = t + rng.next() * DAY;
    const { touched, touches } = this.touchesOf(t, callT);
    this.countTruth(touched, touches);
    const convertGivenConnect = this.effects.conversion(touched);
    // A connect ends the calling: the lead is disqualified, converts, or is left to nurture.
    let outcome: 'open' | 'converting' | 'disqualified' | 'nurture' = 'open';
    let books = false;
    let bookedOn = callT;
    for (let attempt = 0; attempt < p.leads.maxCallAttempts && outcome === 'open' && callT < end; attempt++) {
      const success = rng.chance(p.calls.success);
      let disposition = rng.weighted(Object.entries(p.leads.failedDispositions));
      if (success) {
        outcome = rng.chance(p.leads.disqualifyOnConnect)
          ? 'disqualified'
          : rng.chance(convertGivenConnect)
            ? 'converting'
            : 'nurture';
        books = outcome === 'converting' || (outcome === 'nurture' && (this.extras.bookings?.setsMeeting() ?? false));
        disposition = books ? 'meeting_booked' : 'connected';
      }
      const callId = this.ids.uuid();
      const duration = success ? rng.int(120, 900) : rng.int(5, 60);
      bookedOn = callT + duration * 1000;
      // The call is logged first, then (a second later) the lead's status follows from it.
      writeCall(sink, who, callT, { ...links, id: callId, disposition, durationSeconds: duration });
      this.counts.prospectingCalls += 1;
      if (success) this.counts.prospectingSuccesses += 1;
      if (attempt === 0) changes.push({ t: callT + 1000, patch: { status: 'working' } });
      if (outcome === 'converting') changes.push({ t: callT + 2000, patch: { status: 'qualified' } });
      if (outcome === 'disqualified')
        changes.push({
          t: callT + 2000,
          patch: {
            status: 'disqualified',
            disqualified_reason: rng.pick(['No budget', 'Not a fit', 'Wrong contact', 'Not a buyer']),
          },
        });
      if (outcome === 'open') callT += rng.logNormal(p.leads.daysBetweenCalls, 0.5) * DAY;
    }
    // Touches by marketing; the lead's scores as its last rescoring (a touch, or a change that left it open) left them.
    writeTouches(sink, { orgId: world.orgId, actorId: world.marketer }, leadId, touches);
    const rescoredAt = Math.max(
      t,
      touches.at(-1)?.t ?? t,
      ...changes
        .filter((c) => c.t < end && (c.patch.status === 'working' || c.patch.status === 'qualified'))
        .map((c) => c.t),
    );
    writeLeadScore(sink, world.orgId, lead, touches, rescoredAt);
    // A meeting is booked as the connecting call ends; a converting lead converts after it is held.
    const meeting: BookedMeeting | null =
      books && this.extras.bookings && bookedOn < end
        ? this.extras.bookings.book(sink, {
            id: leadId,
            name: `${first} ${last}`,
            bookedBy: sdr,
            at: bookedOn,
            converting: outcome === 'converting',
          })
        : null;
    const drawnConvertAt = callT + rng.logNormal(1, 0.5) * DAY;
    const convertAt = meeting?.convertAt ?? drawnConvertAt;
    if (outcome !== 'converting' || convertAt >= end || this.counts.deals >= this.deals) {
      writeLead(
        sink,
        who,
        t,
        lead,
        changes.filter((c) => c.t < end),
      );
      // A lead left open after the calls may go to a partner.
      if (outcome === 'open' || outcome === 'nurture') this.extras.channel?.offerLead(sink, leadId, callT);
      return;
    }
    // Conversion: account, contact and deal made from the lead, owned by the lead's owner; the
    // deal goes to a field rep, who holds the meeting inside sales booked.
    const accountId = this.ids.uuid();
    const contactId = this.ids.uuid();
    const dealId = this.ids.uuid();
    const drawnRep = this.pickUser(world.fieldReps);
    const rep = meeting?.ownerId ?? drawnRep;
    const amount = money(Math.round(rng.logNormal(p.amounts.b2bMedian, p.amounts.b2bSigma)));
    const close = this.closeDate(convertAt);
    let draft: DealDraft | undefined;
    writeLead(sink, who, t, lead, changes, {
      t: convertAt,
      links: { accountId, contactId, dealId },
      writeRecords: () => {
        writeAccount(sink, who, convertAt, {
          id: accountId,
          name: company,
          domain,
          industry: lead.industry,
          employees: null,
          annual_revenue: null,
          city: null,
          country: null,
          type: 'prospect',
          owner_id: sdr,
        });
        writeContact(sink, who, convertAt, {
          id: contactId,
          account_id: accountId,
          first_name: first,
          last_name: last,
          title: lead.title,
          emails: [lead.email],
          phones: [lead.phone],
          owner_id: sdr,
          email_opt_out: false,
        });
        draft = startDeal(
          who,
          convertAt,
          world.pipelines.b2b,
          {
            id: dealId,
            name: `${company} – new deal`,
            account_id: accountId,
            primary_contact_id: contactId,
            amount,
            expected_close_date: close,
            owner_id: sdr,
            source: lead.source,
            channel: 'direct',
            partner_account_id: null,
          },
          [],
          [{ org_id: world.orgId, deal_id: dealId, contact_id: contactId, role: 'decision_maker' }],
        );
      },
    });
    this.counts.accounts += 1;
    this.counts.contacts += 1;
    this.counts.convertedLeads += 1;
    if (meeting) this.extras.bookings?.opportunity();
    this.accounts.add({ id: accountId, name: company, domain, ownerId: rep, contacts: [contactId] });
    if (!draft) return;
    const steps: DealStep[] = [];
    const assignAt = convertAt + 2 * 3_600_000;
    if (assignAt < end) steps.push({ kind: 'assign', t: assignAt, actorId: world.admin.userId, ownerId: rep });
    const meetingAt = convertAt + rng.logNormal(3, 0.4) * DAY;
    // With a booked meeting, the booking is the first meeting (held before the deal was made).
    if (!meeting && assignAt < end && meetingAt < end) {
      writeMeeting(sink, { orgId: world.orgId, actorId: rep }, meetingAt, {
        id: this.ids.uuid(),
        deal_id: dealId,
        contact_id: contactId,
        account_id: null,
        lead_id: null,
        owner_id: rep,
        subject: 'First meeting (booked by inside sales)',
        minutes: 45,
        location: 'Video call',
        outcome: rng.chance(0.85) ? 'held' : 'no_show',
      });
      this.counts.meetings += 1;
    }
    const final = this.finishDeal(sink, draft, assignAt < end ? this.walk(sink, draft, rep, assignAt, steps) : steps);
    // Made by converting the lead, not through the deal service: no conflict check, but a direct
    // deal a registration may later conflict with.
    this.extras.agents?.deal(sink, 'b2b', final);
    this.extras.channel?.directDeal(sink, final, { id: accountId, name: company, domain }, [], false);
  }
}
