import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { choosePartner, hasCapacity, type DistributionCandidate } from '../src/domain/lead-distribution.ts';

const c = (over: Partial<DistributionCandidate> & { accountId: string }): DistributionCandidate => ({
  name: over.accountId,
  tierName: null,
  tierRank: null,
  leadCapacity: null,
  openLeads: 0,
  offeredBefore: false,
  ...over,
});

describe('lead distribution rule', () => {
  it('takes the highest tier with room, then the fewest open leads, then the name', () => {
    const gold = c({ accountId: 'g', name: 'Gold Co', tierName: 'Gold', tierRank: 3, leadCapacity: 2, openLeads: 2 });
    const silverBusy = c({ accountId: 's1', name: 'Aardvark', tierName: 'Silver', tierRank: 2, openLeads: 5 });
    const silverIdle = c({ accountId: 's2', name: 'Zebra', tierName: 'Silver', tierRank: 2, openLeads: 1 });
    const none = c({ accountId: 'n', name: 'No Tier', openLeads: 0 });
    expect(choosePartner([none, silverBusy, gold, silverIdle])).toEqual({
      accountId: 's2',
      detail: 'tier Silver, 1 open leads, of 3 partners with room',
    });
    expect(choosePartner([none, { ...silverIdle, offeredBefore: true }, silverBusy])?.accountId).toBe('s1');
    expect(choosePartner([none])).toEqual({ accountId: 'n', detail: 'no tier, 0 open leads, of 1 partners with room' });
    expect(choosePartner([gold, { ...none, offeredBefore: true }])).toBeNull();
  });

  it('never picks a partner that is full or had the lead, and picks one whenever one qualifies', () => {
    const candidate = fc.record({
      accountId: fc.uuid(),
      name: fc.string(),
      tierName: fc.constant(null),
      tierRank: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
      leadCapacity: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
      openLeads: fc.integer({ min: 0, max: 6 }),
      offeredBefore: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 8 }), (cs) => {
        const chosen = choosePartner(cs);
        const eligible = cs.filter((x) => !x.offeredBefore && hasCapacity(x));
        if (eligible.length === 0) return chosen === null;
        const pick = cs.find((x) => x.accountId === chosen?.accountId && !x.offeredBefore && hasCapacity(x));
        if (!pick) return false;
        const best = Math.max(...eligible.map((x) => x.tierRank ?? Number.NEGATIVE_INFINITY));
        return (pick.tierRank ?? Number.NEGATIVE_INFINITY) === best;
      }),
    );
  });
});
