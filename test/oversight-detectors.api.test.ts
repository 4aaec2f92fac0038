import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/contract/access.ts';
import type { RegistrationDto } from '../src/contract/channel.ts';
import type { DealDto } from '../src/contract/deals.ts';
import type { FindingDto } from '../src/contract/oversight.ts';
import { ManualClock } from '../src/domain/deps.ts';
import { runDetection } from '../src/modules/oversight/findings.service.ts';
import { createApi, type Api } from './helpers/api.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg, createTestUser } from './helpers/factories.ts';
import { settleJobs } from './helpers/jobs.ts';
import { createPartnerAccount, createTestPipeline, createTestProduct } from './helpers/sales.ts';

const clock = new ManualClock('2026-01-05T10:00:00.000Z');
let deps: TestDeps;
let api: Api;

beforeAll(async () => {
  deps = await createTestDeps({ clock, runJobs: true });
  api = await createApi(deps);
});
afterAll(async () => {
  await settleJobs(deps);
  await api.close();
  await deps.cleanup();
});

async function call<T>(actor: Actor, method: 'GET' | 'POST', url: string, payload?: object, headers = {}) {
  const res = await api.as(actor, { method, url, headers, ...(payload ? { payload } : {}) });
  return { status: res.statusCode, body: res.json<T>() };
}

describe('channel detectors, found by a detection run', () => {
  it('finds the approved registration the partner left untouched for 30 days (not the one it worked) and its re-registration', async () => {
    const { admin } = await createTestOrg(deps);
    await call(admin, 'POST', '/api/v1/pipelines', {
      name: 'Sales',
      isDefault: true,
      stages: [
        { name: 'Open', kind: 'open', probability: 10 },
        { name: 'Won', kind: 'won' },
        { name: 'Lost', kind: 'lost' },
      ],
    });
    const reseller = (
      await call<{ id: string }>(admin, 'POST', '/api/v1/accounts', { name: 'Alpha', type: 'reseller' })
    ).body;
    const manager = await createTestUser(deps, admin, 'manager');
    const auditor = await createTestUser(deps, admin, 'auditor');
    const partner = await createTestUser(deps, admin, 'partner', { partnerAccountId: reseller.id });
    const register = async (customerName: string) => {
      const r = await call<RegistrationDto>(partner, 'POST', '/api/v1/registrations', { customerName });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      const approved = await call<RegistrationDto>(
        manager,
        'POST',
        `/api/v1/registrations/${r.body.id}/approve`,
        {},
        { 'if-match': String(r.body.version) },
      );
      expect(approved.status, JSON.stringify(approved.body)).toBe(200);
      return approved.body;
    };
    const idle = await register('Initech');
    const worked = await register('Hooli');
    clock.advance(5 * 86_400_000);
    // The partner works the other deal: it records the amount it has agreed with the buyer.
    const res = await api.as(partner, {
      method: 'PATCH',
      url: `/api/v1/deals/${worked.dealId}`,
      headers: { 'if-match': '*' },
      payload: { amount: '12000.00' },
    });
    expect(res.statusCode, res.body).toBe(200);
    // And registers Initech again while its first registration still protects it.
    const again = await call<RegistrationDto>(partner, 'POST', '/api/v1/registrations', {
      customerName: 'Initech Inc.',
    });
    expect(again.status).toBe(201);
    clock.advance(26 * 86_400_000); // 31 days after approval

    const run = await call<{ jobId: string }>(auditor, 'POST', '/api/v1/findings/detect');
    expect(run.status).toBe(202);
    await settleJobs(deps);

    const found = (
      await call<{ items: FindingDto[] }>(auditor, 'GET', '/api/v1/findings?detector=registration_hoarding')
    ).body.items;
    expect(found.map((f) => [f.subjectType, f.subjectId, f.personId, f.severity, f.score])).toEqual([
      ['deal_registration', idle.id, partner.userId, 'medium', '31.0000'],
    ]);
    const events = await deps.db
      .selectFrom('events')
      .select('id')
      .where('org_id', '=', admin.orgId)
      .where('entity_id', '=', idle.id)
      .orderBy('id')
      .execute();
    expect(found[0]?.evidence).toEqual(events.map((e) => String(e.id)));
    const duplicates = (
      await call<{ items: FindingDto[] }>(auditor, 'GET', '/api/v1/findings?detector=duplicate_registration')
    ).body.items;
    expect(duplicates.map((f) => [f.subjectType, f.subjectId, f.severity])).toEqual([
      ['deal_registration', again.body.id, 'high'],
    ]);
  });
});

