import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Scope } from '../../contract/access.ts';
import type { ListBookingsQuery } from '../../contract/booking.ts';
import type { DbExecutor } from '../../db/database.ts';
import type { BookingsTable, RepAvailabilityTable, RepTimeOffTable, UserBusyFeedsTable } from '../../db/schema.ts';
import { updateVersioned } from '../../db/versioned.ts';
import { blockedSpan } from '../../domain/availability.ts';

export type AvailabilityRow = Selectable<RepAvailabilityTable>;
export type TimeOffRow = Selectable<RepTimeOffTable>;
export type BookingRow = Selectable<BookingsTable>;

/** The range a meeting blocks, widened by the rep's travel buffers (the exclusion constraint's column). */
const blockedRange = (start: Date, end: Date, beforeMinutes: number, afterMinutes: number): string => {
  const b = blockedSpan({ start, end }, beforeMinutes, afterMinutes);
  return `[${b.start.toISOString()},${b.end.toISOString()})`;
};

export async function getAvailability(
  db: DbExecutor,
  orgId: string,
  userId: string,
  lock = false,
): Promise<AvailabilityRow | undefined> {
  const q = db.selectFrom('rep_availability').selectAll().where('org_id', '=', orgId).where('user_id', '=', userId);
  return (lock ? q.forNoKeyUpdate() : q).executeTakeFirst();
}

