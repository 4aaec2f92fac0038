import {
  bookableRoles,
  bookingScope,
  canBookMeetings,
  canChangeBooking,
  canRecordBookingOutcome,
  canSeeBooking,
  type Actor,
} from '../../contract/access.ts';
import { bookingRates } from '../../analytics/booking-rates.ts';
import type {
  BookingDto,
  BookingRatesDto,
  BookingRatesQuery,
  BookingOutcomeInput,
  BookingOutcomeResultDto,
  HeldMeetingEffect,
  BookingStatus,
  CancelBookingInput,
  CreateBookingInput,
  ListBookingsQuery,
  RescheduleBookingInput,
  SlotDto,
  SlotsQuery,
} from '../../contract/booking.ts';
import { AppError, forbidden, invalid, notFound, type FieldProblem } from '../../contract/errors.ts';
import type { DbExecutor } from '../../db/database.ts';
import { findSlots, unavailableReason, type RepCalendar, type Span } from '../../domain/availability.ts';
import { routeMeeting, type RoutingCandidate } from '../../domain/routing.ts';
import { decideRoute, recordDecision } from '../routing/route.service.ts';
import { holidaysOfReps } from '../holidays/effective-holidays.ts';
import { getContact } from '../contacts/contacts.service.ts';
import { write, type Deps } from '../context.ts';
import { dealRow, getDeal } from '../deals/deals.service.ts';
import { getLead } from '../leads/leads.service.ts';
import { checkVersion, type ExpectedVersion } from '../shared.ts';
import * as repo from './booking.repository.ts';
import { applyHeldMeeting } from './held-meeting.ts';
import { actorOfUser } from '../auth/auth.service.ts';

/** The account of a deal a held meeting created (the meeting is linked to both). */
async function dealAccount(trx: DbExecutor, orgId: string, dealId: string): Promise<string | null> {
  return (await dealRow(trx, orgId, dealId))?.account_id ?? null;
}

export function toBookingDto(r: repo.BookingRow): BookingDto {
  return {
    id: r.id,
    ownerId: r.owner_id,
    bookedBy: r.booked_by,
    leadId: r.lead_id,
    contactId: r.contact_id,
    accountId: r.account_id,
    dealId: r.deal_id,
    title: r.title,
    location: r.location,
    start: r.starts_at.toISOString(),
    end: r.ends_at.toISOString(),
    timezone: r.timezone,
    status: r.status as BookingStatus,
    cancelReason: r.cancel_reason,
    routing: r.routing,
    sequence: r.sequence,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    version: r.version,
  };
}

/** The booking as events record it. */
function snapshot(r: repo.BookingRow): Record<string, unknown> {
  return {
    ownerId: r.owner_id,
    bookedBy: r.booked_by,
    leadId: r.lead_id,
    contactId: r.contact_id,
    accountId: r.account_id,
    dealId: r.deal_id,
    title: r.title,
    location: r.location,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    timezone: r.timezone,
    status: r.status,
  };
}

const DAY = 86_400_000;

/** The slot finder's view of reps over a window: settings, time off, live meetings and the holidays each keeps. */
async function calendars(
  db: DbExecutor,
  orgId: string,
  reps: readonly repo.BookableRep[],
  window: Span,
  exceptBookingId?: string,
): Promise<RepCalendar[]> {
  const ids = reps.map((r) => r.id);
  // A day either side: the daily maximum counts the rep's whole local day, buffers reach past the window.
  const from = new Date(window.start.getTime() - DAY);
  const to = new Date(window.end.getTime() + DAY);
  const [off, meetings, holidays] = await Promise.all([
    repo.listTimeOff(db, orgId, ids, from, to),
    repo.listLiveMeetings(db, orgId, ids, from, to, exceptBookingId),
    holidaysOfReps(db, orgId, ids),
  ]);
  return reps.map((r) => ({
    repId: r.id,
    timezone: r.availability.timezone,
    hours: r.availability.working_hours,
    bufferBeforeMinutes: r.availability.buffer_before_minutes,
    bufferAfterMinutes: r.availability.buffer_after_minutes,
    minNoticeMinutes: r.availability.min_notice_minutes,
    maxPerDay: r.availability.max_per_day,
    timeOff: off.filter((o) => o.user_id === r.id).map((o) => ({ start: o.starts_at, end: o.ends_at })),
    holidays: holidays.get(r.id)?.holidays ?? [],
    meetings: meetings.filter((m) => m.owner_id === r.id).map((m) => ({ start: m.starts_at, end: m.ends_at })),
  }));
}

