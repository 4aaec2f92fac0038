import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fairnessLedger } from '../../src/analytics/fairness.ts';
import { pickFromPool, type PoolAlgorithm, type PoolCandidate } from '../../src/domain/pools.ts';
import { routeByRules } from '../../src/domain/routing.ts';

const rep = (repId: string, extra: Partial<PoolCandidate> = {}): PoolCandidate => ({
  repId,
  name: repId,
  weight: 1,
  balance: 0,
  today: 0,
  thisWeek: 0,
  capPerDay: null,
  capPerWeek: null,
  skills: [],
  unavailable: null,
  ...extra,
});
const pool = (algorithm: PoolAlgorithm, requiredSkill: string | null = null) => ({
  name: 'West',
  algorithm,
  requiredSkill,
});

describe('picking from a pool', () => {
  it('count-based takes the fewest and says by how many', () => {
    const pick = pickFromPool(pool('count_based'), [
      rep('Eli', { balance: 5 }),
      rep('Dana', { balance: 2 }),
      rep('Finn', { balance: 7 }),
    ]);
    expect(pick).toEqual({
      repId: 'Dana',
      reasons: ['pool West (fewest assignments): Dana had 3 fewer this period than Eli (2 vs 5)'],
    });
  });

  it('skips out of office, missing skill and reached caps, each with its reason', () => {
    const pick = pickFromPool(pool('weighted_round_robin', 'German'), [
      rep('A', { unavailable: 'out of office' }),
      rep('B', { skills: ['french'] }),
      rep('C', { skills: ['german'], capPerDay: 2, today: 2 }),
      rep('D', { skills: ['German'], capPerWeek: 5, thisWeek: 5 }),
      rep('E', { skills: ['German'], balance: 9, weight: 3 }),
    ]);
    expect(pick).toEqual({
      repId: 'E',
      reasons: [
        'A skipped: out of office',
        'B skipped: lacks the skill German',
        'C skipped: daily cap of 2 reached',
        'D skipped: weekly cap of 5 reached',
        'pool West (weighted round robin): E had 9 for weight 3, the fewest per weight',
      ],
    });
    expect(pickFromPool(pool('count_based'), [rep('A', { weight: 0 })])).toEqual({
      repId: null,
      reasons: ['no member of pool West can take it'],
    });
  });

  it('names a few skipped members and runners-up and counts the rest, so a large pool gives a short reason', () => {
    const members = [
      ...Array.from({ length: 9 }, (_, i) => rep(`Away${i}`, { unavailable: 'out of office' })),
      ...Array.from({ length: 3 }, (_, i) => rep(`Full${i}`, { capPerDay: 1, today: 1 })),
      ...Array.from({ length: 48 }, (_, i) => rep(`Rep${i}`, { balance: 50 - i })),
    ];
    const pick = pickFromPool(pool('weighted_round_robin'), members);
    expect(pick).toEqual({
      repId: 'Rep47',
      reasons: [
        'Away0 skipped: out of office',
        'Away1 skipped: out of office',
        'Away2 skipped: out of office',
        'Away3 skipped: out of office',
        'Away4 skipped: out of office',
        '7 more skipped: out of office 4, daily cap of 1 reached 3',
        'pool West (weighted round robin): Rep47 had 3 for weight 1, the fewest per weight; ' +
          'Rep46 4/1, Rep45 5/1, Rep44 6/1, Rep43 7/1, Rep42 8/1 and 42 more',
      ],
    });
  });

  const member = fc.record({
    weight: fc.integer({ min: 0, max: 5 }),
    capPerDay: fc.option(fc.integer({ min: 0, max: 6 })),
    capPerWeek: fc.option(fc.integer({ min: 0, max: 20 })),
    away: fc.boolean(),
    skilled: fc.boolean(),
    balance: fc.integer({ min: 0, max: 30 }),
  });

  it('never exceeds a cap, never picks someone away or unskilled, count-based takes the fewest (property)', () => {
    fc.assert(
      fc.property(
        fc.array(member, { minLength: 1, maxLength: 6 }),
        fc.constantFrom<PoolAlgorithm>('weighted_round_robin', 'count_based'),
        fc.integer({ min: 1, max: 40 }),
        (members, algorithm, n) => {
          const cands = members.map((m, i) =>
            rep(`r${i}`, {
              weight: m.weight,
              capPerDay: m.capPerDay,
              capPerWeek: m.capPerWeek,
              unavailable: m.away ? 'out of office' : null,
              skills: m.skilled ? ['german'] : [],
              balance: m.balance,
            }),
          );
          for (let k = 0; k < n; k++) {
            const pick = pickFromPool(pool(algorithm, 'german'), cands);
            const i = cands.findIndex((c) => c.repId === pick.repId);
            const c = cands[i];
            if (!c) {
              // nobody was free: every member is excluded for a reason
              expect(
                cands.every(
                  (x) =>
                    x.unavailable ||
                    x.weight === 0 ||
                    !x.skills.length ||
                    (x.capPerDay !== null && x.today >= x.capPerDay) ||
                    (x.capPerWeek !== null && x.thisWeek >= x.capPerWeek),
                ),
              ).toBe(true);
              return;
            }
            expect(c.unavailable).toBeNull();
            expect(c.skills).toEqual(['german']);
            if (c.capPerDay !== null) expect(c.today).toBeLessThan(c.capPerDay);
            if (c.capPerWeek !== null) expect(c.thisWeek).toBeLessThan(c.capPerWeek);
            if (algorithm === 'count_based') {
              const open = cands.filter(
                (x) =>
                  !x.unavailable &&
                  x.weight > 0 &&
                  x.skills.length &&
                  (x.capPerDay === null || x.today < x.capPerDay) &&
                  (x.capPerWeek === null || x.thisWeek < x.capPerWeek),
              );
              expect(c.balance).toBe(Math.min(...open.map((x) => x.balance)));
            }
            cands[i] = { ...c, balance: c.balance + 1, today: c.today + 1, thisWeek: c.thisWeek + 1 };
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('weighted round robin respects the weights over many assignments (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 8 }),
        (weights, rounds) => {
          const cands = weights.map((w, i) => rep(`r${i}`, { weight: w }));
          const total = weights.reduce((s, w) => s + w, 0);
          for (let k = 0; k < total * rounds; k++) {
            const pick = pickFromPool(pool('weighted_round_robin'), cands);
            const i = cands.findIndex((c) => c.repId === pick.repId);
            const c = cands[i];
            if (!c) throw new Error('nobody picked');
            cands[i] = { ...c, balance: c.balance + 1 };
          }
          expect(cands.map((c) => c.balance)).toEqual(weights.map((w) => w * rounds));
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('the fairness ledger', () => {
  it('hand-computed: assignments − no-shows − cancellations, pro-rated for a rep who joined mid-period', () => {
    const from = new Date('2026-03-01T00:00:00Z');
    const to = new Date('2026-03-31T00:00:00Z'); // 30 days
    const at = (d: number) => new Date(from.getTime() + d * 86_400_000);
    const ledger = fairnessLedger(
      [
        { repId: 'ann', joinedAt: null },
        { repId: 'ben', joinedAt: at(20) }, // 10 days present
      ],
      [
        { repId: 'ann', at: at(1), outcome: 'held' },
        { repId: 'ann', at: at(2), outcome: 'no_show' },
        { repId: 'ann', at: at(3), outcome: 'open' },
        { repId: 'ann', at: at(4), outcome: 'cancelled' },
        { repId: 'ann', at: at(5), outcome: 'held' },
        { repId: 'ann', at: at(30), outcome: 'held' }, // after the period
        { repId: 'ben', at: at(21), outcome: 'held' },
        { repId: 'gone', at: at(2), outcome: 'held' }, // no longer a member
      ],
      from,
      to,
    );
    // ann: 5 − 1 − 1 = 3 over 30 days → 3; ben: 1 over 10 of 30 days → 3
    expect(ledger).toEqual({
      periodDays: 30,
      spread: 0,
      rows: [
        { repId: 'ann', assignments: 5, noShows: 1, cancellations: 1, net: 3, daysPresent: 30, balance: 3 },
        { repId: 'ben', assignments: 1, noShows: 0, cancellations: 0, net: 1, daysPresent: 10, balance: 3 },
      ],
    });
  });
});

describe('ordered routing rules', () => {
  const step = (name: string, cands: PoolCandidate[]) => ({
    poolId: name,
    spec: { name, algorithm: 'count_based' as const, requiredSkill: null },
    candidates: cands,
  });
  it('account owner, then the territory pool, then the fallback pool', () => {
    const territory = {
      id: 'dach',
      name: 'DACH',
      reasons: ['territory DACH: 1 matching criterion'],
      pool: step('West', [rep('Dana', { balance: 1 }), rep('Eli', { balance: 4 })]),
    };
    expect(routeByRules({ owner: { repId: 'o', name: 'Olga', unavailable: null }, territory, fallback: null })).toEqual(
      {
        repId: 'o',
        rule: 'account_owner',
        territoryId: 'dach',
        poolId: null,
        reasons: ['Olga owns the account'],
      },
    );
    expect(
      routeByRules({ owner: { repId: 'o', name: 'Olga', unavailable: 'out of office' }, territory, fallback: null }),
    ).toEqual({
      repId: 'Dana',
      rule: 'territory',
      territoryId: 'dach',
      poolId: 'West',
      reasons: [
        'account owner Olga skipped: out of office',
        'territory DACH: 1 matching criterion',
        'pool West (fewest assignments): Dana had 3 fewer this period than Eli (1 vs 4)',
      ],
    });
    const full = { ...territory, pool: step('West', [rep('Dana', { unavailable: 'out of office' })]) };
    const d = routeByRules({ owner: null, territory: full, fallback: step('Everyone', [rep('Zoe')]) });
    expect(d.repId).toBe('Zoe');
    expect(d.rule).toBe('pool');
    expect(d.reasons.slice(1)).toEqual([
      'Dana skipped: out of office',
      'no member of pool West can take it',
      'pool Everyone (fewest assignments): Zoe is the only member who can take it',
    ]);
  });
});
