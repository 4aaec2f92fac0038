import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/contract/access.ts';
import type { ConflictDto, PartnerTierDto, RegistrationDto } from '../src/contract/channel.ts';
import { ManualClock } from '../src/domain/deps.ts';
import { expireLapsedRegistrations } from '../src/modules/channel/registrations.service.ts';
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

async function world() {
  clock.set('2026-01-02T10:00:00.000Z');
  const org = await createTestOrg(deps);
  const post = async (actor: Actor, url: string, payload: Record<string, unknown>) => {
    const r = await api.as(actor, { method: 'POST', url, payload });
    expect(r.statusCode, r.body).toBe(201);
    return r.json<{ id: string }>();
  };
  const pipeline = await post(org.admin, '/api/v1/pipelines', {
    name: 'Sales',
    isDefault: true,
    stages: [
      { name: 'Open', kind: 'open', probability: 10 },
      { name: 'Won', kind: 'won' },
      { name: 'Lost', kind: 'lost' },
    ],
  });
  const resellerA = await post(org.admin, '/api/v1/accounts', { name: 'Alpha Resellers', type: 'reseller' });
  const resellerB = await post(org.admin, '/api/v1/accounts', { name: 'Beta Solutions', type: 'value_added_reseller' });
  const manager = await createTestUser(deps, org.admin, 'manager');
  const rep = await createTestUser(deps, org.admin, 'rep');
  const auditor = await createTestUser(deps, org.admin, 'auditor');
  const partnerA = await createTestUser(deps, org.admin, 'partner', { partnerAccountId: resellerA.id });
  const partnerB = await createTestUser(deps, org.admin, 'partner', { partnerAccountId: resellerB.id });
  return { ...org, pipeline, resellerA, resellerB, manager, rep, auditor, partnerA, partnerB, post };
}

describe('partner programme', () => {
  it('is configured by admins: tiers with benefits, partner type and tier per account', async () => {
    const w = await world();
    const gold = await api.as(w.admin, {
      method: 'POST',
      url: '/api/v1/partner-tiers',
      payload: { name: 'Gold', rank: 3, discountPercent: '20', protectionDays: 120, developmentFunds: '5000.00' },
    });
    expect(gold.statusCode, gold.body).toBe(201);
    expect(gold.json()).toMatchObject({ name: 'Gold', protectionDays: 120, discountPercent: '20.00', currency: 'USD' });
    const dup = await api.as(w.admin, {
      method: 'POST',
      url: '/api/v1/partner-tiers',
      payload: { name: 'gold', protectionDays: 0, discountPercent: '120' },
    });
    expect(dup.statusCode).toBe(422);
    expect(fieldsOf(dup)).toEqual(['discountPercent', 'protectionDays']);
    const dupName = await api.as(w.admin, {
      method: 'POST',
      url: '/api/v1/partner-tiers',
      payload: { name: 'gold', protectionDays: 30 },
    });
    expect(fieldsOf(dupName)).toEqual(['name']);
    expect(
      (
        await api.as(w.manager, {
          method: 'POST',
          url: '/api/v1/partner-tiers',
          payload: { name: 'X', protectionDays: 5 },
        })
      ).statusCode,
    ).toBe(403);
    const tier = gold.json<PartnerTierDto>();
    const set = await api.as(w.admin, {
      method: 'PUT',
      url: `/api/v1/partners/${w.resellerA.id}`,
      payload: { partnerType: 'reseller', tierId: tier.id },
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ name: 'Alpha Resellers', partnerType: 'reseller', tierName: 'Gold' });
    const bad = await api.as(w.admin, {
      method: 'PUT',
      url: `/api/v1/partners/${w.resellerB.id}`,
      payload: { partnerType: 'wholesaler', tierId: 'nope' },
    });
    expect(fieldsOf(bad)).toEqual(['partnerType', 'tierId']);
    const upd = await api.as(w.admin, {
      method: 'PATCH',
      url: `/api/v1/partner-tiers/${tier.id}`,
      headers: { 'if-match': '1' },
      payload: { protectionDays: 90 },
    });
    expect(upd.json()).toMatchObject({ protectionDays: 90, version: 2 });
    // the partner reads its own profile, not the programme
    expect((await api.as(w.partnerA, { method: 'GET', url: `/api/v1/partners/${w.resellerA.id}` })).statusCode).toBe(
      200,
    );
    expect((await api.as(w.partnerA, { method: 'GET', url: `/api/v1/partners/${w.resellerB.id}` })).statusCode).toBe(
      403,
    );
    expect((await api.as(w.partnerA, { method: 'GET', url: '/api/v1/partners' })).statusCode).toBe(403);
    const events = await deps.db
      .selectFrom('events')
      .select('type')
      .where('org_id', '=', w.orgId)
      .where('type', 'in', ['partner_tier.created', 'partner_tier.updated', 'account.partner_programme_set'])
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.type)).toEqual([
      'partner_tier.created',
      'account.partner_programme_set',
      'partner_tier.updated',
    ]);
  });
});