/** Free slots across the bookable outside reps (or the one chosen), soonest first. */
export async function findBookingSlots(deps: Deps, actor: Actor, q: SlotsQuery): Promise<{ items: SlotDto[] }> {
  if (!canBookMeetings(actor)) throw forbidden('Your role cannot book meetings');
  const reps = await repo.listBookableReps(deps.db, actor.orgId, bookableRoles, q.repId);
  const window = { start: new Date(q.from), end: new Date(q.to) };
  const cals = await calendars(deps.db, actor.orgId, reps, window);
  const names = new Map(reps.map((r) => [r.id, r.name]));
  const slots = findSlots(cals, {
    from: window.start,
    to: window.end,
    durationMinutes: q.durationMinutes,
    stepMinutes: q.stepMinutes,
    now: deps.clock.now(),
  });
  return {
    items: slots.slice(0, q.limit).map((s) => ({
      repId: s.repId,
      repName: names.get(s.repId) ?? '',
      start: s.start.toISOString(),
      end: s.end.toISOString(),
      timezone: s.timezone,
    })),
  };
}

/** The period whose meetings weighted round robin balances when the organization has no routing rules. */
const ROUTING_PERIOD_DAYS = 30;

interface Routed {
  rep: repo.BookableRep;
  rule: 'account_owner' | 'territory' | 'pool';
  territoryId: string | null;
  poolId: string | null;
  reasons: string[];
  candidates: { repId: string; weight: number; assigned: number; unavailable: string | null }[];
}

/**
 * Picks the outside rep for a meeting the booker left to routing, by the organization's ordered
 * rules: the owner of the account first when they take bookings and can take this time, then the
 * territory of the account (or lead) with its pool or outside members, then the fallback pool,
 * each pool by its algorithm and fairness ledger, skipping those out of office or otherwise
 * unavailable. An organization without territories or a fallback pool routes over all bookable
 * reps by weighted round robin over the last 30 days' meetings.
 */
async function route(
  deps: Deps,
  actor: Actor,
  span: Span,
  accountId: string | null,
  leadId: string | null,
): Promise<Routed> {
  const reps = await repo.listBookableReps(deps.db, actor.orgId, bookableRoles);
  const now = deps.clock.now();
  const cals = await calendars(deps.db, actor.orgId, reps, span);
  const unavailableOf = new Map(
    reps.map((r, i) => {
      const cal = cals[i];
      return [r.id, cal ? unavailableReason(cal, span, now) : 'no calendar'] as const;
    }),
  );
  const byRules = await decideRoute(deps, deps.db, actor.orgId, {
    purpose: 'meeting',
    at: now,
    accountId,
    territoryOf: accountId ? { kind: 'account', id: accountId } : leadId ? { kind: 'lead', id: leadId } : null,
    unavailable: (id) => (unavailableOf.has(id) ? (unavailableOf.get(id) ?? null) : 'does not take bookings'),
  });
  if (byRules.configured) {
    const d = byRules.decision;
    const rep = reps.find((r) => r.id === d.repId);
    if (!rep || d.rule === 'none') throw unavailable(d.reasons.join('; '));
    return {
      rep,
      rule: d.rule,
      territoryId: d.territoryId,
      poolId: d.poolId,
      reasons: d.reasons,
      candidates: byRules.candidates.map((c) => ({
        repId: c.repId,
        weight: c.weight,
        assigned: Math.round(c.balance),
        unavailable: c.unavailable,
      })),
    };
  }
  const [counts, accountOwner] = await Promise.all([
    repo.countRecentMeetings(
      deps.db,
      actor.orgId,
      reps.map((r) => r.id),
      new Date(now.getTime() - ROUTING_PERIOD_DAYS * DAY),
    ),
    accountId ? repo.accountOwner(deps.db, actor.orgId, accountId) : Promise.resolve(null),
  ]);
  const candidates = reps.map((r): RoutingCandidate => ({
    repId: r.id,
    name: r.name,
    weight: r.availability.routing_weight,
    assigned: counts.get(r.id) ?? 0,
    unavailable: unavailableOf.get(r.id) ?? null,
    ownsAccount: accountOwner !== null && r.id === accountOwner,
  }));
  const decision = routeMeeting(candidates);
  const rep = reps.find((r) => r.id === decision.repId);
  if (!rep || decision.rule === 'none') throw unavailable(decision.reasons.join('; '));
  return {
    rep,
    rule: decision.rule,
    territoryId: null,
    poolId: null,
    reasons: decision.reasons,
    candidates: candidates.map((c) => ({
      repId: c.repId,
      weight: c.weight,
      assigned: c.assigned,
      unavailable: c.unavailable,
    })),
  };
}

