import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchParties } from '../src/analytics/channel-match.ts';
import { listRegistrationsQuery } from '../src/contract/channel.ts';
import { ManualClock } from '../src/domain/deps.ts';
import { getAgentSideReport } from '../src/modules/agents/agent-analytics.service.ts';
import { assignAgent, recordConsent, recordDisclosure } from '../src/modules/agents/deal-agents.service.ts';
import { createAgreement } from '../src/modules/agents/parties.service.ts';
import { listDealsQuery } from '../src/contract/deals.ts';
import { createDeal, listDeals } from '../src/modules/deals/deals.service.ts';
import { actorForUser } from '../src/modules/auth/auth.service.ts';
import { ONE_TIER } from '../src/analytics/channel.ts';
import { getChannelAnalytics } from '../src/modules/channel/channel-analytics.service.ts';
import { findConflicts } from '../src/modules/channel/conflicts.service.ts';
import {
  approveRegistration,
  expireLapsedRegistrations,
  extendRegistration,
  getRegistration,
  listRegistrations,
  registerDeal,
} from '../src/modules/channel/registrations.service.ts';
import { withClock } from '../src/modules/context.ts';
import { verifyChain } from '../src/modules/events/chain.ts';
import {
  paramsReport,
  seedSynthetic,
  type SyntheticOptions,
  type SyntheticResult,
} from '../src/modules/synthetic/seed-synthetic.ts';
import { defaultSyntheticParams, type SyntheticParams } from '../src/modules/synthetic/synthetic-params.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';

/**
 * The channel and the agents of a generated organization against the truth the generator wrote:
 * the analytics count the same records the generator counted (so they must agree exactly), the
 * realised rates lie within sampling error of the parameters, the injected anomalies are exactly
 * the records that meet each detector's definition (normal behaviour never does), and a partner
 * user still sees only its own registrations.
 */
const clock = new ManualClock('2026-06-15T10:00:00.000Z');
const DAY = 86_400_000;
const params: SyntheticParams = {
  ...defaultSyntheticParams,
  // More partner deals than by default, so that a small organization has a few hundred registrations.
  dealMix: { b2b: 0.4, b2c: 0.2, partner: 0.3, lead: 0.1 },
};
const options: SyntheticOptions = {
  name: 'Channel Truth Co',
  seed: 11,
  deals: 1500,
  months: 12,
  password: 'synthetic-password',
  params,
  end: new Date('2026-06-01T00:00:00.000Z'),
};
const end = options.end?.getTime() ?? 0;

let deps: TestDeps;
let result: SyntheticResult;
const q = <T>(query: ReturnType<typeof sql<T>>) => query.execute(deps.db).then((r) => r.rows);
const userId = async (local: string) => {
  const rows = await q(
    sql<{ id: string }>`select id from users where org_id = ${result.organizationId} and email like ${local + '@%'}`,
  );
  const id = rows[0]?.id;
  if (!id) throw new Error(`no user ${local}`);
  return id;
};

beforeAll(async () => {
  deps = await createTestDeps({ clock });
  result = await seedSynthetic(deps, options);
}, 300_000);
afterAll(async () => deps.cleanup());

/**
 * Sampling tolerance of a share: four standard errors of a binomial proportion with `n` trials
 * (a chance of about 1 in 16,000 that a correct generator falls outside).
 */
const within = (observed: number, p: number, n: number) => {
  const tolerance = 4 * Math.sqrt((p * (1 - p)) / n);
  expect(Math.abs(observed - p), `${observed} vs ${p} ± ${tolerance} (n = ${n})`).toBeLessThanOrEqual(tolerance);
};

