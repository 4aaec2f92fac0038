import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/contract/access.ts';
import { ManualClock } from '../src/domain/deps.ts';
import { verifyChain } from '../src/modules/events/chain.ts';
import {
  dealTracesFromVisits,
  listDealTraces,
  listStageVisits,
  stageVisitsFromEvents,
} from '../src/modules/deals/stage-visits.repository.ts';
import { starterPipeline } from '../src/modules/organizations/set-up-organization.ts';
import { createPipeline } from '../src/modules/pipelines/pipelines.service.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg, createTestUser } from './helpers/factories.ts';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { importOptionsSchema, importSummaryNotes } from '../src/contract/imports.ts';
import { funnelAnalysis } from '../src/modules/analytics/analyses/funnel.ts';
import { markovAnalysis } from '../src/modules/analytics/analyses/markov.ts';
import { deferForeignKeyChecks, ForeignKeyViolation } from '../src/db/foreign-keys.ts';
import { verifyReferences } from '../src/modules/imports/import-foreign-keys.repository.ts';
import { runImport } from '../src/modules/imports/run-import.ts';
import { fixture, importCsv } from './helpers/imports.ts';

const clock = new ManualClock('2026-03-02T09:00:00.000Z');
let deps: TestDeps;

beforeAll(async () => {
  deps = await createTestDeps({ clock });
});
afterAll(async () => {
  await deps.cleanup();
});

async function orgWithAccounts(): Promise<{ admin: Actor; ownerId: string }> {
  const { admin } = await createTestOrg(deps);
  await createPipeline(deps, admin, starterPipeline);
  const owner = await createTestUser(deps, admin, 'rep', { name: 'Ada Owner' });
  await deps.db.updateTable('users').set({ email: 'ada.owner@example.test' }).where('id', '=', owner.userId).execute();
  await importCsv(deps, admin, 'Name,Website\nAcme Corporation,acme.example\nGlobex,globex.example\n', {
    entity: 'accounts',
  });
  return { admin, ownerId: owner.userId };
}

const dealsOf = (orgId: string) =>
  deps.db
    .selectFrom('deals as d')
    .innerJoin('stages as s', (j) => j.onRef('s.org_id', '=', 'd.org_id').onRef('s.id', '=', 'd.stage_id'))
    .select([
      'd.id',
      'd.external_id',
      'd.name',
      'd.status',
      's.name as stage',
      'd.amount',
      'd.currency',
      'd.created_at',
      'd.closed_at',
      'd.expected_close_date',
      'd.owner_id',
      'd.account_id',
    ])
    .where('d.org_id', '=', orgId)
    .orderBy('d.external_id')
    .execute();

