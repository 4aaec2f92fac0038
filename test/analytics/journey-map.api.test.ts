import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/deps.ts';
import { runReport } from '../../src/cli/actions/report.ts';
import type { Io } from '../../src/cli/io.ts';
import { processMapAnalysis, type ProcessMapReport } from '../../src/modules/analytics/analyses/process-map.ts';
import { createApi, type Api } from '../helpers/api.ts';
import { createTestDeps, type TestDeps } from '../helpers/db.ts';
import { getReport } from '../helpers/deal-history.ts';
import { createTestOrg } from '../helpers/factories.ts';
import { journeyWorld } from './journeys-world.ts';

/** Building history through the API takes a while on a busy machine; this is a limit, not a timing. */
const SLOW_MS = 120_000;
const clock = new ManualClock('2026-04-06T09:00:00.000Z');
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

const world = () => journeyWorld({ api, deps, clock });

const days = (hours: number) => hours / 24;
/** Minutes in days, as the API divides milliseconds. */
const minutes = (m: number) => (m * 60_000) / 86_400_000;

describe('GET /analytics/process-map?scope=journey', () => {
  it(
    'maps the journeys from the marketing touches through the lifecycle, hand-off and sales activities to the deal stages (hand-computed)',
    async () => {
      const w = await world();
      const report = (query: Record<string, string>, actor = w.admin) =>
        getReport<ProcessMapReport>(api, actor, 'process-map', {
          pipelineId: w.pipeline.id,
          scope: 'journey',
          ...query,
        });
      const { status, body } = await report({});
      expect(status).toBe(200);
      expect(body.scope).toBe('journey');
      expect(body.cases).toBe(3);
      const open = w.stage('Open');
      const won = w.stage('Won');
      const lost = w.stage('Lost');
      // Every node the journeys reach, in the designed order, then the stages nobody reached.
      expect(body.nodes.map((n) => [n.key, n.side, n.events, n.cases, n.starts, n.ends, n.open])).toEqual([
        ['lead:created', 'marketing', 3, 3, 3, 0, 0],
        ['touch:attended', 'marketing', 1, 1, 0, 0, 0],
        ['touch:clicked', 'marketing', 3, 3, 0, 1, 1],
        ['touch:visited', 'marketing', 1, 1, 0, 0, 0],
        ['lifecycle:mql', 'marketing', 1, 1, 0, 0, 0],
        ['lifecycle:sql', 'marketing', 1, 1, 0, 0, 0],
        ['lifecycle:opportunity', 'marketing', 1, 1, 0, 0, 0],
        ['handoff:opened', 'sales', 1, 1, 0, 0, 0],
        ['handoff:breached', 'sales', 1, 1, 0, 0, 0],
        ['handoff:accepted', 'sales', 1, 1, 0, 0, 0],
        ['activity:call', 'sales', 3, 2, 0, 0, 0],
        ['activity:meeting_held', 'sales', 1, 1, 0, 0, 0],
        ['lead:disqualified', 'sales', 1, 1, 0, 1, 0],
        ['lead:converted', 'sales', 1, 1, 0, 0, 0],
        [open, 'sales', 1, 1, 0, 0, 0],
        [won, 'sales', 1, 1, 0, 1, 0],
        [lost, 'sales', 0, 0, 0, 0, 0],
      ]);
      expect(body.nodes.map((n) => n.label).slice(0, 4)).toEqual(['Lead created', 'Attended', 'Clicked', 'Visited']);
      // created → clicked: 1, 2 and 4 hours: P50 = 2 h; P90 at rank 1.8 = 2 + 0.8 × 2 = 3.6 h.
      // Every other pair happens once (call → call: B's second call an hour after the first).
      const edges = body.edges.map((e) => [e.from, e.to, e.count, e.cases, e.p50Days, e.p90Days]);
      expect(edges).toEqual([
        ['lead:created', 'touch:clicked', 3, 3, days(2), days(3.6)],
        ['touch:attended', 'activity:meeting_held', 1, 1, days(12), days(12)],
        ['touch:clicked', 'touch:visited', 1, 1, days(2), days(2)],
        ['touch:clicked', 'activity:call', 1, 1, days(2), days(2)],
        ['touch:visited', 'lifecycle:mql', 1, 1, days(21), days(21)],
        ['lifecycle:mql', 'handoff:opened', 1, 1, 0, 0],
        ['lifecycle:sql', 'handoff:accepted', 1, 1, 0, 0],
        ['lifecycle:opportunity', 'lead:converted', 1, 1, 0, 0],
        ['handoff:opened', 'handoff:breached', 1, 1, minutes(5), minutes(5)],
        ['handoff:breached', 'activity:call', 1, 1, minutes(115), minutes(115)],
        ['handoff:accepted', 'lifecycle:opportunity', 1, 1, days(21), days(21)],
        ['activity:call', 'lifecycle:sql', 1, 1, days(1), days(1)],
        ['activity:call', 'activity:call', 1, 1, days(1), days(1)],
        ['activity:call', 'lead:disqualified', 1, 1, days(19), days(19)],
        ['activity:meeting_held', won, 1, 1, days(48), days(48)],
        ['lead:converted', open, 1, 1, 0, 0],
        [open, 'touch:attended', 1, 1, days(12), days(12)],
      ]);
      // Three variants of one journey each; B's two calls in a row are one step. A is won after 5 days.
      const variants = body.variants
        .map((v) => [v.sequence.join(' '), v.count, v.share, v.won, v.lost, v.winRate, v.medianCycleDays])
        .sort((x, y) => String(x[0]).localeCompare(String(y[0])));
      expect(variants).toEqual([
        ['lead:created touch:clicked', 1, 1 / 3, 0, 0, null, null],
        ['lead:created touch:clicked activity:call lead:disqualified', 1, 1 / 3, 0, 0, null, null],
        [
          `lead:created touch:clicked touch:visited lifecycle:mql handoff:opened handoff:breached activity:call lifecycle:sql handoff:accepted lifecycle:opportunity lead:converted ${open} touch:attended activity:meeting_held ${won}`,
          1,
          1 / 3,
          1,
          0,
          1,
          5,
        ],
      ]);

      // Bob reads his own lead's journey only; the date range selects leads by their creation.
      const bobs = await report({}, w.bob);
      expect(bobs.body.cases).toBe(1);
      expect(bobs.body.variants.map((v) => v.labels)).toEqual([['Lead created', 'Clicked']]);
      expect((await report({ from: '2026-04-07' })).body.cases).toBe(0);
      // Marketing reads every lead, and the sales part of the journeys in aggregate (as attribution's credit).
      const marketing = await report({}, w.marketer);
      expect(marketing.body.edges).toEqual(body.edges);
      // An agent reads no lead.
      const agents = await report({}, w.agent);
      expect([agents.status, agents.body.cases]).toEqual([200, 0]);
      expect((await report({ ownerId: w.ann.userId })).body.cases).toBe(2);

      // Touch nodes per kind and campaign type when asked.
      const typed = await report({ campaignTypes: 'true' });
      expect(typed.body.nodes.filter((n) => n.kind === 'touch').map((n) => [n.key, n.label, n.events])).toEqual([
        ['touch:attended:email', 'Attended (email)', 1],
        ['touch:clicked:email', 'Clicked (email)', 3],
        ['touch:visited:email', 'Visited (email)', 1],
      ]);

      // The same map as `pipewright report process-map --param scope=journey` prints it.
      const lines: string[] = [];
      const io: Io = {
        out: (l) => lines.push(l),
        err: () => undefined,
        status: () => undefined,
        interactive: false,
        setExitCode: () => undefined,
      };
      await runReport(io, deps, processMapAnalysis, { org: w.admin.orgId, param: ['scope=journey'] });
      const text = lines.join('\n');
      expect(text).toContain('Process map of marketing and sales');
      expect(text).toContain('3 journeys');
      expect(text).toMatch(/Lead created\s+marketing\s+3\s+3\s+3\s+0\s+0/);
      expect(text).toMatch(/Lead created\s+Clicked\s+3\s+3\s+2\.0\s+3\.6/);

      // Another organization sees none of it.
      const other = await createTestOrg(deps);
      const theirs = await getReport<ProcessMapReport>(api, other.admin, 'process-map', { scope: 'journey' });
      expect(theirs.status).toBe(422);
    },
    SLOW_MS,
  );

  it('names a bad scope', async () => {
    const { admin } = await createTestOrg(deps);
    const res = await getReport<{ errors: { field: string }[] }>(api, admin, 'process-map', { scope: 'people' });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e) => e.field)).toEqual(['scope']);
  });
});
