import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/domain/deps.ts';
import type { ObjectionDto, RaisedObjectionDto } from '../src/contract/objections.ts';
import { createApi, type Api } from './helpers/api.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg, createTestUser } from './helpers/factories.ts';
import { insertDeal } from './helpers/sales-rows.ts';

let deps: TestDeps;
let api: Api;

beforeAll(async () => {
  deps = await createTestDeps({ clock: new ManualClock('2026-01-05T09:00:00.000Z') });
  api = await createApi(deps);
});
afterAll(async () => {
  await api.close();
  await deps.cleanup();
});

async function world() {
  const org = await createTestOrg(deps);
  const manager = await createTestUser(deps, org.admin, 'manager');
  const rep = await createTestUser(deps, org.admin, 'rep');
  const otherRep = await createTestUser(deps, org.admin, 'rep');
  const auditor = await createTestUser(deps, org.admin, 'auditor');
  const dealId = await insertDeal(deps, org.orgId, { ownerId: rep.userId });
  return { ...org, manager, rep, otherRep, auditor, dealId };
}

const fieldsOf = (res: LightMyRequestResponse) =>
  res
    .json<{ errors: { field: string }[] }>()
    .errors.map((e) => e.field)
    .sort();
const titles = (res: LightMyRequestResponse) => res.json<{ items: ObjectionDto[] }>().items.map((o) => o.title);