describe('importing deals with their history', () => {
  it('records created/won/lost with the historical business times, flagged imported, and the matching stage visits', async () => {
    const { admin, ownerId } = await orgWithAccounts();
    const { summary, rejects } = await importCsv(deps, admin, fixture('deals-history.csv'), { entity: 'deals' });
    // d-1 and d-2 closed and d-3 open in Negotiation: none of their paths is in the file.
    expect(summary).toMatchObject({ rows: 8, inserted: 3, rejected: 5, pathUnknown: 3, noCreationDate: 0 });
    expect(rejects.map((r) => [r.line, r.reason])).toEqual([
      [5, 'Amount: "twelve" is not an amount of money'],
      [
        6,
        'stage: "Signed" is not a stage of the pipeline (its stages: Qualify, Discovery, Proposal, Negotiation, Won, Lost; map other names with --stage-map "Signed=Stage")',
      ],
      [
        7,
        'account: "Nowhere Ltd" is not an account (by name, domain or external id) (or let the import create missing accounts and products)',
      ],
      [8, 'closedAt: a won deal needs its close date'],
      [9, 'closedAt (2025-01-01T00:00:00.000Z) is before createdAt (2025-02-01T00:00:00.000Z)'],
    ]);
    const deals = await dealsOf(admin.orgId);
    expect(
      deals.map((d) => [
        d.external_id,
        d.status,
        d.stage,
        d.amount,
        d.currency.trim(),
        d.created_at.toISOString(),
        d.closed_at?.toISOString() ?? null,
        d.owner_id,
      ]),
    ).toEqual([
      ['d-1', 'won', 'Won', '12500.00', 'USD', '2025-01-10T00:00:00.000Z', '2025-03-01T00:00:00.000Z', ownerId],
      ['d-2', 'lost', 'Lost', '9000.00', 'USD', '2025-01-15T00:00:00.000Z', '2025-02-20T10:30:00.000Z', ownerId],
      ['d-3', 'open', 'Negotiation', '1250.50', 'EUR', '2025-02-15T00:00:00.000Z', null, null],
    ]);
    const won = deals[0];
    const events = await deps.db
      .selectFrom('events')
      .select(['type', 'business_time', 'imported', 'data'])
      .where('entity_id', '=', won?.id ?? '')
      .orderBy('id')
      .execute();
    expect(events.map((e) => [e.type, e.business_time?.toISOString(), e.imported])).toEqual([
      ['deal.created', '2025-01-10T00:00:00.000Z', true],
      ['deal.stage_changed', '2025-03-01T00:00:00.000Z', true],
      ['deal.won', '2025-03-01T00:00:00.000Z', true],
    ]);
    expect(events[1]?.data).toMatchObject({
      from: { name: 'Qualify', kind: 'open' },
      to: { name: 'Won', kind: 'won' },
      status: { from: 'open', to: 'won' },
      daysInPreviousStage: 50,
    });
    // The projection agrees with the event log, so funnel, cycle time and win rate are right at once.
    const visits = await listStageVisits(deps.db, admin.orgId);
    expect(visits).toEqual(await stageVisitsFromEvents(deps.db, admin.orgId));
    const traces = await listDealTraces(deps.db, admin.orgId);
    expect(traces.length).toBeGreaterThan(0);
    expect(traces).toEqual(await dealTracesFromVisits(deps.db, admin.orgId));
    const wonVisits = visits.filter((v) => v.dealId === won?.id);
    expect(
      wonVisits.map((v) => [v.visitNo, v.enteredAt.toISOString(), v.leftAt?.toISOString() ?? null, v.entryUnknown]),
    ).toEqual([
      [1, '2025-01-10T00:00:00.000Z', '2025-03-01T00:00:00.000Z', false],
      [2, '2025-03-01T00:00:00.000Z', null, true],
    ]);
    // The open deal arrived in Negotiation by a path nobody saw.
    const openVisits = visits.filter((v) => v.dealId === deals[2]?.id);
    expect(openVisits.map((v) => v.entryUnknown)).toEqual([true]);
    expect((await verifyChain(deps.db, admin.orgId)).ok).toBe(true);
  });

  it('marks a flat history as such: the funnel and the Markov chain leave its unknown paths out and say so', async () => {
    const { admin } = await orgWithAccounts();
    const csv = [
      'External ID,Deal Name,Account,Stage,Amount,Created,Closed',
      'f-1,Won one,Acme Corporation,Won,100,2025-01-10,2025-02-01',
      'f-2,Won two,Acme Corporation,Won,200,2025-01-12,2025-02-03',
      'f-3,Lost one,Globex,Lost,50,2025-01-15,2025-02-05',
      'f-4,Just in,Globex,Qualify,10,2025-02-10,',
      'f-5,Half way,Globex,Proposal,20,2025-02-11,',
      'f-6,No creation date,Globex,Won,30,,2025-02-07',
    ].join('\n');
    const { summary } = await importCsv(deps, admin, csv, { entity: 'deals' });
    expect(summary).toMatchObject({ inserted: 6, rejected: 0, pathUnknown: 5, noCreationDate: 1 });
    expect(importSummaryNotes(summary).join(' ')).toMatch(
      /5 deals were imported without their stage history.*1 deals have no creation date/,
    );
    const funnel = await funnelAnalysis.run(deps, admin, {}, {});
    // All six are in the outcomes; only f-4, created in the first stage, walks the steps.
    expect(funnel).toMatchObject({ deals: 6, won: 3, lost: 1, open: 2, unknownPathDeals: 5 });
    expect(funnel.stages.map((st) => st.anyOrder.reached)).toEqual([1, 0, 0, 0, 0]);
    expect(funnel.stages[0]?.anyOrder).toMatchObject({ advanced: 0, exited: 0, censored: 1 });
    // The Markov chain sees no observed move at all: the four jumps to the close are left out.
    const markov = await markovAnalysis.run(deps, admin, {}, { scope: 'deals', conversionPoints: 0, shortenDays: 0 });
    expect(markov.unknownMoves).toBe(4);
    expect(markov.stages.map((st) => st.exits)).toEqual([0, 0, 0, 0]);
  });

  it('reads people the file names differently as the users a user map names, and refuses a name mapped twice', async () => {
    const { admin, ownerId } = await orgWithAccounts();
    const csv =
      'External ID,Deal Name,Account,Owner,Stage\nu-1,Mapped,Globex,A. Owner,Qualify\nu-2,Unmapped,Globex,Someone,Qualify\n';
    const { summary, rejects } = await importCsv(deps, admin, csv, {
      entity: 'deals',
      userMap: ['a. owner=ada.owner@example.test'],
    });
    expect(summary).toMatchObject({ inserted: 1, rejected: 1 });
    expect(rejects[0]?.reason).toMatch(/^owner: "Someone" is not a user/);
    expect((await dealsOf(admin.orgId)).find((d) => d.external_id === 'u-1')?.owner_id).toBe(ownerId);
    const twice = importOptionsSchema.safeParse({
      entity: 'deals',
      userMap: ['A. Owner=x@example.test', 'a. owner=y@example.test'],
    });
    expect(twice.error?.issues[0]?.message).toBe(
      'names "a. owner" twice ("A. Owner=x@example.test" and "a. owner=y@example.test"): one person of the file becomes one user; give it once',
    );
  });

  it('a re-run after a crash creates no duplicates', async () => {
    const { admin } = await orgWithAccounts();
    await importCsv(deps, admin, fixture('deals-history.csv'), { entity: 'deals' });
    const again = await importCsv(deps, admin, fixture('deals-history.csv'), { entity: 'deals' });
    expect(again.summary).toMatchObject({ inserted: 0, unchanged: 3 });
    expect(await dealsOf(admin.orgId)).toHaveLength(3);
  });

  it('reads Salesforce exports with a stage map, the close date as close or expected date', async () => {
    const { admin } = await orgWithAccounts();
    const { summary, rejects } = await importCsv(deps, admin, fixture('deals-salesforce.csv'), {
      entity: 'deals',
      preset: 'salesforce',
      stageMap: ['Closed Won=Won', 'Prospecting=Qualify'],
    });
    expect(rejects).toEqual([]);
    expect(summary.inserted).toBe(2);
    const deals = await dealsOf(admin.orgId);
    expect(
      deals.map((d) => [d.external_id, d.stage, d.closed_at?.toISOString() ?? null, d.expected_close_date]),
    ).toEqual([
      ['006A1', 'Won', '2025-04-30T00:00:00.000Z', null],
      ['006A2', 'Qualify', null, '2025-09-30'],
    ]);
  });

  it('reads Pipedrive exports and creates missing accounts on request', async () => {
    const { admin } = await orgWithAccounts();
    const refused = await importCsv(deps, admin, fixture('deals-pipedrive.csv'), {
      entity: 'deals',
      preset: 'pipedrive',
      dryRun: true,
    });
    expect(refused.summary).toMatchObject({ rejected: 2 });
    const { summary } = await importCsv(deps, admin, fixture('deals-pipedrive.csv'), {
      entity: 'deals',
      preset: 'pipedrive',
      createMissing: true,
    });
    expect(summary).toMatchObject({ inserted: 2, rejected: 0, createdReferences: 1 });
    const deals = await dealsOf(admin.orgId);
    expect(deals.map((d) => [d.external_id, d.status, d.closed_at?.toISOString()])).toEqual([
      ['17', 'won', '2025-02-28T16:00:00.000Z'],
      ['18', 'lost', '2025-03-10T11:00:00.000Z'],
    ]);
    expect(deals[0]?.account_id).toBe(deals[1]?.account_id);
    const lost = await deps.db
      .selectFrom('deals')
      .select('lost_reason')
      .where('external_id', '=', '18')
      .where('org_id', '=', admin.orgId)
      .executeTakeFirst();
    expect(lost?.lost_reason).toBe('Price');
  });

  it('reads Twenty exports (amounts in millionths)', async () => {
    const { admin } = await orgWithAccounts();
    const { summary } = await importCsv(deps, admin, fixture('deals-twenty.csv'), {
      entity: 'deals',
      preset: 'twenty',
    });
    expect(summary.inserted).toBe(1);
    expect(
      (await dealsOf(admin.orgId)).map((d) => [d.amount, d.expected_close_date, d.created_at.toISOString()]),
    ).toEqual([['1500.25', '2025-12-31', '2025-05-05T08:00:00.000Z']]);
  });

  it('writes its events sealed, in batches pipelined with the reading, and proves the keys of the rows it loads', async () => {
    const { admin } = await orgWithAccounts();
    const rows = Array.from(
      { length: 7 },
      (_, i) =>
        `p-${i},Deal ${i},Acme Corporation,${i % 2 ? 'Won' : 'Qualify'},2025-01-0${i + 1},${i % 2 ? '2025-02-01' : ''}`,
    );
    const source = Readable.from([`External ID,Name,Account,Stage,Created,Closed\n${rows.join('\n')}\n`]);
    // No sealer flush: the import leaves nothing for the sealer to do.
    const summary = await runImport(deps, admin, source, importOptionsSchema.parse({ entity: 'deals', batchSize: 3 }));
    expect(summary).toMatchObject({ rows: 7, inserted: 7, rejected: 0 });
    const unsealed = await deps.db
      .selectFrom('events')
      .select('id')
      .where('org_id', '=', admin.orgId)
      .where('seq', 'is', null)
      .execute();
    expect(unsealed).toEqual([]);
    expect(await verifyChain(deps.db, admin.orgId)).toMatchObject({ ok: true, unsealed: 0 });
    // With the per-row checks off, a reference to no row fails the batch's proof.
    const [deal] = await dealsOf(admin.orgId);
    const proof = (accountId: string) =>
      deps.db.transaction().execute(async (trx) => {
        expect(await deferForeignKeyChecks(trx)).toEqual({ deferred: true });
        await verifyReferences(trx, [
          {
            table: 'deals',
            columns: ['org_id', 'id', 'account_id', 'owner_id'],
            rows: [[admin.orgId, randomUUID(), accountId, null]],
          },
        ]);
      });
    await expect(proof(deal?.account_id ?? '')).resolves.toBeUndefined();
    await expect(proof(randomUUID())).rejects.toThrow(ForeignKeyViolation);
  });
});
