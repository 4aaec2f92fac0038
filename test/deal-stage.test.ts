import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/contract/access.ts';
import type { DealDto } from '../src/contract/deals.ts';
import { ManualClock } from '../src/domain/deps.ts';
import { createApi, type Api } from './helpers/api.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg, createTestUser } from './helpers/factories.ts';
import { createTestPipeline, createTestProduct, standardStages } from './helpers/sales.ts';

const DAY = 86_400_000;
const clock = new ManualClock('2026-02-02T09:00:00.000Z');
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

type Problem = { code: string; detail: string; errors?: { field: string; message: string }[]; [k: string]: unknown };

const newDeal = async (actor: Actor, payload: Record<string, unknown> = {}) => {
  const res = await api.as(actor, { method: 'POST', url: '/api/v1/deals', payload: { name: 'Deal', ...payload } });
  expect(res.statusCode).toBe(201);
  return res.json<DealDto>();
};
const moveTo = (
  actor: Actor,
  deal: { id: string; version: number },
  stageId: string,
  extra: Record<string, unknown> = {},
) =>
  api.as(actor, {
    method: 'POST',
    url: `/api/v1/deals/${deal.id}/stage`,
    headers: { 'if-match': String(deal.version) },
    payload: { stageId, ...extra },
  });
const eventsOf = (id: string) =>
  deps.db.selectFrom('events').select(['type', 'data']).where('entity_id', '=', id).orderBy('id').execute();

