import { describe, expect, it } from 'vitest';
import {
  candidateEnd,
  outcomeAt,
  protectionWhatIf,
  type WhatIfRegistration,
} from '../../src/analytics/protection-whatif.ts';

const at = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const now = at('2026-06-01');

const reg = (
  r: Partial<WhatIfRegistration> & Pick<WhatIfRegistration, 'tierId' | 'approvedAt' | 'protectedUntil'>,
) => ({
  registeredAt: at('2025-12-20'),
  extendedDays: 0,
  deal: { status: 'open' as const, closedAt: null, amount: null, currency: 'USD' },
  matchStarts: [],
  ...r,
});

// Gold (60 days now, candidate 30) and Silver (30 days now, candidate 90); one partner without a
// tier, not named, is left out.
const registrations: WhatIfRegistration[] = [
  // G1: won 15 Feb inside 60 days (to 2 Mar); 30 days end 31 Jan, so it would have expired first
  reg({
    tierId: 'gold',
    approvedAt: at('2026-01-01'),
    protectedUntil: at('2026-03-02'),
    deal: { status: 'won', closedAt: at('2026-02-15'), amount: '1000.00', currency: 'USD' },
  }),
  // G2: deal still open, expired 2 Mar either way; a party on 10 Feb fell inside 60 days but not
  // 30 (that conflict vanishes); one on 20 Jan is inside both
  reg({
    tierId: 'gold',
    approvedAt: at('2026-01-01'),
    protectedUntil: at('2026-03-02'),
    matchStarts: [at('2026-02-10'), at('2026-01-20')],
  }),
  // G3: extended by 10 days (to 12 Mar); lost on 5 Feb, inside 30 + 10 days (to 10 Feb) as well
  reg({
    tierId: 'gold',
    approvedAt: at('2026-01-01'),
    protectedUntil: at('2026-03-12'),
    extendedDays: 10,
    deal: { status: 'lost', closedAt: at('2026-02-05'), amount: '700.00', currency: 'USD' },
  }),
  // S1: won 20 Mar after its 30 days (to 3 Mar): it expired; 90 days (to 2 May) would have covered
  // it; a party on 1 Apr would have conflicted; one on 1 Jul has not happened yet
  reg({
    tierId: 'silver',
    registeredAt: at('2026-01-25'),
    approvedAt: at('2026-02-01'),
    protectedUntil: at('2026-03-03'),
    deal: { status: 'won', closedAt: at('2026-03-20'), amount: '500.50', currency: 'EUR' },
    matchStarts: [at('2026-04-01'), at('2026-07-01')],
  }),
  // S2: open; its 30 days ended 31 May (expired), 90 days would still run: neither closed
  reg({ tierId: 'silver', approvedAt: at('2026-05-01'), protectedUntil: at('2026-05-31') }),
  // no tier, not named
  reg({
    tierId: null,
    approvedAt: at('2026-01-01'),
    protectedUntil: at('2026-04-01'),
    deal: { status: 'won', closedAt: at('2026-03-01'), amount: '9.99', currency: 'USD' },
  }),
];

describe('protection-window what-if (hand-computed)', () => {
  it('says what a window does to one deal', () => {
    const won = { status: 'won' as const, closedAt: at('2026-02-15'), amount: '1.00', currency: 'USD' };
    expect(outcomeAt(won, at('2026-03-02'), now)).toBe('closed');
    expect(outcomeAt(won, at('2026-02-15'), now)).toBe('expired');
    expect(outcomeAt({ ...won, status: 'open', closedAt: null }, at('2026-07-01'), now)).toBe('running');
    expect(candidateEnd({ approvedAt: at('2026-01-01'), extendedDays: 10 }, 30).toISOString()).toBe(
      '2026-02-10T00:00:00.000Z',
    );
  });

  it('counts per tier and overall', () => {
    const r = protectionWhatIf(
      registrations,
      [
        { tierId: 'gold', tierName: 'Gold', currentDays: 60, candidateDays: 30 },
        { tierId: 'silver', tierName: 'Silver', currentDays: 30, candidateDays: 90 },
      ],
      now,
    );
    expect(r.byTier).toEqual([
      {
        tierId: 'gold',
        tierName: 'Gold',
        currentDays: 60,
        candidateDays: 30,
        registrations: 3,
        expiredInsteadOfClosed: 1,
        closedInsteadOfExpired: 0,
        revenueLosingProtection: [{ currency: 'USD', amount: '1000.00' }],
        revenueGainingProtection: [],
        conflictsArising: 0,
        conflictsVanishing: 1,
      },
      {
        tierId: 'silver',
        tierName: 'Silver',
        currentDays: 30,
        candidateDays: 90,
        registrations: 2,
        expiredInsteadOfClosed: 0,
        closedInsteadOfExpired: 1,
        revenueLosingProtection: [],
        revenueGainingProtection: [{ currency: 'EUR', amount: '500.50' }],
        conflictsArising: 1,
        conflictsVanishing: 0,
      },
    ]);
    expect(r.overall).toEqual({
      registrations: 5,
      expiredInsteadOfClosed: 1,
      closedInsteadOfExpired: 1,
      revenueLosingProtection: [{ currency: 'USD', amount: '1000.00' }],
      revenueGainingProtection: [{ currency: 'EUR', amount: '500.50' }],
      conflictsArising: 1,
      conflictsVanishing: 1,
    });
  });

  it('changes nothing when the candidate is the window each had', () => {
    const r = protectionWhatIf(
      registrations,
      [{ tierId: null, tierName: null, currentDays: 90, candidateDays: 90 }],
      now,
    );
    expect(r.overall).toMatchObject({
      registrations: 1,
      expiredInsteadOfClosed: 0,
      closedInsteadOfExpired: 0,
      revenueLosingProtection: [],
      conflictsArising: 0,
    });
  });
});
