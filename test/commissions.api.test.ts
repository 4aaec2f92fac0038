import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/contract/access.ts';
import type {
  CommissionDisputeDto,
  CommissionPlanDto,
  CommissionSplitDto,
  StatementDto,
} from '../src/contract/commissions.ts';
import type { DealDto } from '../src/contract/deals.ts';
import { ManualClock } from '../src/domain/deps.ts';
import { createApi, type Api } from './helpers/api.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg, createTestUser } from './helpers/factories.ts';
import { createPartnerAccount, createTestPipeline } from './helpers/sales.ts';
import { createSalesTeam } from './helpers/sales-team.ts';

let deps: TestDeps;
let api: Api;
const clock = new ManualClock('2026-03-02T09:00:00.000Z');

beforeAll(async () => {
  deps = await createTestDeps({ clock });
  api = await createApi(deps);
});
afterAll(async () => {
  await api.close();
  await deps.cleanup();
});

type Problem = { code: string; errors?: { field: string; message: string }[] };

async function call<T>(actor: Actor, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, status = 200) {
  const res = await api.as(actor, {
    method,
    url,
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    ...(method === 'PUT' ? { headers: { 'if-match': '*' } } : {}),
  });
  expect(res.statusCode, res.body).toBe(status);
  return res.json<T>();
}
const statement = (actor: Actor, period: string, payee = '') =>
  call<StatementDto>(actor, 'GET', `/api/v1/commission-statements?period=${period}${payee}`);

/**
 * Rita and Tom (reps) on plan P: 10 % of amount, ×1 up to 10,000.00 a month and ×1.5 past it.
 * Mona, their manager, on plan M: a 2 % override one level down. A reseller on plan R: 5 %.
 */
async function setUp() {
  const { admin } = await createTestOrg(deps);
  const team = await createSalesTeam(deps, admin);
  const auditor = await createTestUser(deps, admin, 'auditor');
  const reseller = await createPartnerAccount(deps, admin);
  await call(admin, 'PUT', `/api/v1/partners/${reseller.id}`, { partnerType: 'reseller' });
  const partner = await createTestUser(deps, admin, 'partner', { partnerAccountId: reseller.id });
  const pipeline = await createTestPipeline(deps, admin, {
    stages: [
      { name: 'Open', kind: 'open', probability: 20 },
      { name: 'Won', kind: 'won' },
      { name: 'Lost', kind: 'lost' },
    ],
  });
  const P = await call<CommissionPlanDto>(
    admin,
    'POST',
    '/api/v1/commission-plans',
    {
      name: 'Field reps',
      rates: [{ family: null, ratePercent: '10' }],
      tiers: [
        { from: '0.00', multiplier: '1' },
        { from: '10000.00', multiplier: '1.5' },
      ],
    },
    201,
  );
  const M = await call<CommissionPlanDto>(
    admin,
    'POST',
    '/api/v1/commission-plans',
    { name: 'Managers', overridePercent: '2', overrideLevels: 1 },
    201,
  );
  const R = await call<CommissionPlanDto>(
    admin,
    'POST',
    '/api/v1/commission-plans',
    { name: 'Resellers', rates: [{ family: null, ratePercent: '5' }] },
    201,
  );
  for (const [plan, payeeKind, payeeId] of [
    [P, 'user', team.rep.userId],
    [P, 'user', team.teammate.userId],
    [M, 'user', team.manager.userId],
    [R, 'partner', reseller.id],
  ] as const)
    await call(
      admin,
      'POST',
      '/api/v1/commission-assignments',
      { planId: plan.id, payeeKind, payeeId, startsOn: '2026-03-01' },
      201,
    );
  const newDeal = (actor: Actor, amount: string, extra: Record<string, unknown> = {}) =>
    call<DealDto>(
      actor,
      'POST',
      '/api/v1/deals',
      { name: `Deal ${amount}`, pipelineId: pipeline.id, amount, ...extra },
      201,
    );
  const move = (actor: Actor, deal: DealDto, stage: string) =>
    call<DealDto>(actor, 'POST', `/api/v1/deals/${deal.id}/stage`, {
      stageId: pipeline.stage(stage),
      expectedVersion: deal.version,
    });
  return { admin, ...team, auditor, partner, reseller, newDeal, move };
}

