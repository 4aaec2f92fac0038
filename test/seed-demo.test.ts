import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../src/modules/events/chain.ts';
import { seedDemo, type DemoResult } from '../src/modules/demo/seed-demo.ts';
import { actorForUser } from '../src/modules/auth/auth.service.ts';
import { attribution } from '../src/modules/analytics/analyses/attribution-journeys.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { getChannelAnalytics } from '../src/modules/channel/channel-analytics.service.ts';
import { ledgerUntil } from '../src/modules/commissions/statements.service.ts';
import { demoQuarters } from '../src/modules/demo/demo-forecasting.ts';
import { getAgentSideReport } from '../src/modules/agents/agent-analytics.service.ts';
import { listDeals } from '../src/modules/deals/deals.service.ts';
import { bookingRatesReport } from '../src/modules/booking/booking.service.ts';
import { bookingRatesQuery } from '../src/contract/booking.ts';
import { listDealsQuery } from '../src/contract/deals.ts';
import { listTerritories } from '../src/modules/routing/territories.service.ts';
import { getLedger, listPools } from '../src/modules/routing/pools.service.ts';
import { leadRouting } from '../src/modules/routing/record-routing.service.ts';
import {
  attainmentReport,
  forecastAccuracyReport,
  listSubmissions,
} from '../src/modules/forecasting/forecasting.service.ts';

const adminOf = (orgId: string) =>
  deps.db
    .selectFrom('users')
    .select('id')
    .where('org_id', '=', orgId)
    .where('role', '=', 'admin')
    .executeTakeFirstOrThrow();

let deps: TestDeps;
let result: DemoResult;

beforeAll(async () => {
  deps = await createTestDeps();
  result = await seedDemo(deps, { deals: 40, leads: 40, seed: 7 });
}, 120_000);
afterAll(async () => {
  await deps.cleanup();
});

