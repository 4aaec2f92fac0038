import { sql } from 'kysely';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BookingRatesDto } from '../../src/contract/booking.ts';
import { ManualClock } from '../../src/domain/deps.ts';
import { actorForUser } from '../../src/modules/auth/auth.service.ts';
import { bookingRatesReport } from '../../src/modules/booking/booking.service.ts';
import { getLedger } from '../../src/modules/routing/pools.service.ts';
import {
  paramsReport,
  seedSynthetic,
  type SyntheticOptions,
  type SyntheticResult,
} from '../../src/modules/synthetic/seed-synthetic.ts';
import { defaultSyntheticParams, type SyntheticParams } from '../../src/modules/synthetic/synthetic-params.ts';
import { createTestDeps, type TestDeps } from '../helpers/db.ts';

/**
 * The booking-rates analysis against the generator's booking parameters. Inside reps here only
 * prospect (no B2C deals to call), so every connected call of theirs is a prospecting connect:
 * the base the set rate is generated on. The history is read up to five weeks before its end, so
 * every meeting booked in that window has happened, been recorded and, if held, converted.
 */
const end = new Date('2026-06-01T00:00:00.000Z');
const clock = new ManualClock(end.toISOString());
const params: SyntheticParams = {
  ...defaultSyntheticParams,
  dealMix: { b2b: 0.5, b2c: 0, partner: 0.1, lead: 0.4 },
  // A call backdated onto a deal might be an inside rep's: kept out of the set rate's base.
  anomalies: { ...defaultSyntheticParams.anomalies, backdating: 0 },
  // Six inside reps to route among (weights 3, 2, 1, 3, 2, 1) and six field reps to book.
  staffing: { ...defaultSyntheticParams.staffing, fieldReps: 75, insideSales: 75 },
};
const options: SyntheticOptions = {
  name: 'Booking Truth Co',
  seed: 11,
  deals: 800,
  months: 10,
  password: 'synthetic-password',
  params,
  end,
};
const windowEnd = new Date(end.getTime() - 35 * 86_400_000);

let deps: TestDeps;
let result: SyntheticResult;
let report: BookingRatesDto;
let insideReps: string[];

/** Four standard errors of a share p estimated from n independent trials. */
const tolerance = (p: number, n: number) => 4 * Math.sqrt((p * (1 - p)) / n);

beforeAll(async () => {
  deps = await createTestDeps({ clock });
  result = await seedSynthetic(deps, options);
  const org = result.organizationId;
  const admin = (
    await sql<{ id: string }>`select id from users where org_id = ${org} and role = 'admin'`.execute(deps.db)
  ).rows[0];
  if (!admin) throw new Error('the synthetic organization has no admin');
  const actor = await actorForUser(deps, org, admin.id);
  report = await bookingRatesReport(deps, actor, { from: result.start, to: windowEnd.toISOString() });
  insideReps = (
    await sql<{ id: string }>`select id from users where org_id = ${org} and role = 'inside_sales'`.execute(deps.db)
  ).rows.map((r) => r.id);
}, 300_000);
afterAll(async () => deps.cleanup());

