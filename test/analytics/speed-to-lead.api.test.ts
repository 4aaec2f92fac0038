import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReport } from '../../src/cli/actions/report.ts';
import type { Io } from '../../src/cli/io.ts';
import type { Actor } from '../../src/contract/access.ts';
import { defaultSlaPolicy } from '../../src/contract/handoffs.ts';
import { ManualClock } from '../../src/domain/deps.ts';
import { speedToLeadAnalysis, type SpeedToLeadReport } from '../../src/modules/analytics/analyses/speed-to-lead.ts';
import { updateSlaPolicy } from '../../src/modules/handoffs/sla-policy.service.ts';
import { createLead } from '../../src/modules/leads/leads.service.ts';
import { createApi, type Api } from '../helpers/api.ts';
import { createTestDeps, type TestDeps } from '../helpers/db.ts';
import { createTestOrg, createTestTeam, createTestUser } from '../helpers/factories.ts';

/** Building history through the services takes a while on a busy machine; this is a limit, not a timing. */
const SLOW_MS = 120_000;
const clock = new ManualClock('2026-02-02T09:00:00.000Z');
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

const day1 = '2026-02-02T09:00:00.000Z';
const at = (start: string, minutes: number) => new Date(Date.parse(start) + minutes * 60_000).toISOString();

/**
 * Ann (in a team) and Bob (in none) get leads on 2 February at 09:00:
 * L1 (Ann) first called after 3 min (called again after 40), L2 (Ann) after 30 min, L3 (Ann) only
 * calls in (never called out), L4 (Bob) after 120 min; L5 (Ann) comes in on 5 February, called after 1 min.
 */
async function world() {
  const { admin } = await createTestOrg(deps);
  const team = await createTestTeam(deps, admin, 'inside_sales');
  const ann = await createTestUser(deps, admin, 'inside_sales', { teamId: team.id, name: 'Ann Archer' });
  const bob = await createTestUser(deps, admin, 'inside_sales', { name: 'Bob Baker' });
  const lead = async (owner: Actor, createdAt: string, lastName: string) => {
    clock.set(createdAt);
    return (await createLead(deps, owner, { lastName })).id;
  };
  const l1 = await lead(ann, day1, 'One');
  const l2 = await lead(ann, day1, 'Two');
  const l3 = await lead(ann, day1, 'Three');
  const l4 = await lead(bob, day1, 'Four');
  const l5 = await lead(ann, '2026-02-05T09:00:00.000Z', 'Five');
  clock.set('2026-02-06T09:00:00.000Z');
  const call = async (caller: Actor, leadId: string, occurredAt: string, direction = 'outbound') => {
    const res = await api.as(caller, {
      method: 'POST',
      url: '/api/v1/activities',
      payload: { type: 'call', direction, leadId, disposition: 'connected', durationSeconds: 60, occurredAt },
    });
    expect(res.statusCode, res.body).toBe(201);
  };
  await call(ann, l1, at(day1, 40));
  await call(ann, l1, at(day1, 3));
  await call(ann, l2, at(day1, 30));
  await call(ann, l3, at(day1, 1), 'inbound');
  await call(bob, l4, at(day1, 120));
  await call(ann, l5, at('2026-02-05T09:00:00.000Z', 1));
  return { admin, team, ann, bob };
}

