import { describe, expect, it } from 'vitest';
import { holidaysFromIcs, IcsHolidayError } from '../../src/domain/ics-holidays.ts';

const calendar = (...events: string[][]) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//test//EN',
    ...events.flatMap((e) => ['BEGIN:VEVENT', ...e, 'END:VEVENT']),
    'END:VCALENDAR',
  ].join('\r\n');
const window = { from: '2026-01-01', to: '2028-12-31', max: 100 };

describe('holidays from an .ics file', () => {
  it('reads all-day ranges to the day before DTEND, a date without DTEND as one day, and timed events by their written dates', () => {
    const ics = calendar(
      ['UID:a', 'DTSTART;VALUE=DATE:20261224', 'DTEND;VALUE=DATE:20261227', 'SUMMARY:Christmas break'],
      ['UID:b', 'DTSTART;VALUE=DATE:20260501', 'SUMMARY:Labour Day'],
      // 23:00–23:59 in New York on 31 December is already New Year in UTC: the date is the one written.
      [
        'UID:c',
        'DTSTART;TZID=America/New_York:20261231T230000',
        'DTEND;TZID=America/New_York:20261231T235900',
        'SUMMARY:Office party',
      ],
      // A timed event ending at midnight ends the day before.
      ['UID:d', 'DTSTART:20260703T000000Z', 'DTEND:20260704T000000Z', 'SUMMARY:Bridge day'],
    );
    expect(holidaysFromIcs(ics, window)).toEqual([
      { name: 'Labour Day', start: '2026-05-01', end: '2026-05-01', recurring: false },
      { name: 'Bridge day', start: '2026-07-03', end: '2026-07-03', recurring: false },
      { name: 'Christmas break', start: '2026-12-24', end: '2026-12-26', recurring: false },
      { name: 'Office party', start: '2026-12-31', end: '2026-12-31', recurring: false },
    ]);
  });

  it('keeps a fixed yearly date as one recurring holiday and gives other rules their dates within the window', () => {
    const ics = calendar(
      ['UID:a', 'DTSTART;VALUE=DATE:20201225', 'RRULE:FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=25', 'SUMMARY:Christmas Day'],
      ['UID:b', 'DTSTART;VALUE=DATE:20241128', 'RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=4TH', 'SUMMARY:Thanksgiving'],
      ['UID:c', 'DTSTART;VALUE=DATE:20260310', 'STATUS:CANCELLED', 'SUMMARY:Called off'],
    );
    expect(holidaysFromIcs(ics, window)).toEqual([
      { name: 'Christmas Day', start: '2020-12-25', end: '2020-12-25', recurring: true },
      { name: 'Thanksgiving', start: '2026-11-26', end: '2026-11-26', recurring: false },
      { name: 'Thanksgiving', start: '2027-11-25', end: '2027-11-25', recurring: false },
      { name: 'Thanksgiving', start: '2028-11-23', end: '2028-11-23', recurring: false },
    ]);
  });

  it('refuses text that is not a calendar, and more holidays than the limit', () => {
    expect(() => holidaysFromIcs('hello', window)).toThrow(IcsHolidayError);
    const daily = calendar(['UID:a', 'DTSTART;VALUE=DATE:20260101', 'RRULE:FREQ=DAILY', 'SUMMARY:Every day']);
    expect(() => holidaysFromIcs(daily, { ...window, max: 10 })).toThrow('has more than 10 holidays');
  });
});
