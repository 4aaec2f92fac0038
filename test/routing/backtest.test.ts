import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { backtestRouting, type BacktestLead } from '../../src/analytics/routing-backtest.ts';
import { backtestCommand } from '../../src/cli/actions/routing.ts';
import { appFailure, captureIo } from '../helpers/cli-io.ts';
import type { TerritoryCriteria } from '../../src/domain/territories.ts';

const none: TerritoryCriteria = {
  countries: [],
  regions: [],
  postalPrefixes: [],
  industries: [],
  employeesMin: null,
  employeesMax: null,
  accountIds: [],
};
const lead = (
  id: string,
  at: string,
  country: string,
  actualOwnerId: string | null,
  value: number,
  accountOwnerId: string | null = null,
): BacktestLead => ({
  id,
  createdAt: new Date(at),
  actualOwnerId,
  value,
  accountOwnerId,
  subject: { accountId: null, country, region: null, postalCode: null, industry: null, employees: null },
});

describe('backtesting a rule set', () => {
  it('hand-computed: territory pool with a daily cap, weighted fallback, an owner out of office', () => {
    const result = backtestRouting({
      rules: {
        territories: [
          {
            id: 'dach',
            name: 'DACH',
            parentId: null,
            poolId: 'west',
            criteria: { ...none, countries: ['DE'] },
            members: [],
          },
        ],
        pools: [
          {
            id: 'west',
            name: 'West',
            algorithm: 'count_based',
            requiredSkill: null,
            members: [
              { userId: 'dana', weight: 1, capPerDay: 1, capPerWeek: null },
              { userId: 'eli', weight: 1, capPerDay: null, capPerWeek: null },
            ],
          },
          {
            id: 'all',
            name: 'All',
            algorithm: 'weighted_round_robin',
            requiredSkill: null,
            members: [
              { userId: 'zoe', weight: 2, capPerDay: null, capPerWeek: null },
              { userId: 'yan', weight: 1, capPerDay: null, capPerWeek: null },
            ],
          },
        ],
        fallbackPoolId: 'all',
      },
      leads: [
        // DACH → West: both 0, Dana first
        lead('l1', '2026-03-02T09:00:00Z', 'DE', 'eli', 0.5),
        // DACH → West: Dana has reached her cap of 1 today → Eli
        lead('l2', '2026-03-02T10:00:00Z', 'DE', 'dana', 0.2),
        // no territory → All: Zoe 0/2, Yan 0/1, tie → Zoe (first)
        lead('l3', '2026-03-02T11:00:00Z', 'FR', 'zoe', 0.1),
        // the account owner Yan is out of office, so he is skipped in All too → Zoe (the only one in)
        lead('l4', '2026-03-02T12:00:00Z', 'FR', 'zoe', 0.3, 'yan'),
        // next day, the account owner Dana is in → Dana (the owner rule; West's balances do not move)
        lead('l5', '2026-03-03T09:00:00Z', 'DE', 'dana', 0.4, 'dana'),
        // West: Dana 1, Eli 1, but Dana took one today (l5) and her cap is 1 → Eli; nobody owns it now
        lead('l6', '2026-03-03T10:00:00Z', 'DE', null, 0),
      ],
      names: new Map(),
      skills: new Map(),
      presence: new Map([
        [
          'yan',
          {
            timeZone: 'UTC',
            timeOff: [{ start: new Date('2026-03-02T11:30:00Z'), end: new Date('2026-03-02T13:00:00Z') }],
            holidays: [],
          },
        ],
      ]),
    });
    expect(result).toEqual({
      leads: 6,
      changed: 3, // l1, l2, l6
      unrouted: 0,
      byRule: { account_owner: 1, territory: 3, pool: 2, none: 0 },
      reps: [
        { repId: 'dana', actual: 2, predicted: 2, actualValue: 0.6, predictedValue: 0.9 },
        { repId: 'eli', actual: 1, predicted: 2, actualValue: 0.5, predictedValue: 0.2 },
        { repId: 'zoe', actual: 2, predicted: 2, actualValue: 0.4, predictedValue: 0.4 },
      ],
      fairness: { actualSpread: 1, predictedSpread: 0 },
    });
  });
  it('skips a rep on a holiday of their calendars, on their own local day', () => {
    const pool = {
      id: 'all',
      name: 'All',
      algorithm: 'count_based' as const,
      requiredSkill: null,
      members: [
        { userId: 'ned', weight: 1, capPerDay: null, capPerWeek: null },
        { userId: 'zoe', weight: 1, capPerDay: null, capPerWeek: null },
      ],
    };
    const july4 = {
      calendarId: 'us',
      calendarName: 'US federal',
      name: 'Independence Day',
      start: '2026-07-04',
      end: '2026-07-04',
      recurring: false,
    };
    const result = backtestRouting({
      rules: { territories: [], pools: [pool], fallbackPoolId: 'all' },
      leads: [
        // 3 July 23:00 in New York (4 July 03:00 UTC): not yet Ned's holiday; both 0 → Ned (first)
        lead('l1', '2026-07-04T03:00:00Z', 'US', null, 0),
        // 4 July 10:00 in New York: Ned keeps Independence Day → Zoe although Ned has as many
        lead('l2', '2026-07-04T14:00:00Z', 'US', null, 0, 'ned'),
        // 5 July 01:00 UTC is still 4 July in New York → Zoe again
        lead('l3', '2026-07-05T01:00:00Z', 'US', null, 0),
      ],
      names: new Map([
        ['ned', 'Ned'],
        ['zoe', 'Zoe'],
      ]),
      skills: new Map(),
      presence: new Map([['ned', { timeZone: 'America/New_York', timeOff: [], holidays: [july4] }]]),
    });
    expect(result.reps.map((r) => [r.repId, r.predicted])).toEqual([
      ['ned', 1],
      ['zoe', 2],
    ]);
    expect(result.byRule).toEqual({ account_owner: 0, territory: 0, pool: 3, none: 0 });
  });
});

describe('pipewright routing backtest', () => {
  it('names the bad option or candidate field before touching the database', async () => {
    const days = await appFailure(backtestCommand(captureIo(), { days: 'ten' }));
    expect(days.fields?.map((f) => f.field)).toEqual(['--days']);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'backtest-')), 'candidate.json');
    fs.writeFileSync(
      file,
      JSON.stringify({ territories: [], pools: [{ id: 'p', name: 'P', algorithm: 'random', members: [] }] }),
    );
    const bad = await appFailure(backtestCommand(captureIo(), { days: '30', candidate: file }));
    expect(bad.fields?.map((f) => f.field)).toEqual(['candidate.pools.0.algorithm']);
    fs.writeFileSync(file, '{ not json');
    expect((await appFailure(backtestCommand(captureIo(), { days: '30', candidate: file }))).message).toMatch(
      /^--candidate .*candidate\.json: /,
    );
  });
});
