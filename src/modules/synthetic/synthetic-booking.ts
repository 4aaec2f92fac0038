import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Actor } from '../../contract/access.ts';
import { timeZoneSchema, updateAvailabilitySchema, type BookingStatus } from '../../contract/booking.ts';
import { createPoolSchema, createTerritorySchema, poolAlgorithmSchema } from '../../contract/routing.ts';
import { fairnessLedger } from '../../analytics/fairness.ts';
import { blockedSpan, unavailableReason, type RepCalendar, type Span } from '../../domain/availability.ts';
import type { PoolAlgorithm, PoolCandidate } from '../../domain/pools.ts';
import { routeByRules, type RuleDecision } from '../../domain/routing.ts';
import { resolveTerritory, type TerritoryDef } from '../../domain/territories.ts';
import { updateAvailability } from '../booking/availability.service.ts';
import type { Deps } from '../context.ts';
import type { Random } from '../demo/random.ts';
import { createPool } from '../routing/pools.service.ts';
import { updateRoutingSettings } from '../routing/route.service.ts';
import { createTerritory } from '../routing/territories.service.ts';
import type { PendingEvent, Sink, TableName } from './synthetic-records.ts';
import type { SyntheticWorld } from './synthetic-setup.ts';

/**
 * Territories, lead routing and booked meetings in a synthetic organization: field reps in
 * territories by country with their working hours, arriving leads routed to inside sales by a
 * weighted pool, and meetings booked by inside sales for field reps on the calls that connect,
 * each held, a no-show or cancelled. The booking rates are parameters, so the booking-rates
 * analysis can be checked against them; what happened is counted for the truth file.
 */

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;

const probability = z.number().min(0).max(1);

const territorySpecSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  /** Accounts in these countries (ISO codes) belong to the territory. */
  countries: z
    .array(
      z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z]{2}$/, 'must be a two-letter country code'),
    )
    .min(1)
    .max(50),
  /** The zone its field reps' working hours (Monday to Friday, 09:00 to 17:00) are in. */
  timezone: timeZoneSchema,
});

export const bookingParamsSchema = z.strictObject({
  /** Territories by country; the field reps are spread over them in turn (each territory has at least one). */
  territories: z.array(territorySpecSchema).min(1).max(20),
  /** The pool arriving leads are routed by (the fallback pool: leads carry no country). */
  routing: z.strictObject({
    poolName: z.string().trim().min(1).max(200),
    algorithm: poolAlgorithmSchema,
    /** Weights of the inside reps in order, repeated when there are more reps than weights. */
    weights: z
      .array(z.number().int().min(0).max(100))
      .min(1)
      .refine((ws) => ws.some((w) => w > 0), 'must have a weight above 0'),
  }),
  /** Meetings booked (later cancelled ones included) per connected prospecting call. */
  setRate: probability,
  /** Share of booked meetings cancelled before they happen. */
  cancellationRate: z.number().min(0).max(0.95),
  /** Of the meetings not cancelled, the share held (the rest are no-shows). */
  showRate: probability,
  /** Days from the booking to the meeting the booker aims for: log-normal (median, sigma); the first free slot from then is taken. */
  daysToMeeting: z.strictObject({ median: z.number().min(0).max(60), sigma: z.number().min(0).max(3) }),
  meetingMinutes: z.number().int().min(15).max(240),
});
export type BookingParams = z.infer<typeof bookingParamsSchema>;

export const defaultBookingParams: BookingParams = {
  territories: [
    { name: 'North America', countries: ['US', 'CA'], timezone: 'America/Chicago' },
    { name: 'Europe', countries: ['DE', 'FR', 'GB', 'NL', 'IT'], timezone: 'Europe/Berlin' },
    { name: 'Asia-Pacific', countries: ['JP', 'AU'], timezone: 'Asia/Tokyo' },
  ],
  routing: { poolName: 'Inbound leads', algorithm: 'weighted_round_robin', weights: [3, 2, 1] },
  setRate: 0.45,
  cancellationRate: 0.1,
  showRate: 0.8,
  daysToMeeting: { median: 3, sigma: 0.5 },
  meetingMinutes: 45,
};

