import { describe, expect, it } from 'vitest';
import { proposeMapping, convertRow } from '../src/domain/import-rows.ts';
import { parseDateOnly, parseDateTime, parseDomain, parseMoney } from '../src/domain/import-values.ts';

const value = <T>(r: { ok: true; value: T } | { ok: false; reason: string }) => (r.ok ? r.value : r.reason);

describe('import values', () => {
  it('reads dates in the common written forms', () => {
    expect(
      ['2025-03-04', '2025/3/4', '03/04/2025', '04.03.2025', '4 Mar 2025', 'March 4, 2025', '2025-03-04T23:59:00Z'].map(
        (s) => value(parseDateOnly(s)),
      ),
    ).toEqual(Array(7).fill('2025-03-04'));
    expect(value(parseDateOnly('03/04/2025', 'dmy'))).toBe('2025-04-03');
    expect(value(parseDateOnly('2025-02-30'))).toMatch(/^"2025-02-30" is not a date/);
    expect(value(parseDateTime('2025-03-04 2:30 PM'))).toEqual(new Date('2025-03-04T14:30:00Z'));
    expect(value(parseDateTime('2025-03-04T10:00:00+02:00'))).toEqual(new Date('2025-03-04T08:00:00Z'));
    expect(value(parseDateTime('2025-03-04 25:00'))).toMatch(/not a valid time/);
  });

  it('reads amounts with signs, codes and either decimal mark, exactly', () => {
    const cases: [string, string, string | null][] = [
      ['1250', '1250.00', null],
      ['$1,250.5', '1250.50', 'USD'],
      ['1.250,00 €', '1250.00', 'EUR'],
      ['EUR 1 250,75', '1250.75', 'EUR'],
      ['12,5', '12.50', null],
      ['1,234,567.89', '1234567.89', null],
      ['(12.00)', '-12.00', null],
      ['0.10', '0.10', null],
    ];
    for (const [raw, amount, currency] of cases) expect(value(parseMoney(raw)), raw).toEqual({ amount, currency });
    // One separator followed by three digits is ambiguous (12.345 or 12,345): refused, not guessed.
    expect(value(parseMoney('12.345'))).toMatch(/more than 2 decimals/);
    expect(value(parseMoney('1.2345,6'))).toMatch(/not an amount/);
    expect(value(parseMoney('1.234.567'))).toEqual({ amount: '1234567.00', currency: null });
    expect(value(parseMoney('0.125'))).toMatch(/more than 2 decimals/);
    expect(value(parseMoney('twelve'))).toMatch(/not an amount/);
  });

  it('reads domains from web addresses', () => {
    expect(value(parseDomain('https://www.Acme.com/about?x=1'))).toBe('acme.com');
    expect(value(parseDomain('not a domain'))).toMatch(/not a web domain/);
  });

  it('maps columns by --map, then preset, then name, and names what cannot be mapped', () => {
    const m = proposeMapping('deals', ['Opportunity Name', 'Stage', 'Weird', 'Amount'], {
      preset: 'salesforce',
      map: { Weird: 'source' },
    });
    expect(m.columns.map((c) => [c.header, c.field, c.via])).toEqual([
      ['Opportunity Name', 'name', 'preset'],
      ['Stage', 'stage', 'preset'],
      ['Weird', 'source', 'map'],
      ['Amount', 'amount', 'preset'],
    ]);
    expect(m.problems).toEqual([]);
    expect(proposeMapping('deals', ['Amount'], { map: { Nope: 'name', Amount: 'price' } }).problems).toEqual([
      '--map names the column "Nope", which the file does not have (its columns are: Amount)',
      expect.stringMatching(/^--map "Amount=price": deals have no field "price" \(fields: externalId, name, /),
      'no column for the required field "name" (name one with --map "Column=name")',
    ]);
  });

  it('names every bad cell of a row and applies the rules that span fields', () => {
    const { columns } = proposeMapping('activities', ['Type', 'Date', 'Duration', 'Account']);
    expect(convertRow('activities', columns, ['meeting', '2025-13-01', '-5', '']).problems).toEqual([
      'Date: "2025-13-01" is not a date (use YYYY-MM-DD, MM/DD/YYYY (or DD/MM/YYYY with --date-order dmy), DD.MM.YYYY, 5 Mar 2025 or an ISO date-time)',
      'Duration: -5 is outside 0..10000000',
      'start (or occurredAt) is required for a meeting',
      'an activity needs at least one of deal, contact, account, lead',
    ]);
    const contacts = proposeMapping('contacts', ['Full Name', 'Email']);
    const row = convertRow('contacts', contacts.columns, [
      'Ada King Lovelace',
      'ada@example.test; ADA@example.test, a.l@example.test',
    ]);
    expect(Object.fromEntries(row.values)).toMatchObject({
      firstName: 'Ada King',
      lastName: 'Lovelace',
      emails: ['ada@example.test', 'a.l@example.test'],
    });
  });

  it('reads a choice through an alias only where the alias names one of the choices of that field', () => {
    // "Closed Won" is a deal status; a lead status column holding it is a bad cell, not the lead status "won".
    const leads = proposeMapping('leads', ['Last Name', 'Status']);
    expect(convertRow('leads', leads.columns, ['Lovelace', 'Closed Won']).problems).toEqual([
      'Status: "Closed Won" is not one of new, working, qualified, disqualified',
    ]);
    expect(Object.fromEntries(convertRow('leads', leads.columns, ['Lovelace', 'Contacted']).values)).toMatchObject({
      status: 'working',
    });
    const touches = proposeMapping('touches', ['Email', 'Campaign', 'Member Status']);
    expect(
      Object.fromEntries(convertRow('touches', touches.columns, ['a@example.test', 'Expo', 'Registered']).values),
    ).toMatchObject({ status: 'responded' });
  });
});
