import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { Actor } from '../src/contract/access.ts';
import type { ProtectionWhatIfDto, RegistrationDto, ResellerWorkDto } from '../src/contract/channel.ts';
import { ManualClock } from '../src/domain/deps.ts';
import {
  checkRegistrationEscalation,
  REGISTRATION_ESCALATION_JOB,
} from '../src/modules/channel/registration-escalation.ts';
import { createApi, type Api } from './helpers/api.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg, createTestUser } from './helpers/factories.ts';

// 2026-01-02 is a Friday
const clock = new ManualClock('2026-01-02T10:00:00.000Z');
let deps: TestDeps;
let api: Api;

beforeAll(async () => {
  deps = await createTestDeps({ clock });
  api = await createApi(deps);
});
afterAll(async () => {
  await api.close();
  await deps.cleanup();
});

const fieldsOf = (res: LightMyRequestResponse) =>
  res
    .json<{ errors: { field: string }[] }>()
    .errors.map((e) => e.field)
    .sort();

/** Two distributors; A serves resellers R and S, B serves T. */
async function world() {
  clock.set('2026-01-02T10:00:00.000Z');
  const org = await createTestOrg(deps);
  const post = async (actor: Actor, url: string, payload: Record<string, unknown>) => {
    const r = await api.as(actor, { method: 'POST', url, payload });
    expect(r.statusCode, r.body).toBe(201);
    return r.json<{ id: string }>();
  };
  await post(org.admin, '/api/v1/pipelines', {
    name: 'Sales',
    isDefault: true,
    stages: [
      { name: 'Open', kind: 'open', probability: 10 },
      { name: 'Won', kind: 'won' },
      { name: 'Lost', kind: 'lost' },
    ],
  });
  const partner = async (name: string, type: 'distributor' | 'reseller') => {
    const a = await post(org.admin, '/api/v1/accounts', { name, type });
    const p = await api.as(org.admin, {
      method: 'PUT',
      url: `/api/v1/partners/${a.id}`,
      payload: { partnerType: type },
    });
    expect(p.statusCode, p.body).toBe(200);
    return a;
  };
  const distA = await partner('Arrow Distribution', 'distributor');
  const distB = await partner('Bell Micro', 'distributor');
  const r = await partner('Rivet Resellers', 'reseller');
  const s = await partner('Sable Systems', 'reseller');
  const t = await partner('Tern Solutions', 'reseller');
  const manager = await createTestUser(deps, org.admin, 'manager');
  const user = (accountId: string) => createTestUser(deps, org.admin, 'partner', { partnerAccountId: accountId });
  const [aUser, bUser, rUser, sUser, tUser] = [
    await user(distA.id),
    await user(distB.id),
    await user(r.id),
    await user(s.id),
    await user(t.id),
  ];
  const link = (d: string, x: string, actor: Actor = manager) =>
    api.as(actor, { method: 'PUT', url: `/api/v1/partners/${d}/resellers/${x}` });
  for (const [d, x] of [
    [distA.id, r.id],
    [distA.id, s.id],
    [distB.id, t.id],
  ] as const)
    expect((await link(d, x)).statusCode).toBe(200);
  const register = (actor: Actor, payload: Record<string, unknown>) =>
    api.as(actor, { method: 'POST', url: '/api/v1/registrations', payload });
  return { ...org, distA, distB, r, s, t, manager, aUser, bUser, rUser, sUser, tUser, link, register, post };
}

