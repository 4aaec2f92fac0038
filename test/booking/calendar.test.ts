import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { calendarFeed, invitation, type CalendarBooking } from '../../src/modules/booking/calendar.ts';

const now = new Date('2026-03-27T10:00:00Z');
const booking: CalendarBooking = {
  id: '0b0b0b0b-0000-4000-8000-000000000001',
  title: 'Meeting with Lena Lead',
  location: 'Lead GmbH, Berlin',
  // Monday after the European change: 09:00 CEST
  start: new Date('2026-03-30T07:00:00Z'),
  end: new Date('2026-03-30T08:00:00Z'),
  timezone: 'Europe/Berlin',
  status: 'booked',
  sequence: 0,
  description: 'Booked by Ines Inside',
  updatedAt: now,
};
const organizer = { name: 'Ines Inside', email: 'ines@example.test' };
const attendees = [
  { name: 'Bea Berlin', email: 'bea@example.test' },
  { name: 'Lena Lead', email: 'lena@lead.example' },
];

/** Parses with ical.js, registering the file's own VTIMEZONEs so local times resolve through them. */
function parse(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text) as unknown[]);
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  return cal;
}

describe('calendar files', () => {
  it('invitation: METHOD:REQUEST, the booking’s time in the rep’s zone with its VTIMEZONE, attendees asked to reply', () => {
    const cal = parse(invitation(booking, organizer, attendees, now));
    expect(cal.getFirstPropertyValue('method')).toBe('REQUEST');
    const tz = cal.getFirstSubcomponent('vtimezone');
    expect(tz?.getFirstPropertyValue('tzid')).toBe('Europe/Berlin');
    // the 2026 changes are in it: 29 March 02:00 CET → CEST, 25 October 03:00 CEST → CET
    const daylight = tz?.getAllSubcomponents('daylight').map((d) => String(d.getFirstPropertyValue('dtstart')));
    expect(daylight).toContain('2026-03-29T02:00:00');
    const standard = tz?.getAllSubcomponents('standard').map((d) => String(d.getFirstPropertyValue('dtstart')));
    expect(standard).toContain('2026-10-25T03:00:00');

    const vevent = cal.getFirstSubcomponent('vevent');
    if (!vevent) throw new Error('no event');
    const event = new ICAL.Event(vevent);
    expect(event.uid).toBe(`${booking.id}@booking.pipewright`);
    expect(event.sequence).toBe(0);
    expect(event.startDate.zone?.tzid).toBe('Europe/Berlin');
    expect(event.startDate.toString()).toBe('2026-03-30T09:00:00');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-03-30T07:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-03-30T08:00:00.000Z');
    expect(String(vevent.getFirstPropertyValue('organizer'))).toBe('mailto:ines@example.test');
    const people = vevent.getAllProperties('attendee');
    expect(people.map((p) => String(p.getFirstValue()).toLowerCase())).toEqual([
      'mailto:bea@example.test',
      'mailto:lena@lead.example',
    ]);
    expect(people.map((p) => [p.getParameter('rsvp'), p.getParameter('partstat'), p.getParameter('role')])).toEqual([
      ['TRUE', 'NEEDS-ACTION', 'REQ-PARTICIPANT'],
      ['TRUE', 'NEEDS-ACTION', 'REQ-PARTICIPANT'],
    ]);
  });

  it('an update carries a higher SEQUENCE; a cancellation is METHOD:CANCEL with the same UID', () => {
    const moved = parse(
      invitation(
        { ...booking, sequence: 1, start: new Date('2026-03-31T07:00:00Z'), end: new Date('2026-03-31T08:00:00Z') },
        organizer,
        attendees,
        now,
      ),
    );
    const ev = new ICAL.Event(moved.getFirstSubcomponent('vevent') ?? undefined);
    expect([moved.getFirstPropertyValue('method'), ev.sequence, ev.startDate.toJSDate().toISOString()]).toEqual([
      'REQUEST',
      1,
      '2026-03-31T07:00:00.000Z',
    ]);
    const cancelled = parse(invitation({ ...booking, sequence: 2, status: 'cancelled' }, organizer, attendees, now));
    const c = cancelled.getFirstSubcomponent('vevent');
    expect([
      cancelled.getFirstPropertyValue('method'),
      c?.getFirstPropertyValue('status'),
      c?.getFirstPropertyValue('sequence'),
    ]).toEqual(['CANCEL', 'CANCELLED', 2]);
    expect(c?.getFirstPropertyValue('uid')).toBe(`${booking.id}@booking.pipewright`);
  });

  it('feed: a rep’s meetings in New York time across the American change round-trip to the same instants', () => {
    const ny = [
      {
        ...booking,
        id: '0b0b0b0b-0000-4000-8000-000000000002',
        timezone: 'America/New_York',
        start: new Date('2026-03-06T14:00:00Z'),
        end: new Date('2026-03-06T15:00:00Z'),
      },
      {
        ...booking,
        id: '0b0b0b0b-0000-4000-8000-000000000003',
        timezone: 'America/New_York',
        start: new Date('2026-03-09T13:00:00Z'),
        end: new Date('2026-03-09T14:00:00Z'),
        status: 'cancelled',
      },
    ];
    const cal = parse(calendarFeed({ name: 'Ned York', timezone: 'America/New_York' }, ny, now));
    expect(cal.getFirstPropertyValue('method')).toBe('PUBLISH');
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    // both at 09:00 local: EST (UTC-5) before 8 March, EDT (UTC-4) after
    expect(events.map((e) => [e.startDate.toString(), e.startDate.toJSDate().toISOString()])).toEqual([
      ['2026-03-06T09:00:00', '2026-03-06T14:00:00.000Z'],
      ['2026-03-09T09:00:00', '2026-03-09T13:00:00.000Z'],
    ]);
    expect(cal.getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('status'))).toEqual([
      'CONFIRMED',
      'CANCELLED',
    ]);
  });
});
