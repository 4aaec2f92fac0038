import { describe, expect, it } from 'vitest';
import {
  resolveTerritory,
  territoryOverlaps,
  type TerritoryCriteria,
  type TerritoryDef,
  type TerritorySubject,
} from '../../src/domain/territories.ts';

const none: TerritoryCriteria = {
  countries: [],
  regions: [],
  postalPrefixes: [],
  industries: [],
  employeesMin: null,
  employeesMax: null,
  accountIds: [],
};
const t = (id: string, criteria: Partial<TerritoryCriteria>, parentId: string | null = null): TerritoryDef => ({
  id,
  name: id,
  parentId,
  criteria: { ...none, ...criteria },
});
const subject = (s: Partial<TerritorySubject>): TerritorySubject => ({
  accountId: null,
  country: null,
  region: null,
  postalCode: null,
  industry: null,
  employees: null,
  ...s,
});

// DACH (DE, AT, CH) → Bavaria (postal 8, 9) → Munich (postal 80, 81); Enterprise (1000+ employees);
// Key accounts (the named account K1); Healthcare DE (DE + healthcare), a sibling of DACH.
const dach = t('DACH', { countries: ['DE', 'AT', 'CH'] });
const bavaria = t('Bavaria', { postalPrefixes: ['8', '9'] }, 'DACH');
const munich = t('Munich', { postalPrefixes: ['80', '81'] }, 'Bavaria');
const enterprise = t('Enterprise', { employeesMin: 1000 });
const keyAccounts = t('Key accounts', { accountIds: ['K1'] });
const health = t('Healthcare DE', { countries: ['de'], industries: ['Healthcare'] });
const all = [dach, bavaria, munich, enterprise, keyAccounts, health];

describe('resolving a record to its territory', () => {
  it('takes the most specific match: named account, then criteria, then postal prefix length, then depth', () => {
    // a named account wins even against three matching criteria
    expect(
      resolveTerritory(all, subject({ accountId: 'K1', country: 'DE', postalCode: '80331', employees: 5000 }))
        .territoryId,
    ).toBe('Key accounts');
    // Munich: DE + postal 80 (2 criteria, postal 2) beats Bavaria: DE + postal 8 (2 criteria, postal 1)
    const r = resolveTerritory(all, subject({ country: 'de', postalCode: '80 331' }));
    expect(r).toEqual({
      territoryId: 'Munich',
      reasons: [
        'territory Munich: 3 matching criteria, postal prefix of 2, depth 2',
        'more specific than Bavaria (2 matching criteria, postal prefix of 1, depth 1)',
      ],
      tiedWith: [],
    });
    // Hamburg (20095) is only DACH
    expect(resolveTerritory(all, subject({ country: 'DE', postalCode: '20095' })).territoryId).toBe('DACH');
    // a child never matches without its parent's criteria: 80331 in France is nowhere
    expect(resolveTerritory(all, subject({ country: 'FR', postalCode: '80331' }))).toEqual({
      territoryId: null,
      reasons: ['no territory matches'],
      tiedWith: [],
    });
  });

  it('reports equally specific matches as a tie and takes the first by name', () => {
    // DE healthcare with 2000 employees in Hamburg: Healthcare DE has 2 criteria, DACH 1, Enterprise 1
    expect(resolveTerritory(all, subject({ country: 'DE', industry: 'healthcare', employees: 2000 })).territoryId).toBe(
      'Healthcare DE',
    );
    // US with 2000 employees: only Enterprise; AT with 2000: DACH and Enterprise tie (1 criterion each)
    const tie = resolveTerritory(all, subject({ country: 'AT', employees: 2000 }));
    expect(tie.territoryId).toBe('DACH');
    expect(tie.tiedWith).toEqual(['Enterprise']);
    expect(tie.reasons[1]).toBe('tied with Enterprise: first by name taken');
  });

  it('needs a value for every criterion set: unknown employees do not match a size band', () => {
    expect(resolveTerritory([enterprise], subject({ country: 'DE' })).territoryId).toBeNull();
    expect(resolveTerritory([t('Small', { employeesMax: 49 })], subject({ employees: 49 })).territoryId).toBe('Small');
    expect(resolveTerritory([t('Any', {})], subject({ country: 'DE' })).territoryId).toBeNull();
  });
});

describe('overlapping territories', () => {
  it('reports pairs a record could match both, not parent and child, and which are ambiguous', () => {
    // Munich has 3 criteria along its chain (country, postal 8, postal 80) against Healthcare DE's 2;
    // Bavaria and Healthcare DE have 2 each but Bavaria's postal prefix decides; a named account wins
    // over any criteria; so only DACH and Enterprise (one criterion each, depth 0) are ambiguous.
    const found = territoryOverlaps(all).map((o) => [o.a, o.b, o.ambiguous]);
    expect(found).toEqual([
      ['Bavaria', 'Enterprise', false],
      ['Bavaria', 'Healthcare DE', false],
      ['Bavaria', 'Key accounts', false],
      ['DACH', 'Enterprise', true],
      ['DACH', 'Healthcare DE', false],
      ['DACH', 'Key accounts', false],
      ['Enterprise', 'Healthcare DE', false],
      ['Enterprise', 'Key accounts', false],
      ['Enterprise', 'Munich', false],
      ['Healthcare DE', 'Key accounts', false],
      ['Healthcare DE', 'Munich', false],
      ['Key accounts', 'Munich', false],
    ]);
    expect(territoryOverlaps(all).find((o) => o.ambiguous)?.message).toBe(
      'DACH and Enterprise can both match the same record equally: DACH wins only by name',
    );
    // disjoint countries or sizes do not overlap
    expect(territoryOverlaps([t('A', { countries: ['DE'] }), t('B', { countries: ['FR'] })])).toEqual([]);
    expect(territoryOverlaps([t('S', { employeesMax: 49 }), t('L', { employeesMin: 50 })])).toEqual([]);
  });
});