describe('commission statements through the API', () => {
  it('pays a tier crossed mid-deal, a split and an override, and claws back a reopened deal the month after', async () => {
    const s = await setUp();
    clock.set('2026-03-05T10:00:00.000Z');
    const d1 = await s.newDeal(s.rep, '6000.00');
    const d1Won = await s.move(s.rep, d1, 'Won');
    clock.set('2026-03-12T10:00:00.000Z');
    const d2 = await s.newDeal(s.rep, '8000.00');
    // A rep does not split; the manager splits 75/25 with Tom.
    expect(
      (
        await api.as(s.rep, {
          method: 'PUT',
          url: `/api/v1/deals/${d2.id}/commission-split`,
          headers: { 'if-match': '0' },
          payload: { members: [] },
        })
      ).statusCode,
    ).toBe(403);
    const split = await api.as(s.manager, {
      method: 'PUT',
      url: `/api/v1/deals/${d2.id}/commission-split`,
      headers: { 'if-match': '0' },
      payload: {
        members: [
          { userId: s.rep.userId, percent: '75' },
          { userId: s.teammate.userId, percent: '25' },
        ],
      },
    });
    expect(split.statusCode, split.body).toBe(200);
    expect(split.json<CommissionSplitDto>()).toMatchObject({
      version: 1,
      members: [
        { name: 'Rita Rep', percent: '75.00' },
        { name: 'Tom Teammate', percent: '25.00' },
      ],
    });
    await s.move(s.rep, d2, 'Won');

    // Rita: 6,000.00 × 10 % = 600.00; her 6,000.00 of d2 crosses 10,000.00: 4,000.00 × 10 % = 400.00
    // and 2,000.00 × 10 % × 1.5 = 300.00. Total 1,300.00.
    const ritaMarch = await statement(s.rep, '2026-03');
    expect(ritaMarch.plan?.name).toBe('Field reps');
    expect(ritaMarch.lines.map((l) => [l.dealName, l.basis, l.multiplier, l.amount])).toEqual([
      ['Deal 6000.00', '6000.00', '1', '600.00'],
      ['Deal 8000.00', '4000.00', '1', '400.00'],
      ['Deal 8000.00', '2000.00', '1.5', '300.00'],
    ]);
    expect(ritaMarch.totals).toEqual([{ currency: 'USD', amount: '1300.00' }]);
    // Each line cites its events: the win and what set the amount (and the split for d2).
    const wonEvent = await deps.db
      .selectFrom('events')
      .select('id')
      .where('entity_id', '=', d1.id)
      .where('type', '=', 'deal.won')
      .executeTakeFirstOrThrow();
    expect(ritaMarch.lines[0]?.eventIds[0]).toBe(String(wonEvent.id));
    expect(ritaMarch.lines[1]?.eventIds).toHaveLength(3);
    // Tom: 2,000.00 × 10 % = 200.00; Mona: 2 % of 6,000 + 6,000 + 2,000 = 280.00.
    expect((await statement(s.teammate, '2026-03')).totals[0]?.amount).toBe('200.00');
    expect((await statement(s.manager, '2026-03')).totals[0]?.amount).toBe('280.00');

    // April: d1 reopened within the 90 days; the clawback is April's, March stays as it was.
    clock.set('2026-04-02T10:00:00.000Z');
    await s.move(s.admin, d1Won, 'Open');
    const ritaApril = await statement(s.rep, '2026-04');
    expect(ritaApril.lines.map((l) => [l.kind, l.amount])).toEqual([['clawback', '-600.00']]);
    expect(await statement(s.rep, '2026-03')).toEqual(ritaMarch);
    expect((await statement(s.manager, '2026-04')).totals[0]?.amount).toBe('-120.00');

    // The manager sees the team's statements; a rep does not.
    const team = await call<{ items: { payee: { name: string }; totals: { amount: string }[] }[] }>(
      s.manager,
      'GET',
      '/api/v1/commission-statements/team?period=2026-03',
    );
    expect(team.items.map((i) => [i.payee.name, i.totals[0]?.amount])).toEqual([
      ['Mona Manager', '280.00'],
      ['Rita Rep', '1300.00'],
      ['Tom Teammate', '200.00'],
    ]);
    expect(
      (await api.as(s.rep, { method: 'GET', url: '/api/v1/commission-statements/team?period=2026-03' })).statusCode,
    ).toBe(403);
  });

  it('runs a dispute: the payee raises it on a line, the manager answers, an adjustment line is added', async () => {
    const s = await setUp();
    clock.set('2026-05-04T10:00:00.000Z');
    const d = await s.newDeal(s.rep, '1000.00');
    await s.move(s.rep, d, 'Won');
    const may = await statement(s.rep, '2026-05');
    const lineId = may.lines[0]?.id ?? '';
    // Only the payee raises it.
    expect(
      (
        await api.as(s.teammate, {
          method: 'POST',
          url: '/api/v1/commission-disputes',
          payload: { period: '2026-05', lineId, reason: 'x', payeeId: s.rep.userId },
        })
      ).statusCode,
    ).toBe(403);
    const bad = await api.as(s.rep, {
      method: 'POST',
      url: '/api/v1/commission-disputes',
      payload: { period: '2026-05', lineId: 'commission:0:x:0', reason: 'Where is my deal' },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json<Problem>().errors).toEqual([{ field: 'lineId', message: 'is not a line of this statement' }]);
    const dispute = await call<CommissionDisputeDto>(
      s.rep,
      'POST',
      '/api/v1/commission-disputes',
      { period: '2026-05', lineId, reason: 'Half of this deal was renewal at 12 %' },
      201,
    );
    expect(dispute.status).toBe('open');
    // The auditor reads it but does not answer; the payee does not answer their own.
    for (const who of [s.auditor, s.rep])
      expect(
        (
          await api.as(who, {
            method: 'POST',
            url: `/api/v1/commission-disputes/${dispute.id}/answer`,
            headers: { 'if-match': '1' },
            payload: { decision: 'accepted', note: 'ok', adjustment: '10.00' },
          })
        ).statusCode,
      ).toBe(403);
    clock.set('2026-06-01T10:00:00.000Z');
    const answered = await api.as(s.manager, {
      method: 'POST',
      url: `/api/v1/commission-disputes/${dispute.id}/answer`,
      headers: { 'if-match': '1' },
      payload: { decision: 'accepted', note: '500.00 at 12 % is 60.00: 10.00 more', adjustment: '10.00' },
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json<CommissionDisputeDto>()).toMatchObject({ status: 'accepted', adjustment: '10.00' });
    const again = await api.as(s.manager, {
      method: 'POST',
      url: `/api/v1/commission-disputes/${dispute.id}/answer`,
      headers: { 'if-match': '2' },
      payload: { decision: 'rejected', note: 'no' },
    });
    expect(again.statusCode).toBe(409);
    // The adjustment is a line of June, citing the dispute's two events; May keeps its 100.00.
    const june = await statement(s.rep, '2026-06');
    expect(june.lines.map((l) => [l.kind, l.amount, l.eventIds.length])).toEqual([['adjustment', '10.00', 2]]);
    expect((await statement(s.rep, '2026-05')).totals[0]?.amount).toBe('100.00');
    expect((await statement(s.rep, '2026-05')).disputes.map((x) => x.status)).toEqual(['accepted']);
    const events = await deps.db
      .selectFrom('events')
      .select('type')
      .where('entity_id', '=', dispute.id)
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.type)).toEqual(['commission_dispute.raised', 'commission_dispute.answered']);
  });

  it('gives a partner user whose account has no partner profile yet an empty statement, not a 404', async () => {
    const { admin } = await createTestOrg(deps);
    const account = await createPartnerAccount(deps, admin);
    const partner = await createTestUser(deps, admin, 'partner', { partnerAccountId: account.id });
    const mine = await statement(partner, '2026-07');
    expect(mine.payee).toMatchObject({ kind: 'partner', id: account.id });
    expect(mine.lines).toEqual([]);
    // Another account (no partner user, no profile) is still not a payee.
    const other = await createPartnerAccount(deps, admin);
    const res = await api.as(admin, {
      method: 'GET',
      url: `/api/v1/commission-statements?period=2026-07&payeeKind=partner&payeeId=${other.id}`,
    });
    expect(res.statusCode).toBe(404);
  });

  it('credits the registering partner, whose users read only their own lines', async () => {
    const s = await setUp();
    clock.set('2026-07-06T10:00:00.000Z');
    const d = await s.newDeal(s.admin, '3000.00', {
      ownerId: s.rep.userId,
      channel: 'partner',
      partnerAccountId: s.reseller.id,
    });
    await s.move(s.admin, d, 'Won');
    const mine = await statement(s.partner, '2026-07');
    expect(mine.payee).toMatchObject({ kind: 'partner', id: s.reseller.id });
    expect(mine.lines.map((l) => [l.kind, l.amount])).toEqual([['partner', '150.00']]);
    expect(
      (
        await api.as(s.partner, {
          method: 'GET',
          url: `/api/v1/commission-statements?period=2026-07&payeeId=${s.rep.userId}`,
        })
      ).statusCode,
    ).toBe(403);
    // A bonus granted by the manager lands on the rep's statement.
    await call(
      s.manager,
      'POST',
      '/api/v1/commission-bonuses',
      { payeeId: s.rep.userId, amount: '250.00', reason: 'Best month' },
      201,
    );
    const rita = await statement(s.rep, '2026-07');
    expect(rita.lines.map((l) => [l.kind, l.amount])).toEqual([
      ['commission', '300.00'],
      ['bonus', '250.00'],
    ]);
    // The auditor reads anyone's, grants nothing.
    expect((await statement(s.auditor, '2026-07', `&payeeId=${s.rep.userId}`)).totals[0]?.amount).toBe('550.00');
    expect(
      (
        await api.as(s.auditor, {
          method: 'POST',
          url: '/api/v1/commission-bonuses',
          payload: { payeeId: s.rep.userId, amount: '1.00', reason: 'x' },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('names every bad field of a plan, an assignment and a split', async () => {
    const s = await setUp();
    const plan = await api.as(s.admin, {
      method: 'POST',
      url: '/api/v1/commission-plans',
      payload: {
        name: '',
        rates: [{ family: null, ratePercent: '101' }],
        tiers: [
          { from: '5.00', multiplier: '1' },
          { from: '1.00', multiplier: '11' },
        ],
      },
    });
    expect(plan.statusCode).toBe(422);
    expect(
      plan
        .json<Problem>()
        .errors?.map((e) => e.field)
        .sort(),
    ).toEqual(['name', 'rates.0.ratePercent', 'tiers.0.from', 'tiers.1.from', 'tiers.1.multiplier']);
    const plans = await call<{ items: CommissionPlanDto[] }>(s.admin, 'GET', '/api/v1/commission-plans');
    const field = plans.items[0]?.id;
    const overlap = await api.as(s.admin, {
      method: 'POST',
      url: '/api/v1/commission-assignments',
      payload: { planId: field, payeeId: s.rep.userId, startsOn: '2026-06-01', endsOn: '2026-05-01' },
    });
    expect(overlap.json<Problem>().errors).toEqual([{ field: 'endsOn', message: 'must not be before startsOn' }]);
    const clash = await api.as(s.admin, {
      method: 'POST',
      url: '/api/v1/commission-assignments',
      payload: { planId: field, payeeId: s.rep.userId, startsOn: '2026-06-01' },
    });
    expect(clash.statusCode).toBe(422);
    expect(clash.json<Problem>().errors?.[0]?.field).toBe('startsOn');
    const d = await s.newDeal(s.rep, '10.00');
    const split = await api.as(s.manager, {
      method: 'PUT',
      url: `/api/v1/deals/${d.id}/commission-split`,
      headers: { 'if-match': '0' },
      payload: {
        members: [
          { userId: s.rep.userId, percent: '60' },
          { userId: s.rep.userId, percent: '30' },
        ],
      },
    });
    expect(split.statusCode).toBe(422);
    expect(split.json<Problem>().errors?.map((e) => e.field)).toEqual(['members.1.userId', 'members']);
    expect(
      (
        await api.as(s.rep, {
          method: 'POST',
          url: '/api/v1/commission-plans',
          payload: { name: 'Mine', rates: [{ family: null, ratePercent: '50' }] },
        })
      ).statusCode,
    ).toBe(403);
  });
});