const get = async <T>(actor: Actor, url: string) => {
  const res = await api.as(actor, { method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<T>();
};
const range = 'from=2026-02-02&to=2026-02-02';

const annFigures = {
  leads: 3,
  called: 2,
  neverCalled: 1,
  buckets: [1, 1, 0, 0, 0],
  medianMinutes: 16.5, // (3 + 30) / 2
  p90Minutes: 27.3, // 3 + 0.9 · 27
  withinSla: 1,
  withinSlaShare: 1 / 3,
  ecdf: [
    { minutes: 3, share: 1 / 3 },
    { minutes: 30, share: 2 / 3 },
  ],
};
const bobFigures = {
  leads: 1,
  called: 1,
  neverCalled: 0,
  buckets: [0, 0, 1, 0, 0],
  medianMinutes: 120,
  p90Minutes: 120,
  withinSla: 0,
  withinSlaShare: 0,
  ecdf: [{ minutes: 120, share: 1 }],
};

describe('GET /api/v1/analytics/speed-to-lead', () => {
  it(
    'measures minutes to the first outbound call per rep and team against the SLA, in the reader’s scope',
    async () => {
      const w = await world();
      await world(); // another organization's leads stay out

      const r = await get<SpeedToLeadReport>(w.admin, `/api/v1/analytics/speed-to-lead?${range}`);
      expect(r).toMatchObject({ from: '2026-02-02', to: '2026-02-02', slaMinutes: 5, slaSource: 'policy' });
      expect(r.buckets).toEqual(['< 5 min', '5–60 min', '1–24 h', '1–7 d', '≥ 7 d']);
      // 3, 30 and 120 minutes; L3 never called: median 30, p90 at h = 1.8 → 30 + 0.8 · 90
      expect(r.total).toEqual({
        leads: 4,
        called: 3,
        neverCalled: 1,
        buckets: [1, 1, 1, 0, 0],
        medianMinutes: 30,
        p90Minutes: 102,
        withinSla: 1,
        withinSlaShare: 0.25,
        ecdf: [
          { minutes: 3, share: 0.25 },
          { minutes: 30, share: 0.5 },
          { minutes: 120, share: 0.75 },
        ],
      });
      expect(r.byRep).toEqual([
        { id: w.ann.userId, name: 'Ann Archer', ...annFigures },
        { id: w.bob.userId, name: 'Bob Baker', ...bobFigures },
      ]);
      expect(r.byTeam).toEqual([
        { id: w.team.id, name: w.team.name, ...annFigures },
        { id: null, name: null, ...bobFigures },
      ]);

      // a rep reads only their own leads
      const mine = await get<SpeedToLeadReport>(w.bob, `/api/v1/analytics/speed-to-lead?${range}`);
      expect(mine.total).toEqual(bobFigures);
      expect(mine.byRep.map((g) => g.id)).toEqual([w.bob.userId]);

      // the whole history: L5 (1 min) joins Ann
      const all = await get<SpeedToLeadReport>(w.admin, '/api/v1/analytics/speed-to-lead');
      expect(all.total).toMatchObject({ leads: 5, called: 4, withinSla: 2 });

      // a target asked for; then the organization's own policy for business hours
      const asked = await get<SpeedToLeadReport>(w.admin, `/api/v1/analytics/speed-to-lead?${range}&slaMinutes=30`);
      expect(asked).toMatchObject({ slaMinutes: 30, slaSource: 'parameter' });
      expect(asked.total).toMatchObject({ withinSla: 2, withinSlaShare: 0.5 });
      await updateSlaPolicy(deps, w.admin, null, '*', { ...defaultSlaPolicy('UTC'), businessMinutes: 150 });
      const policy = await get<SpeedToLeadReport>(w.admin, `/api/v1/analytics/speed-to-lead?${range}`);
      expect(policy).toMatchObject({ slaMinutes: 150, slaSource: 'policy' });
      expect(policy.total).toMatchObject({ withinSla: 3, withinSlaShare: 0.75 });

      const bad = await api.as(w.admin, { method: 'GET', url: '/api/v1/analytics/speed-to-lead?slaMinutes=0&from=x' });
      expect(bad.statusCode).toBe(422);
      expect(bad.headers['content-type']).toContain('application/problem+json');
      expect(
        bad
          .json<{ errors: { field: string }[] }>()
          .errors.map((e) => e.field)
          .sort(),
      ).toEqual(['from', 'slaMinutes']);
    },
    SLOW_MS,
  );

  it(
    'pipewright report speed-to-lead prints a line per rep and team',
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
      await runReport(io, deps, speedToLeadAnalysis, { org: w.admin.orgId, from: '2026-02-02', to: '2026-02-02' });
      const text = lines.join('\n');
      expect(text).toContain('SLA target 5 min (the hand-off SLA for business hours)');
      expect(text).toMatch(/Ann Archer\s+3\s+2\s+1\s+1\s+1\s+0\s+0\s+0\s+16\.5\s+27\.3\s+33\.3%/);
      expect(text).toMatch(/Bob Baker\s+1\s+1\s+0\s+0\s+0\s+1\s+0\s+0\s+120\.0\s+120\.0\s+0\.0%/);
      expect(text).toMatch(/\(no team\)\s+1\s+1\s+0/);
      expect(text).toMatch(/All\s+4\s+3\s+1\s+1\s+1\s+1\s+0\s+0\s+30\.0\s+102\.0\s+25\.0%/);
    },
    SLOW_MS,
  );
});