describe('demo organization', () => {
  it("has agents on both sides of deals, disclosed, one firm on both sides with both parties' consent", async () => {
    const admin = await actorForUser(deps, result.organizationId, (await adminOf(result.organizationId)).id);
    const report = await getAgentSideReport(deps, admin);
    const deals = (side: string) => report.rows.find((r) => r.side === side)?.deals ?? 0;
    expect(deals('buyer')).toBeGreaterThan(0);
    expect(deals('seller')).toBeGreaterThan(0);
    expect(result.counts.dualAgency).toBe(1);
    const dual = await deps.db
      .selectFrom('dual_agency_detections')
      .select(['outcome', 'basis'])
      .where('org_id', '=', result.organizationId)
      .execute();
    expect(dual.map((d) => d.outcome)).toContain('consented');
    const disclosures = await deps.db
      .selectFrom('agent_disclosures')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('org_id', '=', result.organizationId)
      .executeTakeFirstOrThrow();
    expect(Number(disclosures.n)).toBe(deals('buyer') - 1 + deals('seller'));
    // Eli signs in as an agent and sees the deals he works on, and no other.
    const eli = result.users.find((u) => u.role === 'agent');
    const user = await deps.db
      .selectFrom('users')
      .select('id')
      .where('org_id', '=', result.organizationId)
      .where('email', '=', eli?.email ?? '')
      .executeTakeFirstOrThrow();
    const agent = await actorForUser(deps, result.organizationId, user.id);
    const seen = await listDeals(deps, agent, listDealsQuery.parse({ limit: 200 }));
    expect(seen.items.length).toBe(deals('seller'));
  });

  it('shows marketing working: campaigns with costs, touches, and revenue credited to them', async () => {
    expect(result.counts.campaigns).toBe(4);
    expect(result.counts.touches).toBeGreaterThan(40);
    const maya = result.users.find((u) => u.role === 'marketing');
    const user = await deps.db
      .selectFrom('users')
      .select('id')
      .where('org_id', '=', result.organizationId)
      .where('email', '=', maya?.email ?? '')
      .executeTakeFirstOrThrow();
    const marketer = await actorForUser(deps, result.organizationId, user.id);
    const r = await attribution(deps, marketer, {}, { halfLifeDays: 7, resamples: 20 });
    expect(r.campaigns).toHaveLength(4);
    expect(r.campaigns.every((c) => c.cost > 0)).toBe(true);
    const credited = r.campaigns.reduce((a, c) => a + c.pipeline.linear, 0);
    expect(credited).toBeGreaterThan(0);
  });

  it('has a webinar sign-up form with submissions: new leads in turn to inside sales, a repeat matched', async () => {
    expect(result.counts.forms).toBe(1);
    expect(result.counts.formSubmissions).toBe(5);
    const rows = await deps.db
      .selectFrom('form_submissions')
      .select(['outcome', 'consent_text', 'utm_medium'])
      .where('org_id', '=', result.organizationId)
      .orderBy('submitted_at')
      .execute();
    expect(rows.map((r) => r.outcome)).toEqual([
      'created_lead',
      'created_lead',
      'created_lead',
      'created_lead',
      'matched_lead',
    ]);
    expect(rows.every((r) => r.consent_text !== null && r.utm_medium === 'referral')).toBe(true);
  });

  it('scores leads: scoring rules, stored grades, leads moved to MQL by score, and a model report', async () => {
    const org = result.organizationId;
    const settings = await deps.db.selectFrom('scoring_settings').select('version').where('org_id', '=', org).execute();
    expect(settings).toHaveLength(1);
    const grades = await deps.db.selectFrom('lead_scores').select('grade').where('org_id', '=', org).execute();
    expect(grades.length).toBeGreaterThan(0);
    expect(new Set(grades.map((g) => g.grade)).size).toBeGreaterThan(1);
    const promoted = await deps.db
      .selectFrom('events')
      .select('data')
      .where('org_id', '=', org)
      .where('type', '=', 'lead.lifecycle_changed')
      .execute();
    expect(promoted.some((e) => String((e.data as { reason?: string }).reason).startsWith('score reached'))).toBe(true);
    const model = await deps.db.selectFrom('scoring_models').select('status').where('org_id', '=', org).execute();
    expect(model).toHaveLength(1);
  });

  it('hands MQLs to sales: hand-offs accepted, one rejected with its reason, and breaches escalated in demo time', async () => {
    const org = result.organizationId;
    const handoffs = await deps.db
      .selectFrom('lead_handoffs')
      .select(['status', 'reject_reason', 'breached_at', 'due_at', 'escalation'])
      .where('org_id', '=', org)
      .execute();
    expect(handoffs.filter((h) => h.status === 'accepted').length).toBeGreaterThan(1);
    const rejected = handoffs.filter((h) => h.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.reject_reason).toMatch(/: not sales-ready$/);
    const breached = handoffs.filter((h) => h.breached_at !== null);
    expect(breached.length).toBeGreaterThan(0);
    // checked at their due time on the demo's clock, and escalated to the inside sales manager
    for (const h of breached) expect(h.breached_at?.getTime()).toBe(h.due_at.getTime());
    expect(breached.some((h) => h.escalation === 'notified')).toBe(true);
  });

  it('is built through the services with a valid audit chain', async () => {
    const report = await verifyChain(deps.db, result.organizationId);
    expect(report.ok).toBe(true);
    expect(report.unsealed).toBe(0);
    expect(report.checked).toBeGreaterThan(300);
  });

  it('has history spread over the past months, in system time order', async () => {
    const rows = await deps.db
      .selectFrom('events')
      .select(['type', 'occurred_at', 'seq'])
      .where('org_id', '=', result.organizationId)
      .orderBy('seq')
      .execute();
    const first = rows[0]?.occurred_at.getTime() ?? 0;
    const last = rows[rows.length - 1]?.occurred_at.getTime() ?? 0;
    expect(last - first).toBeGreaterThan(200 * 86_400_000);
    for (let i = 1; i < rows.length; i++)
      expect(rows[i]!.occurred_at.getTime()).toBeGreaterThanOrEqual(rows[i - 1]!.occurred_at.getTime());
    const types = new Set(rows.map((r) => r.type));
    for (const t of [
      'deal.created',
      'deal.stage_changed',
      'deal.won',
      'deal.lost',
      'deal.assigned',
      'activity.created',
      'objection.raised',
      'lead.status_changed',
      'lead.converted',
      'campaign.created',
      'campaign.cost_added',
      'touch.recorded',
      'lead.lifecycle_changed',
    ]) {
      expect(types, t).toContain(t);
    }
  });

  it('has B2B and B2C deals in three pipelines, open and closed', async () => {
    const deals = await deps.db
      .selectFrom('deals')
      .select(['status', 'account_id', 'pipeline_id', 'channel'])
      .where('org_id', '=', result.organizationId)
      .execute();
    expect(deals.length).toBe(result.counts.deals);
    expect(new Set(deals.map((d) => d.pipeline_id)).size).toBe(3);
    expect(deals.some((d) => d.account_id === null)).toBe(true);
    expect(deals.some((d) => d.channel === 'partner')).toBe(true);
    const statuses = new Set(deals.map((d) => d.status));
    expect([...statuses].sort()).toEqual(['lost', 'open', 'won']);
  });

  it("ends with approval rules, a locked quarter, a rep's discount waiting for the manager and the detectors run", async () => {
    const org = result.organizationId;
    const rules = await deps.db.selectFrom('approval_rules').select('kind').where('org_id', '=', org).execute();
    expect(rules.map((r) => r.kind).sort()).toEqual(['amount_above', 'discount_above', 'locked_period', 'reopen_won']);
    expect(await deps.db.selectFrom('period_locks').select('id').where('org_id', '=', org).execute()).toHaveLength(1);
    const pending = await deps.db
      .selectFrom('approvals')
      .select(['status', 'approvers'])
      .where('org_id', '=', org)
      .execute();
    expect(pending.map((a) => a.status)).toEqual(['pending']);
    expect(result.counts.pendingApprovals).toBe(1);
    const findings = await deps.db.selectFrom('findings').select('id').where('org_id', '=', org).execute();
    expect(findings).toHaveLength(result.counts.findings ?? -1);
  });

  it('pays commissions on the year: plans assigned from its first day (partners too), wins on statements, a bonus', async () => {
    const org = result.organizationId;
    const period = deps.clock.now().toISOString().slice(0, 7);
    const { lines, assignments } = await ledgerUntil(deps.db, org, period);
    expect(assignments.filter((a) => a.payee_kind === 'user')).toHaveLength(7);
    expect(assignments.filter((a) => a.payee_kind === 'partner').length).toBeGreaterThan(0);
    expect(lines.filter((l) => l.kind === 'commission').length).toBeGreaterThan(0);
    expect(lines.filter((l) => l.kind === 'partner').length).toBeGreaterThan(0);
    expect(lines.filter((l) => l.kind === 'override').length).toBeGreaterThan(0);
    expect(lines.filter((l) => l.kind === 'bonus').map((l) => l.amount)).toEqual(['1500.00']);
  });

  it('sets quotas for the last two quarters and has the last closed quarter forecast, rolled up and scored', async () => {
    const org = result.organizationId;
    const admin = await actorForUser(deps, org, (await adminOf(org)).id);
    const { previous, current } = demoQuarters(deps.clock.now().getTime(), 'America/Chicago');
    // Four field reps and the channel rep, and the field team, for each quarter.
    expect(result.counts.quotas).toBe(12);
    for (const period of [previous, current]) {
      const report = await attainmentReport(deps, admin, { period });
      expect(report.items.filter((i) => i.kind === 'rep')).toHaveLength(5);
      expect(report.items.filter((i) => i.kind === 'team').map((i) => i.name)).toEqual(['Field sales']);
    }
    const { items } = await listSubmissions(deps, admin, { period: previous });
    // Each field rep (the first twice, trimming the commit) and the field lead's roll-up.
    expect(items.filter((i) => i.kind === 'rep')).toHaveLength(5);
    const [rollUp] = items.filter((i) => i.kind === 'rollup');
    expect(rollUp?.note).toContain('legal signs off');
    expect(rollUp?.members.filter((m) => Object.keys(m.override).length > 0)).toHaveLength(1);
    const accuracy = await forecastAccuracyReport(deps, admin, { period: previous });
    expect(accuracy.closed).toBe(true);
    expect(accuracy.items).toHaveLength(4);
  });

  it('reports what it wrote, links objections to the library and names team managers', async () => {
    const raised = await deps.db
      .selectFrom('raised_objections')
      .select(['activity_id', 'objection_id'])
      .where('org_id', '=', result.organizationId)
      .execute();
    expect(new Set(raised.map((r) => r.activity_id)).size).toBe(result.counts.objections);
    expect(raised.every((r) => r.objection_id !== null)).toBe(true);
    const teams = await deps.db
      .selectFrom('teams')
      .select('manager_id')
      .where('org_id', '=', result.organizationId)
      .execute();
    expect(teams.every((t) => t.manager_id !== null)).toBe(true);
  });

  it('has partners of each type and tier whose registrations the channel analytics recover', async () => {
    const admin = await actorForUser(deps, result.organizationId, (await adminOf(result.organizationId)).id);
    const a = await getChannelAnalytics(deps, admin);
    const truth = result.channel;
    expect(truth.registrations).toBeGreaterThan(0);
    expect(a.funnel.registered).toBe(truth.registrations);
    expect(a.funnel.approved).toBe(truth.approved);
    expect(a.overall.rejected).toBe(truth.rejected);
    expect(Object.fromEntries(a.byType.map((g) => [g.key, g.registered]))).toEqual(truth.byType);
    expect(Object.fromEntries(a.byTier.map((g) => [g.key, g.registered]))).toEqual(truth.byTier);
    // conflicts seen while seeding; direct deals opened later can add more
    expect(truth.conflicted.size).toBeGreaterThan(0);
    expect(Math.round((a.overall.conflictRate ?? 0) * truth.registrations)).toBeGreaterThanOrEqual(
      truth.conflicted.size,
    );
    const partners = await deps.db
      .selectFrom('partner_profiles')
      .select(['partner_type', 'tier_id'])
      .where('org_id', '=', result.organizationId)
      .execute();
    expect(new Set(partners.map((p) => p.partner_type)).size).toBe(5);
    expect(new Set(partners.map((p) => p.tier_id)).size).toBe(3);
  });

  it("has a distributor with two resellers, whose user reads their two-tier deals and no other partner's", async () => {
    const org = result.organizationId;
    const links = await deps.db
      .selectFrom('partner_resellers')
      .select(['distributor_account_id', 'reseller_account_id'])
      .where('org_id', '=', org)
      .execute();
    expect(links).toHaveLength(2);
    expect(new Set(links.map((l) => l.distributor_account_id)).size).toBe(1);
    const truth = result.channel;
    expect(truth.twoTierDeals).toBeGreaterThanOrEqual(2);
    expect(truth.throughDistributor).toBeGreaterThanOrEqual(truth.twoTierDeals);
    const dana = await deps.db
      .selectFrom('users')
      .select('id')
      .where('org_id', '=', org)
      .where('email', 'like', 'dana@%')
      .executeTakeFirstOrThrow();
    const distributor = await actorForUser(deps, org, dana.id);
    expect(distributor.partnerAccountId).toBe(links[0]?.distributor_account_id);
    const seen = await listDeals(deps, distributor, listDealsQuery.parse({ limit: 200 }));
    const twoTier = seen.items.filter((d) => d.distributorAccountId === distributor.partnerAccountId);
    expect(twoTier).toHaveLength(truth.twoTierDeals);
    expect(twoTier.every((d) => links.some((l) => l.reseller_account_id === d.partnerAccountId))).toBe(true);
    expect(seen.items.every((d) => d.partnerAccountId === distributor.partnerAccountId || twoTier.includes(d))).toBe(
      true,
    );
  });

  it('has meetings inside sales booked for field reps: held, no-shows, cancelled, upcoming, and their show rate', async () => {
    const org = result.organizationId;
    const rows = await deps.db
      .selectFrom('bookings as b')
      .innerJoin('users as o', (j) => j.onRef('o.org_id', '=', 'b.org_id').onRef('o.id', '=', 'b.owner_id'))
      .innerJoin('users as s', (j) => j.onRef('s.org_id', '=', 'b.org_id').onRef('s.id', '=', 'b.booked_by'))
      .innerJoin('teams as t', (j) => j.onRef('t.org_id', '=', 'o.org_id').onRef('t.id', '=', 'o.team_id'))
      .select([
        'b.status',
        'b.starts_at',
        'b.created_at',
        'b.cancel_reason',
        'o.role as ownerRole',
        's.role as bookerRole',
        't.kind as ownerTeam',
      ])
      .where('b.org_id', '=', org)
      .execute();
    expect(rows.length).toBe(result.counts.bookings);
    expect(rows.length).toBeGreaterThan(20);
    for (const r of rows) {
      expect(r.ownerRole).toBe('rep');
      expect(r.ownerTeam).toBe('field_sales');
      expect(r.bookerRole).toBe('inside_sales');
    }
    const count = (status: string) => rows.filter((r) => r.status === status).length;
    const held = count('held');
    const noShow = count('no_show');
    expect(held).toBeGreaterThan(0);
    expect(noShow).toBeGreaterThan(0);
    expect(rows.filter((r) => r.status === 'cancelled').every((r) => (r.cancel_reason ?? '').length > 0)).toBe(true);
    // a few meetings wait in the coming week of the calendar
    const now = deps.clock.now();
    expect(rows.filter((r) => r.status === 'booked' && r.starts_at > now).length).toBeGreaterThan(0);
    const admin = await actorForUser(deps, org, (await adminOf(org)).id);
    const first = Math.min(...rows.map((r) => r.created_at.getTime()));
    const report = await bookingRatesReport(
      deps,
      admin,
      bookingRatesQuery.parse({ from: new Date(first).toISOString(), to: new Date(now.getTime() + 1).toISOString() }),
    );
    expect(report.total.held).toBe(held);
    expect(report.total.noShow).toBe(noShow);
    expect(report.total.showRate).toBeCloseTo(held / (held + noShow), 10);
  });

  it('routes leads and meetings by its territories and weighted pool, each decision with its reasons', async () => {
    const org = result.organizationId;
    const admin = await actorForUser(deps, org, (await adminOf(org)).id);
    const territories = await listTerritories(deps, admin);
    const byName = new Map(territories.map((t) => [t.name, t]));
    expect([...byName.keys()].sort()).toEqual(['APAC', 'Americas', 'DACH', 'EMEA']);
    expect(byName.get('DACH')?.parentId).toBe(byName.get('EMEA')?.id);
    // every country of the demo's customers is covered: each account with an address sits in one territory
    const accounts = await deps.db
      .selectFrom('accounts')
      .select('id')
      .where('org_id', '=', org)
      .where('country', 'is not', null)
      .execute();
    expect(territories.reduce((a, t) => a + t.accounts, 0)).toBe(accounts.length);
    const [pool] = await listPools(deps, admin);
    expect(pool?.members.map((m) => [m.name, m.weight, m.capPerDay])).toEqual([
      ['Kofi Mensah', 2, 4],
      ['Lena Schmidt', 3, 4],
      ['Priya Patel', 1, 2],
    ]);

    const decisions = await deps.db
      .selectFrom('routing_decisions as d')
      .innerJoin('leads as l', (j) => j.onRef('l.org_id', '=', 'd.org_id').onRef('l.id', '=', 'd.entity_id'))
      .leftJoin('accounts as a', (j) => j.onRef('a.org_id', '=', 'l.org_id').onRef('a.domain', '=', 'l.company_domain'))
      .leftJoin('territory_assignments as ta', (j) =>
        j.onRef('ta.org_id', '=', 'a.org_id').on('ta.entity_type', '=', 'account').onRef('ta.entity_id', '=', 'a.id'),
      )
      .select(['d.rule', 'd.rep_id', 'd.pool_id', 'd.territory_id', 'd.reasons', 'l.id', 'l.owner_id'])
      .select(['a.owner_id as accountOwner', 'ta.territory_id as accountTerritory'])
      .where('d.org_id', '=', org)
      .where('d.entity_type', '=', 'lead')
      .execute();
    // every lead arriving without an owner was routed once; the webinar form's leads go by its own rule
    expect(decisions).toHaveLength(result.counts.leads ?? -1);
    expect(new Set(decisions.map((d) => d.id)).size).toBe(decisions.length);
    const insideOf = (territoryId: string | null) =>
      territories
        .find((t) => t.id === territoryId)
        ?.members.filter((m) => m.role === 'inside')
        .map((m) => m.userId);
    for (const d of decisions) {
      expect(d.reasons.length).toBeGreaterThan(0);
      expect(d.rep_id).toBe(d.owner_id);
      if (d.rule === 'pool') {
        expect(d.pool_id).toBe(pool?.id);
        expect(d.accountOwner).toBeNull();
      } else if (d.rule === 'account_owner') expect(d.rep_id).toBe(d.accountOwner);
      else {
        // the account's owner was away: the account's territory took the lead, by its inside rep
        expect(d.rule).toBe('territory');
        expect(d.territory_id).toBe(d.accountTerritory);
        expect(insideOf(d.territory_id)).toContain(d.rep_id);
        expect(d.reasons.some((r) => r.includes('out of office'))).toBe(true);
      }
    }
    const rules = (rule: string) => decisions.filter((d) => d.rule === rule).length;
    expect(rules('account_owner')).toBe(4);
    expect(rules('territory')).toBe(2);
    expect(rules('pool')).toBe(decisions.length - 6);
    // the weights show: the senior inside rep took more of the pool's leads than the capped newcomer
    const took = (name: string) =>
      decisions.filter((d) => d.rule === 'pool' && d.rep_id === pool?.members.find((m) => m.name === name)?.userId)
        .length;
    expect(took('Lena Schmidt')).toBeGreaterThan(took('Priya Patel'));

    // the lead page's Routing card and the pool's fairness ledger have something to show
    const card = await leadRouting(deps, admin, decisions[0]?.id ?? '');
    expect(card.decisions[0]?.reasons.length).toBeGreaterThan(0);
    const ledger = await getLedger(deps, admin, pool?.id ?? '');
    expect(ledger.rows).toHaveLength(3);
    expect(ledger.rows.reduce((a, r) => a + r.assignments, 0)).toBeGreaterThan(0);

    // the meetings booked for those leads were left to routing: a field rep of the lead's territory
    const meetings = await deps.db
      .selectFrom('routing_decisions as d')
      .innerJoin('bookings as b', (j) => j.onRef('b.org_id', '=', 'd.org_id').onRef('b.id', '=', 'd.entity_id'))
      .select(['d.rule', 'd.rep_id', 'd.reasons', 'b.owner_id'])
      .where('d.org_id', '=', org)
      .where('d.entity_type', '=', 'booking')
      .execute();
    expect(meetings.length).toBeGreaterThan(0);
    expect(meetings).toHaveLength(result.counts.routedMeetings ?? -1);
    for (const m of meetings) {
      expect(m.rep_id).toBe(m.owner_id);
      expect(m.rule).toBe('territory');
      expect(m.reasons.length).toBeGreaterThan(0);
    }
  });

  it('is deterministic for a seed', async () => {
    const again = await createTestDeps();
    try {
      const other = await seedDemo(again, { deals: 40, leads: 40, seed: 7, name: 'Northwind Demo' });
      const names = async (d: TestDeps, org: string) =>
        (
          await d.db
            .selectFrom('deals')
            .select(['id', 'name', 'amount', 'status'])
            .where('org_id', '=', org)
            .orderBy('id')
            .execute()
        ).map((r) => `${r.id} ${r.name} ${r.amount} ${r.status}`);
      expect(await names(again, other.organizationId)).toEqual(await names(deps, result.organizationId));
    } finally {
      await again.cleanup();
    }
  }, 120_000);
});
