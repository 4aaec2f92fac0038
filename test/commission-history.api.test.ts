import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/contract/access.ts';
import type { AgentPartyDto, AgreementDto } from '../src/contract/agents.ts';
import type { CommissionPlanDto, StatementDto } from '../src/contract/commissions.ts';
import type { DealDto } from '../src/contract/deals.ts';
import { ManualClock } from '../src/domain/deps.ts';
import { createApi, type Api } from './helpers/api.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg } from './helpers/factories.ts';
import { createPartnerAccount, createTestPipeline } from './helpers/sales.ts';

/*
 * A statement of a past month is reproducible from the log: the terms an agent or partner is paid
 * under are those in force when the deal was won, whatever is changed or added afterwards.
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
  return { admin, newDeal, win, lines };
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
