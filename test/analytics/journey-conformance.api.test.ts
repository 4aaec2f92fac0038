import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReport } from '../../src/cli/actions/report.ts';
import type { Io } from '../../src/cli/io.ts';
import { ManualClock } from '../../src/domain/deps.ts';
import { conformanceAnalysis } from '../../src/modules/analytics/analyses/conformance.ts';
import type { JourneyConformanceReport } from '../../src/modules/analytics/analyses/conformance-journey.ts';
import { createApi, type Api } from '../helpers/api.ts';
import { createTestDeps, type TestDeps } from '../helpers/db.ts';
import { getReport } from '../helpers/deal-history.ts';
import { createTestOrg, createTestUser } from '../helpers/factories.ts';
import { createPartnerAccount } from '../helpers/sales.ts';
import { at, callApi, journeyWorld } from './journeys-world.ts';

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

/*
 * The journeys of journeys-world.ts and D (Ann's): created 121, converted 122 without ever being an
 * MQL or accepted as an SQL (its deal enters Open). Designed (no held-meeting action): lead → MQL →
 * SQL accepted → opportunity → Open → Won | Lost | Dropped.
 * A: lead, MQL, SQL, opportunity, Open, (meeting held: no designed step), Won: conforms.
 * B: lead, dropped: conforms. C: lead: conforms.
 * D: lead, opportunity, Open: MQL and SQL skipped; model lead MQL SQL opportunity Open,
 *    cost 3 + 5 − 2·3 = 2, fitness 1 − 2/8 = 3/4. Mean fitness (1 + 1 + 1 + 3/4) / 4 = 15/16.
 * With the pipeline's held meeting creating the deal in Open, the design becomes lead → MQL → SQL →
 * meeting booked → meeting held → opportunity → Open:
 * A: meeting held out of order after Open, meeting booked skipped (A won); model path of 8 steps,
 *    trace of 7, LCS 6: cost 3, fitness 1 − 3/15 = 4/5;
 * D: MQL, SQL, meeting booked and meeting held skipped: model 7, trace 3, cost 4, fitness 1 − 4/10 = 3/5.
 */
