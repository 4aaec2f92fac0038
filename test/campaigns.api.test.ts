import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/contract/access.ts';
import type { CampaignDto, MemberDto, TouchDto } from '../src/contract/marketing.ts';
import { ManualClock } from '../src/domain/deps.ts';
import { createApi, type Api } from './helpers/api.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg, createTestUser } from './helpers/factories.ts';

let deps: TestDeps;
let api: Api;

beforeAll(async () => {
  deps = await createTestDeps({ clock: new ManualClock('2026-03-02T09:00:00.000Z') });
  api = await createApi(deps);
});
afterAll(async () => {
  await api.close();
  await deps.cleanup();
});

async function world() {
  const org = await createTestOrg(deps);
  const marketer = await createTestUser(deps, org.admin, 'marketing');
  const rep = await createTestUser(deps, org.admin, 'rep');
  const otherRep = await createTestUser(deps, org.admin, 'rep');
  const partnerAccount = await post<{ id: string }>(org.admin, '/api/v1/accounts', {
    name: 'Reseller',
    type: 'reseller',
  });
  const partner = await createTestUser(deps, org.admin, 'partner', { partnerAccountId: partnerAccount.id });
  const auditor = await createTestUser(deps, org.admin, 'auditor');
  return { ...org, marketer, rep, otherRep, partner, auditor };
}

const fieldsOf = (res: LightMyRequestResponse) =>
  res
    .json<{ errors: { field: string }[] }>()
    .errors.map((e) => e.field)
    .sort();

async function post<T>(actor: Actor, url: string, payload: Record<string, unknown>): Promise<T> {
  const r = await api.as(actor, { method: 'POST', url, payload });
  expect(r.statusCode, r.body).toBe(201);
  return r.json<T>();
}

async function eventsOf(entityId: string) {
  return deps.db
    .selectFrom('events')
    .select(['type', 'data'])
    .where('entity_id', '=', entityId)
    .orderBy('seq')
    .execute();
}

