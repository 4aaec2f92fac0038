import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backfillDealTraces } from '../src/db/migrations/0007-deal-traces.ts';
import { ManualClock } from '../src/domain/deps.ts';
import { actorForUser } from '../src/modules/auth/auth.service.ts';
import { createLead, updateLead } from '../src/modules/leads/leads.service.ts';
import { recordTouch } from '../src/modules/marketing/touches.service.ts';
import {
  dealTracesFromVisits,
  listDealTraces,
  listStageVisits,
  stageVisitsFromEvents,
} from '../src/modules/deals/stage-visits.repository.ts';
import { verifyChain } from '../src/modules/events/chain.ts';
import { countUnsealed } from '../src/modules/events/events.repository.ts';
import { seedSynthetic, type SyntheticOptions, type SyntheticResult } from '../src/modules/synthetic/seed-synthetic.ts';
import { defaultSyntheticParams } from '../src/modules/synthetic/synthetic-params.ts';
import { withClock } from '../src/modules/context.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { eventShape, replayDeal, type DealEventRow } from './helpers/deal-replay.ts';
import { analysedBetween, analyzeCounts } from './helpers/statistics.ts';

const clock = new ManualClock('2026-06-15T10:00:00.000Z');
const options: SyntheticOptions = {
  name: 'Synthetic Test Co',
  seed: 42,
  deals: 400,
  months: 6,
  password: 'synthetic-password',
  params: defaultSyntheticParams,
  end: new Date('2026-06-01T00:00:00.000Z'),
};
let deps: TestDeps;
let result: SyntheticResult;
const FILLED = ['deals', 'events', 'deal_stage_visits', 'activities', 'leads', 'accounts', 'contacts'];
let analysed: string[];

beforeAll(async () => {
  deps = await createTestDeps({ clock });
  const before = await analyzeCounts(deps.db, FILLED);
  result = await seedSynthetic(deps, options);
  analysed = analysedBetween(before, await analyzeCounts(deps.db, FILLED));
}, 120_000);
afterAll(async () => deps.cleanup());

