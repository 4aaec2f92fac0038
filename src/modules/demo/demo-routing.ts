import type { Actor } from '../../contract/access.ts';
import { createBookingSchema, createTimeOffSchema, slotsQuery } from '../../contract/booking.ts';
import { createPoolSchema, createTerritorySchema } from '../../contract/routing.ts';
import { addTimeOff } from '../booking/availability.service.ts';
import { createBooking, findBookingSlots, recordBookingOutcome } from '../booking/booking.service.ts';
import type { Deps } from '../context.ts';
import { createLead } from '../leads/leads.service.ts';
import { createPool } from '../routing/pools.service.ts';
import { updateRoutingSettings } from '../routing/route.service.ts';
import { leadRouting } from '../routing/record-routing.service.ts';
import { createTerritory, getTerritory } from '../routing/territories.service.ts';
import type { Action } from './demo-history.ts';
import { Random } from './random.ts';

const DAY = 86_400_000;

export interface DemoRouting {
  territories: Record<'americas' | 'emea' | 'dach' | 'apac', string>;
  poolId: string;
}

/**
 * The demo's territories and lead routing, set up by the admin on the first day as the routing
 * admin page would: regions by the accounts' countries (DACH under EMEA), each with its field reps
 * (`outside`, who take its meetings) and an inside rep (`inside`, who takes its leads); the inside
 * reps' weighted pool with caps as the fallback pool; and arriving leads routed by the rules
 * (account owner, territory, fallback pool). Uses ids of its own, so the rest of the demo keeps its own.
 */
export async function setUpDemoRouting(
  base: Deps,
  admin: Actor,
  people: { fieldReps: Actor[]; sdrs: Actor[] },
): Promise<DemoRouting> {
  const rng = new Random(0x726f7574);
  const deps: Deps = { ...base, ids: { id: () => rng.uuid() } };
  const [rosa, sam, tomas, uma] = people.fieldReps.map((r) => r.userId);
  const [lena, kofi, priya] = people.sdrs.map((s) => s.userId);
  const members = (outside: (string | undefined)[], inside: (string | undefined)[]) => [
    ...outside.filter((u) => u !== undefined).map((userId) => ({ userId, role: 'outside' as const })),
    ...inside.filter((u) => u !== undefined).map((userId) => ({ userId, role: 'inside' as const })),
  ];
  const territory = async (name: string, countries: string[], m: ReturnType<typeof members>, parentId?: string) =>
    (
      await createTerritory(
        deps,
        admin,
        createTerritorySchema.parse({ name, parentId: parentId ?? null, criteria: { countries }, members: m }),
      )
    ).id;
  const americas = await territory('Americas', ['US', 'CA'], members([sam], [kofi]));
  const emea = await territory('EMEA', ['DE', 'FR', 'GB', 'NL', 'IT', 'AT', 'CH'], members([rosa, tomas], [lena]));
  const dach = await territory('DACH', ['DE', 'AT', 'CH'], members([tomas], [lena]), emea);
  const apac = await territory('APAC', ['JP', 'AU'], members([uma], [priya]));
  // The senior inside rep takes the most; the newest is capped while ramping up. A month's ledger.
  const pool = await createPool(
    deps,
    admin,
    createPoolSchema.parse({
      name: 'Inbound leads',
      algorithm: 'weighted_round_robin',
      periodDays: 30,
      members: [
        { userId: lena, weight: 3, capPerDay: 4 },
        { userId: kofi, weight: 2, capPerDay: 4 },
        { userId: priya, weight: 1, capPerDay: 2, capPerWeek: 5 },
      ].filter((m) => m.userId !== undefined),
    }),
  );
  await updateRoutingSettings(deps, admin, 0, { fallbackPoolId: pool.id, routeLeads: true });
  return { territories: { americas, emea, dach, apac }, poolId: pool.id };
}

export interface CustomerLeadsContext {
  deps: Deps;
  start: number;
  end: number;
  admin: Actor;
  marketer: Actor;
  /** The field rep who takes a week off (leads from their accounts then go by territory). */
  away: Actor;
  sdrs: Actor[];
  fieldReps: Actor[];
  accounts: { id: string; ownerId: string; domain: string }[];
  counts: Record<string, number>;
}

/**
 * New people at existing customers sign up over the year (leads with the account's web domain,
 * entered by marketing without an owner): routing gives them to the account's owner, except while
 * that owner is out of office for a week, when the account's territory takes them; the inside rep
 * who got such a lead books a meeting once the week is over, left to routing: a field rep of the
 * lead's territory takes it.
 */