describe('campaigns', () => {
  it('are created by marketing with an owner, a parent, a budget and UTM codes, and read by internal roles', async () => {
    const w = await world();
    const parent = await post<CampaignDto>(w.marketer, '/api/v1/campaigns', {
      name: 'Spring launch',
      type: 'product_launch',
      budget: '10000.00',
      expectedRevenue: '50000.00',
      startDate: '2026-03-01',
      endDate: '2026-05-31',
    });
    expect(parent).toMatchObject({
      ownerId: w.marketer.userId,
      currency: 'USD',
      status: 'planned',
      actualCost: '0',
      version: 1,
    });
    const child = await post<CampaignDto>(w.marketer, '/api/v1/campaigns', {
      name: 'Spring webinar',
      type: 'event',
      channel: 'webinar',
      parentId: parent.id,
      utmSource: 'newsletter',
      utmMedium: 'email',
      utmCampaign: 'spring-webinar',
    });
    expect(child.parentId).toBe(parent.id);

    // a rep reads the campaign by name but not its money; a partner sees nothing
    const asRep = (await api.as(w.rep, { method: 'GET', url: `/api/v1/campaigns/${parent.id}` })).json<CampaignDto>();
    expect(asRep).toMatchObject({ name: 'Spring launch', budget: null, actualCost: null, expectedRevenue: null });
    expect((await api.as(w.partner, { method: 'GET', url: `/api/v1/campaigns/${parent.id}` })).statusCode).toBe(403);
    expect((await api.as(w.partner, { method: 'GET', url: '/api/v1/campaigns' })).statusCode).toBe(403);
    expect(
      (await api.as(w.rep, { method: 'POST', url: '/api/v1/campaigns', payload: { name: 'x', type: 'email' } }))
        .statusCode,
    ).toBe(403);
    expect(
      (await api.as(w.auditor, { method: 'POST', url: '/api/v1/campaigns', payload: { name: 'x', type: 'email' } }))
        .statusCode,
    ).toBe(403);

    const children = await api.as(w.marketer, { method: 'GET', url: `/api/v1/campaigns?parentId=${parent.id}` });
    expect(children.json<{ items: CampaignDto[] }>().items.map((c) => c.name)).toEqual(['Spring webinar']);
    const top = await api.as(w.marketer, { method: 'GET', url: '/api/v1/campaigns?topLevel=true' });
    expect(top.json<{ items: CampaignDto[] }>().items.map((c) => c.name)).toEqual(['Spring launch']);

    // another organization does not see them
    const other = await createTestOrg(deps);
    expect((await api.as(other.admin, { method: 'GET', url: `/api/v1/campaigns/${parent.id}` })).statusCode).toBe(404);
    expect((await eventsOf(parent.id)).map((e) => e.type)).toEqual(['campaign.created']);
  });

  it('names every bad field: type, dates, owner not in marketing, unknown parent, money, duplicate UTM code', async () => {
    const w = await world();
    await post(w.marketer, '/api/v1/campaigns', { name: 'First', type: 'email', utmCampaign: 'Dup' });
    const bad = await api.as(w.marketer, {
      method: 'POST',
      url: '/api/v1/campaigns',
      payload: { name: '', type: 'billboard', budget: '-5', startDate: '2026-13-01', extra: 1 },
    });
    expect(bad.statusCode).toBe(422);
    expect(fieldsOf(bad)).toEqual(['budget', 'extra', 'name', 'startDate', 'type']);
    const rules = await api.as(w.marketer, {
      method: 'POST',
      url: '/api/v1/campaigns',
      payload: {
        name: 'Second',
        type: 'email',
        ownerId: w.rep.userId,
        parentId: '00000000-0000-4000-8000-000000000000',
        startDate: '2026-04-10',
        endDate: '2026-04-01',
        utmCampaign: 'dup',
      },
    });
    expect(rules.statusCode).toBe(422);
    expect(fieldsOf(rules)).toEqual(['endDate', 'ownerId', 'parentId', 'utmCampaign']);
  });

  it('refuse a parent that would make a cycle, update with If-Match, and delete only without children', async () => {
    const w = await world();
    const a = await post<CampaignDto>(w.marketer, '/api/v1/campaigns', { name: 'A', type: 'advertising' });
    const b = await post<CampaignDto>(w.marketer, '/api/v1/campaigns', {
      name: 'B',
      type: 'advertising',
      parentId: a.id,
    });
    const c = await post<CampaignDto>(w.marketer, '/api/v1/campaigns', {
      name: 'C',
      type: 'advertising',
      parentId: b.id,
    });
    const patch = (id: string, version: string | undefined, payload: Record<string, unknown>) =>
      api.as(w.marketer, {
        method: 'PATCH',
        url: `/api/v1/campaigns/${id}`,
        headers: version ? { 'if-match': version } : {},
        payload,
      });
    const cycle = await patch(a.id, '1', { parentId: c.id });
    expect(cycle.statusCode).toBe(422);
    expect(fieldsOf(cycle)).toEqual(['parentId']);
    expect(fieldsOf(await patch(a.id, '1', { parentId: a.id }))).toEqual(['parentId']);
    expect((await patch(a.id, undefined, { status: 'active' })).statusCode).toBe(428);
    const ok = await patch(a.id, '1', { status: 'active', ownerId: w.admin.userId });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<CampaignDto>()).toMatchObject({ status: 'active', version: 2 });
    expect((await patch(a.id, '1', { status: 'paused' })).statusCode).toBe(409);
    expect((await eventsOf(a.id)).map((e) => e.type)).toEqual([
      'campaign.created',
      'campaign.updated',
      'campaign.assigned',
    ]);

    const del = (id: string, version: string) =>
      api.as(w.marketer, { method: 'DELETE', url: `/api/v1/campaigns/${id}`, headers: { 'if-match': version } });
    expect((await del(b.id, '1')).statusCode).toBe(409);
    expect((await del(c.id, '1')).statusCode).toBe(204);
    expect((await del(b.id, '1')).statusCode).toBe(204);
    expect((await api.as(w.marketer, { method: 'GET', url: `/api/v1/campaigns/${c.id}` })).statusCode).toBe(404);
  });

  it('sum dated cost entries into the actual cost; only marketing figures roles see them', async () => {
    const w = await world();
    const c = await post<CampaignDto>(w.marketer, '/api/v1/campaigns', {
      name: 'Trade show',
      type: 'event',
      budget: '5000.00',
    });
    const url = `/api/v1/campaigns/${c.id}/costs`;
    const first = await post<{ id: string }>(w.marketer, url, {
      incurredOn: '2026-03-01',
      amount: '1200.50',
      description: 'Booth',
    });
    await post(w.marketer, url, { incurredOn: '2026-02-20', amount: '799.50' });
    const got = (await api.as(w.marketer, { method: 'GET', url: `/api/v1/campaigns/${c.id}` })).json<CampaignDto>();
    expect(got.actualCost).toBe('2000.00');
    const list = await api.as(w.auditor, { method: 'GET', url });
    expect(list.json<{ items: { amount: string; incurredOn: string }[] }>().items).toMatchObject([
      { amount: '799.50', incurredOn: '2026-02-20' },
      { amount: '1200.50', incurredOn: '2026-03-01' },
    ]);
    expect((await api.as(w.rep, { method: 'GET', url })).statusCode).toBe(403);
    const bad = await api.as(w.marketer, { method: 'POST', url, payload: { amount: '1.234', incurredOn: 'soon' } });
    expect(fieldsOf(bad)).toEqual(['amount', 'incurredOn']);
    expect((await api.as(w.marketer, { method: 'DELETE', url: `${url}/${first.id}` })).statusCode).toBe(204);
    const after = (await api.as(w.marketer, { method: 'GET', url: `/api/v1/campaigns/${c.id}` })).json<CampaignDto>();
    expect(after.actualCost).toBe('799.50');
    expect((await eventsOf(c.id)).map((e) => e.type)).toEqual([
      'campaign.created',
      'campaign.cost_added',
      'campaign.cost_added',
      'campaign.cost_removed',
    ]);
  });
});

