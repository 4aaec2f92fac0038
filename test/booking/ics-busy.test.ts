import { describe, expect, it } from 'vitest';
import { busyTimesFromIcs, IcsBusyError } from '../../src/domain/ics-busy.ts';

const cal = (...events: string[]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//busy//EN', ...events, 'END:VCALENDAR'].join('\r\n');
const event = (...lines: string[]) => ['BEGIN:VEVENT', 'DTSTAMP:20260301T000000Z', ...lines, 'END:VEVENT'].join('\r\n');

// Friday 27 March 2026: Berlin moves from CET (UTC+1) to CEST (UTC+2) on Sunday 29 March.
const window = {
  from: new Date('2026-03-27T00:00:00Z'),
  to: new Date('2026-04-10T00:00:00Z'),
  floatingZone: 'Europe/Berlin',
  max: 100,
};
const iso = (r: { start: Date; end: Date }) => [r.start.toISOString(), r.end.toISOString()];

describe('busy times from an .ics file', () => {
  it('reads UTC, IANA-zoned and floating times as instants (floating in the rep’s zone)', () => {
    const text = cal(
      event('UID:a', 'SUMMARY:Dentist', 'DTSTART:20260327T140000Z', 'DTEND:20260327T150000Z'),
      event(
        'UID:b',
        'SUMMARY:School run',
        'DTSTART;TZID=Europe/Berlin:20260330T080000',
        'DTEND;TZID=Europe/Berlin:20260330T083000',
      ),
      event('UID:c', 'DTSTART:20260327T120000', 'DTEND:20260327T130000'),
      event(
        'UID:d',
        'SUMMARY:Call with New York',
        'DTSTART;TZID=America/New_York:20260331T100000',
        'DTEND;TZID=America/New_York:20260331T110000',
      ),
    );
    const busy = busyTimesFromIcs(text, window);
    expect(busy.map(iso)).toEqual([
      ['2026-03-27T11:00:00.000Z', '2026-03-27T12:00:00.000Z'],
      ['2026-03-27T14:00:00.000Z', '2026-03-27T15:00:00.000Z'],
      // Monday after the change: 08:00 CEST is 06:00 UTC
      ['2026-03-30T06:00:00.000Z', '2026-03-30T06:30:00.000Z'],
      // New York is on EDT (UTC−4)
      ['2026-03-31T14:00:00.000Z', '2026-03-31T15:00:00.000Z'],
    ]);
    expect(busy.map((b) => b.summary)).toEqual([null, 'Dentist', 'School run', 'Call with New York']);
  });

  it('expands a weekly rule across the daylight-saving change at the same wall time, without EXDATEs, with moved occurrences', () => {
    const text = cal(
      event(
        'UID:weekly',
        'SUMMARY:Team call',
        'DTSTART;TZID=Europe/Berlin:20260327T090000',
        'DTEND;TZID=Europe/Berlin:20260327T100000',
        'RRULE:FREQ=WEEKLY;COUNT=4',
        'EXDATE;TZID=Europe/Berlin:20260410T090000',
      ),
      event(
        'UID:weekly',
        'SUMMARY:Team call (moved)',
        'RECURRENCE-ID;TZID=Europe/Berlin:20260403T090000',
        'DTSTART;TZID=Europe/Berlin:20260403T150000',
        'DTEND;TZID=Europe/Berlin:20260403T160000',
      ),
    );
    const busy = busyTimesFromIcs(text, { ...window, to: new Date('2026-04-30T00:00:00Z') });
    expect(busy.map(iso)).toEqual([
      ['2026-03-27T08:00:00.000Z', '2026-03-27T09:00:00.000Z'],
      ['2026-04-03T13:00:00.000Z', '2026-04-03T14:00:00.000Z'],
      ['2026-04-17T07:00:00.000Z', '2026-04-17T08:00:00.000Z'],
    ]);
    expect(busy.map((b) => b.summary)).toEqual(['Team call', 'Team call (moved)', 'Team call']);
  });

  it('leaves out free and cancelled events, those over before the window and the same range twice', () => {
    const text = cal(
      event('UID:free', 'TRANSP:TRANSPARENT', 'DTSTART:20260328T100000Z', 'DTEND:20260328T110000Z'),
      event('UID:gone', 'STATUS:CANCELLED', 'DTSTART:20260328T100000Z', 'DTEND:20260328T110000Z'),
      event('UID:past', 'DTSTART:20260320T100000Z', 'DTEND:20260320T110000Z'),
      event('UID:one', 'DTSTART:20260401T100000Z', 'DTEND:20260401T110000Z'),
      event('UID:two', 'DTSTART:20260401T100000Z', 'DTEND:20260401T110000Z'),
    );
    expect(busyTimesFromIcs(text, window).map(iso)).toEqual([['2026-04-01T10:00:00.000Z', '2026-04-01T11:00:00.000Z']]);
  });

  it('takes an all-day event as the rep’s whole local day, and a TZID defined only in the file through its VTIMEZONE', () => {
    const text = cal(
      [
        'BEGIN:VTIMEZONE',
        'TZID:W. Europe Standard Time',
        'BEGIN:STANDARD',
        'DTSTART:16011028T030000',
        'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10',
        'TZOFFSETFROM:+0200',
        'TZOFFSETTO:+0100',
        'END:STANDARD',
        'BEGIN:DAYLIGHT',
        'DTSTART:16010325T020000',
        'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3',
        'TZOFFSETFROM:+0100',
        'TZOFFSETTO:+0200',
        'END:DAYLIGHT',
        'END:VTIMEZONE',
      ].join('\r\n'),
      event('UID:holiday', 'DTSTART;VALUE=DATE:20260406', 'DTEND;VALUE=DATE:20260407'),
      event(
        'UID:win',
        'DTSTART;TZID=W. Europe Standard Time:20260401T100000',
        'DTEND;TZID=W. Europe Standard Time:20260401T110000',
      ),
    );
    expect(busyTimesFromIcs(text, window).map(iso)).toEqual([
      ['2026-04-01T08:00:00.000Z', '2026-04-01T09:00:00.000Z'],
      ['2026-04-05T22:00:00.000Z', '2026-04-06T22:00:00.000Z'],
    ]);
  });

  it('refuses what is not a calendar, an unknown zone, and more busy times than the limit', () => {
    expect(() => busyTimesFromIcs('hello', window)).toThrow(IcsBusyError);
    expect(() =>
      busyTimesFromIcs(
        cal(event('UID:x', 'DTSTART;TZID=Mars/Olympus:20260401T100000', 'DTEND;TZID=Mars/Olympus:20260401T110000')),
        window,
      ),
    ).toThrow(/Mars\/Olympus/);
    const daily = cal(event('UID:d', 'DTSTART:20260327T100000Z', 'DTEND:20260327T110000Z', 'RRULE:FREQ=DAILY'));
    expect(() => busyTimesFromIcs(daily, { ...window, max: 5 })).toThrow(/more than 5/);
    expect(busyTimesFromIcs(daily, window)).toHaveLength(14);
  });
});
