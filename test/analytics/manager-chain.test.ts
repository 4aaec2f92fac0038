import { describe, expect, it } from 'vitest';
import {
  amendPerson,
  managerIn,
  personFromCreated,
  teamManagerAfter,
  type ChainPerson,
  type ManagerChain,
} from '../../src/analytics/manager-chain.ts';

const person = (over: Partial<ChainPerson> = {}): ChainPerson => ({
  managerId: null,
  teamId: null,
  role: 'rep',
  active: true,
  ...over,
});
const chainOf = (people: [string, ChainPerson][], teams: [string, string | null][] = []): ManagerChain => ({
  people: new Map(people),
  teamManagers: new Map(teams),
});

describe('the next one up', () => {
  it("is the person's own manager before their team's", () => {
    const chain = chainOf([['rita', person({ managerId: 'alma', teamId: 't' })]], [['t', 'ben']]);
    expect(managerIn(chain, 'rita')).toBe('alma');
  });

  it("is the team's manager for someone with no manager of their own", () => {
    const chain = chainOf([['rita', person({ teamId: 't' })]], [['t', 'ben']]);
    expect(managerIn(chain, 'rita')).toBe('ben');
  });

  it('is the longest-standing active manager on the team when the team has none, or has the person themselves', () => {
    // In the order the log created them: Ivy (inactive), Rex (a rep), Alma, Ben.
    const people: [string, ChainPerson][] = [
      ['ivy', person({ teamId: 't', role: 'manager', active: false })],
      ['rex', person({ teamId: 't' })],
      ['alma', person({ teamId: 't', role: 'manager' })],
      ['ben', person({ teamId: 't', role: 'manager' })],
      ['rita', person({ teamId: 't' })],
    ];
    expect(managerIn(chainOf(people), 'rita')).toBe('alma');
    expect(managerIn(chainOf(people, [['t', 'alma']]), 'alma')).toBe('ben');
    expect(managerIn(chainOf(people, [['t', null]]), 'ben')).toBe('alma');
  });

  it('is nobody for someone with no manager and no team, or whom the log does not know', () => {
    const chain = chainOf([['rita', person()]]);
    expect(managerIn(chain, 'rita')).toBeNull();
    expect(managerIn(chain, 'nobody')).toBeNull();
  });
});

describe('people and teams from their events', () => {
  it('reads a created user, an absent `active` (the first admin) being active', () => {
    expect(personFromCreated({ email: 'a@x', role: 'admin' })).toEqual(person({ role: 'admin' }));
    expect(personFromCreated({ role: 'rep', teamId: 't', managerId: 'alma', active: false })).toEqual(
      person({ teamId: 't', managerId: 'alma', active: false }),
    );
  });

  it('takes the new value of each changed field and keeps the others', () => {
    const rita = person({ managerId: 'alma', teamId: 't' });
    expect(
      amendPerson(rita, { changes: { managerId: { from: 'alma', to: 'ben' }, name: { from: 'R', to: 'Rita' } } }),
    ).toEqual(person({ managerId: 'ben', teamId: 't' }));
    expect(
      amendPerson(rita, {
        changes: {
          managerId: { from: 'alma', to: null },
          teamId: { from: 't', to: 'u' },
          role: { from: 'rep', to: 'manager' },
          active: { from: true, to: false },
        },
      }),
    ).toEqual(person({ teamId: 'u', role: 'manager', active: false }));
    expect(rita).toEqual(person({ managerId: 'alma', teamId: 't' }));
  });

  it("reads a team's manager from its creation and keeps it through updates that do not change it", () => {
    expect(teamManagerAfter(null, 'team.created', { after: { name: 'T', kind: 'other', managerId: 'alma' } })).toBe(
      'alma',
    );
    expect(teamManagerAfter(null, 'team.created', { after: { name: 'T', kind: 'other' } })).toBeNull();
    expect(teamManagerAfter('alma', 'team.updated', { changes: { managerId: { from: 'alma', to: 'ben' } } })).toBe(
      'ben',
    );
    expect(teamManagerAfter('alma', 'team.updated', { changes: { name: { from: 'T', to: 'U' } } })).toBe('alma');
  });
});