describe('touches and members', () => {
  it('record a touch on a lead or contact as an event and a row, and move the membership on', async () => {
    const w = await world();
    const c = await post<CampaignDto>(w.marketer, '/api/v1/campaigns', {
      name: 'Newsletter',
      type: 'email',
      utmSource: 'newsletter',
      utmMedium: 'email',
      utmCampaign: 'nl-march',
    });
    const lead = await post<{ id: string }>(w.admin, '/api/v1/leads', {
      lastName: 'Lovelace',
      firstName: 'Ada',
      ownerId: w.rep.userId,
    });
    const contact = await post<{ id: string }>(w.admin, '/api/v1/contacts', {
      lastName: 'Hopper',
      ownerId: w.otherRep.userId,
    });
    const url = `/api/v1/campaigns/${c.id}/touches`;
    const members = `/api/v1/campaigns/${c.id}/members`;
    const sent = await api.as(w.marketer, {
      method: 'POST',
      url: members,
      payload: { leadId: lead.id, status: 'sent' },
    });
    expect(sent.statusCode).toBe(204);
    const touch = await post<TouchDto>(w.marketer, url, {
      leadId: lead.id,
      kind: 'clicked',
      touchedAt: '2026-03-01T10:00:00Z',
      utmContent: 'hero-button',
    });
    expect(touch).toMatchObject({
      leadId: lead.id,
      contactId: null,
      kind: 'clicked',
      touchedAt: '2026-03-01T10:00:00.000Z',
      utmSource: 'newsletter',
      utmCampaign: 'nl-march',
      utmContent: 'hero-button',
    });
    await post(w.marketer, url, { contactId: contact.id, kind: 'attended', touchedAt: '2026-03-01T12:00:00Z' });
    await post(w.marketer, url, { leadId: lead.id, kind: 'visited', touchedAt: '2026-02-27T08:00:00Z' });
    // "sent" after a response does not undo it
    await api.as(w.marketer, { method: 'POST', url: members, payload: { leadId: lead.id, status: 'sent' } });

    const all = await api.as(w.marketer, { method: 'GET', url: members });
    const byId = new Map(all.json<{ items: MemberDto[] }>().items.map((m) => [m.personId, m]));
    expect(byId.get(lead.id)).toMatchObject({
      personType: 'lead',
      name: 'Ada Lovelace',
      status: 'responded',
      touches: 2,
      firstTouchAt: '2026-02-27T08:00:00.000Z',
      lastTouchAt: '2026-03-01T10:00:00.000Z',
    });
    expect(byId.get(contact.id)).toMatchObject({ personType: 'contact', status: 'attended', touches: 1 });

    // the touch is on the lead's timeline; the membership change on the campaign's
    expect((await eventsOf(lead.id)).map((e) => e.type)).toEqual(['lead.created', 'touch.recorded', 'touch.recorded']);
    expect((await eventsOf(c.id)).map((e) => e.type)).toEqual([
      'campaign.created',
      'campaign.member_status_changed',
      'campaign.member_status_changed',
      'campaign.member_status_changed',
    ]);

    // a rep sees the touches and membership of its own records only; a partner none
    const repTouches = await api.as(w.rep, { method: 'GET', url });
    expect(repTouches.json<{ items: TouchDto[] }>().items.map((t) => t.leadId)).toEqual([lead.id, lead.id]);
    const repMembers = await api.as(w.rep, { method: 'GET', url: members });
    expect(repMembers.json<{ items: MemberDto[] }>().items.map((m) => m.personId)).toEqual([lead.id]);
    const leadTouches = await api.as(w.rep, { method: 'GET', url: `/api/v1/leads/${lead.id}/touches` });
    expect(leadTouches.json<{ items: TouchDto[] }>().items.map((t) => t.kind)).toEqual(['clicked', 'visited']);
    expect((await api.as(w.rep, { method: 'GET', url: `/api/v1/contacts/${contact.id}/touches` })).statusCode).toBe(
      404,
    );
    expect((await api.as(w.partner, { method: 'GET', url })).statusCode).toBe(403);
    const marketingAll = await api.as(w.marketer, { method: 'GET', url: `${url}?limit=2` });
    const page = marketingAll.json<{ items: TouchDto[]; nextCursor: string | null }>();
    expect(page.items.map((t) => t.kind)).toEqual(['attended', 'clicked']);
    const next = await api.as(w.marketer, {
      method: 'GET',
      url: `${url}?limit=2&cursor=${encodeURIComponent(page.nextCursor ?? '')}`,
    });
    expect(next.json<{ items: TouchDto[] }>().items.map((t) => t.kind)).toEqual(['visited']);
  });

  it('name one person exactly, refuse reps and unknown people, and keep other organizations out', async () => {
    const w = await world();
    const c = await post<CampaignDto>(w.marketer, '/api/v1/campaigns', { name: 'Ads', type: 'advertising' });
    const url = `/api/v1/campaigns/${c.id}/touches`;
    const lead = await post<{ id: string }>(w.admin, '/api/v1/leads', { lastName: 'Mine', ownerId: w.rep.userId });
    const both = await api.as(w.marketer, {
      method: 'POST',
      url,
      payload: { leadId: lead.id, contactId: lead.id, kind: 'clicked' },
    });
    expect(both.statusCode).toBe(422);
    expect(fieldsOf(both)).toEqual(['contactId', 'leadId']);
    const bad = await api.as(w.marketer, {
      method: 'POST',
      url,
      payload: { leadId: lead.id, kind: 'liked', touchedAt: 'yesterday' },
    });
    expect(fieldsOf(bad)).toEqual(['kind', 'touchedAt']);
    expect(
      (await api.as(w.rep, { method: 'POST', url, payload: { leadId: lead.id, kind: 'clicked' } })).statusCode,
    ).toBe(403);
    const other = await createTestOrg(deps);
    const foreignLead = await post<{ id: string }>(other.admin, '/api/v1/leads', { lastName: 'Foreign' });
    expect(
      (await api.as(w.marketer, { method: 'POST', url, payload: { leadId: foreignLead.id, kind: 'clicked' } }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await api.as(other.admin, {
          method: 'POST',
          url: `/api/v1/campaigns/${c.id}/touches`,
          payload: { leadId: foreignLead.id, kind: 'clicked' },
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe('lead lifecycle', () => {
  it('moves forward freely, back only with a recycle reason, and conversion with a deal makes it an opportunity', async () => {
    const w = await world();
    const lead = await post<{ id: string; lifecycleStage: string; version: number }>(w.marketer, '/api/v1/leads', {
      lastName: 'Turing',
      company: 'Bletchley',
    });
    expect(lead.lifecycleStage).toBe('lead');
    const move = (version: string, payload: Record<string, unknown>) =>
      api.as(w.marketer, {
        method: 'POST',
        url: `/api/v1/leads/${lead.id}/lifecycle`,
        headers: { 'if-match': version },
        payload,
      });
    const mql = await move('1', { stage: 'mql' });
    expect(mql.statusCode, mql.body).toBe(200);
    expect(mql.json()).toMatchObject({ lifecycleStage: 'mql', version: 2 });
    const back = await move('2', { stage: 'lead' });
    expect(fieldsOf(back)).toEqual(['recycleReason']);
    const recycled = await move('2', { stage: 'lead', recycleReason: 'No budget this quarter' });
    expect(recycled.json()).toMatchObject({ lifecycleStage: 'lead', recycleReason: 'No budget this quarter' });
    expect(fieldsOf(await move('3', { stage: 'sql', recycleReason: 'x' }))).toEqual(['recycleReason']);
    expect(fieldsOf(await move('3', { stage: 'customer' }))).toEqual(['stage']);
    const sql = await move('3', { stage: 'sql' });
    expect(sql.json()).toMatchObject({ lifecycleStage: 'sql', version: 4 });

    const pipeline = await api.as(w.admin, {
      method: 'POST',
      url: '/api/v1/pipelines',
      payload: {
        name: 'Sales',
        isDefault: true,
        stages: [
          { name: 'Open', kind: 'open', probability: 10 },
          { name: 'Won', kind: 'won' },
          { name: 'Lost', kind: 'lost' },
        ],
      },
    });
    expect(pipeline.statusCode, pipeline.body).toBe(201);
    const converted = await api.as(w.admin, {
      method: 'POST',
      url: `/api/v1/leads/${lead.id}/convert`,
      headers: { 'if-match': '4' },
      payload: { deal: { create: { name: 'Turing deal' } } },
    });
    expect(converted.statusCode, converted.body).toBe(200);
    expect(converted.json<{ lead: { lifecycleStage: string } }>().lead.lifecycleStage).toBe('opportunity');
    const lifecycle = (await eventsOf(lead.id)).filter((e) => e.type === 'lead.lifecycle_changed').map((e) => e.data);
    expect(lifecycle).toEqual([
      { from: 'lead', to: 'mql' },
      { from: 'mql', to: 'lead', recycleReason: 'No budget this quarter' },
      { from: 'lead', to: 'sql' },
      { from: 'sql', to: 'opportunity' },
    ]);
  });
});
