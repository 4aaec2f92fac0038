import { canManageCalendarFeed, type Actor } from '../../contract/access.ts';
import type { CalendarFeedDto } from '../../contract/booking.ts';
import { forbidden, notFound } from '../../contract/errors.ts';
import { composeToken, parseToken, randomToken, tokenHash } from '../auth/tokens.ts';
import { getContact } from '../contacts/contacts.service.ts';
import { write, type Deps } from '../context.ts';
import { getLead } from '../leads/leads.service.ts';
import { getUser } from '../users/users.service.ts';
import * as repo from './booking.repository.ts';
import { getBooking } from './booking.service.ts';
import { calendarFeed, invitation, type CalendarBooking, type Person } from './calendar.ts';

const PREFIX = 'pwcal_';
const FEED_PATH = '/api/v1/calendar-feeds/';

const entry = (b: repo.BookingRow, bookedBy: string): CalendarBooking => ({
  id: b.id,
  title: b.title,
  location: b.location,
  start: b.starts_at,
  end: b.ends_at,
  timezone: b.timezone,
  status: b.status,
  sequence: b.sequence,
  description: `Booked by ${bookedBy}${b.routing ? ` (routing: ${b.routing.reasons.join('; ')})` : ''}`,
  updatedAt: b.updated_at,
});

/** Issues the rep's private feed URL, replacing (and so revoking) any earlier one. */
export async function issueCalendarFeed(deps: Deps, actor: Actor, userId: string): Promise<CalendarFeedDto> {
  await getUser(deps, actor, userId);
  if (!canManageCalendarFeed(actor, userId, 'issue')) throw forbidden('Only the rep issues their own calendar feed');
  const token = composeToken(PREFIX, actor.orgId, randomToken());
  await write(deps, actor.orgId, async (trx) => {
    await repo.saveCalendarFeed(trx, actor.orgId, userId, tokenHash(deps.tokenSecret, token), deps.clock.now());
    await deps.eventLog.append(trx, actor, [
      { entityType: 'user', entityId: userId, type: 'user.calendar_feed_issued', data: {} },
    ]);
  });
  return { path: `${FEED_PATH}${token}`, token };
}

export async function revokeCalendarFeed(deps: Deps, actor: Actor, userId: string): Promise<void> {
  await getUser(deps, actor, userId);
  if (!canManageCalendarFeed(actor, userId, 'revoke')) throw forbidden('You may not revoke this calendar feed');
  await write(deps, actor.orgId, async (trx) => {
    if (!(await repo.deleteCalendarFeed(trx, actor.orgId, userId))) throw notFound('calendar feed');
    await deps.eventLog.append(trx, actor, [
      { entityType: 'user', entityId: userId, type: 'user.calendar_feed_revoked', data: {} },
    ]);
  });
}

/** The feed a token opens (no sign-in: the token is the key); an unknown or revoked token is not found. */
export async function readCalendarFeed(deps: Deps, token: string): Promise<string> {
  const parsed = parseToken(PREFIX, token);
  if (!parsed) throw notFound('calendar feed');
  const owner = await repo.feedOwner(deps.db, parsed.orgId, tokenHash(deps.tokenSecret, token));
  if (!owner) throw notFound('calendar feed');
  const now = deps.clock.now();
  const rows = await repo.feedBookings(deps.db, parsed.orgId, owner.id, new Date(now.getTime() - 90 * 86_400_000));
  const names = await repo.people(deps.db, parsed.orgId, [...new Set(rows.map((r) => r.booked_by))]);
  return calendarFeed(
    { name: owner.name, timezone: owner.timezone ?? 'UTC' },
    rows.map((r) => entry(r, names.get(r.booked_by)?.name ?? 'someone')),
    now,
  );
}

/** The invitation of a booking the actor sees: to the field rep and the buyer, from whoever booked it. */
export async function bookingInvitation(deps: Deps, actor: Actor, id: string): Promise<string> {
  const b = await getBooking(deps, actor, id);
  const users = await repo.people(deps.db, actor.orgId, [b.ownerId, b.bookedBy]);
  const organizer = users.get(b.bookedBy);
  const rep = users.get(b.ownerId);
  const buyer: Person[] = [];
  const fromLead = b.leadId ? await getLead(deps, actor, b.leadId).catch(() => null) : null;
  if (fromLead?.email)
    buyer.push({ name: [fromLead.firstName, fromLead.lastName].filter(Boolean).join(' '), email: fromLead.email });
  const fromContact = b.contactId ? await getContact(deps, actor, b.contactId).catch(() => null) : null;
  const contactEmail = fromContact?.emails[0];
  if (fromContact && contactEmail)
    buyer.push({ name: [fromContact.firstName, fromContact.lastName].filter(Boolean).join(' '), email: contactEmail });
  const row: repo.BookingRow | undefined = await repo.getBooking(deps.db, actor.orgId, id);
  if (!row || !organizer || !rep) throw notFound('booking', id);
  return invitation(entry(row, organizer.name), organizer, [rep, ...buyer], deps.clock.now());
}
