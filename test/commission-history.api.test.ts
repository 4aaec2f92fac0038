import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/contract/access.ts';
import type { AgentPartyDto, AgreementDto } from '../src/contract/agents.ts';
import type { CommissionPlanDto, StatementDto } from '../src/contract/commissions.ts';
import type { DealDto } from '../src/contract/deals.ts';
import { ManualClock } from '../src/domain/deps.ts';
import { createApi, type Api } from './helpers/api.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg, createTestUser } from './helpers/factories.ts';
import { createPartnerAccount, createTestPipeline } from './helpers/sales.ts';

/*
 * A statement of a past month is reproducible from the log: the terms an agent or partner is paid
 * under, and the managers above a seller, are those in force when the deal was won, whatever is
 * changed or added afterwards.
 */

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

async function call<T>(
  actor: Actor,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH',
  url: string,
  payload?: unknown,
  status = 200,
) {
  const res = await api.as(actor, {
    method,
    url,
    headers: method === 'PUT' || method === 'PATCH' ? { 'if-match': '*' } : {},
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
  expect(res.statusCode, res.body).toBe(status);
  return res.json<T>();
}

async function setUp() {
  const { admin } = await createTestOrg(deps);
  const pipeline = await createTestPipeline(deps, admin, {
    stages: [
      { name: 'Open', kind: 'open', probability: 20 },
      { name: 'Won', kind: 'won' },
      { name: 'Lost', kind: 'lost' },
    ],
  });
  const plan = (name: string, body: Record<string, unknown>) =>
    call<CommissionPlanDto>(admin, 'POST', '/api/v1/commission-plans', { name, ...body }, 201);
  const assign = (planId: string, userId: string) =>
    call(
      admin,
      'POST',
      '/api/v1/commission-assignments',
      { planId, payeeKind: 'user', payeeId: userId, startsOn: '2026-03-01' },
      201,
    );
  const person = (role: 'rep' | 'manager', name: string, managerId?: string) =>
    createTestUser(deps, admin, role, { name, ...(managerId ? { managerId } : {}) });
  const moveUnder = (userId: string, managerId: string) =>
    call(admin, 'PATCH', `/api/v1/users/${userId}`, { managerId });
  const newDeal = (name: string, amount: string, extra: Record<string, unknown> = {}) =>
    call<DealDto>(admin, 'POST', '/api/v1/deals', { name, pipelineId: pipeline.id, amount, ...extra }, 201);
  const win = (deal: DealDto) =>
    call<DealDto>(admin, 'POST', `/api/v1/deals/${deal.id}/stage`, {
      stageId: pipeline.stage('Won'),
      expectedVersion: deal.version,
    });
  const statement = (period: string, kind: string, id: string) =>
    call<StatementDto>(admin, 'GET', `/api/v1/commission-statements?period=${period}&payeeKind=${kind}&payeeId=${id}`);
  const lines = async (period: string, kind: string, id: string) =>
    (await statement(period, kind, id)).lines.map((l) => [l.kind, l.dealName, l.ratePercent, l.amount]);
  return { admin, plan, assign, person, moveUnder, newDeal, win, lines };
}

describe('statements of past months', () => {
  it("pay an agent under its agreement's terms as they stood when the deal was won", async () => {
    const s = await setUp();
    const buyer = await createPartnerAccount(deps, s.admin, 'customer');
    const ann = await call<AgentPartyDto>(
      s.admin,
      'POST',
      '/api/v1/agent-parties',
      { kind: 'person', name: 'Ann' },
      201,
    );
    const agreement = (extra: Record<string, unknown>) =>
      call<AgreementDto>(
        s.admin,
        'POST',
        '/api/v1/agency-agreements',
        {
          agentPartyId: ann.id,
          side: 'buyer',
          representedAccountId: buyer.id,
          compensationKind: 'percent',
          ...extra,
        },
        201,
      );
    const onDeal = async (name: string, agreementId: string) => {
      const deal = await s.newDeal(name, '1000.00');
      await call(
        s.admin,
        'POST',
        `/api/v1/deals/${deal.id}/agents`,
        {
          agentPartyId: ann.id,
          agreementId,
          role: 'buyer_agent',
        },
        201,
      );
      return deal;
    };
    clock.set('2026-03-02T09:00:00.000Z');
    const first = await agreement({ effectiveFrom: '2026-01-01', compensationPercent: '2.5' });
    const march = await onDeal('March house', first.id);
    const april = await onDeal('April house', first.id);
    clock.set('2026-03-10T10:00:00.000Z');
    await s.win(march);
    const inMarch = [['agent', 'March house', '2.5000', '25.00']];
    expect(await s.lines('2026-03', 'agent', ann.id)).toEqual(inMarch);

    // In April the rate goes up to 4 %: a win after the change is paid at 4 %, March's is not touched.
    clock.set('2026-04-05T10:00:00.000Z');
    await call(s.admin, 'PATCH', `/api/v1/agency-agreements/${first.id}`, { compensationPercent: '4' });
    expect(await s.lines('2026-03', 'agent', ann.id)).toEqual(inMarch);
    clock.set('2026-04-10T10:00:00.000Z');
    await s.win(april);
    const inApril = [['agent', 'April house', '4.0000', '40.00']];
    expect(await s.lines('2026-04', 'agent', ann.id)).toEqual(inApril);

    // In May the agreement is ended with April and a new one at 5 % takes over: only May's win is
    // paid under it; ending the first leaves its past wins paid as they were.
    clock.set('2026-05-02T10:00:00.000Z');
    await call(s.admin, 'PATCH', `/api/v1/agency-agreements/${first.id}`, {
      effectiveTo: '2026-04-30',
      compensationPercent: '1',
    });
    const second = await agreement({ effectiveFrom: '2026-05-01', compensationPercent: '5' });
    const may = await onDeal('May house', second.id);
    clock.set('2026-05-12T10:00:00.000Z');
    await s.win(may);
    expect(await s.lines('2026-05', 'agent', ann.id)).toEqual([['agent', 'May house', '5.0000', '50.00']]);
    expect(await s.lines('2026-04', 'agent', ann.id)).toEqual(inApril);
    expect(await s.lines('2026-03', 'agent', ann.id)).toEqual(inMarch);

    // An agreement moved later (so that it was not in force on an earlier win) does not unpay it.
    clock.set('2026-06-01T10:00:00.000Z');
    await call(s.admin, 'PATCH', `/api/v1/agency-agreements/${second.id}`, { effectiveFrom: '2026-06-01' });
    expect(await s.lines('2026-05', 'agent', ann.id)).toEqual([['agent', 'May house', '5.0000', '50.00']]);
  });

  it('pay a partner only under a plan assigned by the time of the win, not one assigned back-dated later', async () => {
    const s = await setUp();
    const reseller = await createPartnerAccount(deps, s.admin);
    await call(s.admin, 'PUT', `/api/v1/partners/${reseller.id}`, { partnerType: 'reseller' });
    const plan = await call<CommissionPlanDto>(
      s.admin,
      'POST',
      '/api/v1/commission-plans',
      { name: 'Resellers', rates: [{ family: null, ratePercent: '5' }], tiers: [] },
      201,
    );
    const partnerDeal = (name: string) =>
      s.newDeal(name, '3000.00', { channel: 'partner', partnerAccountId: reseller.id });
    clock.set('2026-06-10T10:00:00.000Z');
    await s.win(await partnerDeal('June deal'));
    expect(await s.lines('2026-06', 'partner', reseller.id)).toEqual([]);

    // In July the partner is given the plan from June 1st: June stays as it was closed; July's win is paid.
    clock.set('2026-07-02T10:00:00.000Z');
    await call(
      s.admin,
      'POST',
      '/api/v1/commission-assignments',
      { planId: plan.id, payeeKind: 'partner', payeeId: reseller.id, startsOn: '2026-06-01' },
      201,
    );
    expect(await s.lines('2026-06', 'partner', reseller.id)).toEqual([]);
    clock.set('2026-07-06T10:00:00.000Z');
    await s.win(await partnerDeal('July deal'));
    expect(await s.lines('2026-07', 'partner', reseller.id)).toEqual([['partner', 'July deal', '5', '150.00']]);
  });
});

describe('managers’ overrides of past months', () => {
  it('go to the manager the seller had when the deal was won, not the one they have now', async () => {
    const s = await setUp();
    clock.set('2026-03-02T09:00:00.000Z');
    const alma = await s.person('manager', 'Alma');
    const ben = await s.person('manager', 'Ben');
    const rita = await s.person('rep', 'Rita', alma.userId);
    const reps = await s.plan('Reps', { rates: [{ family: null, ratePercent: '10' }] });
    const managers = await s.plan('Managers', { overridePercent: '2', overrideLevels: 1 });
    await s.assign(reps.id, rita.userId);
    await s.assign(managers.id, alma.userId);
    await s.assign(managers.id, ben.userId);
    const march = await s.newDeal('March deal', '5000.00', { ownerId: rita.userId });
    const april = await s.newDeal('April deal', '3000.00', { ownerId: rita.userId });

    // March: Rita 5,000.00 × 10 % = 500.00; Alma, her manager, 2 % of 5,000.00 = 100.00.
    clock.set('2026-03-10T10:00:00.000Z');
    await s.win(march);
    const almaMarch = [['override', 'March deal', '2.0000', '100.00']];
    expect(await s.lines('2026-03', 'user', rita.userId)).toEqual([['commission', 'March deal', '10', '500.00']]);
    expect(await s.lines('2026-03', 'user', alma.userId)).toEqual(almaMarch);

    // April: Rita moves to Ben. March is as it was: Alma keeps her line, Ben gains none.
    clock.set('2026-04-02T10:00:00.000Z');
    await s.moveUnder(rita.userId, ben.userId);
    expect(await s.lines('2026-03', 'user', alma.userId)).toEqual(almaMarch);
    expect(await s.lines('2026-03', 'user', ben.userId)).toEqual([]);

    // A win after the move pays Ben: 2 % of 3,000.00 = 60.00; Alma nothing.
    clock.set('2026-04-10T10:00:00.000Z');
    await s.win(april);
    expect(await s.lines('2026-04', 'user', ben.userId)).toEqual([['override', 'April deal', '2.0000', '60.00']]);
    expect(await s.lines('2026-04', 'user', alma.userId)).toEqual([]);
    expect(await s.lines('2026-03', 'user', alma.userId)).toEqual(almaMarch);
  });

  it('roll up two levels through the chain as it stood at each win when the middle manager changes', async () => {
    const s = await setUp();
    clock.set('2026-03-02T09:00:00.000Z');
    // Rita → Alma → Dora in March; Ben reports to Eve.
    const dora = await s.person('manager', 'Dora');
    const eve = await s.person('manager', 'Eve');
    const alma = await s.person('manager', 'Alma', dora.userId);
    const ben = await s.person('manager', 'Ben', eve.userId);
    const rita = await s.person('rep', 'Rita', alma.userId);
    const reps = await s.plan('Reps', { rates: [{ family: null, ratePercent: '10' }] });
    const managers = await s.plan('Managers', { overridePercent: '2', overrideLevels: 1 });
    const directors = await s.plan('Directors', { overridePercent: '1', overrideLevels: 2 });
    await s.assign(reps.id, rita.userId);
    for (const m of [alma, ben]) await s.assign(managers.id, m.userId);
    for (const d of [dora, eve]) await s.assign(directors.id, d.userId);
    const deals = {
      march: await s.newDeal('March deal', '10000.00', { ownerId: rita.userId }),
      april: await s.newDeal('April deal', '4000.00', { ownerId: rita.userId }),
      may: await s.newDeal('May deal', '2000.00', { ownerId: rita.userId }),
    };
    const all = { alma, ben, dora, eve };
    const overrides = async (period: string) =>
      Object.fromEntries(
        await Promise.all(
          Object.entries(all).map(async ([name, u]) => [name, await s.lines(period, 'user', u.userId)] as const),
        ),
      );

    // March, 10,000.00: Alma (level 1) 2 % = 200.00; Dora (level 2) 1 % = 100.00.
    clock.set('2026-03-10T10:00:00.000Z');
    await s.win(deals.march);
    const inMarch = {
      alma: [['override', 'March deal', '2.0000', '200.00']],
      ben: [],
      dora: [['override', 'March deal', '1.0000', '100.00']],
      eve: [],
    };
    expect(await overrides('2026-03')).toEqual(inMarch);

    // April: Rita's manager becomes Ben (under Eve). March is untouched; April's 4,000.00 pays
    // Ben 2 % = 80.00 and Eve 1 % = 40.00.
    clock.set('2026-04-02T10:00:00.000Z');
    await s.moveUnder(rita.userId, ben.userId);
    expect(await overrides('2026-03')).toEqual(inMarch);
    clock.set('2026-04-10T10:00:00.000Z');
    await s.win(deals.april);
    const inApril = {
      alma: [],
      ben: [['override', 'April deal', '2.0000', '80.00']],
      dora: [],
      eve: [['override', 'April deal', '1.0000', '40.00']],
    };
    expect(await overrides('2026-04')).toEqual(inApril);

    // May: Ben now reports to Dora. May's 2,000.00 pays Ben 40.00 and Dora 20.00; March and April stand.
    clock.set('2026-05-02T10:00:00.000Z');
    await s.moveUnder(ben.userId, dora.userId);
    clock.set('2026-05-10T10:00:00.000Z');
    await s.win(deals.may);
    expect(await overrides('2026-05')).toEqual({
      alma: [],
      ben: [['override', 'May deal', '2.0000', '40.00']],
      dora: [['override', 'May deal', '1.0000', '20.00']],
      eve: [],
    });
    expect(await overrides('2026-04')).toEqual(inApril);
    expect(await overrides('2026-03')).toEqual(inMarch);
  });
});
