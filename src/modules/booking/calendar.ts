import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { vtimezone } from '../../domain/vtimezone.ts';

/** Times in the zone they are shown in: ical-generator writes a luxon time as its wall time with TZID. */
const inZone = (t: Date, zone: string) => DateTime.fromJSDate(t, { zone });

/** What a calendar entry needs of a booking. */
export interface CalendarBooking {
  id: string;
  title: string;
  location: string | null;
  start: Date;
  end: Date;
  timezone: string;
  status: string;
  sequence: number;
  description: string;
  updatedAt: Date;
}

export interface Person {
  name: string;
  email: string;
}

const PRODID = { company: 'Pipewright', product: 'Pipewright', language: 'EN' };
const uid = (id: string) => `${id}@booking.pipewright`;

/**
 * A rep's private feed (RFC 5545, METHOD:PUBLISH): every meeting booked for them, in their time zone
 * with its VTIMEZONE; cancelled meetings stay in the feed as CANCELLED, so clients remove them.
 */
export function calendarFeed(
  rep: { name: string; timezone: string },
  bookings: readonly CalendarBooking[],
  now: Date,
): string {
  const cal = ical({
    prodId: PRODID,
    name: `Meetings of ${rep.name}`,
    method: ICalCalendarMethod.PUBLISH,
  });
  for (const b of bookings) {
    cal.createEvent({
      id: uid(b.id),
      sequence: b.sequence,
      start: inZone(b.start, b.timezone),
      end: inZone(b.end, b.timezone),
      timezone: b.timezone,
      summary: b.title,
      location: b.location,
      description: b.description,
      stamp: now,
      lastModified: b.updatedAt,
      status: b.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return withTimezones(cal.toString(), [rep.timezone, ...bookings.map((b) => b.timezone)], now);
}

/**
 * Adds a VTIMEZONE for each zone the events use, before the first event. The zones are given per
 * event (not as the calendar's zone), so that DTSTAMP and LAST-MODIFIED stay in UTC as RFC 5545 asks.
 */
function withTimezones(text: string, zones: readonly string[], now: Date): string {
  const blocks = [...new Set(zones)].map((z) => `${vtimezone(z, now)}\r\n`).join('');
  const at = text.indexOf('BEGIN:VEVENT');
  const end = text.indexOf('END:VCALENDAR');
  const pos = at >= 0 ? at : end;
  return text.slice(0, pos) + blocks + text.slice(pos);
}

/**
 * The invitation of a booking, ready to send: METHOD:REQUEST while it stands (SEQUENCE counts its
 * changes, so clients replace the earlier one), CANCEL once cancelled; the organizer is who booked it,
 * the attendees (the field rep and the buyer) are asked to reply, so clients show Accept/Decline.
 */
export function invitation(b: CalendarBooking, organizer: Person, attendees: readonly Person[], now: Date): string {
  const cancelled = b.status === 'cancelled';
  const cal = ical({
    prodId: PRODID,
    method: cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  cal.createEvent({
    id: uid(b.id),
    sequence: b.sequence,
    start: inZone(b.start, b.timezone),
    end: inZone(b.end, b.timezone),
    timezone: b.timezone,
    summary: b.title,
    location: b.location,
    description: b.description,
    stamp: now,
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: { name: organizer.name, email: organizer.email },
    attendees: attendees.map((a) => ({
      name: a.name,
      email: a.email,
      role: ICalAttendeeRole.REQ,
      status: ICalAttendeeStatus.NEEDSACTION,
      rsvp: true,
    })),
  });
  return withTimezones(cal.toString(), [b.timezone], now);
}
