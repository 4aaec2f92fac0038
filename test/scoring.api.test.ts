import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/contract/access.ts';
import type { LeadDto } from '../src/contract/leads.ts';
import type { LeadInboxItem, LeadScoreDto, ScoringModelDto, ScoringSettings } from '../src/contract/scoring.ts';
import { ManualClock } from '../src/domain/deps.ts';
import { mulberry32 } from '../src/analytics/random.ts';
import { runRefit } from '../src/modules/scoring/model.service.ts';
import { createApi, type Api } from './helpers/api.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg, createTestUser } from './helpers/factories.ts';

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

/*
 * Settings of the fixture: industry Software +60 → fit 60, grade B (A ≥ 75, B ≥ 50, C ≥ 25);
 * a submitted form is worth 20, an attended event 15 (half-life 30 days); MQL at engagement ≥ 30
 * with grade B or better. A Software lead with a form (20) and an event (15) on the same day
 * reaches 35 and moves to MQL on the second touch.
 */
const settings: ScoringSettings = {
  fitRules: [{ field: 'industry', op: 'in', values: ['Software'], points: 60 }],
  touchPoints: { responded: 10, attended: 15, clicked: 3, submitted_form: 20, visited: 1 },
  halfLifeDays: 30,
  gradeThresholds: { a: 75, b: 50, c: 25 },
  mqlEngagement: 30,
  mqlMinGrade: 'B',
};

async function world() {
  const org = await createTestOrg(deps);
  const marketer = await createTestUser(deps, org.admin, 'marketing');
  const rep = await createTestUser(deps, org.admin, 'rep');
  const otherRep = await createTestUser(deps, org.admin, 'rep');
  return { ...org, marketer, rep, otherRep };
}

async function call<T>(actor: Actor, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, headers = {}) {
  const r = await api.as(actor, { method, url, ...(payload ? { payload } : {}), headers });
  return { status: r.statusCode, body: r.json<T>(), raw: r };
}

const fieldsOf = (res: LightMyRequestResponse) =>
  res
    .json<{ errors: { field: string }[] }>()
    .errors.map((e) => e.field)
    .sort();

async function eventsOf(entityId: string) {
  return deps.db
    .selectFrom('events')
    .select(['type', 'data'])
    .where('entity_id', '=', entityId)
    .orderBy('id')
    .execute();
}

describe('scoring settings', () => {
  it('are saved by marketing at a version, refused to reps, and every bad field is named', async () => {
    const w = await world();
    const first = await call<{ version: number; mqlEngagement: number }>(w.marketer, 'GET', '/api/v1/scoring/settings');
    expect(first.body).toMatchObject({ version: 0, mqlEngagement: 40 });
    expect((await call(w.marketer, 'PUT', '/api/v1/scoring/settings', settings)).status).toBe(428);
    const saved = await call<{ version: number }>(w.marketer, 'PUT', '/api/v1/scoring/settings', settings, {
      'if-match': '0',
    });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(1);
    expect((await call(w.marketer, 'PUT', '/api/v1/scoring/settings', settings, { 'if-match': '0' })).status).toBe(409);
    const events = await eventsOf(w.admin.orgId);
    expect(events.filter((e) => e.type === 'scoring.settings_changed').map((e) => e.data)).toEqual([
      { changedFields: ['fitRules', 'mqlEngagement'] },
    ]);
    expect((await call(w.rep, 'GET', '/api/v1/scoring/settings')).status).toBe(403);
    expect((await call(w.rep, 'PUT', '/api/v1/scoring/settings', settings, { 'if-match': '*' })).status).toBe(403);

    const bad = await call(
      w.admin,
      'PUT',
      '/api/v1/scoring/settings',
      {
        ...settings,
        fitRules: [{ field: 'country', op: 'in', values: [], points: 500 }],
        touchPoints: { ...settings.touchPoints, clicked: -1 },
        halfLifeDays: 0,
      },
      { 'if-match': '*' },
    );
    expect(bad.status).toBe(422);
    expect(fieldsOf(bad.raw)).toEqual([
      'fitRules.0.field',
      'fitRules.0.points',
      'fitRules.0.values',
      'halfLifeDays',
      'touchPoints.clicked',
    ]);
    const order = await call(
      w.admin,
      'PUT',
      '/api/v1/scoring/settings',
      { ...settings, gradeThresholds: { a: 20, b: 50, c: 25 } },
      { 'if-match': '*' },
    );
    expect(order.status).toBe(422);
    expect(fieldsOf(order.raw)).toEqual(['gradeThresholds']);
  });
});

