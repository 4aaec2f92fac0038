import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/contract/access.ts';
import { ManualClock } from '../../src/domain/deps.ts';
import type { AttributionReport, CampaignFunnelReport } from '../../src/modules/analytics/analyses/attribution.ts';
import { createApi, type Api } from '../helpers/api.ts';
import { createTestDeps, type TestDeps } from '../helpers/db.ts';
import { createTestOrg, createTestUser } from '../helpers/factories.ts';

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

async function call<T>(
  actor: Actor,
  method: 'POST' | 'GET',
  url: string,
  payload?: Record<string, unknown>,
  ifMatch?: number,
) {
  const r = await api.as(actor, {
    method,
    url,
    ...(payload ? { payload } : {}),
    ...(ifMatch ? { headers: { 'if-match': String(ifMatch) } } : {}),
  });
  expect(r.statusCode, r.body).toBeLessThan(300);
  return r.json<T>();
}

/**
 * Campaign A (cost 100) and B (cost 400). L1 touched by A (Feb 1) and B (Feb 10), converted with a
 * 1000 deal that is won; L2 touched by A only, never a deal; L3 touched by B (Feb 15), converted
 * with a 600 deal still open. Worked by hand:
 * pipeline: first touch A 1000, B 600; last touch B 1600; linear A 500, B 1100.
 * won: first A 1000; last B 1000; linear A 500, B 500; ROI (linear) A 5, B 1.25.
 */
async function world() {
  const org = await createTestOrg(deps);
  const marketer = await createTestUser(deps, org.admin, 'marketing');
  const rep = await createTestUser(deps, org.admin, 'rep');
  const admin = org.admin;
  const pipeline = await call<{ stages: { id: string; kind: string }[] }>(admin, 'POST', '/api/v1/pipelines', {
    name: 'Sales',
    isDefault: true,
    stages: [
      { name: 'Open', kind: 'open', probability: 10 },
      { name: 'Won', kind: 'won' },
      { name: 'Lost', kind: 'lost' },
    ],
  });
  const wonStage = pipeline.stages.find((s) => s.kind === 'won')?.id ?? '';
  const a = await call<{ id: string }>(marketer, 'POST', '/api/v1/campaigns', { name: 'A ads', type: 'advertising' });
  const b = await call<{ id: string }>(marketer, 'POST', '/api/v1/campaigns', { name: 'B webinar', type: 'event' });
  await call(marketer, 'POST', `/api/v1/campaigns/${a.id}/costs`, { incurredOn: '2026-01-20', amount: '100.00' });
  await call(marketer, 'POST', `/api/v1/campaigns/${b.id}/costs`, { incurredOn: '2026-02-01', amount: '400.00' });
  const lead = (name: string) => call<{ id: string }>(marketer, 'POST', '/api/v1/leads', { lastName: name });
  const l1 = await lead('One');
  const l2 = await lead('Two');
  const l3 = await lead('Three');
  const touch = (c: string, leadId: string, day: string) =>
    call(marketer, 'POST', `/api/v1/campaigns/${c}/touches`, {
      leadId,
      kind: 'clicked',
      touchedAt: `${day}T12:00:00Z`,
    });
  await touch(a.id, l1.id, '2026-02-01');
  await touch(b.id, l1.id, '2026-02-10');
  await touch(a.id, l2.id, '2026-02-05');
  await touch(b.id, l3.id, '2026-02-15');
  const convert = (id: string, amount: string) =>
    call<{ deal: { id: string; version: number } }>(
      admin,
      'POST',
      `/api/v1/leads/${id}/convert`,
      { deal: { create: { name: `Deal ${amount}`, amount } } },
      1,
    );
  const d1 = await convert(l1.id, '1000.00');
  await convert(l3.id, '600.00');
  clock.advance(86_400_000);
  await call(admin, 'POST', `/api/v1/deals/${d1.deal.id}/stage`, { stageId: wonStage }, d1.deal.version);
  return { ...org, marketer, rep, a, b };
}

describe('attribution over the API', () => {
  it('credits pipeline and won revenue per model, with ROI, for marketing; as of a past day nothing yet', async () => {
    const w = await world();
    const r = await call<AttributionReport>(w.marketer, 'GET', '/api/v1/analytics/attribution?resamples=50');
    expect(r).toMatchObject({
      currency: 'USD',
      pipeline: { deals: 2, amount: '1600.00' },
      won: { deals: 1, amount: '1000.00' },
      journeysWithoutDeal: 1,
    });
    const byName = new Map(r.campaigns.map((c) => [c.name, c]));
    const a = byName.get('A ads');
    const b = byName.get('B webinar');
    expect(a?.pipeline).toMatchObject({ first_touch: '1000.00', last_touch: '0.00', linear: '500.00' });
    expect(b?.pipeline).toMatchObject({ first_touch: '600.00', last_touch: '1600.00', linear: '1100.00' });
    expect(a?.won).toMatchObject({ first_touch: '1000.00', last_touch: '0.00', linear: '500.00', shapley: '500.00' });
    expect(b?.won).toMatchObject({ first_touch: '0.00', last_touch: '1000.00', linear: '500.00', shapley: '500.00' });
    expect(a?.cost).toBe('100.00');
    expect(a?.roi.linear).toBe(5);
    expect(b?.roi.linear).toBe(1.25);
    // every model hands out the whole won revenue
    for (const m of r.models) expect(Number(a?.won[m]) + Number(b?.won[m])).toBeCloseTo(1000, 1);

    const past = await call<AttributionReport>(
      w.marketer,
      'GET',
      '/api/v1/analytics/attribution?asOf=2026-02-20&resamples=20',
    );
    expect(past).toMatchObject({
      asOf: '2026-02-20',
      pipeline: { deals: 0 },
      won: { deals: 0 },
      journeysWithoutDeal: 3,
    });
    const rep = await api.as(w.rep, { method: 'GET', url: '/api/v1/analytics/attribution' });
    expect(rep.statusCode).toBe(403);
    const bad = await api.as(w.marketer, {
      method: 'GET',
      url: '/api/v1/analytics/attribution?asOf=someday&halfLifeDays=0',
    });
    expect(bad.statusCode).toBe(422);
  });

  it('counts the campaign funnel: touches, people, leads, MQL, SQL, opportunities, won', async () => {
    const w = await world();
    const r = await call<CampaignFunnelReport>(w.marketer, 'GET', '/api/v1/analytics/campaign-funnel');
    const steps = Object.fromEntries(r.campaigns.map((c) => [c.name, c.steps]));
    expect(steps).toEqual({
      'A ads': { touches: 2, people: 2, leads: 2, mql: 1, sql: 1, opportunities: 1, won: 1 },
      'B webinar': { touches: 2, people: 2, leads: 2, mql: 2, sql: 2, opportunities: 2, won: 1 },
    });
    const past = await call<CampaignFunnelReport>(
      w.marketer,
      'GET',
      '/api/v1/analytics/campaign-funnel?asOf=2026-02-12',
    );
    expect(Object.fromEntries(past.campaigns.map((c) => [c.name, c.steps.touches]))).toEqual({
      'A ads': 2,
      'B webinar': 1,
    });
  });
});