type EventRow = {
  id: number;
  seq: number;
  type: string;
  entity_type: string;
  entity_id: string;
  actor_id: string | null;
  occurred_at: Date;
  business_time: Date | null;
  data: Record<string, unknown>;
};
describe('seed synthetic', () => {
  it('analyses the tables it filled before it reports done, so analyses plan with real statistics', () => {
    expect(analysed).toEqual([...FILLED].sort());
  });

  it('makes exactly the deals asked for, with leads, consumers, calls, meetings and objections, and counts what it wrote', async () => {
    const orgId = result.organizationId;
    const count = async (table: string, where = sql`true`) =>
      (
        await sql<{
          n: number;
        }>`select count(*)::int as n from ${sql.table(table)} where org_id = ${orgId} and ${where}`.execute(deps.db)
      ).rows[0]?.n;
    // Besides the deals asked for, the quick deals that game the field reps' accelerator (injected).
    const gamed = sql`name like '% – quarter-end bundle'`;
    expect(await count('deals', sql`not (${gamed})`)).toBe(400);
    expect(result.counts.deals).toBe(400);
    const injected = (result.anomalies.quarter_end_gaming?.subjects ?? []).map((x) => x.subjectId);
    const bundles = await sql<{ id: string }>`select id from deals where org_id = ${orgId} and ${gamed}`.execute(
      deps.db,
    );
    for (const { id } of bundles.rows) expect(injected).toContain(id);
    expect(await count('leads')).toBe(result.counts.leads);
    expect(await count('contacts', sql`account_id is null`)).toBe(result.counts.consumers);
    expect(await count('deals', sql`channel = 'partner'`)).toBeGreaterThan(20);
    expect(await count('deals', sql`status = 'won' and not (${gamed})`)).toBe(result.counts.won);
    expect(await count('activities', sql`call_disposition = 'meeting_booked'`)).toBeGreaterThan(0);
    expect(await count('raised_objections')).toBe(result.counts.objections);
    expect(await count('leads', sql`status = 'converted' and converted_deal_id is not null`)).toBe(
      result.counts.convertedLeads,
    );
    expect(await count('events')).toBeGreaterThan(result.counts.events);
    // Rough realism: the defaults are calibrated to these rates (wide bounds at this small size).
    const closed = result.counts.won + result.counts.lost;
    expect(result.counts.won / closed).toBeGreaterThan(0.5);
    expect(result.counts.won / closed).toBeLessThan(0.78);
    expect(result.counts.prospectingSuccesses / result.counts.prospectingCalls).toBeGreaterThan(0.07);
    expect(result.counts.prospectingSuccesses / result.counts.prospectingCalls).toBeLessThan(0.18);
  });

  it('leaves the sealer nothing to do and a chain that verifies', async () => {
    expect(await countUnsealed(deps.db, result.organizationId)).toBe(0);
    const report = await verifyChain(deps.db, result.organizationId);
    expect(report.ok, JSON.stringify(report.firstBreak)).toBe(true);
    expect(report.checked).toBe(
      await (async () =>
        (
          await sql<{
            n: number;
          }>`select count(*)::int as n from events where org_id = ${result.organizationId}`.execute(deps.db)
        ).rows[0]?.n)(),
    );
    // and the sealer, run now, changes nothing
    await deps.sealer.flush(result.organizationId);
    expect((await verifyChain(deps.db, result.organizationId)).lastSeq).toBe(report.lastSeq);
  });

  it('writes the stage-visit projection the event log derives', async () => {
    const stored = await listStageVisits(deps.db, result.organizationId);
    expect(stored.length).toBeGreaterThan(400);
    expect(stored).toEqual(await stageVisitsFromEvents(deps.db, result.organizationId));
    // The traces are kept by triggers that fire even while the load defers its foreign-key checks.
    const traces = await listDealTraces(deps.db, result.organizationId);
    expect(traces.length).toBeGreaterThan(100);
    expect(traces).toEqual(await dealTracesFromVisits(deps.db, result.organizationId));
    // The migration's backfill (for databases that had visits before the table) builds the same rows.
    await deps.db.transaction().execute(async (trx) => {
      await sql`delete from deal_traces`.execute(trx);
      expect(await listDealTraces(trx, result.organizationId)).toEqual([]);
      await sql.raw(backfillDealTraces).execute(trx);
      expect(await listDealTraces(trx, result.organizationId)).toEqual(traces);
    });
  });

  it('records for a deal exactly the events the services record for the same history', async () => {
    const orgId = result.organizationId;
    // A lead-sourced deal (created, assigned, moved, closed) and a directly created one with line items
    // (close dates that slipped on the way).
    const picks = (
      await sql<{
        id: string;
      }>`(select d.id from deals d join leads l on l.org_id = d.org_id and l.converted_deal_id = d.id where d.org_id = ${orgId} and d.status <> 'open' order by d.id limit 1)
        union all (select d.id from deals d where d.org_id = ${orgId} and d.status = 'won' and exists (select 1 from deal_line_items i where i.org_id = d.org_id and i.deal_id = d.id) order by d.id limit 1)
        union all (select d.id from deals d where d.org_id = ${orgId} and d.status = 'lost' and d.channel = 'partner' order by d.id limit 1)`.execute(
        deps.db,
      )
    ).rows;
    expect(picks).toHaveLength(3);
    for (const { id } of picks) {
      // Replay: the same calls at the same times, by the same users, through the services.
      const { original, replayed, row, replicaRow } = await replayDeal(deps, orgId, id);
      // Objections and agents are not replayed here (agents: test/synthetic-channel.test.ts).
      const replayable = (e: DealEventRow) =>
        e.type !== 'objection.raised' && !e.type.startsWith('deal.agent_') && !e.type.startsWith('deal.dual_agency_');
      expect(eventShape(original.filter(replayable))).toEqual(eventShape(replayed));
      expect({ ...replicaRow, id: id }).toEqual(row);
    }
  }, 60_000);

  it('records for a touched lead exactly the touches, memberships and scores the services record', async () => {
    const orgId = result.organizationId;
    // A lead touched by two campaigns or more and then called (its status moved on).
    const pick = (
      await sql<{ id: string }>`
        select l.id from leads l
        where l.org_id = ${orgId} and l.status = 'working'
          and (select count(distinct t.campaign_id) from campaign_touches t where t.org_id = l.org_id and t.lead_id = l.id) >= 2
        order by l.id limit 1`.execute(deps.db)
    ).rows[0];
    if (!pick) throw new Error('no lead touched by two campaigns');
    const leadEvents = async (leadId: string) =>
      (
        await sql<EventRow>`select id, seq, type, entity_type, entity_id, actor_id, occurred_at, business_time, data from events
          where org_id = ${orgId} and ((entity_type = 'lead' and entity_id = ${leadId})
            or (type = 'campaign.member_status_changed' and data->>'personId' = ${leadId})) order by id`.execute(
          deps.db,
        )
      ).rows;
    const original = await leadEvents(pick.id);
    const created = original[0];
    if (!created || created.type !== 'lead.created' || !created.actor_id)
      throw new Error('the lead has no creation event');
    const row = await deps.db
      .selectFrom('leads')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('id', '=', pick.id)
      .executeTakeFirstOrThrow();
    // Replay through the services: created by its inside-sales owner without one chosen, so routed
    // by the organization's pool (to the same rep, by the same ledger), touched by marketing, worked.
    // The pool's ledger must not count the original's own decision, made at the same instant.
    await deps.db
      .deleteFrom('routing_decisions')
      .where('org_id', '=', orgId)
      .where('entity_type', '=', 'lead')
      .where('entity_id', '=', pick.id)
      .execute();
    const replayClock = new ManualClock(created.occurred_at);
    const replayDeps = withClock(deps, replayClock);
    const sdr = await actorForUser(deps, orgId, created.actor_id);
    const replica = await createLead(replayDeps, sdr, {
      firstName: row.first_name,
      lastName: row.last_name,
      email: row.email,
      phone: row.phone,
      title: row.title,
      company: row.company,
      companyDomain: row.company_domain,
      industry: row.industry,
      source: row.source,
    });
    expect(replica.ownerId).toBe(row.owner_id);
    for (const e of original.slice(1)) {
      replayClock.set(e.occurred_at);
      if (!e.actor_id) throw new Error(`event ${e.type} has no actor`);
      const by = await actorForUser(deps, orgId, e.actor_id);
      if (e.type === 'touch.recorded')
        await recordTouch(replayDeps, by, e.data.campaignId as string, {
          leadId: replica.id,
          kind: e.data.kind as 'clicked',
          touchedAt: e.data.touchedAt as string,
        });
      if (e.type === 'lead.status_changed')
        await updateLead(replayDeps, by, replica.id, '*', { status: e.data.to as 'working' });
    }
    const replayed = await leadEvents(replica.id);
    const shape = (rows: EventRow[], leadId: string) =>
      rows.map((e) => ({
        type: e.type,
        entity: e.entity_type === 'lead' ? 'the lead' : e.entity_id,
        actor: e.actor_id,
        at: e.occurred_at.toISOString(),
        data: Object.fromEntries(
          Object.entries(e.data).map(([k, v]) => [k, k === 'touchId' ? 'a touch' : v === leadId ? 'the lead' : v]),
        ),
      }));
    expect(shape(replayed, replica.id)).toEqual(shape(original, pick.id));
    expect(original.filter((e) => e.type === 'touch.recorded').length).toBeGreaterThanOrEqual(2);
    const members = async (leadId: string) =>
      (
        await deps.db
          .selectFrom('campaign_members')
          .selectAll()
          .where('org_id', '=', orgId)
          .where('person_id', '=', leadId)
          .orderBy('campaign_id')
          .execute()
      ).map((m) => ({ ...m, person_id: 'the lead' }));
    expect(await members(replica.id)).toEqual(await members(pick.id));
    const score = async (leadId: string) => {
      const r = await deps.db
        .selectFrom('lead_scores')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('lead_id', '=', leadId)
        .executeTakeFirstOrThrow();
      return { ...r, lead_id: 'the lead' };
    };
    expect(await score(replica.id)).toEqual(await score(pick.id));
  }, 60_000);

  it('keeps a valid chain and projection when memory forces events out before their time and rounds of COPY overlap', async () => {
    const other = await createTestDeps({ clock });
    try {
      // Small rounds: many writes, each handed over while the next round is made, and the pool of event ids refilled often.
      const small = await seedSynthetic(other, {
        ...options,
        deals: 150,
        name: 'Bounded Co',
        maxPendingEvents: 40,
        flushRows: 300,
      });
      expect(small.counts.events + small.counts.rows).toBeGreaterThan(10 * 300);
      expect((await verifyChain(other.db, small.organizationId)).ok).toBe(true);
      expect(await countUnsealed(other.db, small.organizationId)).toBe(0);
      expect(await listStageVisits(other.db, small.organizationId)).toEqual(
        await stageVisitsFromEvents(other.db, small.organizationId),
      );
      expect(await listDealTraces(other.db, small.organizationId)).toEqual(
        await dealTracesFromVisits(other.db, small.organizationId),
      );
      // Each record's own events still come in time order. A campaign is not one record's: the
      // touches of many leads change its members, and those the bound forces out early may
      // interleave with a later lead's.
      const disordered = await sql<{
        n: number;
      }>`select count(*)::int as n from (select occurred_at < lag(occurred_at) over (partition by entity_id order by seq) as back from events where org_id = ${small.organizationId} and entity_type <> 'campaign') x where back`.execute(
        other.db,
      );
      expect(disordered.rows[0]?.n).toBe(0);
    } finally {
      await other.cleanup();
    }
  }, 120_000);

  it('is deterministic: the same seed gives the same data', async () => {
    const other = await createTestDeps({ clock });
    try {
      const again = await seedSynthetic(other, options);
      expect(again.counts).toEqual(result.counts);
      // Up to the generated end of the chain: the replay test above appended to the first one.
      const last =
        (
          await sql<{
            n: number;
          }>`select max(seq)::int as n from events where org_id = ${result.organizationId}`.execute(other.db)
        ).rows[0]?.n ?? 0;
      const digest = async (d: TestDeps) =>
        (
          await sql<{
            h: string;
          }>`select md5(string_agg(e.hash, '' order by e.seq)) as h from events e where e.org_id = ${result.organizationId} and e.seq <= ${last}`.execute(
            d.db,
          )
        ).rows[0]?.h;
      expect(last).toBeGreaterThan(1000);
      expect(again.organizationId).toBe(result.organizationId);
      expect(await digest(other)).toBe(await digest(deps));
    } finally {
      await other.cleanup();
    }
  }, 120_000);
});