describe('moving a deal between stages', () => {
  it('refuses to enter a gated stage, listing every missing field, then lets it in once they are filled', async () => {
    const { admin } = await createTestOrg(deps);
    const p = await createTestPipeline(deps, admin);
    const product = await createTestProduct(deps, admin);
    const deal = await newDeal(admin);
    const refused = await moveTo(admin, deal, p.stage('Proposal'));
    expect(refused.statusCode).toBe(422);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.json()).toMatchObject({
      code: 'stage_gate_failed',
      stageId: p.stage('Proposal'),
      missingFields: ['amount', 'expectedCloseDate', 'lineItems'],
      errors: [
        { field: 'amount', message: 'is required to enter stage "Proposal"' },
        { field: 'expectedCloseDate', message: 'is required to enter stage "Proposal"' },
        { field: 'lineItems', message: 'is required to enter stage "Proposal"' },
      ],
    });
    const partly = await api.as(admin, {
      method: 'PATCH',
      url: `/api/v1/deals/${deal.id}`,
      headers: { 'if-match': '1' },
      payload: { amount: '59.97', lineItems: [{ productId: product.id, quantity: '3' }] },
    });
    const stillMissing = await moveTo(admin, partly.json<DealDto>(), p.stage('Proposal'));
    expect(stillMissing.json()).toMatchObject({ code: 'stage_gate_failed', missingFields: ['expectedCloseDate'] });
    const filled = (
      await api.as(admin, {
        method: 'PATCH',
        url: `/api/v1/deals/${deal.id}`,
        headers: { 'if-match': '2' },
        payload: { expectedCloseDate: '2026-04-30' },
      })
    ).json<DealDto>();
    clock.advance(3 * DAY);
    const ok = await moveTo(admin, filled, p.stage('Proposal'));
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      stageId: p.stage('Proposal'),
      status: 'open',
      version: 4,
      stageEnteredAt: clock.now().toISOString(),
    });
    const ev = await eventsOf(deal.id);
    expect(ev.map((e) => e.type)).toEqual(['deal.created', 'deal.updated', 'deal.updated', 'deal.stage_changed']);
    expect(ev[3]?.data).toEqual({
      from: { stageId: p.stage('Qualify'), name: 'Qualify', position: 0, kind: 'open', pipelineId: p.id },
      to: { stageId: p.stage('Proposal'), name: 'Proposal', position: 2, kind: 'open', pipelineId: p.id },
      status: { from: 'open', to: 'open' },
      daysInPreviousStage: 3,
    });
  });

  it('enforces stage order when the pipeline asks for it: no skipping, no going back, closing always allowed', async () => {
    const { admin } = await createTestOrg(deps);
    const p = await createTestPipeline(deps, admin, { enforceStageOrder: true });
    const deal = await newDeal(admin);
    const skip = await moveTo(admin, deal, p.stage('Negotiation'));
    expect(skip.statusCode).toBe(422);
    expect(skip.json()).toMatchObject({
      code: 'stage_order_violation',
      direction: 'forward',
      skippedStages: [
        { id: p.stage('Discovery'), name: 'Discovery', position: 1 },
        { id: p.stage('Proposal'), name: 'Proposal', position: 2 },
      ],
    });
    expect(skip.json<Problem>().detail).toMatch(/"Discovery", "Proposal"/);
    const next = await moveTo(admin, deal, p.stage('Discovery'));
    expect(next.statusCode).toBe(200);
    const back = await moveTo(admin, next.json<DealDto>(), p.stage('Qualify'));
    expect(back.statusCode).toBe(422);
    expect(back.json()).toMatchObject({ code: 'stage_order_violation', direction: 'backward' });
    const close = await moveTo(admin, next.json<DealDto>(), p.stage('Lost'), { lostReason: 'No budget this year' });
    expect(close.statusCode).toBe(200);
    expect(close.json()).toMatchObject({ status: 'lost', lostReason: 'No budget this year' });

    const late = await api.as(admin, {
      method: 'POST',
      url: '/api/v1/deals',
      payload: { name: 'Late entry', stageId: p.stage('Discovery') },
    });
    expect(late.statusCode).toBe(422);
    expect(late.json()).toMatchObject({ code: 'stage_order_violation', skippedStages: [{ name: 'Qualify' }] });
  });

  it('allows skipping and going back when order is not enforced', async () => {
    const { admin } = await createTestOrg(deps);
    const p = await createTestPipeline(deps, admin);
    const deal = await newDeal(admin, { stageId: p.stage('Discovery') });
    const jump = await moveTo(admin, deal, p.stage('Negotiation'));
    expect(jump.statusCode).toBe(200);
    const back = await moveTo(admin, jump.json<DealDto>(), p.stage('Qualify'));
    expect(back.statusCode).toBe(200);
    expect(back.json()).toMatchObject({ stageId: p.stage('Qualify'), version: 3 });
  });

  it('closes as won with closedAt, lets only admins and managers reopen, and records each step', async () => {
    const { admin } = await createTestOrg(deps);
    const p = await createTestPipeline(deps, admin);
    const manager = await createTestUser(deps, admin, 'manager');
    const rep = await createTestUser(deps, admin, 'rep', { managerId: manager.userId });
    const account = (
      await api.as(rep, { method: 'POST', url: '/api/v1/accounts', payload: { name: 'Winner Inc' } })
    ).json<{ id: string }>();
    const deal = await newDeal(rep, { amount: '1200.00' });
    const gate = await moveTo(rep, deal, p.stage('Won'));
    expect(gate.json()).toMatchObject({ code: 'stage_gate_failed', missingFields: ['accountId'] });
    const withAccount = (
      await api.as(rep, {
        method: 'PATCH',
        url: `/api/v1/deals/${deal.id}`,
        headers: { 'if-match': '1' },
        payload: { accountId: account.id },
      })
    ).json<DealDto>();
    clock.advance(DAY / 2);
    const won = await moveTo(rep, withAccount, p.stage('Won'));
    expect(won.statusCode).toBe(200);
    const wonDeal = won.json<DealDto>();
    expect(wonDeal).toMatchObject({ status: 'won', closedAt: clock.now().toISOString() });
    const same = await moveTo(rep, wonDeal, p.stage('Won'));
    expect(same.statusCode).toBe(422);
    expect(same.json()).toMatchObject({ code: 'invalid_transition' });
    const repReopen = await moveTo(rep, wonDeal, p.stage('Negotiation'));
    expect(repReopen.statusCode).toBe(403);
    const reopened = await moveTo(manager, wonDeal, p.stage('Negotiation'));
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json()).toMatchObject({ status: 'open', closedAt: null, stageId: p.stage('Negotiation') });
    const ev = await eventsOf(deal.id);
    expect(ev.map((e) => e.type)).toEqual([
      'deal.created',
      'deal.updated',
      'deal.stage_changed',
      'deal.won',
      'deal.stage_changed',
      'deal.reopened',
    ]);
    expect(ev[2]?.data).toMatchObject({ status: { from: 'open', to: 'won' }, daysInPreviousStage: 0.5 });
    expect(ev[3]?.data).toEqual({
      stageId: p.stage('Won'),
      amount: '1200.00',
      currency: 'USD',
      lineItemsCount: 0,
      closedAt: wonDeal.closedAt,
    });
    expect(ev[4]?.data).toMatchObject({
      from: { name: 'Won', kind: 'won' },
      to: { name: 'Negotiation', kind: 'open' },
      status: { from: 'won', to: 'open' },
    });
    expect(ev[5]?.data).toEqual({
      previousStatus: 'won',
      closedAt: wonDeal.closedAt,
      lostReason: null,
      stageId: p.stage('Negotiation'),
    });
  });

  it('needs a lost reason to lose a deal, and clears it when an admin reopens', async () => {
    const { admin } = await createTestOrg(deps);
    const p = await createTestPipeline(deps, admin);
    const deal = await newDeal(admin);
    const noReason = await moveTo(admin, deal, p.stage('Lost'));
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json()).toMatchObject({
      code: 'stage_gate_failed',
      missingFields: ['lostReason'],
      errors: [{ field: 'lostReason' }],
    });
    const misplaced = await moveTo(admin, deal, p.stage('Discovery'), { lostReason: 'n/a' });
    expect(misplaced.json<Problem>().errors).toEqual([
      { field: 'lostReason', message: 'applies only when moving to a lost stage' },
    ]);
    const lost = await moveTo(admin, deal, p.stage('Lost'), { lostReason: 'Chose a competitor' });
    expect(lost.json()).toMatchObject({
      status: 'lost',
      lostReason: 'Chose a competitor',
      closedAt: clock.now().toISOString(),
    });
    const reopened = await moveTo(admin, lost.json<DealDto>(), p.stage('Qualify'));
    expect(reopened.json()).toMatchObject({ status: 'open', lostReason: null, closedAt: null });
    const types = (await eventsOf(deal.id)).map((e) => e.type);
    expect(types).toEqual(['deal.created', 'deal.stage_changed', 'deal.lost', 'deal.stage_changed', 'deal.reopened']);
    const lostEvent = (await eventsOf(deal.id))[2];
    expect(lostEvent?.data).toMatchObject({ stageId: p.stage('Lost'), lostReason: 'Chose a competitor' });
  });

  it('refuses a stale version with 409, accepts expectedVersion in the body, and needs one of the two', async () => {
    const { admin } = await createTestOrg(deps);
    const p = await createTestPipeline(deps, admin);
    const deal = await newDeal(admin);
    await api.as(admin, {
      method: 'PATCH',
      url: `/api/v1/deals/${deal.id}`,
      headers: { 'if-match': '1' },
      payload: { nextStep: 'Call' },
    });
    const stale = await moveTo(admin, deal, p.stage('Discovery'));
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'version_conflict', currentVersion: 2, sentVersion: 1 });
    const none = await api.as(admin, {
      method: 'POST',
      url: `/api/v1/deals/${deal.id}/stage`,
      payload: { stageId: p.stage('Discovery') },
    });
    expect(none.statusCode).toBe(428);
    const clash = await api.as(admin, {
      method: 'POST',
      url: `/api/v1/deals/${deal.id}/stage`,
      headers: { 'if-match': '2' },
      payload: { stageId: p.stage('Discovery'), expectedVersion: 1 },
    });
    expect(clash.statusCode).toBe(422);
    const body = await api.as(admin, {
      method: 'POST',
      url: `/api/v1/deals/${deal.id}/stage`,
      payload: { stageId: p.stage('Discovery'), expectedVersion: 2 },
    });
    expect(body.statusCode).toBe(200);
    expect(body.json()).toMatchObject({ version: 3, stageId: p.stage('Discovery') });
    const types = (await eventsOf(deal.id)).map((e) => e.type);
    expect(types).toEqual(['deal.created', 'deal.updated', 'deal.stage_changed']);
  });

  it('moves a deal into another pipeline through the stage endpoint, and refuses stages of other pipelines otherwise', async () => {
    const { admin } = await createTestOrg(deps);
    const a = await createTestPipeline(deps, admin, { enforceStageOrder: true });
    const b = await createTestPipeline(deps, admin, {
      enforceStageOrder: true,
      stages: standardStages.map((s) => ({ ...s, requiredFields: [] })),
    });
    const deal = await newDeal(admin, { pipelineId: a.id });
    const wrong = await moveTo(admin, deal, b.stage('Discovery'));
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json<Problem>().errors?.[0]?.field).toBe('stageId');
    const moved = await moveTo(admin, deal, b.stage('Negotiation'), { pipelineId: b.id });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ pipelineId: b.id, stageId: b.stage('Negotiation') });
    const ev = await eventsOf(deal.id);
    expect(ev.at(-1)?.data).toMatchObject({
      from: { pipelineId: a.id, name: 'Qualify' },
      to: { pipelineId: b.id, name: 'Negotiation' },
    });
  });

  it('lets a partner move its registration through open stages but not close it', async () => {
    const { admin } = await createTestOrg(deps);
    const p = await createTestPipeline(deps, admin);
    const partnerAccount = (
      await api.as(admin, { method: 'POST', url: '/api/v1/accounts', payload: { name: 'Reseller', type: 'reseller' } })
    ).json<{ id: string }>();
    const partner = await createTestUser(deps, admin, 'partner', { partnerAccountId: partnerAccount.id });
    const deal = await newDeal(partner, { pipelineId: p.id, amount: '1000.00' });
    const open = p.stages.filter((s) => s.kind === 'open');
    const second = open[1];
    const won = p.stages.find((s) => s.kind === 'won');
    const moved = await moveTo(partner, deal, second!.id);
    expect(moved.statusCode).toBe(200);
    const close = await moveTo(partner, moved.json<DealDto>(), won!.id);
    expect(close.statusCode).toBe(403);
    expect(close.json<Problem>().code).toBe('forbidden');
  });

  it('does not create a deal straight into a won or lost stage', async () => {
    const { admin } = await createTestOrg(deps);
    const p = await createTestPipeline(deps, admin);
    const res = await api.as(admin, {
      method: 'POST',
      url: '/api/v1/deals',
      payload: { name: 'Instant win', stageId: p.stage('Won') },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'invalid_transition' });
  });

  it('keeps the audit chain intact across stage moves', async () => {
    const { admin } = await createTestOrg(deps);
    const p = await createTestPipeline(deps, admin);
    const deal = await newDeal(admin);
    const moved = (await moveTo(admin, deal, p.stage('Discovery'))).json<DealDto>();
    await moveTo(admin, moved, p.stage('Lost'), { lostReason: 'Timing' });
    expect((await api.as(admin, { method: 'GET', url: '/api/v1/audit/verify' })).json()).toMatchObject({ ok: true });
    const tl = await api.as(admin, { method: 'GET', url: `/api/v1/deals/${deal.id}/timeline` });
    expect(tl.json<{ items: { type: string }[] }>().items.map((i) => i.type)).toEqual([
      'deal.lost',
      'deal.stage_changed',
      'deal.stage_changed',
      'deal.created',
    ]);
  });
});