describe('GET /analytics/conformance?scope=journey', () => {
  it(
    'checks each journey against the designed journey of the pipeline, under the analytics access rule (hand-computed)',
    async () => {
      const w = await journeyWorld({ api, deps, clock });
      clock.set(at(121));
      const d = await callApi<{ id: string; version: number }>(api, w.admin, 'POST', '/api/v1/leads', {
        firstName: 'Delta',
        lastName: 'Direct',
        ownerId: w.ann.userId,
      });
      clock.set(at(122));
      const converted = await callApi<{ deal: { id: string } }>(
        api,
        w.admin,
        'POST',
        `/api/v1/leads/${d.id}/convert`,
        { deal: { create: { name: 'Delta deal' } } },
        d.version,
      );
      const report = (query: Record<string, string>, actor = w.admin) =>
        getReport<JourneyConformanceReport>(api, actor, 'conformance', {
          pipelineId: w.pipeline.id,
          scope: 'journey',
          ...query,
        });
      const open = w.stage('Open');
      const { status, body } = await report({});
      expect(status).toBe(200);
      expect(body.scope).toBe('journey');
      expect(body.design.steps.map((s) => s.id)).toEqual(['lead', 'mql', 'sql', 'opportunity', open]);
      expect(body.design.outcomes.map((s) => s.label)).toEqual(['Won', 'Lost', 'Dropped']);
      expect(body.overall).toEqual({
        journeys: 4,
        deviatingJourneys: 1,
        skips: 2,
        outOfOrder: 0,
        repeats: 0,
        meanFitness: 15 / 16,
      });
      expect(body.deviations.map((x) => [x.kind, x.step, x.journeys])).toEqual([
        ['skipped', 'mql', 1],
        ['skipped', 'sql', 1],
      ]);
      expect(body.journeys).toEqual([
        {
          leadId: d.id,
          name: 'Delta Direct',
          dealId: converted.deal.id,
          dealName: 'Delta deal',
          ownerId: w.ann.userId,
          teamId: null,
          trace: ['lead', 'opportunity', open],
          modelPath: ['lead', 'mql', 'sql', 'opportunity', open],
          deviations: [
            { kind: 'skipped', step: 'mql', after: null },
            { kind: 'skipped', step: 'sql', after: null },
          ],
          skips: 2,
          outOfOrder: 0,
          repeats: 0,
          cost: 2,
          fitness: 3 / 4,
        },
      ]);
      expect(body.byOwner.map((g) => [g.name, g.journeys, g.deviatingJourneys, g.meanFitness])).toEqual([
        ['Ann Archer', 3, 1, (1 + 1 + 3 / 4) / 3],
        ['Bob Baker', 1, 0, 1],
      ]);

      // The admin's held-meeting setting places the meetings: A's meeting after its deal is now out of order.
      const p = await callApi<{ version: number }>(api, w.admin, 'GET', `/api/v1/pipelines/${w.pipeline.id}`);
      await callApi(
        api,
        w.admin,
        'PATCH',
        `/api/v1/pipelines/${w.pipeline.id}`,
        { heldMeeting: { action: 'create_deal', stageId: open } },
        p.version,
      );
      const meetings = (await report({})).body;
      expect(meetings.design.steps.map((s) => s.id)).toEqual([
        'lead',
        'mql',
        'sql',
        'meeting_booked',
        'meeting_held',
        'opportunity',
        open,
      ]);
      expect(meetings.overall).toMatchObject({ journeys: 4, deviatingJourneys: 2, skips: 5, outOfOrder: 1 });
      expect(meetings.overall.meanFitness).toBeCloseTo((4 / 5 + 1 + 1 + 3 / 5) / 4, 12);
      expect(meetings.journeys.map((j) => [j.name, j.deviations, j.cost, j.fitness])).toEqual([
        [
          'Delta Direct',
          ['mql', 'sql', 'meeting_booked', 'meeting_held'].map((step) => ({ kind: 'skipped', step, after: null })),
          4,
          3 / 5,
        ],
        [
          'Alpha',
          [
            { kind: 'skipped', step: 'meeting_booked', after: null },
            { kind: 'out_of_order', step: 'meeting_held', after: open },
          ],
          3,
          4 / 5,
        ],
      ]);

      // Marketing and a manager read it (each over the leads they read); Bob his own lead; a partner not at all.
      expect((await report({}, w.marketer)).body.overall).toEqual(meetings.overall);
      const manager = await createTestUser(deps, w.admin, 'manager');
      expect((await report({}, manager)).status).toBe(200);
      expect((await report({}, w.bob)).body.overall).toMatchObject({ journeys: 1, deviatingJourneys: 0 });
      const partnerAccount = await createPartnerAccount(deps, w.admin);
      const partner = await createTestUser(deps, w.admin, 'partner', { partnerAccountId: partnerAccount.id });
      const refused = await report({}, partner);
      expect(refused.status).toBe(403);
      // The date range selects leads by their creation: D was created on 11 April.
      expect((await report({ from: '2026-04-11' })).body.overall.journeys).toBe(1);

      // The same as `pipewright report conformance --param scope=journey` prints it.
      const lines: string[] = [];
      const io: Io = {
        out: (l) => lines.push(l),
        err: () => undefined,
        status: () => undefined,
        interactive: false,
        setExitCode: () => undefined,
      };
      await runReport(io, deps, conformanceAnalysis, { org: w.admin.orgId, param: ['scope=journey'] });
      const text = lines.join('\n');
      expect(text).toContain('Conformance of the marketing and sales journey');
      expect(text).toContain(
        'Designed: Lead → MQL → SQL accepted → Meeting booked → Meeting held → Opportunity → Open → Won | Lost | Dropped',
      );
      expect(text).toContain('4 journeys, 2 deviating: 5 skipped steps, 1 out of order, 0 repeats; mean fitness 0.850');
      expect(text).toMatch(/out of order\s+Meeting held\s+Open\s+1\s+1/);
      expect(text).toMatch(/Delta Direct\s+Delta deal\s+Lead → Opportunity → Open/);
    },
    SLOW_MS,
  );

  it('names a bad scope', async () => {
    const { admin } = await createTestOrg(deps);
    const res = await getReport<{ errors: { field: string }[] }>(api, admin, 'conformance', { scope: 'people' });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e) => e.field)).toEqual(['scope']);
  });
});
