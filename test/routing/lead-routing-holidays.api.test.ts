import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/contract/access.ts';
import type { AccountDto } from '../../src/contract/accounts.ts';
import type { LeadDto } from '../../src/contract/leads.ts';
import type { PoolDto, RoutingDecisionDto } from '../../src/contract/routing.ts';
import { ManualClock } from '../../src/domain/deps.ts';
import { createApi, type Api } from '../helpers/api.ts';
import { createTestDeps, type TestDeps } from '../helpers/db.ts';
import { createTestOrg, createTestUser, type TestOrg } from '../helpers/factories.ts';

// Friday 3 July 2026, 23:30 UTC: still the 3rd in New York (19:30), already the 4th in Auckland.
const clock = new ManualClock('2026-07-03T23:30:00.000Z');
let deps: TestDeps;
let api: Api;
let org: TestOrg;
let marketing: Actor;
let ian: Actor;
let ivy: Actor;
let oona: Actor;
let pool: PoolDto;

async function call<T>(
  actor: Actor,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: unknown,
  status = 200,
  headers: Record<string, string> = {},
) {
  const res = await api.as(actor, {
    method,
    url,
    headers,
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
  expect(res.statusCode, res.body).toBe(status);
  return res.body ? res.json<T>() : (undefined as T);
}
const workingHours = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));
const decisionOf = async (lead: LeadDto) =>
  (await call<{ decisions: RoutingDecisionDto[] }>(org.admin, 'GET', `/api/v1/leads/${lead.id}/routing`)).decisions[0];

beforeAll(async () => {
  deps = await createTestDeps({ clock });
  api = await createApi(deps);
  org = await createTestOrg(deps);
  marketing = await createTestUser(deps, org.admin, 'marketing');
  ian = await createTestUser(deps, org.admin, 'inside_sales', { name: 'Ian Inside' });
  ivy = await createTestUser(deps, org.admin, 'inside_sales', { name: 'Ivy Inside' });
  oona = await createTestUser(deps, org.admin, 'rep', { name: 'Oona Owner' });
  for (const [who, timezone] of [
    [ian, 'Pacific/Auckland'],
    [ivy, 'America/New_York'],
    [oona, 'America/New_York'],
  ] as const)
    await call(org.admin, 'PUT', `/api/v1/users/${who.userId}/availability`, { timezone, workingHours }, 200, {
      'if-match': '0',
    });
  // Ian keeps the New Zealand calendar, Oona (not in any pool) the US one; both have a holiday on 4 July.
  await call(
    org.admin,
    'POST',
    '/api/v1/holiday-calendars',
    { name: 'New Zealand', holidays: [{ name: 'Team day', start: '2026-07-04' }], userIds: [ian.userId] },
    201,
  );
  await call(
    org.admin,
    'POST',
    '/api/v1/holiday-calendars',
    {
      name: 'US federal',
      holidays: [{ name: 'Independence Day', start: '2025-07-04', recurring: true }],
      userIds: [oona.userId],
    },
    201,
  );
  pool = await call<PoolDto>(
    org.admin,
    'POST',
    '/api/v1/routing-pools',
    { name: 'Inside', algorithm: 'count_based', members: [{ userId: ian.userId }, { userId: ivy.userId }] },
    201,
  );
  await call(org.admin, 'PUT', '/api/v1/routing/settings', { fallbackPoolId: pool.id, routeLeads: true }, 200, {
    'if-match': '0',
  });
  await call<AccountDto>(oona, 'POST', '/api/v1/accounts', { name: 'Acme', domain: 'acme.example' }, 201);
});
afterAll(async () => {
  await api.close();
  await deps.cleanup();
});

describe('lead routing on holidays', () => {
  it('passes over a pool member on a holiday of their calendars on their own local day, naming it', async () => {
    // 4 July 11:30 in Auckland: Ian's Team day; Ivy (3 July in New York) takes it although Ian has as few.
    const lead = await call<LeadDto>(marketing, 'POST', '/api/v1/leads', { lastName: 'One', company: 'Co' }, 201);
    expect(lead.ownerId).toBe(ivy.userId);
    expect(await decisionOf(lead)).toMatchObject({
      repId: ivy.userId,
      rule: 'pool',
      reasons: [
        'Ian Inside skipped: holiday: Team day (New Zealand)',
        'pool Inside (fewest assignments): Ivy Inside is the only member who can take it',
      ],
    });
  });

  it('passes over an account owner on their holiday, and routes to them again the day after', async () => {
    // The account's owner Oona is in on 3 July in New York: the lead is hers.
    const before = await call<LeadDto>(
      marketing,
      'POST',
      '/api/v1/leads',
      { lastName: 'Two', companyDomain: 'acme.example' },
      201,
    );
    expect(before.ownerId).toBe(oona.userId);
    // 4 July 10:00 in New York: Independence Day for Oona (recurring); Ian's Team day is over in Auckland.
    clock.set('2026-07-04T14:00:00.000Z');
    const on = await call<LeadDto>(
      marketing,
      'POST',
      '/api/v1/leads',
      { lastName: 'Three', companyDomain: 'acme.example' },
      201,
    );
    expect(on.ownerId).toBe(ian.userId);
    expect((await decisionOf(on))?.reasons).toEqual([
      'account owner Oona Owner skipped: holiday: Independence Day (US federal)',
      expect.stringMatching(/^pool Inside \(fewest assignments\): Ian Inside/),
    ]);
    clock.set('2026-07-05T14:00:00.000Z');
    const after = await call<LeadDto>(
      marketing,
      'POST',
      '/api/v1/leads',
      { lastName: 'Four', companyDomain: 'acme.example' },
      201,
    );
    expect(after.ownerId).toBe(oona.userId);
  });
});