describe('channel in the synthetic generator', () => {
  it('writes the truth next to the parameters, with a chain that verifies', async () => {
    const report = paramsReport(options, result);
    expect(report.channel).toEqual(result.channel);
    expect(report.agents).toEqual(result.agents);
    expect(Object.keys(report.anomalies as object)).toEqual(
      expect.arrayContaining(['dual_agency_unconsented', 'duplicate_registration', 'registration_hoarding']),
    );
    const t = result.channel;
    expect(t.partners).toBe(15);
    expect(t.registrations).toBeGreaterThan(300);
    for (const n of Object.values(t.byStatus)) expect(n).toBeGreaterThan(0);
    expect(t.extended).toBeGreaterThan(0);
    expect((await verifyChain(deps.db, result.organizationId)).ok).toBe(true);
  });

  it('the channel analytics recover the funnel, conflict rate, approval time and win rate exactly', async () => {
    const manager = await actorForUser(deps, result.organizationId, await userId('channel-lead'));
    const a = await getChannelAnalytics(deps, manager);
    const t = result.channel;
    // The same records counted twice: exact agreement, up to floating point for the means.
    expect(a.funnel).toEqual({
      registered: t.registrations,
      approved: t.byStatus.approved + t.byStatus.expired,
      won: t.registrationsWon,
    });
    expect(a.overall.rejected).toBe(t.byStatus.rejected);
    expect(a.overall.expired).toBe(t.byStatus.expired);
    expect(a.overall.conflictRate).toBeCloseTo(t.conflictRate ?? -1, 12);
    expect(a.overall.meanApprovalBusinessDays).toBeCloseTo(t.meanApprovalBusinessDays ?? -1, 12);
    for (const tier of a.byTier)
      expect(tier.meanApprovalBusinessDays, tier.key).toBeCloseTo(t.meanApprovalBusinessDaysByTier[tier.key] ?? -1, 12);
    expect(a.byTier.map((x) => x.key).sort()).toEqual(['Bronze', 'Gold', 'Silver']);
    expect(a.byType).toHaveLength(5);
    expect(a.channelVsDirect.partner.won).toBe(t.partnerDeals.won);
    expect(a.channelVsDirect.partner.lost).toBe(t.partnerDeals.lost);
    expect(a.channelVsDirect.partner.winRate).toBeCloseTo(t.partnerDeals.winRate ?? -1, 12);
  });

  it('realises the parameters within sampling error', () => {
    const t = result.channel;
    const c = params.channel;
    within(t.onMerit.approvalRate ?? -1, c.approve, t.onMerit.decided);
    const notDuplicates = t.registrations - (result.anomalies.duplicate_registration?.subjects.length ?? 0);
    within(t.conflictingWithDirect / notDuplicates, c.conflict, notDuplicates);
    within(
      (result.anomalies.duplicate_registration?.subjects.length ?? 0) / t.registrations,
      c.anomalies.duplicateRegistration,
      t.registrations,
    );
    // Approval takes longer the lower the tier (medians of one, two and three days).
    const byTier = t.meanApprovalBusinessDaysByTier;
    expect(byTier.Gold ?? 0).toBeLessThan(byTier.Silver ?? 0);
    expect(byTier.Silver ?? 0).toBeLessThan(byTier.Bronze ?? 0);
    // Of the offers settled, the accepted share is the acceptance parameter (the rest lapse or are declined).
    const o = t.leadOffers;
    within(o.acceptance ?? -1, c.leadOffers.accept, o.accepted + o.declined + o.expired);
    // Partner deals win as the partner pipeline's survival: 0.63 of the closed ones. Deals still
    // open at the end are the slower ones, which a little more often win: the closed share is a
    // little lower, within the tolerance at this size.
    const d = t.partnerDeals;
    within(d.winRate ?? -1, 0.63, d.won + d.lost);
  });

  it('stores offers, registrations and conflicts as counted', async () => {
    const org = result.organizationId;
    const offers = await q(
      sql<{
        status: string;
        n: number;
      }>`select status, count(*)::int as n from partner_lead_offers where org_id = ${org} group by status`,
    );
    const of = (s: string) => offers.find((x) => x.status === s)?.n ?? 0;
    const o = result.channel.leadOffers;
    expect([of('offered'), of('accepted'), of('declined'), of('expired')]).toEqual([
      o.waiting,
      o.accepted,
      o.declined,
      o.expired,
    ]);
    const [conflicts] = await q(
      sql<{ n: number }>`select count(*)::int as n from channel_conflicts where org_id = ${org}`,
    );
    expect(conflicts?.n).toBe(result.channel.conflicts);
    // A conflict found before the decision on a registration in it is resolved before that decision.
    const blocked = await q(sql<{ id: string }>`
      select r.id from deal_registrations r join channel_conflicts c on c.org_id = r.org_id
        and ((c.subject_kind = 'registration' and c.subject_id = r.id) or (c.match_kind = 'registration' and c.match_id = r.id))
      where r.org_id = ${org} and r.status in ('approved', 'expired')
        and c.detected_at < r.decided_at and (c.status = 'open' or c.resolved_at > r.decided_at)`);
    expect(blocked).toEqual([]);
  });

  it('hoarded registrations are exactly the approved ones left untouched by the partner for 30 days with the deal open', async () => {
    const rows = await q(sql<{ id: string }>`
      select r.id from deal_registrations r join deals d on d.org_id = r.org_id and d.id = r.deal_id
      where r.org_id = ${result.organizationId} and r.status = 'approved' and d.status = 'open'
        and r.decided_at <= ${new Date(end - 30 * DAY)}
        and not exists (select 1 from activities a join users u on u.org_id = a.org_id and u.id = a.created_by
          where a.org_id = r.org_id and a.deal_id = r.deal_id and u.partner_account_id = r.partner_account_id
            and a.occurred_at >= r.decided_at)
      order by r.id`);
    const subjects = result.anomalies.registration_hoarding?.subjects ?? [];
    expect(subjects.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.id)).toEqual(subjects.map((s) => s.subjectId).sort());
    expect(new Set(subjects.map((s) => s.subjectType))).toEqual(new Set(['deal_registration']));
  });

  it('duplicate registrations are exactly those naming a customer a pending or protected registration covers', async () => {
    const regs = await q(sql<{
      id: string;
      customer_name: string;
      customer_domain: string | null;
      product_ids: string[];
      registered_at: Date;
      status: string;
      decided_at: Date | null;
      protected_until: Date | null;
    }>`select id, customer_name, customer_domain, product_ids, registered_at, status, decided_at, protected_until
       from deal_registrations where org_id = ${result.organizationId} order by registered_at, id`);
    // Live at t: pending then, or approved with its window (as last extended) still running.
    const liveAt = (r: (typeof regs)[number], t: number) => {
      if (r.registered_at.getTime() >= t) return false;
      if (r.decided_at === null || r.decided_at.getTime() > t) return true;
      return r.status !== 'rejected' && (r.protected_until?.getTime() ?? 0) > t;
    };
    const party = (r: (typeof regs)[number]) => ({
      customerName: r.customer_name,
      customerDomain: r.customer_domain,
      productIds: r.product_ids,
    });
    const found = regs
      .filter((b) => regs.some((a) => liveAt(a, b.registered_at.getTime()) && matchParties(party(a), party(b))))
      .map((b) => b.id)
      .sort();
    const subjects = result.anomalies.duplicate_registration?.subjects ?? [];
    expect(subjects.length).toBeGreaterThan(0);
    expect(found).toEqual(subjects.map((s) => s.subjectId).sort());
  });

  it('unconsented dual agency is exactly the deals with one agent or firm on both sides without both consents first', async () => {
    const org = result.organizationId;
    const agents = await q(sql<{ deal_id: string; party: string; firm: string | null; side: string; at: Date }>`
      select da.deal_id, da.agent_party_id as party, p.firm_id as firm, da.side, da.assigned_at as at
      from deal_agents da join agent_parties p on p.org_id = da.org_id and p.id = da.agent_party_id
      where da.org_id = ${org} order by da.assigned_at, da.id`);
    const consents = await q(
      sql<{
        deal_id: string;
        side: string;
        at: Date;
      }>`select deal_id, side, recorded_at as at from dual_agency_consents where org_id = ${org}`,
    );
    const unconsented = new Set<string>();
    let consented = 0;
    for (const [i, b] of agents.entries()) {
      const dual = agents
        .slice(0, i)
        .some(
          (a) =>
            a.deal_id === b.deal_id &&
            a.side !== b.side &&
            (a.party === b.party || (a.firm ?? a.party) === (b.firm ?? b.party)),
        );
      if (!dual) continue;
      const sides = new Set(
        consents.filter((c) => c.deal_id === b.deal_id && c.at.getTime() <= b.at.getTime()).map((c) => c.side),
      );
      if (sides.size === 2) consented++;
      else unconsented.add(b.deal_id);
    }
    const subjects = result.anomalies.dual_agency_unconsented?.subjects ?? [];
    expect(subjects.length).toBeGreaterThan(0);
    expect([...unconsented].sort()).toEqual(subjects.map((s) => s.subjectId).sort());
    expect(consented).toBe(result.agents.dualAgencyConsented);
    expect(consented).toBeGreaterThan(0);
  });
});