describe('lead scores and the MQL threshold', () => {
  it('score a lead on change and touch, move it to MQL when it crosses, and log only grade and MQL changes', async () => {
    const w = await world();
    await call(w.marketer, 'PUT', '/api/v1/scoring/settings', settings, { 'if-match': '0' });
    const lead = (
      await call<LeadDto>(w.marketer, 'POST', '/api/v1/leads', {
        lastName: 'Ng',
        company: 'Acme',
        industry: 'Software',
        ownerId: w.rep.userId,
      })
    ).body;
    const campaign = (
      await call<{ id: string }>(w.marketer, 'POST', '/api/v1/campaigns', { name: 'Webinar', type: 'event' })
    ).body;
    const touch = (kind: string) =>
      call(w.marketer, 'POST', `/api/v1/campaigns/${campaign.id}/touches`, { leadId: lead.id, kind });
    expect((await touch('submitted_form')).status).toBe(201);
    const afterForm = (await call<LeadScoreDto>(w.rep, 'GET', `/api/v1/leads/${lead.id}/score`)).body;
    expect(afterForm).toMatchObject({ fitScore: 60, engagementScore: 20, grade: 'B', qualifies: false });
    expect((await touch('attended')).status).toBe(201);

    const score = (await call<LeadScoreDto>(w.rep, 'GET', `/api/v1/leads/${lead.id}/score`)).body;
    expect(score).toMatchObject({
      fitScore: 60,
      engagementScore: 35,
      grade: 'B',
      qualifies: true,
      conversionProbability: null,
      factors: [
        { label: 'industry in Software', weight: 60 },
        { label: 'engagement: submitted form', weight: 20 },
        { label: 'engagement: attended', weight: 15 },
      ],
    });
    const now = (await call<LeadDto>(w.rep, 'GET', `/api/v1/leads/${lead.id}`)).body;
    expect(now).toMatchObject({ lifecycleStage: 'mql', version: 2 });

    const events = await eventsOf(lead.id);
    // The promotion hands the rep's lead to sales: a hand-off opens (docs/marketing.md).
    expect(events.at(-1)).toMatchObject({ type: 'lead.handoff_opened', data: { ownerId: w.rep.userId } });
    const scoring = events.filter(
      (e) => e.type.startsWith('lead.') && e.type !== 'lead.created' && e.type !== 'lead.handoff_opened',
    );
    expect(scoring).toEqual([
      {
        type: 'lead.score_changed',
        data: {
          fitScore: 60,
          engagementScore: 0,
          grade: 'B',
          qualifies: false,
          previousGrade: 'D',
          previouslyQualified: false,
        },
      },
      {
        type: 'lead.score_changed',
        data: {
          fitScore: 60,
          engagementScore: 35,
          grade: 'B',
          qualifies: true,
          previousGrade: 'B',
          previouslyQualified: false,
        },
      },
      {
        type: 'lead.lifecycle_changed',
        data: {
          from: 'lead',
          to: 'mql',
          reason: 'score reached the MQL threshold: engagement 35 ≥ 30, grade B (fit 60) ≥ B',
        },
      },
    ]);

    // the inbox: marketing sees the MQL, its owner too, another rep nothing
    const inbox = (await call<{ items: LeadInboxItem[] }>(w.marketer, 'GET', '/api/v1/scoring/inbox')).body.items;
    expect(inbox).toEqual([
      expect.objectContaining({
        leadId: lead.id,
        name: 'Ng',
        grade: 'B',
        engagementScore: 35,
        mqlAt: '2026-03-02T09:00:00.000Z',
      }),
    ]);
    expect((await call<{ items: unknown[] }>(w.rep, 'GET', '/api/v1/scoring/inbox')).body.items).toHaveLength(1);
    expect((await call<{ items: unknown[] }>(w.otherRep, 'GET', '/api/v1/scoring/inbox')).body.items).toHaveLength(0);
    expect((await call(w.otherRep, 'GET', `/api/v1/leads/${lead.id}/score`)).status).toBe(404);
    const badCursor = await call(w.marketer, 'GET', '/api/v1/scoring/inbox?cursor=WyJ4IiwieSJd');
    expect(badCursor.status).toBe(422);
  });
});