/** A rep refusing the time: 409 conflict with the reason (a named holiday, outside hours, out of office, overlap, day full, notice). */
const unavailable = (reason: string) =>
  new AppError('conflict', `The rep cannot take a meeting at that time: ${reason}`, { details: { reason } });

/** The exclusion constraint caught a concurrent booking of an overlapping time. */
function doubleBooking(err: unknown): AppError | null {
  const e = err as { code?: unknown; constraint?: unknown };
  if (e.code === '23P01') return unavailable('another meeting (with travel buffers) overlaps');
  return null;
}

async function readable<T>(what: () => Promise<T>, field: string, entity: string, problems: FieldProblem[]) {
  try {
    return await what();
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found') {
      problems.push({ field, message: `is not a ${entity} of this organization that you can see` });
      return null;
    }
    throw err;
  }
}

/** Books a meeting for an outside rep, about a lead, contact or deal the booker can see. */
export async function createBooking(deps: Deps, actor: Actor, input: CreateBookingInput): Promise<BookingDto> {
  if (!canBookMeetings(actor)) throw forbidden('Your role cannot book meetings');
  const problems: FieldProblem[] = [];
  const chosen = input.ownerId
    ? await repo.listBookableReps(deps.db, actor.orgId, bookableRoles, input.ownerId)
    : undefined;
  if (chosen && chosen.length === 0)
    problems.push({ field: 'ownerId', message: 'is not an outside rep who takes bookings' });
  const lead = input.leadId
    ? await readable(() => getLead(deps, actor, input.leadId ?? ''), 'leadId', 'lead', problems)
    : null;
  const contact = input.contactId
    ? await readable(() => getContact(deps, actor, input.contactId ?? ''), 'contactId', 'contact', problems)
    : null;
  const deal = input.dealId
    ? await readable(() => getDeal(deps, actor, input.dealId ?? ''), 'dealId', 'deal', problems)
    : null;
  if (lead?.status === 'converted')
    problems.push({ field: 'leadId', message: 'is converted: book for the contact or deal it became' });
  if (problems.length) throw invalid(problems);

  const start = new Date(input.start);
  const end = new Date(start.getTime() + input.durationMinutes * 60_000);
  const routed = chosen
    ? null
    : await route(deps, actor, { start, end }, deal?.accountId ?? contact?.accountId ?? null, lead?.id ?? null);
  const rep = chosen?.[0] ?? routed?.rep;
  if (!rep) throw unavailable('no rep can take the meeting');
  const name = lead
    ? [lead.firstName, lead.lastName].filter(Boolean).join(' ')
    : contact
      ? [contact.firstName, contact.lastName].filter(Boolean).join(' ')
      : (deal?.name ?? '');
  const now = deps.clock.now();
  const id = deps.ids.id();
  try {
    const row = await write(deps, actor.orgId, async (trx) => {
      const [cal] = await calendars(trx, actor.orgId, [rep], { start, end });
      const reason = cal ? unavailableReason(cal, { start, end }, now) : 'no calendar';
      if (reason) throw unavailable(reason);
      const inserted = await repo.insertBooking(
        trx,
        {
          org_id: actor.orgId,
          id,
          owner_id: rep.id,
          booked_by: actor.userId,
          lead_id: lead?.id ?? null,
          contact_id: contact?.id ?? null,
          account_id: deal?.accountId ?? contact?.accountId ?? null,
          deal_id: deal?.id ?? null,
          title: input.title ?? `Meeting with ${name}`,
          location: input.location ?? null,
          starts_at: start,
          ends_at: end,
          timezone: rep.availability.timezone,
          status: 'booked',
          cancel_reason: null,
          sequence: 0,
          routing: routed ? JSON.stringify({ rule: routed.rule, reasons: routed.reasons }) : null,
          created_at: now,
          updated_at: now,
        },
        { before: rep.availability.buffer_before_minutes, after: rep.availability.buffer_after_minutes },
      );
      await deps.eventLog.append(trx, actor, [
        ...(routed
          ? [
              {
                entityType: 'booking',
                entityId: id,
                type: 'booking.routed',
                data: {
                  ownerId: rep.id,
                  rule: routed.rule,
                  territoryId: routed.territoryId,
                  poolId: routed.poolId,
                  reasons: routed.reasons,
                  candidates: routed.candidates,
                },
              },
            ]
          : []),
        {
          entityType: 'booking',
          entityId: id,
          type: 'booking.booked',
          businessTime: start,
          data: { after: snapshot(inserted) },
        },
      ]);
      if (routed)
        await recordDecision(
          deps,
          trx,
          actor.orgId,
          { type: 'booking', id },
          {
            repId: rep.id,
            rule: routed.rule,
            territoryId: routed.territoryId,
            poolId: routed.poolId,
            reasons: routed.reasons,
          },
        );
      return inserted;
    });
    return toBookingDto(row);
  } catch (err) {
    throw doubleBooking(err) ?? err;
  }
}