describe('two-tier distribution', () => {
  it('lets channel managers say which resellers a distributor serves', async () => {
    const w = await world();
    // only a distributor serves, only a non-distributor is served; partners and auditors do not set links
    const bad = await w.link(w.r.id, w.distB.id);
    expect(bad.statusCode).toBe(422);
    expect(fieldsOf(bad)).toEqual(['id', 'resellerId']);
    expect((await w.link(w.distA.id, w.t.id, w.aUser)).statusCode).toBe(403);
    // linking twice changes nothing; one event
    expect((await w.link(w.distA.id, w.r.id)).json()).toMatchObject({ resellerName: 'Rivet Resellers' });
    const events = await deps.db
      .selectFrom('events')
      .select('type')
      .where('org_id', '=', w.orgId)
      .where('entity_id', '=', w.distA.id)
      .where('type', '=', 'account.reseller_linked')
      .execute();
    expect(events).toHaveLength(2);
    // a partner reads the links it is on; channel managers all
    const mine = await api.as(w.rUser, { method: 'GET', url: '/api/v1/partner-resellers' });
    expect(mine.json<{ items: { distributorName: string }[] }>().items.map((l) => l.distributorName)).toEqual([
      'Arrow Distribution',
    ]);
    const all = await api.as(w.manager, { method: 'GET', url: '/api/v1/partner-resellers' });
    expect(all.json<{ items: unknown[] }>().items).toHaveLength(3);
    const gone = await api.as(w.manager, {
      method: 'DELETE',
      url: `/api/v1/partners/${w.distA.id}/resellers/${w.s.id}`,
    });
    expect(gone.statusCode).toBe(204);
    expect(
      (await api.as(w.manager, { method: 'DELETE', url: `/api/v1/partners/${w.distA.id}/resellers/${w.s.id}` }))
        .statusCode,
    ).toBe(404);
  });

  it("links a reseller's registration to its distributor, who reads it and its deal but not other distributors'", async () => {
    const w = await world();
    const rReg = await w.register(w.rUser, { customerName: 'Contoso Ltd', customerDomain: 'contoso.com' });
    expect(rReg.statusCode, rReg.body).toBe(201);
    const reg = rReg.json<RegistrationDto>();
    expect(reg).toMatchObject({ distributorAccountId: w.distA.id, distributorName: 'Arrow Distribution' });
    const sReg = (await w.register(w.sUser, { customerName: 'Fabrikam' })).json<RegistrationDto>();
    const tReg = (await w.register(w.tUser, { customerName: 'Northwind' })).json<RegistrationDto>();
    expect(tReg.distributorAccountId).toBe(w.distB.id);
    // a distributor that does not serve the reseller cannot be named
    const wrong = await w.register(w.rUser, { customerName: 'Litware', distributorAccountId: w.distB.id });
    expect(wrong.statusCode).toBe(422);
    expect(fieldsOf(wrong)).toEqual(['distributorAccountId']);

    const get = (actor: Actor, id: string) => api.as(actor, { method: 'GET', url: `/api/v1/registrations/${id}` });
    // distributor A sees R's registration; distributor B does not
    expect((await get(w.aUser, reg.id)).statusCode).toBe(200);
    expect((await get(w.bUser, reg.id)).statusCode).toBe(404);
    // R does not see A's other reseller's registration
    expect((await get(w.rUser, sReg.id)).statusCode).toBe(404);
    const rList = await api.as(w.rUser, { method: 'GET', url: '/api/v1/registrations' });
    expect(rList.json<{ items: RegistrationDto[] }>().items.map((x) => x.id)).toEqual([reg.id]);
    const bList = await api.as(w.bUser, { method: 'GET', url: '/api/v1/registrations' });
    expect(bList.json<{ items: RegistrationDto[] }>().items.map((x) => x.id)).toEqual([tReg.id]);

    // approved, the deal shows to the distributor among its resellers' work
    const approved = await api.as(w.manager, {
      method: 'POST',
      url: `/api/v1/registrations/${reg.id}/approve`,
      headers: { 'if-match': String(reg.version) },
      payload: {},
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const work = (
      await api.as(w.aUser, { method: 'GET', url: '/api/v1/channel/reseller-work' })
    ).json<ResellerWorkDto>();
    expect(work.resellers.map((l) => l.resellerName)).toEqual(['Rivet Resellers', 'Sable Systems']);
    expect(work.registrations.map((x) => x.id).sort()).toEqual([reg.id, sReg.id].sort());
    expect(work.deals).toMatchObject([
      {
        registrationId: reg.id,
        resellerName: 'Rivet Resellers',
        name: 'Contoso Ltd',
        status: 'open',
        stageName: 'Open',
      },
    ]);
    const bWork = (
      await api.as(w.bUser, { method: 'GET', url: '/api/v1/channel/reseller-work' })
    ).json<ResellerWorkDto>();
    expect(bWork.deals).toEqual([]);
    expect(bWork.registrations.map((x) => x.id)).toEqual([tReg.id]);
    // a reseller has no resellers: it sees none of its distributor's other resellers' work
    const rWork = (
      await api.as(w.rUser, { method: 'GET', url: '/api/v1/channel/reseller-work' })
    ).json<ResellerWorkDto>();
    expect(rWork).toEqual({ resellers: [], registrations: [], deals: [] });

    // reading only: the distributor neither decides nor extends
    const sFresh = (await get(w.manager, sReg.id)).json<RegistrationDto>();
    const decide = await api.as(w.aUser, {
      method: 'POST',
      url: `/api/v1/registrations/${sReg.id}/reject`,
      headers: { 'if-match': String(sFresh.version) },
      payload: { reason: 'no' },
    });
    expect(decide.statusCode).toBe(403);
  });

  it('asks a reseller served by several distributors to name one', async () => {
    const w = await world();
    expect((await w.link(w.distB.id, w.r.id)).statusCode).toBe(200);
    const ambiguous = await w.register(w.rUser, { customerName: 'Adatum' });
    expect(ambiguous.statusCode).toBe(422);
    expect(fieldsOf(ambiguous)).toEqual(['distributorAccountId']);
    const named = await w.register(w.rUser, { customerName: 'Adatum', distributorAccountId: w.distB.id });
    expect(named.json<RegistrationDto>().distributorAccountId).toBe(w.distB.id);
    const none = await w.register(w.rUser, { customerName: 'Proseware', distributorAccountId: null });
    expect(none.json<RegistrationDto>().distributorAccountId).toBeNull();
  });
});

describe('approval SLA escalation', () => {
  it('escalates a registration still pending past the SLA once, on the job queue', async () => {
    const w = await world();
    // registered Friday 2 January 10:00, SLA 2 business days: due Wednesday 7 January 00:00
    const reg = (await w.register(w.tUser, { customerName: 'Wide World Importers' })).json<RegistrationDto>();
    const job = await deps.db
      .selectFrom('jobs')
      .select(['run_at', 'payload'])
      .where('org_id', '=', w.orgId)
      .where('kind', '=', REGISTRATION_ESCALATION_JOB)
      .executeTakeFirstOrThrow();
    expect(job.run_at.toISOString()).toBe('2026-01-07T00:00:00.000Z');
    clock.set('2026-01-06T23:59:00.000Z');
    expect(await checkRegistrationEscalation(deps, w.orgId, reg.id)).toBe('not_due');
    clock.set('2026-01-07T00:00:00.000Z');
    expect(await checkRegistrationEscalation(deps, w.orgId, reg.id)).toBe('escalated');
    expect(await checkRegistrationEscalation(deps, w.orgId, reg.id)).toBe('settled');
    const events = await deps.db
      .selectFrom('events')
      .select(['type', 'data', 'actor_id'])
      .where('org_id', '=', w.orgId)
      .where('entity_id', '=', reg.id)
      .where('type', '=', 'deal_registration.escalated')
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]?.actor_id).toBeNull();
    expect(events[0]?.data).toMatchObject({
      approvalSlaDays: 2,
      businessDays: 3,
      dueAt: '2026-01-07T00:00:00.000Z',
      notified: [{ userId: w.admin.userId }],
    });
    const after = (
      await api.as(w.manager, { method: 'GET', url: `/api/v1/registrations/${reg.id}` })
    ).json<RegistrationDto>();
    expect(after).toMatchObject({ escalatedAt: '2026-01-07T00:00:00.000Z', slaBreached: true });
  });

  it('leaves a decided registration alone, and schedules again when the SLA changes', async () => {
    const w = await world();
    const reg = (await w.register(w.tUser, { customerName: 'Blue Yonder' })).json<RegistrationDto>();
    const settings = await api.as(w.admin, {
      method: 'PATCH',
      url: '/api/v1/channel-settings',
      headers: { 'if-match': '0' },
      payload: { approvalSlaDays: 5 },
    });
    expect(settings.statusCode, settings.body).toBe(200);
    const runs = await deps.db
      .selectFrom('jobs')
      .select('run_at')
      .where('org_id', '=', w.orgId)
      .where('kind', '=', REGISTRATION_ESCALATION_JOB)
      .orderBy('run_at')
      .execute();
    // Friday + 5 business days (Mon 5 … Fri 9): due Monday 12 January
    expect(runs.map((r) => r.run_at.toISOString())).toEqual(['2026-01-07T00:00:00.000Z', '2026-01-12T00:00:00.000Z']);
    clock.set('2026-01-07T00:00:00.000Z');
    expect(await checkRegistrationEscalation(deps, w.orgId, reg.id)).toBe('not_due');
    const rejected = await api.as(w.manager, {
      method: 'POST',
      url: `/api/v1/registrations/${reg.id}/reject`,
      headers: { 'if-match': String(reg.version) },
      payload: { reason: 'duplicate' },
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    clock.set('2026-01-12T00:00:00.000Z');
    expect(await checkRegistrationEscalation(deps, w.orgId, reg.id)).toBe('settled');
  });
});

describe('protection-window what-if', () => {
  it('is for channel managers and auditors, and names every bad field', async () => {
    const w = await world();
    const tier = await w.post(w.admin, '/api/v1/partner-tiers', { name: 'Gold', protectionDays: 60 });
    const ask = (actor: Actor, payload: unknown) =>
      api.as(actor, { method: 'POST', url: '/api/v1/channel/protection-what-if', payload: payload as object });
    expect((await ask(w.rUser, { windows: [{ tierId: tier.id, protectionDays: 30 }] })).statusCode).toBe(403);
    const bad = await ask(w.manager, {
      windows: [
        { tierId: '00000000-0000-4000-8000-000000000000', protectionDays: 30 },
        { tierId: tier.id, protectionDays: 0 },
      ],
    });
    expect(bad.statusCode).toBe(422);
    expect(fieldsOf(bad)).toEqual(['windows.1.protectionDays']);
    const unknown = await ask(w.manager, {
      windows: [
        { tierId: '00000000-0000-4000-8000-000000000000', protectionDays: 30 },
        { tierId: null, protectionDays: 30 },
        { tierId: null, protectionDays: 40 },
      ],
    });
    expect(fieldsOf(unknown)).toEqual(['windows.0.tierId', 'windows.2.tierId']);
    const ok = await ask(w.manager, { windows: [{ tierId: tier.id, protectionDays: 30 }] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<ProtectionWhatIfDto>().byTier).toMatchObject([
      { tierName: 'Gold', currentDays: 60, candidateDays: 30, registrations: 0 },
    ]);
  });
});
