import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/contract/access.ts';
import type { LeadOfferDto } from '../src/contract/partner-leads.ts';
import { ManualClock } from '../src/domain/deps.ts';
import { expireLeadOffer, LEAD_OFFER_EXPIRY_JOB } from '../src/modules/channel/lead-offers.service.ts';
import { createApi, type Api } from './helpers/api.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg, createTestUser } from './helpers/factories.ts';

const clock = new ManualClock('2026-03-02T09:00:00.000Z');
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
  clock.set('2026-03-02T09:00:00.000Z');
  const org = await createTestOrg(deps);
  const post = async (actor: Actor, url: string, payload: Record<string, unknown>) => {
    const r = await api.as(actor, { method: 'POST', url, payload });
    expect(r.statusCode, r.body).toBe(201);
    return r.json<{ id: string }>();
  };
  const put = async (url: string, payload: Record<string, unknown>) => {
    const r = await api.as(org.admin, { method: 'PUT', url, payload });
    expect(r.statusCode, r.body).toBe(200);
  };
  const gold = await post(org.admin, '/api/v1/partner-tiers', {
    name: 'Gold',
    rank: 3,
    protectionDays: 90,
    leadCapacity: 1,
  });
  const silver = await post(org.admin, '/api/v1/partner-tiers', { name: 'Silver', rank: 2, protectionDays: 60 });
  const goldCo = await post(org.admin, '/api/v1/accounts', { name: 'Gold Partners', type: 'reseller' });
  const silverA = await post(org.admin, '/api/v1/accounts', { name: 'Silver Alpha', type: 'reseller' });
  const silverB = await post(org.admin, '/api/v1/accounts', { name: 'Silver Beta', type: 'reseller' });
  await put(`/api/v1/partners/${goldCo.id}`, { partnerType: 'reseller', tierId: gold.id });
  await put(`/api/v1/partners/${silverA.id}`, { partnerType: 'value_added_reseller', tierId: silver.id });
  await put(`/api/v1/partners/${silverB.id}`, { partnerType: 'reseller', tierId: silver.id });
  const manager = await createTestUser(deps, org.admin, 'manager');
  const rep = await createTestUser(deps, org.admin, 'rep');
  const auditor = await createTestUser(deps, org.admin, 'auditor');
  const goldUser = await createTestUser(deps, org.admin, 'partner', { partnerAccountId: goldCo.id });
  const silverAUser = await createTestUser(deps, org.admin, 'partner', { partnerAccountId: silverA.id });
  const silverBUser = await createTestUser(deps, org.admin, 'partner', { partnerAccountId: silverB.id });
  // the manager's own leads: a channel manager offers the leads it may see
  const lead = (company: string) =>
    post(manager, '/api/v1/leads', {
      firstName: 'Ada',
      lastName: `Buyer ${company}`,
      company,
      email: `ada@${company.toLowerCase().replace(/\W/g, '')}.example`,
      phone: '+1 555 0100',
    });
  return { ...org, goldCo, silverA, silverB, manager, rep, auditor, goldUser, silverAUser, silverBUser, lead };
}

const offer = async (actor: Actor, payload: Record<string, unknown>) =>
  api.as(actor, { method: 'POST', url: '/api/v1/lead-offers', payload });
const answer = async (actor: Actor, o: LeadOfferDto, what: 'accept' | 'decline', payload?: Record<string, unknown>) =>
  api.as(actor, {
    method: 'POST',
    url: `/api/v1/lead-offers/${o.id}/${what}`,
    headers: { 'if-match': String(o.version) },
    ...(payload ? { payload } : {}),
  });