function visible(actor: Actor, row: repo.BookingRow | undefined, id: string): repo.BookingRow {
  if (!row || !canSeeBooking(actor, { ownerId: row.owner_id, bookedBy: row.booked_by })) throw notFound('booking', id);
  return row;
}

export async function getBooking(deps: Deps, actor: Actor, id: string): Promise<BookingDto> {
  return toBookingDto(visible(actor, await repo.getBooking(deps.db, actor.orgId, id), id));
}

export async function listBookings(deps: Deps, actor: Actor, q: ListBookingsQuery): Promise<{ items: BookingDto[] }> {
  const rows = await repo.listBookings(deps.db, actor.orgId, bookingScope(actor), q);
  return { items: rows.map(toBookingDto) };
}

/** Loads a booking for a change by the actor, still booked (held, no-show and cancelled are final). */
async function loadForChange(
  trx: DbExecutor,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
  allowed: (actor: Actor, b: { ownerId: string; bookedBy: string }) => boolean,
): Promise<{ before: repo.BookingRow; version: number }> {
  const before = visible(actor, await repo.lockBooking(trx, actor.orgId, id), id);
  if (!allowed(actor, { ownerId: before.owner_id, bookedBy: before.booked_by }))
    throw forbidden('You may see this booking but not change it');
  const version = checkVersion('booking', id, before.version, expected);
  if (before.status !== 'booked')
    throw new AppError('invalid_transition', `The meeting is ${before.status.replace('_', ' ')}: it cannot change`, {
      details: { bookingStatus: before.status },
    });
  return { before, version };
}

/** Moves a booked meeting to another time the rep can take; the invitation's sequence goes up. */
export async function rescheduleBooking(
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
  input: RescheduleBookingInput,
): Promise<BookingDto> {
  const start = new Date(input.start);
  const end = new Date(start.getTime() + input.durationMinutes * 60_000);
  const now = deps.clock.now();
  try {
    const row = await write(deps, actor.orgId, async (trx) => {
      const { before, version } = await loadForChange(trx, actor, id, expected, canChangeBooking);
      const [rep] = await repo.listBookableReps(trx, actor.orgId, bookableRoles, before.owner_id);
      if (!rep) throw unavailable('the rep no longer takes bookings');
      const [cal] = await calendars(trx, actor.orgId, [rep], { start, end }, id);
      const reason = cal ? unavailableReason(cal, { start, end }, now) : 'no calendar';
      if (reason) throw unavailable(reason);
      const after = await repo.updateBooking(
        trx,
        { orgId: actor.orgId, id, version },
        { starts_at: start, ends_at: end, sequence: before.sequence + 1, updated_at: now },
        { start, end, before: rep.availability.buffer_before_minutes, after: rep.availability.buffer_after_minutes },
      );
      await deps.eventLog.append(trx, actor, [
        {
          entityType: 'booking',
          entityId: id,
          type: 'booking.rescheduled',
          businessTime: start,
          data: {
            from: { start: before.starts_at, end: before.ends_at },
            to: { start, end },
            reason: input.reason,
            sequence: after.sequence,
          },
        },
      ]);
      return after;
    });
    return toBookingDto(row);
  } catch (err) {
    throw doubleBooking(err) ?? err;
  }
}

