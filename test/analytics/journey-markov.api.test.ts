import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/deps.ts';
import { runReport } from '../../src/cli/actions/report.ts';
import type { Io } from '../../src/cli/io.ts';
import { markovAnalysis, type MarkovReport } from '../../src/modules/analytics/analyses/markov.ts';
import { createApi, type Api } from '../helpers/api.ts';
import { createTestDeps, type TestDeps } from '../helpers/db.ts';
import { getReport } from '../helpers/deal-history.ts';
import { createTestOrg } from '../helpers/factories.ts';
import { at, journeyWorld } from './journeys-world.ts';

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

/** A booking as the booking page writes it, made at `hours` for the next day. */
async function book(
  orgId: string,
  ownerId: string,
  target: { leadId?: string; dealId?: string },
  hours: number,
  status: 'booked' | 'cancelled',
) {
  const start = at(hours + 24);
  const end = at(hours + 25);
  await sql`insert into bookings (org_id, id, owner_id, booked_by, lead_id, deal_id, title, starts_at, ends_at, timezone, blocked, status, created_at, updated_at)
    values (${orgId}::uuid, ${crypto.randomUUID()}::uuid, ${ownerId}::uuid, ${ownerId}::uuid, ${target.leadId ?? null}::uuid,
      ${target.dealId ?? null}::uuid, 'Intro', ${start}::timestamptz, ${end}::timestamptz, 'UTC',
      tstzrange(${start}::timestamptz, ${end}::timestamptz), ${status}, ${at(hours)}::timestamptz, ${at(hours)}::timestamptz)`.execute(
    deps.db,
  );
}

/*
 * The journeys' milestones (hours): A lead 0, MQL 24, SQL 27 (hand-off accepted), opportunity 48 (converted;
 * the lifecycle move to opportunity is no milestone of its own), meeting booked 50 (on the deal),
 * meeting held 72, won 120; B lead 0, dropped 24 (disqualified); C lead 0, still open (its booking
 * was cancelled).
 * lead: → MQL 1 (1 day), → dropped 1 (1 day): P = 1/2 each, stay 1. Every later state is left once,
 * towards the win: MQL 3 h, SQL 21 h, opportunity 2 h, booked 22 h, held 48 h.
 * P(won | lead) = 1/2, P(dropped | lead) = 1/2; days to close from lead = 1 + 1/2 · (3 + 21 + 2 + 22 + 48)/24
 * = 1 + 1/2 · 4 = 3; days to win = 1 + 4 = 5. Every later state wins with probability 1.
 */
describe('GET /analytics/markov?scope=journey', () => {
  it(
    'estimates the chain of the journey milestones from the joint journeys, under the journey access rules (hand-computed)',
    async () => {
      const w = await world();
      await book(w.admin.orgId, w.ann.userId, { dealId: w.deal }, 50, 'booked');
      await book(w.admin.orgId, w.bob.userId, { leadId: w.c }, 6, 'cancelled');
      const report = (query: Record<string, string>, actor = w.admin) =>
        getReport<MarkovReport>(api, actor, 'markov', { pipelineId: w.pipeline.id, scope: 'journey', ...query });
      const { status, body } = await report({});
      expect(status).toBe(200);
      expect(body.scope).toBe('journey');
      expect(body.whatIf).toBeNull();
      const rows = body.stages.map((s) => [s.stageId, s.name, s.exits, s.toWon, s.toLost, s.winProbability]);
      expect(rows).toEqual([
        ['lead', 'Lead', 2, 0, 1 / 2, 1 / 2],
        ['mql', 'MQL', 1, 0, 0, 1],
        ['sql', 'SQL', 1, 0, 0, 1],
        ['meeting_booked', 'Meeting booked', 1, 0, 0, 1],
        ['meeting_held', 'Meeting held', 1, 1, 0, 1],
        ['opportunity', 'Opportunity', 1, 0, 0, 1],
      ]);
      expect(body.stages.map((s) => s.next)).toEqual([
        [{ stageId: 'mql', probability: 1 / 2 }],
        [{ stageId: 'sql', probability: 1 }],
        [{ stageId: 'opportunity', probability: 1 }],
        [{ stageId: 'meeting_held', probability: 1 }],
        [],
        [{ stageId: 'meeting_booked', probability: 1 }],
      ]);
      const stay = body.stages.map((s) => s.sojournDays);
      [1, days(3), days(21), days(22), days(48), days(2)].forEach((d, i) => expect(stay[i]).toBeCloseTo(d, 9));
      const lead = body.stages[0];
      expect(lead?.expectedDaysToClose).toBeCloseTo(3, 9);
      expect(lead?.expectedDaysToWin).toBeCloseTo(5, 9);
      expect(body.stages[5]?.expectedDaysToClose).toBeCloseTo(days(2 + 22 + 48), 9);
      expect(body.journey?.journeys).toBe(3);
      expect(body.journey?.states.map((s) => [s.stageId, s.openJourneys, s.toDropped, s.dropProbability])).toEqual([
        ['lead', 1, 1 / 2, 1 / 2],
        ['mql', 0, 0, 0],
        ['sql', 0, 0, 0],
        ['meeting_booked', 0, 0, 0],
        ['meeting_held', 0, 0, 0],
        ['opportunity', 0, 0, 0],
      ]);
      // C is the one open journey, at lead: expected wins 1/2, 3 days to close.
      expect(body.openPipeline).toMatchObject({
        openDeals: 1,
        estimatedDeals: 1,
        expectedWins: 0.5,
        winProbability: 0.5,
      });
      expect(body.openPipeline.expectedDaysToClose).toBeCloseTo(3, 9);

      // Bob reads his own lead's journey only (open at lead, never left: no estimate); an agent reads none.
      const bobs = (await report({}, w.bob)).body;
      expect([bobs.journey?.journeys, bobs.stages[0]?.exits, bobs.stages[0]?.winProbability]).toEqual([1, 0, null]);
      expect(bobs.openPipeline).toMatchObject({ openDeals: 1, estimatedDeals: 0 });
      expect((await report({}, w.agent)).body.journey?.journeys).toBe(0);
      // Marketing reads every lead and the sales part of the journeys in aggregate.
      expect((await report({}, w.marketer)).body.stages).toEqual(body.stages);
      expect((await report({ from: '2026-04-07' })).body.journey?.journeys).toBe(0);

      // The what-if stays with the deal stages.
      const whatIf = await report({ stageId: w.stage('Open') });
      expect(whatIf.status).toBe(422);

      // The same chain as `pipewright report markov --param scope=journey` prints it.
      const lines: string[] = [];
      const io: Io = {
        out: (l) => lines.push(l),
        err: () => undefined,
        status: () => undefined,
        interactive: false,
        setExitCode: () => undefined,
      };
      await runReport(io, deps, markovAnalysis, { org: w.admin.orgId, param: ['scope=journey'] });
      const text = lines.join('\n');
      expect(text).toContain('Absorbing Markov chain of the marketing and sales journey');
      expect(text).toContain('3 journeys');
      expect(text).toMatch(/Lead\s+2\s+1\.0\s+0\.0%\s+0\.0%\s+50\.0%\s+50\.0%\s+50\.0%\s+3\.0\s+1/);
    },
    SLOW_MS,
  );

  it('names a bad scope', async () => {
    const { admin } = await createTestOrg(deps);
    const res = await getReport<{ errors: { field: string }[] }>(api, admin, 'markov', { scope: 'people' });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e) => e.field)).toEqual(['scope']);
  });
});
