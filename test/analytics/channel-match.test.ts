import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchParties, normaliseDomain, normaliseName, suggestWinner } from '../../src/analytics/channel-match.ts';
import { trigramSimilarity } from '../../src/contract/name-match.ts';

const party = (customerName: string, customerDomain: string | null = null, productIds: string[] = []) => ({
  customerName,
  customerDomain,
  productIds,
});

describe('normalising customers', () => {
  it('drops case, accents, punctuation and legal forms', () => {
    expect(normaliseName('ACME, Inc.')).toBe('acme');
    expect(normaliseName('Acme Incorporated')).toBe('acme');
    expect(normaliseName('Müller & Söhne GmbH')).toBe('muller sohne');
    expect(normaliseName('The Company')).toBe('the company');
    expect(normaliseDomain('https://www.Acme.com/about')).toBe('acme.com');
    expect(normaliseDomain('')).toBeNull();
  });

  it('computes trigram similarity as pg_trgm does', () => {
    // "acme": {"  a"," ac","acm","cme","me "}; "acne": {"  a"," ac","acn","cne","ne "}: 2 shared of 8
    expect(trigramSimilarity('acme', 'acne')).toBeCloseTo(2 / 8, 10);
    expect(trigramSimilarity('acme', 'acme')).toBe(1);
    expect(trigramSimilarity('', '')).toBe(0);
  });
});

describe('matching parties', () => {
  it('says why: domain, normalised name, products', () => {
    expect(
      matchParties(party('ACME, Inc.', 'acme.com', ['p1']), party('Acme Corp', 'www.acme.com', ['p1', 'p2'])),
    ).toEqual([
      { kind: 'domain', detail: 'same domain acme.com' },
      { kind: 'name', detail: 'same name once normalised: "acme"' },
      { kind: 'products', detail: '1 product(s) in common' },
    ]);
  });

  it('matches similar names by trigrams, and not when the products are disjoint', () => {
    const r = matchParties(party('Globex Industries'), party('Globex Industries International'));
    expect(r?.[0]?.kind).toBe('similar_name');
    expect(matchParties(party('Acme', null, ['p1']), party('Acme', null, ['p2']))).toBeNull();
    expect(matchParties(party('Acme'), party('Initech'))).toBeNull();
  });

  const word = (letters: string) =>
    fc
      .string({ unit: fc.constantFrom(...letters.split('')), minLength: 4, maxLength: 10 })
      // a word that is itself a legal form ("corp") is not a customer's name
      .filter((w) => normaliseName(`${w} inc`) === w);
  const legal = fc.constantFrom('', ' Inc.', ', LLC', ' GmbH', ' Ltd', ' Corporation', ' S.A.');

  it('still matches a re-cased or renamed (legal form, punctuation) customer', () => {
    fc.assert(
      fc.property(
        fc.array(word('abcdefghijklmnopqrstuvwxyz'), { minLength: 1, maxLength: 3 }),
        legal,
        legal,
        (ws, l1, l2) => {
          const name = ws.join(' ');
          const recased = name
            .split('')
            .map((c, i) => (i % 2 ? c.toUpperCase() : c))
            .join('');
          const reasons = matchParties(party(`${name}${l1}`), party(`${recased.toUpperCase()}${l2}`));
          expect(reasons?.map((r) => r.kind)).toContain('name');
        },
      ),
    );
  });

  it('does not match an unrelated customer (no trigram in common)', () => {
    fc.assert(
      fc.property(word('abcdefghijklm'), word('nopqrstuvwxyz'), legal, (a, b, l) => {
        expect(matchParties(party(`${a}${l}`, `${a}.com`), party(`${b}${l}`, `${b}.com`))).toBeNull();
      }),
    );
  });
});

describe('conflict policy', () => {
  const t = (iso: string) => new Date(iso);
  it('first to register favours the earlier party; evidence based the one with more recorded work', () => {
    const early = { since: t('2026-01-01T00:00:00Z'), earlierEvents: 1 };
    const late = { since: t('2026-01-05T00:00:00Z'), earlierEvents: 4 };
    expect(suggestWinner('first_to_register', early, late)).toBe('subject');
    expect(suggestWinner('first_to_register', late, early)).toBe('match');
    expect(suggestWinner('first_to_register', early, early)).toBe('undecided');
    expect(suggestWinner('evidence_based', early, late)).toBe('match');
    expect(suggestWinner('evidence_based', { ...late, earlierEvents: 1 }, early)).toBe('match');
  });
});