describe('bookings in the synthetic generator, recovered by the booking-rates analysis', () => {
  it('recovers the set rate: live meetings per connected inside-sales call', () => {
    const truth = result.booking.implied;
    const mine = report.byInsideRep.filter((r) => insideReps.includes(r.userId));
    const booked = mine.reduce((a, r) => a + r.booked, 0);
    const connected = mine.reduce((a, r) => a + (r.connectedCalls ?? 0), 0);
    expect(connected).toBeGreaterThan(600);
    // S × (1 − C) = 0.45 × 0.9
    expect(truth.setRateOfLiveMeetings).toBeCloseTo(0.405, 10);
    expect(Math.abs(booked / connected - truth.setRateOfLiveMeetings)).toBeLessThan(
      tolerance(truth.setRateOfLiveMeetings, connected),
    );
  });

  it('recovers the show rate and meeting → opportunity', () => {
    const t = report.total;
    const truth = result.booking.implied;
    const known = t.held + t.noShow;
    expect(known).toBeGreaterThan(200);
    expect(Math.abs((t.showRate ?? 0) - truth.showRate)).toBeLessThan(tolerance(truth.showRate, known));
    expect(truth.meetingToOpportunity).toBeGreaterThan(0.3);
    expect(truth.meetingToOpportunity).toBeLessThan(0.8);
    expect(Math.abs((t.meetingToOpportunity ?? 0) - truth.meetingToOpportunity)).toBeLessThan(
      tolerance(truth.meetingToOpportunity, t.held),
    );
    // Cancelled of the bookings with a final state.
    const cancelShare = t.cancelled / (t.cancelled + known);
    expect(Math.abs(cancelShare - truth.cancellationRate)).toBeLessThan(
      tolerance(truth.cancellationRate, t.cancelled + known),
    );
  });

  it('routes arriving leads by the pool weights, each decision stored with its reasons', async () => {
    const org = result.organizationId;
    const rows = (
      await sql<{ rep_id: string; n: number }>`
        select rep_id, count(*)::int as n from routing_decisions
        where org_id = ${org} and entity_type = 'lead' group by rep_id`.execute(deps.db)
    ).rows;
    const total = rows.reduce((a, r) => a + r.n, 0);
    expect(total).toBe(result.counts.leads);
    const shares = result.booking.implied.routingShares;
    // Weighted round robin is deterministic: over the pool's weekly ledger each rep stays within
    // about one lead of their weighted share, so over the whole history within a few leads.
    for (const r of rows) expect(Math.abs(r.n - (shares[r.rep_id] ?? 0) * total)).toBeLessThan(0.01 * total + 3);
    const events = (
      await sql<{ n: number }>`
        select count(*)::int as n from events where org_id = ${org} and type = 'lead.routed'
        and data->>'rule' = 'pool' and data->'reasons'->>0 like 'pool Inbound leads (weighted round robin)%'`.execute(
        deps.db,
      )
    ).rows[0];
    expect(events?.n).toBe(total);
    // The leads are owned by whom routing chose.
    const owners = (
      await sql<{ n: number }>`
        select count(*)::int as n from leads l join routing_decisions d
          on d.org_id = l.org_id and d.entity_type = 'lead' and d.entity_id = l.id
        where l.org_id = ${org} and l.owner_id = d.rep_id`.execute(deps.db)
    ).rows[0];
    expect(owners?.n).toBe(total);
    const admin = result.users.find((u) => u.role === 'admin');
    const adminId = (
      await sql<{ id: string }>`select id from users where org_id = ${org} and email = ${admin?.email ?? ''}`.execute(
        deps.db,
      )
    ).rows[0]?.id;
    const ledger = await getLedger(deps, await actorForUser(deps, org, adminId ?? ''), result.booking.pool.id);
    const perWeight = ledger.rows.map((r) => {
      const weight = result.booking.pool.members.find((m) => m.userId === r.repId)?.weight ?? 1;
      return r.balance / weight;
    });
    // The last week's balances per unit of weight are level to within one lead.
    expect(Math.max(...perWeight) - Math.min(...perWeight)).toBeLessThanOrEqual(1);
  });

  it('books no rep twice at once, within their working hours, and the truth counts what is there', async () => {
    const org = result.organizationId;
    const overlaps = (
      await sql<{ n: number }>`
        select count(*)::int as n from bookings a join bookings b
          on a.org_id = b.org_id and a.owner_id = b.owner_id and a.id < b.id and a.blocked && b.blocked
        where a.org_id = ${org}`.execute(deps.db)
    ).rows[0];
    expect(overlaps?.n).toBe(0);
    const meetings = (
      await sql<{ starts_at: Date; ends_at: Date; timezone: string; zone: string; status: string }>`
        select b.starts_at, b.ends_at, b.timezone, a.timezone as zone, b.status from bookings b
        join rep_availability a on a.org_id = b.org_id and a.user_id = b.owner_id
        where b.org_id = ${org}`.execute(deps.db)
    ).rows;
    const truth = result.booking.realised;
    expect(meetings.length).toBe(truth.bookings);
    for (const m of meetings) {
      expect(m.timezone).toBe(m.zone);
      const s = DateTime.fromJSDate(m.starts_at, { zone: m.zone });
      const e = DateTime.fromJSDate(m.ends_at, { zone: m.zone });
      expect(s.weekday).toBeLessThanOrEqual(5);
      expect(s.hour).toBeGreaterThanOrEqual(9);
      expect(e.hour * 60 + e.minute).toBeLessThanOrEqual(17 * 60);
      expect(e.toISODate()).toBe(s.toISODate());
    }
    const by = (status: string) => meetings.filter((m) => m.status === status).length;
    expect([by('held'), by('no_show'), by('cancelled'), by('booked')]).toEqual([
      truth.held,
      truth.noShow,
      truth.cancelled,
      truth.open,
    ]);
    expect(truth.unplaced).toBe(0);
    expect(truth.connectedProspectingCalls).toBe(result.counts.prospectingSuccesses);
    // Accounts in the territories' countries hold their territory.
    const assigned = (
      await sql<{ n: number }>`
        select count(*)::int as n from territory_assignments where org_id = ${org} and entity_type = 'account'`.execute(
        deps.db,
      )
    ).rows[0];
    expect(assigned?.n).toBe(truth.accountsInTerritories);
    expect(truth.accountsInTerritories).toBeGreaterThan(0);
    const written = paramsReport(options, result) as { booking: { realised: { bookings: number } } };
    expect(written.booking.realised.bookings).toBe(truth.bookings);
  });
});
