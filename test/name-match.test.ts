import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bestNameMatch, matchName, nameSimilarity, trigrams } from '../src/contract/name-match.ts';

const stages = ['Qualify', 'Discovery', 'Proposal', 'Negotiation', 'Won', 'Lost'];
const best = (value: string) => bestNameMatch(value, stages, (s) => s);

describe('name matching for mapping suggestions', () => {
  it('computes trigram similarity as pg_trgm does (worked by hand)', () => {
    // "won": {"  w", " wo", "won", "on "}; "own": {"  o", " ow", "own", "wn "}: nothing shared.
    expect([...trigrams('won')]).toEqual(['  w', ' wo', 'won', 'on ']);
    expect(nameSimilarity('won', 'own')).toBe(0);
    // "proposal" (9 trigrams) and "proposals" (10): 8 shared → 8 / (9 + 10 − 8) = 8/11.
    expect(nameSimilarity('Proposal', 'proposals')).toBeCloseTo(8 / 11, 12);
  });

  it('suggests the same name, a name inside another, a similar spelling, or nothing, and says why', () => {
    expect(best('qualify')).toMatchObject({ candidate: 'Qualify', score: 1, why: 'the same name' });
    expect(best('Closed Won')).toMatchObject({ candidate: 'Won', score: 0.9, why: '"Closed Won" contains "Won"' });
    expect(best('Closed - Lost')).toMatchObject({ candidate: 'Lost', why: '"Closed - Lost" contains "Lost"' });
    expect(best('Negotiation/Review')?.candidate).toBe('Negotiation');
    expect(best('Propsal')).toMatchObject({ candidate: 'Proposal' });
    expect(best('Propsal')?.why).toMatch(/^similar spelling \(\d+% of letter groups shared\)$/);
    expect(best('Prospecting')).toBeNull();
    expect(best('')).toBeNull();
  });

  it('is symmetric, between 0 and 1, and 1 for names equal up to case, accents and punctuation', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const s = nameSimilarity(a, b);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(nameSimilarity(b, a)).toBe(s);
      }),
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,12}( [a-z]{1,12}){0,2}$/), (name) => {
        const upper = `${name.toUpperCase().replace(/ /g, ' - ')}!`;
        expect(matchName(upper, name, 0.35)?.score).toBe(1);
      }),
    );
    expect(matchName('Müller Bau', 'muller-bau', 0.35)?.score).toBe(1);
  });
});
