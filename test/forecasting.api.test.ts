import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/contract/access.ts';
import type {
  AttainmentReportDto,
  ForecastAccuracyDto,
  ForecastDraftDto,
  ForecastSubmissionDto,
  QuotaDto,
  RollUpDraftDto,
} from '../src/contract/forecasting.ts';
import { ManualClock } from '../src/domain/deps.ts';
import { createApi, type Api } from './helpers/api.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg, createTestUser } from './helpers/factories.ts';
import { createSalesTeam } from './helpers/sales-team.ts';
import { createTestPipeline } from './helpers/sales.ts';

const clock = new ManualClock('2026-01-05T10:00:00.000Z');
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

const fields = (res: LightMyRequestResponse) =>
  res
    .json<{ errors: { field: string }[] }>()
    .errors.map((e) => e.field)
    .sort();

describe('forecast submissions, roll-ups, quotas and accuracy', () => {
  it('pre-fills from the forecast categories, rolls up with overrides, paces quotas and scores accuracy (hand-computed)', async () => {
    const org = await createTestOrg(deps);
    const team = await createSalesTeam(deps, org.admin);
    const { manager, rep, teammate, outsider, marketing } = team;
    const auditor = await createTestUser(deps, org.admin, 'auditor');
    for (const a of [org.admin, manager, rep, teammate, outsider, marketing, auditor]) await api.tokenFor(a);
    const p = await createTestPipeline(deps, org.admin, {
      stages: [
        { name: 'Early', kind: 'open', probability: 20, forecastCategory: 'pipeline' },
        { name: 'Likely', kind: 'open', probability: 60, forecastCategory: 'best_case' },
        { name: 'Sure', kind: 'open', probability: 90, forecastCategory: 'commit' },
        { name: 'Won', kind: 'won' },
        { name: 'Lost', kind: 'lost' },
      ],
    });
    const deal = async (owner: Actor, stage: string, amount: string, close: string) => {
      const res = await api.as(owner, {
        method: 'POST',
        url: '/api/v1/deals',
        payload: {
          name: `${stage} ${amount}`,
          pipelineId: p.id,
          stageId: p.stage(stage),
          amount,
          expectedCloseDate: close,
        },
      });
      expect(res.statusCode).toBe(201);
      return res.json<{ id: string; version: number }>();
    };
    const move = async (owner: Actor, d: { id: string; version: number }, stage: string, at: string) => {
      clock.set(at);
      const res = await api.as(owner, {
        method: 'POST',
        url: `/api/v1/deals/${d.id}/stage`,
        headers: { 'if-match': String(d.version) },
        payload: { stageId: p.stage(stage), ...(stage === 'Lost' ? { lostReason: 'budget' } : {}) },
      });
      expect(res.statusCode).toBe(200);
    };
    const d1 = await deal(rep, 'Sure', '1000.00', '2026-03-15');
    const d2 = await deal(rep, 'Likely', '500.00', '2026-02-20');
    await deal(rep, 'Early', '300.00', '2026-03-30');
    await deal(rep, 'Sure', '2000.00', '2026-04-15'); // next quarter: not counted
    const d5 = await deal(rep, 'Sure', '400.00', '2026-01-20');
    await deal(teammate, 'Sure', '800.00', '2026-03-01');
    await move(rep, d5, 'Won', '2026-01-25T12:00:00.000Z');

    clock.set('2026-02-01T10:00:00.000Z');
    const draft = await api.as(rep, { method: 'GET', url: '/api/v1/forecasts/draft?period=2026-Q1' });
    expect(draft.statusCode).toBe(200);
    const d = draft.json<ForecastDraftDto>();
    // Won 400; commit 400 + 1000; best case + 500; pipeline + 300.
    expect(d).toMatchObject({ startsOn: '2026-01-01', endsOn: '2026-04-01', currency: 'USD', won: '400.00' });
    expect(d.prefilled).toEqual({ commit: '1400.00', bestCase: '1900.00', pipeline: '2200.00' });
    expect(d.deals.map((x) => [x.category, x.probability, x.amount])).toEqual([
      ['best_case', 60, '500.00'],
      ['commit', 90, '1000.00'],
      ['pipeline', 20, '300.00'],
    ]);
    // The system: 400 + 1000 × 0.9 + 500 × 0.6 + 300 × 0.2.
    expect(d.system.expected).toBe('1660.00');

    const submitted = await api.as(rep, {
      method: 'POST',
      url: '/api/v1/forecasts',
      payload: { period: '2026-Q1', commit: '1300', note: 'Cautious on the big one' },
    });
    expect(submitted.statusCode).toBe(201);
    const sub = submitted.json<ForecastSubmissionDto>();
    expect(sub.figures).toEqual({ commit: '1300.00', bestCase: '1900.00', pipeline: '2200.00' });
    expect(sub.deals).toHaveLength(3);
    const events = await deps.db
      .selectFrom('events')
      .select(['type', 'data'])
      .where('org_id', '=', org.orgId)
      .where('entity_id', '=', sub.id)
      .execute();
    expect(events.map((e) => e.type)).toEqual(['forecast.submitted']);
    expect(
      (await api.as(auditor, { method: 'POST', url: '/api/v1/forecasts', payload: { period: '2026-Q1' } })).statusCode,
    ).toBe(403);
    const badPeriod = await api.as(rep, {
      method: 'POST',
      url: '/api/v1/forecasts',
      payload: { period: '2026-Q5', commit: '-1' },
    });
    expect(badPeriod.statusCode).toBe(422);
    expect(fields(badPeriod)).toEqual(['commit', 'period']);

    // The manager's roll-up: Rita's submission, Tom's pre-filled figures (he has not submitted).
    const rdraft = (
      await api.as(manager, { method: 'GET', url: '/api/v1/forecasts/rollup/draft?period=2026-Q1' })
    ).json<RollUpDraftDto>();
    expect(rdraft.members.map((m) => [m.name, m.submissionId === sub.id, m.figures.commit])).toEqual([
      ['Rita Rep', true, '1300.00'],
      ['Tom Teammate', false, '800.00'],
    ]);
    expect(rdraft.total).toEqual({ commit: '2100.00', bestCase: '2700.00', pipeline: '3000.00' });
    const noNote = await api.as(manager, {
      method: 'POST',
      url: '/api/v1/forecasts/rollup',
      payload: { period: '2026-Q1', overrides: [{ userId: teammate.userId, commit: '600' }] },
    });
    expect(fields(noNote)).toEqual(['note']);
    const stranger = await api.as(manager, {
      method: 'POST',
      url: '/api/v1/forecasts/rollup',
      payload: { period: '2026-Q1', overrides: [{ userId: outsider.userId, commit: '1' }], note: 'x' },
    });
    expect(fields(stranger)).toEqual(['overrides.0.userId']);
    const rolled = await api.as(manager, {
      method: 'POST',
      url: '/api/v1/forecasts/rollup',
      payload: { period: '2026-Q1', overrides: [{ userId: teammate.userId, commit: '600' }], note: "Tom's deal slips" },
    });
    expect(rolled.statusCode).toBe(201);
    // Commit 1300 + 600 (overridden from 800); best case and pipeline unchanged.
    expect(rolled.json<ForecastSubmissionDto>().figures).toEqual({
      commit: '1900.00',
      bestCase: '2700.00',
      pipeline: '3000.00',
    });
    expect(
      (await api.as(rep, { method: 'POST', url: '/api/v1/forecasts/rollup', payload: { period: '2026-Q1' } }))
        .statusCode,
    ).toBe(403);

    // Who sees which submissions.
    const seen = async (a: Actor) => {
      const res = await api.as(a, { method: 'GET', url: '/api/v1/forecasts?period=2026-Q1' });
      return res.statusCode === 200
        ? res
            .json<{ items: ForecastSubmissionDto[] }>()
            .items.map((s) => s.kind)
            .sort()
        : res.statusCode;
    };
    expect(await seen(rep)).toEqual(['rep']);
    expect(await seen(manager)).toEqual(['rep', 'rollup']);
    expect(await seen(auditor)).toEqual(['rep', 'rollup']);
    expect(await seen(outsider)).toEqual([]);
    expect(await seen(marketing)).toBe(403);
    expect(
      (await api.as(outsider, { method: 'GET', url: `/api/v1/forecasts/draft?period=2026-Q1&userId=${rep.userId}` }))
        .statusCode,
    ).toBe(404);

    // Quotas: admins set anyone's, managers their team's but not their own.
    const quota = (a: Actor, payload: Record<string, unknown>) =>
      api.as(a, { method: 'PUT', url: '/api/v1/quotas', payload: { period: '2026-Q1', ...payload } });
    expect((await quota(org.admin, { userId: rep.userId, amount: '3000' })).statusCode).toBe(200);
    expect((await quota(manager, { userId: teammate.userId, amount: '2000' })).statusCode).toBe(200);
    expect((await quota(manager, { userId: manager.userId, amount: '1' })).statusCode).toBe(403);
    expect((await quota(rep, { userId: rep.userId, amount: '1' })).statusCode).toBe(403);
    expect(fields(await quota(org.admin, { amount: '1' }))).toEqual(['userId']);
    expect((await quota(org.admin, { teamId: rep.teamId, amount: '6000' })).statusCode).toBe(200);
    const changed = (await quota(org.admin, { userId: rep.userId, amount: '3600' })).json<QuotaDto>();
    expect(changed).toMatchObject({ amount: '3600.00', version: 2 });

    // 1 February is day 32 of 90: expected 3600 × 32 / 90 = 1280, 2000 × 32 / 90 = 711.11, 6000 × 32 / 90 = 2133.33.
    const att = (
      await api.as(org.admin, { method: 'GET', url: '/api/v1/quotas/attainment?period=2026-Q1' })
    ).json<AttainmentReportDto>();
    expect(att).toMatchObject({ today: '2026-02-01', daysTotal: 90, daysElapsed: 32 });
    const row = (name: string) => att.items.find((i) => i.name === name);
    expect(row('Rita Rep')).toMatchObject({
      quota: '3600.00',
      forecastCommit: '1300.00',
      actual: '400.00',
      expectedByNow: '1280.00',
      pacing: 0.3125,
    });
    expect(row('Tom Teammate')).toMatchObject({
      quota: '2000.00',
      forecastCommit: null,
      actual: '0.00',
      expectedByNow: '711.11',
      pacing: 0,
    });
    expect(att.items.find((i) => i.kind === 'team')).toMatchObject({
      quota: '6000.00',
      actual: '400.00',
      expectedByNow: '2133.33',
    });
    const repView = (
      await api.as(rep, { method: 'GET', url: '/api/v1/quotas/attainment?period=2026-Q1' })
    ).json<AttainmentReportDto>();
    expect(repView.items.map((i) => i.name)).toEqual(['Rita Rep']);

    // The quarter closes: d1 won, d2 lost, the early deal still open.
    await move(rep, d1, 'Won', '2026-03-10T12:00:00.000Z');
    await move(rep, d2, 'Lost', '2026-03-11T12:00:00.000Z');
    clock.set('2026-04-02T09:00:00.000Z');
    const acc = (
      await api.as(manager, { method: 'GET', url: '/api/v1/forecasts/accuracy?period=2026-Q1' })
    ).json<ForecastAccuracyDto>();
    expect(acc.closed).toBe(true);
    const rita = acc.items.find((i) => i.userId === rep.userId);
    // Commit 1300 against 400 + 1000 won; Brier ((0.9 − 1)² + 0.6² + 0.2²) / 3 = 0.41 / 3.
    expect(rita).toMatchObject({ commit: '1300.00', actualWon: '1400.00', error: '-100.00', deals: 3 });
    expect(rita?.absolutePercentError).toBeCloseTo(100 / 1400, 12);
    expect(rita?.brierScore).toBeCloseTo(0.41 / 3, 12);
  });
  it("takes a deal's own forecast category (PATCH /deals/:id) over its stage's, and back", async () => {
    clock.set('2026-02-01T10:00:00.000Z');
    const org = await createTestOrg(deps);
    const { rep, outsider } = await createSalesTeam(deps, org.admin);
    await api.tokenFor(rep);
    await api.tokenFor(outsider);
    const p = await createTestPipeline(deps, org.admin, {
      stages: [
        { name: 'Likely', kind: 'open', probability: 60, forecastCategory: 'best_case' },
        { name: 'Won', kind: 'won' },
        { name: 'Lost', kind: 'lost' },
      ],
    });
    const created = await api.as(rep, {
      method: 'POST',
      url: '/api/v1/deals',
      payload: { name: 'Umbrella', pipelineId: p.id, amount: '500.00', expectedCloseDate: '2026-03-10' },
    });
    expect(created.statusCode).toBe(201);
    const deal = created.json<{ id: string; version: number; forecastCategory: string | null }>();
    expect(deal.forecastCategory).toBeNull();
    const patch = (who: Actor, version: number, payload: Record<string, unknown>) =>
      api.as(who, {
        method: 'PATCH',
        url: `/api/v1/deals/${deal.id}`,
        headers: { 'if-match': String(version) },
        payload,
      });
    const draft = async () =>
      (await api.as(rep, { method: 'GET', url: '/api/v1/forecasts/draft?period=2026-Q1' })).json<ForecastDraftDto>();
    expect((await draft()).prefilled).toEqual({ commit: '0.00', bestCase: '500.00', pipeline: '500.00' });

    // A won stage's category is not one to choose; every bad field is named.
    const bad = await patch(rep, deal.version, { forecastCategory: 'closed', amount: '-3' });
    expect(bad.statusCode).toBe(422);
    expect(fields(bad)).toEqual(['amount', 'forecastCategory']);
    expect((await patch(outsider, deal.version, { forecastCategory: 'commit' })).statusCode).toBe(404);

    const set = await patch(rep, deal.version, { forecastCategory: 'commit' });
    expect(set.statusCode).toBe(200);
    const after = set.json<{ version: number; forecastCategory: string | null }>();
    expect(after.forecastCategory).toBe('commit');
    const d = await draft();
    expect(d.deals.map((x) => x.category)).toEqual(['commit']);
    expect(d.prefilled).toEqual({ commit: '500.00', bestCase: '500.00', pipeline: '500.00' });
    const events = await deps.db
      .selectFrom('events')
      .select(['type', 'data'])
      .where('org_id', '=', org.orgId)
      .where('entity_id', '=', deal.id)
      .where('type', '=', 'deal.updated')
      .execute();
    expect(events.map((e) => e.data)).toEqual([{ changes: { forecastCategory: { from: null, to: 'commit' } } }]);

    // Null: the stage's category again.
    const back = await patch(rep, after.version, { forecastCategory: null });
    expect(back.json<{ forecastCategory: string | null }>().forecastCategory).toBeNull();
    expect((await draft()).deals.map((x) => x.category)).toEqual(['best_case']);
  });
});