/** The field reps' settings: a working week, travel buffers either side, a daily maximum. */
const REP_SETTINGS = { bufferBeforeMinutes: 30, bufferAfterMinutes: 30, minNoticeMinutes: 120, maxPerDay: 4 };
const WORKING_WEEK = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));
/** Candidate starts are this far apart (the slot finder's default); a booker looks this many days ahead. */
const STEP_MINUTES = 30;
const SEARCH_DAYS = 21;
/** How many field reps' calendars a booker compares (the cost of a booking stays flat however many reps there are). */
const CALENDARS_LOOKED_AT = 8;

const cancelReasons = [
  'The buyer asked to move it to next quarter',
  'The buyer’s decision maker is travelling',
  'The buyer chose to evaluate later',
  'The buyer went with another vendor before the meeting',
];

export interface BookingWorld {
  territories: { id: string; name: string; countries: string[]; timezone: string; fieldReps: string[] }[];
  defs: TerritoryDef[];
  pool: {
    id: string;
    name: string;
    algorithm: PoolAlgorithm;
    periodDays: number;
    createdAt: number;
    members: { userId: string; name: string; weight: number }[];
  };
  /** Each field rep's zone (of their first territory). */
  repZone: Map<string, string>;
}

/**
 * Sets the routing up through the services, as an admin would at the start: the field reps'
 * working hours, the territories with their field reps, the pool of inside reps with its weights
 * as the fallback pool, and lead routing switched on.
 */
export async function setUpSyntheticBooking(
  deps: Deps,
  admin: Actor,
  world: Pick<SyntheticWorld, 'fieldReps' | 'insideSales'>,
  params: BookingParams,
): Promise<BookingWorld> {
  const specs = params.territories;
  const members = specs.map((_, i) =>
    world.fieldReps.length === 0
      ? []
      : world.fieldReps.length >= specs.length
        ? world.fieldReps.filter((_, r) => r % specs.length === i)
        : [world.fieldReps[i % world.fieldReps.length] as string],
  );
  const repZone = new Map<string, string>();
  specs.forEach((s, i) => {
    for (const r of members[i] ?? []) if (!repZone.has(r)) repZone.set(r, s.timezone);
  });
  for (const [userId, timezone] of repZone)
    await updateAvailability(
      deps,
      admin,
      userId,
      0,
      updateAvailabilitySchema.parse({ timezone, workingHours: WORKING_WEEK, ...REP_SETTINGS }),
    );
  const territories: BookingWorld['territories'] = [];
  for (const [i, s] of specs.entries()) {
    const fieldReps = members[i] ?? [];
    const created = await createTerritory(
      deps,
      admin,
      createTerritorySchema.parse({
        name: s.name,
        criteria: { countries: s.countries },
        members: fieldReps.map((userId) => ({ userId, role: 'outside' })),
      }),
    );
    territories.push({ id: created.id, name: created.name, countries: s.countries, timezone: s.timezone, fieldReps });
  }
  const weights = params.routing.weights;
  const pool = await createPool(
    deps,
    admin,
    createPoolSchema.parse({
      name: params.routing.poolName,
      algorithm: params.routing.algorithm,
      members: world.insideSales.map((userId, i) => ({ userId, weight: weights[i % weights.length] })),
    }),
  );
  await updateRoutingSettings(deps, admin, 0, { fallbackPoolId: pool.id, routeLeads: true });
  return {
    territories,
    defs: territories.map((t) => ({
      id: t.id,
      name: t.name,
      parentId: null,
      criteria: {
        countries: t.countries,
        regions: [],
        postalPrefixes: [],
        industries: [],
        employeesMin: null,
        employeesMax: null,
        accountIds: [],
      },
    })),
    pool: {
      id: pool.id,
      name: pool.name,
      algorithm: pool.algorithm,
      periodDays: pool.periodDays,
      createdAt: new Date(pool.createdAt).getTime(),
      members: pool.members.map((m) => ({ userId: m.userId, name: m.name, weight: m.weight })),
    },
    repZone,
  };
}

/**
 * Why booking rates cannot be generated with the lead parameters: every lead that converts does so
 * after a held meeting, so the held meetings per connect (`setRate × (1 − cancellationRate) ×
 * showRate`) must reach the share of connected leads that convert, and no more connects can book
 * than are left after those disqualified on the call.
 */