/** Cancels a booked meeting with a reason; its time is free again (the constraint ignores cancelled meetings). */
export async function cancelBooking(
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
  input: CancelBookingInput,
): Promise<BookingDto> {
  const row = await write(deps, actor.orgId, async (trx) => {
    const { before, version } = await loadForChange(trx, actor, id, expected, canChangeBooking);
    const after = await repo.updateBooking(
      trx,
      { orgId: actor.orgId, id, version },
      { status: 'cancelled', cancel_reason: input.reason, sequence: before.sequence + 1, updated_at: deps.clock.now() },
    );
    await deps.eventLog.append(trx, actor, [
      {
        entityType: 'booking',
        entityId: id,
        type: 'booking.cancelled',
        data: { reason: input.reason, sequence: after.sequence },
      },
    ]);
    return after;
  });
  return toBookingDto(row);
}

/**
 * The outside rep records whether the meeting was held or the buyer did not show, once it has
 * begun. A held meeting also creates or advances the deal as its pipeline's setting says (see
 * `applyHeldMeeting`), in the same transaction and as the field rep; what it did is the answer's
 * `dealEffect`. A rule that holds the deal back does not hold back the outcome.
 */
export async function recordBookingOutcome(
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
  input: BookingOutcomeInput,
): Promise<BookingOutcomeResultDto> {
  const now = deps.clock.now();
  // The field rep the deal work is done as (read before the transaction; a booking keeps its rep).
  const peek = await repo.getBooking(deps.db, actor.orgId, id);
  const rep = peek && input.outcome === 'held' ? await actorOfUser(deps, actor.orgId, peek.owner_id) : null;
  return write(deps, actor.orgId, async (trx) => {
    const { before, version } = await loadForChange(trx, actor, id, expected, canRecordBookingOutcome);
    if (before.starts_at > now)
      throw invalid([{ field: 'outcome', message: 'can be recorded once the meeting has begun' }]);
    let dealEffect: HeldMeetingEffect | null = null;
    if (input.outcome === 'held')
      dealEffect =
        rep && rep.userId === before.owner_id
          ? await applyHeldMeeting(trx, deps, rep, before)
          : {
              result: 'unchanged',
              dealId: before.deal_id,
              stageId: null,
              approvalId: null,
              message: 'The field rep is no longer active: the deal is left as it is',
            };
    const linked =
      dealEffect?.result === 'created' && dealEffect.dealId
        ? {
            deal_id: dealEffect.dealId,
            account_id: before.account_id ?? (await dealAccount(trx, actor.orgId, dealEffect.dealId)),
          }
        : {};
    const after = await repo.updateBooking(
      trx,
      { orgId: actor.orgId, id, version },
      { status: input.outcome, updated_at: now, ...linked },
    );
    await deps.eventLog.append(trx, actor, [
      {
        entityType: 'booking',
        entityId: id,
        type: input.outcome === 'held' ? 'booking.held' : 'booking.no_show',
        businessTime: before.starts_at,
        data: dealEffect ? { dealEffect } : {},
      },
    ]);
    return { ...toBookingDto(after), dealEffect };
  });
}

/**
 * Set rate, show rate, meeting → opportunity and booking-to-meeting time of the bookings made in
 * [from, to) and the calls logged in it, over what the actor sees (their own, their team's, all).
 */
export async function bookingRatesReport(deps: Deps, actor: Actor, q: BookingRatesQuery): Promise<BookingRatesDto> {
  if (actor.role === 'partner') throw forbidden('Partners cannot read analytics');
  const scope = bookingScope(actor);
  const users = scope.kind === 'all' ? null : scope.kind === 'owners' ? scope.ownerIds : [];
  const from = new Date(q.from);
  const to = new Date(q.to);
  const [calls, bookings] = await Promise.all([
    repo.callFacts(deps.db, actor.orgId, users, from, to),
    repo.bookingFacts(deps.db, actor.orgId, users, from, to),
  ]);
  const report = bookingRates(
    calls,
    bookings.map((b) => ({
      bookedBy: b.booked_by,
      ownerId: b.owner_id,
      bookedAt: b.created_at,
      start: b.starts_at,
      status: b.status as BookingStatus,
      opportunity: b.opportunity,
    })),
  );
  return { from: from.toISOString(), to: to.toISOString(), ...report };
}