describe('lead distribution to partners', () => {
  it('offers by rule (highest tier with room, then the fewest open leads), and the partner accepts or declines', async () => {
    const w = await world();
    const l1 = await w.lead('Northwind');
    const first = await offer(w.manager, { leadId: l1.id });
    expect(first.statusCode, first.body).toBe(201);
    const o1 = first.json<LeadOfferDto>();
    expect(o1).toMatchObject({
      partnerAccountId: w.goldCo.id,
      status: 'offered',
      chosenBy: 'rule',
      ruleDetail: 'tier Gold, 0 of 1 open leads, of 3 partners with room',
      expiresAt: '2026-03-04T09:00:00.000Z',
    });
    // Gold is at its capacity of one: the next lead goes to a Silver partner, by name at equal load
    const l2 = await w.lead('Contoso');
    const o2 = (await offer(w.manager, { leadId: l2.id, hoursToAnswer: 4 })).json<LeadOfferDto>();
    expect(o2).toMatchObject({ partnerAccountId: w.silverA.id, expiresAt: '2026-03-02T13:00:00.000Z' });
    const l3 = await w.lead('Fabrikam');
    const o3 = (await offer(w.manager, { leadId: l3.id })).json<LeadOfferDto>();
    expect(o3.partnerAccountId).toBe(w.silverB.id);

    // the partner sees who and which company, not how to reach them, until it accepts
    const seen = await api.as(w.goldUser, { method: 'GET', url: '/api/v1/lead-offers' });
    expect(seen.statusCode).toBe(200);
    const items = seen.json<{ items: LeadOfferDto[] }>().items;
    expect(items.map((i) => i.id)).toEqual([o1.id]);
    expect(items[0]?.lead).toMatchObject({ company: 'Northwind', email: null, phone: null });
    const accepted = await answer(w.goldUser, o1, 'accept');
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json<LeadOfferDto>()).toMatchObject({
      status: 'accepted',
      respondedBy: w.goldUser.userId,
      lead: { email: 'ada@northwind.example', phone: '+1 555 0100' },
    });
    // answered once: a second answer is refused, and a stale version is a conflict
    expect((await answer(w.goldUser, { ...o1, version: 2 }, 'decline')).statusCode).toBe(422);
    expect((await answer(w.silverAUser, { ...o2, version: 7 }, 'accept')).statusCode).toBe(409);

    const declined = await answer(w.silverAUser, o2, 'decline', { reason: 'Outside our region' });
    expect(declined.json<LeadOfferDto>()).toMatchObject({ status: 'declined', declineReason: 'Outside our region' });
    // offered again, the rule skips the partner that declined it and Gold, which is full
    const again = (await offer(w.manager, { leadId: l2.id })).json<LeadOfferDto>();
    expect(again.partnerAccountId).toBe(w.silverB.id);

    const events = await deps.db
      .selectFrom('events')
      .select(['type', 'entity_id'])
      .where('org_id', '=', w.orgId)
      .where('entity_type', '=', 'partner_lead_offer')
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.type)).toEqual([
      'partner_lead_offer.offered',
      'partner_lead_offer.offered',
      'partner_lead_offer.offered',
      'partner_lead_offer.accepted',
      'partner_lead_offer.declined',
      'partner_lead_offer.offered',
    ]);
  });

  it('lets a channel manager name the partner, within its capacity, one live offer per lead', async () => {
    const w = await world();
    const l1 = await w.lead('Adatum');
    const named = await offer(w.admin, { leadId: l1.id, partnerAccountId: w.silverB.id });
    expect(named.json<LeadOfferDto>()).toMatchObject({
      partnerAccountId: w.silverB.id,
      chosenBy: 'manager',
      ruleDetail: null,
    });
    const twice = await offer(w.admin, { leadId: l1.id, partnerAccountId: w.silverA.id });
    expect(twice.statusCode).toBe(409);
    const l2 = await w.lead('Litware');
    expect((await offer(w.admin, { leadId: l2.id, partnerAccountId: w.goldCo.id })).statusCode).toBe(201);
    const l3 = await w.lead('Proseware');
    const full = await offer(w.admin, { leadId: l3.id, partnerAccountId: w.goldCo.id });
    expect(full.statusCode).toBe(422);
    expect(fieldsOf(full)).toEqual(['partnerAccountId']);
    // an account outside the programme is not a partner to offer to
    const plain = await api.as(w.admin, { method: 'POST', url: '/api/v1/accounts', payload: { name: 'Customer Co' } });
    const notPartner = await offer(w.admin, { leadId: l3.id, partnerAccountId: plain.json<{ id: string }>().id });
    expect(fieldsOf(notPartner)).toEqual(['partnerAccountId']);
    // Gold holds Litware while the offer waits; once that lead is disqualified Gold has room again,
    // and the lead can no longer be accepted
    const litwareOffer = (
      await api.as(w.goldUser, { method: 'GET', url: `/api/v1/lead-offers?leadId=${l2.id}` })
    ).json<{ items: LeadOfferDto[] }>().items[0];
    const litware = await api.as(w.manager, { method: 'GET', url: `/api/v1/leads/${l2.id}` });
    const dq = await api.as(w.manager, {
      method: 'PATCH',
      url: `/api/v1/leads/${l2.id}`,
      headers: { 'if-match': String(litware.json<{ version: number }>().version) },
      payload: { status: 'disqualified', disqualifiedReason: 'No budget' },
    });
    expect(dq.statusCode, dq.body).toBe(200);
    expect((await offer(w.admin, { leadId: l3.id, partnerAccountId: w.goldCo.id })).statusCode).toBe(201);
    if (!litwareOffer) throw new Error('the partner sees its offer');
    expect((await answer(w.goldUser, litwareOffer, 'accept')).statusCode).toBe(422);
    // only an open lead is offered, and a manager offers only the leads it sees
    const closed = await offer(w.admin, { leadId: l2.id, partnerAccountId: w.silverA.id });
    expect(closed.statusCode).toBe(422);
    expect(fieldsOf(closed)).toEqual(['leadId']);
    const adminsLead = await api.as(w.admin, {
      method: 'POST',
      url: '/api/v1/leads',
      payload: { lastName: 'Owned by the admin' },
    });
    const unseen = await offer(w.manager, { leadId: adminsLead.json<{ id: string }>().id });
    expect(fieldsOf(unseen)).toEqual(['leadId']);
  });

  it('names every bad field', async () => {
    const w = await world();
    const bad = await offer(w.manager, { leadId: 'nope', partnerAccountId: 'x', hoursToAnswer: 0, extra: 1 });
    expect(bad.statusCode).toBe(422);
    expect(fieldsOf(bad)).toEqual(['extra', 'hoursToAnswer', 'leadId', 'partnerAccountId']);
    const missing = await offer(w.manager, { leadId: '00000000-0000-4000-8000-000000000000' });
    expect(fieldsOf(missing)).toEqual(['leadId']);
  });

  it('lets an unanswered offer lapse at its time limit, on the job queue', async () => {
    const w = await world();
    const l1 = await w.lead('Tailspin');
    const o = (await offer(w.manager, { leadId: l1.id, hoursToAnswer: 2 })).json<LeadOfferDto>();
    const job = await deps.db
      .selectFrom('jobs')
      .select(['kind', 'run_at'])
      .where('org_id', '=', w.orgId)
      .where('kind', '=', LEAD_OFFER_EXPIRY_JOB)
      .executeTakeFirst();
    expect(job?.run_at.toISOString()).toBe('2026-03-02T11:00:00.000Z');
    clock.set('2026-03-02T10:59:00.000Z');
    expect(await expireLeadOffer(deps, w.orgId, o.id)).toBe('not_due');
    clock.set('2026-03-02T11:00:00.000Z');
    // past the limit the partner can no longer answer, even before the job has run
    const late = await answer(w.goldUser, o, 'accept');
    expect(late.statusCode).toBe(422);
    expect(await expireLeadOffer(deps, w.orgId, o.id)).toBe('expired');
    expect(await expireLeadOffer(deps, w.orgId, o.id)).toBe('settled');
    const after = await api.as(w.goldUser, { method: 'GET', url: `/api/v1/lead-offers/${o.id}` });
    expect(after.json<LeadOfferDto>().status).toBe('expired');
    // the lead is free again: the rule now passes over the partner that let it lapse
    const next = (await offer(w.manager, { leadId: l1.id })).json<LeadOfferDto>();
    expect(next.partnerAccountId).toBe(w.silverA.id);
  });

  it('shows a partner only its own offers; only it answers them; other roles as the access rule says', async () => {
    const w = await world();
    const l1 = await w.lead('Wingtip');
    const o = (await offer(w.admin, { leadId: l1.id, partnerAccountId: w.silverA.id })).json<LeadOfferDto>();
    // another partner: not visible, not answerable
    expect((await api.as(w.silverBUser, { method: 'GET', url: `/api/v1/lead-offers/${o.id}` })).statusCode).toBe(404);
    expect((await answer(w.silverBUser, o, 'accept')).statusCode).toBe(404);
    const list = await api.as(w.silverBUser, { method: 'GET', url: '/api/v1/lead-offers' });
    expect(list.json<{ items: unknown[] }>().items).toEqual([]);
    // channel managers and auditors read every offer; nobody but the partner answers
    expect((await api.as(w.manager, { method: 'GET', url: `/api/v1/lead-offers/${o.id}` })).statusCode).toBe(200);
    expect((await api.as(w.auditor, { method: 'GET', url: `/api/v1/lead-offers/${o.id}` })).statusCode).toBe(200);
    expect((await answer(w.manager, o, 'accept')).statusCode).toBe(403);
    // reps and partners do not offer leads, nor list offers
    const l2 = await w.lead('Coho');
    expect((await offer(w.rep, { leadId: l2.id })).statusCode).toBe(403);
    expect((await offer(w.silverAUser, { leadId: l2.id })).statusCode).toBe(403);
    expect((await offer(w.auditor, { leadId: l2.id })).statusCode).toBe(403);
    expect((await api.as(w.rep, { method: 'GET', url: '/api/v1/lead-offers' })).statusCode).toBe(403);
    // another organisation sees nothing of it
    const other = await createTestOrg(deps);
    expect((await api.as(other.admin, { method: 'GET', url: `/api/v1/lead-offers/${o.id}` })).statusCode).toBe(404);
    expect((await offer(other.admin, { leadId: l2.id })).statusCode).toBe(422);
  });
});
