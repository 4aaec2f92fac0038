import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DealDto } from '../src/contract/deals.ts';
import { createApi, type Api } from './helpers/api.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg, createTestTeam, createTestUser } from './helpers/factories.ts';
import { createPartnerAccount, createTestPipeline, createTestProduct } from './helpers/sales.ts';
import { insertContact } from './helpers/sales-rows.ts';

let deps: TestDeps;
let api: Api;

beforeAll(async () => {
  deps = await createTestDeps();
  api = await createApi(deps);
});
afterAll(async () => {
  await api.close();
  await deps.cleanup();
});

type Problem = { code: string; errors?: { field: string; message: string }[]; [k: string]: unknown };
type Page = { items: DealDto[]; nextCursor: string | null };
const eventsOf = (id: string) =>
  deps.db.selectFrom('events').select(['type', 'data', 'actor_id']).where('entity_id', '=', id).orderBy('id').execute();

describe('deals over HTTP', () => {
  it('creates in the default pipeline and first open stage, with exact line totals', async () => {
    const { admin } = await createTestOrg(deps);
    const p = await createTestPipeline(deps, admin);
    const widget = await createTestProduct(deps, admin, { listPrice: '19.99' });
    const gadget = await createTestProduct(deps, admin, { listPrice: '7.50' });
    const res = await api.as(admin, {
      method: 'POST',
      url: '/api/v1/deals',
      payload: {
        name: 'Acme expansion',
        amount: '64.00',
        expectedCloseDate: '2026-03-31',
        source: 'webinar',
        lineItems: [
          { productId: widget.id, quantity: '3', discountPercent: '10' },
          { productId: gadget.id, quantity: '2', unitPrice: '5.00' },
        ],
      },
    });
    expect(res.statusCode).toBe(201);
    const d = res.json<DealDto>();
    expect(d).toMatchObject({
      pipelineId: p.id,
      stageId: p.stage('Qualify'),
      status: 'open',
      currency: 'USD',
      amount: '64.00',
      channel: 'direct',
      partnerAccountId: null,
      ownerId: admin.userId,
      closedAt: null,
      version: 1,
      lineItemsTotal: '63.97',
    });
    expect(d.lineItems.map((l) => [l.position, l.unitPrice, l.netTotal])).toEqual([
      [0, '19.99', '53.97'],
      [1, '5.00', '10.00'],
    ]);
    expect(d.lineItems[0]).toMatchObject({ quantity: '3.0000', discountPercent: '10.00' });
    const ev = await eventsOf(d.id);
    expect(ev.map((e) => e.type)).toEqual(['deal.created']);
    expect(ev[0]?.data).toMatchObject({
      after: {
        name: 'Acme expansion',
        stageId: p.stage('Qualify'),
        status: 'open',
        amount: '64.00',
        lineItems: [{ productId: widget.id, quantity: '3.0000' }, { productId: gadget.id }],
      },
    });
  });

  it('updates with If-Match, replaces lines and roles, refuses stale versions, and records from → to', async () => {
    const { admin } = await createTestOrg(deps);
    await createTestPipeline(deps, admin);
    const rep = await createTestUser(deps, admin, 'rep');
    const prod = await createTestProduct(deps, admin, { listPrice: '100.00' });
    const champion = await insertContact(deps, admin.orgId, { ownerId: admin.userId });
    const d = (
      await api.as(admin, {
        method: 'POST',
        url: '/api/v1/deals',
        payload: { name: 'Globex', lineItems: [{ productId: prod.id, quantity: '1' }] },
      })
    ).json<DealDto>();
    const res = await api.as(admin, {
      method: 'PATCH',
      url: `/api/v1/deals/${d.id}`,
      headers: { 'if-match': '1' },
      payload: {
        amount: '250.00',
        lineItems: [{ productId: prod.id, quantity: '2.5', discountPercent: '12.5' }],
        contactRoles: [{ contactId: champion, role: 'champion' }],
        ownerId: rep.userId,
      },
    });
    expect(res.statusCode).toBe(200);
    const u = res.json<DealDto>();
    expect(u).toMatchObject({
      version: 2,
      amount: '250.00',
      ownerId: rep.userId,
      lineItemsTotal: '218.75',
      contactRoles: [{ contactId: champion, role: 'champion' }],
    });
    expect(u.lineItems).toHaveLength(1);

    const stale = await api.as(admin, {
      method: 'PATCH',
      url: `/api/v1/deals/${d.id}`,
      headers: { 'if-match': '1' },
      payload: { name: 'Lost update' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'version_conflict', currentVersion: 2, sentVersion: 1 });
    expect(
      (await api.as(admin, { method: 'PATCH', url: `/api/v1/deals/${d.id}`, payload: { name: 'X' } })).statusCode,
    ).toBe(428);
    const stageByPatch = await api.as(admin, {
      method: 'PATCH',
      url: `/api/v1/deals/${d.id}`,
      headers: { 'if-match': '2' },
      payload: { stageId: d.stageId, status: 'won' },
    });
    expect(stageByPatch.statusCode).toBe(422);
    expect(
      stageByPatch
        .json<Problem>()
        .errors?.map((e) => e.field)
        .sort(),
    ).toEqual(['stageId', 'status']);

    const ev = await eventsOf(d.id);
    expect(ev.map((e) => e.type)).toEqual(['deal.created', 'deal.updated', 'deal.assigned']);
    expect(ev[1]?.data).toEqual({
      changes: {
        amount: { from: null, to: '250.00' },
        lineItems: {
          from: [{ productId: prod.id, quantity: '1.0000', unitPrice: '100.00', discountPercent: '0.00' }],
          to: [{ productId: prod.id, quantity: '2.5000', unitPrice: '100.00', discountPercent: '12.50' }],
        },
        contactRoles: { from: [], to: [{ contactId: champion, role: 'champion' }] },
      },
    });
    expect(ev[2]?.data).toEqual({ changes: { ownerId: { from: admin.userId, to: rep.userId } } });
  });

  it('answers GET, the list and a stage move with the same deal, line items and contact roles included', async () => {
    const { admin } = await createTestOrg(deps);
    const p = await createTestPipeline(deps, admin);
    const widget = await createTestProduct(deps, admin, { listPrice: '19.99' });
    const gadget = await createTestProduct(deps, admin, { listPrice: '1234567890123456.78' });
    const [c1, c2] = [
      await insertContact(deps, admin.orgId, { ownerId: admin.userId }),
      await insertContact(deps, admin.orgId, { ownerId: admin.userId }),
    ];
    const created = await api.as(admin, {
      method: 'POST',
      url: '/api/v1/deals',
      payload: {
        name: 'Children',
        lineItems: [
          { productId: gadget.id, quantity: '0.0001', discountPercent: '33.33' },
          { productId: widget.id, quantity: '3' },
        ],
        contactRoles: [
          { contactId: c2, role: 'user' },
          { contactId: c1, role: 'champion' },
          { contactId: c1, role: 'economic_buyer' },
        ],
      },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json<DealDto>().id;
    const got = (await api.as(admin, { method: 'GET', url: `/api/v1/deals/${id}` })).json<DealDto>();
    expect(got).toEqual(created.json());
    expect(got.lineItems.map((l) => [l.position, l.quantity, l.unitPrice, l.discountPercent])).toEqual([
      [0, '0.0001', '1234567890123456.78', '33.33'],
      [1, '3.0000', '19.99', '0.00'],
    ]);
    const sortedRoles = [...got.contactRoles].sort((a, b) => (a.contactId + a.role < b.contactId + b.role ? -1 : 1));
    expect(got.contactRoles).toEqual(sortedRoles);
    expect(got.contactRoles).toHaveLength(3);

    const page = (await api.as(admin, { method: 'GET', url: `/api/v1/deals?pipelineId=${p.id}` })).json<Page>();
    expect(page.items).toEqual([got]);

    const moved = await api.as(admin, {
      method: 'POST',
      url: `/api/v1/deals/${id}/stage`,
      headers: { 'if-match': '1' },
      payload: { stageId: p.stage('Discovery') },
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({
      version: 2,
      stageId: p.stage('Discovery'),
      lineItems: got.lineItems,
      contactRoles: got.contactRoles,
    });
    expect((await api.as(admin, { method: 'GET', url: `/api/v1/deals/${id}` })).json()).toEqual(moved.json());
  });

  it('names every bad field and checks references', async () => {
    const { admin } = await createTestOrg(deps);
    const other = await createTestOrg(deps);
    await createTestPipeline(deps, admin);
    const foreignProduct = await createTestProduct(deps, other.admin);
    const foreignAccount = (
      await api.as(other.admin, { method: 'POST', url: '/api/v1/accounts', payload: { name: 'Theirs' } })
    ).json<{ id: string }>();
    const customer = await createPartnerAccount(deps, admin, 'customer');
    const shapes = await api.as(admin, {
      method: 'POST',
      url: '/api/v1/deals',
      payload: {
        name: 'Bad',
        amount: 12.5,
        expectedCloseDate: '31/03/2026',
        channel: 'email',
        currency: 'dollars',
        lineItems: [{ productId: foreignProduct.id, quantity: '0' }],
        contactRoles: [{ contactId: foreignAccount.id, role: 'boss' }],
      },
    });
    expect(shapes.statusCode).toBe(422);
    expect(
      shapes
        .json<Problem>()
        .errors?.map((e) => e.field)
        .sort(),
    ).toEqual(['amount', 'channel', 'contactRoles.0.role', 'currency', 'expectedCloseDate', 'lineItems.0.quantity']);
    const refs = await api.as(admin, {
      method: 'POST',
      url: '/api/v1/deals',
      payload: {
        name: 'Refs',
        accountId: foreignAccount.id,
        primaryContactId: foreignAccount.id,
        channel: 'partner',
        partnerAccountId: customer.id,
        lineItems: [{ productId: foreignProduct.id, quantity: '1' }],
      },
    });
    expect(refs.statusCode).toBe(422);
    expect(
      refs
        .json<Problem>()
        .errors?.map((e) => e.field)
        .sort(),
    ).toEqual(['accountId', 'lineItems.0.productId', 'partnerAccountId', 'primaryContactId']);
    const noPartner = await api.as(admin, {
      method: 'POST',
      url: '/api/v1/deals',
      payload: { name: 'P', channel: 'partner' },
    });
    expect(noPartner.json<Problem>().errors).toEqual([
      { field: 'partnerAccountId', message: 'is required for a partner deal' },
    ]);
    const eur = await createTestProduct(deps, admin, { currency: 'EUR' });
    const currency = await api.as(admin, {
      method: 'POST',
      url: '/api/v1/deals',
      payload: { name: 'C', lineItems: [{ productId: eur.id, quantity: '1' }] },
    });
    expect(currency.json<Problem>().errors).toEqual([
      { field: 'lineItems.0.unitPrice', message: 'is required: the product is priced in EUR, the deal in USD' },
    ]);
    expect((await api.as(admin, { method: 'GET', url: '/api/v1/deals' })).json<Page>().items).toHaveLength(0);
  });

  it('bounds business dates to 1990-01-01 … 2099-12-31 on create and update, naming the field', async () => {
    const { admin } = await createTestOrg(deps);
    await createTestPipeline(deps, admin);
    for (const expectedCloseDate of ['1900-01-01', '0999-09-09', '1989-12-31', '2100-01-01']) {
      const res = await api.as(admin, {
        method: 'POST',
        url: '/api/v1/deals',
        payload: { name: 'Out of range', expectedCloseDate },
      });
      expect(res.statusCode, expectedCloseDate).toBe(422);
      expect(res.json<Problem>().errors).toEqual([
        { field: 'expectedCloseDate', message: 'must be between 1990-01-01 and 2099-12-31' },
      ]);
    }
    const edge = await api.as(admin, {
      method: 'POST',
      url: '/api/v1/deals',
      payload: { name: 'Edge', expectedCloseDate: '1990-01-01' },
    });
    expect(edge.statusCode).toBe(201);
    const deal = edge.json<DealDto>();
    const patch = await api.as(admin, {
      method: 'PATCH',
      url: `/api/v1/deals/${deal.id}`,
      headers: { 'if-match': String(deal.version) },
      payload: { expectedCloseDate: '99999-09-09' },
    });
    expect(patch.statusCode).toBe(422);
    expect(patch.json<Problem>().errors?.map((e) => e.field)).toEqual(['expectedCloseDate']);
    const late = await api.as(admin, {
      method: 'PATCH',
      url: `/api/v1/deals/${deal.id}`,
      headers: { 'if-match': String(deal.version) },
      payload: { expectedCloseDate: '2100-01-01' },
    });
    expect(late.statusCode).toBe(422);
    const ok = await api.as(admin, {
      method: 'PATCH',
      url: `/api/v1/deals/${deal.id}`,
      headers: { 'if-match': String(deal.version) },
      payload: { expectedCloseDate: '2099-12-31' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json<DealDto>().expectedCloseDate).toBe('2099-12-31');
  });

  it('lets a partner register deals and see only their own registrations', async () => {
    const { admin } = await createTestOrg(deps);
    await createTestPipeline(deps, admin);
    const resellerA = await createPartnerAccount(deps, admin, 'reseller');
    const resellerB = await createPartnerAccount(deps, admin, 'distributor');
    const partnerA = await createTestUser(deps, admin, 'partner', { partnerAccountId: resellerA.id });
    const partnerB = await createTestUser(deps, admin, 'partner', { partnerAccountId: resellerB.id });
    const reg = await api.as(partnerA, {
      method: 'POST',
      url: '/api/v1/deals',
      payload: { name: 'Registered by A', amount: '5000.00' },
    });
    expect(reg.statusCode).toBe(201);
    const a = reg.json<DealDto>();
    expect(a).toMatchObject({ channel: 'partner', partnerAccountId: resellerA.id, ownerId: null });
    const direct = (
      await api.as(admin, { method: 'POST', url: '/api/v1/deals', payload: { name: 'Direct' } })
    ).json<DealDto>();
    const viaB = (
      await api.as(admin, {
        method: 'POST',
        url: '/api/v1/deals',
        payload: { name: 'Via B', partnerAccountId: resellerB.id },
      })
    ).json<DealDto>();
    expect(viaB.channel).toBe('partner');

    expect(
      (await api.as(partnerA, { method: 'GET', url: '/api/v1/deals' })).json<Page>().items.map((d) => d.name),
    ).toEqual(['Registered by A']);
    expect(
      (await api.as(partnerB, { method: 'GET', url: '/api/v1/deals' })).json<Page>().items.map((d) => d.name),
    ).toEqual(['Via B']);
    expect((await api.as(partnerA, { method: 'GET', url: `/api/v1/deals/${direct.id}` })).statusCode).toBe(404);
    expect((await api.as(partnerA, { method: 'GET', url: `/api/v1/deals/${viaB.id}` })).statusCode).toBe(404);
    expect((await api.as(partnerA, { method: 'GET', url: `/api/v1/deals/${direct.id}/timeline` })).statusCode).toBe(
      404,
    );
    expect(
      (
        await api.as(partnerA, {
          method: 'PATCH',
          url: `/api/v1/deals/${a.id}`,
          headers: { 'if-match': '1' },
          payload: { nextStep: 'Demo on Friday' },
        })
      ).statusCode,
    ).toBe(200);

    const asDirect = await api.as(partnerA, {
      method: 'POST',
      url: '/api/v1/deals',
      payload: { name: 'Sneaky', channel: 'direct', partnerAccountId: resellerB.id },
    });
    expect(asDirect.statusCode).toBe(422);
    expect(asDirect.json<Problem>().errors?.map((e) => e.field)).toEqual(['channel', 'partnerAccountId']);
    expect(
      (
        await api.as(partnerA, {
          method: 'POST',
          url: '/api/v1/deals',
          payload: { name: 'Assign', ownerId: admin.userId },
        })
      ).statusCode,
    ).toBe(403);
    const move = await api.as(partnerA, {
      method: 'PATCH',
      url: `/api/v1/deals/${a.id}`,
      headers: { 'if-match': '2' },
      payload: { partnerAccountId: resellerB.id },
    });
    expect(move.statusCode).toBe(422);
  });

  it('scopes by owner: a rep sees only their deals, a manager their team', async () => {
    const { admin } = await createTestOrg(deps);
    await createTestPipeline(deps, admin);
    const team = await createTestTeam(deps, admin);
    const manager = await createTestUser(deps, admin, 'manager', { teamId: team.id });
    const repA = await createTestUser(deps, admin, 'rep', { teamId: team.id });
    const repB = await createTestUser(deps, admin, 'rep');
    const dealA = (
      await api.as(repA, { method: 'POST', url: '/api/v1/deals', payload: { name: 'A deal' } })
    ).json<DealDto>();
    const dealB = (
      await api.as(repB, { method: 'POST', url: '/api/v1/deals', payload: { name: 'B deal' } })
    ).json<DealDto>();
    expect(dealA.ownerId).toBe(repA.userId);
    expect((await api.as(repA, { method: 'GET', url: `/api/v1/deals/${dealB.id}` })).statusCode).toBe(404);
    expect(
      (
        await api.as(repA, {
          method: 'PATCH',
          url: `/api/v1/deals/${dealB.id}`,
          headers: { 'if-match': '1' },
          payload: { name: 'Mine now' },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await api.as(repA, {
          method: 'POST',
          url: `/api/v1/deals/${dealB.id}/stage`,
          headers: { 'if-match': '1' },
          payload: { stageId: dealB.stageId },
        })
      ).statusCode,
    ).toBe(404);
    expect((await api.as(repA, { method: 'GET', url: '/api/v1/deals' })).json<Page>().items.map((d) => d.name)).toEqual(
      ['A deal'],
    );
    expect(
      (await api.as(manager, { method: 'GET', url: '/api/v1/deals' })).json<Page>().items.map((d) => d.name),
    ).toEqual(['A deal']);
    expect((await api.as(manager, { method: 'GET', url: `/api/v1/deals/${dealA.id}` })).statusCode).toBe(200);
    expect((await api.as(manager, { method: 'GET', url: `/api/v1/deals/${dealB.id}` })).statusCode).toBe(404);
    expect(
      (await api.as(repA, { method: 'POST', url: '/api/v1/deals', payload: { name: 'For B', ownerId: repB.userId } }))
        .statusCode,
    ).toBe(403);
    // references must be visible to the actor, too
    const bAccount = (
      await api.as(repB, { method: 'POST', url: '/api/v1/accounts', payload: { name: 'B account' } })
    ).json<{ id: string }>();
    const bContact = await insertContact(deps, admin.orgId, { ownerId: repB.userId });
    const refs = await api.as(repA, {
      method: 'POST',
      url: '/api/v1/deals',
      payload: { name: 'X', accountId: bAccount.id, contactRoles: [{ contactId: bContact, role: 'user' }] },
    });
    expect(refs.json<Problem>().errors?.map((e) => e.field)).toEqual(['accountId', 'contactRoles.0.contactId']);
  });

  it('keeps organizations apart', async () => {
    const { admin } = await createTestOrg(deps);
    const other = await createTestOrg(deps);
    const mine = await createTestPipeline(deps, admin);
    await createTestPipeline(deps, other.admin);
    const d = (
      await api.as(admin, { method: 'POST', url: '/api/v1/deals', payload: { name: 'Private deal' } })
    ).json<DealDto>();
    expect((await api.as(other.admin, { method: 'GET', url: `/api/v1/deals/${d.id}` })).statusCode).toBe(404);
    expect(
      (
        await api.as(other.admin, {
          method: 'PATCH',
          url: `/api/v1/deals/${d.id}`,
          headers: { 'if-match': '*' },
          payload: { name: 'Hijack' },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await api.as(other.admin, { method: 'DELETE', url: `/api/v1/deals/${d.id}`, headers: { 'if-match': '*' } }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await api.as(other.admin, {
          method: 'POST',
          url: `/api/v1/deals/${d.id}/stage`,
          headers: { 'if-match': '*' },
          payload: { stageId: mine.stage('Discovery') },
        })
      ).statusCode,
    ).toBe(404);
    expect((await api.as(other.admin, { method: 'GET', url: `/api/v1/deals/${d.id}/timeline` })).statusCode).toBe(404);
    expect((await api.as(other.admin, { method: 'GET', url: '/api/v1/deals' })).json<Page>().items).toHaveLength(0);
    const foreignPipeline = await api.as(other.admin, {
      method: 'POST',
      url: '/api/v1/deals',
      payload: { name: 'Y', pipelineId: mine.id },
    });
    expect(foreignPipeline.json<Problem>().errors).toEqual([
      { field: 'pipelineId', message: 'is not a pipeline of this organization' },
    ]);
  });

  it('filters, sorts nullable columns and pages with a cursor', async () => {
    const { admin } = await createTestOrg(deps);
    const p = await createTestPipeline(deps, admin);
    const reseller = await createPartnerAccount(deps, admin);
    const specs = [
      { name: 'Alpha', amount: '300.00', expectedCloseDate: '2026-05-01' },
      { name: 'Bravo', amount: null, expectedCloseDate: null },
      { name: 'Charlie', amount: '1000.50', expectedCloseDate: '2026-02-01', partnerAccountId: reseller.id },
      { name: 'Delta', amount: '99.99', expectedCloseDate: null },
      { name: 'Echo', amount: '300.00', expectedCloseDate: '2026-03-15' },
    ];
    const ids = new Map<string, string>();
    for (const s of specs)
      ids.set(s.name, (await api.as(admin, { method: 'POST', url: '/api/v1/deals', payload: s })).json<DealDto>().id);
    // Ties (Alpha and Echo on amount, Bravo and Delta on no close date) are broken by id, also across pages.
    const byId = (...names: string[]) => names.sort((a, b) => ((ids.get(a) ?? '') < (ids.get(b) ?? '') ? -1 : 1));
    const names = async (qs: string) =>
      (await api.as(admin, { method: 'GET', url: `/api/v1/deals?${qs}` })).json<Page>().items.map((d) => d.name);
    const walk = async (qs: string) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Page = (
          await api.as(admin, { method: 'GET', url: `/api/v1/deals?${qs}&limit=2${cursor ? `&cursor=${cursor}` : ''}` })
        ).json<Page>();
        seen.push(...page.items.map((d) => d.name));
        cursor = page.nextCursor;
      } while (cursor);
      return seen;
    };
    expect(await walk('sort=created_at')).toEqual(['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo']);
    expect(await walk('sort=amount')).toEqual(['Bravo', 'Delta', ...byId('Alpha', 'Echo'), 'Charlie']);
    expect(await walk('sort=amount&order=desc')).toEqual([
      'Charlie',
      ...byId('Alpha', 'Echo').reverse(),
      'Delta',
      'Bravo',
    ]);
    expect(await walk('sort=expected_close_date')).toEqual(['Charlie', 'Echo', 'Alpha', ...byId('Bravo', 'Delta')]);
    expect(await walk('sort=name&order=desc')).toEqual(['Echo', 'Delta', 'Charlie', 'Bravo', 'Alpha']);
    expect(await names('amountMin=100&amountMax=1000.50&sort=name')).toEqual(['Alpha', 'Charlie', 'Echo']);
    expect(await names('expectedCloseFrom=2026-03-01&expectedCloseTo=2026-05-01&sort=name')).toEqual(['Alpha', 'Echo']);
    expect(await names('channel=partner')).toEqual(['Charlie']);
    expect(await names(`partnerAccountId=${reseller.id}`)).toEqual(['Charlie']);
    expect(await names(`stageId=${p.stage('Qualify')}&status=open&q=ha&sort=name`)).toEqual(['Alpha', 'Charlie']);
    expect(await names(`ownerId=${admin.userId}&pipelineId=${p.id}&createdFrom=2020-01-01T00:00:00Z`)).toHaveLength(5);
    expect(await names('createdTo=2020-01-01T00:00:00Z')).toEqual([]);
    const bad = await api.as(admin, {
      method: 'GET',
      url: '/api/v1/deals?sort=probability&amountMin=ten&status=maybe',
    });
    expect(
      bad
        .json<Problem>()
        .errors?.map((e) => e.field)
        .sort(),
    ).toEqual(['amountMin', 'sort', 'status']);
  });

  it('lists the deals a contact is on, as primary contact or with a role', async () => {
    const { admin } = await createTestOrg(deps);
    await createTestPipeline(deps, admin);
    const [buyer, other] = [
      await insertContact(deps, admin.orgId, { ownerId: admin.userId }),
      await insertContact(deps, admin.orgId, { ownerId: admin.userId }),
    ];
    const post = async (payload: object) =>
      (await api.as(admin, { method: 'POST', url: '/api/v1/deals', payload })).json<DealDto>();
    await post({ name: 'Primary', primaryContactId: buyer });
    await post({
      name: 'Champion',
      contactRoles: [
        { contactId: buyer, role: 'champion' },
        { contactId: other, role: 'user' },
      ],
    });
    await post({ name: 'Elsewhere', contactRoles: [{ contactId: other, role: 'economic_buyer' }] });
    const names = async (contactId: string) =>
      (await api.as(admin, { method: 'GET', url: `/api/v1/deals?contactId=${contactId}&sort=name` }))
        .json<Page>()
        .items.map((d) => d.name);
    expect(await names(buyer)).toEqual(['Champion', 'Primary']);
    expect(await names(other)).toEqual(['Champion', 'Elsewhere']);
  });

  it('deletes softly with If-Match and keeps the history', async () => {
    const { admin } = await createTestOrg(deps);
    await createTestPipeline(deps, admin);
    const d = (
      await api.as(admin, { method: 'POST', url: '/api/v1/deals', payload: { name: 'Short-lived' } })
    ).json<DealDto>();
    expect(
      (await api.as(admin, { method: 'DELETE', url: `/api/v1/deals/${d.id}`, headers: { 'if-match': '2' } }))
        .statusCode,
    ).toBe(409);
    expect(
      (await api.as(admin, { method: 'DELETE', url: `/api/v1/deals/${d.id}`, headers: { 'if-match': '1' } }))
        .statusCode,
    ).toBe(204);
    expect((await api.as(admin, { method: 'GET', url: `/api/v1/deals/${d.id}` })).statusCode).toBe(404);
    expect((await eventsOf(d.id)).map((e) => e.type)).toEqual(['deal.created', 'deal.deleted']);
    const verify = await api.as(admin, { method: 'GET', url: '/api/v1/audit/verify' });
    expect(verify.json()).toMatchObject({ ok: true });
  });
});
