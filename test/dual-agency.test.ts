import { describe, expect, it } from 'vitest';
import { dealsByAgentSide } from '../src/analytics/agent-sides.ts';
import {
  agreementCovers,
  agreementInEffect,
  bothConsented,
  dualAgencyMatches,
  firmOf,
  forbiddenJurisdiction,
  sideOfRole,
  type SidedParty,
} from '../src/contract/dual-agency.ts';

// Acme Realty (a firm) employs Ann and Bob; Cy is independent; Dee works for Zenith.
const acme = { id: 'acme', firmId: null, jurisdiction: 'US-CA' };
const ann = { id: 'ann', firmId: 'acme', jurisdiction: 'US-CA' };
const bob = { id: 'bob', firmId: 'acme', jurisdiction: 'US-NV' };
const cy = { id: 'cy', firmId: null, jurisdiction: null };
const dee = { id: 'dee', firmId: 'zenith', jurisdiction: 'GB' };
const on = (party: SidedParty['party'], side: SidedParty['side']): SidedParty => ({ party, side });

describe('dual agency detection', () => {
  it('a person acts for their firm; a firm and an independent agent for themselves', () => {
    expect(firmOf(ann)).toBe('acme');
    expect(firmOf(acme)).toBe('acme');
    expect(firmOf(cy)).toBe('cy');
  });

  it('the same agent on the other side is a dual agency', () => {
    expect(dualAgencyMatches([on(cy, 'buyer')], on(cy, 'seller'))).toEqual([
      { otherPartyId: 'cy', basis: 'same_agent', firmId: null },
    ]);
  });

  it('two people of one firm on opposite sides, and the firm against its own person, are dual agency', () => {
    expect(dualAgencyMatches([on(ann, 'buyer')], on(bob, 'seller'))).toEqual([
      { otherPartyId: 'ann', basis: 'same_firm', firmId: 'acme' },
    ]);
    expect(dualAgencyMatches([on(ann, 'seller')], on(acme, 'buyer'))).toEqual([
      { otherPartyId: 'ann', basis: 'same_firm', firmId: 'acme' },
    ]);
  });

  it('the same side, or different firms, is not', () => {
    expect(dualAgencyMatches([on(ann, 'buyer')], on(bob, 'buyer'))).toEqual([]);
    expect(dualAgencyMatches([on(ann, 'buyer'), on(cy, 'seller')], on(dee, 'seller'))).toEqual([]);
  });

  it('names every agent on the other side that matches', () => {
    const existing = [on(ann, 'buyer'), on(acme, 'buyer'), on(dee, 'buyer'), on(cy, 'seller')];
    expect(dualAgencyMatches(existing, on(bob, 'seller')).map((m) => m.otherPartyId)).toEqual(['ann', 'acme']);
    expect(dualAgencyMatches(existing, on(cy, 'buyer'))).toEqual([
      { otherPartyId: 'cy', basis: 'same_agent', firmId: null },
    ]);
  });

  it('a forbidden country covers its regions; a region only itself', () => {
    expect(forbiddenJurisdiction(['US-CA'], ['US'])).toBe('US-CA');
    expect(forbiddenJurisdiction(['us-ca'], ['US-CA'])).toBe('US-CA');
    expect(forbiddenJurisdiction(['US-NV', null], ['US-CA'])).toBeNull();
    expect(forbiddenJurisdiction([null, 'GB'], ['FR', 'GB'])).toBe('GB');
  });

  it('consent needs both sides', () => {
    expect(bothConsented(['buyer'])).toBe(false);
    expect(bothConsented(['seller', 'buyer'])).toBe(true);
  });

  it('roles carry their side; a co-agent takes the one it is given', () => {
    expect(sideOfRole('buyer_agent', undefined)).toBe('buyer');
    expect(sideOfRole('seller_agent', 'buyer')).toBe('seller');
    expect(sideOfRole('co_agent', undefined)).toBeUndefined();
    expect(sideOfRole('co_agent', 'seller')).toBe('seller');
  });

  it('an agreement is in effect from its first day to its last, open-ended without one', () => {
    const a = { effectiveFrom: '2026-01-01', effectiveTo: '2026-06-30' };
    expect(agreementInEffect(a, '2025-12-31')).toBe(false);
    expect(agreementInEffect(a, '2026-01-01')).toBe(true);
    expect(agreementInEffect(a, '2026-06-30')).toBe(true);
    expect(agreementInEffect(a, '2026-07-01')).toBe(false);
    expect(agreementInEffect({ effectiveFrom: '2026-01-01', effectiveTo: null }, '2099-01-01')).toBe(true);
  });
});

describe('which agreements cover an agent', () => {
  it("covers a person by its own agreement or its firm's, and no one by another's", () => {
    expect(agreementCovers('ann', ann)).toBe(true);
    expect(agreementCovers('acme', ann)).toBe(true);
    expect(agreementCovers('acme', acme)).toBe(true);
    expect(agreementCovers('ann', acme)).toBe(false);
    expect(agreementCovers('zenith', ann)).toBe(false);
  });
});

describe('deals by agent side', () => {
  it('counts, win rate and exact amounts per side and currency', () => {
    // Buyer side: 2 won (1000.10 + 2000.20 USD), 1 lost (0.05 USD), 3 open (99.99 EUR).
    // Seller side: 1 open (10.00 USD), nothing closed.
    const report = dealsByAgentSide([
      { side: 'buyer', status: 'won', currency: 'USD', deals: 2, amount: '3000.30' },
      { side: 'buyer', status: 'lost', currency: 'USD', deals: 1, amount: '0.05' },
      { side: 'buyer', status: 'open', currency: 'EUR', deals: 3, amount: '99.99' },
      { side: 'seller', status: 'open', currency: 'USD', deals: 1, amount: '10.00' },
    ]);
    expect(report.rows).toEqual([
      {
        side: 'buyer',
        deals: 6,
        open: 3,
        won: 2,
        lost: 1,
        winRate: 2 / 3,
        amounts: [
          { currency: 'EUR', amount: '99.99' },
          { currency: 'USD', amount: '3000.35' },
        ],
      },
      {
        side: 'seller',
        deals: 1,
        open: 1,
        won: 0,
        lost: 0,
        winRate: null,
        amounts: [{ currency: 'USD', amount: '10.00' }],
      },
    ]);
  });
});