describe('agents in the synthetic generator', () => {
  it('the agents-by-side analysis counts the deals the generator gave agents to', async () => {
    const admin = await actorForUser(deps, result.organizationId, await userId('admin'));
    const report = await getAgentSideReport(deps, admin);
    for (const side of ['buyer', 'seller'] as const) {
      const row = report.rows.find((r) => r.side === side);
      const t = result.agents.bySide[side];
      expect({ deals: row?.deals, open: row?.open, won: row?.won, lost: row?.lost }).toEqual(t);
    }
  });

  it('realises the shares of deals with a buyer’s or seller’s agent within sampling error', () => {
    // B2B deals run for weeks, so an agent joining within three days is almost never too late: the
    // realised shares are the parameters'. (B2C deals can close first: their shares come out lower.)
    const b = result.agents.byPipeline.b2b;
    const s = params.agents.b2b;
    within(b.buyer / b.deals, s.buyerOnly + s.both, b.deals);
    within(b.seller / b.deals, s.sellerOnly + s.both, b.deals);
    within(b.both / b.deals, s.both, b.deals);
    expect(result.agents.byPipeline.b2c.buyer).toBeGreaterThan(0);
  });
});

describe('two-tier distribution in the synthetic generator', () => {
  it("recovers the share of resellers' deals registered through a distributor from the deals' partner roles", async () => {
    const t = result.channel.twoTier;
    expect(t).toMatchObject({ rate: params.channel.twoTier, distributors: 3, resellers: 6 });
    // Per deal approved from a registration of a partner a distributor serves: the deal's
    // distributor, as the deal API names it (the first distributor its registrations name).
    const deals = await q(sql<{ distributor: string | null }>`
      select (select r.distributor_account_id from deal_registrations r where r.org_id = d.org_id and r.deal_id = d.id
                and r.distributor_account_id is not null order by r.registered_at limit 1) as distributor
      from deals d where d.org_id = ${result.organizationId} and d.deleted_at is null
        and d.partner_account_id in (select reseller_account_id from partner_resellers where org_id = d.org_id)
        and exists (select 1 from deal_registrations r where r.org_id = d.org_id and r.deal_id = d.id)`);
    const twoTier = deals.filter((d) => d.distributor !== null).length;
    // The same deals counted twice: exact agreement with the truth, and the rate within sampling error.
    expect([deals.length, twoTier]).toEqual([t.resellerDeals, t.twoTierDeals]);
    expect(t.resellerDeals).toBeGreaterThan(40);
    within(twoTier / deals.length, params.channel.twoTier, deals.length);
    within(t.throughDistributor / t.resellerRegistrations, params.channel.twoTier, t.resellerRegistrations);
    // The channel analytics' breakdown by distributor counts the same registrations.
    const a = await getChannelAnalytics(
      deps,
      await actorForUser(deps, result.organizationId, await userId('channel-lead')),
    );
    const through = a.byDistributor.filter((g) => g.key !== ONE_TIER);
    expect(through).toHaveLength(3);
    expect(through.reduce((n, g) => n + g.registered, 0)).toBe(t.throughDistributor);
    expect(a.byDistributor.reduce((n, g) => n + g.registered, 0)).toBe(a.overall.registered);
  });
});

