import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/contract/access.ts';
import type { FundBudgetDto, FundRequestDto } from '../src/contract/partner-funds.ts';
import { ManualClock } from '../src/domain/deps.ts';
import { createApi, type Api } from './helpers/api.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg, createTestUser } from './helpers/factories.ts';

const clock = new ManualClock('2026-03-02T09:00:00.000Z');
let deps: TestDeps;
let api: Api;

beforeAll(async () => {
  deps = await createTestDeps({ clock });
  api = await createApi(deps);
});
afterAll(async () => {
  await api.close();
  await deps.cleanup();
});

const fieldsOf = (res: LightMyRequestResponse) =>
  res
    .json<{ errors: { field: string }[] }>()
    .errors.map((e) => e.field)
    .sort();

async function world() {
  const org = await createTestOrg(deps);
  const post = async (actor: Actor, url: string, payload: Record<string, unknown>) => {
    const r = await api.as(actor, { method: 'POST', url, payload });
    expect(r.statusCode, r.body).toBe(201);
    return r.json<{ id: string }>();
  };
  const gold = await post(org.admin, '/api/v1/partner-tiers', {
    name: 'Gold',
    rank: 3,
    protectionDays: 90,
    developmentFunds: '10000.00',
    currency: 'EUR',
  });
  const goldCo = await post(org.admin, '/api/v1/accounts', { name: 'Gold Partners', type: 'reseller' });
  const otherCo = await post(org.admin, '/api/v1/accounts', { name: 'Other Partners', type: 'reseller' });
  const plain = await post(org.admin, '/api/v1/accounts', { name: 'Plain Customer' });
  for (const a of [goldCo, otherCo]) {
    const r = await api.as(org.admin, {
      method: 'PUT',
      url: `/api/v1/partners/${a.id}`,
      payload: { partnerType: 'reseller', tierId: a === goldCo ? gold.id : null },
    });
    expect(r.statusCode, r.body).toBe(200);
  }
  const manager = await createTestUser(deps, org.admin, 'manager');
  const rep = await createTestUser(deps, org.admin, 'rep');
  const auditor = await createTestUser(deps, org.admin, 'auditor');
  const goldUser = await createTestUser(deps, org.admin, 'partner', { partnerAccountId: goldCo.id });
  const otherUser = await createTestUser(deps, org.admin, 'partner', { partnerAccountId: otherCo.id });
  return { ...org, goldCo, otherCo, plain, manager, rep, auditor, goldUser, otherUser };
}

const send = (actor: Actor, method: 'POST' | 'PATCH' | 'GET', url: string, payload?: unknown, version?: number) =>
  api.as(actor, {
    method,
    url,
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    ...(version === undefined ? {} : { headers: { 'if-match': String(version) } }),
  });
const step = (actor: Actor, r: FundRequestDto, path: string, payload: Record<string, unknown>) =>
  send(actor, 'POST', `/api/v1/fund-requests/${r.id}/${path}`, payload, r.version);

