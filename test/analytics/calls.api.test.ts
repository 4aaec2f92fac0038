import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReport } from '../../src/cli/actions/report.ts';
import type { Io } from '../../src/cli/io.ts';
import type { Actor } from '../../src/contract/access.ts';
import type { ActivityDto } from '../../src/contract/activities.ts';
import { ManualClock } from '../../src/domain/deps.ts';
import type { CallingFunnelReport } from '../../src/modules/analytics/analyses/calling-funnel.ts';
import type { ObjectionReport } from '../../src/modules/analytics/analyses/objections.ts';
import {
  scriptExperimentAnalysis,
  type ScriptExperimentReport,
} from '../../src/modules/analytics/analyses/script-experiment.ts';
import { createLead } from '../../src/modules/leads/leads.service.ts';
import { createScript, updateScript } from '../../src/modules/scripts/scripts.service.ts';
import { createApi, type Api } from '../helpers/api.ts';
import { createTestDeps, type TestDeps } from '../helpers/db.ts';
import { createTestOrg, createTestUser } from '../helpers/factories.ts';
import { analyticsPipeline } from './history.ts';

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

const at = (hours: number) => new Date(Date.parse('2026-02-02T09:00:00Z') + hours * 3_600_000).toISOString();

/**
 * An inside rep calls three leads with script S (v1, then v2 after an edit):
 * l1: no answer (0 h), a 30 s connect on v1 (24 h), a 120 s call on v2 with a price objection
 *     answered with "ROI" that booked a meeting (48 h);
 * l2: busy (0 h), a 90 s call-back-later on v1 (2 h);
 * l3: a 200 s connect on v2 (0 h).
 */