export async function saveAvailability(
  db: DbExecutor,
  row: Omit<Insertable<RepAvailabilityTable>, 'version'>,
): Promise<AvailabilityRow> {
  return db
    .insertInto('rep_availability')
    .values({ ...row, version: 1 })
    .onConflict((oc) =>
      oc.columns(['org_id', 'user_id']).doUpdateSet((eb) => ({
        timezone: eb.ref('excluded.timezone'),
        working_hours: eb.ref('excluded.working_hours'),
        buffer_before_minutes: eb.ref('excluded.buffer_before_minutes'),
        buffer_after_minutes: eb.ref('excluded.buffer_after_minutes'),
        min_notice_minutes: eb.ref('excluded.min_notice_minutes'),
        max_per_day: eb.ref('excluded.max_per_day'),
        bookable: eb.ref('excluded.bookable'),
        routing_weight: eb.ref('excluded.routing_weight'),
        updated_at: eb.ref('excluded.updated_at'),
        version: sql<number>`rep_availability.version + 1`,
      })),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface BookableRep {
  id: string;
  name: string;
  role: string;
  availability: AvailabilityRow;
}

/** Active users of the roles that take meetings who have saved bookable settings (one of them when `repId` is given). */
export async function listBookableReps(
  db: DbExecutor,
  orgId: string,
  roles: readonly string[],
  repId?: string,
): Promise<BookableRep[]> {
  let q = db
    .selectFrom('users as u')
    .innerJoin('rep_availability as a', (j) => j.onRef('a.org_id', '=', 'u.org_id').onRef('a.user_id', '=', 'u.id'))
    .selectAll('a')
    .select(['u.id as uid', 'u.name as uname', 'u.role as urole'])
    .where('u.org_id', '=', orgId)
    .where('u.active', '=', true)
    .where('u.role', 'in', [...roles])
    .where('a.bookable', '=', true);
  if (repId) q = q.where('u.id', '=', repId);
  const rows = await q.orderBy('u.name').orderBy('u.id').execute();
  return rows.map(({ uid, uname, urole, ...a }) => ({ id: uid, name: uname, role: urole, availability: a }));
}

export async function listTimeOff(
  db: DbExecutor,
  orgId: string,
  userIds: readonly string[],
  from: Date,
  to: Date,
): Promise<TimeOffRow[]> {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('rep_time_off')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('user_id', 'in', [...userIds])
    .where('ends_at', '>', from)
    .where('starts_at', '<', to)
    .orderBy('starts_at')
    .execute();
}

export async function insertTimeOff(db: DbExecutor, row: Insertable<RepTimeOffTable>): Promise<TimeOffRow> {
  return db.insertInto('rep_time_off').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function deleteTimeOff(db: DbExecutor, orgId: string, id: string): Promise<TimeOffRow | undefined> {
  return db
    .deleteFrom('rep_time_off')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export async function getTimeOff(db: DbExecutor, orgId: string, id: string): Promise<TimeOffRow | undefined> {
  return db.selectFrom('rep_time_off').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

/** Live (not cancelled) meetings of the reps touching [from, to), for the slot finder and the daily maximum. */
export async function listLiveMeetings(
  db: DbExecutor,
  orgId: string,
  userIds: readonly string[],
  from: Date,
  to: Date,
  exceptId?: string,
): Promise<BookingRow[]> {
  if (userIds.length === 0) return [];
  let q = db
    .selectFrom('bookings')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('owner_id', 'in', [...userIds])
    .where('status', '<>', 'cancelled')
    .where('ends_at', '>', from)
    .where('starts_at', '<', to);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return q.orderBy('starts_at').execute();
}

export async function insertBooking(
  db: DbExecutor,
  row: Omit<Insertable<BookingsTable>, 'blocked' | 'version'>,
  buffers: { before: number; after: number },
): Promise<BookingRow> {
  const start = new Date(row.starts_at);
  const end = new Date(row.ends_at);
  return db
    .insertInto('bookings')
    .values({ ...row, blocked: blockedRange(start, end, buffers.before, buffers.after) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

const liveBooking = (db: DbExecutor, orgId: string, id: string) =>
  db.selectFrom('bookings').selectAll().where('org_id', '=', orgId).where('id', '=', id);

export async function getBooking(db: DbExecutor, orgId: string, id: string): Promise<BookingRow | undefined> {
  return liveBooking(db, orgId, id).executeTakeFirst();
}

export async function lockBooking(db: DbExecutor, orgId: string, id: string): Promise<BookingRow | undefined> {
  return liveBooking(db, orgId, id).forNoKeyUpdate().executeTakeFirst();
}

/** A versioned update; a new time also moves the blocked range (with the buffers given). */
export async function updateBooking(
  db: DbExecutor,
  key: { orgId: string; id: string; version: number },
  patch: Updateable<BookingsTable>,
  move?: { start: Date; end: Date; before: number; after: number },
): Promise<BookingRow> {
  const blocked = move ? { blocked: blockedRange(move.start, move.end, move.before, move.after) } : {};
  return updateVersioned(db, 'bookings', key, { ...patch, ...blocked });
}

/** Bookings the actor sees (as the rep it is for or its booker, by `scope` over both), soonest first. */
export async function listBookings(
  db: DbExecutor,
  orgId: string,
  scope: Scope,
  q: ListBookingsQuery,
): Promise<BookingRow[]> {
  let b = db.selectFrom('bookings').selectAll().where('org_id', '=', orgId);
  if (scope.kind === 'none') return [];
  if (scope.kind === 'owners') {
    const ids = [...scope.ownerIds];
    if (ids.length === 0) return [];
    b = b.where((eb) => eb.or([eb('owner_id', 'in', ids), eb('booked_by', 'in', ids)]));
  }
  if (scope.kind === 'partner') return [];
  if (q.ownerId) b = b.where('owner_id', '=', q.ownerId);
  if (q.bookedBy) b = b.where('booked_by', '=', q.bookedBy);
  if (q.leadId) b = b.where('lead_id', '=', q.leadId);
  if (q.dealId) b = b.where('deal_id', '=', q.dealId);
  if (q.contactId) b = b.where('contact_id', '=', q.contactId);
  if (q.status) b = b.where('status', '=', q.status);
  if (q.from) b = b.where('starts_at', '>=', new Date(q.from));
  if (q.to) b = b.where('starts_at', '<', new Date(q.to));
  return b.orderBy('starts_at').orderBy('id').limit(q.limit).execute();
}

/** Meetings (not cancelled) each rep was booked for since `since`: the counts weighted round robin balances. */
export async function countRecentMeetings(
  db: DbExecutor,
  orgId: string,
  userIds: readonly string[],
  since: Date,
): Promise<Map<string, number>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('bookings')
    .select(['owner_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('org_id', '=', orgId)
    .where('owner_id', 'in', [...userIds])
    .where('status', '<>', 'cancelled')
    .where('created_at', '>=', since)
    .groupBy('owner_id')
    .execute();
  return new Map(rows.map((r) => [r.owner_id, Number(r.n)]));
}

/** The owner of a live account, for routing (a decision of the system, not limited to what the booker sees). */
export async function accountOwner(db: DbExecutor, orgId: string, accountId: string): Promise<string | null> {
  const r = await db
    .selectFrom('accounts')
    .select('owner_id')
    .where('org_id', '=', orgId)
    .where('id', '=', accountId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return r?.owner_id ?? null;
}

export async function saveCalendarFeed(db: DbExecutor, orgId: string, userId: string, tokenHash: string, now: Date) {
  await db
    .insertInto('rep_calendar_feeds')
    .values({ org_id: orgId, user_id: userId, token_hash: tokenHash, created_at: now })
    .onConflict((oc) => oc.columns(['org_id', 'user_id']).doUpdateSet({ token_hash: tokenHash, created_at: now }))
    .execute();
}

export async function deleteCalendarFeed(db: DbExecutor, orgId: string, userId: string): Promise<boolean> {
  const r = await db
    .deleteFrom('rep_calendar_feeds')
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** The rep (name, zone) whose feed the token opens, or undefined. */
export async function feedOwner(
  db: DbExecutor,
  orgId: string,
  tokenHash: string,
): Promise<{ id: string; name: string; timezone: string | null } | undefined> {
  return db
    .selectFrom('rep_calendar_feeds as f')
    .innerJoin('users as u', (j) => j.onRef('u.org_id', '=', 'f.org_id').onRef('u.id', '=', 'f.user_id'))
    .leftJoin('rep_availability as a', (j) => j.onRef('a.org_id', '=', 'f.org_id').onRef('a.user_id', '=', 'f.user_id'))
    .select(['u.id', 'u.name', 'a.timezone'])
    .where('f.org_id', '=', orgId)
    .where('f.token_hash', '=', tokenHash)
    .where('u.active', '=', true)
    .executeTakeFirst();
}

/** A rep's meetings for the feed: from 90 days back on, soonest first (cancelled ones too, so clients drop them). */
export async function feedBookings(db: DbExecutor, orgId: string, userId: string, since: Date): Promise<BookingRow[]> {
  return db
    .selectFrom('bookings')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('owner_id', '=', userId)
    .where('ends_at', '>=', since)
    .orderBy('starts_at')
    .limit(2000)
    .execute();
}

/** Name and email of users, for invitations. */
export async function people(
  db: DbExecutor,
  orgId: string,
  ids: readonly string[],
): Promise<Map<string, { name: string; email: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name', 'email'])
    .where('org_id', '=', orgId)
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, { name: r.name, email: r.email }]));
}

/** Dispositions that mean the person was reached (the base of the set rate). */
export const connectedDispositions = ['connected', 'not_interested', 'call_back_later', 'meeting_booked'] as const;

/** Calls logged in [from, to) by the users (all when null), with whether they connected. */
export async function callFacts(
  db: DbExecutor,
  orgId: string,
  userIds: readonly string[] | null,
  from: Date,
  to: Date,
): Promise<{ callerId: string; connected: boolean }[]> {
  if (userIds && userIds.length === 0) return [];
  let q = db
    .selectFrom('activities')
    .select(['owner_id', 'call_disposition'])
    .where('org_id', '=', orgId)
    .where('type', '=', 'call')
    .where('deleted_at', 'is', null)
    .where('owner_id', 'is not', null)
    .where('occurred_at', '>=', from)
    .where('occurred_at', '<', to);
  if (userIds) q = q.where('owner_id', 'in', [...userIds]);
  const rows = await q.execute();
  return rows.map((r) => ({
    callerId: r.owner_id ?? '',
    connected: (connectedDispositions as readonly (string | null)[]).includes(r.call_disposition),
  }));
}

/** Bookings made in [from, to) that the users are party to (all when null), with whether an opportunity followed. */
export async function bookingFacts(
  db: DbExecutor,
  orgId: string,
  userIds: readonly string[] | null,
  from: Date,
  to: Date,
) {
  if (userIds && userIds.length === 0) return [];
  let q = db
    .selectFrom('bookings as b')
    .leftJoin('leads as l', (j) => j.onRef('l.org_id', '=', 'b.org_id').onRef('l.id', '=', 'b.lead_id'))
    .select([
      'b.booked_by',
      'b.owner_id',
      'b.created_at',
      'b.starts_at',
      'b.status',
      sql<boolean>`(b.deal_id is not null or l.converted_deal_id is not null)`.as('opportunity'),
    ])
    .where('b.org_id', '=', orgId)
    .where('b.created_at', '>=', from)
    .where('b.created_at', '<', to);
  const ids = userIds ? [...userIds] : null;
  if (ids) q = q.where((eb) => eb.or([eb('b.owner_id', 'in', ids), eb('b.booked_by', 'in', ids)]));
  return q.execute();
}

/**
 * Whether the lead, contact or deal of a meeting already had a meeting held (other than `exceptId`):
 * only the first held meeting of a record creates or advances its deal.
 */
export async function heldBefore(
  db: DbExecutor,
  orgId: string,
  of: { column: 'deal_id' | 'lead_id' | 'contact_id'; id: string },
  exceptId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('bookings')
    .select('id')
    .where('org_id', '=', orgId)
    .where(of.column, '=', of.id)
    .where('status', '=', 'held')
    .where('id', '!=', exceptId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export type BusyFeedRow = Selectable<UserBusyFeedsTable>;

export async function getBusyFeed(db: DbExecutor, orgId: string, userId: string): Promise<BusyFeedRow | undefined> {
  return db
    .selectFrom('user_busy_feeds')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function lockBusyFeed(db: DbExecutor, orgId: string, userId: string): Promise<BusyFeedRow | undefined> {
  return db
    .selectFrom('user_busy_feeds')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .forNoKeyUpdate()
    .executeTakeFirst();
}

/** Sets a rep's feed URL (a new one, or a replacement: its status starts over and its version moves on). */
export async function upsertBusyFeed(
  db: DbExecutor,
  row: { org_id: string; user_id: string; url: string; set_by: string | null; now: Date },
): Promise<BusyFeedRow> {
  return db
    .insertInto('user_busy_feeds')
    .values({
      org_id: row.org_id,
      user_id: row.user_id,
      url: row.url,
      set_by: row.set_by,
      created_at: row.now,
      updated_at: row.now,
    })
    .onConflict((oc) =>
      oc.columns(['org_id', 'user_id']).doUpdateSet((eb) => ({
        url: row.url,
        set_by: row.set_by,
        updated_at: row.now,
        last_attempt_at: null,
        last_success_at: null,
        last_error: null,
        version: eb('user_busy_feeds.version', '+', 1),
      })),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function recordBusyFeedAttempt(
  db: DbExecutor,
  orgId: string,
  userId: string,
  outcome: { at: Date; error: string | null },
): Promise<void> {
  await db
    .updateTable('user_busy_feeds')
    .set(
      outcome.error === null
        ? { last_attempt_at: outcome.at, last_success_at: outcome.at, last_error: null }
        : { last_attempt_at: outcome.at, last_error: outcome.error },
    )
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .execute();
}

export async function deleteBusyFeed(db: DbExecutor, orgId: string, userId: string): Promise<BusyFeedRow | undefined> {
  return db
    .deleteFrom('user_busy_feeds')
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .returningAll()
    .executeTakeFirst();
}

/** Out-of-office ranges a rep's feed added that have not ended. */
export async function countFeedTimeOff(db: DbExecutor, orgId: string, userId: string, now: Date): Promise<number> {
  const row = await db
    .selectFrom('rep_time_off')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('from_feed', '=', true)
    .where('ends_at', '>', now)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