describe('the conversion model', () => {
  it('is not used on a small history, and says so', async () => {
    const w = await world();
    await runRefit(deps, w.admin.orgId);
    const report = (await call<ScoringModelDto>(w.admin, 'GET', '/api/v1/scoring/model')).body;
    expect(report).toMatchObject({ status: 'insufficient_history', trainingLeads: 0, auc: null });
    expect(report.message).toContain('at least 40 closed leads');
    expect((await call(w.rep, 'GET', '/api/v1/scoring/model')).status).toBe(403);
    expect((await call(w.rep, 'POST', '/api/v1/scoring/model/refit')).status).toBe(403);
    expect((await call(w.marketer, 'POST', '/api/v1/scoring/model/refit')).status).toBe(202);
  });

  it('is fitted on closed leads, reports held-out AUC and calibration, and scores open leads', async () => {
    const w = await world();
    await call(w.marketer, 'PUT', '/api/v1/scoring/settings', settings, { 'if-match': '0' });
    // 80 closed leads drawn at random: Software leads convert with probability 0.8, the others 0.2
    const rand = mulberry32(24);
    const at = new Date('2026-02-01T00:00:00Z');
    const rows = Array.from({ length: 80 }, (_, i) => {
      const software = rand() < 0.5;
      const converted = rand() < (software ? 0.8 : 0.2);
      return {
        org_id: w.admin.orgId,
        id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        external_id: null,
        first_name: null,
        last_name: `History ${i}`,
        email: null,
        phone: null,
        title: null,
        company: null,
        company_domain: null,
        industry: software ? 'Software' : 'Retail',
        source: null,
        campaign_id: null,
        status: converted ? 'converted' : 'disqualified',
        disqualified_reason: converted ? null : 'no budget',
        owner_id: w.rep.userId,
        converted_at: converted ? at : null,
        converted_account_id: null,
        converted_contact_id: null,
        converted_deal_id: null,
        recycle_reason: null,
        created_by: null,
        created_at: at,
        updated_at: at,
        deleted_at: null,
      };
    });
    await deps.db.insertInto('leads').values(rows).execute();
    const open = (
      await call<LeadDto>(w.marketer, 'POST', '/api/v1/leads', {
        lastName: 'Open',
        industry: 'Software',
        ownerId: w.rep.userId,
      })
    ).body;
    await runRefit(deps, w.admin.orgId);
    const report = (await call<ScoringModelDto>(w.marketer, 'GET', '/api/v1/scoring/model')).body;
    const converted = rows.filter((r) => r.status === 'converted').length;
    expect(report).toMatchObject({ status: 'fitted', trainingLeads: 60, testLeads: 20, converted, message: null });
    expect(report.auc).toBeGreaterThan(0.6);
    expect(report.calibration).toHaveLength(5);
    expect(report.calibration.reduce((n, r) => n + r.leads, 0)).toBe(20);
    expect(report.coefficients.find((c) => c.feature === 'industry in Software')?.weight).toBeGreaterThan(1);
    const score = (await call<LeadScoreDto>(w.rep, 'GET', `/api/v1/leads/${open.id}/score`)).body;
    expect(score.conversionProbability).toBeGreaterThan(0.5);
    expect(score.factors).toContainEqual(expect.objectContaining({ label: 'model: industry in Software' }));
    const fitted = (await eventsOf(w.admin.orgId)).filter((e) => e.type === 'scoring.model_fitted');
    expect(fitted.at(-1)?.data).toMatchObject({ status: 'fitted', trainingLeads: 60, testLeads: 20 });
    // the next refit is scheduled a day later, once
    const jobs = await deps.db
      .selectFrom('jobs')
      .select(['kind', 'run_at'])
      .where('org_id', '=', w.admin.orgId)
      .where('job_key', '=', 'scoring.refit:scheduled')
      .execute();
    expect(jobs.map((j) => j.run_at.toISOString())).toEqual(['2026-03-03T09:00:00.000Z']);
  });
});

describe('the MQL → SQL hand-off report', () => {
  /*
   * Worked by hand: the rep's lead A becomes MQL at 09:00, is called at 09:10 and accepted as SQL
   * at 09:30; lead B becomes MQL at 09:00 and is never touched. Per owner (the rep): 2 MQLs, 1 SQL
   * (50 %), 1 touched, 10 minutes to the first touch (median and 90th percentile alike).
   */
  it('gives conversion and speed to lead per rep and team', async () => {
    const w = await world();
    const lead = async (lastName: string) =>
      (await call<LeadDto>(w.marketer, 'POST', '/api/v1/leads', { lastName, ownerId: w.rep.userId })).body.id;
    const a = await lead('A');
    const b = await lead('B');
    const move = (id: string, actor: Actor, stage: string) =>
      call(actor, 'POST', `/api/v1/leads/${id}/lifecycle`, { stage }, { 'if-match': '*' });
    try {
      clock.set('2026-03-02T09:00:00.000Z');
      expect((await move(a, w.marketer, 'mql')).status).toBe(200);
      expect((await move(b, w.marketer, 'mql')).status).toBe(200);
      const called = await call(w.rep, 'POST', '/api/v1/activities', {
        type: 'call',
        leadId: a,
        direction: 'outbound',
        disposition: 'connected',
        occurredAt: '2026-03-02T09:10:00.000Z',
      });
      expect(called.status).toBe(201);
      clock.set('2026-03-02T09:30:00.000Z');
      expect((await move(a, w.rep, 'sql')).status).toBe(200);
    } finally {
      clock.set('2026-03-02T09:00:00.000Z');
    }
    const report = await call<{ byOwner: unknown[]; byTeam: unknown[] }>(
      w.admin,
      'GET',
      '/api/v1/analytics/mql-handoff',
    );
    expect(report.status).toBe(200);
    const expected = {
      mqls: 2,
      sqls: 1,
      conversionRate: 0.5,
      touched: 1,
      medianMinutesToTouch: 10,
      p90MinutesToTouch: 10,
    };
    expect(report.body.byOwner).toHaveLength(1);
    expect(report.body.byOwner).toMatchObject([{ id: w.rep.userId, ...expected }]);
    expect(report.body.byTeam).toEqual([expect.objectContaining(expected)]);
    // the other rep sees none of these leads
    const other = await call<{ byOwner: unknown[] }>(w.otherRep, 'GET', '/api/v1/analytics/mql-handoff');
    expect(other.body.byOwner).toEqual([]);
  });
});
