import { describe, expect, it } from 'vitest';
import {
  detectDuplicateRegistrations,
  detectRegistrationHoarding,
  detectUnconsentedDualAgency,
  type AgentDealEvent,
  type RegistrationRecord,
} from '../../src/analytics/detectors-channel.ts';

const at = (s: string) => new Date(s);
const registration = (id: string, r: Partial<RegistrationRecord>): RegistrationRecord => ({
  id,
  partnerAccountId: 'p1',
  registeredBy: `user-of-${r.partnerAccountId ?? 'p1'}`,
  customerName: 'Acme',
  customerDomain: null,
  productIds: [],
  status: 'approved',
  registeredAt: at('2026-01-01T00:00:00Z'),
  decidedAt: null,
  protectedUntil: null,
  dealId: `deal-${id}`,
  dealOpen: true,
  eventIds: [`${id}-submitted`, `${id}-approved`],
  ...r,
});

describe('registration hoarding', () => {
  it('flags a registration approved 30 or more days ago whose open deal the partner has not worked since', () => {
    const approved = (id: string, decidedAt: string, r: Partial<RegistrationRecord> = {}) =>
      registration(id, { decidedAt: at(decidedAt), ...r });
    const found = detectRegistrationHoarding(
      [
        approved('r1', '2026-04-01T00:00:00Z'), // 61 days, untouched: medium
        approved('r2', '2026-02-01T00:00:00Z', { status: 'expired' }), // 120 days ≥ 3 × 30: high
        approved('r3', '2026-04-01T00:00:00Z'), // the partner logged a call on April 15th
        approved('r4', '2026-04-01T00:00:00Z'), // worked before approval only, and by another partner since
        approved('r5', '2026-05-10T00:00:00Z'), // 22 days: not yet
        approved('r6', '2026-04-01T00:00:00Z', { dealOpen: false }), // its deal is closed
        registration('r7', { status: 'pending' }),
      ],
      [
        { dealId: 'deal-r3', partnerAccountId: 'p1', at: at('2026-04-15T10:00:00Z') },
        { dealId: 'deal-r4', partnerAccountId: 'p1', at: at('2026-03-20T10:00:00Z') },
        { dealId: 'deal-r4', partnerAccountId: 'p2', at: at('2026-04-20T10:00:00Z') },
      ],
      at('2026-06-01T00:00:00Z'),
    );
    // April 1st to June 1st: 30 + 31 = 61 days; February 1st to June 1st: 28 + 31 + 30 + 31 = 120.
    expect(found.map((f) => [f.subjectType, f.subjectId, f.fingerprint, f.severity, f.score])).toEqual([
      ['deal_registration', 'r1', 'r1', 'medium', 61],
      ['deal_registration', 'r2', 'r2', 'high', 120],
      ['deal_registration', 'r4', 'r4', 'medium', 61],
    ]);
    expect(found[0]?.evidence).toEqual(['r1-submitted', 'r1-approved']);
    expect(found[0]?.personId).toBe('user-of-p1');
    expect(found[0]?.summary).toBe(
      'registration for Acme approved 61 days ago; the partner has recorded no work on its open deal since',
    );
  });
});