describe('objection library', () => {
  it('is written by admins and managers, read by everyone internal, and filtered', async () => {
    const w = await world();
    const create = (actor: typeof w.admin, payload: Record<string, unknown>) =>
      api.as(actor, { method: 'POST', url: '/api/v1/objections', payload });
    const price = await create(w.admin, {
      category: 'price',
      title: 'Too expensive',
      description: 'Buyer says the price is high',
      recommendedResponses: ['Show ROI', 'Offer a smaller package'],
    });
    expect(price.statusCode).toBe(201);
    expect(price.json()).toMatchObject({
      category: 'price',
      title: 'Too expensive',
      recommendedResponses: ['Show ROI', 'Offer a smaller package'],
      active: true,
      version: 1,
    });
    expect((await create(w.manager, { category: 'timing', title: 'Not now' })).statusCode).toBe(201);
    expect(
      (await create(w.manager, { category: 'competitor', title: 'We use a competitor', active: false })).statusCode,
    ).toBe(201);
    const byRep = await create(w.rep, { category: 'need', title: 'No need' });
    expect(byRep.statusCode).toBe(403);
    expect((await create(w.auditor, { category: 'need', title: 'No need' })).statusCode).toBe(403);

    expect(titles(await api.as(w.rep, { method: 'GET', url: '/api/v1/objections' }))).toEqual([
      'Not now',
      'Too expensive',
    ]);
    expect(titles(await api.as(w.rep, { method: 'GET', url: '/api/v1/objections?active=all' }))).toEqual([
      'Not now',
      'Too expensive',
      'We use a competitor',
    ]);
    expect(titles(await api.as(w.rep, { method: 'GET', url: '/api/v1/objections?active=false' }))).toEqual([
      'We use a competitor',
    ]);
    expect(titles(await api.as(w.rep, { method: 'GET', url: '/api/v1/objections?category=price' }))).toEqual([
      'Too expensive',
    ]);
    expect(titles(await api.as(w.rep, { method: 'GET', url: '/api/v1/objections?q=price%20is' }))).toEqual([
      'Too expensive',
    ]);
    const page = await api.as(w.rep, { method: 'GET', url: '/api/v1/objections?limit=1' });
    const next = page.json<{ nextCursor: string }>().nextCursor;
    expect(titles(await api.as(w.rep, { method: 'GET', url: `/api/v1/objections?limit=1&cursor=${next}` }))).toEqual([
      'Too expensive',
    ]);
  });

  it('names every bad field and unknown field', async () => {
    const w = await world();
    const res = await api.as(w.admin, {
      method: 'POST',
      url: '/api/v1/objections',
      payload: { category: 'mood', title: ' ', recommendedResponses: ['ok', ''], colour: 'red' },
    });
    expect(res.statusCode).toBe(422);
    expect(fieldsOf(res)).toEqual(['category', 'colour', 'recommendedResponses.1', 'title']);
    const q = await api.as(w.admin, { method: 'GET', url: '/api/v1/objections?category=mood&active=maybe' });
    expect(fieldsOf(q)).toEqual(['active', 'category']);
  });

  it('updates with If-Match (409 when stale) and retires entries without losing them', async () => {
    const w = await world();
    const o = (
      await api.as(w.admin, {
        method: 'POST',
        url: '/api/v1/objections',
        payload: { category: 'budget', title: 'No budget' },
      })
    ).json<ObjectionDto>();
    const upd = await api.as(w.manager, {
      method: 'PATCH',
      url: `/api/v1/objections/${o.id}`,
      headers: { 'if-match': '1' },
      payload: { recommendedResponses: ['Ask when the budget cycle starts'] },
    });
    expect(upd.statusCode).toBe(200);
    expect(upd.json()).toMatchObject({ version: 2, recommendedResponses: ['Ask when the budget cycle starts'] });
    const stale = await api.as(w.manager, {
      method: 'PATCH',
      url: `/api/v1/objections/${o.id}`,
      headers: { 'if-match': '1' },
      payload: { title: 'Budget' },
    });
    expect(stale.statusCode).toBe(409);
    expect(
      (
        await api.as(w.rep, {
          method: 'PATCH',
          url: `/api/v1/objections/${o.id}`,
          headers: { 'if-match': '2' },
          payload: { title: 'Budget' },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await api.as(w.admin, { method: 'DELETE', url: `/api/v1/objections/${o.id}`, headers: { 'if-match': '2' } }))
        .statusCode,
    ).toBe(204);
    expect((await api.as(w.rep, { method: 'GET', url: `/api/v1/objections/${o.id}` })).json()).toMatchObject({
      active: false,
      version: 3,
    });
    expect(titles(await api.as(w.rep, { method: 'GET', url: '/api/v1/objections' }))).toEqual([]);
    const timeline = await api.as(w.admin, { method: 'GET', url: `/api/v1/objections/${o.id}/timeline` });
    expect(timeline.json<{ items: { type: string }[] }>().items.map((i) => i.type)).toEqual([
      'objection.deactivated',
      'objection.updated',
      'objection.created',
    ]);
    expect(
      (await api.as(w.admin, { method: 'GET', url: `/api/v1/objections/00000000-0000-4000-8000-000000000000` }))
        .statusCode,
    ).toBe(404);
  });
});

describe('objections raised on a deal', () => {
  it('logs an objection on a deal and lists it with the library title', async () => {
    const w = await world();
    const lib = (
      await api.as(w.admin, {
        method: 'POST',
        url: '/api/v1/objections',
        payload: { category: 'authority', title: 'Need to ask my boss' },
      })
    ).json<ObjectionDto>();
    const res = await api.as(w.rep, {
      method: 'POST',
      url: `/api/v1/deals/${w.dealId}/objections`,
      payload: {
        objectionId: lib.id,
        category: 'authority',
        buyerWords: 'I have to run it by the VP',
        responseUsed: 'Offered a call with the VP',
        outcome: 'unresolved',
        raisedAt: '2026-01-02T16:00:00Z',
      },
    });
    expect(res.statusCode).toBe(201);
    const raised = res.json<RaisedObjectionDto>();
    expect(raised).toMatchObject({
      dealId: w.dealId,
      activityId: null,
      objectionTitle: 'Need to ask my boss',
      raisedAt: '2026-01-02T16:00:00.000Z',
      raisedBy: w.rep.userId,
      createdAt: '2026-01-05T09:00:00.000Z',
    });
    await api.as(w.rep, {
      method: 'POST',
      url: `/api/v1/deals/${w.dealId}/objections`,
      payload: {
        category: 'trust',
        buyerWords: 'Never heard of you',
        outcome: 'resolved',
        raisedAt: '2026-01-01T10:00:00Z',
      },
    });

    const list = await api.as(w.rep, { method: 'GET', url: `/api/v1/deals/${w.dealId}/objections` });
    expect(list.statusCode).toBe(200);
    expect(list.json<{ items: RaisedObjectionDto[] }>().items.map((o) => [o.category, o.objectionTitle])).toEqual([
      ['trust', null],
      ['authority', 'Need to ask my boss'],
    ]);
    // recorded on the deal, so the deal's timeline shows it
    const ev = await deps.db
      .selectFrom('events')
      .select(['type', 'entity_type', 'entity_id', 'business_time', 'data'])
      .where('type', '=', 'objection.raised')
      .where(sql`data->'after'->>'raisedObjectionId'`, '=', raised.id)
      .executeTakeFirstOrThrow();
    expect(ev).toMatchObject({
      type: 'objection.raised',
      entity_type: 'deal',
      entity_id: w.dealId,
      business_time: new Date('2026-01-02T16:00:00Z'),
    });
    expect(ev.data).toMatchObject({ after: { dealId: w.dealId, objectionId: lib.id, outcome: 'unresolved' } });
  });

  it('follows the deal’s scope: others get 404, the auditor reads but cannot log', async () => {
    const w = await world();
    await api.as(w.rep, {
      method: 'POST',
      url: `/api/v1/deals/${w.dealId}/objections`,
      payload: { category: 'need', buyerWords: 'Not a priority', outcome: 'unresolved' },
    });
    expect((await api.as(w.otherRep, { method: 'GET', url: `/api/v1/deals/${w.dealId}/objections` })).statusCode).toBe(
      404,
    );
    const post = await api.as(w.otherRep, {
      method: 'POST',
      url: `/api/v1/deals/${w.dealId}/objections`,
      payload: { category: 'need', buyerWords: 'x', outcome: 'resolved' },
    });
    expect(post.statusCode).toBe(404);
    expect(
      (await api.as(w.auditor, { method: 'GET', url: `/api/v1/deals/${w.dealId}/objections` })).json<{
        items: unknown[];
      }>().items,
    ).toHaveLength(1);
    const byAuditor = await api.as(w.auditor, {
      method: 'POST',
      url: `/api/v1/deals/${w.dealId}/objections`,
      payload: { category: 'need', buyerWords: 'x', outcome: 'resolved' },
    });
    expect(byAuditor.statusCode).toBe(403);
    const deleted = await insertDeal(deps, w.orgId, { ownerId: w.rep.userId, deleted: true });
    expect((await api.as(w.rep, { method: 'GET', url: `/api/v1/deals/${deleted}/objections` })).statusCode).toBe(404);
  });

  it('refuses retired or mismatched library entries and bad fields, writing nothing', async () => {
    const w = await world();
    const lib = (
      await api.as(w.admin, {
        method: 'POST',
        url: '/api/v1/objections',
        payload: { category: 'price', title: 'Too expensive' },
      })
    ).json<ObjectionDto>();
    const retired = (
      await api.as(w.admin, {
        method: 'POST',
        url: '/api/v1/objections',
        payload: { category: 'price', title: 'Old', active: false },
      })
    ).json<ObjectionDto>();
    const post = (payload: Record<string, unknown>) =>
      api.as(w.rep, { method: 'POST', url: `/api/v1/deals/${w.dealId}/objections`, payload });
    const mismatch = await post({
      objectionId: lib.id,
      category: 'timing',
      buyerWords: 'Later',
      outcome: 'unresolved',
    });
    expect(mismatch.statusCode).toBe(422);
    expect(fieldsOf(mismatch)).toEqual(['category']);
    expect(
      fieldsOf(await post({ objectionId: retired.id, category: 'price', buyerWords: 'Pricey', outcome: 'resolved' })),
    ).toEqual(['objectionId']);
    expect(
      fieldsOf(await post({ category: 'price', buyerWords: '', outcome: 'maybe', raisedAt: 'yesterday' })),
    ).toEqual(['buyerWords', 'outcome', 'raisedAt']);
    const n = await deps.db
      .selectFrom('raised_objections')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('org_id', '=', w.orgId)
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(0);
  });
});
