import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/contract/access.ts';
import type { AccountDto } from '../../src/contract/accounts.ts';
import type { AuditEventDto, EventReferences } from '../../src/contract/audit.ts';
import type { BookingDto } from '../../src/contract/booking.ts';
import type { LeadDto } from '../../src/contract/leads.ts';
import type {
  BacktestDto,
  LedgerDto,
  OverlapDto,
  PoolDto,
  RoutingDecisionDto,
  RoutingSettingsDto,
  TerritoryDto,
  TerritoryOfDto,
} from '../../src/contract/routing.ts';
import { ManualClock } from '../../src/domain/deps.ts';
import { createApi, type Api } from '../helpers/api.ts';
import { createTestDeps, type TestDeps } from '../helpers/db.ts';
import { createTestOrg, createTestUser, type TestOrg } from '../helpers/factories.ts';

// Monday 2 March 2026, 09:00 UTC.
const clock = new ManualClock('2026-03-02T09:00:00.000Z');
let deps: TestDeps;
let api: Api;
let org: TestOrg;
let other: TestOrg;
let manager: Actor;
let rep: Actor;
let marketing: Actor;
let inside: Actor;
let dana: Actor;
let eli: Actor;
let ivy: Actor;
let ian: Actor;

type EventPage = { items: AuditEventDto[]; nextCursor: string | null; references: EventReferences };
type Problem = { code: string; errors?: { field: string; message: string }[] };