export function scheduleCustomerLeads(ctx: CustomerLeadsContext): Action[] {
  const rng = new Random(0x6c656164);
  const deps: Deps = { ...ctx.deps, ids: { id: () => rng.uuid() } };
  const actions: Action[] = [];
  const span = ctx.end - ctx.start;
  const awayFrom = Math.floor((ctx.start + 0.75 * span) / DAY) * DAY;
  const awayTo = awayFrom + 7 * DAY;
  actions.push({
    at: ctx.start + 3000,
    run: async () => {
      await addTimeOff(
        deps,
        ctx.admin,
        ctx.away.userId,
        createTimeOffSchema.parse({
          start: new Date(awayFrom).toISOString(),
          end: new Date(awayTo).toISOString(),
          reason: 'Trade fair week',
        }),
      );
    },
  });
  const theirs = ctx.accounts.filter((a) => a.ownerId === ctx.away.userId);
  const others = ctx.accounts.filter((a) => a.ownerId !== ctx.away.userId);
  const plans = [
    ...[0.1, 0.3, 0.5, 0.9].map((f, i) => ({ at: ctx.start + f * span, account: others[(i * 5) % others.length] })),
    ...[1, 4].map((d, i) => ({
      at: awayFrom + d * DAY + 10 * 3_600_000,
      account: theirs[(i * 3) % theirs.length],
      meeting: true,
    })),
  ];
  const names = [
    ['Hannah', 'Vogel'],
    ['Marco', 'Bianchi'],
    ['Sofia', 'Lindgren'],
    ['Kenji', 'Mori'],
    ['Amara', 'Diallo'],
    ['Lucas', 'Martin'],
  ] as const;
  for (const [i, p] of plans.entries()) {
    const account = p.account;
    const [firstName, lastName] = names[i % names.length] ?? ['Alex', 'Doe'];
    if (!account) continue;
    const lead = { id: '', ownerId: '' as string | null };
    const meeting = { id: '', ownerId: '', end: 0 };
    actions.push({
      at: p.at,
      run: async () => {
        const created = await createLead(deps, ctx.marketer, {
          firstName,
          lastName,
          email: `${firstName}.${lastName}@${account.domain}`.toLowerCase(),
          companyDomain: account.domain,
          source: rng.pick(['web', 'webinar', 'referral'] as const),
          title: rng.pick(['Operations Manager', 'IT Lead', 'Controller']),
        });
        lead.id = created.id;
        lead.ownerId = created.ownerId;
        ctx.counts.customerLeads = (ctx.counts.customerLeads ?? 0) + 1;
        ctx.counts.leads = (ctx.counts.leads ?? 0) + 1;
      },
    });
    if ('meeting' in p)
      actions.push({
        at: awayTo + DAY + i * 3_600_000,
        run: async () => {
          const booker = ctx.sdrs.find((s) => s.userId === lead.ownerId);
          if (!booker) return;
          const booked = await bookByRouting(deps, ctx.admin, booker, lead.id, deps.clock.now().getTime());
          if (!booked) return;
          ctx.counts.bookings = (ctx.counts.bookings ?? 0) + 1;
          ctx.counts.routedMeetings = (ctx.counts.routedMeetings ?? 0) + 1;
          meeting.id = booked.id;
          meeting.ownerId = booked.ownerId;
          meeting.end = new Date(booked.end).getTime();
        },
      });
    // the field rep records the meeting held once it is over
    if ('meeting' in p)
      actions.push({
        at: awayTo + 7 * DAY,
        run: async () => {
          const rep = ctx.fieldReps.find((r) => r.userId === meeting.ownerId);
          if (!rep || meeting.end > deps.clock.now().getTime()) return;
          await recordBookingOutcome(deps, rep, meeting.id, '*', { outcome: 'held' });
        },
      });
  }
  return actions;
}

/**
 * The inside rep looks for the first free times of the field reps of the lead's territory in the
 * next days and books the meeting without naming a rep, so routing picks one of them (fewest
 * meetings first). Null when none of them is free.
 */
async function bookByRouting(deps: Deps, admin: Actor, booker: Actor, leadId: string, now: number) {
  const { territory } = await leadRouting(deps, booker, leadId);
  if (!territory.territoryId) return null;
  const outside = new Set(
    (await getTerritory(deps, admin, territory.territoryId)).members
      .filter((m) => m.role === 'outside')
      .map((m) => m.userId),
  );
  const slots = await findBookingSlots(
    deps,
    booker,
    slotsQuery.parse({
      from: new Date(now + DAY).toISOString(),
      to: new Date(now + 5 * DAY).toISOString(),
      durationMinutes: 45,
    }),
  );
  const slot = slots.items.find((s) => outside.has(s.repId));
  if (!slot) return null;
  return createBooking(deps, booker, createBookingSchema.parse({ start: slot.start, durationMinutes: 45, leadId }));
}
