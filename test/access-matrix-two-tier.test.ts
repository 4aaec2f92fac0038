import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/contract/access.ts';
import type { RegistrationDto } from '../src/contract/channel.ts';
import type { BoardSummaryDto, DealDto } from '../src/contract/deals.ts';
import { createApi, type Api } from './helpers/api.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg, createTestUser } from './helpers/factories.ts';

/**
 * Two-tier access to deals, written out by hand per partner user: distributor A serves resellers
 * R and S, distributor B serves T. R registers one deal through A and one with no distributor; T
 * registers one through B. A distributor reads (never changes) the deals its resellers registered
 * through it, in every place deals are listed; not another distributor's, and not its resellers'
 * deals that did not go through it. A reseller sees its own deals only.
 */
type Seen = 'change' | 'read' | 'hidden';
type Who = 'distA' | 'distB' | 'resellerR' | 'resellerS' | 'resellerT';
type DealKey = 'rThroughA' | 'rDirect' | 'tThroughB';

const matrix: Record<Who, Record<DealKey, Seen>> = {
  distA: { rThroughA: 'read', rDirect: 'hidden', tThroughB: 'hidden' },
  distB: { rThroughA: 'hidden', rDirect: 'hidden', tThroughB: 'read' },
  resellerR: { rThroughA: 'change', rDirect: 'change', tThroughB: 'hidden' },
  // A's other reseller sees nothing of R's work
  resellerS: { rThroughA: 'hidden', rDirect: 'hidden', tThroughB: 'hidden' },
  resellerT: { rThroughA: 'hidden', rDirect: 'hidden', tThroughB: 'change' },
};

let deps: TestDeps;
let api: Api;
let users: Record<Who, Actor>;
let deals: Record<DealKey, DealDto>;
let pipelineId: string;
let customerAccountId: string;
let ids: { distA: string; distB: string; r: string; t: string };

async function post<T = { id: string }>(actor: Actor, url: string, payload: Record<string, unknown>): Promise<T> {
  const r = await api.as(actor, { method: 'POST', url, payload });
  expect(r.statusCode, r.body).toBeLessThan(300);
  return r.json<T>();
}

beforeAll(async () => {
  deps = await createTestDeps();
  api = await createApi(deps);
  const org = await createTestOrg(deps);
  pipelineId = (
    await post(org.admin, '/api/v1/pipelines', {
      name: 'Sales',
      isDefault: true,
      stages: [
        { name: 'Open', kind: 'open', probability: 10 },
        { name: 'Won', kind: 'won' },
        { name: 'Lost', kind: 'lost' },
      ],
    })
  ).id;
  const partner = async (name: string, type: 'distributor' | 'reseller') => {
    const a = await post(org.admin, '/api/v1/accounts', { name, type });
    const p = await api.as(org.admin, {
      method: 'PUT',
      url: `/api/v1/partners/${a.id}`,
      payload: { partnerType: type },
    });
    expect(p.statusCode, p.body).toBe(200);
    return a.id;
  };
  const distA = await partner('Arrow Distribution', 'distributor');
  const distB = await partner('Bell Micro', 'distributor');
  const r = await partner('Rivet Resellers', 'reseller');
  const s = await partner('Sable Systems', 'reseller');
  const t = await partner('Tern Solutions', 'reseller');
  ids = { distA, distB, r, t };
  const manager = await createTestUser(deps, org.admin, 'manager');
  for (const [d, x] of [
    [distA, r],
    [distA, s],
    [distB, t],
  ] as const) {
    const link = await api.as(manager, { method: 'PUT', url: `/api/v1/partners/${d}/resellers/${x}` });
    expect(link.statusCode, link.body).toBe(200);
  }
  const user = (accountId: string) => createTestUser(deps, org.admin, 'partner', { partnerAccountId: accountId });
  users = {
    distA: await user(distA),
    distB: await user(distB),
    resellerR: await user(r),
    resellerS: await user(s),
    resellerT: await user(t),
  };
  customerAccountId = (await post(org.admin, '/api/v1/accounts', { name: 'Contoso Ltd' })).id;
  const approved = async (who: Actor, payload: Record<string, unknown>) => {
    const reg = await post<RegistrationDto>(who, '/api/v1/registrations', payload);
    // each deal owned by a rep of its own, so a partner's user directory tells whose deals it reads
    const owner = await createTestUser(deps, org.admin, 'rep');
    const done = await api.as(org.admin, {
      method: 'POST',
      url: `/api/v1/registrations/${reg.id}/approve`,
      headers: { 'if-match': String(reg.version) },
      payload: { ownerId: owner.userId },
    });
    expect(done.statusCode, done.body).toBe(200);
    const dealId = done.json<RegistrationDto>().dealId ?? '';
    const got = await api.as(org.admin, { method: 'GET', url: `/api/v1/deals/${dealId}` });
    return got.json<DealDto>();
  };
  deals = {
    rThroughA: await approved(users.resellerR, { customerName: 'Contoso Two-Tier' }),
    rDirect: await approved(users.resellerR, { customerName: 'Fabrikam Direct', distributorAccountId: null }),
    tThroughB: await approved(users.resellerT, { customerName: 'Northwind Two-Tier' }),
  };
  // the customer of R's deal through A
  const withAccount = await api.as(org.admin, {
    method: 'PATCH',
    url: `/api/v1/deals/${deals.rThroughA.id}`,
    headers: { 'if-match': String(deals.rThroughA.version) },
    payload: { accountId: customerAccountId },
  });
  expect(withAccount.statusCode, withAccount.body).toBe(200);
  deals.rThroughA = withAccount.json<DealDto>();
});