describe('duplicate registrations', () => {
  it('flags a registration of a customer that a pending or protected registration already covers', () => {
    const found = detectDuplicateRegistrations([
      // Approved and protected from March 2nd to May 31st.
      registration('a', {
        customerName: 'Acme, Inc.',
        customerDomain: 'acme.com',
        productIds: ['p-1'],
        registeredAt: at('2026-03-01T00:00:00Z'),
        decidedAt: at('2026-03-02T00:00:00Z'),
        protectedUntil: at('2026-05-31T00:00:00Z'),
      }),
      // The same partner again, the same name once normalised, a shared product: high. Rejected on May 3rd.
      registration('b', {
        customerName: 'ACME Incorporated',
        productIds: ['p-1', 'p-2'],
        registeredAt: at('2026-05-01T00:00:00Z'),
        status: 'rejected',
        decidedAt: at('2026-05-03T00:00:00Z'),
      }),
      // Another partner, the same domain, no products named: medium (b, rejected by then, no longer covers).
      registration('c', {
        partnerAccountId: 'p2',
        customerName: 'Acme Corp',
        customerDomain: 'https://www.acme.com/',
        registeredAt: at('2026-05-10T00:00:00Z'),
        decidedAt: at('2026-05-11T00:00:00Z'),
        protectedUntil: at('2026-05-20T00:00:00Z'),
      }),
      // Another customer.
      registration('d', { customerName: 'Globex', productIds: ['p-1'], registeredAt: at('2026-05-12T00:00:00Z') }),
      // After every window: a's ended May 31st, c's May 20th.
      registration('e', { customerName: 'Acme', productIds: ['p-1'], registeredAt: at('2026-06-05T00:00:00Z') }),
      // A pending registration of another customer's products: the products do not overlap with a's.
      registration('f', {
        partnerAccountId: 'p3',
        customerName: 'Acme',
        productIds: ['p-9'],
        registeredAt: at('2026-04-01T00:00:00Z'),
        status: 'pending',
      }),
    ]);
    expect(found.map((f) => [f.subjectType, f.subjectId, f.fingerprint, f.severity, f.personId, f.evidence])).toEqual([
      ['deal_registration', 'b', 'b', 'high', 'user-of-p1', ['b-submitted', 'a-submitted', 'a-approved']],
      ['deal_registration', 'c', 'c', 'medium', 'user-of-p2', ['c-submitted', 'a-submitted', 'a-approved']],
    ]);
    expect(found[0]?.summary).toBe(
      'ACME Incorporated registered again by the same partner while its registration of 2026-03-01 still covered it',
    );
  });
});

describe('dual agency without consent', () => {
  it('flags the same agent or firm on both sides without both written consents on record', () => {
    const parties = new Map([
      ['ann', { id: 'ann', firmId: 'firm', jurisdiction: null }],
      ['bob', { id: 'bob', firmId: 'firm', jurisdiction: null }],
      ['cy', { id: 'cy', firmId: null, jurisdiction: null }],
    ]);
    let n = 0;
    const assigned = (dealId: string, agentPartyId: string, side: 'buyer' | 'seller'): AgentDealEvent => ({
      kind: 'assigned',
      eventId: `e${++n}`,
      dealId,
      personId: 'rita',
      dealAgentId: `${dealId}-${agentPartyId}-${side}`,
      agentPartyId,
      side,
    });
    const consent = (dealId: string, side: 'buyer' | 'seller'): AgentDealEvent => ({
      kind: 'consent',
      eventId: `e${++n}`,
      dealId,
      side,
    });
    const found = detectUnconsentedDualAgency(
      [
        // d1: two agents of one firm, one on each side, no consent: e1, e2.
        assigned('d1', 'ann', 'buyer'),
        assigned('d1', 'bob', 'seller'),
        // d2: Cy on both sides after both consents (e3–e6).
        assigned('d2', 'cy', 'buyer'),
        consent('d2', 'buyer'),
        consent('d2', 'seller'),
        assigned('d2', 'cy', 'seller'),
        // d3: Cy on both sides with the seller's consent only (e7–e9).
        assigned('d3', 'cy', 'seller'),
        consent('d3', 'seller'),
        assigned('d3', 'cy', 'buyer'),
        // d4: Ann leaves the buyer side before Bob joins the seller side (e10–e12).
        assigned('d4', 'ann', 'buyer'),
        { kind: 'removed', eventId: `e${++n}`, dealId: 'd4', dealAgentId: 'd4-ann-buyer' },
        assigned('d4', 'bob', 'seller'),
        // d1 again: Bob's second role on the seller side is the firm's dual agency already found (e13);
        // Ann joining the seller side herself is the same agent on both sides (e14).
        assigned('d1', 'bob', 'seller'),
        assigned('d1', 'ann', 'seller'),
      ],
      parties,
    );
    expect(found.map((f) => [f.subjectType, f.subjectId, f.fingerprint, f.severity, f.evidence])).toEqual([
      ['deal', 'd1', 'd1:firm', 'high', ['e1', 'e2']],
      ['deal', 'd3', 'd3:cy', 'high', ['e7', 'e9']],
      ['deal', 'd1', 'd1:ann', 'high', ['e1', 'e14']],
    ]);
    expect(found[1]?.summary).toBe(
      "the same agent joined the buyer side while acting for the seller, without both parties' written consent on record",
    );
  });
});