describe('deal registration', () => {
  it('runs register → conflict → resolve → approve → extend → expire, each step an event', async () => {
    const w = await world();
    const tier = (
      await api.as(w.admin, {
        method: 'POST',
        url: '/api/v1/partner-tiers',
        payload: { name: 'Silver', protectionDays: 60 },
      })
    ).json<PartnerTierDto>();
    await api.as(w.admin, {
      method: 'PUT',
      url: `/api/v1/partners/${w.resellerB.id}`,
      payload: { partnerType: 'value_added_reseller', tierId: tier.id },
    });

    const bad = await api.as(w.partnerA, {
      method: 'POST',
      url: '/api/v1/registrations',
      payload: {
        customerName: ' ',
        customerDomain: 'not a domain',
        productIds: ['x'],
        partnerAccountId: w.resellerB.id,
      },
    });
    expect(bad.statusCode).toBe(422);
    expect(fieldsOf(bad)).toEqual(['customerDomain', 'customerName', 'productIds.0']);

    const regA = await api.as(w.partnerA, {
      method: 'POST',
      url: '/api/v1/registrations',
      payload: {
        customerName: 'ACME, Inc.',
        customerDomain: 'acme.com',
        amount: '12000.00',
        expectedCloseDate: '2026-03-31',
      },
    });
    expect(regA.statusCode, regA.body).toBe(201);
    const a = regA.json<RegistrationDto>();
    expect(a).toMatchObject({ status: 'pending', partnerName: 'Alpha Resellers', openConflicts: 0, currency: 'USD' });

    // the form's duplicate warning for the second partner, before it registers
    const check = await api.as(w.partnerB, {
      method: 'POST',
      url: '/api/v1/registrations/check',
      payload: { customerName: 'Acme Corporation' },
    });
    expect(check.json()).toEqual({
      matches: [
        {
          kind: 'registration',
          reasons: [
            { kind: 'name', detail: 'same name once normalised: "acme"' },
            { kind: 'products', detail: 'products not named on one side: an overlap cannot be ruled out' },
          ],
        },
      ],
    });
    clock.advance(3600_000);
    const b = (
      await api.as(w.partnerB, {
        method: 'POST',
        url: '/api/v1/registrations',
        payload: { customerName: 'Acme Corporation' },
      })
    ).json<RegistrationDto>();
    expect(b.openConflicts).toBe(1);

    // partners see only their own registrations
    expect((await api.as(w.partnerB, { method: 'GET', url: `/api/v1/registrations/${a.id}` })).statusCode).toBe(404);
    const listB = await api.as(w.partnerB, { method: 'GET', url: '/api/v1/registrations' });
    expect(listB.json<{ items: RegistrationDto[] }>().items.map((r) => r.id)).toEqual([b.id]);
    expect((await api.as(w.rep, { method: 'GET', url: '/api/v1/registrations' })).statusCode).toBe(403);
    expect((await api.as(w.partnerB, { method: 'GET', url: '/api/v1/channel-conflicts' })).statusCode).toBe(403);

    const conflicts = (
      await api.as(w.manager, { method: 'GET', url: `/api/v1/channel-conflicts?status=open&registrationId=${b.id}` })
    ).json<{ items: ConflictDto[] }>().items;
    expect(conflicts).toHaveLength(1);
    const conflict = conflicts[0] as ConflictDto;
    expect(conflict).toMatchObject({
      subjectKind: 'registration',
      subjectId: b.id,
      matchKind: 'registration',
      matchId: a.id,
      policy: 'first_to_register',
      suggestedWinner: 'match',
      evidence: {
        subject: { since: '2026-01-02T11:00:00.000Z', partnerAccountId: w.resellerB.id },
        match: { since: '2026-01-02T10:00:00.000Z', partnerAccountId: w.resellerA.id },
        matchEvents: [{ type: 'deal_registration.submitted', at: '2026-01-02T10:00:00.000Z' }],
      },
    });

    // open conflicts block approval; the auditor reads but does not decide
    clock.set('2026-01-06T09:00:00.000Z'); // Tuesday: two business days after the Friday
    const blocked = await api.as(w.manager, {
      method: 'POST',
      url: `/api/v1/registrations/${b.id}/approve`,
      headers: { 'if-match': String(b.version) },
      payload: {},
    });
    expect(blocked.statusCode).toBe(409);
    expect(
      (
        await api.as(w.auditor, {
          method: 'POST',
          url: `/api/v1/channel-conflicts/${conflict.id}/resolve`,
          headers: { 'if-match': '1' },
          payload: { winner: 'subject' },
        })
      ).statusCode,
    ).toBe(403);
    const resolved = await api.as(w.manager, {
      method: 'POST',
      url: `/api/v1/channel-conflicts/${conflict.id}/resolve`,
      headers: { 'if-match': '1' },
      payload: { winner: 'subject', note: 'Beta has the relationship' },
    });
    expect(resolved.json()).toMatchObject({ status: 'resolved', winner: 'subject', resolvedBy: w.manager.userId });

    const approved = await api.as(w.manager, {
      method: 'POST',
      url: `/api/v1/registrations/${b.id}/approve`,
      headers: { 'if-match': String(b.version) },
      payload: { ownerId: w.manager.userId },
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const ab = approved.json<RegistrationDto>();
    expect(ab).toMatchObject({
      status: 'approved',
      protectionDays: 60,
      protectedUntil: '2026-03-07T09:00:00.000Z',
      approvalBusinessDays: 2,
      slaBreached: false,
    });
    const rejected = await api.as(w.manager, {
      method: 'POST',
      url: `/api/v1/registrations/${a.id}/reject`,
      headers: { 'if-match': String(a.version) },
      payload: { reason: 'Beta registered the relationship first' },
    });
    expect(rejected.json()).toMatchObject({
      status: 'rejected',
      rejectionReason: 'Beta registered the relationship first',
    });

    // the partner sees its deal, and its owner by name
    const deal = await api.as(w.partnerB, { method: 'GET', url: `/api/v1/deals/${ab.dealId ?? ''}` });
    expect(deal.json()).toMatchObject({
      channel: 'partner',
      partnerAccountId: w.resellerB.id,
      ownerId: w.manager.userId,
    });
    const users = await api.as(w.partnerB, { method: 'GET', url: '/api/v1/users?limit=200' });
    expect(users.statusCode).toBe(200);
    expect(new Set(users.json<{ items: { id: string }[] }>().items.map((u) => u.id))).toEqual(
      new Set([w.partnerB.userId, w.manager.userId]),
    );
    expect((await api.as(w.partnerB, { method: 'GET', url: `/api/v1/users/${w.rep.userId}` })).statusCode).toBe(404);
    expect((await api.as(w.partnerA, { method: 'GET', url: `/api/v1/deals/${ab.dealId ?? ''}` })).statusCode).toBe(404);

    // a direct deal for the protected customer is a conflict with the registration
    const account = await w.post(w.admin, '/api/v1/accounts', {
      name: 'Acme Corp.',
      domain: 'acme.com',
      ownerId: w.rep.userId,
    });
    await w.post(w.rep, '/api/v1/deals', { name: 'Acme renewal', accountId: account.id });
    const direct = (await api.as(w.manager, { method: 'GET', url: '/api/v1/channel-conflicts?status=open' })).json<{
      items: ConflictDto[];
    }>().items;
    expect(direct.map((c) => [c.subjectKind, c.matchKind, c.matchId, c.reasons.map((r) => r.kind)])).toEqual([
      ['deal', 'registration', b.id, ['name', 'products']],
    ]);

    const extended = await api.as(w.manager, {
      method: 'POST',
      url: `/api/v1/registrations/${b.id}/extend`,
      headers: { 'if-match': String(ab.version) },
      payload: { days: 10 },
    });
    expect(extended.json()).toMatchObject({ protectedUntil: '2026-03-17T09:00:00.000Z', protectionDays: 70 });
    const jobs = await deps.db
      .selectFrom('jobs')
      .select(['kind', 'run_at'])
      .where('org_id', '=', w.orgId)
      .where('kind', '=', 'channel.registration_expiry')
      .orderBy('run_at')
      .execute();
    expect(jobs.map((j) => [j.kind, j.run_at.toISOString()])).toEqual([
      ['channel.registration_expiry', '2026-03-07T09:00:00.000Z'],
      ['channel.registration_expiry', '2026-03-17T09:00:00.000Z'],
    ]);

    // the first job runs when the old window ends: nothing lapses; the second expires it
    clock.set('2026-03-07T09:00:00.000Z');
    expect(await expireLapsedRegistrations(deps, w.orgId)).toBe(0);
    clock.set('2026-03-17T09:00:00.000Z');
    expect(await expireLapsedRegistrations(deps, w.orgId)).toBe(1);
    expect(await expireLapsedRegistrations(deps, w.orgId)).toBe(0);
    const expired = await api.as(w.partnerB, { method: 'GET', url: `/api/v1/registrations/${b.id}` });
    expect(expired.json()).toMatchObject({ status: 'expired' });

    const timeline = await api.as(w.partnerB, { method: 'GET', url: `/api/v1/registrations/${b.id}/timeline` });
    expect(timeline.statusCode, timeline.body).toBe(200);
    const types = await deps.db
      .selectFrom('events')
      .select(['type', 'actor_id'])
      .where('org_id', '=', w.orgId)
      .where('entity_id', '=', b.id)
      .orderBy('seq')
      .execute();
    expect(types.map((e) => e.type)).toEqual([
      'deal_registration.submitted',
      'deal_registration.approved',
      'deal_registration.extended',
      'deal_registration.expired',
    ]);
    expect(types[3]?.actor_id).toBeNull();

    // the partner's scorecard and the manager's analytics read the same facts
    const card = await api.as(w.partnerB, { method: 'GET', url: '/api/v1/channel/scorecard' });
    expect(card.json()).toEqual({
      registered: 1,
      pending: 0,
      approved: 1,
      rejected: 0,
      expired: 1,
      meanApprovalBusinessDays: 2,
      winRate: null,
      dealsWon: 0,
      revenueWon: '0.00',
    });
    const peek = await api.as(w.partnerB, {
      method: 'GET',
      url: `/api/v1/channel/scorecard?partnerAccountId=${w.resellerA.id}`,
    });
    expect(peek.statusCode).toBe(403);
    expect((await api.as(w.partnerB, { method: 'GET', url: '/api/v1/channel/analytics' })).statusCode).toBe(403);
    const stats = await api.as(w.manager, { method: 'GET', url: '/api/v1/channel/analytics' });
    expect(stats.json()).toMatchObject({
      funnel: { registered: 2, approved: 1, won: 0 },
      overall: { conflictRate: 1, meanApprovalBusinessDays: 2 },
      channelVsDirect: { direct: { deals: 1 }, partner: { deals: 1 } },
    });
  });

  it('shows the approval SLA in business days', async () => {
    const w = await world();
    const r = (
      await api.as(w.partnerA, { method: 'POST', url: '/api/v1/registrations', payload: { customerName: 'Initech' } })
    ).json<RegistrationDto>();
    clock.set('2026-01-07T09:00:00.000Z'); // Wednesday: Mon, Tue, Wed
    const set = await api.as(w.admin, {
      method: 'PATCH',
      url: '/api/v1/channel-settings',
      headers: { 'if-match': '0' },
      payload: { approvalSlaDays: 2, conflictPolicy: 'evidence_based' },
    });
    expect(set.json()).toEqual({ approvalSlaDays: 2, conflictPolicy: 'evidence_based', version: 1 });
    const got = await api.as(w.manager, { method: 'GET', url: `/api/v1/registrations/${r.id}` });
    expect(got.json()).toMatchObject({ status: 'pending', approvalBusinessDays: 3, slaBreached: true });
  });
});
