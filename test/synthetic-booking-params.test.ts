import { describe, expect, it } from 'vitest';
import { defaultSyntheticParams, syntheticParamsSchema } from '../src/modules/synthetic/synthetic-params.ts';

const withBooking = (booking: Record<string, unknown>) =>
  syntheticParamsSchema.safeParse({
    ...defaultSyntheticParams,
    booking: { ...defaultSyntheticParams.booking, ...booking },
  });
const problems = (r: ReturnType<typeof withBooking>) =>
  r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

describe('booking parameters of the synthetic generator', () => {
  it('accepts the defaults: 0.45 × 0.9 × 0.8 = 0.324 held per connect covers the 0.1867 that convert', () => {
    expect(problems(withBooking({}))).toEqual([]);
  });

  it('refuses rates under which converting leads would outnumber held meetings, or more bookings than open connects', () => {
    // 0.2 × 0.9 × 0.8 = 0.144 < 0.7 × 0.1 / ((1 − 0.88^6) × 0.7) ≈ 0.1867
    expect(problems(withBooking({ setRate: 0.2 }))).toEqual([
      expect.stringMatching(/^booking\.setRate: × \(1 − cancellationRate\) × showRate is 0\.1440, below 0\.1867/),
    ]);
    // 30 % are disqualified on the call: at most 0.7 of connects can book.
    expect(problems(withBooking({ setRate: 0.8 }))).toEqual([
      expect.stringMatching(/^booking\.setRate: must be at most 0\.7000/),
    ]);
  });

  it('names a malformed field without the comparison throwing', () => {
    expect(problems(withBooking({ setRate: 'often', showRate: 2 }))).toEqual([
      expect.stringMatching(/^booking\.setRate: /),
      expect.stringMatching(/^booking\.showRate: /),
    ]);
  });
});