describe('quarter-end gaming, read from the log and the commission ledger', () => {
  it('finds a close date pushed past the quarter end and a deep discount that crosses the accelerator', async () => {
    const { admin } = await createTestOrg(deps);
    const rep = await createTestUser(deps, admin, 'rep');
    const pipeline = await createTestPipeline(deps, admin, {
      stages: [
        { name: 'Open', kind: 'open', probability: 20 },
        { name: 'Won', kind: 'won' },
        { name: 'Lost', kind: 'lost' },
      ],
    });
    const product = await createTestProduct(deps, admin, { listPrice: '100.00' });
    const plan = await call<{ id: string }>(admin, 'POST', '/api/v1/commission-plans', {
      name: 'Reps',
      rates: [{ family: null, ratePercent: '10' }],
      tiers: [
        { from: '0.00', multiplier: '1' },
        { from: '10000.00', multiplier: '1.5' },
      ],
    });
    expect(plan.status).toBe(201);
    await call(admin, 'POST', '/api/v1/commission-assignments', {
      planId: plan.body.id,
      payeeKind: 'user',
      payeeId: rep.userId,
      startsOn: '2026-03-01',
    });
    const deal = async (payload: Record<string, unknown>) => {
      const r = await call<DealDto>(rep, 'POST', '/api/v1/deals', {
        name: 'Deal',
        pipelineId: pipeline.id,
        ...payload,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return r.body;
    };
    const win = async (d: DealDto) => {
      const r = await call<DealDto>(rep, 'POST', `/api/v1/deals/${d.id}/stage`, {
        stageId: pipeline.stage('Won'),
        expectedVersion: d.version,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    };

    // On March 27th, five days before the calendar quarter's end, the close date goes from March 30th to
    // April 10th; the deal is won on April 6th, the sixth day of the next quarter.
    clock.set('2026-03-27T10:00:00.000Z');
    const pushed = await deal({ expectedCloseDate: '2026-03-30' });
    const moved = await api.as(rep, {
      method: 'PATCH',
      url: `/api/v1/deals/${pushed.id}`,
      headers: { 'if-match': String(pushed.version) },
      payload: { expectedCloseDate: '2026-04-10' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    clock.set('2026-04-06T10:00:00.000Z');
    await win(moved.json<DealDto>());

    // April: five deals of ten units at 4–6 % off (950 + 940 + 950 + 960 + 940 = 4,740.00), one of
    // 4,000.00 without lines: 8,740.00 credited, then twenty units at 20 % off (1,600.00) cross 10,000.00.
    for (const d of ['5', '6', '5', '4', '6'])
      await win(await deal({ lineItems: [{ productId: product.id, quantity: '10', discountPercent: d }] }));
    await win(await deal({ amount: '4000.00' }));
    const deep = await deal({ lineItems: [{ productId: product.id, quantity: '20', discountPercent: '20' }] });
    await win(deep);

    expect(await runDetection(deps, admin.orgId)).toBe(2);
    const found = (await call<{ items: FindingDto[] }>(admin, 'GET', '/api/v1/findings?detector=quarter_end_gaming'))
      .body.items;
    // Discounts 4 5 5 6 6 20: median 5.5, MAD 0.5, z of 20 = 0.6745 × 14.5 / 0.5 = 19.56.
    expect(found.map((f) => [f.subjectId, f.personId, f.severity, f.score]).sort()).toEqual(
      [
        [pushed.id, rep.userId, 'medium', '5.0000'],
        [deep.id, rep.userId, 'high', '19.5600'],
      ].sort(),
    );
    expect(found.find((f) => f.subjectId === deep.id)?.summary).toBe(
      'won with a 20% discount (robust z 19.56 against 5 other won deals), taking the 2026-04 credit from 8740 to 10340 past the accelerator at 10000',
    );
  });
});

describe('dual agency without consent, found by a detection run', () => {
  it("finds a deal whose seller-side agent joined the buyer-side agent's firm, without the consents on record", async () => {
    clock.set('2026-05-04T10:00:00.000Z');
    const { admin } = await createTestOrg(deps);
    const buyer = await createPartnerAccount(deps, admin, 'customer');
    const seller = await createPartnerAccount(deps, admin, 'customer');
    const pipeline = await createTestPipeline(deps, admin);
    const party = async (body: Record<string, unknown>) =>
      (await call<{ id: string; version: number }>(admin, 'POST', '/api/v1/agent-parties', body)).body;
    const acme = await party({ kind: 'firm', name: 'Acme Realty' });
    const best = await party({ kind: 'firm', name: 'Best Homes' });
    const ann = await party({ kind: 'person', name: 'Ann Agent', firmId: acme.id });
    const bob = await party({ kind: 'person', name: 'Bob Broker', firmId: best.id });
    const agreement = async (agentPartyId: string, side: 'buyer' | 'seller') =>
      (
        await call<{ id: string }>(admin, 'POST', '/api/v1/agency-agreements', {
          agentPartyId,
          side,
          representedAccountId: side === 'buyer' ? buyer.id : seller.id,
          effectiveFrom: '2026-01-01',
          compensationKind: 'percent',
          compensationPercent: '2.5',
        })
      ).body;
    const deal = (await call<DealDto>(admin, 'POST', '/api/v1/deals', { name: 'House', pipelineId: pipeline.id })).body;
    for (const [agentPartyId, side, role] of [
      [ann.id, 'buyer', 'buyer_agent'],
      [bob.id, 'seller', 'seller_agent'],
    ] as const) {
      const r = await call(admin, 'POST', `/api/v1/deals/${deal.id}/agents`, {
        agentPartyId,
        agreementId: (await agreement(agentPartyId, side)).id,
        role,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
    }
    // Bob moves to Acme: one firm now acts for both sides, and nobody consented.
    const moved = await api.as(admin, {
      method: 'PATCH',
      url: `/api/v1/agent-parties/${bob.id}`,
      headers: { 'if-match': String(bob.version) },
      payload: { firmId: acme.id },
    });
    expect(moved.statusCode, moved.body).toBe(200);

    expect(await runDetection(deps, admin.orgId)).toBe(1);
    const found = (await call<{ items: FindingDto[] }>(admin, 'GET', '/api/v1/findings')).body.items;
    const assignments = await deps.db
      .selectFrom('events')
      .select('id')
      .where('org_id', '=', admin.orgId)
      .where('type', '=', 'deal.agent_assigned')
      .orderBy('id')
      .execute();
    expect(found.map((f) => [f.detector, f.subjectType, f.subjectId, f.severity, f.evidence])).toEqual([
      ['dual_agency_unconsented', 'deal', deal.id, 'high', assignments.map((e) => String(e.id))],
    ]);
  });
});
