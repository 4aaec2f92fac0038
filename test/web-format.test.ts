import { afterEach, describe, expect, it } from 'vitest';
import { formatDate, formatDateTime as formatDateTimeRaw, formatMoney, setDisplayTimeZone } from '../web/src/format.ts';

// ICU versions differ in the space before AM/PM (narrow no-break or plain).
const formatDateTime = (v: string) => formatDateTimeRaw(v).replace(/\s/g, ' ');

afterEach(() => setDisplayTimeZone(undefined));

describe('one format for dates, times and money', () => {
  it("shows an instant's day and time in the organization's time zone", () => {
    setDisplayTimeZone('America/New_York');
    // 03:30 UTC on 1 April is still 31 March in New York.
    expect(formatDate('2026-04-01T03:30:00.000Z')).toBe('Mar 31, 2026');
    expect(formatDateTime('2026-04-01T03:30:00.000Z')).toBe('Mar 31, 2026, 11:30 PM');
    setDisplayTimeZone('Asia/Tokyo');
    expect(formatDateTime('2026-04-01T03:30:00.000Z')).toBe('Apr 1, 2026, 12:30 PM');
  });

  it('shows a business date as that calendar day in any time zone', () => {
    for (const tz of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC']) {
      setDisplayTimeZone(tz);
      expect(formatDate('2026-12-31')).toBe('Dec 31, 2026');
    }
    expect(formatDate(null)).toBe('—');
  });

  it('keeps the decimals of an amount', () => {
    expect(formatMoney('5', 'JPY')).toBe('JPY\u00a05');
    expect(formatMoney('1.5')).toBe('1.5');
  });
});