describe('partner development funds', () => {
  it("runs a request from budget to payment, holding the budget at each step, and keeps each partner's funds its own", async () => {
    const w = await world();
    // The budget of the quarter: the Gold tier's development funds by default.
    const created = await send(w.manager, 'POST', '/api/v1/fund-budgets', {
      partnerAccountId: w.goldCo.id,
      periodStart: '2026-01-01',
      periodEnd: '2026-03-31',
    });
    expect(created.statusCode, created.body).toBe(201);
    const budget = created.json<FundBudgetDto>();
    expect(budget).toMatchObject({ amount: '10000.00', currency: 'EUR', committed: '0.00', remaining: '10000.00' });
    // One budget per period: an overlapping one is refused, naming the existing budget.
    const overlap = await send(w.manager, 'POST', '/api/v1/fund-budgets', {
      partnerAccountId: w.goldCo.id,
      periodStart: '2026-03-01',
      periodEnd: '2026-05-31',
      amount: '5.00',
    });
    expect(overlap.statusCode).toBe(409);
    // A partner without a tier needs an amount and a currency; a customer is no partner; bad dates are named.
    const bad = await send(w.manager, 'POST', '/api/v1/fund-budgets', {
      partnerAccountId: w.otherCo.id,
      periodStart: '2026-04-01',
      periodEnd: '2026-03-01',
    });
    expect(bad.statusCode).toBe(422);
    expect(fieldsOf(bad)).toEqual(['periodEnd']);
    const noTier = await send(w.manager, 'POST', '/api/v1/fund-budgets', {
      partnerAccountId: w.otherCo.id,
      periodStart: '2026-01-01',
      periodEnd: '2026-03-31',
    });
    expect(fieldsOf(noTier)).toEqual(['amount', 'currency']);
    const customer = await send(w.manager, 'POST', '/api/v1/fund-budgets', {
      partnerAccountId: w.plain.id,
      periodStart: '2026-01-01',
      periodEnd: '2026-03-31',
      amount: '1.00',
      currency: 'EUR',
    });
    expect(fieldsOf(customer)).toEqual(['partnerAccountId']);
    // Partners and reps do not set budgets.
    for (const who of [w.goldUser, w.rep])
      expect(
        (
          await send(who, 'POST', '/api/v1/fund-budgets', {
            partnerAccountId: w.goldCo.id,
            periodStart: '2026-04-01',
            periodEnd: '2026-06-30',
            amount: '1.00',
            currency: 'EUR',
          })
        ).statusCode,
      ).toBe(403);

    // The partner asks for 6,000 and then 3,000; a further 1,500 would exceed what is left (1,000).
    const ask = async (amount: string, activity = 'Trade show stand') => {
      const r = await send(w.goldUser, 'POST', '/api/v1/fund-requests', { budgetId: budget.id, activity, amount });
      return r;
    };
    const show = (await ask('6000.00')).json<FundRequestDto>();
    expect(show).toMatchObject({ status: 'requested', currency: 'EUR', partnerName: 'Gold Partners' });
    const mailing = (await ask('3000.00', 'Co-branded mailing')).json<FundRequestDto>();
    const tooMuch = await ask('1500.00');
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.json<{ errors: { message: string }[] }>().errors[0]?.message).toContain('EUR 1000.00 left');
    const empty = await send(w.goldUser, 'POST', '/api/v1/fund-requests', {
      budgetId: budget.id,
      activity: ' ',
      amount: '0.00',
    });
    expect(fieldsOf(empty)).toEqual(['activity', 'amount']);
    // Another partner neither sees the budget nor asks from it.
    const foreign = await send(w.otherUser, 'POST', '/api/v1/fund-requests', {
      budgetId: budget.id,
      activity: 'x',
      amount: '1.00',
    });
    expect(fieldsOf(foreign)).toEqual(['budgetId']);
    expect((await send(w.otherUser, 'GET', `/api/v1/fund-requests/${show.id}`)).statusCode).toBe(404);
    const othersList = await send(w.otherUser, 'GET', '/api/v1/fund-budgets');
    expect(othersList.json<{ items: FundBudgetDto[] }>().items).toEqual([]);
    expect((await send(w.rep, 'GET', '/api/v1/fund-requests')).statusCode).toBe(403);

    // The partner may not decide its own request; rejecting needs a note.
    expect((await step(w.goldUser, show, 'decision', { decision: 'approve' })).statusCode).toBe(403);
    const noNote = await step(w.manager, mailing, 'decision', { decision: 'reject' });
    expect(fieldsOf(noNote)).toEqual(['note']);
    const rejected = await step(w.manager, mailing, 'decision', { decision: 'reject', note: 'Outside the plan' });
    expect(rejected.json<FundRequestDto>()).toMatchObject({ status: 'rejected', decisionNote: 'Outside the plan' });
    // A stale version is refused; the current one approves.
    expect(
      (await step(w.manager, { ...show, version: show.version + 1 }, 'decision', { decision: 'approve' })).statusCode,
    ).toBe(409);
    const approved = (await step(w.manager, show, 'decision', { decision: 'approve' })).json<FundRequestDto>();
    expect(approved.status).toBe('approved');
    expect((await step(w.manager, approved, 'decision', { decision: 'reject', note: 'x' })).statusCode).toBe(422);
    const afterApproval = (await send(w.goldUser, 'GET', `/api/v1/fund-budgets/${budget.id}`)).json<FundBudgetDto>();
    expect(afterApproval).toMatchObject({ committed: '6000.00', pending: '0.00', remaining: '4000.00' });
    // The budget may not shrink below what is approved.
    const shrink = await send(
      w.manager,
      'PATCH',
      `/api/v1/fund-budgets/${budget.id}`,
      { amount: '5999.99' },
      afterApproval.version,
    );
    expect(fieldsOf(shrink)).toEqual(['amount']);

    // The claim: at most the approved amount, with proof; then the admin pays it.
    expect(fieldsOf(await step(w.goldUser, approved, 'claim', { amount: '6000.01', proof: 'INV-1' }))).toEqual([
      'amount',
    ]);
    expect(fieldsOf(await step(w.goldUser, approved, 'claim', { amount: '5200.00', proof: '' }))).toEqual(['proof']);
    expect((await step(w.otherUser, approved, 'claim', { amount: '5200.00', proof: 'INV-1' })).statusCode).toBe(404);
    const claimed = (
      await step(w.goldUser, approved, 'claim', { amount: '5200.00', proof: 'Invoice INV-2026-114' })
    ).json<FundRequestDto>();
    expect(claimed).toMatchObject({ status: 'claimed', claimedAmount: '5200.00', claimProof: 'Invoice INV-2026-114' });
    expect((await step(w.manager, claimed, 'payment', { reference: 'PAY-1' })).statusCode).toBe(403);
    const paid = (await step(w.admin, claimed, 'payment', { reference: 'PAY-1' })).json<FundRequestDto>();
    expect(paid).toMatchObject({ status: 'paid', paymentReference: 'PAY-1' });
    // Only what was claimed stays held: the unspent 800 returns to the budget.
    const end = (await send(w.auditor, 'GET', `/api/v1/fund-budgets/${budget.id}`)).json<FundBudgetDto>();
    expect(end).toMatchObject({ committed: '5200.00', paid: '5200.00', remaining: '4800.00' });
    // Every step is an event of the request's history.
    const events = await deps.db
      .selectFrom('events')
      .select('type')
      .where('org_id', '=', w.orgId)
      .where('entity_id', 'in', [show.id, mailing.id, budget.id])
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.type)).toEqual([
      'partner_fund_budget.set',
      'partner_fund_request.requested',
      'partner_fund_request.requested',
      'partner_fund_request.rejected',
      'partner_fund_request.approved',
      'partner_fund_request.claimed',
      'partner_fund_request.paid',
    ]);
    // The auditor reads but does not ask.
    expect(
      (await send(w.auditor, 'POST', '/api/v1/fund-requests', { budgetId: budget.id, activity: 'x', amount: '1.00' }))
        .statusCode,
    ).toBe(403);
  });

  it('approves concurrent requests only while they fit the budget', async () => {
    const w = await world();
    const budget = (
      await send(w.manager, 'POST', '/api/v1/fund-budgets', {
        partnerAccountId: w.otherCo.id,
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
        amount: '1000.00',
        currency: 'USD',
      })
    ).json<FundBudgetDto>();
    const asks = [];
    for (const amount of ['600.00', '400.00']) {
      const r = await send(w.otherUser, 'POST', '/api/v1/fund-requests', {
        budgetId: budget.id,
        activity: 'Webinar',
        amount,
      });
      asks.push(r.json<FundRequestDto>());
    }
    // The manager raises nothing, but lowers the budget to 900 first: both still wait, only one fits.
    const lowered = await send(
      w.manager,
      'PATCH',
      `/api/v1/fund-budgets/${budget.id}`,
      { amount: '900.00' },
      budget.version,
    );
    expect(lowered.statusCode, lowered.body).toBe(200);
    const results = await Promise.all(asks.map((a) => step(w.manager, a, 'decision', { decision: 'approve' })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const after = (await send(w.manager, 'GET', `/api/v1/fund-budgets/${budget.id}`)).json<FundBudgetDto>();
    expect(Number(after.committed)).toBeLessThanOrEqual(900);
  });
});