export function bookingProblems(
  p: Pick<BookingParams, 'setRate' | 'cancellationRate' | 'showRate'>,
  connect: { open: number; converting: number },
): { field: 'setRate'; message: string }[] {
  const held = p.setRate * (1 - p.cancellationRate) * p.showRate;
  if (p.setRate > connect.open + 1e-12)
    return [
      {
        field: 'setRate',
        message: `must be at most ${connect.open.toFixed(4)}, the share of connected leads not disqualified on the call`,
      },
    ];
  if (held < connect.converting - 1e-12)
    return [
      {
        field: 'setRate',
        message: `× (1 − cancellationRate) × showRate is ${held.toFixed(4)}, below ${connect.converting.toFixed(4)}, the share of connected leads that convert (each after a held meeting)`,
      },
    ];
  return [];
}

/** What was booked, as the lead's history needs it: who holds the meeting, and when a converting lead converts. */
export interface BookedMeeting {
  id: string;
  ownerId: string;
  start: number;
  /** A converting lead converts once the meeting is held and recorded; at or past the end it does not. */
  convertAt: number;
}

interface Counts {
  leadsRouted: number;
  bookings: number;
  cancelled: number;
  held: number;
  noShow: number;
  /** Still booked at the end: the meeting, its outcome or its cancellation lies ahead. */
  open: number;
  /** Held meetings after which the lead became a deal. */
  opportunities: number;
  /** Meetings the booker found no free slot for within `SEARCH_DAYS` (none booked). */
  unplaced: number;
  accountsInTerritories: number;
}

export interface BookingTruth {
  implied: {
    /** Live (not cancelled) meetings per connected prospecting call: the booking-rates analysis's set rate. */
    setRateOfLiveMeetings: number;
    showRate: number;
    noShowRate: number;
    cancellationRate: number;
    /** Held meetings that become deals: the leads that convert are those whose meeting was held and went on. */
    meetingToOpportunity: number;
    /** Expected share of the arriving leads per inside rep: their weight over the pool's total. */
    routingShares: Record<string, number>;
  };
  realised: Counts & {
    connectedProspectingCalls: number;
    setRateOfLiveMeetings: number | null;
    showRate: number | null;
    cancellationRate: number | null;
    meetingToOpportunity: number | null;
    medianHoursToMeeting: number | null;
    leadsPerInsideRep: Record<string, number>;
    bookingsPerFieldRep: Record<string, number>;
    accountsPerTerritory: Record<string, number>;
  };
  territories: { id: string; name: string; countries: string[]; timezone: string; fieldReps: string[] }[];
  pool: { id: string; name: string; algorithm: string; members: { userId: string; name: string; weight: number }[] };
}