describe('access on generated channel data', () => {
  it('a generated partner user (a distributor) sees its own registrations and those its resellers made through it', async () => {
    const partnerUser = await actorForUser(deps, result.organizationId, await userId('partner-1'));
    const own = partnerUser.partnerAccountId;
    expect(own).toBeTruthy();
    const seen = await listRegistrations(deps, partnerUser, listRegistrationsQuery.parse({ limit: 200 }));
    const [stored] = await q(
      sql<{
        n: number;
      }>`select count(*)::int as n from deal_registrations where org_id = ${result.organizationId} and (partner_account_id = ${own} or distributor_account_id = ${own})`,
    );
    expect(seen.items.length).toBe(Math.min(200, stored?.n ?? -1));
    expect(seen.items.every((r) => r.partnerAccountId === own || r.distributorAccountId === own)).toBe(true);
    expect(seen.items.some((r) => r.distributorAccountId === own)).toBe(true);
    const [other] = await q(
      sql<{
        id: string;
      }>`select id from deal_registrations where org_id = ${result.organizationId} and partner_account_id <> ${own}
           and distributor_account_id is distinct from ${own} limit 1`,
    );
    await expect(getRegistration(deps, partnerUser, other?.id ?? '')).rejects.toMatchObject({ code: 'not_found' });
    // Its resellers' deals through it are among the deals it reads; their other deals are not.
    const deals = await listDeals(deps, partnerUser, listDealsQuery.parse({ limit: 200 }));
    expect(deals.items.some((d) => d.distributorAccountId === own && d.partnerAccountId !== own)).toBe(true);
    expect(deals.items.every((d) => d.partnerAccountId === own || d.distributorAccountId === own)).toBe(true);
  });
});

