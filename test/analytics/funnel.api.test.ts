import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/deps.ts';
import type { AnalysisInfo } from '../../src/contract/analytics.ts';
import type { Actor } from '../../src/contract/access.ts';
import type { FunnelReport } from '../../src/modules/analytics/analyses/funnel.ts';
import { createApi, type Api } from '../helpers/api.ts';
import { createTestDeps, type TestDeps } from '../helpers/db.ts';
import { createTestOrg, createTestUser } from '../helpers/factories.ts';
import { createPartnerAccount } from '../helpers/sales.ts';
import { reachedRanks, strictDepth } from '../../src/analytics/funnel.ts';
import { listStageVisits } from '../../src/modules/deals/stage-visits.repository.ts';
import { resolvePipeline } from '../../src/modules/analytics/analytics.repository.ts';
import { funnelGroups } from '../../src/modules/analytics/funnel.repository.ts';
import { analyticsPipeline, dealPath } from './history.ts';

/** Building history through the services takes a while on a busy machine; this is a limit, not a timing. */
const SLOW_MS = 120_000;
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

type Problem = { code: string; errors: { field: string; message: string }[] };
const funnel = async (actor: Actor, url: string) => {
  const res = await api.as(actor, { method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<FunnelReport>();
};

describe('GET /api/v1/analytics/funnel', () => {
  it(
    'counts the history written by the services, by filter and scope, and only the organization’s own deals',
    async () => {
      const { admin } = await createTestOrg(deps);
      const rep = await createTestUser(deps, admin, 'rep');
      const p = await analyticsPipeline(deps, admin);
      const q = (extra = '') => `/api/v1/analytics/funnel?pipelineId=${p.id}${extra}`;
      clock.set('2026-03-02T09:00:00.000Z');
      // A: Q → D → P → Won (skips Negotiation), USD 100. B: Q → Lost, USD 40 (rep). C: Q → D, open, no amount (rep).
      await dealPath(deps, clock, admin, p, {
        amount: '100.00',
        steps: [
          { after: 2, stage: 'Discovery' },
          { after: 3, stage: 'Proposal' },
          { after: 1, stage: 'Won' },
        ],
      });
      await dealPath(deps, clock, admin, p, {
        amount: '40.00',
        ownerId: rep.userId,
        steps: [{ after: 1, stage: 'Lost' }],
      });
      await dealPath(deps, clock, admin, p, { ownerId: rep.userId, steps: [{ after: 1, stage: 'Discovery' }] });
      // D: created in April, the full path, EUR 10.50.
      clock.set('2026-04-10T09:00:00.000Z');
      await dealPath(deps, clock, admin, p, {
        amount: '10.50',
        currency: 'EUR',
        steps: ['Discovery', 'Proposal', 'Negotiation', 'Won'].map((stage) => ({ after: 1, stage })),
      });
      // Another organization's deal on a pipeline of the same shape never counts.
      const other = await createTestOrg(deps);
      const op = await analyticsPipeline(deps, other.admin);
      await dealPath(deps, clock, other.admin, op, { amount: '999.00', steps: [{ after: 1, stage: 'Won' }] });

      const r = await funnel(admin, q());
      // 4 deals: C open; A, D won; B lost → 2/3. Strict depths: A 3, B 1, C 2, D 5.
      expect(r).toMatchObject({
        pipeline: { id: p.id },
        from: null,
        to: null,
        deals: 4,
        open: 1,
        won: 2,
        lost: 1,
        winRate: 2 / 3,
      });
      expect(r.stages.map((s) => [s.name, s.strict])).toEqual([
        ['Qualify', { reached: 4, advanced: 3, exited: 1, censored: 0, conversion: 3 / 4 }],
        ['Discovery', { reached: 3, advanced: 2, exited: 0, censored: 1, conversion: 1 }],
        ['Proposal', { reached: 2, advanced: 1, exited: 1, censored: 0, conversion: 1 / 2 }],
        ['Negotiation', { reached: 1, advanced: 1, exited: 0, censored: 0, conversion: 1 }],
        ['Won', { reached: 1, advanced: null, exited: null, censored: null, conversion: null }],
      ]);
      // Any order: Proposal reached by A and D, only D saw Negotiation, A (won) exited; A and D reached Won.
      expect(r.stages.map((s) => [s.anyOrder.reached, s.anyOrder.conversion])).toEqual([
        [4, 3 / 4],
        [3, 1],
        [2, 1 / 2],
        [1, 1],
        [2, null],
      ]);
      // USD: won 100, lost 40 → 100/140; EUR: 10.50 won, nothing lost.
      expect(r.byCurrency).toEqual([
        { currency: 'USD', wonAmount: '100.00', lostAmount: '40.00', openAmount: '0.00', winRateByValue: 100 / 140 },
        { currency: 'EUR', wonAmount: '10.50', lostAmount: '0.00', openAmount: '0.00', winRateByValue: 1 },
      ]);
      expect(r.cohorts.map((c) => [c.month, c.deals, c.winRate])).toEqual([
        ['2026-03', 3, 1 / 2],
        ['2026-04', 1, 1],
      ]);

      // The date range selects deals by creation day: from April on, only D.
      const april = await funnel(admin, q('&from=2026-04-01&to=2026-04-30'));
      expect([april.deals, april.won, april.from, april.to]).toEqual([1, 1, '2026-04-01', '2026-04-30']);
      // The last day is inclusive: to=2026-04-10 still has D (created 09:00 that day); to=2026-04-09 does not.
      expect((await funnel(admin, q('&from=2026-04-10&to=2026-04-10'))).deals).toBe(1);
      expect((await funnel(admin, q('&from=2026-04-01&to=2026-04-09'))).deals).toBe(0);
      // Owner filter, and the rep's own scope, give B and C.
      const byOwner = await funnel(admin, q(`&ownerId=${rep.userId}`));
      expect([byOwner.deals, byOwner.open, byOwner.lost, byOwner.winRate]).toEqual([2, 1, 1, 0]);
      const asRep = await funnel(rep, q());
      expect([asRep.deals, asRep.open, asRep.lost]).toEqual([2, 1, 1]);
      // The other organization sees only its own deal, on its default pipeline when none is named.
      const otherRes = await funnel(other.admin, `/api/v1/analytics/funnel?pipelineId=${op.id}`);
      expect([otherRes.deals, otherRes.won]).toEqual([1, 1]);
      // Segment b2c: none of the deals has an account, so all four.
      expect((await funnel(admin, q('&segment=b2c'))).deals).toBe(4);
      expect((await funnel(admin, q('&segment=b2b'))).deals).toBe(0);
    },
    SLOW_MS,
  );

  it(
    'computes reached ranks and strict depth in SQL as the pure definitions do, on skips, returns, repeats and reopenings',
    async () => {
      const { admin } = await createTestOrg(deps);
      const p = await analyticsPipeline(deps, admin);
      const path = (stages: string[], start = 'Qualify') =>
        dealPath(deps, clock, admin, p, { start, steps: stages.map((stage) => ({ after: 1, stage })) });
      // Ranks: Qualify 1, Discovery 2, Proposal 3, Negotiation 4, Won 5.
      const skipBack = await path(['Proposal', 'Discovery', 'Negotiation', 'Won']); // 1 3 2 4 5: depth 2 (Proposal entered before Discovery)
      const repeats = await path(['Discovery', 'Qualify', 'Discovery', 'Proposal']); // 1 2 1 2 3: depth 3
      const lateStart = await path(['Proposal'], 'Discovery'); // 2 3: depth 0
      const skipLost = await path(['Negotiation', 'Lost']); // 1 4: depth 1
      const reopened = await path(['Discovery', 'Proposal', 'Negotiation', 'Won', 'Negotiation']); // 1 2 3 4 5 4: depth 5, open
      const expected = new Map([
        [skipBack.id, { reached: [1, 2, 3, 4, 5], strictDepth: 2, status: 'won' }],
        [repeats.id, { reached: [1, 2, 3], strictDepth: 3, status: 'open' }],
        [lateStart.id, { reached: [2, 3], strictDepth: 0, status: 'open' }],
        [skipLost.id, { reached: [1, 4], strictDepth: 1, status: 'lost' }],
        [reopened.id, { reached: [1, 2, 3, 4, 5], strictDepth: 5, status: 'open' }],
      ]);
      // The pure definitions agree with the hand-worked values on the recorded visits…
      const rank = new Map(
        [
          ['Qualify', 1],
          ['Discovery', 2],
          ['Proposal', 3],
          ['Negotiation', 4],
          ['Won', 5],
        ].map(([n, r]) => [p.stage(String(n)), Number(r)]),
      );
      const visits = await listStageVisits(deps.db, admin.orgId);
      for (const [id, want] of expected) {
        const trace = visits.filter((v) => v.dealId === id).flatMap((v) => rank.get(v.stageId) ?? []);
        expect([reachedRanks(trace), strictDepth(trace)]).toEqual([want.reached, want.strictDepth]);
      }
      // …and so does the SQL (one deal per group here, all in the same cohort and currency).
      const groups = await funnelGroups(deps.db, admin, {}, await resolvePipeline(deps.db, admin.orgId, p.id));
      const got = groups.map((g) => ({
        reached: g.reached,
        strictDepth: g.strictDepth,
        status: g.status,
        deals: g.deals,
      }));
      const want = [...expected.values()].map((w) => ({ ...w, deals: 1 }));
      const key = (x: { reached: readonly number[]; strictDepth: number; status: string; deals: number }) =>
        `${x.reached.join(',')}|${x.strictDepth}|${x.status}|${x.deals}`;
      expect(got.map(key).sort()).toEqual(want.map(key).sort());
    },
    SLOW_MS,
  );

  it('refuses partners and names every bad field', async () => {
    const { admin } = await createTestOrg(deps);
    const partnerAccount = await createPartnerAccount(deps, admin);
    const partner = await createTestUser(deps, admin, 'partner', { partnerAccountId: partnerAccount.id });
    expect((await api.as(partner, { method: 'GET', url: '/api/v1/analytics/funnel' })).statusCode).toBe(403);
    expect((await api.as(partner, { method: 'GET', url: '/api/v1/analytics' })).statusCode).toBe(403);

    const bad = await api.as(admin, {
      method: 'GET',
      url: '/api/v1/analytics/funnel?from=2026-13-01&segment=retail&ownerId=x,y&bogus=1',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    const fields = bad.json<Problem>().errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['from', 'segment', 'ownerId.0', 'ownerId.1', 'bogus']));
    const backwards = await api.as(admin, {
      method: 'GET',
      url: '/api/v1/analytics/funnel?from=2026-05-01&to=2026-04-01',
    });
    expect(backwards.json<Problem>()).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'to', message: 'must not be before from' }],
    });
    const unknownPipeline = await api.as(admin, {
      method: 'GET',
      url: '/api/v1/analytics/funnel?pipelineId=00000000-0000-4000-8000-000000000000',
    });
    expect(unknownPipeline.statusCode).toBe(422);
    expect(unknownPipeline.json<Problem>().errors).toEqual([
      { field: 'pipelineId', message: 'is not a pipeline of this organization' },
    ]);
  });

  it('lists the analyses and documents their routes in OpenAPI', async () => {
    const { admin } = await createTestOrg(deps);
    const list = await api.as(admin, { method: 'GET', url: '/api/v1/analytics' });
    expect(list.statusCode).toBe(200);
    const funnelInfo = list.json<{ items: AnalysisInfo[] }>().items.find((a) => a.name === 'funnel');
    expect(funnelInfo).toMatchObject({ path: '/api/v1/analytics/funnel', params: [] });
    expect(funnelInfo?.summary).toMatch(/^Funnel/);
    type Schema = { $ref?: string; properties?: Record<string, unknown> };
    type Operation = {
      parameters: { name: string }[];
      responses: Record<string, { content: Record<string, { schema: Schema }> }>;
    };
    const doc = (await api.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, { get: Operation }>;
      components: { schemas: Record<string, Schema> };
    }>();
    const op = doc.paths['/api/v1/analytics/funnel']?.get;
    expect(op?.parameters.map((x) => x.name)).toEqual(
      expect.arrayContaining([
        'pipelineId',
        'from',
        'to',
        'ownerId',
        'teamId',
        'channel',
        'partnerId',
        'productId',
        'segment',
        'source',
      ]),
    );
    // The report is a named component, so generated clients call it FunnelReport.
    const ref = op?.responses['200']?.content['application/json']?.schema.$ref;
    expect(ref).toBe('#/components/schemas/FunnelReport');
    const report = doc.components.schemas.FunnelReport;
    expect(Object.keys(report?.properties ?? {})).toEqual(
      expect.arrayContaining(['winRate', 'stages', 'cohorts', 'byCurrency']),
    );
  });
});