/** The index of the first of ascending times at or after `t` (the length when none is). */
function firstAtOrAfter(times: readonly number[], t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((times[mid] ?? 0) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const ratio = (n: number, d: number): number | null => (d > 0 ? n / d : null);

/**
 * Makes the routing and booking records of the history: a lead's routing decision, the territory
 * of each account, and the meetings inside sales books, each with its rows in the final state and
 * its events at the times they happen. Draws from random streams of its own.
 */
export class SyntheticBookings {
  private readonly counts: Counts = {
    leadsRouted: 0,
    bookings: 0,
    cancelled: 0,
    held: 0,
    noShow: 0,
    open: 0,
    opportunities: 0,
    unplaced: 0,
    accountsInTerritories: 0,
  };
  /** Pool assignments per member, in time order (leads arrive in time order): the ledger's period and the caps' day and week. */
  private readonly assigned = new Map<string, number[]>();
  /** Each field rep's meetings by UTC day number, cancelled ones too (a freed time is not booked again). */
  private readonly calendars = new Map<string, Map<number, Span[]>>();
  private readonly pendingRoutes = new Map<string, RuleDecision & { t: number }>();
  private readonly leadsPer = new Map<string, number>();
  private readonly bookingsPer = new Map<string, number>();
  private readonly accountsPer = new Map<string, number>();
  private readonly hoursToMeeting: number[] = [];
  /** Chance that a connect left to nurture books a meeting, and the fates of those meetings. */
  private readonly nurtureBooks: number;
  private readonly nurtureFate: readonly (readonly ['cancelled' | 'held' | 'no_show', number])[];

  constructor(
    private readonly rng: Random,
    private readonly ids: Random,
    private readonly p: BookingParams,
    private readonly world: BookingWorld,
    private readonly orgId: string,
    private readonly end: number,
    /** Of connected leads, the share that is not disqualified, and the share that converts (on average). */
    private readonly connect: { open: number; converting: number },
  ) {
    const { setRate: s, cancellationRate: c, showRate: h } = p;
    const q = connect.converting;
    const problem = bookingProblems(p, connect)[0];
    if (problem) throw new Error(`booking.${problem.field} ${problem.message}`);
    // Converting leads always book and hold their meeting; the other bookings come from leads left
    // to nurture, in the numbers that make the overall rates the parameters.
    const rest = s - q;
    this.nurtureBooks = rest > 1e-12 ? rest / (connect.open - q) : 0;
    this.nurtureFate =
      rest > 1e-12
        ? [
            ['cancelled', (c * s) / rest],
            ['held', Math.max(0, s * (1 - c) * h - q) / rest],
            ['no_show', (s * (1 - c) * (1 - h)) / rest],
          ]
        : [['held', 1]];
    for (const m of world.pool.members) this.assigned.set(m.userId, []);
  }

  /** The sink the history writes through: an account gets its territory, a routed lead its decision, after their creation. */
  sink(inner: Sink): Sink {
    return {
      row: (table: TableName, row: object) => {
        inner.row(table, row);
        if (table === 'accounts') this.account(inner, row as AccountLike);
      },
      event: (e: PendingEvent) => {
        inner.event(e);
        if (e.type === 'lead.created') this.routed(inner, e);
        else if (e.type === 'account.created') {
          const pending = this.pendingAccounts.get(e.entityId);
          if (pending) {
            this.pendingAccounts.delete(e.entityId);
            inner.event({ ...pending, t: e.t });
          }
        }
      },
    };
  }

  private readonly pendingAccounts = new Map<string, PendingEvent>();

  /** The account's territory, resolved as the accounts service does when it is created. */
  private account(sink: Sink, a: AccountLike): void {
    const r = resolveTerritory(this.world.defs, {
      accountId: a.id,
      country: a.country,
      region: a.region,
      postalCode: a.postal_code,
      industry: a.industry,
      employees: a.employees,
    });
    if (r.territoryId === null) return;
    const at = new Date(a.created_at);
    sink.row('territory_assignments', {
      org_id: this.orgId,
      entity_type: 'account',
      entity_id: a.id,
      territory_id: r.territoryId,
      reasons: r.reasons,
      resolved_at: at,
    });
    this.pendingAccounts.set(a.id, {
      t: at.getTime(),
      actorId: a.created_by,
      entityType: 'account',
      entityId: a.id,
      type: 'territory.assigned',
      data: { territoryId: r.territoryId, previousTerritoryId: null, reasons: r.reasons },
      businessTime: null,
    });
    this.counts.accountsInTerritories += 1;
    this.accountsPer.set(r.territoryId, (this.accountsPer.get(r.territoryId) ?? 0) + 1);
  }

  /**
   * Routes a lead arriving at `t` by the organization's rules: no account and no territory (leads
   * carry no country), so the fallback pool decides by its algorithm over its fairness ledger.
   * Returns the owner; the decision is written once the lead's creation is.
   */
  routeLead(leadId: string, t: number): string | null {
    const { pool } = this.world;
    const from = Math.max(t - pool.periodDays * DAY, pool.createdAt);
    const day = Math.floor(t / DAY) * DAY;
    const week = day - ((new Date(day).getUTCDay() + 6) % 7) * DAY;
    // Every member joined with the pool, so the ledger scales every count alike (a period cut short
    // by the pool's start counts whole): the period and days present from the ledger itself, the
    // counts by search, the balance computed as the ledger computes it.
    const scale = fairnessLedger(
      [{ repId: '', joinedAt: new Date(pool.createdAt) }],
      [],
      new Date(from),
      new Date(t + 1),
    );
    const periodDays = scale.periodDays;
    const daysPresent = scale.rows[0]?.daysPresent ?? periodDays;
    const candidates = pool.members.map((m): PoolCandidate => {
      const times = this.assigned.get(m.userId) ?? [];
      return {
        repId: m.userId,
        name: m.name,
        weight: m.weight,
        balance: ((times.length - firstAtOrAfter(times, from)) * periodDays) / daysPresent,
        today: times.length - firstAtOrAfter(times, day),
        thisWeek: times.length - firstAtOrAfter(times, week),
        capPerDay: null,
        capPerWeek: null,
        skills: [],
        unavailable: null,
      };
    });
    const decision = routeByRules({
      owner: null,
      territory: null,
      fallback: {
        poolId: pool.id,
        spec: { name: pool.name, algorithm: pool.algorithm, requiredSkill: null },
        candidates,
      },
    });
    if (decision.repId === null) return null;
    const times = this.assigned.get(decision.repId);
    if (times) {
      times.push(t);
      // Only the ledger's period and the current week are ever read again.
      const keep = firstAtOrAfter(times, Math.min(t - pool.periodDays * DAY, week));
      if (keep > 64) times.splice(0, keep);
    }
    this.pendingRoutes.set(leadId, { ...decision, t });
    this.counts.leadsRouted += 1;
    this.leadsPer.set(decision.repId, (this.leadsPer.get(decision.repId) ?? 0) + 1);
    return decision.repId;
  }

  /** After `lead.created`: the decision stored and `lead.routed`, in the same moment (the lead was made with its routed owner). */
  private routed(sink: Sink, created: PendingEvent): void {
    const d = this.pendingRoutes.get(created.entityId);
    if (!d) return;
    this.pendingRoutes.delete(created.entityId);
    sink.row('routing_decisions', {
      org_id: this.orgId,
      id: this.ids.uuid(),
      entity_type: 'lead',
      entity_id: created.entityId,
      rep_id: d.repId,
      rule: d.rule,
      territory_id: d.territoryId,
      pool_id: d.poolId,
      reasons: d.reasons,
      decided_at: new Date(created.t),
    });
    sink.event({
      t: created.t,
      actorId: created.actorId,
      entityType: 'lead',
      entityId: created.entityId,
      type: 'lead.routed',
      data: { ownerId: d.repId, rule: d.rule, territoryId: d.territoryId, poolId: d.poolId, reasons: d.reasons },
      businessTime: null,
    });
  }

  /** Whether a connect that leaves the lead to nurture books a meeting (a converting one always does). */
  setsMeeting(): boolean {
    return this.rng.chance(this.nurtureBooks);
  }

  private meetingsAround(repId: string, from: number, to: number): Span[] {
    const days = this.calendars.get(repId);
    if (!days) return [];
    const out: Span[] = [];
    for (let d = Math.floor(from / DAY) - 1; d <= Math.floor(to / DAY) + 1; d++) out.push(...(days.get(d) ?? []));
    return out;
  }

  /**
   * A rep's first free start from `from` on (within `SEARCH_DAYS` local days): on the grid of
   * `STEP_MINUTES` from the start of each working period, with the notice, the travel buffers
   * around their other meetings and the daily maximum respected. Null when none.
   */
  private firstFree(repId: string, zone: string, now: number, from: number): number | null {
    const dur = this.p.meetingMinutes * MINUTE;
    const before = REP_SETTINGS.bufferBeforeMinutes * MINUTE;
    const after = REP_SETTINGS.bufferAfterMinutes * MINUTE;
    const earliest = Math.max(from, now + REP_SETTINGS.minNoticeMinutes * MINUTE);
    let day = DateTime.fromMillis(earliest, { zone }).startOf('day');
    for (let d = 0; d < SEARCH_DAYS; d++, day = day.plus({ days: 1 })) {
      const dayStart = day.toMillis();
      const dayEnd = day.plus({ days: 1 }).startOf('day').toMillis();
      if (dayEnd <= earliest) continue;
      const around = this.meetingsAround(repId, dayStart, dayEnd);
      const sameDay = around.filter((m) => m.start.getTime() >= dayStart && m.start.getTime() < dayEnd).length;
      if (sameDay >= REP_SETTINGS.maxPerDay) continue;
      for (const h of WORKING_WEEK) {
        if (h.weekday !== day.weekday) continue;
        const [sh, sm] = h.start.split(':').map(Number);
        const [eh, em] = h.end.split(':').map(Number);
        const open = day.set({ hour: sh ?? 0, minute: sm ?? 0 }).toMillis();
        const close = day.set({ hour: eh ?? 0, minute: em ?? 0 }).toMillis();
        for (let start = open; start + dur <= close; start += STEP_MINUTES * MINUTE) {
          if (start < earliest) continue;
          const clash = around.some(
            (m) => m.start.getTime() - before < start + dur + after && start - before < m.end.getTime() + after,
          );
          if (!clash) return start;
        }
      }
    }
    return null;
  }

  /**
   * The slot the booker takes: the first free start from the aimed-for time of each of a few field
   * reps picked at random, and of those free within two hours of the soonest one of them at random;
   * checked as the booking service checks a rep's time.
   */
  private slot(now: number, from: number): { repId: string; start: number; end: number; timezone: string } | null {
    const reps = [...this.world.repZone];
    // The booker looks at a few calendars, picked at random, and at everyone's only when those are full.
    for (let i = 0; i < Math.min(CALENDARS_LOOKED_AT, reps.length); i++) {
      const j = this.rng.int(i, reps.length - 1);
      [reps[i], reps[j]] = [reps[j] as [string, string], reps[i] as [string, string]];
    }
    const firstsOf = (some: readonly [string, string][]) =>
      some.flatMap(([repId, timezone]) => {
        const start = this.firstFree(repId, timezone, now, from);
        return start === null ? [] : [{ repId, timezone, start }];
      });
    let firsts = firstsOf(reps.slice(0, CALENDARS_LOOKED_AT));
    if (firsts.length === 0) firsts = firstsOf(reps.slice(CALENDARS_LOOKED_AT));
    if (firsts.length === 0) return null;
    const soonest = Math.min(...firsts.map((f) => f.start));
    const s = this.rng.pick(firsts.filter((f) => f.start < soonest + 2 * HOUR));
    const end = s.start + this.p.meetingMinutes * MINUTE;
    const cal: RepCalendar = {
      repId: s.repId,
      timezone: s.timezone,
      hours: WORKING_WEEK,
      ...REP_SETTINGS,
      timeOff: [],
      holidays: [],
      meetings: this.meetingsAround(s.repId, s.start - DAY, end + DAY),
    };
    const refused = unavailableReason(cal, { start: new Date(s.start), end: new Date(end) }, new Date(now));
    if (refused) throw new Error(`synthetic booking at a time the rep cannot take: ${refused}`);
    return { repId: s.repId, start: s.start, end, timezone: s.timezone };
  }

  /**
   * Inside sales books a meeting on the call at `at` for a field rep's first free slot from the
   * aimed-for day, about the lead; then, by its fate, the booker cancels it with a reason before it
   * happens, or the field rep records it held or a no-show when it is over. A converting lead's
   * meeting is held. Null when no rep had a free slot.
   */
  book(
    sink: Sink,
    lead: { id: string; name: string; bookedBy: string; at: number; converting: boolean },
  ): BookedMeeting | null {
    const { rng, p, end } = this;
    const aim = lead.at + rng.logNormal(Math.max(p.daysToMeeting.median, 1 / 24), p.daysToMeeting.sigma) * DAY;
    const slot = this.slot(lead.at, aim);
    if (!slot) {
      this.counts.unplaced += 1;
      return null;
    }
    const fate = lead.converting ? 'held' : rng.weighted(this.nurtureFate);
    const id = this.ids.uuid();
    const reason = rng.pick(cancelReasons);
    const cancelAt = Math.round(lead.at + (0.2 + 0.6 * rng.next()) * (slot.start - lead.at));
    const outcomeAt = slot.end + 10 * MINUTE;
    const convertAt = outcomeAt + (1 + 23 * rng.next()) * HOUR;
    const days = this.calendars.get(slot.repId) ?? new Map<number, Span[]>();
    this.calendars.set(slot.repId, days);
    const dayNo = Math.floor(slot.start / DAY);
    days.set(dayNo, [...(days.get(dayNo) ?? []), { start: new Date(slot.start), end: new Date(slot.end) }]);

    const bookedAt = new Date(lead.at);
    let status: BookingStatus = 'booked';
    let sequence = 0;
    let version = 1;
    let updatedAt = bookedAt;
    const blocked = blockedSpan(
      { start: new Date(slot.start), end: new Date(slot.end) },
      REP_SETTINGS.bufferBeforeMinutes,
      REP_SETTINGS.bufferAfterMinutes,
    );
    const row = {
      org_id: this.orgId,
      id,
      owner_id: slot.repId,
      booked_by: lead.bookedBy,
      lead_id: lead.id,
      contact_id: null,
      account_id: null,
      deal_id: null,
      title: `Meeting with ${lead.name}`,
      location: null,
      starts_at: new Date(slot.start),
      ends_at: new Date(slot.end),
      timezone: slot.timezone,
      blocked: `[${blocked.start.toISOString()},${blocked.end.toISOString()})`,
      status,
      cancel_reason: null as string | null,
      sequence,
      routing: null,
      created_at: bookedAt,
      updated_at: updatedAt,
      version,
    };
    const snapshot = {
      ownerId: row.owner_id,
      bookedBy: row.booked_by,
      leadId: row.lead_id,
      contactId: null,
      accountId: null,
      dealId: null,
      title: row.title,
      location: null,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      timezone: row.timezone,
      status: 'booked',
    };
    const event = (t: number, actorId: string, type: string, data: Record<string, unknown>, business: Date | null) =>
      sink.event({ t, actorId, entityType: 'booking', entityId: id, type, data, businessTime: business });
    event(lead.at, lead.bookedBy, 'booking.booked', { after: snapshot }, row.starts_at);
    this.counts.bookings += 1;
    this.bookingsPer.set(slot.repId, (this.bookingsPer.get(slot.repId) ?? 0) + 1);
    if (fate === 'cancelled' && cancelAt < end) {
      status = 'cancelled';
      sequence = 1;
      version += 1;
      updatedAt = new Date(cancelAt);
      row.cancel_reason = reason;
      event(cancelAt, lead.bookedBy, 'booking.cancelled', { reason, sequence }, null);
      this.counts.cancelled += 1;
    } else if (fate !== 'cancelled' && outcomeAt < end) {
      status = fate;
      version += 1;
      updatedAt = new Date(outcomeAt);
      event(outcomeAt, slot.repId, fate === 'held' ? 'booking.held' : 'booking.no_show', {}, row.starts_at);
      if (fate === 'held') this.counts.held += 1;
      else this.counts.noShow += 1;
    } else this.counts.open += 1;
    if (status !== 'cancelled') this.hoursToMeeting.push((slot.start - lead.at) / HOUR);
    sink.row('bookings', { ...row, status, sequence, version, updated_at: updatedAt });
    return { id, ownerId: slot.repId, start: slot.start, convertAt };
  }

  /** The lead whose meeting was held became a deal. */
  opportunity(): void {
    this.counts.opportunities += 1;
  }

  /** Expected and realised: the parameters' rates, and what the history made. */
  truth(connectedProspectingCalls: number): BookingTruth {
    const { p, world, counts } = this;
    const s = p.setRate;
    const liveRate = s * (1 - p.cancellationRate);
    const total = world.pool.members.reduce((a, m) => a + m.weight, 0);
    const live = counts.bookings - counts.cancelled;
    const sorted = [...this.hoursToMeeting].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    const median =
      sorted.length === 0
        ? null
        : sorted.length % 2
          ? (sorted[mid] ?? null)
          : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
    return {
      implied: {
        setRateOfLiveMeetings: liveRate,
        showRate: p.showRate,
        noShowRate: 1 - p.showRate,
        cancellationRate: p.cancellationRate,
        meetingToOpportunity: liveRate * p.showRate > 0 ? this.connect.converting / (liveRate * p.showRate) : 0,
        routingShares: Object.fromEntries(world.pool.members.map((m) => [m.userId, total > 0 ? m.weight / total : 0])),
      },
      realised: {
        ...counts,
        connectedProspectingCalls,
        setRateOfLiveMeetings: ratio(live, connectedProspectingCalls),
        showRate: ratio(counts.held, counts.held + counts.noShow),
        cancellationRate: ratio(counts.cancelled, counts.bookings - counts.open),
        meetingToOpportunity: ratio(counts.opportunities, counts.held),
        medianHoursToMeeting: median,
        leadsPerInsideRep: Object.fromEntries(this.leadsPer),
        bookingsPerFieldRep: Object.fromEntries(this.bookingsPer),
        accountsPerTerritory: Object.fromEntries(this.accountsPer),
      },
      territories: world.territories,
      pool: { id: world.pool.id, name: world.pool.name, algorithm: world.pool.algorithm, members: world.pool.members },
    };
  }
}

interface AccountLike {
  id: string;
  country: string | null;
  region: string | null;
  postal_code: string | null;
  industry: string | null;
  employees: number | null;
  created_by: string | null;
  created_at: Date;
}