async function call<T>(
  actor: Actor,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
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
const fields = (p: Problem) => (p.errors ?? []).map((e) => e.field).sort();
const eventsOf = (id: string) =>
  deps.db.selectFrom('events').select(['type', 'data']).where('entity_id', '=', id).orderBy('id').execute();

beforeAll(async () => {
  deps = await createTestDeps({ clock });
  api = await createApi(deps);
  org = await createTestOrg(deps);
  other = await createTestOrg(deps);
  manager = await createTestUser(deps, org.admin, 'manager');
  rep = await createTestUser(deps, org.admin, 'rep');
  marketing = await createTestUser(deps, org.admin, 'marketing');
  inside = await createTestUser(deps, org.admin, 'inside_sales');
  dana = await createTestUser(deps, org.admin, 'rep', { name: 'Dana Field' });
  eli = await createTestUser(deps, org.admin, 'rep', { name: 'Eli Field' });
  ivy = await createTestUser(deps, org.admin, 'inside_sales', { name: 'Ivy Inside' });
  ian = await createTestUser(deps, org.admin, 'inside_sales', { name: 'Ian Inside' });
});
afterAll(async () => {
  await api.close();
  await deps.cleanup();
});

describe('territories', () => {
  it('resolve accounts when they are created and when the rules change, with events and reasons', async () => {
    const admin = org.admin;
    const acme = await call<AccountDto>(
      admin,
      'POST',
      '/api/v1/accounts',
      {
        name: 'Acme Munich',
        address: { country: 'DE', postalCode: '80331' },
        employees: 200,
      },
      201,
    );
    const dach = await call<TerritoryDto>(
      admin,
      'POST',
      '/api/v1/territories',
      {
        name: 'DACH',
        criteria: { countries: ['de', 'AT', 'CH'] },
        members: [{ userId: dana.userId, role: 'outside' }],
      },
      201,
    );
    expect(dach.criteria.countries).toEqual(['DE', 'AT', 'CH']);
    expect(dach.accounts).toBe(1);
    expect(
      await call<TerritoryOfDto>(rep, 'GET', `/api/v1/accounts/${acme.id}/territory`, undefined, 404),
    ).toMatchObject({
      code: 'not_found',
    });
    expect(await call<TerritoryOfDto>(admin, 'GET', `/api/v1/accounts/${acme.id}/territory`)).toEqual({
      territoryId: dach.id,
      territoryName: 'DACH',
      reasons: ['territory DACH: 1 matching criterion'],
    });
    const bavaria = await call<TerritoryDto>(
      admin,
      'POST',
      '/api/v1/territories',
      { name: 'Bavaria', parentId: dach.id, criteria: { postalPrefixes: ['8', '9'] } },
      201,
    );
    expect((await call<TerritoryOfDto>(admin, 'GET', `/api/v1/accounts/${acme.id}/territory`)).territoryId).toBe(
      bavaria.id,
    );
    // the account moves again when it moves: Hamburg is DACH only
    await call<AccountDto>(
      admin,
      'PATCH',
      `/api/v1/accounts/${acme.id}`,
      { address: { country: 'DE', postalCode: '20095' } },
      200,
      {
        'if-match': String(acme.version),
      },
    );
    const assigned = (await eventsOf(acme.id)).filter((e) => e.type === 'territory.assigned').map((e) => e.data);
    expect(assigned).toEqual([
      { territoryId: dach.id, previousTerritoryId: null, reasons: ['territory DACH: 1 matching criterion'] },
      {
        territoryId: bavaria.id,
        previousTerritoryId: dach.id,
        reasons: [
          'territory Bavaria: 2 matching criteria, postal prefix of 1, depth 1',
          'more specific than DACH (1 matching criterion)',
        ],
      },
      { territoryId: dach.id, previousTerritoryId: bavaria.id, reasons: ['territory DACH: 1 matching criterion'] },
    ]);
    // a stale write is refused; a parent cycle is refused
    await call(admin, 'PATCH', `/api/v1/territories/${dach.id}`, { name: 'D-A-CH' }, 409, { 'if-match': '0' });
    const cycle = await call<Problem>(admin, 'PATCH', `/api/v1/territories/${dach.id}`, { parentId: bavaria.id }, 422, {
      'if-match': String(dach.version),
    });
    expect(cycle.errors).toEqual([{ field: 'parentId', message: 'would make the territory its own ancestor' }]);
    // a territory with children cannot go
    await call(admin, 'DELETE', `/api/v1/territories/${dach.id}`, undefined, 409);
  });

  it('names every bad field, and reports overlaps to admins and managers', async () => {
    const bad = await call<Problem>(
      org.admin,
      'POST',
      '/api/v1/territories',
      {
        name: '',
        poolId: deps.ids.id(),
        criteria: { countries: ['Germany'], employeesMin: 500, employeesMax: 10, accountIds: [deps.ids.id()] },
        members: [{ userId: deps.ids.id(), role: 'outside' }],
        extra: true,
      },
      422,
    );
    expect(fields(bad)).toEqual(['criteria.countries.0', 'criteria.employeesMax', 'extra', 'name']);
    const refs = await call<Problem>(
      org.admin,
      'POST',
      '/api/v1/territories',
      {
        name: 'Refs',
        poolId: deps.ids.id(),
        criteria: { accountIds: [deps.ids.id()] },
        members: [{ userId: other.admin.userId, role: 'outside' }],
      },
      422,
    );
    expect(fields(refs)).toEqual(['criteria.accountIds.0', 'members.0.userId', 'poolId']);
    await call(org.admin, 'POST', '/api/v1/territories', { name: 'Enterprise', criteria: { employeesMin: 1000 } }, 201);
    const overlaps = await call<{ items: OverlapDto[] }>(manager, 'GET', '/api/v1/territories/overlaps');
    expect(overlaps.items.map((o) => o.message)).toContain(
      'DACH and Enterprise can both match the same record equally: DACH wins only by name',
    );
  });

  it('lets only admins change territories and pools, managers read them, and keeps tenants apart', async () => {
    await call(manager, 'POST', '/api/v1/territories', { name: 'X', criteria: {} }, 403);
    await call(manager, 'POST', '/api/v1/routing-pools', { name: 'X', algorithm: 'count_based' }, 403);
    await call(rep, 'GET', '/api/v1/territories', undefined, 403);
    await call(inside, 'GET', '/api/v1/routing-pools', undefined, 403);
    const mine = await call<{ items: TerritoryDto[] }>(org.admin, 'GET', '/api/v1/territories');
    const first = mine.items[0];
    if (!first) throw new Error('no territory');
    await call(other.admin, 'GET', `/api/v1/territories/${first.id}`, undefined, 404);
    expect((await call<{ items: TerritoryDto[] }>(other.admin, 'GET', '/api/v1/territories')).items).toEqual([]);
  });
});

describe('routing leads and meetings', () => {
  it('routes an arriving lead by the fallback pool, fewest first, and shows the reasons on the lead', async () => {
    const pool = await call<PoolDto>(
      org.admin,
      'POST',
      '/api/v1/routing-pools',
      {
        name: 'Inside',
        algorithm: 'count_based',
        members: [{ userId: ivy.userId }, { userId: ian.userId, capPerDay: 1 }],
      },
      201,
    );
    const bad = await call<Problem>(
      org.admin,
      'POST',
      '/api/v1/routing-pools',
      { name: 'inside', algorithm: 'random', members: [{ userId: ivy.userId, weight: -1 }] },
      422,
    );
    expect(fields(bad)).toEqual(['algorithm', 'members.0.weight']);
    const settings = await call<RoutingSettingsDto>(
      org.admin,
      'PUT',
      '/api/v1/routing/settings',
      { fallbackPoolId: pool.id, routeLeads: true },
      200,
      { 'if-match': '0' },
    );
    expect(settings).toMatchObject({ fallbackPoolId: pool.id, routeLeads: true, version: 1 });
    await call(org.admin, 'PUT', '/api/v1/routing/settings', { routeLeads: false }, 409, { 'if-match': '0' });

    const owners: (string | null)[] = [];
    for (const lastName of ['One', 'Two', 'Three']) {
      clock.advance(60_000);
      const lead = await call<LeadDto>(marketing, 'POST', '/api/v1/leads', { lastName, company: 'Co' }, 201);
      owners.push(lead.ownerId);
    }
    // Ivy (first by name order of the pool: Ian, Ivy) … Ian first (both 0), then Ivy (Ian 1), then Ian is capped at 1 a day
    expect(owners).toEqual([ian.userId, ivy.userId, ivy.userId]);
    const leads = await deps.db
      .selectFrom('leads')
      .select('id')
      .where('org_id', '=', org.orgId)
      .where('last_name', '=', 'Three')
      .executeTakeFirstOrThrow();
    const shown = await call<{ territory: TerritoryOfDto; decisions: RoutingDecisionDto[] }>(
      ivy,
      'GET',
      `/api/v1/leads/${leads.id}/routing`,
    );
    expect(shown.decisions[0]).toMatchObject({
      repId: ivy.userId,
      repName: 'Ivy Inside',
      rule: 'pool',
      poolId: pool.id,
      reasons: [
        'Ian Inside skipped: daily cap of 1 reached',
        'pool Inside (fewest assignments): Ivy Inside is the only member who can take it',
      ],
    });
    expect((await eventsOf(leads.id)).map((e) => e.type)).toEqual(['lead.created', 'lead.routed', 'lead.assigned']);
    // The lead's timeline names the pool it was routed through, for the marketer who entered it too.
    const timeline = await call<EventPage>(marketing, 'GET', `/api/v1/leads/${leads.id}/timeline`);
    expect(timeline.references[pool.id]).toEqual({ kind: 'routing_pool', name: 'Inside' });
    // an explicit owner is kept
    clock.advance(60_000);
    const chosen = await call<LeadDto>(
      org.admin,
      'POST',
      '/api/v1/leads',
      { lastName: 'Four', ownerId: rep.userId },
      201,
    );
    expect(chosen.ownerId).toBe(rep.userId);
    // the ledger: Ian 1, Ivy 2 (a week's period, both members from the start)
    const ledger = await call<LedgerDto>(manager, 'GET', `/api/v1/routing-pools/${pool.id}/ledger`);
    expect(ledger.rows.map((r) => [r.name, r.assignments, r.balance])).toEqual([
      ['Ian Inside', 1, 1],
      ['Ivy Inside', 2, 2],
    ]);
    expect(ledger.spread).toBe(1);
    // a pool in use cannot be removed
    await call(org.admin, 'DELETE', `/api/v1/routing-pools/${pool.id}`, undefined, 409);
    await call(org.admin, 'PUT', '/api/v1/routing/settings', { routeLeads: false }, 200, { 'if-match': '1' });
  });

  it('routes a meeting for an account to its territory’s outside rep with the reasons on the booking', async () => {
    for (const r of [dana, eli])
      await call(
        r,
        'PUT',
        `/api/v1/users/${r.userId}/availability`,
        {
          timezone: 'UTC',
          workingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
        },
        200,
        { 'if-match': '0' },
      );
    const account = await call<AccountDto>(
      org.admin,
      'POST',
      '/api/v1/accounts',
      {
        name: 'Wien GmbH',
        address: { country: 'AT', postalCode: '1010' },
      },
      201,
    );
    const contact = await call<{ id: string }>(
      org.admin,
      'POST',
      '/api/v1/contacts',
      { lastName: 'Kunde', accountId: account.id, ownerId: inside.userId },
      201,
    );
    const booking = await call<BookingDto>(
      inside,
      'POST',
      '/api/v1/bookings',
      { contactId: contact.id, start: '2026-03-03T10:00:00.000Z', durationMinutes: 60 },
      201,
    );
    expect(booking.ownerId).toBe(dana.userId);
    expect(booking.routing).toEqual({
      rule: 'territory',
      reasons: [
        'account owner Ada Admin skipped: does not take bookings',
        'territory DACH: 1 matching criterion',
        'pool DACH (fewest assignments): Dana Field is the only member who can take it',
      ],
    });
    const routed = (await eventsOf(booking.id)).find((e) => e.type === 'booking.routed');
    expect(routed?.data).toMatchObject({ rule: 'territory', ownerId: dana.userId, poolId: null });
  });

  it('backtests a candidate rule set without saving it, and names bad references', async () => {
    clock.advance(3_600_000);
    const result = await call<BacktestDto>(manager, 'POST', '/api/v1/routing/backtest', {
      days: 30,
      candidate: {
        territories: [],
        pools: [
          {
            id: 'p',
            name: 'All inside',
            algorithm: 'weighted_round_robin',
            members: [
              { userId: ivy.userId, weight: 1 },
              { userId: ian.userId, weight: 1 },
            ],
          },
        ],
        fallbackPoolId: 'p',
      },
    });
    // four leads this morning, replayed in turn (ties to the first listed): One → Ivy, Two → Ian, Three → Ivy,
    // Four → Ian; they went to Ian (One), Ivy (Two, Three) and the rep (Four): three change hands
    expect(result.leads).toBe(4);
    expect(result.byRule).toEqual({ account_owner: 0, territory: 0, pool: 4, none: 0 });
    expect(result.reps.map((r) => [r.name, r.actual, r.predicted])).toEqual([
      ['Ian Inside', 1, 2],
      ['Ivy Inside', 2, 2],
      [expect.any(String), 1, 0],
    ]);
    expect(result.changed).toBe(3);
    expect(result.fairness).toEqual({ actualSpread: 1, predictedSpread: 2 });
    const bad = await call<Problem>(
      manager,
      'POST',
      '/api/v1/routing/backtest',
      {
        days: 0,
        candidate: {
          territories: [{ id: 't', name: 'T', poolId: 'nope', criteria: {} }],
          pools: [],
          fallbackPoolId: 'missing',
        },
      },
      422,
    );
    expect(fields(bad)).toEqual(['days']);
    const refs = await call<Problem>(
      manager,
      'POST',
      '/api/v1/routing/backtest',
      {
        days: 7,
        candidate: {
          territories: [{ id: 't', name: 'T', poolId: 'nope', criteria: {} }],
          pools: [],
          fallbackPoolId: 'missing',
        },
      },
      422,
    );
    expect(fields(refs)).toEqual(['candidate.fallbackPoolId', 'candidate.territories.0.poolId']);
    await call(rep, 'POST', '/api/v1/routing/backtest', { days: 7 }, 403);
  });
});