afterAll(async () => {
  await api.close();
  await deps.cleanup();
});

describe('two-tier access matrix: deals', () => {
  it('names the reseller and the distributor of each deal', () => {
    expect(deals.rThroughA).toMatchObject({ partnerAccountId: ids.r, distributorAccountId: ids.distA });
    expect(deals.rDirect).toMatchObject({ partnerAccountId: ids.r, distributorAccountId: null });
    expect(deals.tThroughB).toMatchObject({ partnerAccountId: ids.t, distributorAccountId: ids.distB });
  });

  for (const who of Object.keys(matrix) as Who[]) {
    it(who, async () => {
      const actor = users[who];
      const list = await api.as(actor, { method: 'GET', url: `/api/v1/deals?limit=200&pipelineId=${pipelineId}` });
      expect(list.statusCode, list.body).toBe(200);
      const listed = new Set(list.json<{ items: DealDto[] }>().items.map((d) => d.id));
      const board = await api.as(actor, { method: 'GET', url: `/api/v1/deals/board?pipelineId=${pipelineId}` });
      expect(board.statusCode, board.body).toBe(200);
      const counted = board.json<BoardSummaryDto>().stages.reduce((n, s) => n + s.count, 0);
      const found = async (name: string) => {
        const r = await api.as(actor, {
          method: 'GET',
          url: `/api/v1/search?types=deal&q=${encodeURIComponent(name)}`,
        });
        expect(r.statusCode, r.body).toBe(200);
        return r.json<{ items: { id: string }[] }>().items.map((i) => i.id);
      };
      const outcome = async (key: DealKey): Promise<Record<string, unknown>> => {
        const d = deals[key];
        const read = await api.as(actor, { method: 'GET', url: `/api/v1/deals/${d.id}` });
        const latest = read.statusCode === 200 ? read.json<DealDto>().version : d.version;
        const change = await api.as(actor, {
          method: 'PATCH',
          url: `/api/v1/deals/${d.id}`,
          headers: { 'if-match': String(latest) },
          payload: { nextStep: `Checked by ${who}` },
        });
        const objections = await api.as(actor, { method: 'GET', url: `/api/v1/deals/${d.id}/objections` });
        return {
          read: read.statusCode,
          objections: objections.statusCode,
          change: change.statusCode,
          listed: listed.has(d.id),
          searched: (await found(d.name)).includes(d.id),
        };
      };
      const want = (seen: Seen) => ({
        read: seen === 'hidden' ? 404 : 200,
        objections: seen === 'hidden' ? 404 : 200,
        change: seen === 'change' ? 200 : seen === 'read' ? 403 : 404,
        listed: seen !== 'hidden',
        searched: seen !== 'hidden',
      });
      const keys = Object.keys(matrix[who]) as DealKey[];
      const got: Record<string, unknown> = {};
      for (const key of keys) got[key] = await outcome(key);
      expect(got).toEqual(Object.fromEntries(keys.map((k) => [k, want(matrix[who][k])])));
      // the board's column heads count the same deals as the list
      expect(counted).toBe(keys.filter((k) => matrix[who][k] !== 'hidden').length);
      // the owner of a deal a partner reads is in its user directory, so the deal shows its owner by name
      const directory = await api.as(actor, { method: 'GET', url: '/api/v1/users?limit=200' });
      const named = directory.json<{ items: { id: string }[] }>().items.map((u) => u.id);
      expect(named.includes(deals.rThroughA.ownerId ?? '')).toBe(matrix[who].rThroughA !== 'hidden');
      // the customer of a deal a partner reads shows through it: A reads Contoso, B does not
      const customer = await api.as(actor, { method: 'GET', url: `/api/v1/accounts/${customerAccountId}` });
      expect(customer.statusCode).toBe(matrix[who].rThroughA === 'hidden' ? 404 : 200);
    });
  }
});