// Last: the replays add records of their own beside the generated ones.
describe('generated channel and agent records replayed through the services', () => {
  it('records for a registration exactly the events and row the services record for the same history', async () => {
    const org = result.organizationId;
    // An extended registration whose deal was still open when its window ended, with no conflict;
    // and none with the records of later days either (the database holds the whole history, so a
    // replay would also meet later registrations of a name like its own).
    const candidates = await q(sql<{
      id: string;
      customer_name: string;
      customer_domain: string | null;
      product_ids: string[];
      partner_account_id: string;
      registered_at: Date;
    }>`
      select r.id, r.customer_name, r.customer_domain, r.product_ids, r.partner_account_id, r.registered_at
      from deal_registrations r where r.org_id = ${org} and r.status = 'expired'
        and exists (select 1 from events e where e.org_id = r.org_id and e.entity_id = r.id and e.type = 'deal_registration.extended')
        and not exists (select 1 from channel_conflicts c where c.org_id = r.org_id and (c.subject_id = r.id or c.match_id = r.id))
      order by r.id`);
    let pick: { id: string } | undefined;
    for (const c of candidates) {
      const matches = await findConflicts(
        deps.db,
        org,
        {
          kind: 'registration',
          id: c.id,
          customerName: c.customer_name,
          customerDomain: c.customer_domain,
          productIds: c.product_ids,
          channel: 'partner',
          partnerAccountId: c.partner_account_id,
        },
        c.registered_at,
      );
      if (matches.length === 0) {
        pick = c;
        break;
      }
    }
    if (!pick) throw new Error('no extended and expired registration to replay');
    type Ev = { type: string; actor_id: string | null; occurred_at: Date; data: Record<string, unknown> };
    const eventsOf = (id: string) =>
      q(
        sql<Ev>`select type, actor_id, occurred_at, data from events where org_id = ${org} and entity_id = ${id} order by seq`,
      );
    const rowOf = (id: string) =>
      deps.db
        .selectFrom('deal_registrations')
        .selectAll()
        .where('org_id', '=', org)
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
    const original = await eventsOf(pick.id);
    const row = await rowOf(pick.id);
    const dealRow = await deps.db
      .selectFrom('deals')
      .selectAll()
      .where('org_id', '=', org)
      .where('id', '=', row.deal_id ?? '')
      .executeTakeFirstOrThrow();
    const at = (type: string) => {
      const e = original.find((x) => x.type === type);
      if (!e) throw new Error(`no ${type}`);
      return e;
    };
    // Replay: the same calls at the same times, by the same users, through the services.
    const replayClock = new ManualClock(at('deal_registration.submitted').occurred_at);
    const replay = withClock(deps, replayClock);
    const partner = await actorForUser(deps, org, row.registered_by ?? '');
    const manager = await actorForUser(deps, org, row.decided_by ?? '');
    const replica = await registerDeal(replay, partner, {
      customerName: row.customer_name,
      customerDomain: row.customer_domain,
      productIds: row.product_ids,
      amount: row.amount,
      currency: 'USD',
      expectedCloseDate: row.expected_close_date,
      distributorAccountId: row.distributor_account_id,
    });
    replayClock.set(at('deal_registration.approved').occurred_at);
    const approved = await approveRegistration(replay, manager, replica.id, '*', {
      pipelineId: dealRow.pipeline_id,
      ownerId: dealRow.owner_id,
    });
    const extended = at('deal_registration.extended');
    replayClock.set(extended.occurred_at);
    await extendRegistration(replay, manager, replica.id, '*', {
      days: extended.data.days as number,
      reason: extended.data.reason as string,
    });
    replayClock.set(at('deal_registration.expired').occurred_at);
    expect(await expireLapsedRegistrations(replay, org)).toBe(1);

    const dealIds = (s: unknown) => JSON.stringify(s).replaceAll(approved.dealId ?? '?', row.deal_id ?? '');
    const shape = (evs: Ev[]) =>
      evs.map((e) => ({ type: e.type, actor: e.actor_id, at: e.occurred_at.toISOString(), data: dealIds(e.data) }));
    expect(shape(await eventsOf(replica.id))).toEqual(shape(original));
    const replayed = await rowOf(replica.id);
    expect({ ...replayed, id: pick.id, deal_id: row.deal_id }).toEqual(row);
    // The deal the approval created, as created.
    const [createdOriginal] = await q(
      sql<Ev>`select type, actor_id, occurred_at, data from events where org_id = ${org} and entity_id = ${row.deal_id} and type = 'deal.created'`,
    );
    const [createdReplica] = await q(
      sql<Ev>`select type, actor_id, occurred_at, data from events where org_id = ${org} and entity_id = ${approved.dealId} and type = 'deal.created'`,
    );
    expect(createdReplica && shape([createdReplica])).toEqual(createdOriginal && shape([createdOriginal]));
  }, 60_000);

  it('records for a deal with dual agency exactly the agent events the services record', async () => {
    const org = result.organizationId;
    const [pick] = await q(sql<{ id: string }>`
      select d.deal_id as id from dual_agency_detections d where d.org_id = ${org} order by d.deal_id limit 1`);
    if (!pick) throw new Error('no dual agency to replay');
    type Ev = {
      type: string;
      actor_id: string | null;
      occurred_at: Date;
      business_time: Date | null;
      data: Record<string, unknown>;
    };
    const agentEvents = (id: string) =>
      q(sql<Ev>`select type, actor_id, occurred_at, business_time, data from events where org_id = ${org}
        and entity_type = 'deal' and entity_id = ${id} and (type like 'deal.agent%' or type like 'deal.dual_agency%') order by seq`);
    const original = await agentEvents(pick.id);
    const deal = await deps.db
      .selectFrom('deals')
      .selectAll()
      .where('org_id', '=', org)
      .where('id', '=', pick.id)
      .executeTakeFirstOrThrow();
    const admin = await actorForUser(deps, org, await userId('admin'));
    const replayClock = new ManualClock(deal.created_at);
    const replay = withClock(deps, replayClock);
    const replica = await createDeal(replay, admin, {
      name: `${deal.name} (replayed)`,
      pipelineId: deal.pipeline_id,
      accountId: deal.account_id,
      primaryContactId: deal.primary_contact_id,
      expectedCloseDate: deal.expected_close_date,
      ownerId: admin.userId,
    });
    // Each agreement the history signed with the buyer is signed again for the replica.
    const agreements = new Map<string, string>();
    const agreementFor = async (id: string) => {
      const known = agreements.get(id);
      if (known) return known;
      const a = await deps.db
        .selectFrom('agency_agreements')
        .selectAll()
        .where('org_id', '=', org)
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      if (a.side === 'seller') return id;
      const created = await createAgreement(replay, admin, {
        agentPartyId: a.agent_party_id,
        side: 'buyer',
        ...(a.represented_account_id ? { representedAccountId: a.represented_account_id } : {}),
        ...(a.represented_contact_id ? { representedContactId: a.represented_contact_id } : {}),
        effectiveFrom: a.effective_from,
        exclusive: a.exclusive,
        compensationKind: a.compensation_kind as 'percent' | 'amount',
        ...(a.compensation_percent ? { compensationPercent: a.compensation_percent } : {}),
        ...(a.compensation_amount ? { compensationAmount: a.compensation_amount, currency: 'USD' } : {}),
      });
      const [signed] = await q(
        sql<Ev>`select type, actor_id, occurred_at, business_time, data from events where org_id = ${org} and entity_id = ${id}`,
      );
      const [again] = await q(
        sql<Ev>`select type, actor_id, occurred_at, business_time, data from events where org_id = ${org} and entity_id = ${created.id}`,
      );
      expect(again && { ...again, occurred_at: null }).toEqual(signed && { ...signed, occurred_at: null });
      agreements.set(id, created.id);
      return created.id;
    };
    for (const e of original) {
      replayClock.set(e.occurred_at);
      const d = e.data;
      if (e.type === 'deal.agent_assigned')
        await assignAgent(replay, admin, replica.id, {
          agentPartyId: d.agentPartyId as string,
          agreementId: await agreementFor(d.agreementId as string),
          role: d.role as 'buyer_agent',
          side: d.side as 'buyer',
        });
      if (e.type === 'deal.dual_agency_consent_recorded')
        await recordConsent(replay, admin, replica.id, {
          side: d.side as 'buyer',
          givenBy: d.givenBy as string,
          consentedAt: d.consentedAt as string,
          documentRef: d.documentRef as string,
        });
      if (e.type === 'deal.agent_disclosed')
        await recordDisclosure(replay, admin, replica.id, {
          agentPartyId: d.agentPartyId as string,
          disclosedTo: d.disclosedTo as string,
          disclosedAt: d.disclosedAt as string,
          documentRef: d.documentRef as string,
        });
    }
    const ids = new Set(['dealAgentId', 'consentId', 'disclosureId', 'agreementId']);
    const shape = (evs: Ev[]) =>
      evs.map((e) => ({
        type: e.type,
        actor: e.actor_id,
        at: e.occurred_at.toISOString(),
        businessTime: e.business_time,
        data: Object.fromEntries(Object.entries(e.data).filter(([k]) => !ids.has(k))),
      }));
    expect(original.some((e) => e.type === 'deal.dual_agency_detected')).toBe(true);
    expect(shape(await agentEvents(replica.id))).toEqual(shape(original));
  }, 60_000);
});