async function world() {
  const { admin } = await createTestOrg(deps);
  const rep = await createTestUser(deps, admin, 'inside_sales');
  const p = await analyticsPipeline(deps, admin);
  const script = await createScript(deps, admin, { name: 'Opening', body: 'Hello, v1', pipelineId: p.id });
  await updateScript(deps, admin, script.id, script.version, { body: 'Hello, v2' });
  const lead = async (lastName: string) => (await createLead(deps, rep, { lastName })).id;
  const [l1, l2, l3] = [await lead('One'), await lead('Two'), await lead('Three')];
  const call = async (leadId: string, hours: number, disposition: string, extra: Record<string, unknown> = {}) => {
    const res = await api.as(rep, {
      method: 'POST',
      url: '/api/v1/activities',
      payload: { type: 'call', direction: 'outbound', leadId, disposition, occurredAt: at(hours), ...extra },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<ActivityDto>();
  };
  const v1 = { scriptId: script.id, scriptVersion: 1 };
  const v2 = { scriptId: script.id, scriptVersion: 2 };
  await call(l1, 0, 'no_answer');
  await call(l1, 24, 'connected', { durationSeconds: 30, ...v1 });
  const booked = await call(l1, 48, 'meeting_booked', {
    durationSeconds: 120,
    ...v2,
    objections: [{ category: 'price', buyerWords: 'Too dear', responseUsed: 'ROI', outcome: 'resolved' }],
  });
  await call(l2, 0, 'busy');
  await call(l2, 2, 'call_back_later', { durationSeconds: 90, ...v1 });
  await call(l3, 0, 'connected', { durationSeconds: 200, ...v2 });
  return { admin, rep, script, l1, booked };
}

const get = async <T>(actor: Actor, url: string) => {
  const res = await api.as(actor, { method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<T>();
};

describe('calls record their pitch-script version', () => {
  it(
    'keeps the version on the call and refuses a version that does not exist or half a pair, naming the field',
    async () => {
      const w = await world();
      expect(w.booked).toMatchObject({ scriptId: w.script.id, scriptVersion: 2 });
      const post = (extra: Record<string, unknown>) =>
        api.as(w.rep, {
          method: 'POST',
          url: '/api/v1/activities',
          payload: { type: 'call', direction: 'outbound', disposition: 'connected', leadId: w.l1, ...extra },
        });
      const missing = await post({ scriptId: w.script.id, scriptVersion: 3 });
      expect(missing.statusCode).toBe(422);
      expect(missing.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['scriptVersion']);
      const half = await post({ scriptId: w.script.id });
      expect(half.statusCode).toBe(422);
      expect(half.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['scriptVersion']);
      const other = await createTestOrg(deps);
      const foreign = await createScript(deps, other.admin, {
        name: 'Theirs',
        body: 'x',
        pipelineId: (await analyticsPipeline(deps, other.admin)).id,
      });
      const theirs = await post({ scriptId: foreign.id, scriptVersion: 1 });
      expect(theirs.statusCode).toBe(422);
    },
    SLOW_MS,
  );
});

describe('GET /api/v1/analytics/calling-funnel, objections, script-experiment', () => {
  it(
    'measures the calling funnel, the objections and the script experiment of the org, in the caller’s scope',
    async () => {
      const w = await world();
      const other = await world(); // another organization's calls stay out

      const f = await get<CallingFunnelReport>(w.admin, '/api/v1/analytics/calling-funnel');
      expect(f.total.dials).toBe(6);
      expect(f.total.steps.map((s) => s.reached)).toEqual([3, 3, 3, 1, 1, 0, 0]);
      // first connect: l1 after 24 h, l2 after 2 h, l3 at once → median 2 h
      expect(f.total.steps[1]?.medianHoursFromPrevious).toBe(2);
      expect(f.groups.map((g) => [g.key, g.dials])).toEqual([[w.rep.userId, 6]]);
      const byScript = await get<CallingFunnelReport>(
        w.admin,
        '/api/v1/analytics/calling-funnel?groupBy=script&conversationSeconds=100',
      );
      // l1's first connected call with a script was on v1, l2's too; l3's on v2. At 100 s l2 no longer converses.
      expect(byScript.groups.map((g) => [g.name, g.steps.map((s) => s.reached)])).toEqual([
        ['Opening v1', [2, 2, 1, 1, 1, 0, 0]],
        ['Opening v2', [1, 1, 1, 0, 0, 0, 0]],
      ]);

      const o = await get<ObjectionReport>(w.admin, '/api/v1/analytics/objections');
      expect(o.total).toBe(1);
      expect(o.frequency).toEqual([
        { category: 'price', stageId: null, stageName: null, productId: null, productName: null, raised: 1 },
      ]);
      expect(o.byCategory[0]).toMatchObject({ category: 'price', raised: 1, resolved: 1, rate: 1 });
      expect(o.responses[0]).toMatchObject({ category: 'price', response: 'ROI', used: 1, progressed: 1 });

      const e = await get<ScriptExperimentReport>(w.admin, '/api/v1/analytics/script-experiment');
      // v1: 2 connected calls, none booked (control: tied on calls, first by name); v2: 1 of 2.
      expect(e.control).toBe(`${w.script.id}@1`);
      expect(e.arms.map((a) => [a.name, a.calls, a.conversions, a.rate])).toEqual([
        ['Opening v1', 2, 0, 0],
        ['Opening v2', 2, 1, 0.5],
      ]);
      // pooled 1/4: z = 0.5 / √(0.25·0.75·1) = 1.1547, p = 0.248; from 0 % to 5 %: 152 calls per version
      expect(e.arms[1]?.z).toBeCloseTo(1.1547, 3);
      expect(e.arms[1]?.pValue).toBeCloseTo(0.2482, 3);
      expect(e.requiredPerArm).toBe(152);
      expect(e.arms.map((a) => a.stillNeeded)).toEqual([150, 150]);
      expect(e.winner).toBeNull();

      // another rep of the org sees only the calls it may read: none
      const rep2 = await createTestUser(deps, w.admin, 'inside_sales');
      const mine = await get<CallingFunnelReport>(rep2, '/api/v1/analytics/calling-funnel');
      expect(mine.total.dials).toBe(0);
      expect((await get<ScriptExperimentReport>(rep2, '/api/v1/analytics/script-experiment')).arms).toEqual([]);
      expect((await get<ObjectionReport>(other.admin, '/api/v1/analytics/objections')).total).toBe(1);

      const bad = await api.as(w.admin, {
        method: 'GET',
        url: '/api/v1/analytics/script-experiment?minimumDetectableEffect=2&control=nope',
      });
      expect(bad.statusCode).toBe(422);
      expect(
        bad
          .json<{ errors: { field: string }[] }>()
          .errors.map((x) => x.field)
          .sort(),
      ).toEqual(['control', 'minimumDetectableEffect']);
    },
    SLOW_MS,
  );

  it(
    'pipewright report script-experiment prints the versions as a table',
    async () => {
      const w = await world();
      const lines: string[] = [];
      const io: Io = {
        out: (l) => lines.push(l),
        err: () => undefined,
        status: () => undefined,
        interactive: false,
        setExitCode: () => undefined,
      };
      await runReport(io, deps, scriptExperimentAnalysis, { org: w.admin.orgId });
      const text = lines.join('\n');
      expect(text).toContain('two-proportion z-test (pooled, two-sided) against Opening v1');
      expect(text).toMatch(/Opening v2\s+2\s+1\s+50\.0%/);
      expect(text).toContain('152 connected calls per version');
    },
    SLOW_MS,
  );
});
